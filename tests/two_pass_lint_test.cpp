#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "engine/lint_run.h"
#include "kube_harden/lint.h"
#include "kube_harden/report.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

// The findings and counts of a run as JSON: errors aside, which lint()
// reports in output order and a whole-model check in input order.
std::string findings_json(LintResult result) {
  result.errors.clear();
  std::ostringstream out;
  write_json_report(out, result);
  return out.str();
}

// lint() checks each file against what its first pass gathered (outlines,
// and the cross-file objects loaded in full); that must be what checking
// the whole model of every file at once gives.
void expect_two_passes_equal_one_model(const fs::path& dir, std::vector<unsigned> job_counts) {
  std::vector<InputError> errors;
  std::vector<LintInput> inputs = collect_inputs({dir.string()}, errors);
  ASSERT_GT(inputs.size(), 10u) << dir;
  for (unsigned jobs : job_counts) {
    LintOptions options;
    options.jobs = jobs;
    LintResult two_passes = lint(inputs, options);
    LintResult one_model = check_run(load_run(inputs, options), options);
    EXPECT_GT(two_passes.findings.size(), 100u);
    EXPECT_EQ(two_passes.errors.size(), one_model.errors.size());
    EXPECT_EQ(findings_json(two_passes), findings_json(one_model)) << dir << " --jobs " << jobs;
  }
}

TEST(TwoPassLint, TestdataGivesWhatTheWholeModelGives) {
  expect_two_passes_equal_one_model(fs::path(KH_SOURCE_DIR) / "testdata", {1, 2});
}

TEST(TwoPassLint, CorpusGivesWhatTheWholeModelGives) {
  fs::path corpus = fs::path(KH_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus / "MANIFEST.tsv")) {
    GTEST_SKIP() << "../shared/corpus not present (it is beside the repository in CI); skipping";
  }
  expect_two_passes_equal_one_model(corpus, {2});
}

// Documents neither pass loads (a kind no rule reads) are counted as the
// loader would count them, unless loading them would find an error.
TEST(TwoPassLint, DocumentsOnlyCountedAreCountedAsTheLoaderCountsThem) {
  std::vector<LintInput> inputs(1);
  inputs[0].display_name = "bundle.yaml";
  inputs[0].has_text = true;
  inputs[0].text =
      "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n  c: d\n  e: f\n  g: h\n  i: j\n"
      "  k: l\n  m: n\n  o: p\n  q: r\n  s: t\n---\n"
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
      "  - name: c\n    image: nginx\n";
  LintOptions options;
  LintResult result = lint(inputs, options);
  EXPECT_EQ(result.summary.documents, 2u);
  EXPECT_EQ(result.summary.skipped, 1u);
  EXPECT_EQ(result.summary.objects, 1u);
  EXPECT_TRUE(result.errors.empty());
  // The ConfigMap (27 nodes) over the node limit is an error, whether a
  // pass loads it or not; the Pod (19) is not.
  options.yaml_limits.max_expanded_nodes = 25;
  result = lint(inputs, options);
  LintResult one_model = check_run(load_run(inputs, options), options);
  ASSERT_EQ(result.errors.size(), 1u);
  ASSERT_EQ(one_model.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("nodes"), std::string::npos) << result.errors[0].message;
  EXPECT_EQ(result.errors[0].message, one_model.errors[0].message);
  EXPECT_EQ(result.errors[0].position, one_model.errors[0].position);
  EXPECT_EQ(result.summary.objects, 1u);
  EXPECT_EQ(findings_json(result), findings_json(one_model));
}

}  // namespace
}  // namespace kube_harden
