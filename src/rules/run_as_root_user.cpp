#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class RunAsRootUser : public Rule {
 public:
  std::string_view id() const override { return "run-as-root-user"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    const K8sVersion& version = context.options().k8s_version;
    if (!version.at_least(23)) return;
    if (version.at_least(35) && uses_user_namespace(pod)) return;
    if (pod.security_context && pod.security_context->run_as_user.is(0)) {
      context.report(pod.security_context->run_as_user.position,
                     pod.path + ".securityContext.runAsUser",
                     "the pod sets runAsUser: 0 (root); use a non-zero UID");
    }
    for (const Container& container : pod.containers) {
      const auto& security = container.security_context;
      if (!security || !security->run_as_user.is(0)) continue;
      context.report(
          container, security->run_as_user.position, ".securityContext.runAsUser",
          fmt::format("{} sets runAsUser: 0 (root); use a non-zero UID", describe(container)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_run_as_root_user_rule() {
  return std::make_unique<RunAsRootUser>();
}

}  // namespace kube_harden
