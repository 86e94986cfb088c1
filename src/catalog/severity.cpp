#include "kube_harden/severity.h"

#include <array>
#include <utility>

#include "kube_harden/rule_metadata.h"

namespace kube_harden {
namespace {

constexpr std::array<std::pair<Severity, std::string_view>, 5> kSeverityNames = {{
    {Severity::Info, "info"},
    {Severity::Low, "low"},
    {Severity::Medium, "medium"},
    {Severity::High, "high"},
    {Severity::Critical, "critical"},
}};

constexpr std::array<std::pair<PssLevel, std::string_view>, 2> kPssLevelNames = {{
    {PssLevel::Baseline, "baseline"},
    {PssLevel::Restricted, "restricted"},
}};

template <class Enum, size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

// Names are matched exactly: configuration and metadata spell them in lower case.
template <class Enum, size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                             std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Severity severity) {
  return name_of(kSeverityNames, severity);
}

std::optional<Severity> parse_severity(std::string_view text) {
  return value_of(kSeverityNames, text);
}

std::string_view to_string(PssLevel level) {
  return name_of(kPssLevelNames, level);
}

std::optional<PssLevel> parse_pss_level(std::string_view text) {
  return value_of(kPssLevelNames, text);
}

}  // namespace kube_harden
