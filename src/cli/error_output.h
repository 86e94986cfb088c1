#pragma once

#include <string>

#include "kube_harden/position.h"

namespace kube_harden {

// Prints "file:line:col: error: message" (or "file: error: message" without
// a position) on standard error: the form editors and CI systems parse.
void print_error_at(const std::string& file, Position position, const std::string& message);

}  // namespace kube_harden
