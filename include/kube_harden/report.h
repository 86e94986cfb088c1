#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/rule_metadata.h"

namespace kube_harden {

inline constexpr const char* kVersion = "0.1.0";

// How the human-readable formats (text, and the log lines of github) look.
struct TextStyle {
  bool color = false;
  bool show_suppressed = false;  // list suppressed findings too, marked as such
};

// GitHub shows at most this many annotations of each level per step.
inline constexpr size_t kGithubAnnotationsPerLevel = 10;

void write_text_report(std::ostream& out, const LintResult& result, const TextStyle& style);
void write_json_report(std::ostream& out, const LintResult& result);
void write_sarif_report(std::ostream& out, const LintResult& result, const RuleCatalog& catalog);

// Text, JSON and SARIF can also be written while lint() runs: findings go out
// as they arrive, and finish() writes what needs the whole run. The bytes
// are those of the write_*_report() functions above for the same result.
class StreamingReport : public FindingSink {
 public:
  void add(std::vector<Finding>& findings) override {
    for (const Finding& finding : findings) write(finding);
  }
  virtual void write(const Finding& finding) = 0;
  // `result` as lint() returned it (with any errors added since start()).
  virtual void finish(const LintResult& result) = 0;
};

std::unique_ptr<StreamingReport> text_report_stream(std::ostream& out, const TextStyle& style);
std::unique_ptr<StreamingReport> json_report_stream(std::ostream& out);
// `baseline_used`: whether the run drops findings a baseline records.
std::unique_ptr<StreamingReport> sarif_report_stream(std::ostream& out, const RuleCatalog& catalog,
                                                     bool baseline_used);
// GitHub Actions workflow commands (annotations) after the text report.
void write_github_report(std::ostream& out, const LintResult& result, const TextStyle& style);
// JUnit XML: a testsuite per file, a testcase per (object, rule).
void write_junit_report(std::ostream& out, const LintResult& result);
// Checkstyle XML 4.3, without suppressed findings.
void write_checkstyle_report(std::ostream& out, const LintResult& result);

void write_rule_catalog_text(std::ostream& out, const RuleCatalog& catalog);
void write_rule_catalog_json(std::ostream& out, const RuleCatalog& catalog);

// One rule's full documentation: plain text for `explain`, Markdown for
// docs/rules/<id>.md and SARIF's help.markdown.
std::string render_rule_text(const RuleMetadata& rule);
std::string render_rule_markdown(const RuleMetadata& rule);

}  // namespace kube_harden
