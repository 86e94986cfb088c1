#include "kube_harden/config.h"

namespace kube_harden {

// Every key is present and commented, so the file documents itself; the
// values are the built-in defaults, so writing it changes nothing.
std::string default_config_text() {
  return R"(# kube-harden configuration: https://github.com/kube-harden/kube-harden/blob/main/docs/config.md
# Found in the current directory or any parent; `--config FILE` names another.
# Command-line flags override what is set here.

# Exit 1 when an unsuppressed finding is at or above this severity:
# critical, high, medium, low, info or never.
failOn: high

# Pod Security Standards to enforce. Setting them here works like --pss and
# --k8s-version: Namespace pod-security.kubernetes.io labels no longer apply.
# pss:
#   level: restricted      # baseline or restricted
#   version: latest        # v1.0 ... v1.37, or latest

# Namespace of objects that do not name one.
namespace: default

rules:
  # Run only these rules (all when empty).
  only: []
  # Rules not to run, and rules to run even if `only` leaves them out.
  disable: []
  enable: []
  # Report a rule at another severity, e.g. image-tag-mutable: high
  severity: {}
  # Rules whose findings no annotation, comment or exemption may suppress.
  unsuppressible: []

parameters:
  # image-registry-not-allowed: registries images may come from, e.g.
  # registry.example.com or ghcr.io/my-org. Empty: the rule checks nothing.
  allowedRegistries: []
  # Capabilities capabilities-added and capabilities-added-restricted accept
  # in addition to the Pod Security Standards' lists, e.g. NET_ADMIN.
  allowedExtraCapabilities: []
  # Host paths sensitive-host-path reports in addition to its built-in list.
  sensitiveHostPaths: []

# Files not to lint: globs relative to this file's directory, where * stays
# within one directory and ** crosses any number, e.g. "charts/**/tests/*.yaml".
exclude: []

# Findings accepted for a reason. Each entry needs rules (ids or "*"), at
# least one of namespace, kind, name, container (* and ? wildcards), and a reason.
exemptions: []
# - rules: [host-namespaces]
#   namespace: monitoring
#   kind: DaemonSet
#   name: node-exporter
#   reason: reads node metrics from the host network namespace

# Honour kube-harden.io/ignore annotations and `# kube-harden:ignore` comments.
# false (or --no-inline-suppressions) leaves exemptions above as the only way.
inlineSuppressions: true
)";
}

}  // namespace kube_harden
