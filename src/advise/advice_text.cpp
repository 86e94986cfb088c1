// `advise --format text`: the advice and why, for people.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <sstream>

#include "advise/advice_objects.h"

namespace kube_harden {
namespace {

std::string workload_name(const ObjectRef& object) {
  return object.namespace_name.empty()
             ? fmt::format("{} {}", object.kind, object.name)
             : fmt::format("{} {}/{}", object.kind, object.namespace_name, object.name);
}

void write_namespace(std::ostream& out, const NamespaceAdvice& space) {
  out << fmt::format("namespace {}: {} ({} workload{})\n", space.name, to_string(space.level),
                     space.workloads, space.workloads == 1 ? "" : "s");
  out << "  labels:\n";
  for (const auto& [key, value] : space.labels) out << fmt::format("    {}: {}\n", key, value);
  if (space.blockers.empty()) return;
  out << fmt::format("  blocking {}:\n",
                     space.level == AdvisedLevel::Privileged ? "baseline" : "restricted");
  for (const Blocker& blocker : space.blockers) {
    out << fmt::format("    {}:{}:{}: {}: {} [{}]\n", blocker.file, blocker.position.line,
                       blocker.position.column, workload_name(blocker.object), blocker.message,
                       blocker.rule_id);
  }
}

void write_psp(std::ostream& out, const PspAdvice& advice) {
  std::vector<std::string> accounts;
  for (const AccountRef& account : advice.accounts) {
    accounts.push_back(account.namespace_name + "/" + account.name);
  }
  out << fmt::format("\nPodSecurityPolicy {} ({}), to be used by ServiceAccount{} {}:\n",
                     advice.psp.name,
                     advice.scope.empty() ? "all namespaces" : "namespace " + advice.scope,
                     accounts.size() == 1 ? "" : "s", fmt::join(accounts, ", "));
  std::ostringstream yaml;
  psp_object(advice.psp).write_document(yaml);
  std::istringstream lines(yaml.str());
  for (std::string line; std::getline(lines, line);) {
    if (line != "---") out << "  " << line << '\n';
  }
}

// A table with columns padded to their widest cell.
void write_usage_table(std::ostream& out, const std::vector<UsageEntry>& usage) {
  using Row = std::array<std::string, 5>;
  std::vector<Row> rows = {Row{"USE", "WORKLOAD", "CONTAINER", "DETAIL", "WHERE"}};
  for (const UsageEntry& entry : usage) {
    rows.push_back(
        Row{entry.category, workload_name(entry.object), entry.container, entry.detail,
            fmt::format("{}:{}:{}", entry.file, entry.position.line, entry.position.column)});
  }
  std::array<size_t, 5> widths{};
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  out << "\nWho uses host and root privileges:\n";
  if (usage.empty()) {
    out << "  nobody\n";
    return;
  }
  for (const Row& row : rows) {
    std::string line = "  ";
    for (size_t i = 0; i + 1 < row.size(); ++i) line += fmt::format("{:<{}}  ", row[i], widths[i]);
    out << line << row.back() << '\n';
  }
}

}  // namespace

void write_advice_text(std::ostream& out, const Advice& advice) {
  out << fmt::format("Pod Security Standards at policy version {}\n", advice.version.to_string());
  for (const NamespaceAdvice& space : advice.namespaces) {
    out << '\n';
    write_namespace(out, space);
  }
  if (advice.namespaces.empty()) out << "\nno workloads or Namespaces in the input\n";
  for (const PspAdvice& psp : advice.psps.value_or(std::vector<PspAdvice>{})) write_psp(out, psp);
  if (advice.usage) write_usage_table(out, *advice.usage);
}

}  // namespace kube_harden
