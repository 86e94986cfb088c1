#pragma once

#include <cstddef>
#include <ostream>
#include <string>

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
