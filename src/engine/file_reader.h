#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kube_harden/lint.h"

namespace kube_harden {

// Reads a whole file ("-" is standard input) of at most `max_bytes`. On
// failure returns nullopt and sets `error` to a plain-words reason.
std::optional<std::string> read_whole_file(const std::string& path, uint64_t max_bytes,
                                           std::string& error);

// The text of an input: its own, or its file's, read into `storage`. On
// failure (or a read that failed before, LintInput::read_error) returns
// nullopt and sets `error`.
std::optional<std::string_view> input_text(const LintInput& input, uint64_t max_bytes,
                                           std::optional<std::string>& storage,
                                           std::string& error);

}  // namespace kube_harden
