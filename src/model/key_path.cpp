#include "model/key_path.h"

#include <unordered_set>

namespace kube_harden {
namespace {

class KeyPathSearch {
 public:
  explicit KeyPathSearch(Position target) : target_(target) {}

  // Appends to `path` and returns true when the key is below `node`.
  bool find(const YamlNode* node, std::string& path) {
    // Aliases share nodes: a subtree searched once need not be searched again.
    if (!node || !searched_.insert(node).second) return false;
    const size_t length = path.size();
    if (node->is_map()) {
      for (const YamlEntry& entry : node->entries) {
        if (!entry.key->is_scalar()) continue;
        if (!path.empty()) path += '.';
        path += entry.key->scalar;
        if (entry.key->position == target_ || find(entry.value, path)) return true;
        path.resize(length);
      }
    } else if (node->is_sequence()) {
      for (size_t i = 0; i < node->items.size(); ++i) {
        path += '[' + std::to_string(i) + ']';
        if (find(node->items[i], path)) return true;
        path.resize(length);
      }
    }
    return false;
  }

 private:
  Position target_;
  std::unordered_set<const YamlNode*> searched_;
};

}  // namespace

std::optional<std::string> key_path(const YamlNode* root, Position key_position) {
  std::string path;
  if (!KeyPathSearch(key_position).find(root, path)) return std::nullopt;
  return path;
}

}  // namespace kube_harden
