#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/severity.h"

namespace kube_harden {

// Exit codes of every command: the contract CI scripts rely on.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

struct LintCommand {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;                                // empty: standard output
  std::optional<Severity> fail_on = Severity::High;  // nullopt: never fail
  LintOptions options;
};

int run_lint(const LintCommand& command);
int run_rules(const std::string& format);
int run_explain(const std::string& rule_id);

}  // namespace kube_harden
