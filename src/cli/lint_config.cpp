// Merges the config file and the command line into one LintCommand.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "cli/error_output.h"
#include "catalog/rule_headers.h"
#include "cli/output_file.h"
#include "kube_harden/config.h"

namespace kube_harden {
namespace {

void apply_config(const Config& config, const ExplicitLintFlags& flags, LintCommand& command) {
  LintOptions& options = command.options;
  if (config.fail_on && !flags.fail_on) command.fail_on = *config.fail_on;
  // Like the flags, a level or version in the config is the team's decision
  // and wins over Namespace labels in the input.
  if (config.pss_level && !flags.pss) {
    options.rules.pss_level = *config.pss_level;
    options.rules.pss_level_from_flag = true;
  }
  if (config.k8s_version && !flags.k8s_version) {
    options.rules.k8s_version = *config.k8s_version;
    options.rules.k8s_version_from_flag = true;
  }
  if (config.default_namespace && !flags.namespace_name) {
    options.rules.default_namespace = *config.default_namespace;
  }
  options.selection = config.selection;
  options.rules.parameters = config.parameters;
  options.suppressions.in_source = config.inline_suppressions.value_or(true);
  options.suppressions.unsuppressible = config.unsuppressible;
  options.suppressions.exemptions = config.exemptions;
  options.suppressions.config_file = config.file;
  command.exclude = config.exclude;
  command.exclude_base = config.directory;
}

}  // namespace

bool configure_lint(const std::string& explicit_path, bool use_config,
                    const ExplicitLintFlags& explicit_flags, const RuleSelectionFlags& selection,
                    LintCommand& command) {
  // Only ids are checked here: the header catalogue keeps start-up cheap.
  const RuleCatalog& catalog = builtin_rule_headers();
  std::optional<std::filesystem::path> path;
  if (!explicit_path.empty()) {
    path = explicit_path;
  } else if (use_config) {
    path = find_config_file(std::filesystem::current_path());
  }
  if (path) {
    ConfigLoadResult loaded = load_config_file(*path, catalog);
    if (!loaded.errors.empty()) {
      for (const ConfigError& error : loaded.errors) print_error_at(error.file, error.position, error.message);
      return false;
    }
    apply_config(loaded.config, explicit_flags, command);
  }
  if (explicit_flags.no_inline_suppressions) command.options.suppressions.in_source = false;
  std::string error = apply_rule_selection_flags(selection, catalog, command.options.selection);
  if (!error.empty()) {
    fmt::print(stderr, "kube-harden: {}\n", error);
    return false;
  }
  return true;
}

int run_config_init(const std::string& path, bool force) {
  if (path == "-") {
    fmt::print("{}", default_config_text());
    return kExitClean;
  }
  std::error_code ignored;
  if (!force && std::filesystem::exists(path, ignored)) {
    fmt::print(stderr, "kube-harden: {} already exists; use --force to replace it\n", path);
    return kExitError;
  }
  std::string error = write_output_file(
      path, [](std::ostream& out) { out << default_config_text(); });
  if (!error.empty()) {
    fmt::print(stderr, "kube-harden: {}\n", error);
    return kExitError;
  }
  fmt::print(stderr, "kube-harden: wrote {}\n", path);
  return kExitClean;
}

}  // namespace kube_harden
