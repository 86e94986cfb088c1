#pragma once

#include <string>
#include <vector>

#include "kube_harden/model.h"

namespace kube_harden {

// Calls visit(container, mount, volume) for every volumeMount of a hostPath volume.
template <class Visit>
void for_each_host_path_mount(const PodSpec& pod, const Visit& visit) {
  for (const Container& container : pod.containers) {
    for (const VolumeMount& mount : container.volume_mounts) {
      for (const Volume& volume : pod.volumes) {
        if (volume.name != mount.name.value.value_or("") || !volume.host_path.value) continue;
        visit(container, mount, volume);
      }
    }
  }
}

// Why mounting this host path is dangerous, or empty when it is neither one of
// the paths that give away the node nor at or below one of `configured`
// (parameters.sensitiveHostPaths).
std::string sensitive_host_path_reason(const std::string& path,
                                       const std::vector<std::string>& configured);

}  // namespace kube_harden
