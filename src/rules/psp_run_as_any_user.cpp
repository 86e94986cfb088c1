#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class PspRunAsAnyUser : public Rule {
 public:
  std::string_view id() const override { return "psp-run-as-any-user"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp,
                                 RuleContext& context) const override {
    if (!psp.run_as_user_rule.is("RunAsAny")) return;
    context.report(psp.run_as_user_rule.position, "spec.runAsUser.rule",
                   "the PodSecurityPolicy's runAsUser rule RunAsAny admits containers running as "
                   "root; use MustRunAsNonRoot");
  }
};

}  // namespace

std::unique_ptr<Rule> make_psp_run_as_any_user_rule() {
  return std::make_unique<PspRunAsAnyUser>();
}

}  // namespace kube_harden
