// Hostile and broken inputs: each is either linted or reported at
// file:line:col, never a crash or a hang, and the other inputs still count.
// testdata/hostile/EXPECTED.tsv says what each committed file must give;
// inputs that cannot be committed (FIFOs, link loops) are made here.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "kube_harden/lint.h"
#include "scratch_dir.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

const fs::path kHostile = fs::path(KH_SOURCE_DIR) / "testdata" / "hostile";

struct Expectation {
  std::string file;
  bool error = false;
  std::string position;  // "line:column" or "-"
  std::string detail;
};

std::vector<Expectation> read_expectations() {
  std::vector<Expectation> expectations;
  std::ifstream tsv(kHostile / "EXPECTED.tsv");
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Expectation e;
    std::string outcome;
    std::getline(fields, e.file, '\t');
    std::getline(fields, outcome, '\t');
    std::getline(fields, e.position, '\t');
    std::getline(fields, e.detail, '\t');
    e.error = outcome == "error";
    expectations.push_back(e);
  }
  return expectations;
}

std::string where(Position position) {
  return std::to_string(position.line) + ":" + std::to_string(position.column);
}

TEST(HostileInput, EveryCommittedCaseGivesItsExpectedOutcome) {
  std::vector<Expectation> expectations = read_expectations();
  ASSERT_GE(expectations.size(), 15u);
  size_t files_on_disk = 0;
  for (const auto& entry : fs::directory_iterator(kHostile)) {
    files_on_disk += entry.path().extension() == ".yaml";
  }
  EXPECT_EQ(files_on_disk, expectations.size()) << "every hostile file needs a line in EXPECTED.tsv";
  for (const Expectation& e : expectations) {
    SCOPED_TRACE(e.file);
    fs::path path = kHostile / e.file;
    LintResult result = lint({LintInput{e.file, path.string()}}, LintOptions{});
    EXPECT_EQ(result.summary.files, 1u);
    if (e.error) {
      ASSERT_EQ(result.errors.size(), 1u);
      EXPECT_EQ(where(result.errors[0].position), e.position);
      EXPECT_NE(result.errors[0].message.find(e.detail), std::string::npos)
          << result.errors[0].message;
    } else {
      EXPECT_TRUE(result.errors.empty()) << result.errors[0].message;
      EXPECT_EQ(result.summary.documents, std::stoul(e.detail));
      if (e.position != "-") {
        ASSERT_FALSE(result.findings.empty());
        EXPECT_EQ(result.findings.front().rule_id, "privileged-container");
        EXPECT_EQ(where(result.findings.front().position), e.position);
      }
    }
  }
}

TEST(HostileInput, OtherInputsAreStillLintedAfterABadOne) {
  LintInput bad{"nul-byte.yaml", (kHostile / "nul-byte.yaml").string()};
  LintInput good{"bom-crlf.yaml", (kHostile / "bom-crlf.yaml").string()};
  LintResult result = lint({bad, good}, LintOptions{});
  EXPECT_EQ(result.errors.size(), 1u);
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].file, "bom-crlf.yaml");
}

// A bundle with one broken document: the documents around it are still
// linted, and the broken one is reported where its error is.
TEST(HostileInput, ABrokenDocumentCostsOnlyItself) {
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: NAME}\nspec:\n  containers:\n"
      "  - name: c\n    image: nginx\n    securityContext: {privileged: true}\n";
  auto named = [&](const std::string& name) {
    return std::regex_replace(pod, std::regex("NAME"), name);
  };
  LintInput input{"bundle.yaml", ""};
  input.has_text = true;
  input.text = named("before") + "---\nkind: Pod\nspec: [\n---\n" + named("after");
  LintResult result = lint({input}, LintOptions{});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(where(result.errors[0].position), "11:7");  // the unclosed '['
  EXPECT_EQ(result.summary.documents, 2u);
  std::vector<std::string> privileged;
  for (const Finding& finding : result.findings) {
    if (finding.rule_id == "privileged-container") {
      privileged.push_back(finding.object.name + "@" + std::to_string(finding.position.line));
    }
  }
  EXPECT_EQ(privileged, (std::vector<std::string>{"before@8", "after@20"}));
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = testing_support::scratch_dir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(HostileInput, FifosAreSkippedNotRead) {
  fs::path dir = fresh_dir("fifo");
  fs::path fifo = dir / "pipe.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::vector<InputError> errors;
  // Given explicitly: reported. Inside a directory: silently not a manifest file.
  std::vector<LintInput> inputs = collect_inputs({fifo.string(), dir.string()}, errors);
  EXPECT_TRUE(inputs.empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("not a regular file"), std::string::npos);
}

TEST(HostileInput, SymlinkLoopsDoNotTrapTheWalk) {
  fs::path dir = fresh_dir("loop");
  fs::create_directory_symlink(dir, dir / "again");
  fs::create_directory_symlink(dir / "missing", dir / "dangling");
  std::ofstream(dir / "pod.yaml") << "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n";
  std::vector<InputError> errors;
  std::vector<LintInput> inputs = collect_inputs({dir.string()}, errors);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(fs::path(inputs[0].path).filename(), "pod.yaml");
}

TEST(HostileInput, SizeAndDocumentLimitsAreErrorsAtTheirPlace) {
  LintOptions options;
  options.max_file_bytes = 1024;
  std::string big(4096, '#');
  LintResult too_big = lint({LintInput{"big.yaml", "", true, big}}, options);
  ASSERT_EQ(too_big.errors.size(), 0u) << "text given directly is not re-read";

  fs::path file = fresh_dir("size") / "big.yaml";
  std::ofstream(file) << big;
  LintResult from_disk = lint({LintInput{"big.yaml", file.string()}}, options);
  ASSERT_EQ(from_disk.errors.size(), 1u);
  EXPECT_NE(from_disk.errors[0].message.find("--max-file-size"), std::string::npos);

  options.yaml_limits.max_documents = 3;
  std::string many;
  for (int i = 0; i < 5; ++i) many += "---\na: " + std::to_string(i) + "\n";
  LintResult too_many = lint({LintInput{"many.yaml", "", true, many}}, options);
  ASSERT_EQ(too_many.errors.size(), 1u);
  EXPECT_EQ(too_many.errors[0].position.line, 7u);
  EXPECT_EQ(too_many.summary.documents, 3u);
}

}  // namespace
}  // namespace kube_harden
