// Field paths of keys found by position, and the paths invalid-field-type reports.
#include "model/key_path.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/yaml_loader.h"

namespace kube_harden {
namespace {

const char* kPod =
    "apiVersion: v1\n"                    // 1
    "kind: Pod\n"                         // 2
    "metadata:\n"                         // 3
    "  name: p\n"                         // 4
    "spec:\n"                             // 5
    "  hostNetwork: \"true\"\n"           // 6
    "  containers:\n"                     // 7
    "    - name: a\n"                     // 8
    "      image: nginx:1.25\n"           // 9
    "    - name: b\n"                     // 10
    "      image: nginx:1.25\n"           // 11
    "      securityContext: &context\n"   // 12
    "        runAsNonRoot: \"yes\"\n"     // 13
    "  initContainers:\n"                 // 14
    "    - name: c\n"                     // 15
    "      image: nginx:1.25\n"           // 16
    "      securityContext: *context\n";  // 17

TEST(KeyPath, FindsTheKeyAtAPositionThroughMapsAndLists) {
  YamlLoadResult yaml = load_yaml(kPod);
  ASSERT_TRUE(yaml.errors.empty());
  const YamlNode* root = yaml.file.documents.at(0);
  EXPECT_EQ(key_path(root, Position{6, 3}), "spec.hostNetwork");
  EXPECT_EQ(key_path(root, Position{10, 7}), "spec.containers[1].name");
  // Shared through an alias: the first place it appears.
  EXPECT_EQ(key_path(root, Position{13, 9}), "spec.containers[1].securityContext.runAsNonRoot");
  EXPECT_EQ(key_path(root, Position{1, 1}), "apiVersion");
  // A value's position, or no node at all, is not a key.
  EXPECT_EQ(key_path(root, Position{6, 16}), std::nullopt);
  EXPECT_EQ(key_path(root, Position{40, 1}), std::nullopt);
}

TEST(KeyPath, InvalidFieldTypeFindingsCarryTheWholePath) {
  LintResult result = lint({LintInput{"pod.yaml", "", true, kPod}}, LintOptions{});
  std::vector<std::pair<uint32_t, std::string>> found;
  for (const Finding& finding : result.findings) {
    if (finding.rule_id == "invalid-field-type")
      found.emplace_back(finding.position.line, finding.path);
  }
  using Paths = std::vector<std::pair<uint32_t, std::string>>;
  EXPECT_EQ(found, (Paths{{6, "spec.hostNetwork"},
                          {13, "spec.containers[1].securityContext.runAsNonRoot"}}));
}

}  // namespace
}  // namespace kube_harden
