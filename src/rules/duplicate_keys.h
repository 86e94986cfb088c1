#pragma once

#include <string_view>

namespace kube_harden {

// Keys whose value decides what a pod, policy or role may do: a duplicate of
// one of these can make a reader see a safe value while Kubernetes uses the
// other.
bool is_security_relevant_key(std::string_view key);

}  // namespace kube_harden
