#include "advise/psp_annotations.h"

#include <algorithm>

namespace kube_harden {

std::vector<std::string> split_profiles(std::string_view list) {
  std::vector<std::string> names;
  size_t start = 0;
  while (true) {
    size_t comma = list.find(',', start);
    names.emplace_back(list.substr(start, comma - start));
    if (comma == std::string_view::npos) return names;
    start = comma + 1;
  }
}

std::string join_profiles(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  const bool allows_unset = !names.empty() && names.front().empty();
  std::string joined;
  for (const std::string& name : names) {
    if (name.empty()) continue;
    if (!joined.empty()) joined += ',';
    joined += name;
  }
  return allows_unset ? joined + "," : joined;
}

}  // namespace kube_harden
