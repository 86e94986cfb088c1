// Which suppression applies to which finding, through lint(): comments by
// line, annotations by object, both only within their own file.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kube_harden/lint.h"

namespace kube_harden {
namespace {

// A privileged Pod: `extra_metadata` goes into its metadata, and `line_end`
// at the end of its privileged line.
std::string privileged_pod(const std::string& name, const std::string& extra_metadata,
                           const std::string& line_end) {
  return fmt::format(
      "apiVersion: v1\n"
      "kind: Pod\n"
      "metadata:\n"
      "  name: {}\n"
      "{}"
      "spec:\n"
      "  containers:\n"
      "    - name: c\n"
      "      image: nginx@sha256:{}\n"
      "      securityContext:\n"
      "        privileged: true{}\n",
      name, extra_metadata, std::string(64, 'a'), line_end);
}

// Pods `a` and `b` in one file: their privileged lines are 10 and 21, each
// moved down by the lines of `a_extra`.
std::string two_pods(const std::string& a_extra, const std::string& a_line,
                     const std::string& b_line) {
  return privileged_pod("a", a_extra, a_line) + "---\n" + privileged_pod("b", "", b_line);
}

const std::string kAnnotation = "  annotations:\n    kube-harden.io/ignore: privileged-container\n";

// The privileged-container findings of `file`: object name and how suppressed.
std::vector<std::pair<std::string, std::string>> privileged(const LintResult& result,
                                                            const std::string& file) {
  std::vector<std::pair<std::string, std::string>> found;
  for (const Finding& finding : result.findings) {
    if (finding.rule_id != "privileged-container" || finding.file != file) continue;
    found.emplace_back(finding.object.name, finding.suppressed ? finding.suppressed->origin : "");
  }
  return found;
}

size_t count(const LintResult& result, const std::string& rule_id) {
  size_t n = 0;
  for (const Finding& finding : result.findings) n += finding.rule_id == rule_id;
  return n;
}

LintResult lint_texts(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<LintInput> inputs;
  for (const auto& [name, text] : files) inputs.push_back(LintInput{name, "", true, text});
  return lint(inputs, LintOptions{});
}

TEST(Suppressions, AnAnnotationCoversOnlyItsOwnObject) {
  LintResult result = lint_texts({{"pods.yaml", two_pods(kAnnotation, "", "")}});
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(privileged(result, "pods.yaml"),
            (Pairs{{"a", "annotation kube-harden.io/ignore"}, {"b", ""}}));
}

TEST(Suppressions, ACommentCoversOnlyItsOwnLine) {
  LintResult result = lint_texts(
      {{"pods.yaml", two_pods("", "", " # kube-harden:ignore privileged-container -- test")}});
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(privileged(result, "pods.yaml"), (Pairs{{"a", ""}, {"b", "comment pods.yaml:21"}}));
  EXPECT_EQ(count(result, "unused-suppression"), 0u);
}

TEST(Suppressions, TheAnnotationIsNamedAndBothCountAsUsedWhenBothApply) {
  LintResult result = lint_texts(
      {{"pods.yaml",
        two_pods(kAnnotation, " # kube-harden:ignore privileged-container -- test", "")}});
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(privileged(result, "pods.yaml"),
            (Pairs{{"a", "annotation kube-harden.io/ignore"}, {"b", ""}}));
  EXPECT_EQ(count(result, "unused-suppression"), 0u);
}

TEST(Suppressions, NothingCrossesIntoAnotherFileWithTheSameObjectsAndLines) {
  LintResult result = lint_texts(
      {{"1.yaml", two_pods(kAnnotation, "", " # kube-harden:ignore privileged-container -- t")},
       {"2.yaml", two_pods("", "", "")}});
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(privileged(result, "2.yaml"), (Pairs{{"a", ""}, {"b", ""}}));
  EXPECT_EQ(privileged(result, "1.yaml"),
            (Pairs{{"a", "annotation kube-harden.io/ignore"}, {"b", "comment 1.yaml:23"}}));
}

TEST(Suppressions, ACommentOnALineWithoutAFindingIsUnused) {
  LintResult result = lint_texts(
      {{"pods.yaml", two_pods("", "", "") + "# kube-harden:ignore privileged-container -- x\n"}});
  EXPECT_EQ(count(result, "unused-suppression"), 1u);
}

}  // namespace
}  // namespace kube_harden
