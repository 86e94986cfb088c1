#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// GID 0 gives a process the root group's access to files on the node and on
// volumes (much of /etc, group-writable device nodes); PSS does not check it.
class RunAsRootGroup : public Rule {
 public:
  std::string_view id() const override { return "run-as-root-group"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    if (pod.security_context) {
      for (const auto& [field, key] : {std::pair{&pod.security_context->run_as_group, "runAsGroup"},
                                       {&pod.security_context->fs_group, "fsGroup"}}) {
        if (!field->is(0)) continue;
        context.report(field->position, fmt::format("{}.securityContext.{}", pod.path, key),
                       fmt::format("the pod sets {}: 0 (the root group); use a non-zero GID", key));
      }
    }
    for (const Container& container : pod.containers) {
      const auto& security = container.security_context;
      if (!security || !security->run_as_group.is(0)) continue;
      context.report(container, security->run_as_group.position, ".securityContext.runAsGroup",
                     fmt::format("{} sets runAsGroup: 0 (the root group); use a non-zero GID",
                                 describe(container)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_run_as_root_group_rule() {
  return std::make_unique<RunAsRootGroup>();
}

}  // namespace kube_harden
