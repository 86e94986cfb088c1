#include "kube_harden/rule_selection.h"

namespace kube_harden {

bool RuleSelection::runs(std::string_view rule_id) const {
  if (disabled.contains(rule_id)) return false;
  return !only || only->contains(rule_id);
}

Severity RuleSelection::severity_of(std::string_view rule_id, Severity default_severity) const {
  auto it = severity_overrides.find(rule_id);
  return it == severity_overrides.end() ? default_severity : it->second;
}

void RuleSelection::enable(const std::string& rule_id) {
  disabled.erase(rule_id);
  if (only) only->insert(rule_id);
}

void RuleSelection::disable(const std::string& rule_id) {
  disabled.insert(rule_id);
}

void RuleSelection::restrict_to(const std::set<std::string, std::less<>>& rule_ids) {
  only = rule_ids;
}

}  // namespace kube_harden
