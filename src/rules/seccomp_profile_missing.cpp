#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Restricted requires a seccomp profile for every container, set on the pod
// or on the container. An explicit but wrong profile is seccomp-unconfined's
// finding, so this rule reports only containers that no profile covers.
class SeccompProfileMissing : public Rule {
 public:
  std::string_view id() const override { return "seccomp-profile-missing"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const RuleOptions& options = context.options();
    const PodSpec& pod = workload.pod;
    if (!options.k8s_version.at_least(19)) return;
    if (exempt_as_windows_pod(options.k8s_version, pod)) return;
    if (pod.security_context && pod.security_context->seccomp_profile) return;
    for (const Container& container : pod.containers) {
      const auto& security = container.security_context;
      if (security && security->seccomp_profile) continue;
      context.report(container, security_context_anchor(container),
                     ".securityContext.seccompProfile",
                     fmt::format("{} has no seccomp profile, and the pod sets none; set "
                                 "securityContext.seccompProfile.type: RuntimeDefault on the pod "
                                 "or the container",
                                 describe(container)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_seccomp_profile_missing_rule() {
  return std::make_unique<SeccompProfileMissing>();
}

}  // namespace kube_harden
