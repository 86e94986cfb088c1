#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "kube_harden/rule.h"

namespace kube_harden {

// Every built-in rule, in one list (src/rules/registry.cpp).
const std::vector<std::unique_ptr<Rule>>& builtin_rules();

// Rules about the run rather than about one object, reported by the engine
// itself (src/engine/suppressions.cpp); their metadata lives in rules/ too.
inline constexpr std::string_view kEngineRuleIds[] = {"suppression-missing-reason",
                                                      "unused-suppression"};

}  // namespace kube_harden
