#pragma once

#include "kube_harden/model.h"

namespace kube_harden {

// Calls visit(port) for every ports[] entry of every ingress and egress rule.
template <class Visit>
void for_each_network_policy_port(const NetworkPolicy& policy, const Visit& visit) {
  for (const auto* rules : {&policy.ingress, &policy.egress}) {
    for (const NetworkPolicyRule& rule : *rules) {
      for (const NetworkPolicyPort& port : rule.ports) visit(port);
    }
  }
}

// A valid numeric port..endPort range, the only kind the API server accepts.
inline bool has_valid_range(const NetworkPolicyPort& port) {
  return port.end_port.value && port.port_number.value &&
         *port.end_port.value >= *port.port_number.value;
}

}  // namespace kube_harden
