// The rule catalogue: rules/*.yaml parsing, the built-in metadata, the
// renderers, and the committed docs/rules pages that come from them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "catalog/rule_doc.h"
#include "catalog/rule_headers.h"
#include "engine/rule_registry.h"
#include "kube_harden/config.h"
#include "kube_harden/lint.h"
#include "kube_harden/report.h"
#include "kube_harden/rule_metadata.h"
#include "kube_harden/severity.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStaleDocs = "docs/rules is stale: run cmake --build build --target docs";

const std::string kValidRule = R"(id: example-rule
title: Example rule title
severity: high
category: pod-security
pss:
  level: baseline
  check: privileged
description: |
  What it does.
rationale: |
  Why it is bad.

  Second paragraph.
remediation: |
  What to do.
example:
  bad: |
    privileged: true
  good: |
    privileged: false
references:
  - https://kubernetes.io/docs/concepts/security/pod-security-standards/
tags: [security, pss-baseline]
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("test text lacks: " + from);
  return text.replace(at, from.size(), to);
}

// The error parse() throws, or "" when it accepts the text.
std::string parse_error(const std::string& file_name, const std::string& text) {
  try {
    RuleCatalog::parse(file_name, text);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path docs_dir() {
  return fs::path(KH_SOURCE_DIR) / "docs" / "rules";
}

TEST(CatalogParse, AcceptsValidText) {
  RuleMetadata rule = RuleCatalog::parse("rules/example-rule.yaml", kValidRule);
  EXPECT_EQ(rule.id, "example-rule");
  EXPECT_EQ(rule.title, "Example rule title");
  EXPECT_EQ(rule.severity, Severity::High);
  EXPECT_EQ(rule.category, "pod-security");
  ASSERT_TRUE(rule.pss);
  EXPECT_EQ(rule.pss->level, PssLevel::Baseline);
  EXPECT_EQ(rule.pss->check, "privileged");
  // Block texts keep inner line breaks but lose the trailing newline.
  EXPECT_EQ(rule.description, "What it does.");
  EXPECT_EQ(rule.rationale, "Why it is bad.\n\nSecond paragraph.");
  EXPECT_EQ(rule.remediation, "What to do.");
  EXPECT_EQ(rule.example_bad, "privileged: true");
  EXPECT_EQ(rule.example_good, "privileged: false");
  EXPECT_EQ(rule.references,
            std::vector<std::string>{
                "https://kubernetes.io/docs/concepts/security/pod-security-standards/"});
  EXPECT_EQ(rule.tags, (std::vector<std::string>{"security", "pss-baseline"}));
}

TEST(CatalogParse, PssIsOptional) {
  std::string text = replaced(kValidRule, "pss:\n  level: baseline\n  check: privileged\n", "");
  RuleMetadata rule = RuleCatalog::parse("example-rule.yaml", text);
  EXPECT_FALSE(rule.pss);
}

TEST(CatalogParse, RejectsMissingTitle) {
  std::string error = parse_error("rules/example-rule.yaml",
                                  replaced(kValidRule, "title: Example rule title\n", ""));
  EXPECT_EQ(error, "rules/example-rule.yaml: missing required key \"title\"");
}

TEST(CatalogParse, RejectsBadSeverity) {
  std::string error =
      parse_error("example-rule.yaml", replaced(kValidRule, "severity: high", "severity: High"));
  EXPECT_NE(error.find("example-rule.yaml: line 3: \"severity\" must be one of critical, high, "
                       "medium, low, info, not \"High\""),
            std::string::npos)
      << error;
}

TEST(CatalogParse, RejectsIdThatDoesNotMatchTheFileName) {
  std::string error = parse_error("rules/other-rule.yaml", kValidRule);
  EXPECT_NE(error.find("rules/other-rule.yaml: line 1: id \"example-rule\" does not match the "
                       "file name (expected \"other-rule\")"),
            std::string::npos)
      << error;
}

TEST(CatalogParse, RejectsUnknownKeys) {
  std::string error =
      parse_error("example-rule.yaml", replaced(kValidRule, "tags:", "severty: low\ntags:"));
  EXPECT_NE(error.find("example-rule.yaml: line 23: unknown key \"severty\""), std::string::npos)
      << error;
  error = parse_error("example-rule.yaml", replaced(kValidRule, "  check: privileged\n",
                                                    "  check: privileged\n  id: x\n"));
  EXPECT_NE(error.find("unknown key \"pss.id\""), std::string::npos) << error;
}

TEST(CatalogParse, RejectsKeysOutOfSchemaOrder) {
  std::string text = replaced(kValidRule, "title: Example rule title\n", "");
  text = replaced(text, "tags:", "title: Example rule title\ntags:");
  std::string error = parse_error("example-rule.yaml", text);
  EXPECT_NE(error.find("example-rule.yaml: line 22: key \"title\" is out of order; the order is "
                       "id, title, severity, category, pss, description, rationale, remediation, "
                       "example, references, tags"),
            std::string::npos)
      << error;
  error = parse_error("example-rule.yaml",
                      replaced(kValidRule, "  level: baseline\n  check: privileged\n",
                               "  check: privileged\n  level: baseline\n"));
  EXPECT_NE(error.find("key \"pss.level\" is out of order"), std::string::npos) << error;
}

TEST(CatalogParse, RejectsDuplicateKeys) {
  std::string error =
      parse_error("example-rule.yaml", replaced(kValidRule, "tags:", "title: Again\ntags:"));
  EXPECT_NE(error.find("duplicate key \"title\""), std::string::npos) << error;
}

TEST(CatalogParse, RejectsMalformedValues) {
  struct Case {
    std::string from;
    std::string to;
    std::string problem;
  };
  const Case cases[] = {
      {"level: baseline", "level: privileged",
       "\"pss.level\" must be baseline or restricted, not \"privileged\""},
      {"  check: privileged\n", "", "missing required key \"pss.check\""},
      {"category: pod-security", "category: misc", "\"category\" must be one of"},
      {"title: Example rule title", "title: Example rule title.",
       "\"title\" must be one line without a trailing period"},
      {"description: |\n  What it does.\n", "description:\n",
       "\"description\" must be a non-empty"},
      {"  good: |\n    privileged: false\n", "", "missing required key \"example.good\""},
      {"references:\n  - https://kubernetes.io/docs/concepts/security/pod-security-standards/",
       "references: []", "\"references\" must list at least one URL"},
      {"https://kubernetes.io", "http://kubernetes.io", "is not an https:// URL"},
      {"tags: [security, pss-baseline]", "tags: security", "\"tags\" must be a list of strings"},
      {"id: example-rule", "id: Example_Rule", "must be lower-case words joined by hyphens"},
  };
  for (const Case& c : cases) {
    std::string error = parse_error("example-rule.yaml", replaced(kValidRule, c.from, c.to));
    EXPECT_NE(error.find(c.problem), std::string::npos) << c.to << " gave: " << error;
    EXPECT_EQ(error.rfind("example-rule.yaml: ", 0), 0u) << error;
  }
}

TEST(CatalogParse, RejectsInvalidYaml) {
  std::string error = parse_error("example-rule.yaml", "id: [unclosed\n");
  EXPECT_NE(error.find("example-rule.yaml: invalid YAML at line"), std::string::npos) << error;
  error = parse_error("example-rule.yaml", "- a list\n");
  EXPECT_NE(error.find("the document must be a mapping"), std::string::npos) << error;
}

TEST(CatalogBuiltin, IsSortedWithUniqueIds) {
  const auto& rules = RuleCatalog::builtin().rules();
  ASSERT_FALSE(rules.empty());
  for (size_t i = 1; i < rules.size(); ++i) {
    EXPECT_LT(rules[i - 1].id, rules[i].id) << "not sorted or duplicated: " << rules[i].id;
  }
}

TEST(CatalogBuiltin, EveryRuleIsComplete) {
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) {
    SCOPED_TRACE(rule.id);
    EXPECT_FALSE(rule.references.empty());
    EXPECT_FALSE(rule.example_bad.empty());
    EXPECT_FALSE(rule.example_good.empty());
    EXPECT_NE(rule.example_bad, rule.example_good);
    EXPECT_TRUE(std::find(rule.tags.begin(), rule.tags.end(), "security") != rule.tags.end());
  }
}

// The severity policy of the rules spec: baseline violations are high
// (privileged critical), restricted-only ones medium; PSS rules say so in tags.
TEST(CatalogBuiltin, PssRulesHaveLevelCheckTagAndPolicySeverity) {
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) {
    if (!rule.pss) continue;
    SCOPED_TRACE(rule.id);
    EXPECT_FALSE(rule.pss->check.empty());
    EXPECT_EQ(rule.category, "pod-security");
    std::string tag = "pss-" + std::string(to_string(rule.pss->level));
    EXPECT_TRUE(std::find(rule.tags.begin(), rule.tags.end(), tag) != rule.tags.end()) << tag;
    if (rule.pss->level == PssLevel::Restricted) {
      EXPECT_EQ(rule.severity, Severity::Medium);
    } else {
      EXPECT_GE(rule.severity, Severity::High);
    }
  }
}

