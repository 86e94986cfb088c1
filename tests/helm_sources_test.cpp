// `helm template ... | kube-harden lint -`: findings name the chart template
// each rendered document came from.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/helm_sources.h"
#include "kube_harden/lint.h"

namespace kube_harden {
namespace {

std::string rendered_text() {
  std::ifstream in(std::filesystem::path(KH_SOURCE_DIR) / "testdata/helm/rendered.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(HelmSources, EachDocumentKnowsItsTemplate) {
  std::vector<HelmSource> documents = scan_helm_sources(rendered_text());
  ASSERT_EQ(documents.size(), 4u);  // the empty start before the first ---, then three
  EXPECT_EQ(documents[1].first_line, 2u);
  EXPECT_EQ(documents[1].template_path, "shop/templates/serviceaccount.yaml");
  EXPECT_EQ(documents[2].first_line, 9u);
  EXPECT_EQ(documents[2].template_path, "shop/templates/deployment.yaml");
  EXPECT_EQ(documents[3].template_path, "");
  EXPECT_TRUE(scan_helm_sources("apiVersion: v1\nkind: Pod\n").empty());
}

TEST(HelmSources, FindingsCarryTheTemplateAndTheLineInTheRenderedDocument) {
  LintInput input;
  input.display_name = "<stdin>";
  input.has_text = true;
  input.text = rendered_text();
  LintResult result = lint({input}, LintOptions{});
  ASSERT_TRUE(result.errors.empty());
  auto find = [&](const std::string& rule_id) {
    return std::find_if(result.findings.begin(), result.findings.end(),
                        [&](const Finding& f) { return f.rule_id == rule_id; });
  };
  auto host_network = find("host-namespaces");
  ASSERT_NE(host_network, result.findings.end());
  // hostNetwork is line 24 of the stream and line 16 of its rendered document.
  EXPECT_EQ(host_network->position.line, 24u);
  ASSERT_TRUE(host_network->rendered_from.has_value());
  EXPECT_EQ(host_network->rendered_from->template_path, "shop/templates/deployment.yaml");
  EXPECT_EQ(host_network->rendered_from->line, 16u);
  // The last document has no Source comment: never credited to the one before.
  for (const Finding& finding : result.findings) {
    if (finding.object.name == "no-source") EXPECT_FALSE(finding.rendered_from) << finding.rule_id;
  }
}

}  // namespace
}  // namespace kube_harden
