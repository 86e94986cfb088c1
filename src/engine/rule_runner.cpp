#include "engine/rule_runner.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/pss_policy.h"
#include "engine/rule_registry.h"
#include "kube_harden/manifest_index.h"

namespace kube_harden {
namespace {

// What every rule of a run reads: the lookups across objects, and the
// options and names of the run.
struct RunInputs {
  const ManifestIndex& index;
  const std::vector<std::string>& file_names;
  const RuleOptions& options;
  RunMemo& memo;
};

// The context of one rule checking one object: findings get the rule's
// metadata and the object's identity here, so rules only say what and where.
class ObjectContext : public RuleContext {
 public:
  ObjectContext(const RunInputs& run, const RuleOptions& options, const RuleMetadata& rule,
                const ObjectHeader& object, std::vector<Finding>& findings)
      : run_(run), options_(options), rule_(rule), object_(object), findings_(findings) {}

  const RuleOptions& options() const override { return options_; }
  const ManifestIndex& index() const override { return run_.index; }
  RunMemo& memo() const override { return run_.memo; }
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
void check_all(std::span<const Object> objects, const Check& check, const RunInputs& run,
               const RuleMetadata& metadata, std::vector<Finding>& findings) {
  for (const Object& object : objects) {
    ObjectContext context(run, run.options, metadata, object.header, findings);
    check(object, context);
  }
}

// Pod Security Standards rules run per workload under the policy of its
// namespace (`policies`, one per workload): not at all when it is
// privileged, restricted-level rules only when the level is restricted.
void check_workloads(const Rule& rule, const RuleMetadata& metadata, const RunInputs& run,
                     std::span<const Workload> workloads, std::span<const PssPolicy> policies,
                     std::vector<Finding>& findings) {
  for (size_t i = 0; i < workloads.size(); ++i) {
    const Workload& workload = workloads[i];
    RuleOptions workload_options = run.options;
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
    ObjectContext context(run, workload_options, metadata, workload.header, findings);
    context.set_pss_source(std::move(pss_source));
    rule.check_workload(workload, context);
  }
}

// The Pod Security Standards policy of each workload, worked out once per
// namespace: it depends on nothing else.
std::vector<PssPolicy> policies_of(std::span<const Workload> workloads, const RunInputs& run) {
  std::vector<PssPolicy> policies;
  policies.reserve(workloads.size());
  std::unordered_map<std::string, PssPolicy> by_namespace;
  for (const Workload& workload : workloads) {
    std::string space = namespace_of(workload.header, run.options);
    auto it = by_namespace.find(space);
    if (it == by_namespace.end()) {
      PssPolicy policy = pss_policy_for(workload.header, run.index, run.options, run.file_names);
      it = by_namespace.emplace(std::move(space), std::move(policy)).first;
    }
    policies.push_back(it->second);
  }
  return policies;
}

// One rule over every object of `slice` it looks at.
void run_rule(const Rule& rule, const RuleMetadata& metadata, const RunInputs& run,
              const ObjectSlice& slice, std::span<const PssPolicy> policies,
              std::vector<Finding>& findings) {
  auto all = [&](auto objects, auto check) {
    check_all(objects, check, run, metadata, findings);
  };
  auto headers = [&](auto objects) {
    all(objects, [&](const auto& o, RuleContext& c) { rule.check_object(o.header, c); });
  };
  headers(slice.workloads);
  headers(slice.pod_security_policies);
  headers(slice.service_accounts);
  headers(slice.network_policies);
  headers(slice.namespaces);
  headers(slice.roles);
  headers(slice.role_bindings);
  check_workloads(rule, metadata, run, slice.workloads, policies, findings);
  all(slice.pod_security_policies,
      [&](const PodSecurityPolicy& o, RuleContext& c) { rule.check_pod_security_policy(o, c); });
  all(slice.service_accounts,
      [&](const ServiceAccount& o, RuleContext& c) { rule.check_service_account(o, c); });
  all(slice.network_policies,
      [&](const NetworkPolicy& o, RuleContext& c) { rule.check_network_policy(o, c); });
  all(slice.roles, [&](const Role& o, RuleContext& c) { rule.check_role(o, c); });
  all(slice.role_bindings,
      [&](const RoleBinding& o, RuleContext& c) { rule.check_role_binding(o, c); });
}

template <class Object>
void require_file_order(const std::vector<Object>& objects) {
  auto by_file = [](const Object& a, const Object& b) {
    return a.header.file_index < b.header.file_index;
  };
  if (!std::is_sorted(objects.begin(), objects.end(), by_file)) {
    throw std::logic_error("objects are not in file order");
  }
}

// One file's objects in a list merged in file order, where they are contiguous.
template <class Object>
std::span<const Object> objects_of_file(const std::vector<Object>& objects, size_t file_index) {
  auto first = std::partition_point(objects.begin(), objects.end(), [&](const Object& object) {
    return object.header.file_index < file_index;
  });
  auto last = std::partition_point(first, objects.end(), [&](const Object& object) {
    return object.header.file_index == file_index;
  });
  return std::span<const Object>(first, last);
}

}  // namespace

std::string namespace_of(const ObjectHeader& object, const RuleOptions& options) {
  return namespace_of(object.metadata.namespace_name, options);
}

std::string namespace_of(std::string_view written_namespace, const RuleOptions& options) {
  return written_namespace.empty() ? options.default_namespace : std::string(written_namespace);
}

void RuleContext::report(const Container& container, Position position,
                         std::string_view path_suffix, std::string message) {
  report(position.known() ? position : container.position,
         container.path + std::string(path_suffix), std::move(message), container.name);
}

ObjectSlice whole(const Manifests& manifests) {
  return ObjectSlice{manifests.workloads,        manifests.pod_security_policies,
                     manifests.service_accounts, manifests.network_policies,
                     manifests.namespaces,       manifests.roles,
                     manifests.role_bindings};
}

CrossObjectSlices::CrossObjectSlices(const Manifests& cross_objects)
    : cross_objects_(cross_objects) {
  require_file_order(cross_objects.service_accounts);
  require_file_order(cross_objects.network_policies);
  require_file_order(cross_objects.namespaces);
  require_file_order(cross_objects.roles);
  require_file_order(cross_objects.role_bindings);
}

ObjectSlice CrossObjectSlices::of_file(size_t file_index) const {
  ObjectSlice slice;
  slice.service_accounts = objects_of_file(cross_objects_.service_accounts, file_index);
  slice.network_policies = objects_of_file(cross_objects_.network_policies, file_index);
  slice.namespaces = objects_of_file(cross_objects_.namespaces, file_index);
  slice.roles = objects_of_file(cross_objects_.roles, file_index);
  slice.role_bindings = objects_of_file(cross_objects_.role_bindings, file_index);
  return slice;
}

struct RuleRunner::State {
  State(const Manifests& cross_objects, std::vector<WorkloadSketch> workloads,
        const std::vector<std::string>& file_names, const RuleOptions& options,
        const RuleSelection& selection)
      : index(cross_objects, std::move(workloads), options),
        run{index, file_names, options, memo},
        selection(selection) {}

