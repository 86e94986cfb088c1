#include "load/yaml_messages.h"

#include <string_view>
#include <utility>

namespace kube_harden {
namespace {

// yaml-cpp's texts (src/exceptions.h, ErrorMsg) and what they mean to a
// manifest author.
constexpr std::pair<std::string_view, std::string_view> kExplanations[] = {
    {"illegal map value",
     "unexpected ':' here; check the indentation (tabs are not allowed) or quote the value"},
    {"end of map not found", "a block mapping is not closed; check the indentation"},
    {"end of map flow not found", "a '{' flow mapping is not closed with '}'"},
    {"end of sequence not found", "a block sequence is not closed; check the indentation"},
    {"end of sequence flow not found", "a '[' flow sequence is not closed with ']'"},
    {"illegal block entry", "unexpected '- ' list item; check the indentation"},
    {"illegal tab when looking for indentation",
     "a tab is used for indentation; YAML allows only spaces"},
    {"unknown token", "unexpected character; a special character may need quoting"},
    {"end of quoted scalar not found", "a quoted string is not closed"},
    {"bad file",
     "the document is nested too deeply (yaml-cpp stops at 500 levels); no manifest needs this"},
    {"invalid escape sequence", "invalid escape sequence in a double-quoted string"},
    {"unknown escape character", "unknown escape character in a double-quoted string"},
    {"invalid hex escape", "invalid \\x escape in a double-quoted string"},
    {"invalid unicode escape", "invalid \\u escape in a double-quoted string"},
    {"the anchor is not found", "an alias (*name) refers to an anchor (&name) that is not defined"},
    {"cannot parse anything but a document", "unexpected content outside a document"},
    {"cannot have both a key and a value in a block mapping",
     "a block mapping key is not followed by ':'"},
    {"invalid node; missing key", "invalid node: a mapping key is missing"},
    {"unexpected end", "the file ends in the middle of a YAML construct"},
};

}  // namespace

std::string plain_yaml_message(const std::string& message) {
  for (const auto& [original, plain] : kExplanations) {
    if (message.starts_with(original)) return std::string(plain);
  }
  return message.empty() ? std::string("invalid YAML") : message;
}

}  // namespace kube_harden
