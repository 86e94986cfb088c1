#include <fmt/format.h>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// Like kube-linter's no-read-only-root-fs, every container counts, ephemeral
// ones included: a debug container with a writable root is as good a place to
// drop tools as any other.
class ReadOnlyRootFilesystem : public Rule {
 public:
  std::string_view id() const override { return "read-only-root-filesystem"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    // The API rejects readOnlyRootFilesystem on Windows pods: nothing to fix there.
    if (is_windows_pod(workload.pod)) return;
    for (const Container& container : workload.pod.containers) {
      const auto& security = container.security_context;
      if (security && security->read_only_root_filesystem.is(true)) continue;
      bool set = security && security->read_only_root_filesystem.present();
      Position position =
          set ? security->read_only_root_filesystem.position : security_context_anchor(container);
      context.report(
          container, position, ".securityContext.readOnlyRootFilesystem",
          fmt::format(
              "{} {} a writable root filesystem, where an intruder can drop "
              "and change binaries; set securityContext.readOnlyRootFilesystem: "
              "true and mount an emptyDir where it must write",
              describe(container),
              security && security->read_only_root_filesystem.is(false) ? "asks for" : "keeps"));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_read_only_root_filesystem_rule() {
  return std::make_unique<ReadOnlyRootFilesystem>();
}

}  // namespace kube_harden
