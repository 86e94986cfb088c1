#include "cli/advise_command.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/error_output.h"

namespace kube_harden {
int run_advise(const AdviseCommand& command) {
  if (command.format == "yaml" && command.options.report) {
    fmt::print(stderr,
               "kube-harden: --format yaml prints Kubernetes objects only; use --report with "
               "--format text or json\n");
    return kExitError;
  }
  std::vector<InputError> input_errors;
  std::vector<LintInput> inputs = collect_inputs(command.paths, input_errors);
  Advice advice = advise(inputs, command.options);
  advice.errors.insert(advice.errors.begin(), input_errors.begin(), input_errors.end());
  for (const InputError& error : advice.errors) print_error_at(error.file, error.position, error.message);
  if (command.format == "json") {
    write_advice_json(std::cout, advice);
  } else if (command.format == "yaml") {
    write_advice_yaml(std::cout, advice);
  } else {
    write_advice_text(std::cout, advice);
  }
  std::cout.flush();
  return advice.errors.empty() ? kExitClean : kExitError;
}

}  // namespace kube_harden