TEST(CatalogBuiltin, MatchesTheRegisteredRules) {
  std::set<std::string> registered;
  for (const auto& rule : builtin_rules()) registered.insert(std::string(rule->id()));
  for (std::string_view id : kEngineRuleIds) registered.insert(std::string(id));
  std::set<std::string> documented;
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) documented.insert(rule.id);
  EXPECT_EQ(registered, documented);
}

TEST(CatalogBuiltin, FindsRulesById) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  for (const RuleMetadata& rule : catalog.rules()) EXPECT_EQ(catalog.find(rule.id), &rule);
  EXPECT_EQ(catalog.find("no-such-rule"), nullptr);
  EXPECT_EQ(catalog.find(""), nullptr);
}

TEST(CatalogBuiltin, ConstructorSortsById) {
  RuleMetadata b;
  b.id = "b-rule";
  RuleMetadata a;
  a.id = "a-rule";
  RuleCatalog catalog({b, a});
  ASSERT_EQ(catalog.rules().size(), 2u);
  EXPECT_EQ(catalog.rules()[0].id, "a-rule");
  EXPECT_EQ(catalog.find("b-rule"), &catalog.rules()[1]);
}

// An example may start with the command that shows it, e.g.
// "# kube-harden lint --k8s-version v1.21", for rules that depend on options.
// Rules with parameters show them in a first line such as
// "# kube-harden.yaml: parameters: {allowedRegistries: [registry.example.com]}".
LintOptions example_options(const std::string& text) {
  LintOptions options;
  constexpr std::string_view kConfig = "# kube-harden.yaml: ";
  if (text.starts_with(kConfig)) {
    ConfigLoadResult config = parse_config(
        text.substr(kConfig.size(), text.find('\n') - kConfig.size()), "example",
        RuleCatalog::builtin());
    EXPECT_TRUE(config.errors.empty()) << text;
    options.rules.parameters = config.config.parameters;
    return options;
  }
  constexpr std::string_view kCommand = "# kube-harden lint ";
  if (!text.starts_with(kCommand)) return options;
  std::istringstream words(text.substr(kCommand.size(), text.find('\n') - kCommand.size()));
  for (std::string flag, value; words >> flag >> value;) {
    if (flag == "--k8s-version") options.rules.k8s_version = *K8sVersion::parse(value);
    if (flag == "--pss") options.rules.pss_level = *parse_pss_level(value);
  }
  return options;
}

