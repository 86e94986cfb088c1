#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class PspPrivileged : public Rule {
 public:
  std::string_view id() const override { return "psp-privileged"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp,
                                 RuleContext& context) const override {
    if (!psp.privileged.is(true)) return;
    context.report(psp.privileged.position, "spec.privileged",
                   "the PodSecurityPolicy admits privileged containers; set privileged: false");
  }
};

}  // namespace

std::unique_ptr<Rule> make_psp_privileged_rule() {
  return std::make_unique<PspPrivileged>();
}

}  // namespace kube_harden
