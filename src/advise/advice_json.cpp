// `advise --format json`: the advice with its explanations, for scripts.
#include <nlohmann/json.hpp>

#include "advise/advice_objects.h"

namespace kube_harden {
namespace {

using Json = nlohmann::ordered_json;

Json to_json(const YamlValue& value) {
  switch (value.kind()) {
    case YamlValue::Kind::String:
      return value.text();
    case YamlValue::Kind::Integer:
      return value.number();
    case YamlValue::Kind::Boolean:
      return value.flag();
    case YamlValue::Kind::Map: {
      Json object = Json::object();
      for (const auto& [key, entry] : value.entries()) object[key] = to_json(entry);
      return object;
    }
    case YamlValue::Kind::List:
      break;
  }
  Json list = Json::array();
  for (const YamlValue& item : value.items()) list.push_back(to_json(item));
  return list;
}

Json object_json(const ObjectRef& object) {
  return Json{{"apiVersion", object.api_version},
              {"kind", object.kind},
              {"namespace", object.namespace_name},
              {"name", object.name}};
}

Json namespace_json(const NamespaceAdvice& space) {
  Json blockers = Json::array();
  for (const Blocker& blocker : space.blockers) {
    blockers.push_back(Json{{"object", object_json(blocker.object)},
                            {"file", blocker.file},
                            {"line", blocker.position.line},
                            {"column", blocker.position.column},
                            {"path", blocker.path},
                            {"container", blocker.container},
                            {"rule", blocker.rule_id},
                            {"check", blocker.check},
                            {"message", blocker.message}});
  }
  Json next = nullptr;
  if (space.level != AdvisedLevel::Restricted) {
    next = space.level == AdvisedLevel::Privileged ? "baseline" : "restricted";
  }
  return Json{{"name", space.name},
              {"level", std::string(to_string(space.level))},
              {"workloads", space.workloads},
              {"labels", Json(space.labels)},
              {"nextLevel", next},
              {"blockers", std::move(blockers)}};
}

Json psp_json(const PspAdvice& advice) {
  Json accounts = Json::array();
  for (const AccountRef& account : advice.accounts) {
    accounts.push_back(Json{{"namespace", account.namespace_name}, {"name", account.name}});
  }
  return Json{{"scope", advice.scope.empty() ? Json(nullptr) : Json(advice.scope)},
              {"serviceAccounts", std::move(accounts)},
              {"podSecurityPolicy", to_json(psp_object(advice.psp))}};
}

// Uses grouped by category, as kube-psp-advisor's report groups them.
Json usage_json(const std::vector<UsageEntry>& usage) {
  Json report = Json::object();
  for (const std::string& category : usage_categories()) report[category] = Json::array();
  for (const UsageEntry& entry : usage) {
    Json item{{"object", object_json(entry.object)}, {"file", entry.file},
              {"line", entry.position.line},         {"column", entry.position.column},
              {"container", entry.container},        {"detail", entry.detail}};
    if (entry.read_only) item["readOnly"] = *entry.read_only;
    report[entry.category].push_back(std::move(item));
  }
  return report;
}

}  // namespace

void write_advice_json(std::ostream& out, const Advice& advice) {
  Json namespaces = Json::array();
  for (const NamespaceAdvice& space : advice.namespaces)
    namespaces.push_back(namespace_json(space));
  Json document{{"kubernetesVersion", advice.version.to_string()},
                {"namespaces", std::move(namespaces)}};
  if (advice.psps) {
    Json psps = Json::array();
    for (const PspAdvice& psp : *advice.psps) psps.push_back(psp_json(psp));
    document["podSecurityPolicies"] = std::move(psps);
  }
  if (advice.usage) document["report"] = usage_json(*advice.usage);
  Json errors = Json::array();
  for (const InputError& error : advice.errors) {
    errors.push_back(Json{{"file", error.file},
                          {"line", error.position.line},
                          {"column", error.position.column},
                          {"message", error.message}});
  }
  document["errors"] = std::move(errors);
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace kube_harden
