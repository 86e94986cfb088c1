#pragma once

#include <string>

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

// Why mounting this host path is dangerous, or empty when it is not one of
// the paths that give away the node.
std::string sensitive_host_path_reason(const std::string& path);

}  // namespace kube_harden
