// libFuzzer target: the whole pipeline (load, model, rules) on arbitrary
// bytes, followed by every reporter, as `kube-harden lint` would run it.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "kube_harden/lint.h"
#include "kube_harden/report.h"
#include "kube_harden/rule_metadata.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kube_harden;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const LintResult result = lint({LintInput{"fuzz.yaml", "", true, text}}, LintOptions{});

  std::ostringstream out;
  write_text_report(out, result, TextStyle{});
  write_json_report(out, result);
  write_sarif_report(out, result, RuleCatalog::builtin());
  return 0;
}
