// In-source suppressions, strict mode and baselines through the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "process_runner.h"

namespace {

namespace fs = std::filesystem;
using kube_harden::testing_support::kube_harden;
using kube_harden::testing_support::ProcessResult;
using kube_harden::testing_support::read_file;
using kube_harden::testing_support::scratch_dir;

// A hardened pod except for what each test adds.
const std::string kPod = R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  automountServiceAccountToken: false
  hostNetwork: true
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: registry.example.com/web:1.4.2
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: ["ALL"]
)";

fs::path write_manifest(const std::string& name, const std::string& text) {
  fs::path path = scratch_dir() / name;
  std::ofstream(path) << text;
  return path;
}

bool mentions(const ProcessResult& run, const std::string& text) {
  return run.out.find(text) != std::string::npos;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(SuppressionCli, CommentAtTheEndOfTheLineSuppressesAndKeepsTheReason) {
  fs::path pod = write_manifest(
      "comment.yaml", replace(kPod, "  hostNetwork: true\n",
                              "  hostNetwork: true  # kube-harden:ignore host-namespaces -- "
                              "ingress controller\n"));
  ProcessResult text = kube_harden("lint " + pod.string());
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_FALSE(mentions(text, "[host-namespaces]")) << text.out;
  EXPECT_TRUE(mentions(text, "1 suppressed")) << text.out;

  ProcessResult shown = kube_harden("lint --show-suppressed " + pod.string());
  EXPECT_TRUE(mentions(shown, "[host-namespaces]")) << shown.out;
  EXPECT_TRUE(mentions(shown, "ingress controller")) << shown.out;

  ProcessResult sarif = kube_harden("lint -f sarif " + pod.string());
  EXPECT_TRUE(mentions(sarif, "\"kind\": \"inSource\"")) << sarif.out;
  EXPECT_TRUE(mentions(sarif, "\"justification\": \"ingress controller\"")) << sarif.out;
}

TEST(SuppressionCli, CommentAloneOnTheLineAboveAndAnnotationsSuppress) {
  fs::path above = write_manifest(
      "above.yaml",
      replace(kPod, "  hostNetwork: true\n",
              "  # kube-harden:ignore host-namespaces -- ingress controller\n\n"
              "  hostNetwork: true\n"));
  EXPECT_EQ(kube_harden("lint " + above.string()).exit_code, 0);

  fs::path annotated = write_manifest(
      "annotated.yaml", replace(kPod, "  namespace: shop\n",
                                "  namespace: shop\n  annotations:\n"
                                "    kube-harden.io/ignore: host-namespaces\n"
                                "    kube-harden.io/ignore-reason: ingress controller\n"));
  ProcessResult run = kube_harden("lint " + annotated.string());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(mentions(run, "1 suppressed")) << run.out;
}

TEST(SuppressionCli, UnmatchedSuppressionIsReported) {
  fs::path pod = write_manifest(
      "stale.yaml",
      replace(kPod, "      image:", "      # kube-harden:ignore privileged-container -- old\n"
                                   "      image:"));
  ProcessResult run = kube_harden("lint --fail-on never " + pod.string());
  EXPECT_TRUE(mentions(run, "stale.yaml:15:7: info: suppression comment (privileged-container) "
                            "matches no finding; remove it [unused-suppression]"))
      << run.out;
}

TEST(SuppressionCli, StrictModeIgnoresInSourceSuppressions) {
  fs::path pod = write_manifest(
      "strict.yaml", replace(kPod, "  hostNetwork: true\n",
                             "  hostNetwork: true  # kube-harden:ignore host-namespaces -- x\n"));
  ProcessResult run = kube_harden("lint --no-inline-suppressions " + pod.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(mentions(run, "[host-namespaces]")) << run.out;
}

TEST(BaselineCli, SurvivesAnInsertedLineAndReportsOnlyNewFindings) {
  fs::path pod = write_manifest("baselined.yaml", kPod);
  fs::path baseline = scratch_dir() / "baseline.json";
  ProcessResult written = kube_harden("lint --write-baseline " + baseline.string() + " " +
                                      pod.string());
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_NE(read_file(baseline).find("\"rule_id\": \"host-namespaces\""), std::string::npos);

  // Lines move: the known finding stays known.
  std::ofstream(pod) << replace(kPod, "metadata:\n", "metadata:\n  labels:\n    app: web\n");
  ProcessResult moved = kube_harden("lint --baseline " + baseline.string() + " " + pod.string());
  EXPECT_EQ(moved.exit_code, 0) << moved.out;
  EXPECT_TRUE(mentions(moved, "No findings")) << moved.out;
  EXPECT_TRUE(mentions(moved, "unchanged from baseline " + baseline.string() + ", 0 fixed"))
      << moved.out;

  // A new problem is reported and fails the build; the known one stays quiet.
  std::ofstream(pod) << replace(kPod, "  hostNetwork: true\n",
                                "  hostNetwork: true\n  hostPID: true\n");
  ProcessResult added = kube_harden("lint --baseline " + baseline.string() + " " + pod.string());
  EXPECT_EQ(added.exit_code, 1);
  EXPECT_TRUE(mentions(added, "hostPID")) << added.out;
  EXPECT_FALSE(mentions(added, "hostNetwork")) << added.out;

  // Fixing it is counted.
  std::ofstream(pod) << replace(kPod, "  hostNetwork: true\n", "");
  ProcessResult fixed = kube_harden("lint --baseline " + baseline.string() + " " + pod.string());
  EXPECT_EQ(fixed.exit_code, 0);
  EXPECT_TRUE(mentions(fixed, "1 fixed")) << fixed.out;
}

TEST(BaselineCli, BadBaselineIsAnError) {
  fs::path pod = write_manifest("bad-baseline.yaml", kPod);
  fs::path baseline = write_manifest("not-a-baseline.json", "{\"findings\": 3}");
  ProcessResult run = kube_harden("lint --baseline " + baseline.string() + " " + pod.string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("not a kube-harden baseline"), std::string::npos) << run.err;
  EXPECT_EQ(kube_harden("lint --baseline " + baseline.string() + " --write-baseline x.json " +
                        pod.string())
                .exit_code,
            2);
}

TEST(HelmCli, RenderedChartOnStdinNamesTheTemplates) {
  // As `helm template ./shop | kube-harden lint -` gives it.
  ProcessResult run = kube_harden("lint -f json --fail-on never -",
                                  std::string(KH_SOURCE_DIR) + "/testdata/helm/rendered.yaml");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(mentions(run, "\"template\": \"shop/templates/deployment.yaml\"")) << run.out;

  ProcessResult text = kube_harden("lint --only host-namespaces -",
                                   std::string(KH_SOURCE_DIR) + "/testdata/helm/rendered.yaml");
  EXPECT_TRUE(mentions(text, "<stdin>:24:7: high: hostNetwork: true")) << text.out;
  EXPECT_TRUE(mentions(text, "[helm: shop/templates/deployment.yaml, line 16 of the rendered "
                             "document]"))
      << text.out;
}

}  // namespace
