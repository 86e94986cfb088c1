#include <gtest/gtest.h>

#include <sstream>
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

}  // namespace
}  // namespace kube_harden
