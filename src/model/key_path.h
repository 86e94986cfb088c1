#pragma once

#include <optional>
#include <string>

#include "kube_harden/position.h"
#include "kube_harden/yaml_tree.h"

namespace kube_harden {

// The field path, such as spec.containers[0].securityContext.runAsNonRoot, of
// the map key written at `key_position` below `root`; nullopt when no key of
// the tree is there. For readers that see a map but not where it stands.
std::optional<std::string> key_path(const YamlNode* root, Position key_position);

}  // namespace kube_harden
