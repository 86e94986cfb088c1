#include <fmt/format.h>

#include <algorithm>

#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// A name the API server would accept (a DNS-1123 subdomain). Anything else,
// such as ${KSA_NAME} or <KSA_NAME>, is a template placeholder that is
// substituted before the manifest is applied: whether that account exists
// cannot be told from the input.
bool is_object_name(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

// When the input defines the ServiceAccounts of a namespace, a workload that
// names one that is not there is a typo or a missing file: the API server
// rejects its pods. Namespaces the input defines no account for are not
// judged, since their accounts may live elsewhere.
class ServiceAccountNotFound : public Rule {
 public:
  std::string_view id() const override { return "service-account-not-found"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    const PodSpec& pod = workload.pod;
    std::string name = service_account_name(pod);
    if (name == "default") return;  // created by Kubernetes in every namespace
    if (!is_object_name(name)) return;
    const RuleOptions& options = context.options();
    std::string ns = namespace_of(workload.header, options);
    const ManifestIndex& index = context.index();
    if (index.service_account(ns, name)) return;
    if (!index.has_service_accounts_in(ns)) return;
    const StringField& field =
        pod.service_account_name.present() ? pod.service_account_name : pod.service_account;
    context.report(
        field.position,
        pod.path + (pod.service_account_name.present() ? ".serviceAccountName" : ".serviceAccount"),
        fmt::format("ServiceAccount \"{}\" is not defined in namespace \"{}\", although "
                    "the input defines other accounts there; the API server rejects "
                    "pods that name a missing account",
                    name, ns));
  }
};

}  // namespace

std::unique_ptr<Rule> make_service_account_not_found_rule() {
  return std::make_unique<ServiceAccountNotFound>();
}

}  // namespace kube_harden
