#include <fmt/format.h>

#include "rules/host_path_mounts.h"
#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// A writable hostPath mount lets a container change the node, and writable
// mounts can escape a path prefix through symlinks.
class WritableHostPath : public Rule {
 public:
  std::string_view id() const override { return "writable-host-path"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for_each_host_path_mount(workload.pod, [&](const Container& container, const VolumeMount& mount,
                                               const Volume& volume) {
      if (mount.read_only.is(true)) return;
      size_t index = static_cast<size_t>(&mount - container.volume_mounts.data());
      context.report(container, mount.name.position, fmt::format(".volumeMounts[{}]", index),
                     fmt::format("{} mounts host path {} (volume \"{}\") writable; set "
                                 "readOnly: true on the mount",
                                 describe(container), *volume.host_path.value, volume.name));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_writable_host_path_rule() {
  return std::make_unique<WritableHostPath>();
}

}  // namespace kube_harden
