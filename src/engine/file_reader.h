#pragma once

#include <optional>
#include <string>

namespace kube_harden {

// Reads a whole file ("-" is standard input). On failure returns nullopt and
// sets `error` to a plain-words reason.
std::optional<std::string> read_whole_file(const std::string& path, std::string& error);

}  // namespace kube_harden
