// The config file's `parameters:` as the rules see them (LintOptions.rules.parameters).
// Fixture headers cannot set parameters, so these rules' parameterised
// behaviour is tested here through lint().
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "kube_harden/lint.h"
#include "rules/image_reference.h"

namespace kube_harden {
namespace {

using RuleAtLine = std::pair<std::string, uint32_t>;

// The (rule, line) of every finding of `rule_id` from linting `text`.
std::vector<RuleAtLine> findings_of(const std::string& rule_id, const std::string& text,
                                    const RuleParameters& parameters) {
  LintInput input;
  input.display_name = "pod.yaml";
  input.has_text = true;
  input.text = text;
  LintOptions options;
  options.rules.parameters = parameters;
  LintResult result = lint({input}, options);
  EXPECT_TRUE(result.errors.empty());
  std::vector<RuleAtLine> found;
  for (const Finding& finding : result.findings) {
    if (finding.rule_id == rule_id) found.emplace_back(finding.rule_id, finding.position.line);
  }
  return found;
}

std::vector<RuleAtLine> at_lines(const std::string& rule_id, std::vector<uint32_t> lines) {
  std::vector<RuleAtLine> expected;
  for (uint32_t line : lines) expected.emplace_back(rule_id, line);
  return expected;
}

const std::string kAddsCapabilities = R"(apiVersion: v1
kind: Pod
metadata:
  name: vpn
spec:
  containers:
    - name: tunnel
      image: registry.example.com/vpn:1.0.0
      securityContext:
        capabilities:
          add:
            - NET_ADMIN
            - SYS_TIME
            - CHOWN
)";

TEST(RuleParameters, AllowedExtraCapabilitiesSilenceCapabilitiesAdded) {
  EXPECT_EQ(findings_of("capabilities-added", kAddsCapabilities, {}),
            at_lines("capabilities-added", {12, 13}));
  RuleParameters parameters;
  parameters.allowed_extra_capabilities = {"NET_ADMIN"};
  EXPECT_EQ(findings_of("capabilities-added", kAddsCapabilities, parameters),
            at_lines("capabilities-added", {13}));
}

TEST(RuleParameters, AllowedExtraCapabilitiesMatchExactNames) {
  RuleParameters parameters;
  parameters.allowed_extra_capabilities = {"net_admin", "CAP_SYS_TIME"};
  EXPECT_EQ(findings_of("capabilities-added", kAddsCapabilities, parameters),
            at_lines("capabilities-added", {12, 13}));
}

TEST(RuleParameters, AllowedExtraCapabilitiesSilenceCapabilitiesAddedRestricted) {
  EXPECT_EQ(findings_of("capabilities-added-restricted", kAddsCapabilities, {}),
            at_lines("capabilities-added-restricted", {14}));
  RuleParameters parameters;
  parameters.allowed_extra_capabilities = {"CHOWN"};
  EXPECT_EQ(findings_of("capabilities-added-restricted", kAddsCapabilities, parameters),
            at_lines("capabilities-added-restricted", {}));
  // Another rule's capability does not change this one.
  parameters.allowed_extra_capabilities = {"NET_ADMIN", "SYS_TIME"};
  EXPECT_EQ(findings_of("capabilities-added-restricted", kAddsCapabilities, parameters),
            at_lines("capabilities-added-restricted", {14}));
}

const std::string kHostPaths = R"(apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: registry.example.com/agent:1.0.0
  volumes:
    - name: vault
      hostPath:
        path: /opt/vault
    - name: vault-data
      hostPath:
        path: /opt/vault/data/
    - name: vault-lookalike
      hostPath:
        path: /opt/vaultx
    - name: config
      hostPath:
        path: /etc/agent
    - name: logs
      hostPath:
        path: /var/log/agent
)";

TEST(RuleParameters, SensitiveHostPathsAddToTheBuiltInList) {
  EXPECT_EQ(findings_of("sensitive-host-path", kHostPaths, {}),
            at_lines("sensitive-host-path", {21}));
  RuleParameters parameters;
  parameters.sensitive_host_paths = {"/opt/vault/"};
  EXPECT_EQ(findings_of("sensitive-host-path", kHostPaths, parameters),
            at_lines("sensitive-host-path", {12, 15, 21}));
}

TEST(RuleParameters, SensitiveHostPathMessageSaysWhereThePathIsListed) {
  LintInput input{"pod.yaml", "", true, kHostPaths};
  LintOptions options;
  options.rules.parameters.sensitive_host_paths = {"/var/log"};
  LintResult result = lint({input}, options);
  bool found = false;
  for (const Finding& finding : result.findings) {
    if (finding.rule_id != "sensitive-host-path" || finding.position.line != 24) continue;
    found = true;
    EXPECT_NE(finding.message.find("/var/log/agent"), std::string::npos) << finding.message;
    EXPECT_NE(finding.message.find("parameters.sensitiveHostPaths"), std::string::npos)
        << finding.message;
  }
  EXPECT_TRUE(found);
}

