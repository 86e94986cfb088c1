// The config reader, globs and suppression comments, below the command line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/suppression_comments.h"
#include "kube_harden/config.h"
#include "kube_harden/glob.h"
#include "scratch_dir.h"

namespace kube_harden {
namespace {

const std::filesystem::path kConfigDir = std::filesystem::path(KH_SOURCE_DIR) / "testdata/config";

TEST(ConfigFile, ReadsEveryKey) {
  ConfigLoadResult loaded = load_config_file(kConfigDir / "full.yaml", RuleCatalog::builtin());
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().message;
  const Config& config = loaded.config;
  ASSERT_TRUE(config.fail_on.has_value());
  EXPECT_EQ(*config.fail_on, Severity::Medium);
  EXPECT_EQ(config.pss_level, PssLevel::Baseline);
  EXPECT_EQ(config.k8s_version->to_string(), "v1.29");
  EXPECT_EQ(config.default_namespace, "apps");
  EXPECT_TRUE(config.selection.runs("host-namespaces"));
  EXPECT_FALSE(config.selection.runs("privileged-container"));  // disabled
  EXPECT_TRUE(config.selection.runs("capabilities-added"));     // enabled beyond `only`
  EXPECT_FALSE(config.selection.runs("seccomp-profile-missing"));  // not in `only`
  EXPECT_EQ(config.selection.severity_of("host-namespaces", Severity::High), Severity::Critical);
  EXPECT_TRUE(config.unsuppressible.contains("host-namespaces"));
  EXPECT_EQ(config.parameters.allowed_registries,
            (std::vector<std::string>{"registry.example.com", "ghcr.io/example"}));
  EXPECT_EQ(config.parameters.allowed_extra_capabilities, std::vector<std::string>{"NET_ADMIN"});
  EXPECT_EQ(config.parameters.sensitive_host_paths, std::vector<std::string>{"/srv/secrets"});
  EXPECT_EQ(config.exclude, (std::vector<std::string>{"vendor/**", "**/tests/*.yaml"}));
  ASSERT_EQ(config.exemptions.size(), 1u);
  const Exemption& exemption = config.exemptions.front();
  EXPECT_EQ(exemption.rules, std::vector<std::string>{"capabilities-added"});
  EXPECT_EQ(exemption.namespace_pattern, "kube-system");
  EXPECT_EQ(exemption.name_pattern, "cni-*");
  EXPECT_EQ(exemption.container_pattern, "install-cni");
  EXPECT_EQ(exemption.position.line, 21u);
  EXPECT_EQ(config.inline_suppressions, false);
}

TEST(ConfigFile, RejectsWhatTheSchemaRejectsWithPositions) {
  ConfigLoadResult loaded = load_config_file(kConfigDir / "invalid.yaml", RuleCatalog::builtin());
  std::vector<std::string> found;
  for (const ConfigError& error : loaded.errors) {
    found.push_back(std::to_string(error.position.line) + ":" +
                    std::to_string(error.position.column) + " " + error.message);
  }
  ASSERT_EQ(found.size(), 5u) << ::testing::PrintToString(found);
  EXPECT_TRUE(found[0].starts_with("2:9 failOn must be one of")) << found[0];
  EXPECT_TRUE(found[1].starts_with("4:12 rules.disable must be a list")) << found[1];
  EXPECT_TRUE(found[2].starts_with("6:5 an exemption needs a non-empty `reason:`")) << found[2];
  EXPECT_TRUE(found[3].starts_with("6:5 an exemption needs at least one of")) << found[3];
  EXPECT_TRUE(found[4].starts_with("7:1 unknown key \"unknownKey\"")) << found[4];
}

TEST(ConfigFile, DefaultTextIsValidAndChangesNothing) {
  ConfigLoadResult loaded = parse_config(default_config_text(), "default", RuleCatalog::builtin());
  ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().message;
  const Config& config = loaded.config;
  EXPECT_EQ(*config.fail_on, Severity::High);
  EXPECT_FALSE(config.pss_level.has_value());
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) {
    EXPECT_TRUE(config.selection.runs(rule.id)) << rule.id;
  }
  EXPECT_TRUE(config.selection.severity_overrides.empty());
  EXPECT_TRUE(config.exemptions.empty());
  EXPECT_EQ(config.inline_suppressions, true);
}

TEST(ConfigFile, DuplicateKeysAndSeveralDocumentsAreErrors) {
  ConfigLoadResult loaded =
      parse_config("failOn: low\nfailOn: high\n---\nfailOn: low\n", "c.yaml", RuleCatalog::builtin());
  ASSERT_EQ(loaded.errors.size(), 2u);
  EXPECT_EQ(loaded.errors[0].position.line, 2u);
  EXPECT_NE(loaded.errors[0].message.find("set twice"), std::string::npos);
  EXPECT_NE(loaded.errors[1].message.find("one YAML document"), std::string::npos);
}

TEST(ConfigFile, FoundInTheNearestParent) {
  std::filesystem::path root = testing_support::scratch_dir() / "config-find";
  std::filesystem::create_directories(root / "a/b");
  EXPECT_EQ(find_config_file(root / "a/b"), std::nullopt);
  std::ofstream(root / "a" / kConfigFileName) << "failOn: low\n";
  EXPECT_EQ(find_config_file(root / "a/b"), root / "a" / kConfigFileName);
}

TEST(Glob, WildcardsStayInASegmentAndDoubleStarCrossesThem) {
  EXPECT_TRUE(path_glob_match("*.yaml", "a.yaml"));
  EXPECT_FALSE(path_glob_match("*.yaml", "dir/a.yaml"));
  EXPECT_TRUE(path_glob_match("**/*.yaml", "a.yaml"));
  EXPECT_TRUE(path_glob_match("**/*.yaml", "x/y/a.yaml"));
  EXPECT_TRUE(path_glob_match("charts/**/tests/*", "charts/tests/t.yaml"));
  EXPECT_TRUE(path_glob_match("charts/**/tests/*", "charts/a/b/tests/t.yaml"));
  EXPECT_FALSE(path_glob_match("charts/**/tests/*", "charts/a/tests/x/t.yaml"));
  EXPECT_TRUE(path_glob_match("vendor/**", "vendor/a/b.yaml"));
  EXPECT_TRUE(path_glob_match("a?c.yaml", "abc.yaml"));
  EXPECT_FALSE(path_glob_match("a?c.yaml", "a/c.yaml"));
  EXPECT_TRUE(wildcard_match("cni-*", "cni-installer"));
  EXPECT_FALSE(wildcard_match("cni-*", "my-cni-installer"));
  // Linear time: this would take ages with naive backtracking.
  EXPECT_FALSE(wildcard_match("*a*a*a*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST(Glob, ExcludesAreRelativeToTheConfigDirectory) {
  std::vector<std::string> patterns = {"vendor/**"};
  EXPECT_TRUE(excluded_path(patterns, "/repo", "/repo/vendor/x.yaml"));
  EXPECT_FALSE(excluded_path(patterns, "/repo", "/repo/apps/vendor/x.yaml"));
  EXPECT_FALSE(excluded_path({}, "/repo", "/repo/vendor/x.yaml"));
}

std::vector<SuppressionComment> scan(std::string_view text) {
  return scan_suppression_comments(text);
}

TEST(SuppressionComments, TrailingAndStandaloneCommentsFindTheirLines) {
  auto comments = scan(
      "a: 1  # kube-harden:ignore rule-a, rule-b -- the reason\n"
      "# kube-harden:ignore rule-c\n"
      "\n"
      "# another comment\n"
      "b: 2\n"
      "c: \"#kube-harden:ignore not-a-comment\"\n"
      "d: 3 # kube-harden:ignored rule-d\n"
      "# kube-harden:ignore rule-e -- nothing follows\n");
  ASSERT_EQ(comments.size(), 3u);
  EXPECT_EQ(comments[0].target_line, 1u);
  EXPECT_EQ(comments[0].position.column, 7u);
  EXPECT_EQ(comments[0].rules, (std::vector<std::string>{"rule-a", "rule-b"}));
  EXPECT_EQ(comments[0].reason, "the reason");
  EXPECT_EQ(comments[1].target_line, 5u);
  EXPECT_EQ(comments[1].rules, std::vector<std::string>{"rule-c"});
  EXPECT_EQ(comments[1].reason, "");
  EXPECT_EQ(comments[2].target_line, 0u);  // matches nothing: reported as unused
}

TEST(SuppressionComments, ColumnsCountCharacters) {
  auto comments = scan("name: café  # kube-harden:ignore rule-a\n");
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].position.column, 13u);
}

}  // namespace
}  // namespace kube_harden
