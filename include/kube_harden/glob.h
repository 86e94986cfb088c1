#pragma once

#include <string_view>

namespace kube_harden {

// `*` matches any run of characters, `?` one character.
bool wildcard_match(std::string_view pattern, std::string_view text);

// Like wildcard_match for '/'-separated paths, except that `*` and `?` stay
// within one path segment and `**` matches any number of segments
// ("a/**/b" matches "a/b" and "a/x/y/b").
bool path_glob_match(std::string_view pattern, std::string_view path);

}  // namespace kube_harden
