#include "rules/pod_helpers.h"
#include "rules/proc_mount.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Baseline: from policy v1.35 a pod in its own user namespace (hostUsers:
// false) may use any procMount.
class ProcMountUnmasked : public Rule {
 public:
  std::string_view id() const override { return "proc-mount-unmasked"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    if (context.options().k8s_version.at_least(35) && uses_user_namespace(workload.pod)) return;
    report_unmasked_proc_mounts(workload.pod, context, "remove it or set procMount: Default");
  }
};

}  // namespace

std::unique_ptr<Rule> make_proc_mount_unmasked_rule() {
  return std::make_unique<ProcMountUnmasked>();
}

}  // namespace kube_harden
