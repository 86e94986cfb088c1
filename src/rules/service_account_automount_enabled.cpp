#include <fmt/format.h>

#include "rules/rule_factories.h"

namespace kube_harden {
namespace {

// A ServiceAccount that does not opt out hands its token to every pod that
// does not opt out itself.
class ServiceAccountAutomountEnabled : public Rule {
 public:
  std::string_view id() const override { return "service-account-automount-enabled"; }

  void check_service_account(const ServiceAccount& account, RuleContext& context) const override {
    const BoolField& field = account.automount_service_account_token;
    if (field.is(false)) return;
    const ObjectMeta& meta = account.header.metadata;
    Position position = field.present()              ? field.position
                        : meta.name_position.known() ? meta.name_position
                                                     : account.header.position;
    context.report(position, "automountServiceAccountToken",
                   fmt::format("ServiceAccount \"{}\" {} automountServiceAccountToken, so pods "
                               "using it get its API token unless they opt out; set "
                               "automountServiceAccountToken: false and mount the token only in "
                               "pods that call the API",
                               meta.name, field.present() ? "enables" : "does not disable"));
  }
};

}  // namespace

std::unique_ptr<Rule> make_service_account_automount_enabled_rule() {
  return std::make_unique<ServiceAccountAutomountEnabled>();
}

}  // namespace kube_harden
