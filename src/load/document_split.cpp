#include "load/document_split.h"

namespace kube_harden {

bool is_marker(std::string_view line, std::string_view marker) {
  if (!line.starts_with(marker)) return false;
  std::string_view after = line.substr(marker.size());
  if (after.empty() || after.starts_with("\r\n")) return true;
  return after.front() == ' ' || after.front() == '\t' || after.front() == '\n';
}

namespace {

// "..." with nothing after it but blanks and a comment. After "... x", x
// starts a document that can run on over the next lines.
bool is_bare_end_marker(std::string_view line) {
  if (!is_marker(line, "...")) return false;
  size_t end = line.find('\n');
  std::string_view rest = line.substr(3, end == std::string_view::npos ? end : end - 3);
  size_t content = rest.find_first_not_of(" \t\r");
  return content == std::string_view::npos || rest[content] == '#';
}

}  // namespace

std::vector<DocumentRange> split_documents(std::string_view text) {
  std::vector<DocumentRange> ranges{DocumentRange{0, text.size(), 0}};
  auto cut_at = [&](size_t start, uint32_t line) {
    if (start == ranges.back().begin || start == text.size()) return;
    ranges.back().end = start;
    ranges.push_back(DocumentRange{start, text.size(), line});
  };
  uint32_t line = 0;
  for (size_t start = 0; start < text.size(); ++line) {
    std::string_view rest = text.substr(start);
    if (rest.front() == '%') return {DocumentRange{0, text.size(), 0}};
    size_t newline = text.find('\n', start);
    size_t next = newline == std::string_view::npos ? text.size() : newline + 1;
    // "---" starts a document; "..." ends one, and a document after it needs
    // no "---". Cutting before "..." instead would make yaml-cpp read an
    // empty document there.
    if (is_marker(rest, "---")) cut_at(start, line);
    // A byte order mark there would start the next range, where yaml-cpp drops it.
    if (is_bare_end_marker(rest) && !text.substr(next).starts_with(kUtf8ByteOrderMark)) {
      cut_at(next, line + 1);
    }
    start = next;
  }
  return ranges;
}

}  // namespace kube_harden
