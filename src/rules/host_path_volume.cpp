#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

class HostPathVolume : public Rule {
 public:
  std::string_view id() const override { return "host-path-volume"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Volume& volume : workload.pod.volumes) {
      for (const KeyValue& source : volume.sources) {
        if (source.key != "hostPath") continue;
        context.report(source.position, volume.path + ".hostPath",
                       fmt::format("volume \"{}\" mounts host path {} from the node; use a "
                                   "configMap, secret, emptyDir or persistentVolumeClaim instead",
                                   volume.name, volume.host_path.value.value_or("(unset)")));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_host_path_volume_rule() {
  return std::make_unique<HostPathVolume>();
}

}  // namespace kube_harden
