#pragma once

#include <string>

#include "kube_harden/manifest_index.h"
#include "kube_harden/model.h"
#include "kube_harden/rule.h"

namespace kube_harden {

// The ServiceAccount a pod runs as: serviceAccountName, else the deprecated
// serviceAccount, else "default" (what the admission plugin fills in).
std::string service_account_name(const PodSpec& pod);

// Whether a pod gets an API token, and what decided it, in the admission
// plugin's order: the pod's field, else its ServiceAccount's, else true.
struct TokenMount {
  enum class Source { Pod, ServiceAccount, Default };
  bool mounted = true;
  Source source = Source::Default;
  std::string account_name;
  const ServiceAccount* account = nullptr;  // when the account is in the input
};

TokenMount resolve_token_mount(const Workload& workload, const ManifestIndex& index,
                               const RuleOptions& options);

// Reports a mounted token on the pod: at the pod's own field when it decided,
// else at the pod spec, saying where the decision came from.
void report_token_mount(const Workload& workload, const TokenMount& mount, RuleContext& context);

}  // namespace kube_harden
