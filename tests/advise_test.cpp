// `kube-harden advise`: levels against lint, PSPs against admission, YAML
// against the loader, and the command's contract.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "advise/yaml_writer.h"
#include "kube_harden/advise.h"
#include "kube_harden/model_builder.h"
#include "kube_harden/yaml_loader.h"
#include "process_runner.h"
#include "rules/service_accounts.h"

namespace kube_harden {
namespace {

namespace fs = std::filesystem;

const std::string kAdviseData = std::string(KH_SOURCE_DIR) + "/testdata/advise";

std::vector<std::string> fixture_sets() {
  std::vector<std::string> sets;
  for (const auto& entry : fs::directory_iterator(kAdviseData)) {
    if (entry.is_directory()) sets.push_back(entry.path().string());
  }
  std::sort(sets.begin(), sets.end());
  return sets;
}

std::vector<LintInput> inputs_of(const std::string& path) {
  std::vector<InputError> errors;
  std::vector<LintInput> inputs = collect_inputs({path}, errors);
  EXPECT_TRUE(errors.empty());
  return inputs;
}

LintInput text_input(std::string name, std::string text) {
  return LintInput{std::move(name), {}, true, std::move(text)};
}

Manifests manifests_of(const std::vector<LintInput>& inputs) {
  Manifests manifests;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string text = inputs[i].text;
    if (!inputs[i].has_text) {
      std::ifstream in(inputs[i].path);
      text.assign(std::istreambuf_iterator<char>(in), {});
    }
    YamlLoadResult yaml = load_yaml(text);
    EXPECT_TRUE(yaml.errors.empty()) << inputs[i].display_name;
    DocumentCounts counts;
    build_manifests(yaml.file, i, manifests, counts);
  }
  return manifests;
}

// The strictest level at which `lint --pss LEVEL` reports no PSS finding in
// the namespace, computed from lint alone.
std::string strictest_lint_level(const std::vector<LintInput>& inputs, const std::string& space,
                                 const K8sVersion& version) {
  for (PssLevel level : {PssLevel::Restricted, PssLevel::Baseline}) {
    LintOptions options;
    options.rules.pss_level = level;
    options.rules.pss_level_from_flag = true;
    options.rules.k8s_version = version;
    options.rules.k8s_version_from_flag = true;
    LintResult result = lint(inputs, options);
    bool clean =
        std::none_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
          std::string ns = f.object.namespace_name.empty() ? "default" : f.object.namespace_name;
          return f.pss && ns == space;
        });
    if (clean) return std::string(to_string(level));
  }
  return "privileged";
}

const NamespaceAdvice& find_namespace(const Advice& advice, const std::string& name) {
  for (const NamespaceAdvice& space : advice.namespaces) {
    if (space.name == name) return space;
  }
  throw std::runtime_error("no advice for namespace " + name);
}

std::vector<const Workload*> workloads_in(const Manifests& manifests, const std::string& space) {
  std::vector<const Workload*> workloads;
  RuleOptions options;
  for (const Workload& workload : manifests.workloads) {
    if (space.empty() || namespace_of(workload.header, options) == space) {
      workloads.push_back(&workload);
    }
  }
  return workloads;
}

bool token_mounted(const Workload& workload, const Manifests& manifests) {
  return resolve_token_mount(workload, ManifestIndex(manifests, RuleOptions{}), RuleOptions{})
      .mounted;
}

// Every refusal of every workload, as "name: reason".
std::vector<std::string> refusals(const std::vector<const Workload*>& workloads,
                                  const Manifests& manifests, const PspSpec& psp) {
  std::vector<std::string> all;
  for (const Workload* workload : workloads) {
    for (const std::string& reason :
         psp_refusals(*workload, psp, token_mounted(*workload, manifests))) {
      all.push_back(workload->header.metadata.name + ": " + reason);
    }
  }
  return all;
}

