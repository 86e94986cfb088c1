#include "kube_harden/yaml_tree.h"

namespace kube_harden {

const YamlEntry* YamlNode::find_entry(std::string_view key) const {
  const YamlEntry* found = nullptr;
  for (const YamlEntry& entry : entries) {
    if (entry.key->is_scalar() && entry.key->scalar == key) found = &entry;
  }
  return found;
}

const YamlNode* YamlNode::find(std::string_view key) const {
  const YamlEntry* entry = find_entry(key);
  return entry ? entry->value : nullptr;
}

}  // namespace kube_harden
