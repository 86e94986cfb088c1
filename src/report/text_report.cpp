#include <algorithm>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "kube_harden/report.h"
#include "report/finding_counts.h"
#include "report/text_lines.h"

namespace kube_harden {

namespace {

// Findings a line each, a blank line between files, then the summary.
class TextReport : public StreamingReport {
 public:
  TextReport(std::ostream& out, const TextStyle& style) : out_(out), style_(style) {}

  void start(const std::vector<InputError>&) override {}

  void write(const Finding& finding) override {
    counts_.add(finding);
    if (!is_listed(finding, style_)) return;
    if (listed_any_ && previous_file_ != finding.file) out_ << '\n';
    listed_any_ = true;
    previous_file_ = finding.file;
    out_ << finding_line(finding, style_.color) << '\n';
  }

  void finish(const LintResult& result) override {
    if (listed_any_) out_ << '\n';
    out_ << summary_line(counts_, result, style_) << '\n';
  }

 private:
  std::ostream& out_;
  TextStyle style_;
  FindingCounts counts_;
  bool listed_any_ = false;
  std::string previous_file_;
};

}  // namespace

std::unique_ptr<StreamingReport> text_report_stream(std::ostream& out, const TextStyle& style) {
  return std::make_unique<TextReport>(out, style);
}

void write_text_report(std::ostream& out, const LintResult& result, const TextStyle& style) {
  TextReport report(out, style);
  report.start(result.errors);
  for (const Finding& finding : result.findings) report.write(finding);
  report.finish(result);
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
