#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <sstream>
#include <utility>
#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/report.h"

namespace kube_harden {
namespace {

std::string json_of(const LintResult& result) {
  std::ostringstream out;
  write_json_report(out, result);
  return out.str();
}

// Loading and rules both run on a pool of `jobs` threads; every fixture
// linted in one run (so cross-object rules see hundreds of objects) must
// give the same bytes whatever the pool's size.
TEST(LintJobs, OutputDoesNotDependOnJobs) {
  std::vector<InputError> errors;
  std::vector<LintInput> inputs = collect_inputs({std::string(KH_SOURCE_DIR) + "/testdata"}, errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_GT(inputs.size(), 100u);
  LintOptions options;
  options.jobs = 1;
  LintResult serial = lint(inputs, options);
  ASSERT_GT(serial.findings.size(), 500u);
  std::string expected = json_of(serial);
  for (unsigned jobs : {2u, 3u, 8u}) {
    options.jobs = jobs;
    EXPECT_EQ(json_of(lint(inputs, options)), expected) << "--jobs " << jobs;
  }
}

// A report written while lint() runs, file by file, has the bytes of the
// same report written from the collected result, whatever --jobs is; an
// unreadable input shows that errors reach streamed reports too.
TEST(LintStreaming, StreamedReportsEqualCollectedOnes) {
  std::vector<InputError> errors;
  std::vector<LintInput> inputs = collect_inputs({std::string(KH_SOURCE_DIR) + "/testdata"}, errors);
  ASSERT_TRUE(errors.empty());
  inputs.push_back(LintInput{"missing.yaml", "/nonexistent/missing.yaml", false, ""});
  inputs.push_back(LintInput{"broken.yaml", "", true, "a: [\n"});
  LintOptions options;
  LintResult collected = lint(inputs, options);
  ASSERT_GE(collected.errors.size(), 2u);
  // In output order, as the findings: by file name.
  EXPECT_EQ(collected.errors.back().file, "missing.yaml");
  using Stream = std::function<std::unique_ptr<StreamingReport>(std::ostream&)>;
  using Write = std::function<void(std::ostream&, const LintResult&)>;
  const TextStyle style{.color = false, .show_suppressed = true};
  const std::vector<std::pair<Stream, Write>> formats = {
      {[](std::ostream& out) { return json_report_stream(out); },
       [](std::ostream& out, const LintResult& r) { write_json_report(out, r); }},
      {[](std::ostream& out) { return sarif_report_stream(out, RuleCatalog::builtin(), false); },
       [](std::ostream& out, const LintResult& r) {
         write_sarif_report(out, r, RuleCatalog::builtin());
       }},
      {[&](std::ostream& out) { return text_report_stream(out, style); },
       [&](std::ostream& out, const LintResult& r) { write_text_report(out, r, style); }},
  };
  for (const auto& [stream, write] : formats) {
    std::ostringstream expected;
    write(expected, collected);
    for (unsigned jobs : {1u, 3u}) {
      options.jobs = jobs;
      std::ostringstream streamed;
      std::unique_ptr<StreamingReport> report = stream(streamed);
      LintResult result = lint(inputs, options, *report);
      EXPECT_TRUE(result.findings.empty());
      EXPECT_EQ(result.summary.findings_by_severity, collected.summary.findings_by_severity);
      report->finish(result);
      EXPECT_EQ(streamed.str(), expected.str()) << "--jobs " << jobs;
    }
  }
}

// Files are checked and reported in name order; two inputs under one name
// (a file given twice, stdin read twice) share one run of sorted findings.
TEST(LintStreaming, FindingsAreInOutputOrderAcrossFiles) {
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: NAME}\n"
      "spec:\n  hostNetwork: true\n  containers: [{name: c, image: nginx}]\n";
  auto named = [&](const std::string& file, const std::string& name, size_t padding) {
    std::string text = std::string(padding, '\n') + pod;
    text.replace(text.find("NAME"), 4, name);
    return LintInput{file, file, true, text};
  };
  std::vector<LintInput> inputs = {named("b.yaml", "late", 3), named("a.yaml", "first", 0),
                                   named("b.yaml", "early", 0)};
  for (unsigned jobs : {1u, 2u}) {
    LintOptions options;
    options.jobs = jobs;
    LintResult result = lint(inputs, options);
    ASSERT_FALSE(result.findings.empty());
    EXPECT_TRUE(std::is_sorted(result.findings.begin(), result.findings.end(), finding_order));
    EXPECT_EQ(result.findings.front().object.name, "first");
    EXPECT_EQ(result.findings.back().object.name, "late");
    bool interleaved = std::any_of(result.findings.begin(), result.findings.end(),
                                   [](const Finding& f) { return f.object.name == "early"; });
    EXPECT_TRUE(interleaved);
  }
}

}  // namespace
}  // namespace kube_harden
