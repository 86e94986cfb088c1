#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
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
#include "report/xml_escape.h"
#include "scratch_dir.h"

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

const std::string kOverlay = "overlays/eu,prod:1/web.yaml";
// What the GitHub, XML and JSON writers must escape, and a non-ASCII character.
const std::string kAwkwardMessage = "hostPort 80, 100% exposed: see <&\"'>\nsecond line, nœud";

Suppression suppression(Suppression::Kind kind, std::string reason, std::string origin) {
  return Suppression{kind, std::move(reason), std::move(origin)};
}

// Nine findings over five files (one absolute, stdin, one with a space and
// non-ASCII characters in its name, one with ',' and ':'), every severity,
// one position unknown, two suppressed (in source, and externally without a
// reason), one from a Helm chart's rendered output, a baseline, and two input errors.
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
      make_finding("service-account-token-mounted", Severity::Info,
                   "The pods of this file mount a ServiceAccount token.", kOverlay, {},
                   {"apps/v1", "Deployment", "eu", "web"}, "", ""),
      make_finding("host-namespaces", Severity::High, kAwkwardMessage, kOverlay, {7, 5},
                   {"apps/v1", "Deployment", "eu", "web"}, "app",
                   "spec.template.spec.containers[0].ports[0].hostPort",
                   PssControl{PssLevel::Baseline, "hostPorts"}),
      make_finding("privileged-container", Severity::Critical,
                   "Container \"debug\" runs privileged: it has full access to the host.", kOverlay,
                   {9, 7}, {"apps/v1", "Deployment", "eu", "web"}, "debug",
                   "spec.template.spec.containers[1].securityContext.privileged",
                   PssControl{PssLevel::Baseline, "privileged"}),
      make_finding("seccomp-profile-missing", Severity::Medium,
                   "Container \"debug\" has no seccomp profile.", kOverlay, {11, 9},
                   {"apps/v1", "Deployment", "eu", "web"}, "debug",
                   "spec.template.spec.containers[1].securityContext.seccompProfile",
                   PssControl{PssLevel::Restricted, "seccompProfile_restricted"}),
  };
  for (Finding& finding : result.findings) {
    if (finding.file != kOverlay) continue;
    if (finding.rule_id == "privileged-container") {
      finding.suppressed =
          suppression(Suppression::Kind::InSource, "break-glass debug pod, expires 2025-01",
                      "annotation kube-harden.io/ignore");
    } else if (finding.rule_id == "seccomp-profile-missing") {
      finding.suppressed =
          suppression(Suppression::Kind::External, "", "config .kube-harden.yaml:14");
    }
  }
  for (Finding& finding : result.findings) {
    // `helm template | kube-harden lint -`: the stdin finding came from a chart.
    if (finding.file == "<stdin>") {
      finding.rendered_from = RenderedSource{"shop/templates/serviceaccount.yaml", 4};
    }
    if (finding.rule_id == "privileged-container" && finding.file == "deploy/web.yaml") {
      finding.pss_source =
          "Namespace shop label pod-security.kubernetes.io/enforce=baseline "
          "(ns.yaml:6)";
    }
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  result.errors = {
      {"broken.yaml", {3, 7}, "mapping values are not allowed in this context"},
      {"missing.yaml", {}, "cannot read file: No such file or directory"},
  };
  result.summary.files = 5;
  result.summary.documents = 7;
  result.summary.objects = 6;
  result.summary.skipped = 1;
  for (const Finding& finding : result.findings) {
    if (finding.suppressed) {
      ++result.summary.suppressed;
    } else {
      ++result.summary.findings_by_severity[static_cast<size_t>(finding.severity)];
    }
  }
  result.baseline = {true, ".kube-harden-baseline.json", 3, 1};
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

std::string text_report(const LintResult& result, bool color = false,
                        bool show_suppressed = false) {
  std::ostringstream out;
  write_text_report(out, result, TextStyle{color, show_suppressed});
  return out.str();
}

std::string github_report(const LintResult& result, bool show_suppressed = false) {
  std::ostringstream out;
  write_github_report(out, result, TextStyle{false, show_suppressed});
  return out.str();
}

std::string junit_report(const LintResult& result) {
  std::ostringstream out;
  write_junit_report(out, result);
  return out.str();
}

std::string checkstyle_report(const LintResult& result) {
  std::ostringstream out;
  write_checkstyle_report(out, result);
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

TEST(ReportGolden, Github) {
  expect_golden("report.github.txt", github_report(sample_result()));
}

TEST(ReportGolden, Junit) {
  expect_golden("report.junit.xml", junit_report(sample_result()));
}

TEST(ReportGolden, Checkstyle) {
  expect_golden("report.checkstyle.xml", checkstyle_report(sample_result()));
}

TEST(ReportGolden, OutputIsDeterministic) {
  LintResult result = sample_result();
  RuleCatalog catalog = test_catalog();
  EXPECT_EQ(text_report(result), text_report(result));
  EXPECT_EQ(json_report(result), json_report(result));
  EXPECT_EQ(sarif_report(result, catalog), sarif_report(result, catalog));
  EXPECT_EQ(github_report(result), github_report(result));
  EXPECT_EQ(junit_report(result), junit_report(result));
  EXPECT_EQ(checkstyle_report(result), checkstyle_report(result));
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
  EXPECT_NE(report.find("7 findings (1 critical, 2 high, 1 medium, 1 low, 2 info) in 5 files, "
                        "6 objects, 1 skipped; 2 suppressed (--show-suppressed lists them); 3 "
                        "unchanged from baseline .kube-harden-baseline.json, 1 fixed; 2 inputs "
                        "not fully linted (see errors above)\n"),
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

TEST(TextReport, SuppressedFindingsAreHiddenUnlessAsked) {
  std::string hidden = text_report(sample_result());
  EXPECT_EQ(hidden.find("suppressed by"), std::string::npos) << hidden;
  EXPECT_EQ(hidden.find("[privileged-container]"), hidden.rfind("[privileged-container]"))
      << "only the unsuppressed one is listed";
  EXPECT_NE(hidden.find("; 2 suppressed (--show-suppressed lists them);"), std::string::npos);

  std::string shown = text_report(sample_result(), false, true);
  EXPECT_NE(shown.find(kOverlay + ":9:7: critical: Container \"debug\" runs privileged: it has "
                                  "full access to the host. [privileged-container] [suppressed by "
                                  "annotation kube-harden.io/ignore: break-glass debug pod, "
                                  "expires 2025-01]\n"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("[seccomp-profile-missing] [suppressed by config .kube-harden.yaml:14]\n"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("; 2 suppressed; 3 unchanged"), std::string::npos) << shown;
}

TEST(TextReport, OnlySuppressedFindingsMeansNoFindings) {
  LintResult result;
  result.findings = {sample_result().findings[7]};
  ASSERT_TRUE(result.findings[0].suppressed);
  result.summary.files = 1;
  result.summary.objects = 1;
  EXPECT_EQ(text_report(result),
            "No findings in 1 file, 1 object; 1 suppressed (--show-suppressed lists them)\n");
}

TEST(TextReport, ControlCharactersCannotBreakLinesOrDriveTheTerminal) {
  LintResult result;
  result.findings = {make_finding("host-namespaces", Severity::High,
                                  "a\nb\r\x1b[31mred\x7f\u009b\ttab", "x\ny.yaml", {1, 2}, {}, "",
                                  "p")};
  EXPECT_EQ(text_report(result),
            "x\\ny.yaml:1:2: high: a\\nb\\r\\x1b[31mred\\x7f\\u009b\ttab [host-namespaces]\n\n"
            "1 finding (1 high) in 0 files, 0 objects\n");
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
  ASSERT_EQ(report["findings"].size(), 9u);
  for (const Json& finding : report["findings"]) {
    expect_keys(finding,
                {"rule_id", "severity", "message", "file", "object", "path", "fingerprint"},
                {"line", "column", "container", "pss", "suppressed", "rendered_from"},
                [](const Json& f) {
                  EXPECT_TRUE(f["rule_id"].is_string());
                  EXPECT_TRUE(f["severity"].is_string());
                  EXPECT_EQ(f.contains("line"), f.contains("column"));
                  if (f.contains("line")) {
                    EXPECT_TRUE(f["line"].is_number_unsigned());
                    EXPECT_TRUE(f["column"].is_number_unsigned());
                  }
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
    if (finding.contains("rendered_from")) {
      expect_keys(finding["rendered_from"], {"template", "line"}, {}, [](const Json& r) {
        EXPECT_TRUE(r["template"].is_string());
        EXPECT_GE(r["line"].get<int>(), 1);
      });
    }
    if (finding.contains("suppressed")) {
      expect_keys(finding["suppressed"], {"kind", "reason", "origin"}, {}, [](const Json& p) {
        EXPECT_TRUE(p["kind"] == "inSource" || p["kind"] == "external");
        EXPECT_TRUE(p["reason"].is_string());
        EXPECT_TRUE(p["origin"].is_string());
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
              {"files", "documents", "objects", "skipped", "findings_by_severity", "suppressed"},
              {"baseline"}, [](const Json& s) {
                EXPECT_EQ(s["objects"], 6);
                EXPECT_EQ(s["suppressed"], 2);
              });
  // Suppressed findings are listed but not counted by severity.
  EXPECT_EQ(report["summary"]["findings_by_severity"],
            Json({{"critical", 1}, {"high", 2}, {"medium", 1}, {"low", 1}, {"info", 2}}));
  expect_keys(report["summary"]["baseline"], {"file", "unchanged", "fixed"}, {}, [](const Json& b) {
    EXPECT_EQ(b["file"], ".kube-harden-baseline.json");
    EXPECT_EQ(b["unchanged"], 3);
    EXPECT_EQ(b["fixed"], 1);
  });
}

TEST(JsonReport, SuppressionsAndBaseline) {
  Json report = Json::parse(json_report(sample_result()));
  std::vector<Json> suppressed;
  for (const Json& finding : report["findings"]) {
    if (finding.contains("suppressed")) suppressed.push_back(finding["suppressed"]);
  }
  ASSERT_EQ(suppressed.size(), 2u);
  EXPECT_EQ(suppressed[0], Json({{"kind", "inSource"},
                                 {"reason", "break-glass debug pod, expires 2025-01"},
                                 {"origin", "annotation kube-harden.io/ignore"}}));
  EXPECT_EQ(
      suppressed[1],
      Json({{"kind", "external"}, {"reason", ""}, {"origin", "config .kube-harden.yaml:14"}}));

  LintResult without_baseline = sample_result();
  without_baseline.baseline = {};
  Json plain = Json::parse(json_report(without_baseline));
  EXPECT_FALSE(plain["summary"].contains("baseline"));
}

TEST(JsonReport, InvalidUtf8IsReplacedNotThrown) {
  LintResult result = sample_result();
  result.findings[0].message = "caf\xE9";
  std::string report;
  ASSERT_NO_THROW(report = json_report(result));
  EXPECT_NE(report.find("caf\xEF\xBF\xBD"), std::string::npos);
}

// Findings are written one at a time rather than from one document; the
// bytes must still be exactly one document's dump, whatever the strings hold
// (here text that looks like the member the findings stand in for).
TEST(JsonReport, StreamedFindingsGiveTheBytesOfOneDocument) {
  LintResult tricky = sample_result();
  std::string lookalike = "x\n  \"findings\": \"kube-harden:streamed-array\"\n\"results\": \"kube-harden:streamed-array\"";
  tricky.errors.push_back(InputError{lookalike, {1, 1}, lookalike});
  tricky.findings[0].message = lookalike;
  LintResult one = sample_result();
  one.findings.resize(1);
  for (const LintResult& result : {sample_result(), tricky, one, LintResult{}}) {
    for (const std::string& report : {json_report(result), sarif_report(result, test_catalog())}) {
      Json parsed = Json::parse(report);
      EXPECT_EQ(parsed.dump(2) + "\n", report);
    }
    Json json = Json::parse(json_report(result));
    EXPECT_EQ(json["findings"].size(), result.findings.size());
    Json sarif = Json::parse(sarif_report(result, test_catalog()));
    EXPECT_EQ(sarif["runs"][0]["results"].size(), result.findings.size());
  }
  Json json = Json::parse(json_report(tricky));
  EXPECT_EQ(json["errors"].back()["file"], lookalike);
  EXPECT_EQ(json["findings"][0]["message"], lookalike);
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
  ASSERT_EQ(run["results"].size(), 9u);
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

TEST(SarifReport, SuppressionsFollowSarif) {
  Json log = sarif_log();
  const Json& results = log["runs"][0]["results"];
  size_t suppressed = 0;
  for (const Json& result : results) {
    if (!result.contains("suppressions")) continue;
    ++suppressed;
    ASSERT_EQ(result["suppressions"].size(), 1u);
    EXPECT_EQ(result["suppressions"][0]["status"], "accepted");
  }
  EXPECT_EQ(suppressed, 2u);
  EXPECT_EQ(results[7]["ruleId"], "privileged-container");
  EXPECT_EQ(results[7]["suppressions"][0],
            Json({{"kind", "inSource"},
                  {"status", "accepted"},
                  {"justification", "break-glass debug pod, expires 2025-01"},
                  {"properties", {{"origin", "annotation kube-harden.io/ignore"}}}}));
  // No reason: no justification, rather than an empty one.
  EXPECT_EQ(results[8]["suppressions"][0],
            Json({{"kind", "external"},
                  {"status", "accepted"},
                  {"properties", {{"origin", "config .kube-harden.yaml:14"}}}}));
}

TEST(SarifReport, BaselineStateOnlyWithABaseline) {
  Json with_baseline = sarif_log();
  for (const Json& result : with_baseline["runs"][0]["results"]) {
    EXPECT_EQ(result["baselineState"], "new");
  }
  LintResult without_baseline = sample_result();
  without_baseline.baseline = {};
  Json log = Json::parse(sarif_report(without_baseline, test_catalog()));
  for (const Json& result : log["runs"][0]["results"]) {
    EXPECT_FALSE(result.contains("baselineState"));
  }
}

// ---------------------------------------------------------------------------
// GitHub workflow commands

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

size_t count_starting_with(const std::vector<std::string>& lines, std::string_view prefix) {
  return std::count_if(lines.begin(), lines.end(),
                       [&](const std::string& line) { return line.starts_with(prefix); });
}

TEST(GithubReport, AtMostTenAnnotationsPerLevelAndEveryFindingInTheLog) {
  LintResult result;
  auto add = [&](int count, Severity severity, std::string rule) {
    for (int i = 0; i < count; ++i) {
      result.findings.push_back(make_finding(rule, severity, "m", "a.yaml",
                                             {static_cast<uint32_t>(result.findings.size() + 1), 1},
                                             {}, "", "p"));
    }
  };
  add(7, Severity::Critical, "privileged-container");
  add(8, Severity::High, "host-namespaces");
  add(3, Severity::Medium, "seccomp-profile-missing");
  add(11, Severity::Low, "psp-allows-privileged");
  add(1, Severity::Info, "service-account-token-mounted");
  result.findings.push_back(result.findings.front());
  result.findings.back().suppressed = Suppression{};
  result.errors = {{"broken.yaml", {3, 7}, "invalid YAML"}};

  std::vector<std::string> lines = lines_of(github_report(result));
  EXPECT_EQ(count_starting_with(lines, "::error "), 10u);
  EXPECT_EQ(count_starting_with(lines, "::warning "), 3u);
  EXPECT_EQ(count_starting_with(lines, "::notice "), 10u);
  EXPECT_EQ(count_starting_with(lines, "a.yaml:"), 30u) << "every unsuppressed finding is logged";
  // The input error comes first, then findings in order.
  auto first_error = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
    return line.starts_with("::error ");
  });
  ASSERT_NE(first_error, lines.end());
  EXPECT_EQ(*first_error,
            "::error file=broken.yaml,line=3,col=7,title=kube-harden input error::invalid YAML");
  EXPECT_EQ(lines.back(),
            "kube-harden: 8 more not shown as annotations (GitHub shows 10 per level): 6 errors, "
            "2 notices; the log above lists every finding");
}

TEST(GithubReport, NoFooterWhenEverythingIsAnnotated) {
  std::vector<std::string> lines = lines_of(github_report(sample_result()));
  EXPECT_FALSE(lines.back().starts_with("kube-harden:")) << lines.back();
  EXPECT_EQ(count_starting_with(lines, "::error "), 5u);  // 2 input errors, 1 critical, 2 high
}

TEST(GithubReport, EscapesDataAndProperties) {
  LintResult result;
  result.findings = {make_finding("host-namespaces", Severity::High, "50%\r\nx: y, z",
                                  "a,b:c%.yaml", {1, 2}, {}, "", "p")};
  std::vector<std::string> lines = lines_of(github_report(result));
  EXPECT_EQ(count_starting_with(lines,
                                "::error file=a%2Cb%3Ac%25.yaml,line=1,col=2,title=host-namespaces "
                                "(high)::50%25%0D%0Ax: y, z"),
            1u);
}

TEST(GithubReport, StdinAndUnknownPositionsAreLeftOut) {
  LintResult result;
  result.findings = {
      make_finding("host-namespaces", Severity::Medium, "m", "<stdin>", {4, 2}, {}, "", "p"),
      make_finding("host-namespaces", Severity::Medium, "m", "b.yaml", {}, {}, "", "p")};
  std::vector<std::string> lines = lines_of(github_report(result));
  EXPECT_EQ(count_starting_with(lines, "::warning line=4,col=2,title=host-namespaces (medium)::m"),
            1u);
  EXPECT_EQ(count_starting_with(lines, "::warning file=b.yaml,title=host-namespaces (medium)::m"),
            1u);
}

TEST(GithubReport, SuppressedFindingsAreNotAnnotated) {
  std::string report = github_report(sample_result(), true);
  EXPECT_NE(report.find("[suppressed by annotation"), std::string::npos) << "logged when asked";
  size_t overlay_annotations = 0;
  for (const std::string& line : lines_of(report)) {
    if (!line.starts_with("::") || line.find("file=overlays/") == std::string::npos) continue;
    ++overlay_annotations;
    EXPECT_EQ(line.find("line=9,"), std::string::npos) << line;
    EXPECT_EQ(line.find("line=11,"), std::string::npos) << line;
  }
  EXPECT_EQ(overlay_annotations, 2u);
}

// The log is input text: the runner must read no command in it.
TEST(GithubReport, LogCannotIssueWorkflowCommands) {
  LintResult result;
  result.findings = {make_finding("host-namespaces", Severity::High, "x\n::error::injected",
                                  "::kube-harden-log::.yaml", {1, 1}, {}, "", "p")};
  std::vector<std::string> lines = lines_of(github_report(result));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "::stop-commands::kube-harden-log-");
  EXPECT_EQ(lines[1],
            "::kube-harden-log::.yaml:1:1: high: x\\n::error::injected [host-namespaces]");
  auto resume = std::find(lines.begin(), lines.end(), "::kube-harden-log-::");
  ASSERT_NE(resume, lines.end());
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "::kube-harden-log-::"), 1);
  EXPECT_LT(resume - lines.begin(), 5) << "annotations follow the log";
}

// ---------------------------------------------------------------------------
// XML escaping

TEST(XmlEscape, MarkupAndWhitespace) {
  EXPECT_EQ(xml_escape("<a & \"b\" 'c'>", XmlContext::Text),
            "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
  EXPECT_EQ(xml_escape("a\tb\nc\rd", XmlContext::Attribute), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(xml_escape("a\tb\nc\rd", XmlContext::Text), "a\tb\nc&#13;d");
  EXPECT_EQ(xml_escape("]]>", XmlContext::Text), "]]&gt;");
  EXPECT_EQ(xml_attribute("message", "x<y"), " message=\"x&lt;y\"");
}

TEST(XmlEscape, WhatXmlCannotCarryBecomesReplacementCharacters) {
  const std::string fffd = "\uFFFD";
  EXPECT_EQ(xml_escape(std::string("a\x01"
                                   "b\x1b"
                                   "c\x7f",
                                   6),
                       XmlContext::Text),
            "a" + fffd + "b" + fffd + "c\x7f");
  EXPECT_EQ(xml_escape(std::string("\0", 1), XmlContext::Attribute), fffd);
  EXPECT_EQ(xml_escape("caf\xE9!", XmlContext::Text), "caf" + fffd + "!");      // Latin-1
  EXPECT_EQ(xml_escape("\xC0\xAF", XmlContext::Text), fffd + fffd);             // overlong '/'
  EXPECT_EQ(xml_escape("\xED\xA0\x80", XmlContext::Text), fffd + fffd + fffd);  // surrogate
  EXPECT_EQ(xml_escape("\xEF\xBF\xBE", XmlContext::Text), fffd);                // U+FFFE
  EXPECT_EQ(xml_escape("\xE2\x82", XmlContext::Text), fffd + fffd);             // cut short
  EXPECT_EQ(xml_escape("n\xC5\x93ud \xF0\x9F\x94\x92", XmlContext::Text), "nœud 🔒");
}

// ---------------------------------------------------------------------------
// JUnit and Checkstyle

std::string attribute(const std::string& xml, size_t element_at, const std::string& name) {
  size_t start = xml.find(" " + name + "=\"", element_at);
  if (start == std::string::npos) return "<missing>";
  start += name.size() + 3;
  return xml.substr(start, xml.find('"', start) - start);
}

std::string element(const std::string& xml, const std::string& start_of_tag) {
  size_t at = xml.find(start_of_tag);
  if (at == std::string::npos) return "";
  return xml.substr(at, xml.find('>', at) + 1 - at);
}

TEST(JunitReport, CountsAndOneCasePerObjectAndRule) {
  std::string xml = junit_report(sample_result());
  // 2 input errors, 9 (object, rule) cases: 7 fail, 2 skipped; plus kube-harden/lint.
  EXPECT_EQ(element(xml, "<testsuites"),
            "<testsuites name=\"kube-harden\" tests=\"12\" failures=\"7\" errors=\"2\" "
            "skipped=\"2\">");
  EXPECT_EQ(element(xml, "<testsuite name=\"overlays/"),
            "<testsuite name=\"overlays/eu,prod:1/web.yaml\" tests=\"4\" failures=\"2\" "
            "errors=\"0\" skipped=\"2\">");
  EXPECT_EQ(element(xml, "<testcase name=\"privileged-container\" classname=\"deploy"),
            "<testcase name=\"privileged-container\" classname=\"deploy/web.yaml:Deployment/shop/"
            "web\" file=\"deploy/web.yaml\" line=\"12\">");
  EXPECT_NE(xml.find("<failure message=\"line 12, column 11: Container &quot;app&quot; runs "
                     "privileged: it has full access to the host.\" type=\"critical\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<skipped message=\"suppressed by config .kube-harden.yaml:14\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("<error message=\"line 3, column 7: mapping values are not allowed in this "
                     "context\" type=\"input-error\">"),
            std::string::npos);
}

TEST(JunitReport, SeveralFindingsOfOneRuleOnOneObjectAreOneFailure) {
  LintResult result;
  ObjectRef pod{"v1", "Pod", "", "p"};
  result.findings = {
      make_finding("host-namespaces", Severity::Medium, "first", "a.yaml", {3, 1}, pod, "", "x"),
      make_finding("host-namespaces", Severity::High, "second", "a.yaml", {4, 1}, pod, "", "y"),
      make_finding("host-namespaces", Severity::High, "other pod", "a.yaml", {9, 1},
                   {"v1", "Pod", "", "q"}, "", "x")};
  std::string xml = junit_report(result);
  EXPECT_EQ(element(xml, "<testsuite name=\"a.yaml\""),
            "<testsuite name=\"a.yaml\" tests=\"2\" failures=\"2\" errors=\"0\" skipped=\"0\">");
  EXPECT_NE(xml.find("<failure message=\"line 3, column 1: first (and 1 more)\" type=\"high\">"
                     "a.yaml:3:1: medium: first [host-namespaces]\n"
                     "a.yaml:4:1: high: second [host-namespaces]\n</failure>"),
            std::string::npos)
      << xml;
}

TEST(JunitReport, CleanRunIsOnePassingTest) {
  LintResult clean;
  clean.summary.files = 2;
  clean.summary.objects = 3;
  EXPECT_EQ(junit_report(clean),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"kube-harden\" tests=\"1\" failures=\"0\" errors=\"0\" "
            "skipped=\"0\">\n"
            "  <testsuite name=\"kube-harden\" tests=\"1\" failures=\"0\" errors=\"0\" "
            "skipped=\"0\">\n"
            "    <testcase name=\"lint\" classname=\"kube-harden\">\n"
            "      <system-out>No findings in 2 files, 3 objects</system-out>\n"
            "    </testcase>\n"
            "  </testsuite>\n"
            "</testsuites>\n");
}

TEST(CheckstyleReport, SeveritiesSourcesAndNoSuppressedFindings) {
  std::string xml = checkstyle_report(sample_result());
  EXPECT_EQ(xml.find("Container &quot;debug&quot;"), std::string::npos)
      << "both findings about the debug container are suppressed";
  size_t errors = 0;
  for (size_t at = xml.find("<error "); at != std::string::npos; at = xml.find("<error ", at + 1)) {
    ++errors;
  }
  EXPECT_EQ(errors, 9u);  // 2 input errors and 7 unsuppressed findings
  EXPECT_NE(xml.find("<error line=\"4\" column=\"3\" severity=\"info\" message=\"PodSecurityPolicy "
                     "&quot;legacy&quot; allows privileged containers.\" "
                     "source=\"kube-harden.psp-allows-privileged\"/>"),
            std::string::npos);
  EXPECT_NE(xml.find("severity=\"warning\""), std::string::npos);
  EXPECT_NE(xml.find("severity=\"error\""), std::string::npos);
  // Unknown position: line 1 of the file, no column.
  EXPECT_NE(xml.find("<error line=\"1\" severity=\"info\" message=\"The pods of this file"),
            std::string::npos)
      << xml;
}

// Parses `xml` with Python's XML parser (expat, which enforces XML 1.0's
// well-formedness rules) and prints the `attribute` of every `tag` element,
// NUL-terminated. nullopt when the parser rejects the document.
std::optional<std::string> parsed_attributes(const std::string& xml, const std::string& tag,
                                             const std::string& attribute_name) {
  const std::filesystem::path& dir = testing_support::scratch_dir();
  std::ofstream(dir / "report.xml", std::ios::binary) << xml;
  std::ofstream(dir / "check.py") << "import sys, xml.dom.minidom\n"
                                     "doc = xml.dom.minidom.parse(sys.argv[1])\n"
                                     "for e in doc.getElementsByTagName(sys.argv[2]):\n"
                                     "    sys.stdout.buffer.write(e.getAttribute(sys.argv[3])"
                                     ".encode('utf-8') + b'\\0')\n";
  std::string command = "python3 " + (dir / "check.py").string() + " " +
                        (dir / "report.xml").string() + " " + tag + " " + attribute_name +
                        " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  int status = ::pclose(pipe);
  if (status != 0) return std::nullopt;
  return out;
}

std::string nul_terminated(std::initializer_list<std::string_view> items) {
  std::string out;
  for (std::string_view item : items) {
    out += item;
    out += '\0';
  }
  return out;
}

bool has_python3() {
  return std::system("python3 -c '' >/dev/null 2>&1") == 0;
}

TEST(XmlWellFormed, TheCheckerRejectsMalformedXml) {
  if (!has_python3()) GTEST_SKIP() << "python3 is not installed";
  EXPECT_TRUE(parsed_attributes("<a b=\"c\"/>", "a", "b").has_value());
  EXPECT_FALSE(parsed_attributes("<a b=\"&\"/>", "a", "b").has_value());
  EXPECT_FALSE(parsed_attributes("<a b=\"\x01\"/>", "a", "b").has_value());
  EXPECT_FALSE(parsed_attributes("<a b=\"&#1;\"/>", "a", "b").has_value());
  EXPECT_FALSE(parsed_attributes("<a>caf\xE9</a>", "a", "b").has_value());
}

// Text no XML 1.0 document can hold, and text that needs escaping.
LintResult hostile_result() {
  LintResult result;
  result.findings = {make_finding("host-namespaces", Severity::High,
                                  std::string("<&\"'>\t\r\n ]]> \x01\x1b caf\xE9 n\xC5\x93ud"),
                                  "dir/<&>.yaml", {1, 2}, {"v1", "Pod", "ns", "a\"b"}, "", "p")};
  result.errors = {{"x\x02.yaml", {}, "bad & worse"}};
  return result;
}

const std::string kHostileMessageAfterParsing =
    "<&\"'>\t\r\n ]]> \uFFFD\uFFFD caf\uFFFD n\xC5\x93ud";

TEST(XmlWellFormed, Checkstyle) {
  if (!has_python3()) GTEST_SKIP() << "python3 is not installed";
  std::optional<std::string> sample =
      parsed_attributes(checkstyle_report(sample_result()), "error", "message");
  ASSERT_TRUE(sample.has_value());
  EXPECT_NE(sample->find(nul_terminated({kAwkwardMessage})), std::string::npos) << *sample;

  std::optional<std::string> hostile =
      parsed_attributes(checkstyle_report(hostile_result()), "error", "message");
  ASSERT_TRUE(hostile.has_value());
  EXPECT_EQ(*hostile, nul_terminated({"bad & worse", kHostileMessageAfterParsing}));
  EXPECT_EQ(parsed_attributes(checkstyle_report(hostile_result()), "file", "name"),
            nul_terminated({"x\uFFFD.yaml", "dir/<&>.yaml"}));
}

TEST(XmlWellFormed, Junit) {
  if (!has_python3()) GTEST_SKIP() << "python3 is not installed";
  std::optional<std::string> sample =
      parsed_attributes(junit_report(sample_result()), "failure", "message");
  ASSERT_TRUE(sample.has_value());
  EXPECT_NE(sample->find(nul_terminated({"line 7, column 5: " + kAwkwardMessage})),
            std::string::npos)
      << *sample;

  std::optional<std::string> hostile =
      parsed_attributes(junit_report(hostile_result()), "failure", "message");
  ASSERT_TRUE(hostile.has_value());
  EXPECT_EQ(*hostile, nul_terminated({"line 1, column 2: " + kHostileMessageAfterParsing}));
  EXPECT_EQ(parsed_attributes(junit_report(hostile_result()), "testcase", "classname"),
            nul_terminated({"x\uFFFD.yaml", "dir/<&>.yaml:Pod/ns/a\"b", "kube-harden"}));
}

}  // namespace
}  // namespace kube_harden
