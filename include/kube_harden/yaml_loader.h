#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/position.h"
#include "kube_harden/yaml_tree.h"

namespace kube_harden {

struct YamlError {
  Position position;
  std::string message;  // plain words, without yaml-cpp's prefix
};

struct YamlLoadResult {
  YamlFile file;  // every document read without error
  // In file order. A syntax error costs only the document it is in, since
  // documents are read one by one; text that is not YAML, or more documents
  // than the limit, stops the reading of the file.
  std::vector<YamlError> errors;
};

struct YamlLimits {
  // Upper bound on nodes a document would have with every alias expanded;
  // stops "billion laughs" inputs before any walk can blow up.
  uint64_t max_expanded_nodes = 10'000'000;
  // No manifest nests this deep; yaml-cpp's own limit (500) says only "bad file".
  size_t max_depth = 100;
  size_t max_documents = 10'000;
};

// Parses every document of `text`, one at a time. Text that is not YAML at all (invalid
// UTF-8, NUL or other control bytes) is refused before parsing, with the
// position of the first offending byte.
YamlLoadResult load_yaml(std::string_view text, const YamlLimits& limits = {});

}  // namespace kube_harden
