#include <fmt/format.h>

#include "kube_harden/manifest_index.h"
#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// Reported once per namespace, on its first workload in the input, and only
// when the input has NetworkPolicies elsewhere: that shows the project manages
// them here, while a pre-commit run over a few changed files (or a cluster
// that uses another policy engine) would otherwise get this on every file.
class NamespaceWithoutNetworkPolicy : public Rule {
 public:
  std::string_view id() const override { return "namespace-without-network-policy"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const RuleOptions& options = context.options();
    std::string ns = namespace_of(workload.header, options);
    const ManifestIndex& index = context.index();
    std::span<const WorkloadSketch* const> workloads = index.workloads_in(ns);
    if (workloads.empty() || !workloads.front()->is(workload)) return;
    if (!index.has_network_policies()) return;
    if (!index.network_policies_in(ns).empty()) return;
    context.report(
        workload.header.metadata.name_position, "metadata.namespace",
        fmt::format("namespace \"{}\" has {} in the input and no NetworkPolicy, so "
                    "every pod accepts traffic from anywhere in the cluster; add a "
                    "default-deny policy and allow what is needed",
                    ns,
                    workloads.size() == 1 ? std::string("1 workload")
                                          : fmt::format("{} workloads", workloads.size())));
  }
};

}  // namespace

std::unique_ptr<Rule> make_namespace_without_network_policy_rule() {
  return std::make_unique<NamespaceWithoutNetworkPolicy>();
}

}  // namespace kube_harden
