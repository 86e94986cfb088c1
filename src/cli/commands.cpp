#include "cli/commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>

#include "cli/error_output.h"
#include "cli/output_file.h"
#include "kube_harden/baseline.h"
#include "kube_harden/glob.h"
#include "kube_harden/report.h"

namespace kube_harden {
namespace {

bool use_color(const LintCommand& command) {
  const char* no_color = std::getenv("NO_COLOR");
  return command.output.empty() && ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

int exit_code(const LintResult& result, std::optional<Severity> fail_on) {
  if (!result.errors.empty()) return kExitError;
  if (!fail_on) return kExitClean;
  for (size_t level = static_cast<size_t>(*fail_on); level < 5; ++level) {
    if (result.summary.findings_by_severity[level] > 0) return kExitFindings;
  }
  return kExitClean;
}

// --write-baseline records the findings instead of reporting them: adopting
// the gate on an old repository must not fail the build that adopts it.
int write_baseline_file(const std::string& path, const LintResult& result) {
  std::string error = write_output_file(
      path, [&](std::ostream& out) { write_baseline(out, result.findings); });
  if (!error.empty()) {
    fmt::print(stderr, "kube-harden: {}\n", error);
    return kExitError;
  }
  size_t recorded = std::count_if(result.findings.begin(), result.findings.end(),
                                  [](const Finding& finding) { return !finding.suppressed; });
  fmt::print(stderr, "kube-harden: recorded {} finding{} in {}\n", recorded,
             recorded == 1 ? "" : "s", path);
  return result.errors.empty() ? kExitClean : kExitError;
}

void print_errors(const std::vector<InputError>& errors) {
  for (const InputError& error : errors) print_error_at(error.file, error.position, error.message);
}

// Hands the errors of a run to stderr, those found collecting inputs first
// and then each file's before its findings, and passes findings through.
// Reports list errors when they finish.
class ErrorsFirst : public FindingSink {
 public:
  ErrorsFirst(const std::vector<InputError>& input_errors, FindingSink& report)
      : input_errors_(input_errors), report_(report) {}

  void start(const std::vector<InputError>& errors) override {
    std::vector<InputError> all = input_errors_;
    all.insert(all.end(), errors.begin(), errors.end());
    print_errors(all);
    report_.start(all);
  }
  void add_errors(const std::vector<InputError>& errors) override { print_errors(errors); }
  void add(std::vector<Finding>& findings) override { report_.add(findings); }

 private:
  const std::vector<InputError>& input_errors_;
  FindingSink& report_;
};

}  // namespace

int run_lint(LintCommand command) {
  if (!command.baseline.empty() && !command.write_baseline.empty()) {
    fmt::print(stderr, "kube-harden: --baseline and --write-baseline do not go together: "
                       "write a new baseline from a run without one\n");
    return kExitError;
  }
  if (!command.baseline.empty()) {
    std::string error;
    command.options.baseline = read_baseline(command.baseline, error);
    if (!command.options.baseline) {
      fmt::print(stderr, "kube-harden: {}\n", error);
      return kExitError;
    }
  }
  std::vector<InputError> input_errors;
  std::vector<LintInput> inputs =
      collect_inputs(command.paths, input_errors, command.options.jobs);
  std::erase_if(inputs, [&](const LintInput& input) {
    return !input.path.empty() && excluded_path(command.exclude, command.exclude_base, input.path);
  });
  auto add_input_errors = [&](LintResult& result) {
    result.errors.insert(result.errors.begin(), input_errors.begin(), input_errors.end());
  };

  std::function<std::unique_ptr<StreamingReport>(std::ostream&)> stream;
  if (command.format == "json") {
    stream = [](std::ostream& out) { return json_report_stream(out); };
  } else if (command.format == "sarif") {
    bool baseline_used = command.options.baseline.has_value();
    stream = [baseline_used](std::ostream& out) {
      return sarif_report_stream(out, RuleCatalog::builtin(), baseline_used);
    };
  } else if (command.format == "text") {
    TextStyle style{.color = use_color(command), .show_suppressed = command.show_suppressed};
    stream = [style](std::ostream& out) { return text_report_stream(out, style); };
  }

  LintResult result;
  std::function<void(std::ostream&)> write;
  if (stream && command.write_baseline.empty()) {
    // Findings are written as files are checked, never all held at once.
    write = [&](std::ostream& out) {
      std::unique_ptr<StreamingReport> report = stream(out);
      ErrorsFirst sink(input_errors, *report);
      result = lint(inputs, command.options, sink);
      add_input_errors(result);
      report->finish(result);
    };
  } else {
    result = lint(inputs, command.options);
    add_input_errors(result);
    print_errors(result.errors);
    if (!command.write_baseline.empty()) return write_baseline_file(command.write_baseline, result);
    if (command.format == "github") {
      // Read by the Actions runner, never a terminal: no colour.
      TextStyle style{.color = false, .show_suppressed = command.show_suppressed};
      write = [&, style](std::ostream& out) { write_github_report(out, result, style); };
    } else if (command.format == "junit") {
      write = [&](std::ostream& out) { write_junit_report(out, result); };
    } else {
      write = [&](std::ostream& out) { write_checkstyle_report(out, result); };
    }
  }
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
