#pragma once

#include <string>

#include "kube_harden/model.h"
#include "kube_harden/yaml_tree.h"

namespace kube_harden {

// Reads a pod spec mapping found under the key at `spec_position`; `path` is
// its field path (e.g. spec.template.spec).
PodSpec read_pod_spec(const YamlNode* spec, Position spec_position, std::string path);

}  // namespace kube_harden
