#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "kube_harden/report.h"
#include "report/text_lines.h"

namespace kube_harden {

void write_text_report(std::ostream& out, const LintResult& result, const TextStyle& style) {
  const std::string* previous_file = nullptr;
  for (const Finding& finding : result.findings) {
    if (!is_listed(finding, style)) continue;
    if (previous_file != nullptr && *previous_file != finding.file) out << '\n';
    previous_file = &finding.file;
    out << finding_line(finding, style.color) << '\n';
  }
  if (previous_file != nullptr) out << '\n';
  out << summary_line(result, style) << '\n';
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
