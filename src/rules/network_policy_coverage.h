#pragma once

#include "kube_harden/model.h"
#include "kube_harden/packed_labels.h"

namespace kube_harden {

// Whether the policy's podSelector selects the workload's pods.
bool policy_selects(const NetworkPolicy& policy, const Workload& workload);
// Whether it selects pods with these labels.
bool policy_selects(const NetworkPolicy& policy, const std::vector<KeyValue>& pod_labels);
bool policy_selects(const NetworkPolicy& policy, const PackedLabels& pod_labels);

}  // namespace kube_harden
