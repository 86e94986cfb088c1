#include "rules/rbac_grants.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>

#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

constexpr std::string_view kAll = "*";

bool is(const StringField& entry, std::string_view value) {
  return entry.is(std::string(value));
}

bool contains_any(const std::vector<StringField>& list,
                  std::initializer_list<std::string_view> values) {
  return std::any_of(list.begin(), list.end(), [&](const StringField& entry) {
    return std::any_of(values.begin(), values.end(),
                       [&](std::string_view value) { return is(entry, value); });
  });
}

// The entries of `list` that are one of `values`, joined: "get, list".
std::string matching(const std::vector<StringField>& list,
                     std::initializer_list<std::string_view> values) {
  std::vector<std::string> found;
  for (const StringField& entry : list) {
    for (std::string_view value : values) {
      if (is(entry, value)) found.push_back(*entry.value);
    }
  }
  return fmt::format("{}", fmt::join(found, ", "));
}

// The entries joined, "every <noun>" when one is "*", and at most `shown` of them.
std::string join(const std::vector<StringField>& list, std::string_view noun,
                 size_t shown = SIZE_MAX) {
  if (list.empty()) return fmt::format("no {}", noun);
  if (contains_any(list, {kAll})) return fmt::format("every {}", noun);
  std::vector<std::string> values;
  for (size_t i = 0; i < list.size() && i < shown; ++i) {
    std::string value = list[i].value.value_or("");
    values.push_back(noun == "API group" && value.empty() ? "core" : value);
  }
  std::string text = fmt::format("{}", fmt::join(values, ", "));
  if (list.size() > shown) text += fmt::format(" and {} more", list.size() - shown);
  return text;
}

std::string describe_resources(const PolicyRule& rule) {
  constexpr size_t kShown = 4;
  if (rule.resources.empty() && !rule.non_resource_urls.empty()) {
    return join(rule.non_resource_urls, "non-resource URL", kShown);
  }
  return join(rule.resources, "resource", kShown);
}

std::string describe_groups(const PolicyRule& rule) {
  std::string groups = join(rule.api_groups, "API group");
  if (contains_any(rule.api_groups, {kAll}) || rule.api_groups.empty()) return groups;
  return fmt::format("the {} API group{}", groups, rule.api_groups.size() > 1 ? "s" : "");
}

// Calls `add(entry, index)` for every entry of `list` that is one of `values`.
template <class Add>
void for_each_entry(const std::vector<StringField>& list,
                    std::initializer_list<std::string_view> values, Add add) {
  for (size_t i = 0; i < list.size(); ++i) {
    for (std::string_view value : values) {
      if (is(list[i], value)) add(list[i], i);
    }
  }
}

}  // namespace

std::vector<RiskyGrant> wildcard_grants(const Role& role) {
  std::vector<RiskyGrant> grants;
  for (const PolicyRule& rule : role.rules) {
    auto add = [&](std::string_view key, std::string summary) {
      return [&, key, summary](const StringField& entry, size_t i) {
        grants.push_back(
            RiskyGrant{&rule, &entry, key, fmt::format("{}.{}[{}]", rule.path, key, i), summary});
      };
    };
    std::string summary =
        fmt::format("{} on {}", join(rule.verbs, "verb"), describe_resources(rule));
    if (!rule.resources.empty() || !rule.api_groups.empty()) {
      summary += fmt::format(" in {}", describe_groups(rule));
    }
    for_each_entry(rule.api_groups, {kAll}, add("apiGroups", summary));
    for_each_entry(rule.resources, {kAll}, add("resources", summary));
    for_each_entry(rule.verbs, {kAll}, add("verbs", summary));
  }
  std::stable_sort(grants.begin(), grants.end(), [](const RiskyGrant& a, const RiskyGrant& b) {
    return a.entry->position < b.entry->position;
  });
  return grants;
}

std::vector<RiskyGrant> secret_read_grants(const Role& role) {
  const std::initializer_list<std::string_view> kReadVerbs = {"get", "list", "watch", kAll};
  std::vector<RiskyGrant> grants;
  for (const PolicyRule& rule : role.rules) {
    if (!covers_core_group(rule) || !contains_any(rule.verbs, kReadVerbs)) continue;
    if (!rule.resource_names.empty()) continue;  // limited to named secrets: least privilege
    for_each_entry(rule.resources, {"secrets"}, [&](const StringField& entry, size_t i) {
      grants.push_back(
          RiskyGrant{&rule, &entry, "resources", fmt::format("{}.resources[{}]", rule.path, i),
                     fmt::format("{} on every secret", matching(rule.verbs, kReadVerbs))});
    });
  }
  return grants;
}

