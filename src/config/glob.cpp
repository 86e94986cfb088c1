#include "kube_harden/glob.h"

#include <vector>

namespace kube_harden {
namespace {

// Dynamic programming over (pattern position, text position): linear in
// their product, so no pattern can make matching blow up.
bool match(std::string_view pattern, std::string_view text, bool segments) {
  const size_t n = text.size();
  // can[j]: the pattern prefix read so far matches text[0, j).
  std::vector<char> can(n + 1, 0);
  can[0] = 1;
  for (size_t p = 0; p < pattern.size(); ++p) {
    std::vector<char> next(n + 1, 0);
    char c = pattern[p];
    if (c == '*') {
      bool crosses = !segments;
      if (segments && p + 1 < pattern.size() && pattern[p + 1] == '*') {
        crosses = true;
        ++p;
        // "**/" also matches no directory at all: "a/**/b" matches "a/b".
        if (p + 1 < pattern.size() && pattern[p + 1] == '/') {
          ++p;
          std::vector<char> with_dirs(n + 1, 0);
          for (size_t j = 0; j <= n; ++j) {
            if (!can[j]) continue;
            with_dirs[j] = 1;
            for (size_t k = j; k < n; ++k) {
              if (text[k] == '/') with_dirs[k + 1] = 1;
            }
          }
          can = std::move(with_dirs);
          continue;
        }
      }
      bool reachable = false;
      for (size_t j = 0; j <= n; ++j) {
        if (can[j]) reachable = true;
        if (reachable) next[j] = 1;
        if (j < n && !crosses && text[j] == '/') reachable = false;
      }
    } else {
      for (size_t j = 0; j < n; ++j) {
        if (!can[j]) continue;
        bool any = c == '?' && !(segments && text[j] == '/');
        if (any || c == text[j]) next[j + 1] = 1;
      }
    }
    can = std::move(next);
  }
  return can[n] != 0;
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view text) {
  return match(pattern, text, false);
}

bool path_glob_match(std::string_view pattern, std::string_view path) {
  return match(pattern, path, true);
}

bool excluded_path(const std::vector<std::string>& patterns, const std::filesystem::path& base,
                   const std::string& path) {
  if (patterns.empty()) return false;
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  std::filesystem::path absolute_base = std::filesystem::absolute(base, error);
  std::string relative =
      absolute.lexically_normal().lexically_relative(absolute_base.lexically_normal()).generic_string();
  std::string subject = relative.empty() || relative.starts_with("..")
                            ? std::filesystem::path(path).lexically_normal().generic_string()
                            : relative;
  for (const std::string& pattern : patterns) {
    if (path_glob_match(pattern, subject)) return true;
  }
  return false;
}

}  // namespace kube_harden
