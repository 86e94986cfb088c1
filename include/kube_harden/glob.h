#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kube_harden {

// `*` matches any run of characters, `?` one character.
bool wildcard_match(std::string_view pattern, std::string_view text);

// Like wildcard_match for '/'-separated paths, except that `*` and `?` stay
// within one path segment and `**` matches any number of segments
// ("a/**/b" matches "a/b" and "a/x/y/b").
bool path_glob_match(std::string_view pattern, std::string_view path);

// Whether a config's `exclude` globs match `path`: they are relative to
// `base` (the config file's directory); paths outside it are matched as given.
bool excluded_path(const std::vector<std::string>& patterns, const std::filesystem::path& base,
                   const std::string& path);

}  // namespace kube_harden
