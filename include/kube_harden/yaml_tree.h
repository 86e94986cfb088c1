#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kube_harden/position.h"

namespace kube_harden {

enum class YamlKind : uint8_t { Null, Scalar, Sequence, Map };

struct YamlNode;

struct YamlEntry {
  const YamlNode* key;
  const YamlNode* value;
};

// One node of a parsed YAML document. Aliases are resolved by sharing the
// anchored node, so a document is a DAG; the loader rejects cycles.
struct YamlNode {
  YamlKind kind = YamlKind::Null;
  // A plain scalar is unquoted and untagged: only these resolve to booleans,
  // numbers and null the way the Kubernetes API server reads YAML.
  bool plain = true;
  Position position;
  std::string scalar;
  std::vector<const YamlNode*> items;  // Sequence
  std::vector<YamlEntry> entries;      // Map, in document order

  bool is_map() const { return kind == YamlKind::Map; }
  bool is_sequence() const { return kind == YamlKind::Sequence; }
  bool is_scalar() const { return kind == YamlKind::Scalar; }
  bool is_null() const { return kind == YamlKind::Null; }

  // The value and key of a map entry. Kubernetes keeps the last of duplicate
  // keys, so the last match wins.
  const YamlEntry* find_entry(std::string_view key) const;
  const YamlNode* find(std::string_view key) const;
};

// A key written twice in one mapping. Kubernetes keeps the last value, and so
// do we, but a reader of the file may well believe the first.
struct DuplicateKey {
  size_t document = 0;  // index into YamlFile::documents
  std::string key;
  std::string path;  // field path of the repeated key, e.g. spec.containers[0].image
  Position first;
  Position last;
  bool values_differ = false;
  std::string last_value;  // scalar text, empty for a collection
};

// All nodes of one file's documents; node pointers stay valid while it lives.
struct YamlFile {
  std::deque<YamlNode> arena;
  std::vector<const YamlNode*> documents;  // one root per non-empty document
  size_t empty_documents = 0;
  std::vector<DuplicateKey> duplicate_keys;
};

}  // namespace kube_harden
