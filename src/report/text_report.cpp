#include <algorithm>
#include <array>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <fmt/format.h>

#include "kube_harden/report.h"

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

std::string location(const std::string& file, Position position) {
  if (!position.known()) return file;
  return fmt::format("{}:{}:{}", file, position.line, position.column);
}

// Counted from the findings themselves so that the line always agrees with
// what was printed above it.
std::string summary_line(const LintResult& result) {
  std::array<size_t, 5> by_severity{};
  for (const Finding& finding : result.findings) {
    ++by_severity[static_cast<size_t>(finding.severity)];
  }

  std::string scope = fmt::format("in {}, {}", count_noun(result.summary.files, "file", "files"),
                                  count_noun(result.summary.objects, "object", "objects"));
  if (result.summary.skipped > 0) scope += fmt::format(", {} skipped", result.summary.skipped);
  // Errors are printed on stderr; the summary says they happened, so a clean
  // looking report is never mistaken for a complete one.
  if (!result.errors.empty()) {
    scope += fmt::format("; {} not fully linted (see errors above)",
                         count_noun(result.errors.size(), "input", "inputs"));
  }

  if (result.findings.empty()) return fmt::format("No findings {}", scope);

  std::vector<std::string> parts;
  for (Severity severity :
       {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info}) {
    size_t count = by_severity[static_cast<size_t>(severity)];
    if (count > 0) parts.push_back(fmt::format("{} {}", count, to_string(severity)));
  }
  return fmt::format("{} ({}) {}", count_noun(result.findings.size(), "finding", "findings"),
                     fmt::join(parts, ", "), scope);
}

}  // namespace

void write_text_report(std::ostream& out, const LintResult& result, const TextStyle& style) {
  const std::string* previous_file = nullptr;
  for (const Finding& finding : result.findings) {
    if (previous_file != nullptr && *previous_file != finding.file) out << '\n';
    previous_file = &finding.file;

    std::string severity(to_string(finding.severity));
    if (style.color)
      severity = fmt::format("{}{}{}", severity_color(finding.severity), severity, kReset);
    out << fmt::format("{}: {}: {} [{}]\n", location(finding.file, finding.position), severity,
                       finding.message, finding.rule_id);
  }
  if (!result.findings.empty()) out << '\n';
  out << summary_line(result) << '\n';
}

void write_rule_catalog_text(std::ostream& out, const RuleCatalog& catalog) {
  struct Row {
    std::string id;
    std::string severity;
    std::string pss;
    std::string title;
  };
  std::vector<Row> rows;
  rows.push_back({"ID", "SEVERITY", "PSS", "TITLE"});
  for (const RuleMetadata& rule : catalog.rules()) {
    std::string pss = "-";
    if (rule.pss) pss = fmt::format("{}/{}", to_string(rule.pss->level), rule.pss->check);
    rows.push_back({rule.id, std::string(to_string(rule.severity)), pss, rule.title});
  }

  size_t id_width = 0;
  size_t severity_width = 0;
  size_t pss_width = 0;
  for (const Row& row : rows) {
    id_width = std::max(id_width, row.id.size());
    severity_width = std::max(severity_width, row.severity.size());
    pss_width = std::max(pss_width, row.pss.size());
  }
  for (const Row& row : rows) {
    out << fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", row.id, id_width, row.severity,
                       severity_width, row.pss, pss_width, row.title);
  }
}

}  // namespace kube_harden
