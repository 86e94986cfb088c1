#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kube_harden/position.h"
#include "kube_harden/yaml_tree.h"

namespace kube_harden {

struct YamlError {
  Position position;
  std::string message;  // plain words, without yaml-cpp's prefix
};

struct YamlLoadResult {
  YamlFile file;                   // documents read before any error
  std::optional<YamlError> error;  // at most one per file: parsing stops there
};

struct YamlLimits {
  // Upper bound on nodes a document would have with every alias expanded;
  // stops "billion laughs" inputs before any walk can blow up.
  uint64_t max_expanded_nodes = 10'000'000;
};

YamlLoadResult load_yaml(std::string_view text, const YamlLimits& limits = {});

}  // namespace kube_harden