TEST(AdviseLevels, EqualTheStrictestLevelLintPasses) {
  for (const std::string& set : fixture_sets()) {
    std::vector<LintInput> inputs = inputs_of(set);
    for (const K8sVersion& version : {K8sVersion::latest(), K8sVersion{22}}) {
      AdviseOptions options;
      options.lint.rules.k8s_version = version;
      Advice advice = advise(inputs, options);
      ASSERT_FALSE(advice.namespaces.empty()) << set;
      for (const NamespaceAdvice& space : advice.namespaces) {
        EXPECT_EQ(to_string(space.level), strictest_lint_level(inputs, space.name, version))
            << set << " namespace " << space.name << " at " << version.to_string();
      }
    }
  }
}

TEST(AdviseLevels, FixturesCoverEveryLevel) {
  Advice mixed = advise(inputs_of(kAdviseData + "/mixed"), {});
  EXPECT_EQ(find_namespace(mixed, "empty").level, AdvisedLevel::Restricted);
  EXPECT_EQ(find_namespace(mixed, "shop").level, AdvisedLevel::Baseline);
  EXPECT_EQ(find_namespace(mixed, "ops").level, AdvisedLevel::Privileged);
  Advice unnamed = advise(inputs_of(kAdviseData + "/restricted-only"), {});
  ASSERT_EQ(unnamed.namespaces.size(), 1u);
  EXPECT_EQ(unnamed.namespaces[0].name, "default");
  EXPECT_EQ(unnamed.namespaces[0].level, AdvisedLevel::Restricted);
  AdviseOptions elsewhere;
  elsewhere.lint.rules.default_namespace = "payments";
  EXPECT_EQ(advise(inputs_of(kAdviseData + "/restricted-only"), elsewhere).namespaces[0].name,
            "payments");
}

TEST(AdviseLevels, LabelsWarnAndAuditOneLevelStricterAndPinTheVersion) {
  AdviseOptions options;
  options.lint.rules.k8s_version = *K8sVersion::parse("v1.29");
  Advice advice = advise(inputs_of(kAdviseData + "/mixed"), options);
  const std::string p = "pod-security.kubernetes.io/";
  using Labels = std::map<std::string, std::string>;
  EXPECT_EQ(find_namespace(advice, "ops").labels, (Labels{{p + "audit", "baseline"},
                                                          {p + "audit-version", "v1.29"},
                                                          {p + "enforce", "privileged"},
                                                          {p + "enforce-version", "v1.29"},
                                                          {p + "warn", "baseline"},
                                                          {p + "warn-version", "v1.29"}}));
  EXPECT_EQ(find_namespace(advice, "shop").labels.at(p + "enforce"), "baseline");
  EXPECT_EQ(find_namespace(advice, "shop").labels.at(p + "warn"), "restricted");
  EXPECT_EQ(find_namespace(advice, "empty").labels.at(p + "enforce"), "restricted");
  EXPECT_EQ(find_namespace(advice, "empty").labels.at(p + "audit"), "restricted");
}

TEST(AdviseLevels, BlockersPointAtTheBlockingFields) {
  Advice advice = advise(inputs_of(kAdviseData + "/mixed"), {});
  const NamespaceAdvice& ops = find_namespace(advice, "ops");
  std::vector<std::string> places;
  for (const Blocker& blocker : ops.blockers) {
    places.push_back(fmt::format("{}:{}:{} {}", fs::path(blocker.file).filename().string(),
                                 blocker.position.line, blocker.position.column, blocker.check));
  }
  EXPECT_NE(std::find(places.begin(), places.end(), "ops.yaml:43:3 hostNamespaces"), places.end());
  EXPECT_NE(std::find(places.begin(), places.end(), "ops.yaml:55:9 privileged"), places.end());
  // Baseline blocks: restricted-only checks are not what holds ops back.
  for (const Blocker& blocker : ops.blockers) EXPECT_NE(blocker.check, "runAsNonRoot");
  const NamespaceAdvice& shop = find_namespace(advice, "shop");
  ASSERT_FALSE(shop.blockers.empty());
  for (const Blocker& blocker : shop.blockers) EXPECT_EQ(blocker.object.name, "report");
  EXPECT_TRUE(find_namespace(advice, "empty").blockers.empty());
}

