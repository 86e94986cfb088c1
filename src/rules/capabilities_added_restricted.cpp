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
    if (exempt_as_windows_pod(options.k8s_version, workload.pod)) return;
    for_each_added_capability(workload.pod, [&](const Container& container, size_t index,
                                                const StringField& capability) {
      std::string name = capability.value.value_or("");
      if (name == "NET_BIND_SERVICE" || !is_baseline_capability(name) ||
          is_allowed_extra_capability(options.parameters, name)) {
        return;
      }
      context.report(container, capability.position,
                     fmt::format(".securityContext.capabilities.add[{}]", index),
                     fmt::format("{} adds capability {}; the restricted level allows adding only "
                                 "NET_BIND_SERVICE",
                                 describe(container), name));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_capabilities_added_restricted_rule() {
  return std::make_unique<CapabilitiesAddedRestricted>();
}

}  // namespace kube_harden