  ManifestIndex index;
  RunMemo memo;
  RunInputs run;
  const RuleSelection& selection;
  std::vector<std::pair<const Rule*, const RuleMetadata*>> rules;
};

RuleRunner::RuleRunner(const Manifests& cross_objects, std::vector<WorkloadSketch> workloads,
                       const std::vector<std::string>& file_names, const RuleOptions& options,
                       const RuleSelection& selection, const RuleCatalog& catalog)
    : state_(std::make_unique<State>(cross_objects, std::move(workloads), file_names, options,
                                     selection)) {
  for (const auto& rule : builtin_rules()) {
    const RuleMetadata* metadata = catalog.find(rule->id());
    if (!metadata) {
      throw std::logic_error("rule " + std::string(rule->id()) + " has no rules/*.yaml metadata");
    }
    if (selection.runs(metadata->id)) state_->rules.emplace_back(rule.get(), metadata);
  }
}

RuleRunner::~RuleRunner() = default;

std::vector<Finding> RuleRunner::run(const ObjectSlice& slice) const {
  std::vector<Finding> findings;
  std::vector<PssPolicy> policies = policies_of(slice.workloads, state_->run);
  for (const auto& [rule, metadata] : state_->rules) {
    run_rule(*rule, *metadata, state_->run, slice, policies, findings);
  }
  for (Finding& finding : findings) {
    finding.severity = state_->selection.severity_of(finding.rule_id, finding.severity);
  }
  return findings;
}

}  // namespace kube_harden
