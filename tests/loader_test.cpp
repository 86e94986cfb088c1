#include <gtest/gtest.h>

#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"

namespace kube_harden {
namespace {

TEST(Loader, PositionsAreOneBasedAndPointAtKeys) {
  YamlLoadResult result = load_yaml("a: 1\nb:\n  c: 2\n");
  ASSERT_TRUE(result.errors.empty());
  ASSERT_EQ(result.file.documents.size(), 1u);
  const YamlEntry* b = result.file.documents[0]->find_entry("b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->key->position, (Position{2, 1}));
  const YamlEntry* c = b->value->find_entry("c");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->key->position, (Position{3, 3}));
  EXPECT_EQ(c->value->position, (Position{3, 6}));
}

TEST(Loader, ColumnsCountCharactersNotBytes) {
  YamlLoadResult result = load_yaml("z: [\"\xC3\xA9\xC3\xA9\", x]\n");
  ASSERT_TRUE(result.errors.empty());
  const YamlNode* list = result.file.documents[0]->find("z");
  ASSERT_EQ(list->items.size(), 2u);
  // "z: ["éé", x]": x is the 11th character but the 13th byte.
  EXPECT_EQ(list->items[1]->position, (Position{1, 11}));
}

TEST(Loader, ByteOrderMarkAndCrLfDoNotShiftPositions) {
  YamlLoadResult result = load_yaml(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: 2\r\n");
  ASSERT_TRUE(result.errors.empty());
  EXPECT_EQ(result.file.documents[0]->find_entry("a")->key->position, (Position{1, 1}));
  EXPECT_EQ(result.file.documents[0]->find_entry("b")->key->position, (Position{2, 1}));
}

TEST(Loader, MultipleDocumentsSkipEmptyOnes) {
  YamlLoadResult result = load_yaml("a: 1\n---\n---\n# only a comment\n---\nb: 2\n...\n");
  ASSERT_TRUE(result.errors.empty());
  ASSERT_EQ(result.file.documents.size(), 2u);
  EXPECT_EQ(result.file.documents[1]->find_entry("b")->key->position.line, 6u);
  EXPECT_GE(result.file.empty_documents, 1u);
}

TEST(Loader, CommentOnlyFileHasNoDocuments) {
  YamlLoadResult result = load_yaml("# nothing here\n");
  EXPECT_TRUE(result.errors.empty());
  EXPECT_TRUE(result.file.documents.empty());
}

TEST(Loader, QuotedScalarsAreNotPlain) {
  YamlLoadResult result = load_yaml("a: \"true\"\nb: true\n");
  EXPECT_FALSE(result.file.documents[0]->find("a")->plain);
  EXPECT_TRUE(result.file.documents[0]->find("b")->plain);
}

TEST(Loader, DuplicateKeysKeepTheLastValue) {
  YamlLoadResult result = load_yaml("privileged: false\nprivileged: true\n");
  ASSERT_TRUE(result.errors.empty());
  const YamlEntry* entry = result.file.documents[0]->find_entry("privileged");
  EXPECT_EQ(entry->value->scalar, "true");
  EXPECT_EQ(entry->key->position.line, 2u);
}

TEST(Loader, DuplicatesOfADocumentDroppedByAnErrorAreDroppedToo) {
  YamlLoadResult result = load_yaml("a: 1\na: 2\n---\nb:\n  c: 1\n  c: 2\nd:\n  % e\n");
  ASSERT_EQ(result.errors.size(), 1u);
  ASSERT_EQ(result.file.documents.size(), 1u);
  ASSERT_EQ(result.file.duplicate_keys.size(), 1u);
  EXPECT_EQ(result.file.duplicate_keys[0].document, 0u);
  EXPECT_EQ(result.file.duplicate_keys[0].key, "a");
}

TEST(Loader, AliasesShareTheAnchoredNode) {
  YamlLoadResult result = load_yaml("a: &x {k: v}\nb: *x\n");
  ASSERT_TRUE(result.errors.empty());
  const YamlNode* root = result.file.documents[0];
  EXPECT_EQ(root->find("a"), root->find("b"));
}

TEST(Loader, AliasCycleIsAnErrorWithPosition) {
  YamlLoadResult result = load_yaml("a: &x\n  b: *x\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors.front().position, (Position{2, 6}));
  EXPECT_NE(result.errors.front().message.find("cycle"), std::string::npos);
}

TEST(Loader, AliasBombIsRefusedQuickly) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'j'; ++level) {
    std::string previous(1, static_cast<char>(level - 1));
    bomb += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 10; ++i) bomb += (i ? ", *" : "*") + previous;
    bomb += "]\n";
  }
  YamlLoadResult result = load_yaml(bomb);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors.front().message.find("alias bomb"), std::string::npos);
}

