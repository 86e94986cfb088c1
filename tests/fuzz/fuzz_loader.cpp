// libFuzzer target: the YAML loader alone, on arbitrary bytes.
//
// Besides "no crash, no hang, no leak", it checks what the rest of the
// pipeline relies on: every node reachable from a document is well formed.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kube_harden/yaml_loader.h"

namespace {

using kube_harden::YamlKind;
using kube_harden::YamlNode;

// Visits each node once: aliases make a document a DAG, and a tree walk of a
// small DAG can be exponential.
void check_document(const YamlNode* root) {
  std::unordered_set<const YamlNode*> seen;
  std::vector<const YamlNode*> pending{root};
  while (!pending.empty()) {
    const YamlNode* node = pending.back();
    pending.pop_back();
    if (node == nullptr) std::abort();
    if (!seen.insert(node).second) continue;
    switch (node->kind) {
      case YamlKind::Sequence:
        if (!node->entries.empty()) std::abort();
        pending.insert(pending.end(), node->items.begin(), node->items.end());
        break;
      case YamlKind::Map:
        if (!node->items.empty()) std::abort();
        for (const auto& entry : node->entries) {
          pending.push_back(entry.key);
          pending.push_back(entry.value);
        }
        break;
      case YamlKind::Scalar:
      case YamlKind::Null:
        if (!node->items.empty() || !node->entries.empty()) std::abort();
        break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kube_harden::YamlLoadResult result = kube_harden::load_yaml(text);
  for (const YamlNode* document : result.file.documents) check_document(document);
  // A duplicate key points at its document. When parsing stopped, the
  // document in progress was dropped and its duplicates point one past the end.
  const size_t documents = result.file.documents.size();
  for (const auto& duplicate : result.file.duplicate_keys) {
    if (duplicate.document > documents) std::abort();
    if (duplicate.document == documents && !result.error) std::abort();
  }
  return 0;
}
