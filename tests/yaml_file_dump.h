#pragma once

// Text forms of a loaded YAML file, to compare two loads of the same text.
// Shared by the tests and the loader fuzzer.

#include <string>
#include <unordered_map>
#include <vector>

#include "kube_harden/yaml_tree.h"

namespace kube_harden::testing_support {

// One document: every node with its kind, position, style and text. A node
// reached again through an alias is written as a reference to its first
// appearance, so aliases cannot make the text grow exponentially.
inline std::string dump_document(const YamlNode* root) {
  std::string out;
  std::unordered_map<const YamlNode*, size_t> seen;
  auto dump = [&](auto& self, const YamlNode* node) -> void {
    auto [it, first] = seen.emplace(node, seen.size());
    if (!first) {
      out += "*" + std::to_string(it->second) + "\n";
      return;
    }
    out += std::to_string(static_cast<int>(node->kind)) + " " +
           std::to_string(node->position.line) + ":" + std::to_string(node->position.column) +
           (node->plain ? " plain " : " quoted ") + std::to_string(node->scalar.size()) + ":" +
           node->scalar + "\n";
    for (const YamlNode* item : node->items) self(self, item);
    for (const YamlEntry& entry : node->entries) {
      self(self, entry.key);
      self(self, entry.value);
    }
    out += "end\n";
  };
  dump(dump, root);
  return out;
}

// Each document's dump, then the empty documents and duplicate keys.
inline std::vector<std::string> dump_yaml_file(const YamlFile& file) {
  std::vector<std::string> parts;
  for (const YamlNode* document : file.documents) parts.push_back(dump_document(document));
  parts.push_back("empty documents: " + std::to_string(file.empty_documents));
  for (const DuplicateKey& duplicate : file.duplicate_keys) {
    parts.push_back("duplicate " + std::to_string(duplicate.document) + " " + duplicate.key + " " +
                    duplicate.path + " " + std::to_string(duplicate.first.line) + ":" +
                    std::to_string(duplicate.first.column) + " " +
                    std::to_string(duplicate.last.line) + ":" +
                    std::to_string(duplicate.last.column) + " " +
                    (duplicate.values_differ ? "differ " : "same ") + duplicate.last_value);
  }
  return parts;
}

}  // namespace kube_harden::testing_support
