#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace kube_harden {

// Reads a whole file ("-" is standard input) of at most `max_bytes`. On
// failure returns nullopt and sets `error` to a plain-words reason.
std::optional<std::string> read_whole_file(const std::string& path, uint64_t max_bytes,
                                           std::string& error);

}  // namespace kube_harden
