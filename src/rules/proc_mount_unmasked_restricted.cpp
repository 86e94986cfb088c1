#include "rules/pod_helpers.h"
#include "rules/proc_mount.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Restricted (v1.35+) keeps requiring the Default procMount for pods with
// hostUsers: false, which baseline lets through; other pods are reported by
// proc-mount-unmasked already.
class ProcMountUnmaskedRestricted : public Rule {
 public:
  std::string_view id() const override { return "proc-mount-unmasked-restricted"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    if (!context.options().k8s_version.at_least(35) || !uses_user_namespace(workload.pod)) return;
    report_unmasked_proc_mounts(workload.pod, context,
                                "the restricted level requires procMount: Default even in a user "
                                "namespace");
  }
};

}  // namespace

std::unique_ptr<Rule> make_proc_mount_unmasked_restricted_rule() {
  return std::make_unique<ProcMountUnmaskedRestricted>();
}

}  // namespace kube_harden
