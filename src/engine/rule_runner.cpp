#include "engine/rule_runner.h"

#include <stdexcept>

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
  }

 private:
  const Manifests& manifests_;
  const std::vector<std::string>& file_names_;
  const RuleOptions& options_;
  const RuleMetadata& rule_;
  const ObjectHeader& object_;
  std::vector<Finding>& findings_;
};

bool applies(const RuleMetadata& rule, const RuleOptions& options) {
  // Restricted-level controls only run when the restricted level is enforced.
  return !(rule.pss && rule.pss->level == PssLevel::Restricted &&
           options.pss_level == PssLevel::Baseline);
}

template <class Object, class Check>
void check_all(const std::vector<Object>& objects, const Check& check, const Manifests& manifests,
               const std::vector<std::string>& file_names, const RuleOptions& options,
               const RuleMetadata& metadata, std::vector<Finding>& findings) {
  for (const Object& object : objects) {
    ObjectContext context(manifests, file_names, options, metadata, object.header, findings);
    check(object, context);
  }
}

}  // namespace

void RuleContext::report(const Container& container, Position position,
                         std::string_view path_suffix, std::string message) {
  report(position.known() ? position : container.position,
         container.path + std::string(path_suffix), std::move(message), container.name);
}

std::vector<Finding> run_rules(const Manifests& manifests,
                               const std::vector<std::string>& file_names,
                               const RuleOptions& options, const RuleCatalog& catalog) {
  std::vector<Finding> findings;
  for (const auto& rule : builtin_rules()) {
    const RuleMetadata* metadata = catalog.find(rule->id());
    if (!metadata) {
      throw std::logic_error("rule " + std::string(rule->id()) + " has no rules/*.yaml metadata");
    }
    if (!applies(*metadata, options)) continue;
    const Rule& r = *rule;
    auto run = [&](const auto& objects, auto check) {
      check_all(objects, check, manifests, file_names, options, *metadata, findings);
    };
    run(manifests.workloads, [&](const Workload& o, RuleContext& c) { r.check_workload(o, c); });
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
  return findings;
}

}  // namespace kube_harden
