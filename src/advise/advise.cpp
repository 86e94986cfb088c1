#include "kube_harden/advise.h"

#include <map>
#include <set>

#include "advise/pss_levels.h"
#include "engine/file_reader.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// Reads every input once (standard input can only be read once); the ones
// that cannot be read become errors and are left out.
std::vector<LintInput> read_inputs(const std::vector<LintInput>& inputs, const LintOptions& options,
                                   std::vector<InputError>& errors) {
  std::vector<LintInput> read;
  for (const LintInput& input : inputs) {
    if (input.has_text) {
      read.push_back(input);
      continue;
    }
    std::string error;
    std::optional<std::string> text = read_whole_file(input.path, options.max_file_bytes, error);
    if (!text) {
      errors.push_back(InputError{input.display_name, {}, error});
      continue;
    }
    read.push_back(LintInput{input.display_name, input.path, true, std::move(*text)});
  }
  return read;
}

// The typed objects of every input; lint() reports the files' errors.
Manifests build_model(const std::vector<LintInput>& inputs, const LintOptions& options) {
  Manifests manifests;
  for (size_t i = 0; i < inputs.size(); ++i) {
    YamlLoadResult yaml = load_yaml(inputs[i].text, options.yaml_limits);
    DocumentCounts counts;
    build_manifests(yaml.file, i, manifests, counts);
  }
  return manifests;
}

PspAdvice psp_advice(std::string scope, const std::vector<const Workload*>& workloads,
                     const Manifests& manifests, const RuleOptions& options) {
  PspAdvice advice;
  advice.scope = scope;
  std::set<AccountRef> accounts;
  std::set<std::string> namespaces;
  for (const Workload* workload : workloads) {
    std::string space = namespace_of(workload->header, options);
    accounts.insert(AccountRef{space, service_account_name(workload->pod)});
    namespaces.insert(space);
  }
  advice.accounts.assign(accounts.begin(), accounts.end());
  advice.namespaces.assign(namespaces.begin(), namespaces.end());
  const std::string name = "kube-harden-advised-" + (scope.empty() ? "all" : scope);
  advice.psp = generate_psp(workloads, manifests, options, name);
  return advice;
}

std::vector<PspAdvice> advise_psps(const Manifests& manifests, const AdviseOptions& options) {
  const RuleOptions& rules = options.lint.rules;
  std::map<std::string, std::vector<const Workload*>> by_namespace;
  std::vector<const Workload*> all;
  for (const Workload& workload : manifests.workloads) {
    by_namespace[namespace_of(workload.header, rules)].push_back(&workload);
    all.push_back(&workload);
  }
  std::vector<PspAdvice> psps;
  if (!options.psp_per_namespace) {
    if (!all.empty()) psps.push_back(psp_advice("", all, manifests, rules));
    return psps;
  }
  for (const auto& [space, workloads] : by_namespace) {
    psps.push_back(psp_advice(space, workloads, manifests, rules));
  }
  return psps;
}

}  // namespace

std::string_view to_string(AdvisedLevel level) {
  switch (level) {
    case AdvisedLevel::Privileged:
      return "privileged";
    case AdvisedLevel::Baseline:
      return "baseline";
    case AdvisedLevel::Restricted:
      break;
  }
  return "restricted";
}

Advice advise(const std::vector<LintInput>& inputs, const AdviseOptions& options) {
  Advice advice;
  advice.version = options.lint.rules.k8s_version;
  std::vector<InputError> read_errors;
  std::vector<LintInput> texts = read_inputs(inputs, options.lint, read_errors);
  Manifests manifests = build_model(texts, options.lint);
  advice.namespaces = advise_levels(texts, manifests, options.lint, advice.errors);
  advice.errors.insert(advice.errors.begin(), read_errors.begin(), read_errors.end());
  if (options.psp) advice.psps = advise_psps(manifests, options);
  if (options.report) {
    std::vector<std::string> file_names;
    for (const LintInput& input : texts) file_names.push_back(input.display_name);
    advice.usage = collect_usage(manifests, file_names);
  }
  return advice;
}

}  // namespace kube_harden
