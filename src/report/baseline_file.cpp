// Baseline files are JSON: read back by kube-harden, diffed in code review.
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kube_harden/baseline.h"
#include "kube_harden/report.h"

namespace kube_harden {

using Json = nlohmann::ordered_json;

std::optional<Baseline> read_baseline(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("{}: cannot read the baseline file", path);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Json json = Json::parse(text.str(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    error = fmt::format("{}: not a kube-harden baseline (invalid JSON)", path);
    return std::nullopt;
  }
  auto version = json.find("kube-harden-baseline");
  if (version == json.end() || *version != kBaselineFormatVersion) {
    error = fmt::format("{}: not a kube-harden baseline of format {} (write one with "
                        "--write-baseline)",
                        path, kBaselineFormatVersion);
    return std::nullopt;
  }
  auto findings = json.find("findings");
  if (findings == json.end() || !findings->is_array()) {
    error = fmt::format("{}: the baseline has no \"findings\" list", path);
    return std::nullopt;
  }
  Baseline baseline;
  baseline.file = path;
  for (const Json& entry : *findings) {
    auto fingerprint = entry.is_object() ? entry.find("fingerprint") : entry.end();
    if (!entry.is_object() || fingerprint == entry.end() || !fingerprint->is_string()) {
      error = fmt::format("{}: finding {} of the baseline has no fingerprint", path,
                          baseline.entries + 1);
      return std::nullopt;
    }
    ++baseline.fingerprints[fingerprint->get<std::string>()];
    ++baseline.entries;
  }
  return baseline;
}

void write_baseline(std::ostream& out, const std::vector<Finding>& findings) {
  Json entries = Json::array();
  for (const Finding& finding : findings) {
    if (finding.suppressed) continue;
    // Everything but the fingerprint is there for the people reading the diff.
    Json entry;
    entry["fingerprint"] = stable_fingerprint(finding);
    entry["rule_id"] = finding.rule_id;
    entry["object"] = Json{{"kind", finding.object.kind},
                           {"namespace", finding.object.namespace_name},
                           {"name", finding.object.name}};
    if (!finding.container.empty()) entry["container"] = finding.container;
    entry["path"] = finding.path;
    entry["file"] = finding.file;
    if (finding.position.known()) entry["line"] = finding.position.line;
    entries.push_back(std::move(entry));
  }
  Json json;
  json["kube-harden-baseline"] = kBaselineFormatVersion;
  json["generated_by"] = std::string("kube-harden ") + kVersion;
  json["findings"] = std::move(entries);
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace kube_harden
