#include <fmt/format.h>

#include "rules/psp_wildcards.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class PspAllCapabilities : public Rule {
 public:
  std::string_view id() const override { return "psp-all-capabilities"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp,
                                 RuleContext& context) const override {
    report_wildcards(psp.allowed_capabilities, "allowedCapabilities",
                     "adding any capability, SYS_ADMIN included", context);
    report_wildcards(psp.default_add_capabilities, "defaultAddCapabilities",
                     "every capability by default", context);
  }
};

}  // namespace

std::unique_ptr<Rule> make_psp_all_capabilities_rule() {
  return std::make_unique<PspAllCapabilities>();
}

}  // namespace kube_harden
