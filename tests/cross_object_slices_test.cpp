#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/rule_runner.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"

namespace kube_harden {
namespace {

// The objects rules look up across files of several files, merged in file
// order as a run's first pass merges them; each string is one file.
Manifests cross_objects_of(const std::vector<std::string>& files) {
  std::vector<Manifests> parts(files.size());
  std::vector<Manifests*> pointers;
  for (size_t i = 0; i < files.size(); ++i) {
    YamlLoadResult yaml = load_yaml(files[i]);
    EXPECT_TRUE(yaml.errors.empty()) << files[i];
    DocumentCounts counts;
    build_manifests(yaml.file, i, parts[i], counts);
    pointers.push_back(&parts[i]);
  }
  return merge_cross_objects(pointers);
}

std::vector<std::string> names(const auto& objects) {
  std::vector<std::string> found;
  for (const auto& object : objects) found.push_back(object.header.metadata.name);
  return found;
}

using Names = std::vector<std::string>;

TEST(CrossObjectSlices, EachFileGetsItsOwnObjects) {
  const std::string account = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: NAME}\n";
  auto account_named = [&](const std::string& name) {
    std::string text = account;
    return text.replace(text.find("NAME"), 4, name);
  };
  Manifests objects = cross_objects_of({
      account_named("a1") + "---\n" + account_named("a2") +
          "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r1}\n",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: no-cross-object}\n",
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p3}\n"
      "spec: {podSelector: {}}\n---\n" +
          account_named("a3"),
  });
  CrossObjectSlices slices(objects);

  ObjectSlice first = slices.of_file(0);
  EXPECT_EQ(names(first.service_accounts), (Names{"a1", "a2"}));
  EXPECT_EQ(names(first.roles), (Names{"r1"}));
  EXPECT_TRUE(first.network_policies.empty());
  EXPECT_TRUE(first.workloads.empty()) << "workloads are not cross objects";

  ObjectSlice second = slices.of_file(1);
  EXPECT_TRUE(second.service_accounts.empty());
  EXPECT_TRUE(second.roles.empty());

  ObjectSlice third = slices.of_file(2);
  EXPECT_EQ(names(third.service_accounts), (Names{"a3"}));
  EXPECT_EQ(names(third.network_policies), (Names{"p3"}));
  EXPECT_TRUE(third.roles.empty());

  EXPECT_TRUE(slices.of_file(3).service_accounts.empty()) << "a file past the last";
}

TEST(CrossObjectSlices, ObjectsOutOfFileOrderAreRefused) {
  const std::string account = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a}\n";
  Manifests objects = cross_objects_of({account, account});
  std::swap(objects.service_accounts[0], objects.service_accounts[1]);
  EXPECT_THROW(CrossObjectSlices{objects}, std::logic_error);
}

}  // namespace
}  // namespace kube_harden