TEST(AdvisePsp, AdmitsEveryInputWorkload) {
  for (const std::string& set : fixture_sets()) {
    std::vector<LintInput> inputs = inputs_of(set);
    Manifests manifests = manifests_of(inputs);
    for (bool per_namespace : {true, false}) {
      AdviseOptions options;
      options.psp = true;
      options.psp_per_namespace = per_namespace;
      Advice advice = advise(inputs, options);
      ASSERT_TRUE(advice.psps);
      ASSERT_FALSE(advice.psps->empty());
      for (const PspAdvice& psp : *advice.psps) {
        auto scoped = workloads_in(manifests, psp.scope);
        EXPECT_EQ(refusals(scoped, manifests, psp.psp), std::vector<std::string>{})
            << set << " " << psp.psp.name;
        EXPECT_NE(psp.psp.name.find(psp.scope), std::string::npos);
      }
    }
  }
}

// Every single step that tightens a generated PSP must refuse some input
// workload: otherwise the field was looser than the inputs need.
std::vector<std::pair<std::string, PspSpec>> tightenings(const PspSpec& psp) {
  std::vector<std::pair<std::string, PspSpec>> steps;
  auto step = [&](std::string what, const std::function<void(PspSpec&)>& change) {
    PspSpec tighter = psp;
    change(tighter);
    steps.emplace_back(std::move(what), std::move(tighter));
  };
  for (auto [name, flag] :
       {std::pair{"privileged", &PspSpec::privileged},
        std::pair{"hostNetwork", &PspSpec::host_network}, std::pair{"hostPID", &PspSpec::host_pid},
        std::pair{"hostIPC", &PspSpec::host_ipc},
        std::pair{"allowPrivilegeEscalation", &PspSpec::allow_privilege_escalation}}) {
    if (psp.*flag) step(name, [flag](PspSpec& p) { p.*flag = false; });
  }
  if (!psp.read_only_root_filesystem) {
    step("readOnlyRootFilesystem", [](PspSpec& p) { p.read_only_root_filesystem = true; });
  }
  for (auto [name, list] :
       {std::pair{"allowedCapabilities", &PspSpec::allowed_capabilities},
        std::pair{"volumes", &PspSpec::volumes},
        std::pair{"allowedUnsafeSysctls", &PspSpec::allowed_unsafe_sysctls},
        std::pair{"allowedProcMountTypes", &PspSpec::allowed_proc_mount_types}}) {
    for (size_t i = 0; i < (psp.*list).size(); ++i) {
      step(fmt::format("{} without {}", name, (psp.*list)[i]),
           [list, i](PspSpec& p) { (p.*list).erase((p.*list).begin() + i); });
    }
  }
  for (size_t i = 0; i < psp.host_ports.size(); ++i) {
    const IdRange range = psp.host_ports[i];
    step("hostPorts without a range",
         [i](PspSpec& p) { p.host_ports.erase(p.host_ports.begin() + i); });
    if (range.min < range.max) {
      step("hostPorts range narrowed", [i](PspSpec& p) { ++p.host_ports[i].min; });
    }
  }
  for (size_t i = 0; i < psp.allowed_host_paths.size(); ++i) {
    if (!psp.allowed_host_paths[i].read_only) {
      step("host path read-only", [i](PspSpec& p) { p.allowed_host_paths[i].read_only = true; });
    }
    step("host path removed",
         [i](PspSpec& p) { p.allowed_host_paths.erase(p.allowed_host_paths.begin() + i); });
  }
  if (psp.run_as_user.rule == "RunAsAny") {
    step("runAsUser MustRunAsNonRoot", [](PspSpec& p) {
      p.run_as_user = {"MustRunAsNonRoot", {}};
    });
  }
  if (psp.run_as_user.rule == "MustRunAsNonRoot") {
    step("runAsUser MustRunAs 1000", [](PspSpec& p) {
      p.run_as_user = {"MustRunAs", {{1000, 1000}}};
    });
  }
  for (size_t i = 0; i < psp.run_as_user.ranges.size(); ++i) {
    step("runAsUser without a range",
         [i](PspSpec& p) { p.run_as_user.ranges.erase(p.run_as_user.ranges.begin() + i); });
  }
  if (psp.fs_group.rule == "MayRunAs") {
    step("fsGroup MustRunAs", [](PspSpec& p) { p.fs_group.rule = "MustRunAs"; });
  }
  return steps;
}

