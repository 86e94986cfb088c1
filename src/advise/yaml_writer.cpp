#include "advise/yaml_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace kube_harden {
namespace {

// Words YAML 1.1 (which the API server's parser follows) reads as booleans or null.
constexpr std::array<std::string_view, 11> kReservedWords = {
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "<<"};

bool is_reserved_word(const std::string& text) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return std::find(kReservedWords.begin(), kReservedWords.end(), lower) != kReservedWords.end();
}

bool plain_safe(const std::string& text) {
  if (text.empty() || is_reserved_word(text)) return false;
  // Anything starting like a number or an indicator is quoted, so "1.0",
  // "-1" and ".5" stay strings.
  const unsigned char first = text.front();
  if (std::isdigit(first) || first == '-' || first == '+' || first == '.') return false;
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '/' || c == '-';
  });
}

std::string double_quoted(const std::string& text) {
  std::string quoted = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\t':
        quoted += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          quoted += fmt::format("\\x{:02x}", c);
        } else {
          quoted += static_cast<char>(c);
        }
    }
  }
  return quoted + "\"";
}

}  // namespace

std::string yaml_scalar(const std::string& text) {
  return plain_safe(text) ? text : double_quoted(text);
}

YamlValue YamlValue::string(std::string text) {
  YamlValue value(Kind::String);
  value.text_ = std::move(text);
  return value;
}

YamlValue YamlValue::integer(int64_t number) {
  YamlValue value(Kind::Integer);
  value.number_ = number;
  return value;
}

YamlValue YamlValue::boolean(bool flag) {
  YamlValue value(Kind::Boolean);
  value.flag_ = flag;
  return value;
}

YamlValue YamlValue::strings(const std::vector<std::string>& texts) {
  YamlValue value = list();
  for (const std::string& text : texts) value.append(string(text));
  return value;
}

YamlValue& YamlValue::set(const std::string& key, YamlValue value) {
  entries_.insert_or_assign(key, std::move(value));
  return *this;
}

YamlValue& YamlValue::append(YamlValue value) {
  items_.push_back(std::move(value));
  return *this;
}

bool YamlValue::is_empty_collection() const {
  return (kind_ == Kind::Map && entries_.empty()) || (kind_ == Kind::List && items_.empty());
}

std::string YamlValue::scalar_text() const {
  switch (kind_) {
    case Kind::Integer:
      return std::to_string(number_);
    case Kind::Boolean:
      return flag_ ? "true" : "false";
    case Kind::Map:
      return "{}";
    case Kind::List:
      return "[]";
    case Kind::String:
      break;
  }
  return yaml_scalar(text_);
}

void YamlValue::write_value_after_key(std::ostream& out, size_t indent) const {
  if (is_scalar() || is_empty_collection()) {
    out << ' ' << scalar_text() << '\n';
  } else if (kind_ == Kind::Map) {
    out << '\n';
    write_map(out, indent + 2, false);
  } else {
    out << '\n';
    write_list(out, indent + 2);
  }
}

// first_inline: the first key continues a "- " already written.
void YamlValue::write_map(std::ostream& out, size_t indent, bool first_inline) const {
  bool first = true;
  for (const auto& [key, value] : entries_) {
    if (!(first && first_inline)) out << std::string(indent, ' ');
    first = false;
    out << yaml_scalar(key) << ':';
    value.write_value_after_key(out, indent);
  }
}

void YamlValue::write_list(std::ostream& out, size_t indent) const {
  for (const YamlValue& item : items_) {
    out << std::string(indent, ' ') << '-';
    if (item.kind_ == Kind::Map && !item.entries_.empty()) {
      out << ' ';
      item.write_map(out, indent + 2, true);
    } else if (item.kind_ == Kind::List && !item.items_.empty()) {
      out << '\n';
      item.write_list(out, indent + 2);
    } else {
      out << ' ' << item.scalar_text() << '\n';
    }
  }
}

void YamlValue::write_document(std::ostream& out) const {
  out << "---\n";
  if (kind_ == Kind::Map && !entries_.empty()) {
    write_map(out, 0, false);
  } else if (kind_ == Kind::List && !items_.empty()) {
    write_list(out, 0);
  } else {
    out << scalar_text() << '\n';
  }
}

}  // namespace kube_harden
