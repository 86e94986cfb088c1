#include "kube_harden/rule_selection_flags.h"

#include <fmt/format.h>

namespace kube_harden {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string unknown_rule(std::string_view flag, std::string_view id) {
  return fmt::format("{}: unknown rule \"{}\"; `kube-harden rules` lists them all", flag, id);
}

}  // namespace

std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> entries;
  for (std::string_view value : values) {
    while (true) {
      size_t comma = value.find(',');
      std::string_view entry = trim(value.substr(0, comma));
      if (!entry.empty()) entries.emplace_back(entry);
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  return entries;
}

std::string apply_rule_selection_flags(const RuleSelectionFlags& flags, const RuleCatalog& catalog,
                                       RuleSelection& selection) {
  if (!flags.only.empty()) {
    std::set<std::string, std::less<>> only;
    for (const std::string& id : split_list(flags.only)) {
      if (!catalog.find(id)) return unknown_rule("--only", id);
      only.insert(id);
    }
    selection.restrict_to(only);
  }
  for (const std::string& id : split_list(flags.disable)) {
    if (!catalog.find(id)) return unknown_rule("--disable", id);
    selection.disable(id);
  }
  for (const std::string& id : split_list(flags.enable)) {
    if (!catalog.find(id)) return unknown_rule("--enable", id);
    selection.enable(id);
  }
  for (const std::string& entry : split_list(flags.severity_overrides)) {
    size_t equals = entry.find('=');
    if (equals == std::string::npos) {
      return fmt::format("--severity-override: expected RULE=LEVEL, got \"{}\"", entry);
    }
    std::string id(trim(std::string_view(entry).substr(0, equals)));
    std::string_view level = trim(std::string_view(entry).substr(equals + 1));
    if (!catalog.find(id)) return unknown_rule("--severity-override", id);
    std::optional<Severity> severity = parse_severity(level);
    if (!severity) {
      return fmt::format(
          "--severity-override: unknown level \"{}\" for {} (critical, high, medium, low, info)",
          level, id);
    }
    selection.severity_overrides[id] = *severity;
  }
  return {};
}

}  // namespace kube_harden
