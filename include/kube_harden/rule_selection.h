#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "kube_harden/severity.h"

namespace kube_harden {

// Which rules run and at what severity: the result of merging the config
// file's `rules:` section with --only, --enable, --disable and
// --severity-override (flags applied last, so they win).
struct RuleSelection {
  std::optional<std::set<std::string, std::less<>>> only;  // nullopt: every rule
  std::set<std::string, std::less<>> disabled;
  std::map<std::string, Severity, std::less<>> severity_overrides;

  bool runs(std::string_view rule_id) const;
  Severity severity_of(std::string_view rule_id, Severity default_severity) const;

  // --enable: runs again even if disabled earlier (or not in `only`).
  void enable(const std::string& rule_id);
  void disable(const std::string& rule_id);
  void restrict_to(const std::set<std::string, std::less<>>& rule_ids);
};

}  // namespace kube_harden
