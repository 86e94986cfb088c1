// Inputs that once crashed, hung or exhausted a fuzz target
// (testdata/fuzz-regressions/<target>-<hash>.yaml, see docs/robustness.md),
// plus a few hostile inputs written here: each must be linted or refused
// with an error, never crash, and every reporter must be able to write the
// result. Under the asan-ubsan preset this also checks memory and UB.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/report.h"
#include "kube_harden/rule_metadata.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(KH_SOURCE_DIR) / "testdata" / "fuzz-regressions";

struct NamedInput {
  std::string name;
  std::string text;
};

std::vector<NamedInput> built_in_inputs() {
  return {
      {"empty", ""},
      {"nul byte", std::string(1, '\0')},
      {"unclosed flow sequence", "- ["},
      {"alias inside its own anchor", "&a [*a]"},
      {"undefined alias", "{a: *b}"},
      {"unknown YAML version", "%YAML 9.9\n---\n"},
      {"600 nested flow sequences", std::string(600, '[')},
  };
}

std::vector<NamedInput> committed_regressions() {
  std::vector<NamedInput> inputs;
  if (!fs::is_directory(kRegressions)) return inputs;
  for (const auto& entry : fs::directory_iterator(kRegressions)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    inputs.push_back({entry.path().filename().string(), text.str()});
  }
  return inputs;
}

void expect_linted_or_refused(const NamedInput& input) {
  SCOPED_TRACE(input.name);
  const LintResult result = lint({LintInput{input.name, "", true, input.text}}, LintOptions{});
  EXPECT_TRUE(!result.errors.empty() || result.summary.files == 1)
      << "neither an error nor a counted file";

  std::ostringstream text;
  write_text_report(text, result, TextStyle{});
  std::ostringstream json;
  write_json_report(json, result);
  EXPECT_FALSE(json.str().empty());
  std::ostringstream sarif;
  write_sarif_report(sarif, result, RuleCatalog::builtin());
  EXPECT_FALSE(sarif.str().empty());
}

TEST(FuzzRegressions, BuiltInHostileInputsAreLintedOrRefused) {
  for (const NamedInput& input : built_in_inputs()) expect_linted_or_refused(input);
}

TEST(FuzzRegressions, CommittedCrashInputsAreLintedOrRefused) {
  const std::vector<NamedInput> inputs = committed_regressions();
  if (inputs.empty()) GTEST_SKIP() << "no files in " << kRegressions;
  for (const NamedInput& input : inputs) expect_linted_or_refused(input);
}

TEST(FuzzRegressions, DeepNestingIsAnErrorNotACrash) {
  const LintResult result =
      lint({LintInput{"deep.yaml", "", true, std::string(600, '[')}}, LintOptions{});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].file, "deep.yaml");
}

}  // namespace
}  // namespace kube_harden
