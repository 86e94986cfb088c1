#include "rules/network_policy_coverage.h"

#include "rules/label_selector.h"
#include "rules/service_accounts.h"

namespace kube_harden {

std::vector<const NetworkPolicy*> policies_in(const Manifests& manifests,
                                              const RuleOptions& options,
                                              const std::string& namespace_name) {
  std::vector<const NetworkPolicy*> policies;
  for (const NetworkPolicy& policy : manifests.network_policies) {
    if (namespace_of(policy.header, options) == namespace_name) policies.push_back(&policy);
  }
  return policies;
}

std::vector<const Workload*> workloads_in(const Manifests& manifests, const RuleOptions& options,
                                          const std::string& namespace_name) {
  std::vector<const Workload*> workloads;
  for (const Workload& workload : manifests.workloads) {
    // A PodTemplate runs nothing by itself.
    if (workload.header.kind == "PodTemplate") continue;
    if (namespace_of(workload.header, options) == namespace_name) workloads.push_back(&workload);
  }
  return workloads;
}

bool policy_selects(const NetworkPolicy& policy, const Workload& workload) {
  return selector_matches(policy.pod_selector, workload.pod_metadata.labels);
}

}  // namespace kube_harden
