#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace kube_harden {

// A YAML value to write: scalars, lists and maps whose keys are sorted, so
// output is deterministic and diffs of generated manifests stay small.
class YamlValue {
 public:
  enum class Kind { String, Integer, Boolean, Map, List };

  static YamlValue string(std::string text);
  static YamlValue integer(int64_t number);
  static YamlValue boolean(bool flag);
  static YamlValue map() { return YamlValue(Kind::Map); }
  static YamlValue list() { return YamlValue(Kind::List); }
  static YamlValue strings(const std::vector<std::string>& texts);

  // Map: sets a key (replacing it); List: appends. Both return *this for chaining.
  YamlValue& set(const std::string& key, YamlValue value);
  YamlValue& append(YamlValue value);

  // One block-style document, starting with "---".
  void write_document(std::ostream& out) const;

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  int64_t number() const { return number_; }
  bool flag() const { return flag_; }
  const std::map<std::string, YamlValue>& entries() const { return entries_; }
  const std::vector<YamlValue>& items() const { return items_; }

 private:
  explicit YamlValue(Kind kind) : kind_(kind) {}
  bool is_scalar() const { return kind_ != Kind::Map && kind_ != Kind::List; }
  bool is_empty_collection() const;
  std::string scalar_text() const;
  void write_map(std::ostream& out, size_t indent, bool first_inline) const;
  void write_list(std::ostream& out, size_t indent) const;
  void write_value_after_key(std::ostream& out, size_t indent) const;

  Kind kind_;
  std::string text_;
  int64_t number_ = 0;
  bool flag_ = false;
  std::map<std::string, YamlValue> entries_;
  std::vector<YamlValue> items_;
};

// `text` as a YAML scalar: plain when that reads back as the same string,
// else double-quoted with escapes.
std::string yaml_scalar(const std::string& text);

}  // namespace kube_harden
