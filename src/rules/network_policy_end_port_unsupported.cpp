#include <fmt/format.h>

#include "rules/network_policy_ports.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// endPort was alpha, off by default, in 1.21 and did not exist before; beta
// (on) from 1.22. An API server without it drops the field, silently
// narrowing the range to the single `port`.
class NetworkPolicyEndPortUnsupported : public Rule {
 public:
  std::string_view id() const override { return "network-policy-end-port-unsupported"; }

  void check_network_policy(const NetworkPolicy& policy, RuleContext& context) const override {
    const K8sVersion& version = context.options().k8s_version;
    if (version.at_least(22)) return;
    for_each_network_policy_port(policy, [&](const NetworkPolicyPort& port) {
      if (!has_valid_range(port)) return;
      context.report(port.end_port.position, port.path + ".endPort",
                     fmt::format("endPort is {} in Kubernetes {}: the API server drops it and "
                                 "the rule allows only port {}; list the ports one by one or "
                                 "target v1.22 or later",
                                 version.at_least(21) ? "alpha and off by default" : "unknown",
                                 version.to_string(), *port.port_number.value));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_network_policy_end_port_unsupported_rule() {
  return std::make_unique<NetworkPolicyEndPortUnsupported>();
}

}  // namespace kube_harden
