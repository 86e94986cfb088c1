#include <fmt/format.h>

#include "rules/network_policy_ports.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// 1024-65535 (every unprivileged port) or more: the range hardly restricts.
constexpr int64_t kNearlyAllPorts = 65535 - 1024 + 1;

class NetworkPolicyEndPortWideRange : public Rule {
 public:
  std::string_view id() const override { return "network-policy-end-port-wide-range"; }

  void check_network_policy(const NetworkPolicy& policy, RuleContext& context) const override {
    for_each_network_policy_port(policy, [&](const NetworkPolicyPort& port) {
      if (!has_valid_range(port)) return;
      int64_t span = *port.end_port.value - *port.port_number.value + 1;
      if (span < kNearlyAllPorts) return;
      context.report(port.end_port.position, port.path + ".endPort",
                     fmt::format("ports {}-{} span {} ports, nearly all of them; allow only the "
                                 "ports the workload serves",
                                 *port.port_number.value, *port.end_port.value, span));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_network_policy_end_port_wide_range_rule() {
  return std::make_unique<NetworkPolicyEndPortWideRange>();
}

}  // namespace kube_harden