LintResult lint_text(const std::string& text) {
  LintInput input;
  input.display_name = "example.yaml";
  input.has_text = true;
  input.text = text;
  return lint({input}, example_options(text));
}

bool reports(const LintResult& result, const std::string& rule_id) {
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [&](const Finding& finding) { return finding.rule_id == rule_id; });
}

// The documentation shows what the rule does: at the default options, its bad
// example triggers it and its good example does not.
TEST(CatalogExamples, BadTriggersTheRuleAndGoodDoesNot) {
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) {
    SCOPED_TRACE(rule.id);
    LintResult bad = lint_text(rule.example_bad);
    EXPECT_TRUE(bad.errors.empty());
    EXPECT_TRUE(reports(bad, rule.id)) << "bad example does not trigger the rule";
    LintResult good = lint_text(rule.example_good);
    EXPECT_TRUE(good.errors.empty());
    EXPECT_FALSE(reports(good, rule.id)) << "good example triggers the rule";
  }
}

RuleMetadata sample_rule() {
  return RuleCatalog::parse("example-rule.yaml", kValidRule);
}

TEST(CatalogRender, TextHasEverySectionInOrder) {
  std::string text = render_rule_text(sample_rule());
  EXPECT_EQ(text,
            "example-rule: Example rule title\n"
            "\n"
            "Severity: high\n"
            "Pod Security Standard: baseline, check \"privileged\"\n"
            "\n"
            "What it does\n"
            "  What it does.\n"
            "\n"
            "Why is this bad?\n"
            "  Why it is bad.\n"
            "\n"
            "  Second paragraph.\n"
            "\n"
            "Example\n"
            "  Bad:\n"
            "    privileged: true\n"
            "  Good:\n"
            "    privileged: false\n"
            "\n"
            "Use instead\n"
            "  What to do.\n"
            "\n"
            "References\n"
            "  - https://kubernetes.io/docs/concepts/security/pod-security-standards/\n");
}

