#include "rules/rule_factories.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

// Tokens of named ServiceAccounts; the default account's token is
// default-service-account-token's, so one pod gets one finding.
class ServiceAccountTokenMounted : public Rule {
 public:
  std::string_view id() const override { return "service-account-token-mounted"; }

  void check_workload(const Workload& workload, RuleContext& context) const override {
    TokenMount mount = resolve_token_mount(workload, context.index(), context.options());
    if (!mount.mounted || mount.account_name == "default") return;
    report_token_mount(workload, mount, context);
  }
};

}  // namespace

std::unique_ptr<Rule> make_service_account_token_mounted_rule() {
  return std::make_unique<ServiceAccountTokenMounted>();
}

}  // namespace kube_harden