TEST(AdvisePsp, EveryFieldIsAsTightAsTheInputsAllow) {
  for (const std::string& set : fixture_sets()) {
    std::vector<LintInput> inputs = inputs_of(set);
    Manifests manifests = manifests_of(inputs);
    AdviseOptions options;
    options.psp = true;
    Advice advice = advise(inputs, options);
    for (const PspAdvice& psp : *advice.psps) {
      auto scoped = workloads_in(manifests, psp.scope);
      for (const auto& [what, tighter] : tightenings(psp.psp)) {
        EXPECT_FALSE(refusals(scoped, manifests, tighter).empty())
            << set << " " << psp.psp.name << ": " << what << " still admits everything";
      }
    }
  }
}

const char* kTwoPods = R"(apiVersion: v1
kind: Pod
metadata: {name: a, namespace: n}
spec:
  automountServiceAccountToken: false
  containers:
    - name: c
      image: x:1
      securityContext:
        capabilities: {add: [NET_ADMIN, CHOWN], drop: [ALL, NET_RAW]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: n}
spec:
  automountServiceAccountToken: false
  containers:
    - name: c
      image: x:1
      securityContext:
        capabilities: {add: [CHOWN], drop: [NET_RAW]}
)";

PspSpec psp_for(const std::string& yaml, Manifests& manifests) {
  manifests = manifests_of({text_input("pods.yaml", yaml)});
  return generate_psp(workloads_in(manifests, ""), ManifestIndex(manifests, RuleOptions{}),
                      RuleOptions{}, "p");
}

TEST(AdvisePsp, CapabilitiesAreTheUnionAddedAndTheIntersectionDropped) {
  Manifests manifests;
  PspSpec psp = psp_for(kTwoPods, manifests);
  EXPECT_EQ(psp.allowed_capabilities, (std::vector<std::string>{"CHOWN", "NET_ADMIN"}));
  EXPECT_EQ(psp.required_drop_capabilities, std::vector<std::string>{"NET_RAW"});
  EXPECT_EQ(psp.volumes, std::vector<std::string>{});

  // Without pod a's NET_ADMIN the PSP gets tighter, and refuses pod a as it was.
  std::string without = kTwoPods;
  without.replace(without.find("NET_ADMIN, "), 11, "");
  Manifests tighter_manifests;
  PspSpec tighter = psp_for(without, tighter_manifests);
  EXPECT_EQ(tighter.allowed_capabilities, std::vector<std::string>{"CHOWN"});
  EXPECT_EQ(psp_refusals(manifests.workloads[0], tighter, false),
            std::vector<std::string>{"container \"c\": capability NET_ADMIN may not be added"});
}

TEST(AdvisePsp, HostPortsAreRangesWithoutZeroAndHostNetworkPortsCount) {
  Manifests manifests;
  PspSpec psp = psp_for(R"(apiVersion: v1
kind: Pod
metadata: {name: host}
spec:
  hostNetwork: true
  containers:
    - name: c
      image: x:1
      ports:
        - {containerPort: 8080}
---
apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers:
    - name: c
      image: x:1
      ports:
        - {containerPort: 1, hostPort: 9001}
        - {containerPort: 2, hostPort: 9000}
        - {containerPort: 3, hostPort: 9003}
        - {containerPort: 4, hostPort: 0}
)",
                        manifests);
  EXPECT_EQ(psp.host_ports, (std::vector<IdRange>{{8080, 8080}, {9000, 9001}, {9003, 9003}}));
  EXPECT_TRUE(psp.host_network);
}

