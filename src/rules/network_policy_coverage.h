#pragma once

#include "kube_harden/model.h"

namespace kube_harden {

// Whether the policy's podSelector selects the workload's pods.
bool policy_selects(const NetworkPolicy& policy, const Workload& workload);

}  // namespace kube_harden
