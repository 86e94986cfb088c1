#pragma once

#include <optional>
#include <string_view>

#include "kube_harden/yaml_loader.h"

namespace kube_harden {

// The first reason `text` cannot be YAML: a NUL byte (a binary file), another
// control character YAML forbids, or a byte sequence that is not UTF-8.
std::optional<YamlError> check_text(std::string_view text);

}  // namespace kube_harden
