#include "engine/helm_sources.h"

#include <algorithm>

namespace kube_harden {
namespace {

constexpr std::string_view kSourceMarker = "# Source: ";

bool is_document_start(std::string_view line) {
  return line.starts_with("---") &&
         (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

std::vector<HelmSource> scan_helm_sources(std::string_view text) {
  // Every document gets an entry, so a finding in a document without a
  // Source comment is never credited to the template before it.
  std::vector<HelmSource> documents{HelmSource{1, {}}};
  if (text.find(kSourceMarker) == std::string_view::npos) return {};
  bool in_header = true;  // still in the document's leading comments
  uint32_t line_number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim_end(text.substr(start, end - start));
    ++line_number;
    if (is_document_start(line)) {
      documents.push_back(HelmSource{line_number + 1, {}});
      in_header = true;
    } else if (in_header && line.starts_with(kSourceMarker)) {
      documents.back().template_path = std::string(line.substr(kSourceMarker.size()));
      in_header = false;
    } else if (!line.empty() && !line.starts_with('#')) {
      in_header = false;
    }
    start = end + 1;
  }
  bool any = std::any_of(documents.begin(), documents.end(),
                         [](const HelmSource& d) { return !d.template_path.empty(); });
  return any ? documents : std::vector<HelmSource>{};
}

void map_to_helm_sources(const std::string& file, const std::vector<HelmSource>& sources,
                         std::vector<Finding>& findings) {
  if (sources.empty()) return;
  for (Finding& finding : findings) {
    if (finding.file != file || !finding.position.known()) continue;
    // The last document that starts at or before the finding's line holds it.
    auto after = std::upper_bound(
        sources.begin(), sources.end(), finding.position.line,
        [](uint32_t line, const HelmSource& source) { return line < source.first_line; });
    if (after == sources.begin()) continue;
    const HelmSource& source = *std::prev(after);
    if (source.template_path.empty()) continue;
    finding.rendered_from =
        RenderedSource{source.template_path, finding.position.line - source.first_line + 1};
  }
}

}  // namespace kube_harden
