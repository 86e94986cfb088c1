#pragma once

#include <string>
#include <vector>

#include "kube_harden/model.h"
#include "kube_harden/rule.h"

namespace kube_harden {

// The NetworkPolicies of the input in `namespace_name`.
std::vector<const NetworkPolicy*> policies_in(const Manifests& manifests,
                                              const RuleOptions& options,
                                              const std::string& namespace_name);

// The workloads of the input in `namespace_name`.
std::vector<const Workload*> workloads_in(const Manifests& manifests, const RuleOptions& options,
                                          const std::string& namespace_name);

bool policy_selects(const NetworkPolicy& policy, const Workload& workload);

}  // namespace kube_harden