TEST(AdvisePsp, HostPathsAreReadOnlyOnlyWhenEveryMountIs) {
  Manifests manifests;
  PspSpec psp = psp_for(R"(apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  initContainers:
    - name: init
      image: x:1
      volumeMounts: [{name: logs, mountPath: /l, readOnly: true}, {name: data, mountPath: /d}]
  containers:
    - name: c
      image: x:1
      volumeMounts: [{name: logs, mountPath: /l, readOnly: true}, {name: data, mountPath: /d, readOnly: true}]
  volumes:
    - {name: logs, hostPath: {path: /var/log}}
    - {name: data, hostPath: {path: /srv/data}}
)",
                        manifests);
  ASSERT_EQ(psp.allowed_host_paths.size(), 2u);
  EXPECT_EQ(psp.allowed_host_paths[0].path_prefix, "/srv/data");
  EXPECT_FALSE(psp.allowed_host_paths[0].read_only);
  EXPECT_EQ(psp.allowed_host_paths[1].path_prefix, "/var/log");
  EXPECT_TRUE(psp.allowed_host_paths[1].read_only);
  EXPECT_EQ(psp.volumes, (std::vector<std::string>{"hostPath", "projected"}));
}

TEST(AdvisePsp, UsersFallBackToThePodAndPickTheTightestRule) {
  Manifests manifests;
  const std::string both_set = R"(apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  securityContext: {runAsUser: 1000, runAsNonRoot: true}
  containers:
    - {name: c, image: "x:1"}
    - {name: d, image: "x:1", securityContext: {runAsUser: 1001, readOnlyRootFilesystem: true}}
)";
  PspSpec psp = psp_for(both_set, manifests);
  EXPECT_EQ(psp.run_as_user.rule, "MustRunAs");
  EXPECT_EQ(psp.run_as_user.ranges, (std::vector<IdRange>{{1000, 1001}}));
  EXPECT_FALSE(psp.read_only_root_filesystem);

  std::string non_root_only = both_set;
  non_root_only.replace(non_root_only.find("runAsUser: 1000, "), 17, "");
  EXPECT_EQ(psp_for(non_root_only, manifests).run_as_user.rule, "MustRunAsNonRoot");
}

TEST(AdvisePsp, AdmissionRefusesWhatThePolicyForbids) {
  Manifests manifests = manifests_of(inputs_of(kAdviseData + "/mixed"));
  PspSpec strict;
  strict.volumes = {"projected"};
  strict.run_as_user.rule = "MustRunAsNonRoot";
  strict.allow_privilege_escalation = false;
  strict.allowed_host_paths = {{"/var", true}};
  const Workload* debug = nullptr;
  const Workload* shipper = nullptr;
  for (const Workload& workload : manifests.workloads) {
    if (workload.header.metadata.name == "node-debug") debug = &workload;
    if (workload.header.metadata.name == "log-shipper") shipper = &workload;
  }
  ASSERT_TRUE(debug && shipper);
  EXPECT_EQ(psp_refusals(*debug, strict, true),
            (std::vector<std::string>{
                "hostPID is not allowed", "container \"debug\": privileged is not allowed",
                "container \"debug\": host port 9100 is not allowed",
                "container \"debug\": host port 9101 is not allowed",
                "container \"debug\": allowPrivilegeEscalation must be false",
                "container \"debug\": running with the root UID is forbidden"}));
  std::vector<std::string> shipper_refusals = psp_refusals(*shipper, strict, true);
  EXPECT_NE(std::find(shipper_refusals.begin(), shipper_refusals.end(),
                      "host path /var/lib/shipper must be mounted read-only"),
            shipper_refusals.end());
  EXPECT_EQ(
      std::count_if(shipper_refusals.begin(), shipper_refusals.end(),
                    [](const std::string& r) { return r.find("/var/log") != std::string::npos; }),
      0);
}

std::string yaml_of(const Advice& advice) {
  std::ostringstream out;
  write_advice_yaml(out, advice);
  return out.str();
}

std::string json_of(const Advice& advice) {
  std::ostringstream out;
  write_advice_json(out, advice);
  return out.str();
}

