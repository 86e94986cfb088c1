#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class CapabilitiesNotDropped : public Rule {
 public:
  std::string_view id() const override { return "capabilities-not-dropped"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const RuleOptions& options = context.options();
    if (!options.k8s_version.at_least(22)) return;
    if (exempt_as_windows_pod(options.k8s_version, workload.pod)) return;
    for (const Container& container : workload.pod.containers) {
      if (drops_capability(container, "ALL")) continue;
      Position position = security_context_anchor(container);
      std::string path = ".securityContext.capabilities.drop";
      const auto& security = container.security_context;
      if (security && security->capabilities) {
        const Capabilities& capabilities = *security->capabilities;
        position =
            capabilities.drop_position.known() ? capabilities.drop_position : capabilities.position;
      }
      context.report(container, position, path,
                     fmt::format("{} does not drop all capabilities; set "
                                 "securityContext.capabilities.drop: [\"ALL\"] and add back only "
                                 "NET_BIND_SERVICE if needed",
                                 describe(container)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_capabilities_not_dropped_rule() {
  return std::make_unique<CapabilitiesNotDropped>();
}

}  // namespace kube_harden
