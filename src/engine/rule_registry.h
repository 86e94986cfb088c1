#pragma once

#include <memory>
#include <vector>

#include "kube_harden/rule.h"

namespace kube_harden {

// Every built-in rule, in one list (src/rules/registry.cpp).
const std::vector<std::unique_ptr<Rule>>& builtin_rules();

}  // namespace kube_harden