TEST(Advise, AdviceDoesNotDependOnJobs) {
  std::vector<InputError> errors;
  const std::vector<LintInput> inputs = collect_inputs({kAdviseData}, errors);
  ASSERT_GT(inputs.size(), 3u);
  AdviseOptions options;
  options.psp = true;
  options.report = true;
  options.lint.jobs = 1;
  const std::string one_thread = json_of(advise(inputs, options));
  EXPECT_NE(one_thread.find("\"blockers\""), std::string::npos);
  for (unsigned jobs : {2u, 3u, 8u}) {
    options.lint.jobs = jobs;
    EXPECT_EQ(json_of(advise(inputs, options)), one_thread) << jobs << " jobs";
  }
}

TEST(AdviseYaml, LoadsBackAndRoundTripsThePolicy) {
  for (const std::string& set : fixture_sets()) {
    for (bool per_namespace : {true, false}) {
      AdviseOptions options;
      options.psp = true;
      options.psp_per_namespace = per_namespace;
      Advice advice = advise(inputs_of(set), options);
      const std::string text = yaml_of(advice);
      LintResult linted = lint({text_input("advice.yaml", text)}, LintOptions{});
      EXPECT_TRUE(linted.errors.empty()) << set;
      EXPECT_EQ(linted.summary.skipped, 0u) << set;
      Manifests back = manifests_of({text_input("advice.yaml", text)});

      ASSERT_EQ(back.namespaces.size(), advice.namespaces.size());
      for (size_t i = 0; i < advice.namespaces.size(); ++i) {
        const ObjectMeta& meta = back.namespaces[i].header.metadata;
        EXPECT_EQ(meta.name, advice.namespaces[i].name);
        std::map<std::string, std::string> labels;
        for (const KeyValue& label : meta.labels) labels[label.key] = label.value;
        EXPECT_EQ(labels, advice.namespaces[i].labels);
      }
      ASSERT_EQ(back.pod_security_policies.size(), advice.psps->size());
      for (size_t i = 0; i < advice.psps->size(); ++i) {
        const PspSpec& sent = (*advice.psps)[i].psp;
        const PodSecurityPolicy& got = back.pod_security_policies[i];
        EXPECT_EQ(got.header.metadata.name, sent.name);
        EXPECT_EQ(got.privileged.value, sent.privileged);
        EXPECT_EQ(got.host_network.value, sent.host_network);
        EXPECT_EQ(got.host_pid.value, sent.host_pid);
        EXPECT_EQ(got.host_ipc.value, sent.host_ipc);
        EXPECT_EQ(got.allow_privilege_escalation.value, sent.allow_privilege_escalation);
        auto strings = [](const std::vector<StringField>& fields) {
          std::vector<std::string> values;
          for (const StringField& field : fields) values.push_back(field.value.value_or("?"));
          return values;
        };
        EXPECT_EQ(strings(got.allowed_capabilities), sent.allowed_capabilities);
        EXPECT_EQ(strings(got.required_drop_capabilities), sent.required_drop_capabilities);
        EXPECT_EQ(strings(got.volumes), sent.volumes);
        EXPECT_TRUE(got.volumes_position.known()) << "volumes: [] must be written";
        EXPECT_EQ(strings(got.allowed_unsafe_sysctls), sent.allowed_unsafe_sysctls);
        EXPECT_EQ(strings(got.allowed_proc_mount_types), sent.allowed_proc_mount_types);
        EXPECT_EQ(got.run_as_user_rule.value, sent.run_as_user.rule);
        EXPECT_EQ(got.se_linux_rule.value, sent.se_linux ? "MustRunAs" : "RunAsAny");
        ASSERT_EQ(got.host_ports.size(), sent.host_ports.size());
        for (size_t p = 0; p < sent.host_ports.size(); ++p) {
          EXPECT_EQ(got.host_ports[p].min.value, sent.host_ports[p].min);
          EXPECT_EQ(got.host_ports[p].max.value, sent.host_ports[p].max);
        }
        ASSERT_EQ(got.allowed_host_paths.size(), sent.allowed_host_paths.size());
        for (size_t p = 0; p < sent.allowed_host_paths.size(); ++p) {
          EXPECT_EQ(got.allowed_host_paths[p].path_prefix.value,
                    sent.allowed_host_paths[p].path_prefix);
          EXPECT_EQ(got.allowed_host_paths[p].read_only.value,
                    sent.allowed_host_paths[p].read_only);
        }
        std::map<std::string, std::string> annotations;
        for (const KeyValue& a : got.header.metadata.annotations) annotations[a.key] = a.value;
        EXPECT_EQ(annotations, sent.annotations);
      }
      // Each PSP is followed by its Role and one RoleBinding per namespace.
      size_t bindings = 0;
      for (const PspAdvice& psp : *advice.psps) bindings += psp.namespaces.size();
      EXPECT_EQ(back.roles.size(), advice.psps->size());
      EXPECT_EQ(back.role_bindings.size(), bindings);
      for (const RoleBinding& binding : back.role_bindings) {
        EXPECT_EQ(binding.role_ref_kind, per_namespace ? "Role" : "ClusterRole");
        EXPECT_FALSE(binding.subjects.empty());
      }
    }
  }
}

