#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "kube_harden/severity.h"

namespace kube_harden {

// The three levels of SARIF, Checkstyle and GitHub annotations: critical and
// high are errors, medium a warning, low and info the tool's lowest level.
enum class ToolLevel { Error, Warning, Lowest };

inline ToolLevel tool_level(Severity severity) {
  switch (severity) {
    case Severity::Critical:
    case Severity::High:
      return ToolLevel::Error;
    case Severity::Medium:
      return ToolLevel::Warning;
    case Severity::Low:
    case Severity::Info:
      return ToolLevel::Lowest;
  }
  return ToolLevel::Warning;
}

// The level's name in a tool that calls its lowest level `lowest`.
inline std::string_view tool_level_name(ToolLevel level, std::string_view lowest) {
  constexpr std::array<std::string_view, 2> kNames = {"error", "warning"};
  return level == ToolLevel::Lowest ? lowest : kNames[static_cast<size_t>(level)];
}

}  // namespace kube_harden