TEST(Loader, SyntaxErrorsAreInPlainWordsAndKeepEarlierDocuments) {
  YamlLoadResult result = load_yaml("a: 1\n---\nb: [1, 2\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.file.documents.size(), 1u);
  EXPECT_EQ(result.errors.front().position, (Position{3, 4}));  // the unclosed '['
  EXPECT_NE(result.errors.front().message.find("']'"), std::string::npos) << result.errors.front().message;
}

TEST(Loader, TabIndentationIsExplained) {
  YamlLoadResult result = load_yaml("a:\n\tb: 1\n");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors.front().position.line, 2u);
  EXPECT_NE(result.errors.front().message.find("tab"), std::string::npos) << result.errors.front().message;
}

TEST(Loader, JsonInputIsRead) {
  YamlLoadResult result =
      load_yaml("{\"apiVersion\": \"v1\",\n \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}}\n");
  ASSERT_TRUE(result.errors.empty());
  EXPECT_EQ(result.file.documents[0]->find_entry("kind")->key->position, (Position{2, 2}));
}

Manifests build(const std::string& text, DocumentCounts& counts) {
  YamlLoadResult result = load_yaml(text);
  EXPECT_TRUE(result.errors.empty());
  Manifests manifests;
  build_manifests(result.file, 0, manifests, counts);
  return manifests;
}

TEST(Model, ListItemsAreObjectsAndUnknownKindsAreCounted) {
  DocumentCounts counts;
  Manifests manifests = build(
      "apiVersion: v1\nkind: List\nitems:\n"
      "- {apiVersion: v1, kind: ServiceAccount, metadata: {name: a}}\n"
      "- {apiVersion: v1, kind: Service, metadata: {name: b}}\n"
      "---\napiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: c}\n",
      counts);
  EXPECT_EQ(counts.documents, 2u);
  EXPECT_EQ(counts.objects, 1u);
  EXPECT_EQ(counts.skipped, 2u);  // the Service and Calico's own NetworkPolicy kind
  ASSERT_EQ(manifests.service_accounts.size(), 1u);
  EXPECT_EQ(manifests.service_accounts[0].header.position.line, 4u);
  EXPECT_TRUE(manifests.network_policies.empty());
}

TEST(Model, CronJobTemplateIsReducedToOnePodSpec) {
  DocumentCounts counts;
  Manifests manifests = build(
      "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: ops}\n"
      "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
      "          hostPID: yes\n"
      "          initContainers:\n          - name: init\n"
      "          containers:\n          - name: main\n"
      "            securityContext: {privileged: \"true\", runAsUser: 0x10}\n",
      counts);
  ASSERT_EQ(manifests.workloads.size(), 1u);
  const Workload& job = manifests.workloads[0];
  EXPECT_EQ(job.header.metadata.namespace_name, "ops");
  EXPECT_EQ(job.pod.path, "spec.jobTemplate.spec.template.spec");
  EXPECT_EQ(job.pod.position, (Position{8, 9}));
  EXPECT_TRUE(job.pod.host_pid.is(true));  // YAML 1.1 "yes", as Kubernetes reads it
  ASSERT_EQ(job.pod.containers.size(), 2u);
  EXPECT_EQ(job.pod.containers[0].kind, ContainerKind::Init);
  EXPECT_EQ(job.pod.containers[1].path, "spec.jobTemplate.spec.template.spec.containers[0]");
  const SecurityContext& security = *job.pod.containers[1].security_context;
  EXPECT_TRUE(security.privileged.invalid);  // a quoted "true" is a string, not a boolean
  EXPECT_FALSE(security.privileged.value);
  EXPECT_TRUE(security.run_as_user.is(16));
}

}  // namespace
}  // namespace kube_harden