TEST(AdviseYaml, ScalarsReadBackAsTheSameStrings) {
  const std::vector<std::string> tricky = {
      "true",  "yes",          "No",        "null",        "~",   "",    "1.0",
      "0755",  "-x",           "*",         "a: b",        "# c", "x,",  "runtime/default,",
      "v1.29", "say \"hi\"\\", "tab\there", "line\nbreak", "é",   "[a]", "{a}",
      "@at",   "`tick",        "!tag",      "&anchor",     "|",   ">",   "%p",
      "<<"};
  YamlValue list = YamlValue::list();
  for (const std::string& text : tricky) list.append(YamlValue::string(text));
  YamlValue document = YamlValue::map();
  document.set("values", std::move(list));
  std::ostringstream out;
  document.write_document(out);
  YamlLoadResult back = load_yaml(out.str());
  ASSERT_TRUE(back.errors.empty()) << out.str();
  ASSERT_EQ(back.file.documents.size(), 1u);
  const YamlNode* values = back.file.documents[0]->find("values");
  ASSERT_TRUE(values && values->is_sequence());
  ASSERT_EQ(values->items.size(), tricky.size());
  for (size_t i = 0; i < tricky.size(); ++i) {
    EXPECT_EQ(values->items[i]->scalar, tricky[i]);
    // Plain scalars that YAML would read as something else must be quoted.
    if (values->items[i]->plain) {
      EXPECT_EQ(yaml_scalar(tricky[i]), tricky[i]);
    }
  }
  EXPECT_EQ(yaml_scalar("v1.29"), "v1.29");
  EXPECT_EQ(yaml_scalar("true"), "\"true\"");
  EXPECT_EQ(yaml_scalar("1.0"), "\"1.0\"");
}

TEST(AdviseYaml, SameOutputWhateverTheInputOrder) {
  std::vector<LintInput> inputs = inputs_of(kAdviseData + "/mixed");
  AdviseOptions options;
  options.psp = true;
  const std::string forward = yaml_of(advise(inputs, options));
  std::reverse(inputs.begin(), inputs.end());
  EXPECT_EQ(yaml_of(advise(inputs, options)), forward);
}

