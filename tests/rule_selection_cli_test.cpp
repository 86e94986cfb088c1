// --only, --enable, --disable and --severity-override through the real binary.
#include <gtest/gtest.h>

#include <string>

#include "process_runner.h"

namespace {

using kube_harden::testing_support::kube_harden;
using kube_harden::testing_support::ProcessResult;

// Privileged, host namespaces, no seccomp profile...: many rules fire here.
const std::string kInsecure = std::string(KH_SOURCE_DIR) + "/testdata/examples/insecure-pod.yaml";

bool mentions(const ProcessResult& run, const std::string& rule_id) {
  return run.out.find("[" + rule_id + "]") != std::string::npos;
}

TEST(RuleSelectionCli, OnlyRunsTheNamedRules) {
  ProcessResult all = kube_harden("lint --fail-on never " + kInsecure);
  ASSERT_TRUE(mentions(all, "privileged-container")) << all.out;
  ASSERT_TRUE(mentions(all, "seccomp-profile-missing")) << all.out;

  ProcessResult only = kube_harden("lint --fail-on never --only privileged-container " + kInsecure);
  EXPECT_EQ(only.exit_code, 0) << only.err;
  EXPECT_TRUE(mentions(only, "privileged-container")) << only.out;
  EXPECT_FALSE(mentions(only, "seccomp-profile-missing")) << only.out;
}

TEST(RuleSelectionCli, DisableWinsOverOnlyAndEnableWinsOverDisable) {
  ProcessResult disabled = kube_harden("lint --only privileged-container,seccomp-profile-missing "
                                       "--disable privileged-container " + kInsecure);
  EXPECT_FALSE(mentions(disabled, "privileged-container")) << disabled.out;
  EXPECT_TRUE(mentions(disabled, "seccomp-profile-missing")) << disabled.out;

  ProcessResult enabled = kube_harden("lint --disable privileged-container "
                                      "--enable privileged-container " + kInsecure);
  EXPECT_TRUE(mentions(enabled, "privileged-container")) << enabled.out;
}

TEST(RuleSelectionCli, SeverityOverrideChangesTheExitCode) {
  // insecure.yaml's privileged container is critical: the build fails...
  EXPECT_EQ(kube_harden("lint --only privileged-container " + kInsecure).exit_code, 1);
  // ...until the team decides it is low for them.
  ProcessResult low = kube_harden(
      "lint --only privileged-container --severity-override privileged-container=low " +
      kInsecure);
  EXPECT_EQ(low.exit_code, 0) << low.out;
  EXPECT_NE(low.out.find(": low: "), std::string::npos) << low.out;
}

TEST(RuleSelectionCli, UnknownRulesAndLevelsAreUsageErrors) {
  ProcessResult unknown = kube_harden("lint --disable no-such-rule " + kInsecure);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown rule \"no-such-rule\""), std::string::npos) << unknown.err;
  EXPECT_TRUE(unknown.out.empty()) << unknown.out;

  ProcessResult level =
      kube_harden("lint --severity-override privileged-container=urgent " + kInsecure);
  EXPECT_EQ(level.exit_code, 2);
  EXPECT_NE(level.err.find("unknown level \"urgent\""), std::string::npos) << level.err;

  ProcessResult shape = kube_harden("lint --severity-override privileged-container " + kInsecure);
  EXPECT_EQ(shape.exit_code, 2);
  EXPECT_NE(shape.err.find("expected RULE=LEVEL"), std::string::npos) << shape.err;
}

}  // namespace