std::vector<RiskyGrant> pod_exec_grants(const Role& role) {
  // create opens the stream; get is what websocket clients used before v1.30.
  const std::initializer_list<std::string_view> kVerbs = {"create", "get", kAll};
  std::vector<RiskyGrant> grants;
  for (const PolicyRule& rule : role.rules) {
    if (!covers_core_group(rule) || !contains_any(rule.verbs, kVerbs)) continue;
    // RBAC matches "*/exec" against the exec subresource of every resource.
    for_each_entry(rule.resources, {"pods/exec", "pods/attach", "*/exec", "*/attach"},
                   [&](const StringField& entry, size_t i) {
                     grants.push_back(RiskyGrant{
                         &rule, &entry, "resources", fmt::format("{}.resources[{}]", rule.path, i),
                         fmt::format("{} on {}", matching(rule.verbs, kVerbs), *entry.value)});
                   });
  }
  return grants;
}

std::vector<RiskyGrant> escalation_grants(const Role& role) {
  std::vector<RiskyGrant> grants;
  for (const PolicyRule& rule : role.rules) {
    for_each_entry(
        rule.verbs, {"escalate", "bind", "impersonate"}, [&](const StringField& entry, size_t i) {
          grants.push_back(
              RiskyGrant{&rule, &entry, "verbs", fmt::format("{}.verbs[{}]", rule.path, i),
                         fmt::format("the {} verb on {}", *entry.value, describe_resources(rule))});
        });
  }
  return grants;
}

bool covers_core_group(const PolicyRule& rule) {
  return contains_any(rule.api_groups, {"", kAll});
}

bool grants_everything(const PolicyRule& rule) {
  return contains_any(rule.verbs, {kAll}) && contains_any(rule.resources, {kAll}) &&
         contains_any(rule.api_groups, {kAll});
}

std::vector<RiskyGrant> risky_grants(const Role& role) {
  std::vector<RiskyGrant> all;
  for (auto* grants :
       {&wildcard_grants, &secret_read_grants, &pod_exec_grants, &escalation_grants}) {
    std::vector<RiskyGrant> found = grants(role);
    all.insert(all.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  return all;
}

std::string describe(const ObjectHeader& object) {
  return fmt::format("{} \"{}\"", object.kind, object.metadata.name);
}

std::string subject_namespace(const Subject& subject, const RoleBinding& binding,
                              const RuleOptions& options) {
  if (!subject.namespace_name.empty()) return subject.namespace_name;
  return namespace_of(binding.header, options);
}

std::string describe(const Subject& subject, const RoleBinding& binding,
                     const RuleOptions& options) {
  if (subject.kind == "ServiceAccount") {
    return fmt::format("ServiceAccount \"{}\" in namespace \"{}\"", subject.name,
                       subject_namespace(subject, binding, options));
  }
  return fmt::format("{} \"{}\"", subject.kind, subject.name);
}

std::string describe_subjects(const RoleBinding& binding, const RuleOptions& options) {
  constexpr size_t kShown = 3;
  if (binding.subjects.empty()) return "no subject";
  std::vector<std::string> names;
  for (size_t i = 0; i < binding.subjects.size() && i < kShown; ++i) {
    names.push_back(describe(binding.subjects[i], binding, options));
  }
  std::string text = fmt::format("{}", fmt::join(names, ", "));
  if (binding.subjects.size() > kShown) {
    text += fmt::format(" and {} more", binding.subjects.size() - kShown);
  }
  return text;
}

bool binds_cluster_admin(const RoleBinding& binding) {
  return binding.role_ref_kind == "ClusterRole" && binding.role_ref_name == "cluster-admin";
}

const Role* find_bound_role(const RoleBinding& binding, const ManifestIndex& index) {
  const Role* found = nullptr;
  for (const Role* role : index.roles_bound_by(binding)) {
    // Of copies in several files, the one beside the binding is the one meant.
    bool same_file = role->header.file_index == binding.header.file_index;
    if (!found || same_file || found->header.file_index != binding.header.file_index) {
      found = role;
    }
  }
  return found;
}

}  // namespace kube_harden
