#include <fmt/format.h>

#include "rules/host_path_mounts.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// host-path-volume reports every hostPath; this one says which give away the node.
class SensitiveHostPath : public Rule {
 public:
  std::string_view id() const override { return "sensitive-host-path"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Volume& volume : workload.pod.volumes) {
      if (!volume.host_path.value) continue;
      std::string reason = sensitive_host_path_reason(
          *volume.host_path.value, context.options().parameters.sensitive_host_paths);
      if (reason.empty()) continue;
      context.report(volume.host_path.position, volume.path + ".hostPath.path",
                     fmt::format("volume \"{}\" exposes {} ({}); a container with it can take "
                                 "over the node. Use a Kubernetes volume type instead",
                                 volume.name, *volume.host_path.value, reason));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_sensitive_host_path_rule() {
  return std::make_unique<SensitiveHostPath>();
}

}  // namespace kube_harden
