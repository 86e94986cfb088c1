// Runs every fixture under testdata/rules, testdata/pss and testdata/examples. A fixture
// states its expectations on the lines they concern: a trailing
// `# expect: rule-a, rule-b` comment means one finding of each rule on that line
// (an id listed twice means two findings), and an optional first line
// `# kube-harden-test: --pss baseline --k8s-version v1.21 --disable rule-a,rule-b`
// sets the options (--config FILE, relative to the fixture, and --only,
// --enable and --disable as on the command line).
// The test compares the exact multiset of (rule, line) over all rules, so a
// fixture must be clean except for what it is about. Suppressed findings are
// not expected: they are not reported.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <compare>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kube_harden/config.h"
#include "kube_harden/lint.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/rule_selection_flags.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHeaderMarker = "# kube-harden-test:";
constexpr std::string_view kExpectMarker = "# expect:";

struct Expectation {
  std::string rule_id;
  uint32_t line = 0;
  std::string file;  // the fixture's name; set when several files are linted together

  friend auto operator<=>(const Expectation&, const Expectation&) = default;
};

struct Fixture {
  std::string name;  // relative to the source directory, as findings name it
  fs::path path;
  std::vector<std::string> lines;
  RuleOptions options;
  RuleSelection selection;
  SuppressionSettings suppressions;
  std::vector<Expectation> expectations;
  std::vector<std::string> problems;  // malformed header or expect comments

  bool expects(std::string_view rule_id) const {
    return std::any_of(expectations.begin(), expectations.end(),
                       [&](const Expectation& e) { return e.rule_id == rule_id; });
  }
};

