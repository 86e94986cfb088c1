#include "cli/commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <iostream>

#include "cli/output_file.h"
#include "kube_harden/report.h"

namespace kube_harden {
namespace {

bool use_color(const LintCommand& command) {
  const char* no_color = std::getenv("NO_COLOR");
  return command.output.empty() && ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

void print_error(const InputError& error) {
  if (error.position.known()) {
    fmt::print(stderr, "{}:{}:{}: error: {}\n", error.file, error.position.line,
               error.position.column, error.message);
  } else {
    fmt::print(stderr, "{}: error: {}\n", error.file, error.message);
  }
}

int exit_code(const LintResult& result, std::optional<Severity> fail_on) {
  if (!result.errors.empty()) return kExitError;
  if (!fail_on) return kExitClean;
  for (size_t level = static_cast<size_t>(*fail_on); level < 5; ++level) {
    if (result.summary.findings_by_severity[level] > 0) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

int run_lint(const LintCommand& command) {
  std::vector<InputError> input_errors;
  std::vector<LintInput> inputs = collect_inputs(command.paths, input_errors);
  LintResult result = lint(inputs, command.options);
  result.errors.insert(result.errors.begin(), input_errors.begin(), input_errors.end());

  std::function<void(std::ostream&)> write;
  if (command.format == "json") {
    write = [&](std::ostream& out) { write_json_report(out, result); };
  } else if (command.format == "sarif") {
    write = [&](std::ostream& out) { write_sarif_report(out, result, RuleCatalog::builtin()); };
  } else {
    TextStyle style{use_color(command)};
    write = [&, style](std::ostream& out) { write_text_report(out, result, style); };
  }
  for (const InputError& error : result.errors) print_error(error);
  if (command.output.empty()) {
    write(std::cout);
    std::cout.flush();
  } else if (std::string error = write_output_file(command.output, write); !error.empty()) {
    fmt::print(stderr, "kube-harden: {}\n", error);
    return kExitError;
  }
  return exit_code(result, command.fail_on);
}

int run_rules(const std::string& format) {
  if (format == "json") {
    write_rule_catalog_json(std::cout, RuleCatalog::builtin());
  } else {
    write_rule_catalog_text(std::cout, RuleCatalog::builtin());
  }
  return kExitClean;
}

int run_explain(const std::string& rule_id) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  if (const RuleMetadata* rule = catalog.find(rule_id)) {
    std::cout << render_rule_text(*rule);
    return kExitClean;
  }
  fmt::print(stderr, "kube-harden: unknown rule \"{}\"; `kube-harden rules` lists them all\n",
             rule_id);
  return kExitError;
}

}  // namespace kube_harden
