// Checks the Pod Security Standards rules against the official Pod Security
// Admission fixtures in ../shared/conformance/psa: every fail/ case must give a
// PSS finding at its level and policy version, every pass/ case none.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

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
    auto& [passed, total] = by_check[fixture.check];
    ++total;
    if (ok) {
      ++passed;
    } else {
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
