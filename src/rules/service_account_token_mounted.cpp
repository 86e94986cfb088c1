#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

const ServiceAccount* find_service_account(const Manifests& manifests,
                                           std::string_view namespace_name, std::string_view name) {
  auto effective_namespace = [](const std::string& ns) -> std::string_view {
    return ns.empty() ? std::string_view("default") : std::string_view(ns);
  };
  const ServiceAccount* found = nullptr;
  for (const ServiceAccount& account : manifests.service_accounts) {
    if (account.header.metadata.name == name &&
        effective_namespace(account.header.metadata.namespace_name) == namespace_name) {
      found = &account;
    }
  }
  return found;
}

// The admission plugin's order: the pod's field, else the ServiceAccount's,
// else true.
class ServiceAccountTokenMounted : public Rule {
 public:
  std::string_view id() const override { return "service-account-token-mounted"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    const BoolField& pod_field = pod.automount_service_account_token;
    std::string path = pod.path + ".automountServiceAccountToken";
    if (pod_field.is(false)) return;
    if (pod_field.is(true)) {
      context.report(pod_field.position, path,
                     "the pod sets automountServiceAccountToken: true, mounting an API token "
                     "into every container; set it to false unless the pod calls the API");
      return;
    }
    std::string account_name =
        pod.service_account_name.value.value_or(pod.service_account.value.value_or("default"));
    if (account_name.empty()) account_name = "default";
    const std::string& ns = workload.header.metadata.namespace_name;
    std::string namespace_name = ns.empty() ? "default" : ns;
    const ServiceAccount* account =
        find_service_account(context.manifests(), namespace_name, account_name);
    std::string reason;
    if (!account) {
      reason = fmt::format(
          "ServiceAccount \"{}\" is not in the input, so the default (true) "
          "applies",
          account_name);
    } else if (account->automount_service_account_token.is(false)) {
      return;
    } else {
      reason =
          fmt::format("ServiceAccount \"{}\" ({}:{}) does not set it to false", account_name,
                      context.file_name(account->header.file_index), account->header.position.line);
    }
    context.report(pod.position, path,
                   fmt::format("the service account token is mounted into every container: "
                               "the pod does not set automountServiceAccountToken and {}; set "
                               "automountServiceAccountToken: false",
                               reason));
  }
};

}  // namespace

std::unique_ptr<Rule> make_service_account_token_mounted_rule() {
  return std::make_unique<ServiceAccountTokenMounted>();
}

}  // namespace kube_harden
