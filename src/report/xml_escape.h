#pragma once

// Escaping for the XML writers (junit, checkstyle).

#include <string>
#include <string_view>

namespace kube_harden {

enum class XmlContext {
  Attribute,  // inside a quoted attribute value: tabs and line breaks become references too
  Text,       // element content: line breaks stay as they are
};

// Escapes markup characters, and replaces what XML 1.0 cannot carry at all
// (control characters other than tab, CR and LF; U+FFFE and U+FFFF; invalid
// UTF-8), not even as a character reference, with U+FFFD.
std::string xml_escape(std::string_view text, XmlContext context);

// `name="value"` with the value escaped, preceded by a space.
std::string xml_attribute(std::string_view name, std::string_view value);

}  // namespace kube_harden
