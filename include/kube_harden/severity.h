#pragma once

#include <optional>
#include <string_view>

namespace kube_harden {

// Ordered from least to most severe, so comparisons read naturally.
enum class Severity { Info, Low, Medium, High, Critical };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace kube_harden
