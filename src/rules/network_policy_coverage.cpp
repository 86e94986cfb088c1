#include "rules/network_policy_coverage.h"

#include "rules/label_selector.h"

namespace kube_harden {

bool policy_selects(const NetworkPolicy& policy, const Workload& workload) {
  return selector_matches(policy.pod_selector, workload.pod_metadata.labels);
}

}  // namespace kube_harden
