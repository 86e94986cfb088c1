#include "advise/pss_levels.h"

#include <map>
#include <set>

#include "catalog/rule_headers.h"

namespace kube_harden {
namespace {

constexpr std::string_view kLabelPrefix = "pod-security.kubernetes.io/";

// The Pod Security Standards rules: the only ones advise reads findings of.
std::set<std::string, std::less<>> pss_rule_ids() {
  std::set<std::string, std::less<>> ids;
  for (const RuleMetadata& rule : builtin_rule_headers().rules()) {
    if (rule.pss) ids.insert(rule.id);
  }
  return ids;
}

// PSS findings of the run checked at `level`, by namespace.
std::map<std::string, std::vector<Blocker>> pss_findings(const LoadedRun& run, LintOptions options,
                                                         PssLevel level) {
  options.rules.pss_level = level;
  options.rules.pss_level_from_flag = true;
  options.rules.k8s_version_from_flag = true;
  options.selection.restrict_to(pss_rule_ids());
  LintResult result = check_run(run, options);
  std::map<std::string, std::vector<Blocker>> by_namespace;
  for (const Finding& finding : result.findings) {
    // Admission knows nothing of kube-harden suppressions, so they count too.
    if (!finding.pss) continue;
    ObjectRef object = finding.object;
    if (object.namespace_name.empty()) object.namespace_name = options.rules.default_namespace;
    by_namespace[object.namespace_name].push_back(
        Blocker{object, finding.file, finding.position, finding.path, finding.container,
                finding.rule_id, finding.pss->check, finding.message});
  }
  return by_namespace;
}

// The level to warn and audit at: one stricter, to show what the next step needs.
AdvisedLevel next_stricter(AdvisedLevel level) {
  return level == AdvisedLevel::Privileged ? AdvisedLevel::Baseline : AdvisedLevel::Restricted;
}

std::map<std::string, std::string> labels_for(AdvisedLevel level, const K8sVersion& version) {
  std::map<std::string, std::string> labels;
  const std::string pinned = version.to_string();
  const std::string stricter(to_string(next_stricter(level)));
  for (auto [mode, value] : {std::pair{"enforce", std::string(to_string(level))},
                             std::pair{"warn", stricter}, std::pair{"audit", stricter}}) {
    const std::string key = std::string(kLabelPrefix) + mode;
    labels[key] = value;
    labels[key + "-version"] = pinned;
  }
  return labels;
}

}  // namespace

std::vector<NamespaceAdvice> advise_levels(const LoadedRun& run, const LintOptions& options) {
  auto restricted = pss_findings(run, options, PssLevel::Restricted);
  auto baseline = pss_findings(run, options, PssLevel::Baseline);
  std::map<std::string, NamespaceAdvice> spaces;
  for (const Manifests& file : run.file_objects) {
    for (const Workload& workload : file.workloads) {
      ++spaces[namespace_of(workload.header, options.rules)].workloads;
    }
  }
  for (const Namespace& space : run.cross_objects.namespaces) spaces[space.header.metadata.name];
  std::vector<NamespaceAdvice> advice;
  for (auto& [name, space] : spaces) {
    space.name = name;
    if (auto failing = baseline.find(name); failing != baseline.end()) {
      space.level = AdvisedLevel::Privileged;
      space.blockers = std::move(failing->second);
    } else if (auto failing = restricted.find(name); failing != restricted.end()) {
      space.level = AdvisedLevel::Baseline;
      space.blockers = std::move(failing->second);
    }
    space.labels = labels_for(space.level, options.rules.k8s_version);
    advice.push_back(std::move(space));
  }
  return advice;
}

}  // namespace kube_harden
