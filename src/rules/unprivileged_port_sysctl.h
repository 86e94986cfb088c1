#pragma once

#include <optional>

#include "kube_harden/model.h"

namespace kube_harden {

inline constexpr std::string_view kUnprivilegedPortSysctl = "net.ipv4.ip_unprivileged_port_start";

// The pod's net.ipv4.ip_unprivileged_port_start sysctl, when it sets one.
const Sysctl* unprivileged_port_sysctl(const PodSpec& pod);

}  // namespace kube_harden
