#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kube_harden/k8s_version.h"
#include "kube_harden/model.h"
#include "kube_harden/position.h"
#include "kube_harden/rule_metadata.h"

namespace kube_harden {

class ManifestIndex;

// Settings of individual rules, from the config file's `parameters:`.
struct RuleParameters {
  // image-registry-not-allowed: registries (host, or host/path prefix) images
  // may come from; empty means the rule has nothing to check.
  std::vector<std::string> allowed_registries;
  // capabilities-added and capabilities-added-restricted accept these too:
  // a documented departure from the Pod Security Standards, by the user's choice.
  std::vector<std::string> allowed_extra_capabilities;
  // sensitive-host-path reports these as well as its built-in list.
  std::vector<std::string> sensitive_host_paths;
};

struct RuleOptions {
  PssLevel pss_level = PssLevel::Restricted;
  K8sVersion k8s_version = K8sVersion::latest();
  // Given on the command line: a Namespace's pod-security.kubernetes.io labels
  // in the input then do not override them.
  bool pss_level_from_flag = false;
  bool k8s_version_from_flag = false;
  // The namespace of objects that do not name one (--namespace).
  std::string default_namespace = "default";
  RuleParameters parameters;
};

// The namespace an object lives in: its own, else the run's default.
std::string namespace_of(const ObjectHeader& object, const RuleOptions& options);
std::string namespace_of(std::string_view written_namespace, const RuleOptions& options);

// What rules work out once per run and use for many objects (such as the
// grants of one ServiceAccount): one value per key, made on first use, even
// when several threads ask at once. Keys start with the rule's id.
class RunMemo {
 public:
  template <class T, class Make>
  const T& get(const std::string& key, const Make& make) {
    std::lock_guard lock(mutex_);
    auto it = values_.find(key);
    if (it == values_.end()) it = values_.emplace(key, std::make_shared<T>(make())).first;
    return *static_cast<const T*>(it->second.get());
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<void>> values_;
};

// What a rule sees while it checks one object: the options, every object of
// the run (for cross-object questions), and a way to report findings.
class RuleContext {
 public:
  virtual ~RuleContext() = default;

  virtual const RuleOptions& options() const = 0;
  // Lookups across objects (by namespace, account, binding...), built once per run.
  virtual const ManifestIndex& index() const = 0;
  virtual RunMemo& memo() const = 0;
  // The name findings use for the file an object came from (ObjectHeader::file_index).
  virtual const std::string& file_name(size_t file_index) const = 0;

  // Reports a finding on the object being checked. `container` is empty for
  // findings that are not about one container.
  virtual void report(Position position, std::string path, std::string message,
                      std::string container = {}) = 0;
  void report(const Container& container, Position position, std::string_view path_suffix,
              std::string message);
};

// One rule: a small class that says what it looks at by overriding the
// check_* methods for the object types it cares about.
class Rule {
 public:
  virtual ~Rule() = default;

  virtual std::string_view id() const = 0;

  // Called for every object of every kind, before the kind-specific check.
  virtual void check_object(const ObjectHeader&, RuleContext&) const {}
  virtual void check_workload(const Workload&, RuleContext&) const {}
  virtual void check_pod_security_policy(const PodSecurityPolicy&, RuleContext&) const {}
  virtual void check_service_account(const ServiceAccount&, RuleContext&) const {}
  virtual void check_network_policy(const NetworkPolicy&, RuleContext&) const {}
  virtual void check_role(const Role&, RuleContext&) const {}
  virtual void check_role_binding(const RoleBinding&, RuleContext&) const {}
};

}  // namespace kube_harden
