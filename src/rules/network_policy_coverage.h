#pragma once

#include "kube_harden/model.h"

namespace kube_harden {

// Whether the policy's podSelector selects the workload's pods.
bool policy_selects(const NetworkPolicy& policy, const Workload& workload);
// Whether it selects pods with these labels.
bool policy_selects(const NetworkPolicy& policy, const std::vector<KeyValue>& pod_labels);

}  // namespace kube_harden
