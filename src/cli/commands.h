#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/rule_selection_flags.h"
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
  bool show_suppressed = false;                      // text and github formats
  std::optional<Severity> fail_on = Severity::High;  // nullopt: never fail
  LintOptions options;
  // Globs of files not to lint, relative to `exclude_base` (the config's directory).
  std::vector<std::string> exclude;
  std::filesystem::path exclude_base;
  std::string baseline;        // --baseline: report only findings not in it
  std::string write_baseline;  // --write-baseline: record current findings there
};

// Settings given on the command line; they win over the config file's.
struct ExplicitLintFlags {
  bool fail_on = false;
  bool pss = false;
  bool k8s_version = false;
  bool namespace_name = false;
  bool no_inline_suppressions = false;
};

// Finds (or reads `explicit_path`) and applies the config file to `command`,
// then `flags` on top. Prints what is wrong and returns false on a bad config.
bool configure_lint(const std::string& explicit_path, bool use_config,
                    const ExplicitLintFlags& explicit_flags, const RuleSelectionFlags& selection,
                    LintCommand& command);

// `kube-harden config init`: writes the commented default config.
int run_config_init(const std::string& path, bool force);

int run_lint(LintCommand command);
int run_rules(const std::string& format);
int run_explain(const std::string& rule_id);

}  // namespace kube_harden
