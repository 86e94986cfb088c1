#include "kube_harden/advise.h"

#include <map>
#include <set>

#include "advise/pss_levels.h"
#include "engine/lint_run.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

PspAdvice psp_advice(std::string scope, const std::vector<const Workload*>& workloads,
                     const ManifestIndex& index, const RuleOptions& options) {
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
  advice.psp = generate_psp(workloads, index, options, name);
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
  const ManifestIndex index(manifests, rules);
  if (!options.psp_per_namespace) {
    if (!all.empty()) psps.push_back(psp_advice("", all, index, rules));
    return psps;
  }
  for (const auto& [space, workloads] : by_namespace) {
    psps.push_back(psp_advice(space, workloads, index, rules));
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
  // Read and parsed once, then checked at each level.
  LoadedRun run = load_run(inputs, options.lint);
  advice.namespaces = advise_levels(run, options.lint);
  advice.errors = run.errors;
  std::vector<std::string> file_names = std::move(run.file_names);
  const Manifests manifests = merge_run(std::move(run));
  if (options.psp) advice.psps = advise_psps(manifests, options);
  if (options.report) {
    advice.usage = collect_usage(manifests, file_names);
  }
  return advice;
}

}  // namespace kube_harden
