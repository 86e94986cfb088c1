#include <fmt/format.h>

#include <algorithm>

#include "kube_harden/manifest_index.h"
#include "rules/network_policy_coverage.h"
#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// Judged only where the input has workloads in the policy's namespace: a
// policy shipped alone may well select pods deployed from elsewhere.
class NetworkPolicySelectsNothing : public Rule {
 public:
  std::string_view id() const override { return "network-policy-selects-nothing"; }

  void check_network_policy(const NetworkPolicy& policy, RuleContext& context) const override {
    std::string ns = namespace_of(policy.header, context.options());
    const ManifestIndex& index = context.index();
    std::span<const WorkloadSketch* const> workloads = index.workloads_in(ns);
    if (workloads.empty()) return;
    // Only pods with the selector's first label can match it.
    const std::vector<KeyValue>& wanted = policy.pod_selector.match_labels;
    std::span<const WorkloadSketch* const> candidates =
        wanted.empty() ? workloads
                       : index.workloads_labelled(ns, wanted.front().key, wanted.front().value);
    bool selects = std::any_of(candidates.begin(), candidates.end(),
                               [&](const WorkloadSketch* w) { return policy_selects(policy, w->pod_labels); });
    if (selects) return;
    Position position = policy.pod_selector.position.known() ? policy.pod_selector.position
                                                             : policy.header.position;
    context.report(position, "spec.podSelector",
                   fmt::format("the podSelector of NetworkPolicy \"{}\" selects none of the "
                               "workloads of namespace \"{}\" in the input ({}); check its labels",
                               policy.header.metadata.name, ns, workloads.size()));
  }
};

}  // namespace

std::unique_ptr<Rule> make_network_policy_selects_nothing_rule() {
  return std::make_unique<NetworkPolicySelectsNothing>();
}

}  // namespace kube_harden
