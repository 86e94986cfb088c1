#include <fmt/format.h>

#include "rules/psp_assessment.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// One summary per PSP: the PSS level it corresponds to (worst field wins), and
// from v1.25, where PSP no longer exists, the namespace label to use instead.
class PspEffectiveLevel : public Rule {
 public:
  std::string_view id() const override { return "psp-effective-level"; }

  void check_pod_security_policy(const PodSecurityPolicy& psp,
                                 RuleContext& context) const override {
    std::vector<PermissiveSetting> settings = permissive_settings(psp);
    AdmittedLevel level = admitted_level(settings);
    size_t worst = 0;
    for (const PermissiveSetting& setting : settings) worst += setting.admits == level;
    std::string summary =
        level == AdmittedLevel::Restricted
            ? fmt::format("PodSecurityPolicy \"{}\" corresponds to the restricted level",
                          psp.header.metadata.name)
            : fmt::format(
                  "PodSecurityPolicy \"{}\" admits the {} level ({} setting{} at that "
                  "level)",
                  psp.header.metadata.name, to_string(level), worst, worst == 1 ? "" : "s");
    if (context.options().k8s_version.at_least(25)) {
      summary += fmt::format(
          "; PodSecurityPolicy was removed in Kubernetes 1.25: label the "
          "namespaces it served with pod-security.kubernetes.io/enforce={}",
          to_string(level));
    }
    const ObjectMeta& meta = psp.header.metadata;
    context.report(meta.name_position.known() ? meta.name_position : psp.header.position,
                   "metadata.name", summary);
  }
};

}  // namespace

std::unique_ptr<Rule> make_psp_effective_level_rule() {
  return std::make_unique<PspEffectiveLevel>();
}

}  // namespace kube_harden
