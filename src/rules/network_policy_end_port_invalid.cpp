#include <fmt/format.h>

#include "rules/network_policy_ports.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// The three endPort errors of the API server's ValidateNetworkPolicyPort.
class NetworkPolicyEndPortInvalid : public Rule {
 public:
  std::string_view id() const override { return "network-policy-end-port-invalid"; }

  void check_network_policy(const NetworkPolicy& policy, RuleContext& context) const override {
    for_each_network_policy_port(policy,
                                 [&](const NetworkPolicyPort& port) { check_port(port, context); });
  }

 private:
  static void check_port(const NetworkPolicyPort& port, RuleContext& context) {
    if (!port.end_port.value) return;
    int64_t end_port = *port.end_port.value;
    std::string problem;
    if (port.port_name.value) {
      problem = fmt::format("may not be specified when `port` is non-numeric (\"{}\")",
                            *port.port_name.value);
    } else if (!port.port_number.value) {
      problem = "may not be specified when `port` is not specified";
    } else if (end_port < *port.port_number.value) {
      problem =
          fmt::format("must be greater than or equal to `port` ({})", *port.port_number.value);
    } else {
      return;
    }
    std::string path = port.path + ".endPort";
    context.report(port.end_port.position, path,
                   fmt::format("{}: Invalid value: {}: {}; the API server rejects this "
                               "NetworkPolicy",
                               path, end_port, problem));
  }
};

}  // namespace

std::unique_ptr<Rule> make_network_policy_end_port_invalid_rule() {
  return std::make_unique<NetworkPolicyEndPortInvalid>();
}

}  // namespace kube_harden
