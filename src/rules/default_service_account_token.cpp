#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// Every pod that names no account runs as "default", so whatever RBAC grants
// that account, every such pod holds, and a mounted token hands it over.
class DefaultServiceAccountToken : public Rule {
 public:
  std::string_view id() const override { return "default-service-account-token"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    TokenMount mount = resolve_token_mount(workload, context.index(), context.options());
    if (!mount.mounted || mount.account_name != "default") return;
    report_token_mount(workload, mount, context);
  }
};

}  // namespace

std::unique_ptr<Rule> make_default_service_account_token_rule() {
  return std::make_unique<DefaultServiceAccountToken>();
}

}  // namespace kube_harden
