#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// The restricted level allows adding NET_BIND_SERVICE only; capabilities
// outside the baseline set are reported by capabilities-added instead.
class CapabilitiesAddedRestricted : public Rule {
 public:
  std::string_view id() const override { return "capabilities-added-restricted"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const RuleOptions& options = context.options();
    if (!options.k8s_version.at_least(22)) return;
    if (options.k8s_version.at_least(25) && is_windows_pod(workload.pod)) return;
    for (const Container& container : workload.pod.containers) {
      const auto& security = container.security_context;
      if (!security || !security->capabilities) continue;
      const auto& added = security->capabilities->add;
      for (size_t i = 0; i < added.size(); ++i) {
        std::string name = added[i].value.value_or("");
        if (name == "NET_BIND_SERVICE" || !is_baseline_capability(name)) continue;
        context.report(container, added[i].position,
                       fmt::format(".securityContext.capabilities.add[{}]", i),
                       fmt::format("{} adds capability {}; the restricted level allows adding "
                                   "only NET_BIND_SERVICE",
                                   describe(container), name));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_capabilities_added_restricted_rule() {
  return std::make_unique<CapabilitiesAddedRestricted>();
}

}  // namespace kube_harden
