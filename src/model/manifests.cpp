#include <fmt/format.h>

#include <iterator>
#include <span>
#include <type_traits>

#include "kube_harden/model.h"
#include "kube_harden/suppression.h"

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

// Calls `f` with each list of Manifests that rules look up across files.
template <class F>
void for_each_cross_object_list(const F& f) {
  f(&Manifests::service_accounts);
  f(&Manifests::network_policies);
  f(&Manifests::namespaces);
  f(&Manifests::roles);
  f(&Manifests::role_bindings);
}

// The metadata of an object rules look up, without what nothing reads of it.
void drop_unread_metadata(ObjectMeta& metadata, bool labels_read) {
  if (!labels_read) std::vector<KeyValue>().swap(metadata.labels);
  std::vector<KeyValue>& annotations = metadata.annotations;
  std::erase_if(annotations, [](const KeyValue& annotation) {
    return !annotation.key.starts_with(kSuppressionAnnotationPrefix);
  });
  if (annotations.empty()) std::vector<KeyValue>().swap(annotations);
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
  for_each_cross_object_list([&](auto list) { merge_list(list, merged, parts); });
  return merged;
}

void append_cross_object_copies(Manifests& into, const Manifests& from) {
  for_each_cross_object_list([&](auto list) {
    (into.*list).insert((into.*list).end(), (from.*list).begin(), (from.*list).end());
  });
}

void shrink_cross_object_lists(Manifests& objects) {
  for_each_cross_object_list([&](auto list) { (objects.*list).shrink_to_fit(); });
}

void drop_unread_metadata(Manifests& objects) {
  for_each_cross_object_list([&](auto list) {
    for (auto& object : objects.*list) {
      constexpr bool labels_read = std::is_same_v<std::decay_t<decltype(object)>, Namespace>;
      drop_unread_metadata(object.header.metadata, labels_read);
    }
  });
}

}  // namespace kube_harden