TEST(CatalogRender, MarkdownHasEverySectionInOrder) {
  std::string markdown = render_rule_markdown(sample_rule());
  EXPECT_EQ(markdown,
            "# example-rule\n"
            "\n"
            "Example rule title\n"
            "\n"
            "| Severity | Pod Security Standard | Category |\n"
            "|---|---|---|\n"
            "| high | baseline, check `privileged` | pod-security |\n"
            "\n"
            "## What it does\n"
            "\n"
            "What it does.\n"
            "\n"
            "## Why is this bad?\n"
            "\n"
            "Why it is bad.\n"
            "\n"
            "Second paragraph.\n"
            "\n"
            "## Example\n"
            "\n"
            "Flagged:\n"
            "\n"
            "```yaml\n"
            "privileged: true\n"
            "```\n"
            "\n"
            "Fixed:\n"
            "\n"
            "```yaml\n"
            "privileged: false\n"
            "```\n"
            "\n"
            "## Use instead\n"
            "\n"
            "What to do.\n"
            "\n"
            "## References\n"
            "\n"
            "- <https://kubernetes.io/docs/concepts/security/pod-security-standards/>\n");
}

TEST(CatalogRender, OutputEndsWithOneNewlineWhateverTheFields) {
  RuleMetadata rule = sample_rule();
  rule.pss.reset();
  rule.example_good += "\n\n";
  rule.references.clear();
  for (const std::string& out : {render_rule_text(rule), render_rule_markdown(rule)}) {
    ASSERT_GE(out.size(), 2u);
    EXPECT_EQ(out.back(), '\n');
    EXPECT_NE(out[out.size() - 2], '\n') << out;
    EXPECT_EQ(out.find("Pod Security Standard: "), std::string::npos);
    EXPECT_EQ(out.find("privileged: false\n\n\n"), std::string::npos) << out;
  }
  EXPECT_NE(render_rule_markdown(rule).find("| high | none | pod-security |"), std::string::npos);
}

