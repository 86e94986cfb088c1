#pragma once

#include <ostream>
#include <string>

#include "kube_harden/lint.h"
#include "kube_harden/rule_metadata.h"

namespace kube_harden {

inline constexpr const char* kVersion = "0.1.0";

struct TextStyle {
  bool color = false;
};

void write_text_report(std::ostream& out, const LintResult& result, const TextStyle& style);
void write_json_report(std::ostream& out, const LintResult& result);
void write_sarif_report(std::ostream& out, const LintResult& result, const RuleCatalog& catalog);

void write_rule_catalog_text(std::ostream& out, const RuleCatalog& catalog);
void write_rule_catalog_json(std::ostream& out, const RuleCatalog& catalog);

// One rule's full documentation: plain text for `explain`, Markdown for
// docs/rules/<id>.md and SARIF's help.markdown.
std::string render_rule_text(const RuleMetadata& rule);
std::string render_rule_markdown(const RuleMetadata& rule);

}  // namespace kube_harden
