#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "rules/pod_helpers.h"
#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

bool secret_like_name(const std::string& name) {
  static constexpr std::array<std::string_view, 8> kWords = {
      "PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "CREDENTIAL"};
  std::string upper_name = upper(name);
  return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view word) {
    return upper_name.find(word) != std::string::npos;
  });
}

// Literal secrets end up in git, in `kubectl describe`, and in every copy of
// the manifest. References to Secrets (valueFrom) are fine here.
class SecretInEnv : public Rule {
 public:
  std::string_view id() const override { return "secret-in-env"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    for (const Container& container : workload.pod.containers) {
      for (const EnvVar& variable : container.env) {
        const std::string& value = variable.value.value.value_or("");
        if (value.empty()) continue;
        std::string name = variable.name.value.value_or("");
        bool key_block = value.find("PRIVATE KEY-----") != std::string::npos;
        if (!key_block && !secret_like_name(name)) continue;
        context.report(
            variable.value.position, env_path(container, variable) + ".value",
            fmt::format("{} gets {} as a literal value in environment variable {}; "
                        "store it in a Secret and reference it",
                        describe(container), key_block ? "a private key" : "a secret", name),
            container.name);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_secret_in_env_rule() {
  return std::make_unique<SecretInEnv>();
}

}  // namespace kube_harden
