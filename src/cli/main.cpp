// The command line. This is the only translation unit that includes CLI11,
// which is slow to compile.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <malloc.h>

#include "cli/advise_command.h"
#include "cli/commands.h"
#include "engine/available_cpus.h"
#include "kube_harden/k8s_version.h"
#include "kube_harden/report.h"
#include "kube_harden/rule_selection_flags.h"

namespace {

using kube_harden::Severity;

// Choices are listed in the order people think of them, not alphabetically.
const std::vector<std::string> kFormats = {"text",   "json",  "sarif",
                                           "github", "junit", "checkstyle"};
const std::vector<std::string> kFailOn = {"critical", "high", "medium", "low", "info", "never"};
const std::vector<std::string> kPssLevels = {"baseline", "restricted"};

struct AdviseArguments {
  kube_harden::AdviseCommand command;
  std::string k8s_version = "latest";
  std::string psp_scope = "namespace";
};

// -j/--jobs of lint and advise: by default a thread for each processor the
// process may use, worked out (from /proc and the cgroup files) once for both.
void add_jobs_option(CLI::App& command, unsigned& jobs) {
  static const unsigned available = kube_harden::available_cpus();
  jobs = available;
  command.add_option("-j,--jobs", jobs, "Files read and checked in parallel")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
}

void add_advise_command(CLI::App& app, AdviseArguments& args) {
  CLI::App* advise = app.add_subcommand(
      "advise", "Advise the strictest Pod Security level (and PodSecurityPolicy) per namespace");
  advise->add_option("paths", args.command.paths, "Files, directories or - for standard input")
      ->required();
  advise->add_option("-f,--format", args.command.format,
                     "text and json explain; yaml prints only the objects to apply")
      ->check(CLI::IsMember({"text", "json", "yaml"}))
      ->capture_default_str();
  advise->add_option("--k8s-version", args.k8s_version,
                     "Policy version to check and pin in the labels, v1.0 to v1.37, or latest")
      ->check(CLI::Validator(
          [](std::string& value) {
            return kube_harden::K8sVersion::parse(value) ? std::string()
                                                         : "expected v1.N or latest, got " + value;
          },
          "v1.N|latest"))
      ->capture_default_str();
  advise->add_option("--namespace", args.command.options.lint.rules.default_namespace,
                     "Namespace of objects that do not name one")
      ->capture_default_str();
  advise->add_flag("--psp", args.command.options.psp,
                   "Also generate a least-privilege PodSecurityPolicy with its Role and RoleBinding");
  advise->add_option("--psp-scope", args.psp_scope,
                     "One PodSecurityPolicy per namespace, or one for all namespaces")
      ->check(CLI::IsMember({"namespace", "all"}))
      ->capture_default_str();
  advise->add_flag("--report", args.command.options.report,
                   "Also list who uses host namespaces, host paths, privileges and root users");
  add_jobs_option(*advise, args.command.options.lint.jobs);
}

int run_advise_command(AdviseArguments& args) {
  args.command.options.lint.rules.k8s_version = *kube_harden::K8sVersion::parse(args.k8s_version);
  args.command.options.psp_per_namespace = args.psp_scope == "namespace";
  return kube_harden::run_advise(args.command);
}

struct Arguments {
  kube_harden::LintCommand lint;
  std::string fail_on = "high";
  std::string pss = "restricted";
  std::string k8s_version = "latest";
  std::string rules_format = "text";
  std::string explain_id;
  unsigned max_file_mib = 64;
  kube_harden::RuleSelectionFlags selection;
  std::string config_file;
  bool no_config = false;
  bool no_inline_suppressions = false;
  std::string config_init_path = ".kube-harden.yaml";
  bool config_init_force = false;
  AdviseArguments advise;
};

void add_config_options(CLI::App& lint, Arguments& args) {
  lint.add_option("--config", args.config_file,
                  "Read this config file instead of the nearest .kube-harden.yaml")
      ->check(CLI::ExistingFile);
  lint.add_flag("--no-config", args.no_config, "Ignore .kube-harden.yaml files");
  lint.add_flag("--no-inline-suppressions", args.no_inline_suppressions,
                "Ignore kube-harden.io/ignore annotations and # kube-harden:ignore comments; "
                "only the config's exemptions suppress");
  lint.add_option("--baseline", args.lint.baseline,
                  "Report only findings not recorded in this baseline file");
  lint.add_option("--write-baseline", args.lint.write_baseline,
                  "Record the current findings in FILE (and exit 0 unless inputs had errors)");
}

void add_config_command(CLI::App& app, Arguments& args) {
  CLI::App* config = app.add_subcommand("config", "Manage the .kube-harden.yaml config file");
  config->require_subcommand(1);
  CLI::App* init = config->add_subcommand("init", "Write a commented default config file");
  init->add_option("path", args.config_init_path, "Where to write it, or - for standard output")
      ->capture_default_str();
  init->add_flag("--force", args.config_init_force, "Replace an existing file");
}

void add_rule_selection_options(CLI::App& lint, kube_harden::RuleSelectionFlags& flags) {
  lint.add_option("--only", flags.only, "Run only these rules (repeatable, or comma-separated)");
  lint.add_option("--enable", flags.enable,
                  "Run these rules even if disabled by the config file or --only");
  lint.add_option("--disable", flags.disable, "Do not run these rules");
  lint.add_option("--severity-override", flags.severity_overrides,
                  "Report RULE at LEVEL instead of its default, e.g. image-tag-mutable=high");
}

void add_lint_command(CLI::App& app, Arguments& args) {
  CLI::App* lint = app.add_subcommand("lint", "Lint Kubernetes manifests");
  lint->add_option("paths", args.lint.paths,
                   "Files, directories (searched recursively for *.yaml, *.yml, *.json) or - "
                   "for standard input")
      ->required();
  lint->add_option("-f,--format", args.lint.format, "Output format")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  lint->add_option("-o,--output", args.lint.output,
                   "Write the report to FILE (atomically) instead of standard output");
  lint->add_flag("--show-suppressed", args.lint.show_suppressed,
                 "List suppressed findings too (text and github formats)");
  lint->add_option("--fail-on", args.fail_on, "Exit 1 when a finding is at or above this severity")
      ->check(CLI::IsMember(kFailOn))
      ->capture_default_str();
  lint->add_option("--pss", args.pss, "Pod Security Standards level to enforce")
      ->check(CLI::IsMember(kPssLevels))
      ->capture_default_str();
  lint->add_option("--k8s-version", args.k8s_version,
                   "Kubernetes policy version, v1.0 to v1.37, or latest")
      ->check(CLI::Validator(
          [](std::string& value) {
            return kube_harden::K8sVersion::parse(value)
                       ? std::string()
                       : "expected v1.N (for example v1.29) or latest, got " + value;
          },
          "v1.N|latest"))
      ->capture_default_str();
  lint->add_option("--namespace", args.lint.options.rules.default_namespace,
                   "Namespace of objects that do not name one")
      ->capture_default_str();
  lint->add_option("--max-file-size", args.max_file_mib, "Largest input read, in MiB")
      ->check(CLI::Range(1u, 4096u))
      ->capture_default_str();
  lint->add_option("--max-documents", args.lint.options.yaml_limits.max_documents,
                   "Most YAML documents read from one file")
      ->check(CLI::Range(size_t{1}, size_t{10'000'000}))
      ->capture_default_str();
  add_rule_selection_options(*lint, args.selection);
  add_config_options(*lint, args);
  add_jobs_option(*lint, args.lint.options.jobs);
}

int run(CLI::App& app, Arguments& args) {
  if (app.got_subcommand("lint")) {
    args.lint.fail_on = kube_harden::parse_severity(args.fail_on);  // "never" gives nullopt
    args.lint.options.max_file_bytes = uint64_t{args.max_file_mib} << 20;
    args.lint.options.rules.pss_level = *kube_harden::parse_pss_level(args.pss);
    args.lint.options.rules.k8s_version = *kube_harden::K8sVersion::parse(args.k8s_version);
    // Explicit flags win over a Namespace's pod-security.kubernetes.io labels.
    const CLI::App* lint = app.get_subcommand("lint");
    args.lint.options.rules.pss_level_from_flag = lint->count("--pss") > 0;
    args.lint.options.rules.k8s_version_from_flag = lint->count("--k8s-version") > 0;
    kube_harden::ExplicitLintFlags explicit_flags{
        .fail_on = lint->count("--fail-on") > 0,
        .pss = lint->count("--pss") > 0,
        .k8s_version = lint->count("--k8s-version") > 0,
        .namespace_name = lint->count("--namespace") > 0,
        .no_inline_suppressions = args.no_inline_suppressions};
    if (!kube_harden::configure_lint(args.config_file, !args.no_config, explicit_flags,
                                     args.selection, args.lint)) {
      return kube_harden::kExitError;
    }
    return kube_harden::run_lint(args.lint);
  }
  if (app.got_subcommand("config")) {
    return kube_harden::run_config_init(args.config_init_path, args.config_init_force);
  }
  if (app.got_subcommand("advise")) return run_advise_command(args.advise);
  if (app.got_subcommand("rules")) return kube_harden::run_rules(args.rules_format);
  return kube_harden::run_explain(args.explain_id);
}

}  // namespace

