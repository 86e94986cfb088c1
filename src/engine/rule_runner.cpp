#include "engine/rule_runner.h"

#include <stdexcept>

#include "engine/pss_policy.h"
#include "engine/rule_registry.h"

namespace kube_harden {
namespace {

// The context of one rule checking one object: findings get the rule's
// metadata and the object's identity here, so rules only say what and where.
class ObjectContext : public RuleContext {
 public:
  ObjectContext(const Manifests& manifests, const std::vector<std::string>& file_names,
                const RuleOptions& options, const RuleMetadata& rule, const ObjectHeader& object,
                std::vector<Finding>& findings)
      : manifests_(manifests),
        file_names_(file_names),
        options_(options),
        rule_(rule),
        object_(object),
        findings_(findings) {}

  const RuleOptions& options() const override { return options_; }
  const Manifests& manifests() const override { return manifests_; }
  const std::string& file_name(size_t file_index) const override {
    return file_names_.at(file_index);
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
  const Manifests& manifests_;
  const std::vector<std::string>& file_names_;
  const RuleOptions& options_;
  const RuleMetadata& rule_;
  const ObjectHeader& object_;
  std::vector<Finding>& findings_;
  std::string pss_source_;
};

template <class Object, class Check>
void check_all(const std::vector<Object>& objects, const Check& check, const Manifests& manifests,
               const std::vector<std::string>& file_names, const RuleOptions& options,
               const RuleMetadata& metadata, std::vector<Finding>& findings) {
  for (const Object& object : objects) {
    ObjectContext context(manifests, file_names, options, metadata, object.header, findings);
    check(object, context);
  }
}

// Pod Security Standards rules run per workload under the policy of its
// namespace: not at all when it is privileged, restricted-level rules only
// when the level is restricted.
void check_workloads(const Rule& rule, const RuleMetadata& metadata, const Manifests& manifests,
                     const std::vector<PssPolicy>& policies,
                     const std::vector<std::string>& file_names, const RuleOptions& options,
                     std::vector<Finding>& findings) {
  for (size_t i = 0; i < manifests.workloads.size(); ++i) {
    const Workload& workload = manifests.workloads[i];
    RuleOptions workload_options = options;
    std::string pss_source;
    if (metadata.pss) {
      const PssPolicy& policy = policies[i];
      if (!policy.enforced) continue;
      if (metadata.pss->level == PssLevel::Restricted && policy.level == PssLevel::Baseline) {
        continue;
      }
      workload_options.pss_level = policy.level;
      workload_options.k8s_version = policy.version;
      pss_source = policy.source;
    }
    ObjectContext context(manifests, file_names, workload_options, metadata, workload.header,
                          findings);
    context.set_pss_source(std::move(pss_source));
    rule.check_workload(workload, context);
  }
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
                               const RuleCatalog& catalog) {
  std::vector<Finding> findings;
  std::vector<PssPolicy> policies;
  for (const Workload& workload : manifests.workloads) {
    policies.push_back(pss_policy_for(workload.header, manifests, options, file_names));
  }
  for (const auto& rule : builtin_rules()) {
    const RuleMetadata* metadata = catalog.find(rule->id());
    if (!metadata) {
      throw std::logic_error("rule " + std::string(rule->id()) + " has no rules/*.yaml metadata");
    }
    if (!selection.runs(metadata->id)) continue;
    const Rule& r = *rule;
    auto run = [&](const auto& objects, auto check) {
      check_all(objects, check, manifests, file_names, options, *metadata, findings);
    };
    auto headers = [&](const auto& objects) {
      run(objects, [&](const auto& o, RuleContext& c) { r.check_object(o.header, c); });
    };
    headers(manifests.workloads);
    headers(manifests.pod_security_policies);
    headers(manifests.service_accounts);
    headers(manifests.network_policies);
    headers(manifests.namespaces);
    headers(manifests.roles);
    headers(manifests.role_bindings);
    check_workloads(r, *metadata, manifests, policies, file_names, options, findings);
    run(manifests.pod_security_policies,
        [&](const PodSecurityPolicy& o, RuleContext& c) { r.check_pod_security_policy(o, c); });
    run(manifests.service_accounts,
        [&](const ServiceAccount& o, RuleContext& c) { r.check_service_account(o, c); });
    run(manifests.network_policies,
        [&](const NetworkPolicy& o, RuleContext& c) { r.check_network_policy(o, c); });
    run(manifests.roles, [&](const Role& o, RuleContext& c) { r.check_role(o, c); });
    run(manifests.role_bindings,
        [&](const RoleBinding& o, RuleContext& c) { r.check_role_binding(o, c); });
  }
  for (Finding& finding : findings) {
    finding.severity = selection.severity_of(finding.rule_id, finding.severity);
  }
  return findings;
}

}  // namespace kube_harden
