// Checks the Pod Security Standards rules against the official Pod Security
// Admission fixtures in ../shared/conformance/psa: every fail/ case must give a
// PSS finding at its level and policy version, every pass/ case none. Each pod
// is also wrapped into a Deployment and a CronJob, which must give the same
// findings at the corresponding lines and columns.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "kube_harden/lint.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  PssLevel level;
  K8sVersion version;
  bool expect_fail;
  std::string check;
  fs::path path;
};

fs::path conformance_dir() {
  return fs::path(KH_SOURCE_DIR) / ".." / "shared" / "conformance" / "psa";
}

std::vector<Fixture> read_index(const fs::path& dir) {
  std::vector<Fixture> fixtures;
  std::ifstream index(dir / "INDEX.tsv");
  std::string line;
  std::getline(index, line);  // header: level version expect check_id path
  while (std::getline(index, line)) {
    std::istringstream fields(line);
    std::string level, version, expect, check, path;
    std::getline(fields, level, '\t');
    std::getline(fields, version, '\t');
    std::getline(fields, expect, '\t');
    std::getline(fields, check, '\t');
    std::getline(fields, path, '\t');
    fixtures.push_back(Fixture{*parse_pss_level(level), *K8sVersion::parse(version),
                               expect == "fail", check, dir / path});
  }
  return fixtures;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A fixture's pod re-indented into a workload's pod template. `line_map`
// sends each 1-based line of the Pod to its line in the wrapper (0: dropped).
struct Wrapped {
  std::string text;
  std::vector<uint32_t> line_map;
  uint32_t indent = 0;
};

Wrapped wrap_pod(const std::string& pod, std::string_view header, uint32_t indent) {
  Wrapped wrapped{std::string(header), {0}, indent};
  uint32_t line_number = static_cast<uint32_t>(std::count(header.begin(), header.end(), '\n'));
  std::istringstream lines(pod);
  for (std::string line; std::getline(lines, line);) {
    // A pod template has no apiVersion or kind of its own.
    if (line.starts_with("apiVersion:") || line.starts_with("kind:")) {
      wrapped.line_map.push_back(0);
      continue;
    }
    wrapped.text += std::string(indent, ' ') + line + "\n";
    wrapped.line_map.push_back(++line_number);
  }
  return wrapped;
}

constexpr std::string_view kDeploymentHeader =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wrapped\nspec:\n"
    "  selector:\n    matchLabels:\n      app: wrapped\n  template:\n";
constexpr std::string_view kCronJobHeader =
    "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: wrapped\nspec:\n"
    "  schedule: \"@daily\"\n  jobTemplate:\n    spec:\n      template:\n";

using Placed = std::multiset<std::tuple<std::string, uint32_t, uint32_t>>;  // rule, line, column

Placed pss_findings(const LintResult& result) {
  Placed placed;
  for (const Finding& finding : result.findings) {
    if (finding.pss)
      placed.emplace(finding.rule_id, finding.position.line, finding.position.column);
  }
  return placed;
}

// The same PSS findings as the bare Pod gave, at the wrapped lines and columns.
std::string compare_wrapped(const Fixture& fixture, const LintOptions& options,
                            const Placed& expected_on_pod, const Wrapped& wrapped,
                            std::string_view kind) {
  LintInput input{fixture.path.string() + " as " + std::string(kind), "", true, wrapped.text};
  LintResult result = lint({input}, options);
  if (!result.errors.empty()) return std::string(kind) + ": " + result.errors[0].message;
  Placed expected;
  for (const auto& [rule, line, column] : expected_on_pod) {
    expected.emplace(rule, wrapped.line_map.at(line), column + wrapped.indent);
  }
  return pss_findings(result) == expected ? ""
                                          : std::string(kind) + ": findings differ from the Pod's";
}

bool has_pss_finding(const LintResult& result) {
  for (const Finding& finding : result.findings) {
    if (finding.pss) return true;
  }
  return false;
}

TEST(PssConformance, MatchesPodSecurityAdmissionOnEveryOfficialFixture) {
  fs::path dir = conformance_dir();
  if (!fs::exists(dir / "INDEX.tsv")) {
    GTEST_SKIP() << "../shared/conformance/psa not present (it is beside the repository in CI)";
  }
  std::vector<Fixture> fixtures = read_index(dir);
  ASSERT_EQ(fixtures.size(), 4537u) << "the fixture set changed; check INDEX.tsv";
  std::map<std::string, std::pair<int, int>> by_check;  // check -> (passed, total)
  std::vector<std::string> mismatches;
  for (const Fixture& fixture : fixtures) {
    LintOptions options;
    options.rules.pss_level = fixture.level;
    options.rules.k8s_version = fixture.version;
    LintResult result = lint({LintInput{fixture.path.string(), fixture.path.string()}}, options);
    ASSERT_TRUE(result.errors.empty()) << fixture.path << ": " << result.errors[0].message;
    ASSERT_EQ(result.summary.objects, 1u) << fixture.path;
    bool ok = has_pss_finding(result) == fixture.expect_fail;
    std::string pod = read_text(fixture.path);
    Placed on_pod = pss_findings(result);
    for (const auto& [header, indent, kind] :
         {std::tuple{kDeploymentHeader, 4u, "Deployment"}, {kCronJobHeader, 8u, "CronJob"}}) {
      std::string problem =
          compare_wrapped(fixture, options, on_pod, wrap_pod(pod, header, indent), kind);
      if (!problem.empty()) {
        ok = false;
        mismatches.push_back(fs::relative(fixture.path, dir).string() + " wrapped in a " + problem);
      }
    }
    auto& [passed, total] = by_check[fixture.check];
    ++total;
    if (ok) {
      ++passed;
    } else if (has_pss_finding(result) != fixture.expect_fail) {
      std::string detail = fs::relative(fixture.path, dir).string() +
                           (fixture.expect_fail ? ": expected a PSS finding, got none"
                                                : ": expected no PSS finding, got");
      for (const Finding& finding : result.findings) {
        if (finding.pss)
          detail += " " + finding.rule_id + "@" + std::to_string(finding.position.line);
      }
      mismatches.push_back(detail);
    }
  }
  for (const auto& [check, counts] : by_check) {
    if (counts.first != counts.second) {
      ADD_FAILURE() << check << ": " << counts.first << "/" << counts.second << " fixtures agree";
    }
  }
  std::ostringstream shown;
  for (size_t i = 0; i < mismatches.size() && i < 40; ++i) shown << "  " << mismatches[i] << "\n";
  EXPECT_TRUE(mismatches.empty()) << mismatches.size() << " of " << fixtures.size()
                                  << " fixtures disagree with Pod Security Admission:\n"
                                  << shown.str();
}

}  // namespace
}  // namespace kube_harden
