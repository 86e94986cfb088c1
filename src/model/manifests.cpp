#include <fmt/format.h>

#include <iterator>
#include <span>

#include "kube_harden/model.h"

namespace kube_harden {
namespace {

// Frees `from` afterwards: moved-from objects still take their full size.
template <class T>
void move_append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  std::vector<T>().swap(from);
}

// Moves one list of every part into `into`, reserving the total first: no
// copies of a growing vector, no spare room.
template <class T>
void merge_list(std::vector<T> Manifests::*list, Manifests& into,
                std::span<Manifests* const> parts) {
  size_t total = (into.*list).size();
  for (const Manifests* part : parts) total += (part->*list).size();
  (into.*list).reserve(total);
  for (Manifests* part : parts) move_append(into.*list, part->*list);
}

}  // namespace

const KeyValue* find_last(const std::vector<KeyValue>& pairs, std::string_view key) {
  for (auto it = pairs.rbegin(); it != pairs.rend(); ++it) {
    if (it->key == key) return &*it;
  }
  return nullptr;
}

std::string env_path(const Container& container, const EnvVar& variable) {
  return fmt::format("{}.env[{}]", container.path, variable.index);
}

const KeyValue* ObjectMeta::annotation(std::string_view key) const {
  return find_last(annotations, key);
}

const KeyValue* ObjectMeta::label(std::string_view key) const {
  return find_last(labels, key);
}

Manifests merge_manifests(std::span<Manifests* const> parts) {
  Manifests merged = merge_cross_objects(parts);
  merge_list(&Manifests::workloads, merged, parts);
  merge_list(&Manifests::pod_security_policies, merged, parts);
  return merged;
}

Manifests merge_cross_objects(std::span<Manifests* const> parts) {
  Manifests merged;
  merge_list(&Manifests::service_accounts, merged, parts);
  merge_list(&Manifests::network_policies, merged, parts);
  merge_list(&Manifests::namespaces, merged, parts);
  merge_list(&Manifests::roles, merged, parts);
  merge_list(&Manifests::role_bindings, merged, parts);
  return merged;
}

void append_cross_object_copies(Manifests& into, const Manifests& from) {
  auto append = [&](auto list) {
    (into.*list).insert((into.*list).end(), (from.*list).begin(), (from.*list).end());
  };
  append(&Manifests::service_accounts);
  append(&Manifests::network_policies);
  append(&Manifests::namespaces);
  append(&Manifests::roles);
  append(&Manifests::role_bindings);
}

}  // namespace kube_harden