TEST(CatalogDocs, RulePagesAreUpToDate) {
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) {
    fs::path page = docs_dir() / (rule.id + ".md");
    ASSERT_TRUE(fs::exists(page)) << page << " is missing; " << kStaleDocs;
    EXPECT_EQ(read_file(page), render_rule_markdown(rule)) << page << ": " << kStaleDocs;
  }
}

TEST(CatalogDocs, IndexIsUpToDate) {
  fs::path index = docs_dir() / "README.md";
  ASSERT_TRUE(fs::exists(index)) << index << " is missing; " << kStaleDocs;
  EXPECT_EQ(read_file(index), render_rule_index_markdown(RuleCatalog::builtin()))
      << index << ": " << kStaleDocs;
}

TEST(CatalogDocs, NoPagesForRemovedRules) {
  const RuleCatalog& catalog = RuleCatalog::builtin();
  for (const fs::directory_entry& entry : fs::directory_iterator(docs_dir())) {
    const fs::path& path = entry.path();
    if (path.extension() != ".md" || path.filename() == "README.md") continue;
    EXPECT_NE(catalog.find(path.stem().string()), nullptr) << path << ": " << kStaleDocs;
  }
}

TEST(CatalogDocs, IndexLinksEveryRule) {
  std::string index = render_rule_index_markdown(RuleCatalog::builtin());
  for (const RuleMetadata& rule : RuleCatalog::builtin().rules()) {
    EXPECT_NE(index.find("| [" + rule.id + "](" + rule.id + ".md) | " + rule.title + " | "),
              std::string::npos)
        << rule.id;
  }
}

TEST(CatalogSeverity, NamesRoundTrip) {
  const Severity all[] = {Severity::Info, Severity::Low, Severity::Medium, Severity::High,
                          Severity::Critical};
  const char* names[] = {"info", "low", "medium", "high", "critical"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(to_string(all[i]), names[i]);
    EXPECT_EQ(parse_severity(names[i]), all[i]);
  }
  EXPECT_EQ(parse_severity("High"), std::nullopt);
  EXPECT_EQ(parse_severity("CRITICAL"), std::nullopt);
  EXPECT_EQ(parse_severity(""), std::nullopt);
  EXPECT_EQ(parse_severity("never"), std::nullopt);
  EXPECT_LT(Severity::Info, Severity::Critical);
}

TEST(CatalogSeverity, PssLevelNamesRoundTrip) {
  EXPECT_EQ(to_string(PssLevel::Baseline), "baseline");
  EXPECT_EQ(to_string(PssLevel::Restricted), "restricted");
  EXPECT_EQ(parse_pss_level("baseline"), PssLevel::Baseline);
  EXPECT_EQ(parse_pss_level("restricted"), PssLevel::Restricted);
  EXPECT_EQ(parse_pss_level("Restricted"), std::nullopt);
  EXPECT_EQ(parse_pss_level("privileged"), std::nullopt);
}

}  // namespace
}  // namespace kube_harden

namespace kube_harden {
namespace {

// Linting reads the cheap header catalogue; it must say what the full one says.
TEST(CatalogHeaders, AgreeWithTheFullCatalogue) {
  const RuleCatalog& full = RuleCatalog::builtin();
  const RuleCatalog& headers = builtin_rule_headers();
  ASSERT_EQ(headers.rules().size(), full.rules().size());
  for (size_t i = 0; i < full.rules().size(); ++i) {
    const RuleMetadata& a = full.rules()[i];
    const RuleMetadata& b = headers.rules()[i];
    SCOPED_TRACE(a.id);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.severity, b.severity);
    EXPECT_EQ(a.category, b.category);
    EXPECT_EQ(a.pss.has_value(), b.pss.has_value());
    if (a.pss && b.pss) {
      EXPECT_EQ(a.pss->level, b.pss->level);
      EXPECT_EQ(a.pss->check, b.pss->check);
    }
  }
}

}  // namespace
}  // namespace kube_harden