TEST(AdviseReport, ListsHostAndRootPrivilegesWithReadOnlyHostPaths) {
  AdviseOptions options;
  options.report = true;
  Advice advice = advise(inputs_of(kAdviseData + "/mixed"), options);
  std::ostringstream out;
  write_advice_json(out, advice);
  nlohmann::json json = nlohmann::json::parse(out.str());
  const nlohmann::json& report = json.at("report");
  for (const std::string& category : usage_categories()) EXPECT_TRUE(report.contains(category));
  ASSERT_EQ(report["hostPath"].size(), 2u);
  EXPECT_EQ(report["hostPath"][0]["detail"], "/var/log (read-only)");
  EXPECT_EQ(report["hostPath"][0]["readOnly"], true);
  EXPECT_EQ(report["hostPath"][1]["readOnly"], false);
  ASSERT_EQ(report["hostPID"].size(), 1u);
  EXPECT_EQ(report["hostPID"][0]["object"]["name"], "node-debug");
  EXPECT_EQ(report["hostIPC"].size(), 0u);
  ASSERT_EQ(report["privileged"].size(), 1u);
  EXPECT_EQ(report["privileged"][0]["line"], 55);
  std::vector<std::string> capabilities;
  for (const auto& entry : report["addedCapabilities"]) capabilities.push_back(entry["detail"]);
  EXPECT_EQ(capabilities, (std::vector<std::string>{"NET_ADMIN", "NET_BIND_SERVICE", "CHOWN"}));
  std::vector<std::string> root_users;
  for (const auto& entry : report["rootUser"]) root_users.push_back(entry["object"]["name"]);
  EXPECT_EQ(root_users, (std::vector<std::string>{"log-shipper", "node-debug"}));
  // The web Deployment is fully hardened: it appears only for its capability.
  EXPECT_EQ(out.str().find("\"name\": \"web\""), out.str().rfind("\"name\": \"web\""));
}

// The command itself, through the real binary.
using CommandRun = testing_support::ProcessResult;
using testing_support::kube_harden;

TEST(AdviseCommand, FormatsAndExitCodes) {
  CommandRun text = kube_harden("advise " + kAdviseData + "/mixed --psp --report");
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("namespace ops: privileged"), std::string::npos);
  EXPECT_NE(text.out.find("PodSecurityPolicy kube-harden-advised-shop"), std::string::npos);
  EXPECT_NE(text.out.find("USE "), std::string::npos);

  CommandRun yaml =
      kube_harden("advise " + kAdviseData + "/mixed --psp --format yaml --k8s-version v1.24");
  EXPECT_EQ(yaml.exit_code, 0) << yaml.err;
  EXPECT_EQ(yaml.out.rfind("---\napiVersion: v1\nkind: Namespace\n", 0), 0u);
  EXPECT_NE(yaml.out.find("enforce-version: v1.24"), std::string::npos);
  EXPECT_EQ(yaml.out.find("blocking"), std::string::npos);

  CommandRun json = kube_harden("advise " + kAdviseData + "/restricted-only --format json");
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(json.out)["namespaces"][0]["level"], "restricted");

  EXPECT_EQ(kube_harden("advise " + kAdviseData + " --format yaml --report").exit_code, 2);
  EXPECT_EQ(kube_harden("advise " + kAdviseData + " --format xml").exit_code, 2);
}

// Standard input can be read only once, yet serves both levels and the PSP.
TEST(AdviseCommand, StandardInputIsAdvisedAsTheFileIs) {
  const std::string file = kAdviseData + "/mixed/ops.yaml";
  CommandRun from_file = kube_harden("advise " + file + " --psp --format json");
  CommandRun from_stdin = kube_harden("advise - --psp --format json", file);
  ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  nlohmann::json expected = nlohmann::json::parse(from_file.out);
  for (auto& space : expected["namespaces"]) {
    for (auto& blocker : space["blockers"]) blocker["file"] = "<stdin>";
  }
  ASSERT_FALSE(expected["namespaces"][0]["blockers"].empty());
  ASSERT_FALSE(expected["podSecurityPolicies"].empty());
  EXPECT_EQ(nlohmann::json::parse(from_stdin.out), expected);
}

TEST(AdviseCommand, BadInputIsReportedAtItsPositionAndTheRestAdvised) {
  fs::path dir = testing_support::scratch_dir() / "advise-bad";
  fs::create_directories(dir);
  std::ofstream(dir / "broken.yaml") << "kind: Pod\nmetadata: [unclosed\n";
  CommandRun run = kube_harden("advise " + (dir / "broken.yaml").string() + " " + kAdviseData +
                               "/restricted-only --format json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("broken.yaml:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(": error: invalid YAML"), std::string::npos) << run.err;
  nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["namespaces"][0]["name"], "default");
  EXPECT_EQ(json["errors"].size(), 1u);
}

}  // namespace
}  // namespace kube_harden
