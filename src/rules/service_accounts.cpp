#include "rules/service_accounts.h"

#include <fmt/format.h>

namespace kube_harden {

std::string service_account_name(const PodSpec& pod) {
  for (const StringField* field : {&pod.service_account_name, &pod.service_account}) {
    if (field->value && !field->value->empty()) return *field->value;
  }
  return "default";
}

TokenMount resolve_token_mount(const Workload& workload, const ManifestIndex& index,
                               const RuleOptions& options) {
  TokenMount mount;
  mount.account_name = service_account_name(workload.pod);
  mount.account = index.service_account(namespace_of(workload.header, options), mount.account_name);
  const BoolField& pod_field = workload.pod.automount_service_account_token;
  if (pod_field.value) {
    mount.mounted = *pod_field.value;
    mount.source = TokenMount::Source::Pod;
  } else if (mount.account && mount.account->automount_service_account_token.value) {
    mount.mounted = *mount.account->automount_service_account_token.value;
    mount.source = TokenMount::Source::ServiceAccount;
  }
  return mount;
}

void report_token_mount(const Workload& workload, const TokenMount& mount, RuleContext& context) {
  const PodSpec& pod = workload.pod;
  std::string path = pod.path + ".automountServiceAccountToken";
  std::string account = fmt::format("ServiceAccount \"{}\"", mount.account_name);
  switch (mount.source) {
    case TokenMount::Source::Pod:
      context.report(pod.automount_service_account_token.position, path,
                     fmt::format("the pod sets automountServiceAccountToken: true, mounting the "
                                 "API token of {} into every container; set it to false unless "
                                 "the pod calls the Kubernetes API",
                                 account));
      return;
    case TokenMount::Source::ServiceAccount:
      context.report(pod.position, path,
                     fmt::format("the API token of {} is mounted into every container: the pod "
                                 "does not set automountServiceAccountToken and the account "
                                 "({}:{}) sets it to true; set automountServiceAccountToken: false",
                                 account, context.file_name(mount.account->header.file_index),
                                 mount.account->header.position.line));
      return;
    case TokenMount::Source::Default:
      break;
  }
  std::string why = mount.account ? fmt::format("the account ({}:{}) does not set it either",
                                                context.file_name(mount.account->header.file_index),
                                                mount.account->header.position.line)
                                  : "the account is not in the input";
  context.report(pod.position, path,
                 fmt::format("the API token of {} is mounted into every container: the pod does "
                             "not set automountServiceAccountToken, {}, and Kubernetes defaults "
                             "to true; set automountServiceAccountToken: false",
                             account, why));
}

}  // namespace kube_harden
