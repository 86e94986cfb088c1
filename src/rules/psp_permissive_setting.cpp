#include <fmt/format.h>

#include "rules/psp_assessment.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// The permissive PSP settings that have no dedicated psp-* rule.
class PspPermissiveSetting : public Rule {
 public:
  std::string_view id() const override { return "psp-permissive-setting"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp,
                                 RuleContext& context) const override {
    for (const PermissiveSetting& setting : permissive_settings(psp)) {
      if (setting.has_own_rule) continue;
      context.report(setting.position, setting.path,
                     fmt::format("{}: the PodSecurityPolicy admits the {} level", setting.message,
                                 to_string(setting.admits)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_psp_permissive_setting_rule() {
  return std::make_unique<PspPermissiveSetting>();
}

}  // namespace kube_harden
