#include "catalog/rule_doc.h"

#include <fmt/format.h>

#include <string_view>

#include "kube_harden/report.h"

namespace kube_harden {
namespace {

// Texts from rules/*.yaml have no trailing newlines, but a RuleMetadata built
// in code may; rendering must not depend on it.
std::string_view trimmed(std::string_view text) {
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(0, end == std::string_view::npos ? 0 : end + 1);
}

// Indents every non-empty line, so blank lines carry no trailing spaces.
std::string indent(std::string_view text, std::string_view prefix) {
  text = trimmed(text);
  std::string out;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty()) out.append(prefix).append(line);
    out += '\n';
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

// A section body or a whole rendering: ends with exactly one newline.
std::string block(std::string_view text) {
  return std::string(trimmed(text)) + '\n';
}

std::string table_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string pss_summary_markdown(const RuleMetadata& rule) {
  if (!rule.pss) return "none";
  return fmt::format("{}, check `{}`", to_string(rule.pss->level), rule.pss->check);
}

}  // namespace

std::string render_rule_text(const RuleMetadata& rule) {
  std::string out = fmt::format("{}: {}\n\n", rule.id, rule.title);
  out += fmt::format("Severity: {}\n", to_string(rule.severity));
  if (rule.pss) {
    out += fmt::format("Pod Security Standard: {}, check \"{}\"\n", to_string(rule.pss->level),
                       rule.pss->check);
  }
  out += "\nWhat it does\n" + indent(rule.description, "  ");
  out += "\nWhy is this bad?\n" + indent(rule.rationale, "  ");
  out += "\nExample\n  Bad:\n" + indent(rule.example_bad, "    ");
  out += "  Good:\n" + indent(rule.example_good, "    ");
  out += "\nUse instead\n" + indent(rule.remediation, "  ");
  out += "\nReferences\n";
  for (const std::string& reference : rule.references) out += "  - " + reference + '\n';
  return block(out);
}

std::string render_rule_markdown(const RuleMetadata& rule) {
  std::string out = fmt::format("# {}\n\n{}\n\n", rule.id, rule.title);
  out += "| Severity | Pod Security Standard | Category |\n|---|---|---|\n";
  out += fmt::format("| {} | {} | {} |\n", to_string(rule.severity), pss_summary_markdown(rule),
                     table_cell(rule.category));
  out += "\n## What it does\n\n" + block(rule.description);
  out += "\n## Why is this bad?\n\n" + block(rule.rationale);
  out += "\n## Example\n\nFlagged:\n\n```yaml\n" + block(rule.example_bad) + "```\n";
  out += "\nFixed:\n\n```yaml\n" + block(rule.example_good) + "```\n";
  out += "\n## Use instead\n\n" + block(rule.remediation);
  out += "\n## References\n\n";
  for (const std::string& reference : rule.references) out += "- <" + reference + ">\n";
  return block(out);
}

std::string render_rule_index_markdown(const RuleCatalog& catalog) {
  std::string out =
      "# Rules\n\n"
      "<!-- Generated from rules/*.yaml by kh-docgen. Edit those files, then run\n"
      "     `cmake --build build --target docs`. -->\n\n";
  out += fmt::format(
      "kube-harden has {} rules. Each page says what the rule checks, why it matters and how to "
      "fix it;\n`kube-harden explain <id>` prints the same text.\n\n",
      catalog.rules().size());
  out += "| Rule | Title | Severity | Pod Security Standard |\n|---|---|---|---|\n";
  for (const RuleMetadata& rule : catalog.rules()) {
    out += fmt::format("| [{0}]({0}.md) | {1} | {2} | {3} |\n", rule.id, table_cell(rule.title),
                       to_string(rule.severity), pss_summary_markdown(rule));
  }
  return block(out);
}

}  // namespace kube_harden
