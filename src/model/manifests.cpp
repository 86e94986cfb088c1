#include <iterator>

#include "kube_harden/model.h"

namespace kube_harden {
namespace {

template <class T>
void move_append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

const KeyValue* find_last(const std::vector<KeyValue>& pairs, std::string_view key) {
  for (auto it = pairs.rbegin(); it != pairs.rend(); ++it) {
    if (it->key == key) return &*it;
  }
  return nullptr;
}

const KeyValue* ObjectMeta::annotation(std::string_view key) const {
  return find_last(annotations, key);
}

const KeyValue* ObjectMeta::label(std::string_view key) const {
  return find_last(labels, key);
}

void Manifests::append(Manifests&& other) {
  move_append(workloads, other.workloads);
  move_append(pod_security_policies, other.pod_security_policies);
  move_append(service_accounts, other.service_accounts);
  move_append(network_policies, other.network_policies);
  move_append(namespaces, other.namespaces);
  move_append(roles, other.roles);
  move_append(role_bindings, other.role_bindings);
}

}  // namespace kube_harden
