// End-to-end tests of the real binary: the command-line contract users and CI rely on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "process_runner.h"

namespace {

namespace fs = std::filesystem;

using kube_harden::testing_support::kube_harden;
using kube_harden::testing_support::ProcessResult;
using kube_harden::testing_support::read_file;
using kube_harden::testing_support::scratch_dir;

const std::string kSource = KH_SOURCE_DIR;
const std::string kExamples = kSource + "/testdata/examples";
const std::string kCli = kSource + "/testdata/cli";

TEST(Cli, VersionAndHelpExitZero) {
  ProcessResult version = kube_harden("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("kube-harden 0."), std::string::npos);
  ProcessResult help = kube_harden("lint --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("critical,high,medium,low,info,never"), std::string::npos) << help.out;
}

TEST(Cli, CleanInputExitsZero) {
  ProcessResult run = kube_harden("lint " + kCli + "/clean.yaml");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("No findings"), std::string::npos) << run.out;
}

TEST(Cli, FindingsAtOrAboveFailOnExitOne) {
  EXPECT_EQ(kube_harden("lint " + kCli + "/insecure.yaml").exit_code, 1);
  EXPECT_EQ(kube_harden("lint --fail-on never " + kCli + "/insecure.yaml").exit_code, 0);
  // The only finding there is medium: below the default threshold (high).
  EXPECT_EQ(kube_harden("lint " + kCli + "/medium-only.yaml").exit_code, 0);
  EXPECT_EQ(kube_harden("lint --fail-on medium " + kCli + "/medium-only.yaml").exit_code, 1);
}

TEST(Cli, TextFindingsAreCompilerStyle) {
  ProcessResult run = kube_harden("lint " + kCli + "/insecure.yaml");
  EXPECT_NE(run.out.find(kCli + "/insecure.yaml:14:9: critical: container \"app\" runs "
                                "privileged"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("[privileged-container]"), std::string::npos);
  EXPECT_EQ(run.out.find("\x1b["), std::string::npos) << "no colour when not a terminal";
}

TEST(Cli, InvalidYamlIsReportedAndOtherFilesStillLinted) {
  ProcessResult run = kube_harden("lint " + kCli + "/broken.yaml " + kCli + "/insecure.yaml");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(kCli + "/broken.yaml:4:11:"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("[privileged-container]"), std::string::npos) << run.out;
}

TEST(Cli, MissingFileIsAnErrorButOthersAreLinted) {
  ProcessResult run =
      kube_harden("lint " + kCli + "/does-not-exist.yaml " + kCli + "/insecure.yaml");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("does-not-exist.yaml: error: no such file"), std::string::npos);
  EXPECT_NE(run.out.find("[privileged-container]"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(kube_harden("lint --format xml " + kExamples).exit_code, 2);
  EXPECT_EQ(kube_harden("lint --k8s-version 2.0 " + kExamples).exit_code, 2);
  EXPECT_EQ(kube_harden("lint").exit_code, 2);
  EXPECT_EQ(kube_harden("").exit_code, 2);
  EXPECT_EQ(kube_harden("explain no-such-rule").exit_code, 2);
}

TEST(Cli, NamespaceFlagPlacesUnnamespacedObjects) {
  std::string file = kCli + "/namespace-flag.yaml";
  // In "default" the pod is held to restricted; in "legacy" the label says baseline.
  EXPECT_NE(kube_harden("lint --fail-on never " + file).out.find("[non-root-not-enforced]"),
            std::string::npos);
  ProcessResult legacy = kube_harden("lint --fail-on never --namespace legacy " + file);
  EXPECT_NE(legacy.out.find("No findings"), std::string::npos) << legacy.out;
}

TEST(Cli, StandardInputIsNamedStdin) {
  ProcessResult run = kube_harden("lint -f json -", kCli + "/insecure.yaml");
  EXPECT_EQ(run.exit_code, 1);
  nlohmann::json report = nlohmann::json::parse(run.out);
  ASSERT_FALSE(report["findings"].empty());
  EXPECT_EQ(report["findings"][0]["file"], "<stdin>");
}

TEST(Cli, OutputFileIsWrittenAtomically) {
  fs::path out = scratch_dir() / "report.json";
  fs::remove(out);
  ProcessResult run =
      kube_harden("lint -f json -o " + out.string() + " " + kCli + "/insecure.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(run.out.empty());
  nlohmann::json report = nlohmann::json::parse(read_file(out));
  EXPECT_EQ(report["summary"]["objects"], 1);
  for (const auto& entry : fs::directory_iterator(out.parent_path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos);
  }
}

TEST(Cli, OutputIsIdenticalAcrossJobs) {
  for (const char* format : {"text", "json", "sarif"}) {
    ProcessResult one = kube_harden(std::string("lint -j 1 -f ") + format + " " + kExamples);
    ProcessResult two = kube_harden(std::string("lint -j 4 -f ") + format + " " + kExamples);
    EXPECT_EQ(one.out, two.out) << format;
    EXPECT_FALSE(one.out.empty());
  }
}

TEST(Cli, RulesAndExplainComeFromTheCatalog) {
  ProcessResult rules = kube_harden("rules -f json");
  EXPECT_EQ(rules.exit_code, 0);
  nlohmann::json catalog = nlohmann::json::parse(rules.out);
  EXPECT_GE(catalog["rules"].size(), 19u);
  ProcessResult explain = kube_harden("explain privileged-container");
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("Why is this bad?"), std::string::npos);
}

TEST(Cli, CiFormatsReportFindingsAndKeepTheExitCode) {
  ProcessResult github = kube_harden("lint --format github " + kCli + "/insecure.yaml");
  EXPECT_EQ(github.exit_code, 1);
  EXPECT_NE(github.out.find("\n::error file=" + kCli + "/insecure.yaml,line=14,col=9,"),
            std::string::npos)
      << github.out;
  ProcessResult junit = kube_harden("lint --format junit " + kCli + "/insecure.yaml");
  EXPECT_EQ(junit.exit_code, 1);
  EXPECT_NE(junit.out.find("<testcase name=\"privileged-container\""), std::string::npos);
  ProcessResult checkstyle = kube_harden("lint --format checkstyle " + kCli + "/clean.yaml");
  EXPECT_EQ(checkstyle.exit_code, 0);
  EXPECT_EQ(checkstyle.out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
            "</checkstyle>\n");
}

TEST(Cli, SuppressedFindingsAreShownOnlyWhenAsked) {
  fs::path file = scratch_dir() / "suppressed.yaml";
  std::string manifest = read_file(kCli + "/insecure.yaml");
  manifest.replace(manifest.find("privileged: true"), 16,
                   "privileged: true  # kube-harden:ignore privileged-container -- debug pod");
  std::ofstream(file) << manifest;

  ProcessResult hidden = kube_harden("lint " + file.string());
  EXPECT_EQ(hidden.exit_code, 0) << hidden.out << hidden.err;
  EXPECT_EQ(hidden.out.find("[privileged-container]"), std::string::npos) << hidden.out;
  EXPECT_NE(hidden.out.find("; 1 suppressed (--show-suppressed lists them)"), std::string::npos);

  ProcessResult shown = kube_harden("lint --show-suppressed " + file.string());
  EXPECT_EQ(shown.exit_code, 0);
  EXPECT_NE(shown.out.find("[privileged-container] [suppressed by comment "), std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find(": debug pod]"), std::string::npos) << shown.out;

  ProcessResult github = kube_harden("lint -f github --show-suppressed " + file.string());
  EXPECT_EQ(github.out.find("::error "), std::string::npos) << "suppressed: no annotation";
}

// The real-world corpus in ../shared: every document is read and accounted for.
TEST(Corpus, EveryDocumentIsAccountedFor) {
  fs::path corpus = fs::path(kSource) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus / "MANIFEST.tsv")) {
    GTEST_SKIP() << "../shared/corpus not present (it is beside the repository in CI); skipping";
  }
  std::ifstream manifest(corpus / "MANIFEST.tsv");
  std::string line;
  std::getline(manifest, line);  // header
  size_t files = 0, documents = 0;
  while (std::getline(manifest, line)) {
    std::istringstream fields(line);
    std::string field;
    std::vector<std::string> columns;
    while (std::getline(fields, field, '\t')) columns.push_back(field);
    ++files;
    documents += std::stoul(columns.at(7));
  }
  ProcessResult run = kube_harden("lint -f json --fail-on never " + corpus.string());
  ASSERT_EQ(run.exit_code, 0) << run.err.substr(0, 2000);
  nlohmann::json report = nlohmann::json::parse(run.out);
  const auto& summary = report["summary"];
  EXPECT_EQ(summary["files"], files);
  EXPECT_EQ(summary["documents"], documents);
  EXPECT_TRUE(report["errors"].empty());
  EXPECT_GT(summary["objects"].get<size_t>(), 0u);
  EXPECT_GE(summary["objects"].get<size_t>() + summary["skipped"].get<size_t>(), documents);
  EXPECT_FALSE(report["findings"].empty());
}

}  // namespace
