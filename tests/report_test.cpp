#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kube_harden/finding.h"
#include "kube_harden/lint.h"
#include "kube_harden/report.h"
#include "kube_harden/rule_metadata.h"

namespace kube_harden {
namespace {

using Json = nlohmann::ordered_json;

const std::filesystem::path kGoldenDir = std::filesystem::path(KH_SOURCE_DIR) / "testdata/golden";
constexpr std::string_view kCwdPlaceholder = "file:///CURRENT_DIRECTORY/";

RuleMetadata make_rule(std::string id, std::string title, Severity severity,
                       std::optional<PssControl> pss) {
  RuleMetadata rule;
  rule.id = std::move(id);
  rule.title = std::move(title);
  rule.severity = severity;
  rule.category = "pod-security";
  rule.pss = std::move(pss);
  rule.description = "Flags " + rule.title + ".";
  rule.rationale = "It widens what a compromised container can reach.";
  rule.remediation = "Remove the setting.";
  rule.example_bad = "hostNetwork: true\n";
  rule.example_good = "hostNetwork: false\n";
  rule.references = {"https://kubernetes.io/docs/concepts/security/pod-security-standards/"};
  rule.tags = {"pss", "kubernetes"};
  return rule;
}

RuleCatalog test_catalog() {
  std::vector<RuleMetadata> rules;
  rules.push_back(make_rule("host-namespaces", "Pod shares a host namespace", Severity::High,
                            PssControl{PssLevel::Baseline, "hostNamespaces"}));
  rules.push_back(make_rule("privileged-container", "Container runs privileged", Severity::Critical,
                            PssControl{PssLevel::Baseline, "privileged"}));
  rules.push_back(make_rule("psp-allows-privileged", "PodSecurityPolicy allows privileged pods",
                            Severity::High, std::nullopt));
  rules.push_back(make_rule("seccomp-profile-missing", "No seccomp profile", Severity::Medium,
                            PssControl{PssLevel::Restricted, "seccompProfile_restricted"}));
  rules.push_back(make_rule("service-account-token-mounted", "Service account token is mounted",
                            Severity::Info, std::nullopt));
  return RuleCatalog(std::move(rules));
}

Finding make_finding(std::string rule_id, Severity severity, std::string message, std::string file,
                     Position position, ObjectRef object, std::string container, std::string path,
                     std::optional<PssControl> pss = std::nullopt) {
  Finding finding;
  finding.rule_id = std::move(rule_id);
  finding.severity = severity;
  finding.message = std::move(message);
  finding.file = std::move(file);
  finding.position = position;
  finding.object = std::move(object);
  finding.container = std::move(container);
  finding.path = std::move(path);
  finding.pss = std::move(pss);
  return finding;
}

// Five findings over four files (one absolute, stdin, one with a space and
// non-ASCII characters in its name), every severity, and two input errors.
LintResult sample_result() {
  const ObjectRef web{"apps/v1", "Deployment", "shop", "web"};
  LintResult result;
  result.findings = {
      make_finding("psp-allows-privileged", Severity::Low,
                   "PodSecurityPolicy \"legacy\" allows privileged containers.",
                   "/srv/manifests/psp.yaml", {4, 3},
                   {"policy/v1beta1", "PodSecurityPolicy", "", "legacy"}, "", "spec.privileged"),
      make_finding("service-account-token-mounted", Severity::Info,
                   "ServiceAccount \"default\" mounts its API token into every pod.", "<stdin>",
                   {1, 1}, {"v1", "ServiceAccount", "default", "default"}, "",
                   "automountServiceAccountToken"),
      make_finding("privileged-container", Severity::Critical,
                   "Container \"app\" runs privileged: it has full access to the host.",
                   "deploy/web.yaml", {12, 11}, web, "app",
                   "spec.template.spec.containers[0].securityContext.privileged",
                   PssControl{PssLevel::Baseline, "privileged"}),
      make_finding("host-namespaces", Severity::High,
                   "Pod shares the host's network namespace (hostNetwork: true).",
                   "deploy/web.yaml", {20, 7}, web, "", "spec.template.spec.hostNetwork",
                   PssControl{PssLevel::Baseline, "hostNamespaces"}),
      make_finding("seccomp-profile-missing", Severity::Medium,
                   "Le conteneur « batch » n’a pas de profil seccomp — ajoutez RuntimeDefault.",
                   "jobs/café job.yaml", {9, 9}, {"batch/v1", "Job", "", "nightly"}, "batch",
                   "spec.template.spec.containers[0].securityContext.seccompProfile",
                   PssControl{PssLevel::Restricted, "seccompProfile_restricted"}),
  };
  for (Finding& finding : result.findings) {
    if (finding.rule_id == "privileged-container") {
      finding.pss_source = "Namespace shop label pod-security.kubernetes.io/enforce=baseline "
                           "(ns.yaml:6)";
    }
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  result.errors = {
      {"broken.yaml", {3, 7}, "mapping values are not allowed in this context"},
      {"missing.yaml", {}, "cannot read file: No such file or directory"},
  };
  result.summary.files = 4;
  result.summary.documents = 6;
  result.summary.objects = 5;
  result.summary.skipped = 1;
  for (const Finding& finding : result.findings) {
    ++result.summary.findings_by_severity[static_cast<size_t>(finding.severity)];
  }
  return result;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Compares with testdata/golden/<name>; KH_UPDATE_GOLDEN=1 rewrites the file instead.
void expect_golden(const std::string& name, const std::string& actual) {
  std::filesystem::path path = kGoldenDir / name;
  const char* update = std::getenv("KH_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::filesystem::create_directories(kGoldenDir);
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing; run the test with KH_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(read_file(path), actual)
      << "output differs from " << path << "; if the change is intended, rerun with "
      << "KH_UPDATE_GOLDEN=1 and review the diff";
}

std::string text_report(const LintResult& result, bool color = false) {
  std::ostringstream out;
  write_text_report(out, result, TextStyle{color});
  return out.str();
}

std::string json_report(const LintResult& result) {
  std::ostringstream out;
  write_json_report(out, result);
  return out.str();
}

std::string sarif_report(const LintResult& result, const RuleCatalog& catalog) {
  std::ostringstream out;
  write_sarif_report(out, result, catalog);
  return out.str();
}

// The SARIF log names the working directory; the golden file must not.
std::string normalise_cwd(std::string sarif) {
  Json log = Json::parse(sarif);
  std::string cwd_uri = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  std::string quoted = "\"" + cwd_uri + "\"";
  std::string placeholder = "\"" + std::string(kCwdPlaceholder) + "\"";
  for (size_t at = sarif.find(quoted); at != std::string::npos;
       at = sarif.find(quoted, at + placeholder.size())) {
    sarif.replace(at, quoted.size(), placeholder);
  }
  return sarif;
}

// ---------------------------------------------------------------------------
// Golden files

TEST(ReportGolden, Text) {
  expect_golden("report.txt", text_report(sample_result()));
}

TEST(ReportGolden, Json) {
  expect_golden("report.json", json_report(sample_result()));
}

TEST(ReportGolden, Sarif) {
  expect_golden("report.sarif", normalise_cwd(sarif_report(sample_result(), test_catalog())));
}

TEST(ReportGolden, OutputIsDeterministic) {
  LintResult result = sample_result();
  RuleCatalog catalog = test_catalog();
  EXPECT_EQ(text_report(result), text_report(result));
  EXPECT_EQ(json_report(result), json_report(result));
  EXPECT_EQ(sarif_report(result, catalog), sarif_report(result, catalog));
}

// ---------------------------------------------------------------------------
// Order and fingerprints

TEST(FindingOrder, SortsByFilePositionRuleMessageContainerPath) {
  auto at = [](std::string file, uint32_t line, uint32_t column, std::string rule,
               std::string message = "m", std::string container = "", std::string path = "p") {
    return make_finding(std::move(rule), Severity::High, std::move(message), std::move(file),
                        {line, column}, {}, std::move(container), std::move(path));
  };
  std::vector<Finding> expected = {
      at("a.yaml", 2, 1, "z-rule"),
      at("a.yaml", 10, 1, "a-rule"),
      at("a.yaml", 10, 3, "a-rule"),
      at("a.yaml", 10, 3, "b-rule", "a"),
      at("a.yaml", 10, 3, "b-rule", "b"),
      at("a.yaml", 10, 3, "b-rule", "b", "c1"),
      at("a.yaml", 10, 3, "b-rule", "b", "c2", "p1"),
      at("a.yaml", 10, 3, "b-rule", "b", "c2", "p2"),
      at("b.yaml", 1, 1, "a-rule"),
  };
  std::vector<Finding> shuffled(expected.rbegin(), expected.rend());
  std::swap(shuffled[1], shuffled[4]);
  std::sort(shuffled.begin(), shuffled.end(), finding_order);
  ASSERT_EQ(shuffled.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_FALSE(finding_order(shuffled[i], expected[i]) || finding_order(expected[i], shuffled[i]))
        << "position " << i;
  }
  EXPECT_FALSE(finding_order(expected[0], expected[0]));
}

TEST(StableFingerprint, IgnoresPositionAndFile) {
  Finding finding = sample_result().findings[2];
  std::string fingerprint = stable_fingerprint(finding);
  EXPECT_EQ(fingerprint.size(), 16u);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos) << fingerprint;

  Finding moved = finding;
  moved.position = {finding.position.line + 40, finding.position.column + 2};
  moved.file = "other/dir/renamed.yaml";
  moved.message = "reworded";
  EXPECT_EQ(stable_fingerprint(moved), fingerprint);
}

TEST(StableFingerprint, ChangesWithIdentity) {
  Finding finding = sample_result().findings[2];
  std::string fingerprint = stable_fingerprint(finding);
  auto changed = [&](auto mutate) {
    Finding copy = finding;
    mutate(copy);
    return stable_fingerprint(copy);
  };
  EXPECT_NE(changed([](Finding& f) { f.path += "x"; }), fingerprint);
  EXPECT_NE(changed([](Finding& f) { f.rule_id = "other-rule"; }), fingerprint);
  EXPECT_NE(changed([](Finding& f) { f.object.kind = "StatefulSet"; }), fingerprint);
  EXPECT_NE(changed([](Finding& f) { f.object.namespace_name = "other"; }), fingerprint);
  EXPECT_NE(changed([](Finding& f) { f.object.name = "api"; }), fingerprint);
  EXPECT_NE(changed([](Finding& f) { f.container = "sidecar"; }), fingerprint);
  // The separator keeps fields apart: moving text between two fields is a change.
  Finding split = finding;
  split.object.namespace_name = "sh";
  split.object.name = "opweb";
  Finding joined = finding;
  joined.object.namespace_name = "shop";
  joined.object.name = "web";
  EXPECT_NE(stable_fingerprint(split), stable_fingerprint(joined));
}

TEST(StableFingerprint, KnownValue) {
  // FNV-1a 64 of "r\x1fk\x1fn\x1fo\x1fc\x1fp"; pins the algorithm, since a
  // change would reopen every alert already dismissed on GitHub.
  Finding finding =
      make_finding("r", Severity::High, "", "f", {1, 1}, {"v1", "k", "n", "o"}, "c", "p");
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : std::string_view("r\x1f"
                                          "k\x1f"
                                          "n\x1f"
                                          "o\x1f"
                                          "c\x1f"
                                          "p")) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  char expected[17];
  std::snprintf(expected, sizeof expected, "%016llx", static_cast<unsigned long long>(hash));
  EXPECT_EQ(stable_fingerprint(finding), expected);
}

// ---------------------------------------------------------------------------
// Text

TEST(TextReport, NoColourUnlessAsked) {
  std::string plain = text_report(sample_result(), false);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);

  std::string colored = text_report(sample_result(), true);
  EXPECT_NE(colored.find("\x1b[1;31mcritical\x1b[0m"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\x1b[33mmedium\x1b[0m"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\x1b[36mlow\x1b[0m"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\x1b[2minfo\x1b[0m"), std::string::npos) << colored;
}

TEST(TextReport, LinesAreParseable) {
  std::istringstream lines(text_report(sample_result()));
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line,
            "/srv/manifests/psp.yaml:4:3: low: PodSecurityPolicy \"legacy\" allows privileged "
            "containers. [psp-allows-privileged]");
}

TEST(TextReport, SummaryCountsAndPlurals) {
  LintResult result = sample_result();
  std::string report = text_report(result);
  EXPECT_NE(report.find("5 findings (1 critical, 1 high, 1 medium, 1 low, 1 info) in 4 files, "
                        "5 objects, 1 skipped; 2 inputs not fully linted (see errors above)\n"),
            std::string::npos)
      << report;

  LintResult one;
  one.findings = {result.findings[2]};
  one.summary.files = 1;
  one.summary.objects = 1;
  std::string one_report = text_report(one);
  EXPECT_TRUE(one_report.ends_with("\n\n1 finding (1 critical) in 1 file, 1 object\n"))
      << one_report;

  LintResult clean;
  clean.summary.files = 2;
  clean.summary.objects = 5;
  EXPECT_EQ(text_report(clean), "No findings in 2 files, 5 objects\n");
}

// The CLI prints errors on stderr; the report only counts them.
TEST(TextReport, ErrorsAreCountedNotPrinted) {
  std::string report = text_report(sample_result());
  EXPECT_EQ(report.find("broken.yaml"), std::string::npos);
  EXPECT_NE(report.find("2 inputs not fully linted"), std::string::npos);
}

TEST(TextReport, RuleCatalogTableIsAligned) {
  std::ostringstream out;
  write_rule_catalog_text(out, test_catalog());
  std::istringstream lines(out.str());
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  ASSERT_EQ(rows.size(), 6u);
  size_t severity_column = rows[0].find("SEVERITY");
  size_t pss_column = rows[0].find("PSS");
  size_t title_column = rows[0].find("TITLE");
  EXPECT_EQ(rows[0].substr(0, 2), "ID");
  EXPECT_EQ(rows[2].substr(severity_column, 8), "critical");
  EXPECT_EQ(rows[2].substr(pss_column, 19), "baseline/privileged");
  EXPECT_EQ(rows[2].substr(title_column), "Container runs privileged");
  EXPECT_EQ(rows[3].substr(pss_column, 2), "- ");
  for (const std::string& row : rows) EXPECT_NE(row.back(), ' ') << row;
}

// ---------------------------------------------------------------------------
// JSON

template <class Check>
void expect_keys(const Json& object, std::vector<std::string> required,
                 std::vector<std::string> optional, Check check_types) {
  ASSERT_TRUE(object.is_object()) << object.dump();
  for (const std::string& key : required) EXPECT_TRUE(object.contains(key)) << key;
  for (const auto& [key, value] : object.items()) {
    bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                 std::find(optional.begin(), optional.end(), key) != optional.end();
    EXPECT_TRUE(known) << "unexpected key " << key;
  }
  check_types(object);
}

TEST(JsonReport, HasTheDocumentedShape) {
  Json report = Json::parse(json_report(sample_result()));
  expect_keys(report, {"version", "findings", "errors", "summary"}, {}, [](const Json& j) {
    EXPECT_EQ(j["version"], kVersion);
    EXPECT_TRUE(j["findings"].is_array());
    EXPECT_TRUE(j["errors"].is_array());
  });
  ASSERT_EQ(report["findings"].size(), 5u);
  for (const Json& finding : report["findings"]) {
    expect_keys(finding,
                {"rule_id", "severity", "message", "file", "line", "column", "object", "path",
                 "fingerprint"},
                {"container", "pss"}, [](const Json& f) {
                  EXPECT_TRUE(f["rule_id"].is_string());
                  EXPECT_TRUE(f["severity"].is_string());
                  EXPECT_TRUE(f["line"].is_number_unsigned());
                  EXPECT_TRUE(f["column"].is_number_unsigned());
                  EXPECT_TRUE(f["path"].is_string());
                  EXPECT_EQ(f["fingerprint"].get<std::string>().size(), 16u);
                  if (f.contains("container")) {
                    EXPECT_FALSE(f["container"].get<std::string>().empty());
                  }
                });
    expect_keys(finding["object"], {"apiVersion", "kind", "namespace", "name"}, {},
                [](const Json& o) {
                  for (const auto& [key, value] : o.items()) EXPECT_TRUE(value.is_string()) << key;
                });
    if (finding.contains("pss")) {
      expect_keys(finding["pss"], {"level", "check"}, {"source"}, [](const Json& p) {
        EXPECT_TRUE(p["level"] == "baseline" || p["level"] == "restricted");
      });
    }
  }
  for (const Json& error : report["errors"]) {
    expect_keys(error, {"file", "message"}, {"line", "column"}, [](const Json& e) {
      EXPECT_TRUE(e["message"].is_string());
      EXPECT_EQ(e.contains("line"), e.contains("column"));
    });
  }
  EXPECT_FALSE(report["errors"][1].contains("line"));
  expect_keys(report["summary"],
              {"files", "documents", "objects", "skipped", "findings_by_severity"}, {},
              [](const Json& s) { EXPECT_EQ(s["objects"], 5); });
  expect_keys(report["summary"]["findings_by_severity"],
              {"critical", "high", "medium", "low", "info"}, {}, [](const Json& s) {
                for (const auto& [key, value] : s.items()) EXPECT_EQ(value, 1) << key;
              });
}

TEST(JsonReport, InvalidUtf8IsReplacedNotThrown) {
  LintResult result = sample_result();
  result.findings[0].message = "caf\xE9";
  std::string report;
  ASSERT_NO_THROW(report = json_report(result));
  EXPECT_NE(report.find("caf\xEF\xBF\xBD"), std::string::npos);
}

TEST(JsonReport, RuleCatalog) {
  std::ostringstream out;
  write_rule_catalog_json(out, test_catalog());
  Json catalog = Json::parse(out.str());
  EXPECT_EQ(catalog["version"], kVersion);
  ASSERT_EQ(catalog["rules"].size(), 5u);
  const Json& privileged = catalog["rules"][1];
  EXPECT_EQ(privileged["id"], "privileged-container");
  EXPECT_EQ(privileged["severity"], "critical");
  EXPECT_EQ(privileged["pss"]["level"], "baseline");
  EXPECT_EQ(privileged["pss"]["check"], "privileged");
  EXPECT_FALSE(catalog["rules"][2].contains("pss"));
  EXPECT_TRUE(privileged["references"].is_array());
  EXPECT_TRUE(privileged["tags"].is_array());
}

// ---------------------------------------------------------------------------
// SARIF

Json sarif_log() {
  return Json::parse(sarif_report(sample_result(), test_catalog()));
}

TEST(SarifReport, OneRunWithEveryRuleAndColumnKind) {
  Json log = sarif_log();
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const Json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules[1]["id"], "privileged-container");
  EXPECT_EQ(rules[1]["name"], "PrivilegedContainer");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules[4]["defaultConfiguration"]["level"], "note");
}

TEST(SarifReport, RuleIndexPointsAtTheSameRule) {
  Json log = sarif_log();
  const Json& run = log["runs"][0];
  const Json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(run["results"].size(), 5u);
  for (const Json& result : run["results"]) {
    size_t index = result["ruleIndex"];
    ASSERT_LT(index, rules.size());
    EXPECT_EQ(rules[index]["id"], result["ruleId"]);
  }
}

TEST(SarifReport, SecuritySeverityIsAString) {
  Json log = sarif_log();
  for (const Json& rule : log["runs"][0]["tool"]["driver"]["rules"]) {
    const Json& score = rule["properties"]["security-severity"];
    ASSERT_TRUE(score.is_string()) << rule["id"];
    double value = std::stod(score.get<std::string>());
    EXPECT_GT(value, 0.0);
    EXPECT_LE(value, 10.0);
    EXPECT_LE(rule["properties"]["tags"].size(), 10u);
  }
}

TEST(SarifReport, ResultLevelFollowsTheFindingNotTheRule) {
  Json log = sarif_log();
  const Json& psp = log["runs"][0]["results"][0];
  EXPECT_EQ(psp["ruleId"], "psp-allows-privileged");
  EXPECT_EQ(psp["level"], "note");  // the rule says high; this finding says low
}

TEST(SarifReport, Uris) {
  Json log = sarif_log();
  const Json& results = log["runs"][0]["results"];
  auto artifact = [&](size_t i) {
    return results[i]["locations"][0]["physicalLocation"]["artifactLocation"];
  };
  EXPECT_EQ(artifact(0), Json({{"uri", "file:///srv/manifests/psp.yaml"}}));
  EXPECT_EQ(artifact(1), Json({{"uri", "stdin"}}));
  EXPECT_EQ(artifact(2), Json({{"uri", "deploy/web.yaml"}, {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(artifact(4), Json({{"uri", "jobs/caf%C3%A9%20job.yaml"}, {"uriBaseId", "%SRCROOT%"}}));

  std::string root = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_TRUE(root.starts_with("file:///")) << root;
  EXPECT_TRUE(root.ends_with("/")) << root;
  std::string cwd = std::filesystem::current_path().generic_string();
  if (cwd.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/") ==
      std::string::npos) {
    EXPECT_EQ(root, "file://" + cwd + (cwd.ends_with('/') ? "" : "/"));
  }
}

TEST(SarifReport, RelativePathsAreCleanedAndEncoded) {
  LintResult result;
  result.findings = {make_finding("host-namespaces", Severity::High, "m", "./a:b/x#1.yaml", {1, 1},
                                  {"v1", "Pod", "", "p"}, "", "spec.hostPID")};
  Json log = Json::parse(sarif_report(result, test_catalog()));
  EXPECT_EQ(
      log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "a%3Ab/x%231.yaml");
}

TEST(SarifReport, LogicalLocationAndFingerprints) {
  Json log = sarif_log();
  const Json& result = log["runs"][0]["results"][2];
  EXPECT_EQ(result["ruleId"], "privileged-container");
  const Json& logical = result["locations"][0]["logicalLocations"][0];
  EXPECT_EQ(logical["name"], "shop/web");
  EXPECT_EQ(logical["kind"], "object");
  EXPECT_EQ(logical["fullyQualifiedName"], "Deployment/shop/web");
  std::string fingerprint = stable_fingerprint(sample_result().findings[2]);
  EXPECT_EQ(result["partialFingerprints"]["primaryLocationLineHash"], fingerprint);
  EXPECT_EQ(result["partialFingerprints"]["kubeHarden/v1"], fingerprint);
  EXPECT_EQ(result["properties"]["container"], "app");
  EXPECT_EQ(result["properties"]["pss-level"], "baseline");
  const Json& region = result["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region, Json({{"startLine", 12}, {"startColumn", 11}}));
}

TEST(SarifReport, ErrorsBecomeNotifications) {
  Json log = sarif_log();
  const Json& invocation = log["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  const Json& notifications = invocation["toolExecutionNotifications"];
  ASSERT_EQ(notifications.size(), 2u);
  EXPECT_EQ(notifications[0]["level"], "error");
  EXPECT_EQ(notifications[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
  EXPECT_FALSE(notifications[1]["locations"][0]["physicalLocation"].contains("region"));

  LintResult clean;
  Json clean_log = Json::parse(sarif_report(clean, test_catalog()));
  EXPECT_EQ(clean_log["runs"][0]["invocations"][0]["executionSuccessful"], true);
  EXPECT_TRUE(clean_log["runs"][0]["results"].is_array());
  EXPECT_TRUE(clean_log["runs"][0]["results"].empty());
}

TEST(SarifReport, LongDescriptionsAreCutOnACharacterBoundary) {
  std::vector<RuleMetadata> rules = {make_rule("long-rule", "Long", Severity::Low, std::nullopt)};
  rules[0].description.clear();
  for (int i = 0; i < 600; ++i) rules[0].description += "é";  // two bytes each
  Json log = Json::parse(sarif_report(LintResult{}, RuleCatalog(rules)));
  std::string text = log["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]["text"];
  EXPECT_EQ(text, rules[0].description);  // 600 characters: under the limit

  for (int i = 0; i < 600; ++i) rules[0].description += "é";
  log = Json::parse(sarif_report(LintResult{}, RuleCatalog(rules)));
  text = log["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]["text"];
  EXPECT_TRUE(text.ends_with("\u2026"));
  size_t characters = 0;
  for (unsigned char c : text) characters += (c & 0xC0) != 0x80;
  EXPECT_EQ(characters, 1024u);
}

}  // namespace
}  // namespace kube_harden
