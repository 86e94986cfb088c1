// The config file through the real binary: discovery, precedence, strictness.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "process_runner.h"

namespace {

namespace fs = std::filesystem;
using kube_harden::testing_support::ProcessResult;
using kube_harden::testing_support::run_command;
using kube_harden::testing_support::scratch_dir;

const std::string kInsecurePod =
    std::string(KH_SOURCE_DIR) + "/testdata/examples/insecure-pod.yaml";

// A scratch project: a config at its root, manifests below it.
class ConfigCli : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = scratch_dir() / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    fs::create_directories(root_ / "deploy/charts/tests");
    fs::copy_file(kInsecurePod, root_ / "deploy/pod.yaml");
    fs::copy_file(kInsecurePod, root_ / "deploy/charts/tests/test-pod.yaml");
  }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(root_ / name) << text;
  }

  // Runs kube-harden from `dir` (relative to the project root).
  ProcessResult run(const std::string& args, const std::string& dir = "deploy") {
    return run_command("cd " + (root_ / dir).string() + " && " + KH_BINARY + " " + args);
  }

  fs::path root_;
};

bool mentions(const ProcessResult& run, const std::string& text) {
  return run.out.find(text) != std::string::npos;
}

TEST_F(ConfigCli, FoundInAParentDirectoryAndAppliedToTheRun) {
  write(".kube-harden.yaml",
        "failOn: never\n"
        "rules:\n"
        "  disable: [host-namespaces]\n"
        "  severity:\n"
        "    privileged-container: low\n");
  ProcessResult result = run("lint pod.yaml");
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_FALSE(mentions(result, "[host-namespaces]")) << result.out;
  EXPECT_TRUE(mentions(result, ": low: container \"app\" runs privileged")) << result.out;
}

TEST_F(ConfigCli, FlagsWinOverTheConfig) {
  write(".kube-harden.yaml", "failOn: never\nrules:\n  disable: [host-namespaces]\n");
  ProcessResult result = run("lint --fail-on high --enable host-namespaces pod.yaml");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(mentions(result, "[host-namespaces]")) << result.out;
  // --no-config ignores the file altogether.
  EXPECT_EQ(run("lint --no-config --fail-on critical pod.yaml").exit_code, 1);
}

TEST_F(ConfigCli, ExplicitConfigFileIsUsedInsteadOfTheNearestOne) {
  write(".kube-harden.yaml", "failOn: never\n");
  write("strict.yaml", "failOn: low\n");
  EXPECT_EQ(run("lint pod.yaml").exit_code, 0);
  EXPECT_EQ(run("lint --config ../strict.yaml pod.yaml").exit_code, 1);
}

TEST_F(ConfigCli, ExcludeGlobsAreRelativeToTheConfig) {
  write(".kube-harden.yaml", "exclude: [\"deploy/**/tests/*.yaml\"]\n");
  ProcessResult result = run("lint --fail-on never .");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(mentions(result, "pod.yaml")) << result.out;
  EXPECT_FALSE(mentions(result, "test-pod.yaml")) << result.out;
  EXPECT_TRUE(mentions(result, "in 1 file")) << result.out;
}

TEST_F(ConfigCli, ExemptionsSuppressWithTheirReason) {
  write(".kube-harden.yaml",
        "exemptions:\n"
        "  - rules: [host-namespaces, sensitive-host-path]\n"
        "    kind: Pod\n"
        "    name: node-*\n"
        "    reason: node debugging pod, deleted after use\n");
  ProcessResult hidden = run("lint pod.yaml");
  EXPECT_FALSE(mentions(hidden, "[host-namespaces]")) << hidden.out;
  EXPECT_TRUE(mentions(hidden, "2 suppressed")) << hidden.out;
  ProcessResult json = run("lint -f json pod.yaml");
  EXPECT_TRUE(mentions(json, "\"kind\": \"external\"")) << json.out;
  EXPECT_TRUE(mentions(json, "node debugging pod, deleted after use")) << json.out;
}

TEST_F(ConfigCli, UnsuppressibleRulesIgnoreEverySuppression) {
  write(".kube-harden.yaml",
        "rules:\n"
        "  unsuppressible: [host-namespaces]\n"
        "exemptions:\n"
        "  - rules: [\"*\"]\n"
        "    kind: Pod\n"
        "    reason: everything in this pod is accepted\n");
  ProcessResult result = run("lint pod.yaml");
  EXPECT_TRUE(mentions(result, "[host-namespaces]")) << result.out;
  EXPECT_FALSE(mentions(result, "[privileged-container]")) << result.out;
}

TEST_F(ConfigCli, ErrorsNameFileLineAndColumnAndExitTwo) {
  write(".kube-harden.yaml",
        "failOn: hihg\n"
        "rules:\n"
        "  disable: [host-namespace]\n"
        "exemptions:\n"
        "  - rules: [host-namespaces]\n"
        "    kind: Pod\n"
        "unknownKey: 1\n");
  ProcessResult result = run("lint pod.yaml");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.out.empty()) << "no report on a bad config: " << result.out;
  const std::string file = (root_ / ".kube-harden.yaml").string();
  EXPECT_NE(result.err.find(file + ":1:9: error: failOn must be one of"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(file + ":3:13: error: rules.disable: unknown rule \"host-namespace\""),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(file + ":5:5: error: an exemption needs a non-empty `reason:`"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(file + ":7:1: error: unknown key \"unknownKey\""), std::string::npos)
      << result.err;
}

TEST_F(ConfigCli, InitWritesADefaultThatChangesNothing) {
  ProcessResult without = run("lint --fail-on never pod.yaml");
  ProcessResult init = run("config init", ".");
  ASSERT_EQ(init.exit_code, 0) << init.err;
  ASSERT_TRUE(fs::exists(root_ / ".kube-harden.yaml"));
  ProcessResult with = run("lint --fail-on never pod.yaml");
  EXPECT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(with.out, without.out);
  // It does not overwrite a config by accident.
  EXPECT_EQ(run("config init", ".").exit_code, 2);
  EXPECT_EQ(run("config init --force", ".").exit_code, 0);
}

}  // namespace
