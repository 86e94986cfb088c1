#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "kube_harden/model.h"
#include "kube_harden/yaml_tree.h"

namespace kube_harden {

struct DocumentCounts {
  size_t documents = 0;  // non-empty YAML documents
  size_t objects = 0;    // objects turned into the typed model
  size_t skipped = 0;    // documents or List items of kinds we do not model

  DocumentCounts& operator+=(const DocumentCounts& other) {
    documents += other.documents;
    objects += other.objects;
    skipped += other.skipped;
    return *this;
  }
};

// Turns the documents of one file into typed objects appended to `out`. The
// model copies what it needs, so `yaml` may be freed afterwards.
void build_manifests(const YamlFile& yaml, size_t file_index, Manifests& out,
                     DocumentCounts& counts);

// The keys leading from a workload object to its pod template (none for a
// Pod), or nullopt when build_manifests() does not read an object of this
// apiVersion and kind as a workload.
std::optional<std::span<const std::string_view>> pod_template_keys(std::string_view api_version,
                                                                   std::string_view kind);

// Whether build_manifests() reads an object of this apiVersion and kind into
// a list that rules look up across files (merge_cross_objects()).
bool is_cross_object_kind(std::string_view api_version, std::string_view kind);

// Whether build_manifests() reads an object of this apiVersion and kind into
// the typed model at all; it counts the others as skipped.
bool is_modelled_kind(std::string_view api_version, std::string_view kind);

// Whether some apiVersion makes `kind` a workload or a kind rules look up
// across files.
bool is_workload_or_cross_object_kind(std::string_view kind);

}  // namespace kube_harden
