#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

constexpr std::array<std::string_view, 9> kAllowedVolumeTypes = {
    "configMap", "csi",   "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim",
    "projected", "secret"};

// Restricted allows only these volume types. A volume that names no source
// is an emptyDir (the API server defaults it); hostPath is host-path-volume's.
class VolumeTypeNotAllowed : public Rule {
 public:
  std::string_view id() const override { return "volume-type-not-allowed"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Volume& volume : workload.pod.volumes) {
      for (const KeyValue& source : volume.sources) {
        if (source.key == "hostPath" ||
            std::find(kAllowedVolumeTypes.begin(), kAllowedVolumeTypes.end(), source.key) !=
                kAllowedVolumeTypes.end()) {
          continue;
        }
        context.report(source.position, volume.path + "." + source.key,
                       fmt::format("volume \"{}\" is of type {}; the restricted level allows only "
                                   "configMap, csi, downwardAPI, emptyDir, ephemeral, image, "
                                   "persistentVolumeClaim, projected and secret",
                                   volume.name, source.key));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_volume_type_not_allowed_rule() {
  return std::make_unique<VolumeTypeNotAllowed>();
}

}  // namespace kube_harden
