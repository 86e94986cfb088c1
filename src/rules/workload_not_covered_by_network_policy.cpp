#include <fmt/format.h>

#include <algorithm>

#include "kube_harden/manifest_index.h"
#include "rules/network_policy_coverage.h"
#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// Where a namespace has NetworkPolicies, a pod none of them selects is open
// to all traffic: usually a label typo or a forgotten component.
class WorkloadNotCoveredByNetworkPolicy : public Rule {
 public:
  std::string_view id() const override { return "workload-not-covered-by-network-policy"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    if (workload.header.kind == "PodTemplate") return;
    std::string ns = namespace_of(workload.header, context.options());
    std::span<const NetworkPolicy* const> policies = context.index().network_policies_in(ns);
    if (policies.empty()) return;  // namespace-without-network-policy's case
    std::vector<const NetworkPolicy*> candidates =
        context.index().policies_that_may_select(ns, workload.pod_metadata.labels);
    bool covered = std::any_of(candidates.begin(), candidates.end(),
                               [&](const NetworkPolicy* p) { return policy_selects(*p, workload); });
    if (covered) return;
    Position position = workload.pod_metadata.position.known() ? workload.pod_metadata.position
                                                               : workload.pod.position;
    context.report(position, pod_metadata_path(workload.pod) + ".labels",
                   fmt::format("no NetworkPolicy of namespace \"{}\" selects the pods of {} "
                               "\"{}\" ({} in the input), so all their traffic is allowed; "
                               "check the labels or add a policy",
                               ns, workload.header.kind, workload.header.metadata.name,
                               policies.size() == 1 ? "1 policy"
                                                    : fmt::format("{} policies", policies.size())));
  }
};

}  // namespace

std::unique_ptr<Rule> make_workload_not_covered_by_network_policy_rule() {
  return std::make_unique<WorkloadNotCoveredByNetworkPolicy>();
}

}  // namespace kube_harden
