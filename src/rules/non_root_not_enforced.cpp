#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// PSA's runAsNonRoot check: the pod sets runAsNonRoot: true and no container
// overrides it with false, or every container sets true. A non-zero runAsUser
// does not count: only runAsNonRoot makes the kubelet refuse to start as root.
class NonRootNotEnforced : public Rule {
 public:
  std::string_view id() const override { return "non-root-not-enforced"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    if (context.options().k8s_version.at_least(35) && uses_user_namespace(pod)) return;
    bool pod_enforces = false;
    if (pod.security_context) {
      const BoolField& field = pod.security_context->run_as_non_root;
      pod_enforces = field.is(true);
      if (field.is(false)) {
        context.report(field.position, pod.path + ".securityContext.runAsNonRoot",
                       "the pod sets runAsNonRoot: false, so its containers may run as root; set "
                       "runAsNonRoot: true");
      }
    }
    for (const Container& container : pod.containers) {
      const auto& security = container.security_context;
      const BoolField* field = security ? &security->run_as_non_root : nullptr;
      if (field && field->is(false)) {
        context.report(container, field->position, ".securityContext.runAsNonRoot",
                       fmt::format("{} sets runAsNonRoot: false, so it may run as root; set "
                                   "runAsNonRoot: true",
                                   describe(container)));
      } else if (!(field && field->is(true)) && !pod_enforces) {
        context.report(container, security_context_anchor(container),
                       ".securityContext.runAsNonRoot",
                       fmt::format("{} may run as root: neither it nor the pod sets "
                                   "runAsNonRoot: true",
                                   describe(container)));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_non_root_not_enforced_rule() {
  return std::make_unique<NonRootNotEnforced>();
}

}  // namespace kube_harden
