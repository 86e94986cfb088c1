#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// A rule with no peers (from/to) and no ports matches every source or
// destination on every port: the policy isolates nothing in that direction.
class NetworkPolicyAllowsAll : public Rule {
 public:
  std::string_view id() const override { return "network-policy-allows-all"; }

  void check_network_policy(const NetworkPolicy& policy, RuleContext& context) const override {
    check(policy.ingress, "ingress", "from any source", context);
    check(policy.egress, "egress", "to any destination", context);
  }

 private:
  static void check(const std::vector<NetworkPolicyRule>& rules, std::string_view direction,
                    std::string_view scope, RuleContext& context) {
    for (const NetworkPolicyRule& rule : rules) {
      if (rule.has_peers || !rule.ports.empty()) continue;
      context.report(rule.position, rule.path,
                     fmt::format("this {} rule names no peers and no ports, so it allows all {} "
                                 "traffic {} on every port; list the peers and ports it needs",
                                 direction, direction, scope));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_network_policy_allows_all_rule() {
  return std::make_unique<NetworkPolicyAllowsAll>();
}

}  // namespace kube_harden