int main(int argc, char** argv) {
  // Blocks of 128 KiB and more (a rule's findings, a file's text, a report's
  // pieces) come from the kernel and go back to it when freed. By default
  // glibc raises this threshold after the first such free and serves later
  // blocks from its heap, where they still count towards the peak after
  // being freed: findings are moved from one block to another (8 MiB less at
  // 10,000 objects, no slower; docs/performance.md).
  mallopt(M_MMAP_THRESHOLD, 128 << 10);
  CLI::App app{"kube-harden: a static security linter for Kubernetes manifests", "kube-harden"};
  app.set_version_flag("--version", std::string("kube-harden ") + kube_harden::kVersion);
  app.require_subcommand(1);
  Arguments args;
  add_lint_command(app, args);
  add_advise_command(app, args.advise);
  add_config_command(app, args);
  CLI::App* rules = app.add_subcommand("rules", "List the built-in rules");
  rules->add_option("-f,--format", args.rules_format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  CLI::App* explain = app.add_subcommand("explain", "Show one rule's full documentation");
  explain->add_option("rule-id", args.explain_id, "A rule id, as `kube-harden rules` lists them")
      ->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 uses codes above 100; usage errors are 2 in our contract.
    return app.exit(error) == 0 ? kube_harden::kExitClean : kube_harden::kExitError;
  }
  try {
    return run(app, args);
  } catch (const std::exception& error) {
    fmt::print(stderr, "kube-harden: internal error: {}\n", error.what());
    return kube_harden::kExitError;
  }
}
