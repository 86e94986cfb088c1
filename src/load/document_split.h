#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kube_harden {

// A UTF-8 byte order mark: yaml-cpp drops it at the start of its input only.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// `text` without the byte order mark it may start with.
inline std::string_view without_byte_order_mark(std::string_view text) {
  return text.starts_with(kUtf8ByteOrderMark) ? text.substr(kUtf8ByteOrderMark.size()) : text;
}

// Whole YAML documents of a file's text: bytes [begin, end), whose first
// line is `first_line` (0-based) of the file.
struct DocumentRange {
  size_t begin = 0;
  size_t end = 0;
  uint32_t first_line = 0;
};

// Whether `line` (a line, or the text from a line's start on) starts with
// the document marker "---" or "..." and then a blank, a break or the end.
// A break is "\n" or "\r\n": yaml-cpp reads a lone "\r" as text (found by
// fuzz_loader: ")\n---\rm" is one document to it).
bool is_marker(std::string_view line, std::string_view marker);

// Cuts `text` before every line that starts with "---" (then a blank, a
// line break or the end) and after every line that is "..." with at most a
// comment after it: yaml-cpp
// ends a document at such a line wherever it is, or fails there. Each range
// then parses, on its own, into the documents it held in the whole stream
// (see load_yaml_documents()), so that an error costs only its own
// document, and a caller can parse just the documents it needs.
// Directives ("%YAML", "%TAG") belong to the document after them and
// manifests never use them: text with a line starting with '%' is one range.
std::vector<DocumentRange> split_documents(std::string_view text);

}  // namespace kube_harden
