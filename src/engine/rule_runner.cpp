#include "engine/rule_runner.h"

#include <stdexcept>
#include <utility>

#include "engine/parallel_for.h"
#include "engine/pss_policy.h"
#include "engine/rule_registry.h"
#include "kube_harden/manifest_index.h"

namespace kube_harden {
namespace {

// What every rule of a run reads: the objects, the lookups across them, and
// the Pod Security Standards policy of each workload (by index).
struct RunInputs {
  const Manifests& manifests;
  const ManifestIndex& index;
  const std::vector<PssPolicy>& policies;
  const std::vector<std::string>& file_names;
  const RuleOptions& options;
};

// The context of one rule checking one object: findings get the rule's
// metadata and the object's identity here, so rules only say what and where.
class ObjectContext : public RuleContext {
 public:
  ObjectContext(const RunInputs& run, const RuleOptions& options, const RuleMetadata& rule,
                const ObjectHeader& object, std::vector<Finding>& findings)
      : run_(run), options_(options), rule_(rule), object_(object), findings_(findings) {}

  const RuleOptions& options() const override { return options_; }
  const Manifests& manifests() const override { return run_.manifests; }
  const ManifestIndex& index() const override { return run_.index; }
  const std::string& file_name(size_t file_index) const override {
    return run_.file_names.at(file_index);
  }

  void report(Position position, std::string path, std::string message,
              std::string container) override {
    Finding& finding = findings_.emplace_back();
    finding.rule_id = rule_.id;
    finding.severity = rule_.severity;
    finding.message = std::move(message);
    finding.file = file_name(object_.file_index);
    finding.position = position.known() ? position : object_.position;
    finding.object = ObjectRef{object_.api_version, object_.kind, object_.metadata.namespace_name,
                               object_.metadata.name};
    finding.container = std::move(container);
    finding.path = std::move(path);
    finding.pss = rule_.pss;
    if (rule_.pss) finding.pss_source = pss_source_;
  }

  void set_pss_source(std::string source) { pss_source_ = std::move(source); }

 private:
  const RunInputs& run_;
  const RuleOptions& options_;
  const RuleMetadata& rule_;
  const ObjectHeader& object_;
  std::vector<Finding>& findings_;
  std::string pss_source_;
};

template <class Object, class Check>
void check_all(const std::vector<Object>& objects, const Check& check, const RunInputs& run,
               const RuleMetadata& metadata, std::vector<Finding>& findings) {
  for (const Object& object : objects) {
    ObjectContext context(run, run.options, metadata, object.header, findings);
    check(object, context);
  }
}

// Pod Security Standards rules run per workload under the policy of its
// namespace: not at all when it is privileged, restricted-level rules only
// when the level is restricted.
void check_workloads(const Rule& rule, const RuleMetadata& metadata, const RunInputs& run,
                     std::vector<Finding>& findings) {
  for (size_t i = 0; i < run.manifests.workloads.size(); ++i) {
    const Workload& workload = run.manifests.workloads[i];
    RuleOptions workload_options = run.options;
    std::string pss_source;
    if (metadata.pss) {
      const PssPolicy& policy = run.policies[i];
      if (!policy.enforced) continue;
      if (metadata.pss->level == PssLevel::Restricted && policy.level == PssLevel::Baseline) {
        continue;
      }
      workload_options.pss_level = policy.level;
      workload_options.k8s_version = policy.version;
      pss_source = policy.source;
    }
    ObjectContext context(run, workload_options, metadata, workload.header, findings);
    context.set_pss_source(std::move(pss_source));
    rule.check_workload(workload, context);
  }
}

// One rule over every object it looks at.
std::vector<Finding> run_rule(const Rule& rule, const RuleMetadata& metadata,
                              const RunInputs& run) {
  std::vector<Finding> findings;
  const Manifests& manifests = run.manifests;
  auto all = [&](const auto& objects, auto check) {
    check_all(objects, check, run, metadata, findings);
  };
  auto headers = [&](const auto& objects) {
    all(objects, [&](const auto& o, RuleContext& c) { rule.check_object(o.header, c); });
  };
  headers(manifests.workloads);
  headers(manifests.pod_security_policies);
  headers(manifests.service_accounts);
  headers(manifests.network_policies);
  headers(manifests.namespaces);
  headers(manifests.roles);
  headers(manifests.role_bindings);
  check_workloads(rule, metadata, run, findings);
  all(manifests.pod_security_policies,
      [&](const PodSecurityPolicy& o, RuleContext& c) { rule.check_pod_security_policy(o, c); });
  all(manifests.service_accounts,
      [&](const ServiceAccount& o, RuleContext& c) { rule.check_service_account(o, c); });
  all(manifests.network_policies,
      [&](const NetworkPolicy& o, RuleContext& c) { rule.check_network_policy(o, c); });
  all(manifests.roles, [&](const Role& o, RuleContext& c) { rule.check_role(o, c); });
  all(manifests.role_bindings,
      [&](const RoleBinding& o, RuleContext& c) { rule.check_role_binding(o, c); });
  // Until they are merged, every rule's findings are held at once.
  findings.shrink_to_fit();
  return findings;
}

}  // namespace

std::string namespace_of(const ObjectHeader& object, const RuleOptions& options) {
  const std::string& own = object.metadata.namespace_name;
  return own.empty() ? options.default_namespace : own;
}

void RuleContext::report(const Container& container, Position position,
                         std::string_view path_suffix, std::string message) {
  report(position.known() ? position : container.position,
         container.path + std::string(path_suffix), std::move(message), container.name);
}

std::vector<Finding> run_rules(const Manifests& manifests,
                               const std::vector<std::string>& file_names,
                               const RuleOptions& options, const RuleSelection& selection,
                               const RuleCatalog& catalog, unsigned jobs) {
  ManifestIndex index(manifests, options);
  std::vector<PssPolicy> policies;
  policies.reserve(manifests.workloads.size());
  for (const Workload& workload : manifests.workloads) {
    policies.push_back(pss_policy_for(workload.header, index, options, file_names));
  }
  std::vector<std::pair<const Rule*, const RuleMetadata*>> selected;
  for (const auto& rule : builtin_rules()) {
    const RuleMetadata* metadata = catalog.find(rule->id());
    if (!metadata) {
      throw std::logic_error("rule " + std::string(rule->id()) + " has no rules/*.yaml metadata");
    }
    if (selection.runs(metadata->id)) selected.emplace_back(rule.get(), metadata);
  }
  RunInputs run{manifests, index, policies, file_names, options};
  std::vector<std::vector<Finding>> by_rule(selected.size());
  parallel_for(selected.size(), jobs, [&](size_t i) {
    by_rule[i] = run_rule(*selected[i].first, *selected[i].second, run);
  });
  std::vector<Finding> findings;
  size_t total = 0;
  for (const auto& found : by_rule) total += found.size();
  findings.reserve(total);
  for (auto& found : by_rule) {
    for (Finding& finding : found) {
      finding.severity = selection.severity_of(finding.rule_id, finding.severity);
      findings.push_back(std::move(finding));
    }
    std::vector<Finding>().swap(found);
  }
  return findings;
}

}  // namespace kube_harden