// A pod with one init, one regular and one ephemeral container using `image`.
std::string pod_with_image(const std::string& image) {
  return R"(apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: setup
      image: )" +
         image + R"(
  containers:
    - name: app
      image: )" +
         image + R"(
  ephemeralContainers:
    - name: debugger
      image: )" +
         image + "\n";
}

TEST(RuleParameters, NoAllowedRegistriesMeansNoRegistryPolicy) {
  EXPECT_EQ(findings_of("image-registry-not-allowed", pod_with_image("quay.io/x/y:1"), {}),
            at_lines("image-registry-not-allowed", {}));
}

TEST(RuleParameters, ImagesOutsideAllowedRegistriesAreReportedOnEveryContainer) {
  RuleParameters parameters;
  parameters.allowed_registries = {"registry.example.com"};
  EXPECT_EQ(findings_of("image-registry-not-allowed", pod_with_image("quay.io/x/y:1"), parameters),
            at_lines("image-registry-not-allowed", {8, 11, 14}));
  EXPECT_EQ(findings_of("image-registry-not-allowed",
                        pod_with_image("registry.example.com/web:1.0"), parameters),
            at_lines("image-registry-not-allowed", {}));
}

TEST(RuleParameters, RegistryMessageNamesImageResolvedNameAndList) {
  LintInput input{"pod.yaml", "", true, pod_with_image("nginx:1.27")};
  LintOptions options;
  options.rules.parameters.allowed_registries = {"registry.example.com", "ghcr.io/my-org"};
  LintResult result = lint({input}, options);
  ASSERT_FALSE(result.findings.empty());
  bool found = false;
  for (const Finding& finding : result.findings) {
    if (finding.rule_id != "image-registry-not-allowed") continue;
    found = true;
    EXPECT_NE(finding.message.find("nginx:1.27 (read as docker.io/library/nginx)"),
              std::string::npos)
        << finding.message;
    EXPECT_NE(finding.message.find("registry.example.com, ghcr.io/my-org"), std::string::npos)
        << finding.message;
    EXPECT_TRUE(finding.path.ends_with(".image")) << finding.path;
  }
  EXPECT_TRUE(found);
}

struct RegistryCase {
  std::string image;
  bool allowed;
};

TEST(RuleParameters, RegistriesFollowDockerNamingAndSegmentBoundaries) {
  RuleParameters parameters;
  parameters.allowed_registries = {"registry.example.com", "ghcr.io/my-org/", "docker.io/library",
                                   "localhost:5000"};
  const RegistryCase cases[] = {
      {"nginx", true},  // docker.io/library/nginx
      {"nginx:1.27", true},
      {"docker.io/nginx:1.27", true},
      {"index.docker.io/library/nginx", true},
      {"bitnami/redis:7.2", false},  // docker.io/bitnami/redis
      {"registry.example.com/web:1.0", true},
      {"registry.example.com/team/web@sha256:0123", true},
      {"registry.example.com:5000/web", false},  // another host:port
      {"registry.example.com.evil.io/web", false},
      {"ghcr.io/my-org/web:2", true},
      {"ghcr.io/my-org-fork/web:2", false},
      {"ghcr.io/my-org", true},  // the prefix itself, as a repository
      {"ghcr.io/other/web", false},
      {"localhost:5000/web", true},
      {"localhost/web", false},
      {"library/nginx", true},
  };
  for (const RegistryCase& c : cases) {
    bool reported =
        !findings_of("image-registry-not-allowed", pod_with_image(c.image), parameters).empty();
    EXPECT_EQ(reported, !c.allowed) << c.image;
  }
}

TEST(ImageReference, ParsesRegistryRepositoryTagAndDigest) {
  ImageReference plain = parse_image_reference("nginx");
  EXPECT_EQ(plain.name(), "docker.io/library/nginx");
  EXPECT_EQ(plain.tag, "");
  ImageReference full = parse_image_reference("registry.example.com:5000/team/web:1.4@sha256:ab");
  EXPECT_EQ(full.registry, "registry.example.com:5000");
  EXPECT_EQ(full.repository, "team/web");
  EXPECT_EQ(full.tag, "1.4");
  EXPECT_EQ(full.digest, "sha256:ab");
  EXPECT_EQ(parse_image_reference("my-org/web:2").name(), "docker.io/my-org/web");
  EXPECT_EQ(parse_image_reference("localhost/web").registry, "localhost");
}

}  // namespace
}  // namespace kube_harden
