#include "load/text_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "load/line_index.h"

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

// Whether the 8 bytes of `word` are all printable ASCII (0x20 to 0x7F),
// as almost all of a manifest is: no newline, tab, control byte or UTF-8.
bool all_printable_ascii(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHighBits = 0x8080808080808080;
  // A byte below 0x20 borrows when 0x20 is taken from it; a high bit is UTF-8.
  uint64_t below_space = (word - 0x20 * kOnes) & ~word & kHighBits;
  return ((word & kHighBits) | below_space) == 0;
}

std::optional<YamlError> error_at(std::string_view text, size_t offset, std::string message) {
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1;
  size_t line = static_cast<size_t>(std::count(text.begin(), text.begin() + line_start, '\n'));
  Position position = LineIndex(text).position(static_cast<int>(line),
                                               static_cast<int>(offset - line_start));
  return YamlError{position, std::move(message)};
}

}  // namespace

std::optional<YamlError> check_text(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if (all_printable_ascii(word)) {
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 0x20 && c < 0x80) || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == 0) {
      return error_at(text, i, "the file contains a NUL byte: it is binary, not YAML; not linted");
    }
    if (c < 0x20) {
      return error_at(text, i,
                      fmt::format("control character U+{:04X} is not allowed in YAML; not linted",
                                  c));
    }
    size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      return error_at(text, i,
                      fmt::format("byte 0x{:02X} is not valid UTF-8; save the file as UTF-8. "
                                  "Not linted",
                                  c));
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace kube_harden
