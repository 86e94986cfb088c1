#include <fmt/format.h>

#include "rules/psp_wildcards.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class PspAllVolumes : public Rule {
 public:
  std::string_view id() const override { return "psp-all-volumes"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp,
                                 RuleContext& context) const override {
    report_wildcards(psp.volumes, "volumes", "every volume type, hostPath included", context);
  }
};

}  // namespace

std::unique_ptr<Rule> make_psp_all_volumes_rule() {
  return std::make_unique<PspAllVolumes>();
}

}  // namespace kube_harden
