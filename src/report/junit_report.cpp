// JUnit XML, as read by Jenkins, GitLab, Azure Pipelines and most test
// report viewers: a testsuite per file, a testcase per (object, rule).

#include <algorithm>
#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <fmt/format.h>

#include "kube_harden/report.h"
#include "report/text_lines.h"
#include "report/xml_escape.h"

namespace kube_harden {

namespace {

constexpr std::string_view kToolName = "kube-harden";
constexpr std::string_view kInputErrorCase = "input-error";

struct TestCase {
  std::string classname;
  std::string name;
  std::vector<const Finding*> findings;
  std::vector<const InputError*> errors;
};

struct TestSuite {
  const std::string* file;
  std::vector<TestCase> cases;
  std::map<std::pair<std::string, std::string>, size_t> index;

  TestCase& case_for(std::string classname, std::string name) {
    auto [it, inserted] = index.emplace(std::pair{classname, name}, cases.size());
    if (inserted) cases.push_back({std::move(classname), std::move(name), {}, {}});
    return cases[it->second];
  }
};

enum class Outcome { Passed, Failure, Error, Skipped };

struct Counts {
  size_t tests = 0;
  size_t failures = 0;
  size_t errors = 0;
  size_t skipped = 0;

  void add(Outcome outcome) {
    ++tests;
    if (outcome == Outcome::Error) ++errors;
    if (outcome == Outcome::Failure) ++failures;
    if (outcome == Outcome::Skipped) ++skipped;
  }
  std::string attributes() const {
    return xml_attribute("tests", fmt::format("{}", tests)) +
           xml_attribute("failures", fmt::format("{}", failures)) +
           xml_attribute("errors", fmt::format("{}", errors)) +
           xml_attribute("skipped", fmt::format("{}", skipped));
  }
};

// "deploy/web.yaml:Deployment/shop/web"; the file alone when there is no object.
std::string classname(const std::string& file, const ObjectRef& object) {
  std::vector<std::string_view> parts;
  for (const std::string* part : {&object.kind, &object.namespace_name, &object.name}) {
    if (!part->empty()) parts.push_back(*part);
  }
  if (parts.empty()) return file;
  return fmt::format("{}:{}", file, fmt::join(parts, "/"));
}

// Input errors first, then findings, each grouped by file in the order files
// first appear: both lists are already sorted, so this is deterministic.
std::vector<TestSuite> test_suites(const LintResult& result) {
  std::vector<TestSuite> suites;
  std::map<std::string_view, size_t> index;
  auto suite_for = [&](const std::string& file) -> TestSuite& {
    auto [it, inserted] = index.emplace(file, suites.size());
    if (inserted) suites.push_back({&file, {}, {}});
    return suites[it->second];
  };
  for (const InputError& error : result.errors) {
    suite_for(error.file)
        .case_for(error.file, std::string(kInputErrorCase))
        .errors.push_back(&error);
  }
  for (const Finding& finding : result.findings) {
    suite_for(finding.file)
        .case_for(classname(finding.file, finding.object), finding.rule_id)
        .findings.push_back(&finding);
  }
  return suites;
}

std::vector<const Finding*> unsuppressed(const TestCase& test) {
  std::vector<const Finding*> found;
  for (const Finding* finding : test.findings) {
    if (!finding->suppressed) found.push_back(finding);
  }
  return found;
}

Outcome outcome(const TestCase& test) {
  if (!test.errors.empty()) return Outcome::Error;
  if (!unsuppressed(test).empty()) return Outcome::Failure;
  return Outcome::Skipped;
}

// "line 12, column 11: message", plus how many more the body lists.
std::string short_message(Position position, const std::string& message, size_t more) {
  std::string text = message;
  if (position.known()) {
    text = fmt::format("line {}, column {}: {}", position.line, position.column, message);
  }
  if (more > 0) text += fmt::format(" (and {} more)", more);
  return text;
}

void write_error(std::ostream& out, const TestCase& test) {
  const InputError& first = *test.errors.front();
  std::string body;
  for (const InputError* error : test.errors) {
    body += fmt::format("{}: error: {}\n", location(error->file, error->position), error->message);
  }
  out << "      <error"
      << xml_attribute("message",
                       short_message(first.position, first.message, test.errors.size() - 1))
      << xml_attribute("type", kInputErrorCase) << ">" << xml_escape(body, XmlContext::Text)
      << "</error>\n";
}

// The body lists every finding of the case, suppressed ones marked as such.
void write_failure(std::ostream& out, const TestCase& test) {
  std::vector<const Finding*> failing = unsuppressed(test);
  const Finding& first = *failing.front();
  Severity most_severe = first.severity;
  for (const Finding* finding : failing) most_severe = std::max(most_severe, finding->severity);
  std::string body;
  for (const Finding* finding : test.findings) body += finding_line(*finding, false) + "\n";
  out << "      <failure"
      << xml_attribute("message", short_message(first.position, first.message, failing.size() - 1))
      << xml_attribute("type", to_string(most_severe)) << ">" << xml_escape(body, XmlContext::Text)
      << "</failure>\n";
}

void write_test_case(std::ostream& out, const std::string& file, const TestCase& test) {
  Position position =
      test.errors.empty() ? test.findings.front()->position : test.errors.front()->position;
  out << "    <testcase" << xml_attribute("name", test.name)
      << xml_attribute("classname", test.classname) << xml_attribute("file", file);
  if (position.known()) out << xml_attribute("line", fmt::format("{}", position.line));
  out << ">\n";
  switch (outcome(test)) {
    case Outcome::Passed:
      break;
    case Outcome::Error:
      write_error(out, test);
      break;
    case Outcome::Failure:
      write_failure(out, test);
      break;
    case Outcome::Skipped:
      out << "      <skipped"
          << xml_attribute("message", suppression_note(*test.findings.front()->suppressed))
          << "/>\n";
      break;
  }
  out << "    </testcase>\n";
}

}  // namespace

// The result only lists objects with findings, so clean objects get no
// testcase of their own. One passing testcase, kube-harden/lint, is always
// there instead: its output says what was linted, and a clean run is one
// passed test rather than an empty report, which some CI systems reject.
void write_junit_report(std::ostream& out, const LintResult& result) {
  std::vector<TestSuite> suites = test_suites(result);
  std::vector<Counts> suite_counts(suites.size());
  Counts total;
  for (size_t i = 0; i < suites.size(); ++i) {
    for (const TestCase& test : suites[i].cases) {
      suite_counts[i].add(outcome(test));
      total.add(outcome(test));
    }
  }
  Counts summary_counts;
  summary_counts.add(Outcome::Passed);
  total.add(Outcome::Passed);

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites" << xml_attribute("name", kToolName) << total.attributes() << ">\n";
  for (size_t i = 0; i < suites.size(); ++i) {
    out << "  <testsuite" << xml_attribute("name", *suites[i].file) << suite_counts[i].attributes()
        << ">\n";
    for (const TestCase& test : suites[i].cases) write_test_case(out, *suites[i].file, test);
    out << "  </testsuite>\n";
  }
  // Suppressed findings are listed (as skipped), so no --show-suppressed hint.
  TextStyle style{.show_suppressed = true};
  out << "  <testsuite" << xml_attribute("name", kToolName) << summary_counts.attributes() << ">\n";
  out << "    <testcase" << xml_attribute("name", "lint") << xml_attribute("classname", kToolName)
      << ">\n";
  out << "      <system-out>" << xml_escape(summary_line(result, style), XmlContext::Text)
      << "</system-out>\n";
  out << "    </testcase>\n";
  out << "  </testsuite>\n";
  out << "</testsuites>\n";
}

}  // namespace kube_harden
