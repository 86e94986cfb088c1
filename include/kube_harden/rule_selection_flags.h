#pragma once

#include <string>
#include <vector>

#include "kube_harden/rule_metadata.h"
#include "kube_harden/rule_selection.h"

namespace kube_harden {

// --only, --enable, --disable and --severity-override as typed; each value
// may hold several comma-separated entries.
struct RuleSelectionFlags {
  std::vector<std::string> only;
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::vector<std::string> severity_overrides;  // "rule-id=level"
};

// Applies the flags on top of `selection` (which may come from a config
// file): --only first, then --disable, then --enable, then the overrides.
// Returns an error message naming the bad entry, or an empty string.
std::string apply_rule_selection_flags(const RuleSelectionFlags& flags, const RuleCatalog& catalog,
                                       RuleSelection& selection);

// Splits "a,b, c" into its non-empty, trimmed entries.
std::vector<std::string> split_list(const std::vector<std::string>& values);

}  // namespace kube_harden
