#pragma once

#include <string_view>
#include <vector>

#include "kube_harden/model.h"
#include "kube_harden/yaml_tree.h"

namespace kube_harden {

// Readers for the fields of a YAML mapping, resolving scalars the way the
// Kubernetes API server does (sigs.k8s.io/yaml on go-yaml v2, YAML 1.1).
// All of them accept a null `map` and return an absent field.

// While alive, every field read on this thread whose value has the wrong type
// (a quoted "true" for a boolean, "0" for an integer...) is recorded in
// `sink`. Readers stay plain functions; the object being read owns the sink.
class InvalidValueCollector {
 public:
  explicit InvalidValueCollector(std::vector<SourceIssue>& sink);
  ~InvalidValueCollector();
  InvalidValueCollector(const InvalidValueCollector&) = delete;
  InvalidValueCollector& operator=(const InvalidValueCollector&) = delete;

 private:
  std::vector<SourceIssue>* previous_;
};

// An int-or-string field such as a NetworkPolicy port: exactly one of the
// two results has a value when the field is set.
void read_int_or_string(const YamlNode* map, std::string_view key, IntField& number,
                        StringField& name);

// `map` itself when it is a mapping, else null.
const YamlNode* as_map(const YamlNode* node);
// The mapping under `key`, or null when absent or not a mapping.
const YamlNode* child_map(const YamlNode* map, std::string_view key);
// The sequence under `key`, or null when absent or not a sequence.
const YamlNode* child_sequence(const YamlNode* map, std::string_view key);
// Where `key` stands in `map`; unknown when absent.
Position key_position(const YamlNode* map, std::string_view key);

BoolField read_bool(const YamlNode* map, std::string_view key);
IntField read_int(const YamlNode* map, std::string_view key);
StringField read_string(const YamlNode* map, std::string_view key);
// A scalar list item read as a string field positioned at the item itself.
StringField string_item(const YamlNode* item);
std::vector<StringField> read_string_list(const YamlNode* map, std::string_view key);
std::vector<KeyValue> read_string_map(const YamlNode* map, std::string_view key);

}  // namespace kube_harden
