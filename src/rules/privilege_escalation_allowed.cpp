#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class PrivilegeEscalationAllowed : public Rule {
 public:
  std::string_view id() const override { return "privilege-escalation-allowed"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const RuleOptions& options = context.options();
    if (!options.k8s_version.at_least(8)) return;
    if (exempt_as_windows_pod(options.k8s_version, workload.pod)) return;
    for (const Container& container : workload.pod.containers) {
      const auto& security = container.security_context;
      if (security && security->allow_privilege_escalation.is(false)) continue;
      bool set = security && security->allow_privilege_escalation.present();
      Position position =
          set ? security->allow_privilege_escalation.position : security_context_anchor(container);
      context.report(container, position, ".securityContext.allowPrivilegeEscalation",
                     fmt::format("{} {} privilege escalation (setuid binaries can gain root); set "
                                 "securityContext.allowPrivilegeEscalation: false",
                                 describe(container), set ? "allows" : "does not forbid"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_privilege_escalation_allowed_rule() {
  return std::make_unique<PrivilegeEscalationAllowed>();
}

}  // namespace kube_harden
