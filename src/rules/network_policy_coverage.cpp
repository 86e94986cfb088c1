#include "rules/network_policy_coverage.h"

#include "rules/label_selector.h"

namespace kube_harden {

bool policy_selects(const NetworkPolicy& policy, const Workload& workload) {
  return policy_selects(policy, workload.pod_metadata.labels);
}

bool policy_selects(const NetworkPolicy& policy, const std::vector<KeyValue>& pod_labels) {
  return selector_matches(policy.pod_selector, pod_labels);
}

bool policy_selects(const NetworkPolicy& policy, const PackedLabels& pod_labels) {
  return selector_matches(policy.pod_selector, pod_labels);
}

}  // namespace kube_harden
