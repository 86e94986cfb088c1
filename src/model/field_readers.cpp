#include "model/field_readers.h"

#include <charconv>
#include <string>

namespace kube_harden {
namespace {

// go-yaml v2 resolves these plain scalars to booleans (YAML 1.1).
constexpr std::string_view kTrueWords[] = {"y",  "Y",  "yes",  "Yes",  "YES", "on",
                                           "On", "ON", "true", "True", "TRUE"};
constexpr std::string_view kFalseWords[] = {"n",   "N",   "no",    "No",    "NO",   "off",
                                            "Off", "OFF", "false", "False", "FALSE"};

std::optional<bool> resolve_bool(const YamlNode& node) {
  if (!node.is_scalar() || !node.plain) return std::nullopt;
  for (std::string_view word : kTrueWords) {
    if (node.scalar == word) return true;
  }
  for (std::string_view word : kFalseWords) {
    if (node.scalar == word) return false;
  }
  return std::nullopt;
}

std::optional<int64_t> resolve_int(const YamlNode& node) {
  if (!node.is_scalar() || !node.plain) return std::nullopt;
  std::string digits;
  for (char c : node.scalar) {
    if (c != '_') digits.push_back(c);
  }
  std::string_view text = digits;
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  int base = 10;
  if (text.starts_with("0x")) {
    base = 16;
    text.remove_prefix(2);
  } else if (text.starts_with("0b")) {
    base = 2;
    text.remove_prefix(2);
  } else if (text.size() > 1 && text[0] == '0') {
    base = 8;
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return negative ? -value : value;
}

thread_local std::vector<SourceIssue>* invalid_value_sink = nullptr;

std::string written_as(const YamlNode& node) {
  switch (node.kind) {
    case YamlKind::Map:
      return "a mapping";
    case YamlKind::Sequence:
      return "a list";
    case YamlKind::Null:
      return "null";
    case YamlKind::Scalar:
      break;
  }
  return node.plain ? node.scalar : "\"" + node.scalar + "\" (quoted, so a string)";
}

void record_invalid(std::string_view key, const YamlEntry& entry, std::string_view expected) {
  if (!invalid_value_sink) return;
  SourceIssue issue;
  issue.kind = SourceIssue::Kind::InvalidValue;
  issue.key = std::string(key);
  issue.path = issue.key;  // until the object's reader finds the whole path
  issue.position = entry.key->position;
  issue.detail = std::string(expected) + ", but it is written as " + written_as(*entry.value);
  invalid_value_sink->push_back(std::move(issue));
}

template <class T, class Resolve>
Field<T> read_field(const YamlNode* map, std::string_view key, Resolve resolve,
                    std::string_view expected) {
  Field<T> field;
  if (!map || !map->is_map()) return field;
  const YamlEntry* entry = map->find_entry(key);
  if (!entry) return field;
  field.position = entry->key->position;
  if (entry->value->is_null()) return field;
  field.value = resolve(*entry->value);
  field.invalid = !field.value;
  if (field.invalid) record_invalid(key, *entry, expected);
  return field;
}

std::optional<std::string> resolve_string(const YamlNode& node) {
  if (!node.is_scalar()) return std::nullopt;
  return node.scalar;
}

}  // namespace

InvalidValueCollector::InvalidValueCollector(std::vector<SourceIssue>& sink)
    : previous_(invalid_value_sink) {
  invalid_value_sink = &sink;
}

InvalidValueCollector::~InvalidValueCollector() {
  invalid_value_sink = previous_;
}

void read_int_or_string(const YamlNode* map, std::string_view key, IntField& number,
                        StringField& name) {
  const YamlNode* value = map && map->is_map() ? map->find(key) : nullptr;
  if (value && value->is_scalar() && !resolve_int(*value)) {
    name = read_string(map, key);
  } else {
    number = read_int(map, key);
  }
}

const YamlNode* as_map(const YamlNode* node) {
  return node && node->is_map() ? node : nullptr;
}

const YamlNode* child_map(const YamlNode* map, std::string_view key) {
  return map && map->is_map() ? as_map(map->find(key)) : nullptr;
}

const YamlNode* child_sequence(const YamlNode* map, std::string_view key) {
  if (!map || !map->is_map()) return nullptr;
  const YamlNode* value = map->find(key);
  return value && value->is_sequence() ? value : nullptr;
}

Position key_position(const YamlNode* map, std::string_view key) {
  if (!map || !map->is_map()) return {};
  const YamlEntry* entry = map->find_entry(key);
  return entry ? entry->key->position : Position{};
}

BoolField read_bool(const YamlNode* map, std::string_view key) {
  return read_field<bool>(map, key, resolve_bool, "a boolean (true or false, unquoted)");
}

IntField read_int(const YamlNode* map, std::string_view key) {
  return read_field<int64_t>(map, key, resolve_int, "an integer (unquoted)");
}

StringField read_string(const YamlNode* map, std::string_view key) {
  return read_field<std::string>(map, key, resolve_string, "a string");
}

StringField string_item(const YamlNode* item) {
  StringField field;
  field.position = item->position;
  if (item->is_scalar()) {
    field.value = item->scalar;
  } else if (!item->is_null()) {
    field.invalid = true;
  }
  return field;
}

std::vector<StringField> read_string_list(const YamlNode* map, std::string_view key) {
  std::vector<StringField> list;
  if (const YamlNode* sequence = child_sequence(map, key)) {
    list.reserve(sequence->items.size());
    for (const YamlNode* item : sequence->items) list.push_back(string_item(item));
  }
  return list;
}

std::vector<KeyValue> read_string_map(const YamlNode* map, std::string_view key) {
  std::vector<KeyValue> pairs;
  if (const YamlNode* values = child_map(map, key)) {
    // Models stay in memory for the whole run: no spare capacity.
    pairs.reserve(values->entries.size());
    for (const YamlEntry& entry : values->entries) {
      if (!entry.key->is_scalar()) continue;
      pairs.push_back(KeyValue{entry.key->scalar,
                               entry.value->is_scalar() ? entry.value->scalar : std::string(),
                               entry.key->position});
    }
  }
  return pairs;
}

}  // namespace kube_harden
