#include "load/text_check.h"

#include <fmt/format.h>

namespace kube_harden {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is invalid
// (bad lead byte, missing continuation, overlong form, surrogate, > U+10FFFF).
size_t utf8_sequence_length(std::string_view text, size_t i) {
  auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  unsigned char second = byte(i + 1);
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) ||
      (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90)) {
    return 0;
  }
  return length;
}

}  // namespace

std::optional<YamlError> check_text(std::string_view text, const LineIndex& lines) {
  size_t line = 0;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Printable ASCII, almost every byte of a manifest, needs no more checks.
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    auto here = [&] {
      return lines.position(static_cast<int>(line), static_cast<int>(i - line_start));
    };
    if (c == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    if (c == 0) {
      return YamlError{here(), "the file contains a NUL byte: it is binary, not YAML; not linted"};
    }
    if (c < 0x20 && c != '\t' && c != '\r') {
      return YamlError{here(), fmt::format("control character U+{:04X} is not allowed in YAML; "
                                           "not linted",
                                           c)};
    }
    size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      return YamlError{here(), fmt::format("byte 0x{:02X} is not valid UTF-8; save the file as "
                                           "UTF-8. Not linted",
                                           c)};
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace kube_harden
