#pragma once

#include <cstddef>

#include "kube_harden/model.h"
#include "kube_harden/yaml_tree.h"

namespace kube_harden {

struct DocumentCounts {
  size_t documents = 0;  // non-empty YAML documents
  size_t objects = 0;    // objects turned into the typed model
  size_t skipped = 0;    // documents or List items of kinds we do not model
};

// Turns the documents of one file into typed objects appended to `out`. The
// model copies what it needs, so `yaml` may be freed afterwards.
void build_manifests(const YamlFile& yaml, size_t file_index, Manifests& out,
                     DocumentCounts& counts);

}  // namespace kube_harden
