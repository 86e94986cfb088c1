#include "report/text_lines.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <fmt/format.h>

namespace kube_harden {

namespace {

constexpr std::string_view kReset = "\x1b[0m";

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::Critical:
    case Severity::High:
      return "\x1b[1;31m";
    case Severity::Medium:
      return "\x1b[33m";
    case Severity::Low:
      return "\x1b[36m";
    case Severity::Info:
      return "\x1b[2m";
  }
  return "";
}

// "1 finding", "2 findings".
std::string count_noun(size_t count, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if ((byte < 0x20 && byte != '\t') || byte == 0x7F) {
      out += fmt::format("\\x{:02x}", byte);
    } else if (byte == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // U+0080..U+009F: C1 controls, e.g. U+009B, which some terminals read as CSI.
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
    } else {
      out += static_cast<char>(byte);
    }
  }
  return out;
}

std::string location(const std::string& file, Position position) {
  if (!position.known()) return file;
  return fmt::format("{}:{}:{}", file, position.line, position.column);
}

std::string suppression_note(const Suppression& suppression) {
  std::string note = "suppressed";
  if (!suppression.origin.empty()) note += " by " + suppression.origin;
  if (!suppression.reason.empty()) note += ": " + suppression.reason;
  return note;
}

bool is_listed(const Finding& finding, const TextStyle& style) {
  return !finding.suppressed || style.show_suppressed;
}

std::string finding_line(const Finding& finding, bool color) {
  std::string severity(to_string(finding.severity));
  if (color) severity = fmt::format("{}{}{}", severity_color(finding.severity), severity, kReset);
  std::string line =
      fmt::format("{}: {}: {} [{}]", printable(location(finding.file, finding.position)), severity,
                  printable(finding.message), finding.rule_id);
  if (finding.rendered_from) {
    // Helm cannot map rendered lines back to template lines: say which is which.
    line += fmt::format(" [helm: {}, line {} of the rendered document]",
                        printable(finding.rendered_from->template_path),
                        finding.rendered_from->line);
  }
  if (finding.suppressed)
    line += fmt::format(" [{}]", printable(suppression_note(*finding.suppressed)));
  return line;
}

// Counted from the findings themselves so that the line always agrees with
// the findings listed above it.
std::string summary_line(const LintResult& result, const TextStyle& style) {
  return summary_line(FindingCounts::of(result.findings), result, style);
}

std::string summary_line(const FindingCounts& counts, const LintResult& result,
                         const TextStyle& style) {
  const std::array<size_t, 5>& by_severity = counts.by_severity;
  size_t unsuppressed = counts.unsuppressed;
  size_t suppressed = counts.suppressed;

  std::string line;
  if (unsuppressed == 0) {
    line = "No findings";
  } else {
    std::vector<std::string> parts;
    for (Severity severity :
         {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info}) {
      size_t count = by_severity[static_cast<size_t>(severity)];
      if (count > 0) parts.push_back(fmt::format("{} {}", count, to_string(severity)));
    }
    line = fmt::format("{} ({})", count_noun(unsuppressed, "finding", "findings"),
                       fmt::join(parts, ", "));
  }
  line += fmt::format(" in {}, {}", count_noun(result.summary.files, "file", "files"),
                      count_noun(result.summary.objects, "object", "objects"));
  if (result.summary.skipped > 0) line += fmt::format(", {} skipped", result.summary.skipped);

  if (suppressed > 0) {
    line += fmt::format("; {} suppressed", suppressed);
    if (!style.show_suppressed) line += " (--show-suppressed lists them)";
  }
  if (result.baseline.used) {
    line += fmt::format("; {} unchanged from baseline {}, {} fixed", result.baseline.unchanged,
                        printable(result.baseline.file), result.baseline.fixed);
  }
  // Errors are printed on stderr; the summary says they happened, so a clean
  // looking report is never mistaken for a complete one.
  if (!result.errors.empty()) {
    line += fmt::format("; {} not fully linted (see errors above)",
                        count_noun(result.errors.size(), "input", "inputs"));
  }
  return line;
}

}  // namespace kube_harden
