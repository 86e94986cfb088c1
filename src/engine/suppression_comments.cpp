#include "engine/suppression_comments.h"

#include "kube_harden/suppression.h"

namespace kube_harden {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Code points, not bytes: columns are characters everywhere in kube-harden.
uint32_t column_of(std::string_view line, size_t byte_offset) {
  uint32_t column = 1;
  for (size_t i = 0; i < byte_offset; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

// The byte offset of a YAML comment starting with the marker, or npos. A
// comment's '#' starts the line or follows white space.
size_t marker_comment_start(std::string_view line) {
  std::string_view marker = kIgnoreCommentMarker;
  for (size_t hash = line.find('#'); hash != std::string_view::npos;
       hash = line.find('#', hash + 1)) {
    if (hash > 0 && line[hash - 1] != ' ' && line[hash - 1] != '\t') continue;
    std::string_view rest = trim(line.substr(hash + 1));
    if (!rest.starts_with(marker)) continue;
    // "kube-harden:ignored" is some other word, not the marker.
    if (rest.size() == marker.size() || rest[marker.size()] == ' ' || rest[marker.size()] == '\t') {
      return hash;
    }
  }
  return std::string_view::npos;
}

// "rule-a, rule-b -- reason": the rule list ends at "--" or at another
// comment ("# ..."), the reason is the rest of the line.
void parse_body(std::string_view body, SuppressionComment& comment) {
  size_t dashes = body.find("--");
  if (dashes != std::string_view::npos) {
    comment.reason = std::string(trim(body.substr(dashes + 2)));
    body = body.substr(0, dashes);
  }
  body = body.substr(0, body.find('#'));
  std::string current;
  for (char c : body) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) comment.rules.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) comment.rules.push_back(std::move(current));
}

}  // namespace

std::vector<SuppressionComment> scan_suppression_comments(std::string_view text) {
  std::vector<SuppressionComment> comments;
  // Cheap exit: nearly every file has no suppression at all.
  if (text.find(kIgnoreCommentMarker) == std::string_view::npos) return comments;
  std::vector<size_t> waiting;  // comments alone on their line, before their target
  uint32_t line_number = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_number;
    std::string_view content = trim(line);
    size_t hash = marker_comment_start(line);
    bool comment_only = content.starts_with('#');
    if (!content.empty() && !comment_only) {
      for (size_t index : waiting) comments[index].target_line = line_number;
      waiting.clear();
    }
    if (hash != std::string_view::npos) {
      SuppressionComment& comment = comments.emplace_back();
      comment.position = Position{line_number, column_of(line, hash)};
      std::string_view body = trim(line.substr(hash + 1));
      parse_body(body.substr(std::string_view(kIgnoreCommentMarker).size()), comment);
      if (comment_only) {
        waiting.push_back(comments.size() - 1);
      } else {
        comment.target_line = line_number;
      }
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return comments;
}

}  // namespace kube_harden
