#include <fmt/format.h>

#include "rules/network_policy_ports.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class NetworkPolicyEndPortEqualsPort : public Rule {
 public:
  std::string_view id() const override { return "network-policy-end-port-equals-port"; }

  void check_network_policy(const NetworkPolicy& policy, RuleContext& context) const override {
    for_each_network_policy_port(policy, [&](const NetworkPolicyPort& port) {
      if (!has_valid_range(port) || *port.end_port.value != *port.port_number.value) return;
      context.report(port.end_port.position, port.path + ".endPort",
                     fmt::format("endPort equals port ({}), so it adds nothing, yet it needs a "
                                 "CNI plugin that supports endPort; remove it",
                                 *port.end_port.value));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_network_policy_end_port_equals_port_rule() {
  return std::make_unique<NetworkPolicyEndPortEqualsPort>();
}

}  // namespace kube_harden
