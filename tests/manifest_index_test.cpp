#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kube_harden/manifest_index.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"
#include "rules/network_policy_coverage.h"

namespace kube_harden {
namespace {

// Objects from YAML text; each string is one file.
Manifests manifests_of(const std::vector<std::string>& files) {
  Manifests manifests;
  for (size_t i = 0; i < files.size(); ++i) {
    YamlLoadResult yaml = load_yaml(files[i]);
    EXPECT_TRUE(yaml.errors.empty()) << files[i];
    DocumentCounts counts;
    build_manifests(yaml.file, i, manifests, counts);
  }
  return manifests;
}

std::vector<std::string> names_of(auto objects) {
  std::vector<std::string> names;
  for (const auto* object : objects) {
    if constexpr (requires { object->header; }) {
      names.push_back(object->header.metadata.name);
    } else {
      names.push_back(object->name);
    }
  }
  return names;
}

TEST(ManifestIndex, WorkloadsAndPoliciesByNamespaceInInputOrder) {
  Manifests manifests = manifests_of({
      "kind: Pod\napiVersion: v1\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n"
      "---\nkind: PodTemplate\napiVersion: v1\nmetadata: {name: template}\n"
      "template: {spec: {containers: [{name: c}]}}\n",
      "kind: Deployment\napiVersion: apps/v1\nmetadata: {name: b, namespace: shop}\n"
      "spec: {template: {spec: {containers: [{name: c}]}}}\n"
      "---\nkind: Pod\napiVersion: v1\nmetadata: {name: c, namespace: default}\n"
      "spec: {containers: [{name: c}]}\n"
      "---\nkind: NetworkPolicy\napiVersion: networking.k8s.io/v1\n"
      "metadata: {name: deny, namespace: shop}\nspec: {podSelector: {}}\n",
  });
  ManifestIndex index(manifests, RuleOptions{});
  EXPECT_EQ(names_of(index.workloads_in("default")), (std::vector<std::string>{"a", "c"}))
      << "a PodTemplate runs no pod";
  EXPECT_EQ(names_of(index.workloads_in("shop")), (std::vector<std::string>{"b"}));
  EXPECT_TRUE(index.workloads_in("elsewhere").empty());
  EXPECT_EQ(names_of(index.network_policies_in("shop")), (std::vector<std::string>{"deny"}));
  EXPECT_TRUE(index.network_policies_in("default").empty());

  RuleOptions other_default;
  other_default.default_namespace = "shop";
  ManifestIndex shop_default(manifests, other_default);
  EXPECT_EQ(names_of(shop_default.workloads_in("shop")), (std::vector<std::string>{"a", "b"}))
      << "objects without a namespace take the run's default";
}

TEST(ManifestIndex, LastDefinitionWins) {
  Manifests manifests = manifests_of({
      "kind: Namespace\napiVersion: v1\nmetadata: {name: shop, labels: {v: first}}\n"
      "---\nkind: ServiceAccount\napiVersion: v1\nmetadata: {name: app, namespace: shop}\n",
      "kind: Namespace\napiVersion: v1\nmetadata: {name: shop, labels: {v: second}}\n"
      "---\nkind: ServiceAccount\napiVersion: v1\nmetadata: {name: app, namespace: shop}\n"
      "automountServiceAccountToken: false\n",
  });
  ManifestIndex index(manifests, RuleOptions{});
  ASSERT_NE(index.namespace_named("shop"), nullptr);
  EXPECT_EQ(index.namespace_named("shop"), &manifests.namespaces[1]);
  EXPECT_EQ(index.namespace_named("other"), nullptr);
  EXPECT_EQ(index.service_account("shop", "app"), &manifests.service_accounts[1]);
  EXPECT_EQ(index.service_account("shop", "ap"), nullptr);
  EXPECT_EQ(index.service_account("default", "app"), nullptr);
  EXPECT_TRUE(index.has_service_accounts_in("shop"));
  EXPECT_FALSE(index.has_service_accounts_in("default"));
}

TEST(ManifestIndex, RolesAreMatchedByKindNameAndForRolesNamespace) {
  Manifests manifests = manifests_of({
      "kind: Role\napiVersion: rbac.authorization.k8s.io/v1\n"
      "metadata: {name: edit, namespace: shop}\n"
      "---\nkind: Role\napiVersion: rbac.authorization.k8s.io/v1\n"
      "metadata: {name: edit, namespace: other}\n"
      "---\nkind: ClusterRole\napiVersion: rbac.authorization.k8s.io/v1\nmetadata: {name: edit}\n"
      "---\nkind: RoleBinding\napiVersion: rbac.authorization.k8s.io/v1\n"
      "metadata: {name: to-role, namespace: shop}\nroleRef: {kind: Role, name: edit}\n"
      "---\nkind: RoleBinding\napiVersion: rbac.authorization.k8s.io/v1\n"
      "metadata: {name: to-cluster-role, namespace: shop}\n"
      "roleRef: {kind: ClusterRole, name: edit}\n",
  });
  ManifestIndex index(manifests, RuleOptions{});
  auto bound = [&](size_t binding) {
    std::vector<const Role*> roles;
    for (const Role* role : index.roles_bound_by(manifests.role_bindings[binding])) {
      roles.push_back(role);
    }
    return roles;
  };
  EXPECT_EQ(bound(0), (std::vector<const Role*>{&manifests.roles[0]}));
  EXPECT_EQ(bound(1), (std::vector<const Role*>{&manifests.roles[2]}));
  ASSERT_EQ(index.bindings_in_file(0).size(), 2u);
  EXPECT_EQ(index.bindings_in_file(0)[1], &manifests.role_bindings[1]);
  EXPECT_TRUE(index.bindings_in_file(1).empty());
}

// What bindings_of_service_account() must return, by a scan of every binding.
std::vector<const RoleBinding*> scanned_bindings(const Manifests& manifests,
                                                 const RuleOptions& options,
                                                 const std::string& space,
                                                 const std::string& name) {
  std::vector<const RoleBinding*> found;
  for (const RoleBinding& binding : manifests.role_bindings) {
    bool binds = std::any_of(binding.subjects.begin(), binding.subjects.end(), [&](const Subject& s) {
      if (s.kind == "ServiceAccount") {
        std::string subject_space =
            s.namespace_name.empty() ? namespace_of(binding.header, options) : s.namespace_name;
        return s.name == name && subject_space == space;
      }
      return s.kind == "Group" &&
             (s.name == "system:serviceaccounts" || s.name == "system:authenticated" ||
              s.name == "system:serviceaccounts:" + space);
    });
    if (binds) found.push_back(&binding);
  }
  return found;
}

// Random bindings of random subjects: the index agrees with a scan for
// every account, including subjects listed twice and namespace defaults.
TEST(ManifestIndex, BindingsOfServiceAccountAgreeWithAScan) {
  std::mt19937 random(7);
  const std::vector<std::string> spaces = {"", "a", "b"};
  const std::vector<std::string> accounts = {"default", "app", "ci"};
  auto pick = [&](const std::vector<std::string>& from) {
    return from[random() % from.size()];
  };
  std::string yaml;
  for (int i = 0; i < 60; ++i) {
    std::string space = pick(spaces);
    yaml += fmt::format("---\nkind: {}\napiVersion: rbac.authorization.k8s.io/v1\n"
                        "metadata: {{name: b{}{}}}\nroleRef: {{kind: ClusterRole, name: r}}\n"
                        "subjects:\n",
                        random() % 2 ? "RoleBinding" : "ClusterRoleBinding", i,
                        space.empty() ? "" : ", namespace: " + space);
    for (unsigned s = random() % 4; s > 0; --s) {
      switch (random() % 5) {
        case 0:
        case 1: {
          std::string subject_space = pick(spaces);
          yaml += fmt::format("- {{kind: ServiceAccount, name: {}{}}}\n", pick(accounts),
                              subject_space.empty() ? "" : ", namespace: " + subject_space);
          break;
        }
        case 2:
          yaml += fmt::format("- {{kind: Group, name: 'system:serviceaccounts:{}'}}\n",
                              pick(spaces));
          break;
        case 3:
          yaml += random() % 2 ? "- {kind: Group, name: 'system:serviceaccounts'}\n"
                               : "- {kind: Group, name: 'system:authenticated'}\n";
          break;
        default:
          yaml += fmt::format("- {{kind: User, name: {}}}\n", pick(accounts));
      }
    }
  }
  Manifests manifests = manifests_of({yaml});
  ASSERT_EQ(manifests.role_bindings.size(), 60u);
  RuleOptions options;
  options.default_namespace = "a";
  ManifestIndex index(manifests, options);
  size_t matched = 0;
  for (const std::string& space : {"a", "b", "default"}) {
    for (const std::string& name : accounts) {
      std::vector<const RoleBinding*> expected = scanned_bindings(manifests, options, space, name);
      EXPECT_EQ(index.bindings_of_service_account(space, name), expected) << space << "/" << name;
      EXPECT_EQ(index.service_account_has_bindings(space, name), !expected.empty())
          << space << "/" << name;
      matched += expected.size();
    }
  }
  EXPECT_GT(matched, 20u) << "the random input should bind many accounts";
}

// The quick answer for the accounts bound by name, through their namespace's
// group, and through the group of every account.
TEST(ManifestIndex, ServiceAccountHasBindingsByNameOrGroup) {
  const std::string bindings =
      "kind: RoleBinding\napiVersion: rbac.authorization.k8s.io/v1\n"
      "metadata: {name: by-name, namespace: shop}\nroleRef: {kind: Role, name: r}\n"
      "subjects: [{kind: ServiceAccount, name: api}, {kind: User, name: web}]\n"
      "---\nkind: ClusterRoleBinding\napiVersion: rbac.authorization.k8s.io/v1\n"
      "metadata: {name: by-group}\nroleRef: {kind: ClusterRole, name: r}\n"
      "subjects: [{kind: Group, name: 'system:serviceaccounts:ops'}]\n";
  Manifests manifests = manifests_of({bindings});
  ManifestIndex index(manifests, RuleOptions{});
  EXPECT_TRUE(index.service_account_has_bindings("shop", "api"));
  EXPECT_FALSE(index.service_account_has_bindings("shop", "web"));
  EXPECT_FALSE(index.service_account_has_bindings("other", "api"));
  EXPECT_TRUE(index.service_account_has_bindings("ops", "anyone"));

  Manifests with_every_account = manifests_of(
      {bindings + "---\nkind: ClusterRoleBinding\napiVersion: rbac.authorization.k8s.io/v1\n"
                  "metadata: {name: all}\nroleRef: {kind: ClusterRole, name: r}\n"
                  "subjects: [{kind: Group, name: 'system:authenticated'}]\n"});
  ManifestIndex every(with_every_account, RuleOptions{});
  EXPECT_TRUE(every.service_account_has_bindings("other", "api"));
}

// Random labels and selectors in one namespace: the label lookups must give
// the same answers as matching every policy against every workload, with
// labels written twice (the last counts) and matchExpressions included.
TEST(ManifestIndex, LabelLookupsAgreeWithMatchingEverything) {
  std::mt19937 random(11);
  auto label = [&] { return fmt::format("k{}: v{}", random() % 3, random() % 3); };
  std::string yaml;
  for (int i = 0; i < 80; ++i) {
    yaml += fmt::format("---\nkind: Pod\napiVersion: v1\nmetadata:\n  name: p{}\n  labels:\n", i);
    for (unsigned n = random() % 4; n > 0; --n) yaml += "    " + label() + "\n";
    yaml += "spec: {containers: [{name: c}]}\n";
  }
  for (int i = 0; i < 40; ++i) {
    yaml += fmt::format("---\nkind: NetworkPolicy\napiVersion: networking.k8s.io/v1\n"
                        "metadata: {{name: n{}}}\nspec:\n  podSelector:\n    matchLabels:\n",
                        i);
    for (unsigned n = random() % 3; n > 0; --n) yaml += "      " + label() + "\n";
    if (random() % 3 == 0) {
      yaml += fmt::format("    matchExpressions: [{{key: k{}, operator: {}, values: [v{}]}}]\n",
                          random() % 3, random() % 2 ? "In" : "NotIn", random() % 3);
    }
  }
  Manifests manifests = manifests_of({yaml});
  ASSERT_EQ(manifests.workloads.size(), 80u);
  ASSERT_EQ(manifests.network_policies.size(), 40u);
  ManifestIndex index(manifests, RuleOptions{});
  size_t covered = 0;
  for (const Workload& workload : manifests.workloads) {
    std::vector<const NetworkPolicy*> candidates =
        index.policies_that_may_select("default", workload.pod_metadata.labels);
    for (const NetworkPolicy& policy : manifests.network_policies) {
      if (!policy_selects(policy, workload)) continue;
      ++covered;
      EXPECT_NE(std::find(candidates.begin(), candidates.end(), &policy), candidates.end())
          << policy.header.metadata.name << " selects " << workload.header.metadata.name;
    }
  }
  size_t selecting = 0;
  for (const NetworkPolicy& policy : manifests.network_policies) {
    const std::vector<KeyValue>& wanted = policy.pod_selector.match_labels;
    if (wanted.empty()) continue;
    auto candidates = index.workloads_labelled("default", wanted.front().key, wanted.front().value);
    for (const Workload& workload : manifests.workloads) {
      if (!policy_selects(policy, workload)) continue;
      ++selecting;
      EXPECT_TRUE(std::any_of(candidates.begin(), candidates.end(),
                              [&](const WorkloadSketch* sketch) { return sketch->is(workload); }))
          << policy.header.metadata.name << " selects " << workload.header.metadata.name;
    }
  }
  EXPECT_GT(covered, 100u) << "the random input should match often";
  EXPECT_GT(selecting, 20u);
}

// Many threads asking for one key: the value is made once and shared.
TEST(RunMemo, MakesEachValueOnce) {
  RunMemo memo;
  std::atomic<int> made{0};
  std::vector<const int*> seen(8);
  {
    std::vector<std::jthread> threads;
    for (size_t t = 0; t < seen.size(); ++t) {
      threads.emplace_back([&, t] {
        seen[t] = &memo.get<int>("rule/key", [&] { return ++made; });
      });
    }
  }
  EXPECT_EQ(made, 1);
  for (const int* value : seen) EXPECT_EQ(value, seen.front());
  EXPECT_EQ(memo.get<int>("rule/other", [] { return 7; }), 7);
}

}  // namespace
}  // namespace kube_harden
