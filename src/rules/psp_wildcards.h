#pragma once

#include <string_view>
#include <vector>

#include "kube_harden/rule.h"

namespace kube_harden {

// Reports every "*" entry of a PodSecurityPolicy list field.
void report_wildcards(const std::vector<StringField>& entries, std::string_view key,
                      std::string_view what, RuleContext& context);

}  // namespace kube_harden