const fs::path& source_dir() {
  static const fs::path dir = KH_SOURCE_DIR;
  return dir;
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_yaml(const fs::path& path) {
  return path.extension() == ".yaml" || path.extension() == ".yml";
}

// Cross-object cases: each directory under testdata/multi is linted as one
// run of all its files, which keep their own expectations.
constexpr std::string_view kMultiRoot = "testdata/multi";

std::vector<std::string> multi_file_cases() {
  std::vector<std::string> cases;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(source_dir() / kMultiRoot, error)) {
    if (entry.is_directory()) {
      cases.push_back(entry.path().lexically_relative(source_dir()).generic_string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

// Every fixture file, as paths relative to the source directory, sorted.
std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const char* root :
       {"testdata/rules", "testdata/pss", "testdata/examples", "testdata/multi"}) {
    std::error_code error;
    fs::recursive_directory_iterator it(source_dir() / root, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      // Dotfiles, such as a .kube-harden.yaml a header names, are not fixtures.
      bool hidden = it->path().filename().string().starts_with(".");
      if (it->is_regular_file() && is_yaml(it->path()) && !hidden) {
        names.push_back(it->path().lexically_relative(source_dir()).generic_string());
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

void parse_header(std::string_view options_text, Fixture& fixture) {
  std::istringstream words{std::string(options_text)};
  std::string option;
  RuleSelectionFlags selection_flags;
  while (words >> option) {
    std::string value;
    if (!(words >> value)) {
      fixture.problems.push_back("header: " + option + " needs a value");
      return;
    }
    // Like the command-line flags, the header wins over Namespace labels.
    if (option == "--pss") {
      if (std::optional<PssLevel> level = parse_pss_level(value)) {
        fixture.options.pss_level = *level;
        fixture.options.pss_level_from_flag = true;
      } else {
        fixture.problems.push_back("header: unknown --pss level '" + value + "'");
      }
    } else if (option == "--k8s-version") {
      if (std::optional<K8sVersion> version = K8sVersion::parse(value)) {
        fixture.options.k8s_version = *version;
        fixture.options.k8s_version_from_flag = true;
      } else {
        fixture.problems.push_back("header: invalid --k8s-version '" + value + "'");
      }
    } else if (option == "--config") {
      // Relative to the fixture; the config's selection comes first, as on the command line.
      ConfigLoadResult loaded =
          load_config_file(fixture.path.parent_path() / value, RuleCatalog::builtin());
      for (const ConfigError& error : loaded.errors) {
        fixture.problems.push_back("header: " + value + ":" +
                                   std::to_string(error.position.line) + ": " + error.message);
      }
      fixture.selection = loaded.config.selection;
      fixture.options.parameters = loaded.config.parameters;
      fixture.suppressions.exemptions = loaded.config.exemptions;
      fixture.suppressions.unsuppressible = loaded.config.unsuppressible;
      fixture.suppressions.config_file = value;
    } else if (option == "--only") {
      selection_flags.only.push_back(value);
    } else if (option == "--enable") {
      selection_flags.enable.push_back(value);
    } else if (option == "--disable") {
      selection_flags.disable.push_back(value);
    } else {
      fixture.problems.push_back("header: unknown option '" + option +
                                 "' (--pss, --k8s-version, --config, --only, --enable, --disable)");
    }
  }
  std::string error =
      apply_rule_selection_flags(selection_flags, RuleCatalog::builtin(), fixture.selection);
  if (!error.empty()) fixture.problems.push_back("header: " + error);
}

void parse_expectations(std::string_view list, uint32_t line, Fixture& fixture) {
  while (true) {
    size_t comma = list.find(',');
    std::string_view id = trim(list.substr(0, comma));
    if (id.empty() || id.find_first_of(" \t#") != std::string_view::npos) {
      fixture.problems.push_back("line " + std::to_string(line) + ": malformed expect list");
    } else {
      fixture.expectations.push_back(Expectation{std::string(id), line});
    }
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

Fixture load_fixture(const std::string& name) {
  Fixture fixture;
  fixture.name = name;
  fixture.path = source_dir() / name;
  std::ifstream in(fixture.path);
  if (!in) {
    fixture.problems.push_back("cannot read the file");
    return fixture;
  }
  for (std::string line; std::getline(in, line);) fixture.lines.push_back(line);
  for (size_t i = 0; i < fixture.lines.size(); ++i) {
    std::string_view text = fixture.lines[i];
    uint32_t line_number = static_cast<uint32_t>(i + 1);
    if (text.starts_with(kHeaderMarker)) {
      if (line_number == 1) {
        parse_header(text.substr(kHeaderMarker.size()), fixture);
      } else {
        fixture.problems.push_back("line " + std::to_string(line_number) +
                                   ": the kube-harden-test header must be the first line");
      }
    }
    size_t marker = text.find(kExpectMarker);
    if (marker != std::string_view::npos) {
      parse_expectations(text.substr(marker + kExpectMarker.size()), line_number, fixture);
    }
  }
  std::sort(fixture.expectations.begin(), fixture.expectations.end());
  return fixture;
}

const std::vector<Fixture>& all_fixtures() {
  static const std::vector<Fixture> fixtures = [] {
    std::vector<Fixture> loaded;
    for (const std::string& name : fixture_names()) loaded.push_back(load_fixture(name));
    return loaded;
  }();
  return fixtures;
}

std::string describe_options(const RuleOptions& options) {
  return "--pss " + std::string(to_string(options.pss_level)) + " --k8s-version " +
         options.k8s_version.to_string();
}

std::string source_line(const Fixture& fixture, uint32_t line) {
  if (line == 0 || line > fixture.lines.size()) return "";
  return "    | " + std::string(trim(fixture.lines[line - 1]));
}

// "rules/privileged-container/fail-list.yaml" -> "rules_privileged_container_fail_list"
std::string test_name(std::string name) {
  name.erase(0, std::string_view("testdata/").size());
  if (name.ends_with(".yaml")) name.resize(name.size() - 5);
  if (name.empty()) name = "_";
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class FixtureTest : public ::testing::TestWithParam<std::string> {};

// Compares what linting `fixtures` together gives with their expectations;
// returns the differences, empty when they agree.
std::string compare(const std::vector<Fixture>& fixtures, const LintResult& result) {
  std::ostringstream diff;
  for (const InputError& error : result.errors) {
    diff << "  error:      " << error.file << ":" << error.position.line << ":"
         << error.position.column << ": " << error.message << "\n";
  }
  if (result.summary.objects == 0) diff << "  no Kubernetes object was analysed\n";

  std::map<std::string, const Fixture*> by_name;
  std::map<Expectation, int> remaining;
  for (const Fixture& fixture : fixtures) {
    by_name[fixture.name] = &fixture;
    for (Expectation expectation : fixture.expectations) {
      expectation.file = fixture.name;
      ++remaining[expectation];
    }
  }
  for (const Finding& finding : result.findings) {
    // Suppressed findings are not reported; a suppression that fails to apply
    // shows up here as an unexpected finding.
    if (finding.suppressed) continue;
    auto it = remaining.find(Expectation{finding.rule_id, finding.position.line, finding.file});
    if (it != remaining.end() && it->second > 0) {
      --it->second;
      continue;
    }
    diff << "  unexpected: " << finding.rule_id << "@" << finding.position.line << ":"
         << finding.position.column;
    if (fixtures.size() > 1) diff << " in " << finding.file;
    if (!finding.container.empty()) diff << " (container \"" << finding.container << "\")";
    diff << " " << finding.path << ": " << finding.message << "\n"
         << source_line(*by_name.at(finding.file), finding.position.line) << "\n";
  }
  for (const auto& [expectation, count] : remaining) {
    for (int i = 0; i < count; ++i) {
      diff << "  missing:    " << expectation.rule_id << "@" << expectation.line;
      if (fixtures.size() > 1) diff << " in " << expectation.file;
      diff << "\n" << source_line(*by_name.at(expectation.file), expectation.line) << "\n";
    }
  }
  return diff.str();
}

std::vector<LintInput> inputs_of(const std::vector<Fixture>& fixtures) {
  std::vector<LintInput> inputs;
  for (const Fixture& fixture : fixtures) {
    inputs.push_back(LintInput{fixture.name, fixture.path.string()});
  }
  return inputs;
}

TEST_P(FixtureTest, FindingsMatchExpectComments) {
  std::vector<Fixture> fixtures;
  if (fs::is_directory(source_dir() / GetParam())) {
    for (const auto& entry : fs::directory_iterator(source_dir() / GetParam())) {
      if (is_yaml(entry.path())) {
        fixtures.push_back(
            load_fixture(entry.path().lexically_relative(source_dir()).generic_string()));
      }
    }
    std::sort(fixtures.begin(), fixtures.end(),
              [](const Fixture& a, const Fixture& b) { return a.name < b.name; });
    ASSERT_GE(fixtures.size(), 2u) << GetParam() << ": a multi-file case needs several files";
  } else {
    fixtures.push_back(load_fixture(GetParam()));
  }
  for (const Fixture& fixture : fixtures) {
    for (const std::string& problem : fixture.problems) {
      ADD_FAILURE() << fixture.name << ": " << problem;
    }
  }

  LintOptions options;
  options.rules = fixtures.front().options;
  options.selection = fixtures.front().selection;
  options.suppressions = fixtures.front().suppressions;
  std::vector<LintInput> inputs = inputs_of(fixtures);
  std::string diff = compare(fixtures, lint(inputs, options));
  if (!diff.empty()) {
    ADD_FAILURE() << GetParam() << " (" << describe_options(options.rules) << "):\n" << diff;
  }
  if (fixtures.size() > 1) {
    // Cross-object results must not depend on the order of files or on --jobs.
    std::reverse(inputs.begin(), inputs.end());
    options.jobs = 2;
    EXPECT_EQ(compare(fixtures, lint(inputs, options)), diff) << "file order or jobs changed "
                                                                 "the findings";
  }
}

std::vector<std::string> all_cases() {
  std::vector<std::string> cases = fixture_names();
  // Files of multi-file cases run as part of their directory, not alone.
  std::erase_if(cases, [](const std::string& name) { return name.starts_with(kMultiRoot); });
  std::vector<std::string> multi = multi_file_cases();
  cases.insert(cases.end(), multi.begin(), multi.end());
  return cases;
}

INSTANTIATE_TEST_SUITE_P(Testdata, FixtureTest, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return test_name(info.param);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureTest);

TEST(FixtureCoverage, EveryRuleHasAFailingAndAPassingFixture) {
  ASSERT_FALSE(all_fixtures().empty()) << "no fixtures under testdata/";
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) {
    fs::path dir = fs::path("testdata/rules") / rule.id;
    if (!fs::is_directory(source_dir() / dir)) {
      ADD_FAILURE() << rule.id << ": no fixture directory " << dir.generic_string() << "/";
      continue;
    }
    bool has_fail = false;
    bool has_pass = false;
    for (const Fixture& fixture : all_fixtures()) {
      fs::path relative = fixture.name;
      if (relative.parent_path() != dir) continue;
      std::string file = relative.filename().string();
      has_fail = has_fail || (file.starts_with("fail-") && fixture.expects(rule.id));
      has_pass = has_pass || (file.starts_with("pass-") && !fixture.expects(rule.id));
    }
    EXPECT_TRUE(has_fail) << rule.id << ": no fail-*.yaml in " << dir.generic_string()
                          << "/ that expects it";
    EXPECT_TRUE(has_pass) << rule.id << ": no pass-*.yaml in " << dir.generic_string()
                          << "/ that does not expect it";
  }
}

// A fail- file in testdata/rules/<id>/ expects <id>, a pass- file does not, and
// nothing else lives there: the file name says what the fixture shows.
TEST(FixtureCoverage, RuleFixturesAreNamedForWhatTheyShow) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  for (const Fixture& fixture : all_fixtures()) {
    fs::path relative = fixture.name;
    if (relative.parent_path().parent_path() != "testdata/rules") {
      if (fixture.name.starts_with("testdata/rules/")) {
        ADD_FAILURE() << fixture.name << ": rule fixtures live in testdata/rules/<rule-id>/";
      }
      continue;
    }
    std::string rule_id = relative.parent_path().filename().string();
    std::string file = relative.filename().string();
    if (!catalog.find(rule_id)) {
      ADD_FAILURE() << fixture.name << ": '" << rule_id << "' is not a rule id";
    } else if (!fixture.selection.runs(rule_id)) {
      ADD_FAILURE() << fixture.name << ": a fixture of " << rule_id << " must not turn it off";
    } else if (file.starts_with("fail-")) {
      EXPECT_TRUE(fixture.expects(rule_id))
          << fixture.name << ": a fail- fixture must expect " << rule_id;
    } else if (file.starts_with("pass-")) {
      EXPECT_FALSE(fixture.expects(rule_id))
          << fixture.name << ": a pass- fixture must not expect " << rule_id;
    } else {
      ADD_FAILURE() << fixture.name << ": name it fail-<what>.yaml or pass-<what>.yaml";
    }
  }
}

TEST(FixtureCoverage, EveryExpectedRuleIsInTheCatalogue) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  for (const Fixture& fixture : all_fixtures()) {
    for (const Expectation& expectation : fixture.expectations) {
      if (!catalog.find(expectation.rule_id)) {
        ADD_FAILURE() << fixture.name << ":" << expectation.line << ": unknown rule id '"
                      << expectation.rule_id << "'";
      }
    }
  }
}

}  // namespace
}  // namespace kube_harden
