#pragma once

#include <string>

namespace kube_harden {

// Rewrites a yaml-cpp parser message in plain words for people.
std::string plain_yaml_message(const std::string& yaml_cpp_message);

}  // namespace kube_harden
