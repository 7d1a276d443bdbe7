#include "modules/indicator/service.hpp"

#include "modules/indicator/store/indicator_store.hpp"
#include "modules/org/directory.hpp"

namespace kientao::indicator {

using store::Conn;

void IndicatorService::RegisterProvider(std::unique_ptr<Provider> p) {
  std::string name = p->Name();
  providers_[name] = std::move(p);
}

std::vector<Definition> IndicatorService::Definitions(Conn& c) const {
  return IndicatorStore::Definitions(c);
}

std::optional<Definition> IndicatorService::Find(Conn& c, const std::string& code) const {
  return IndicatorStore::Find(c, code);
}

long long IndicatorService::Create(Conn& c, const Definition& d) const {
  return IndicatorStore::InsertDefinition(c, d);
}

std::vector<ValidationRule> IndicatorService::Rules(Conn& c, const std::string& unit_path) const {
  std::vector<ValidationRule> out;
  for (ValidationRule& v : IndicatorStore::AllRules(c)) {
    if (!unit_path.empty() && !v.scope_path.empty() && unit_path.rfind(v.scope_path, 0) != 0)
      continue;  // another commune's rule
    out.push_back(std::move(v));
  }
  return out;
}

std::optional<ValidationRule> IndicatorService::Rule(Conn& c, long long id) const {
  return IndicatorStore::Rule(c, id);
}

long long IndicatorService::AddRule(Conn& c, const std::string& name_vi, const std::string& name_en,
                                    const std::string& left, Operator op, const std::string& right,
                                    const std::string& scope_path, long long commune_id) const {
  Expression::Parse(left);  // refuses a malformed rule before it is stored
  Expression::Parse(right);
  return IndicatorStore::InsertRule(c, name_vi, name_en, left, op, right, scope_path, commune_id);
}

void IndicatorService::DeleteRule(Conn& c, long long id) const {
  IndicatorStore::DeleteRule(c, id);
}

void IndicatorService::SetTarget(Conn& c, long long indicator_id, long long unit_id,
                                 const std::string& period_id, double target) const {
  IndicatorStore::ReplaceTarget(c, indicator_id, unit_id, period_id, target);
}

std::map<long long, double> IndicatorService::Targets(Conn& c, long long unit_id,
                                                      const std::string& period_id) const {
  return IndicatorStore::Targets(c, unit_id, period_id);
}

std::optional<double> IndicatorService::Target(Conn& c, long long indicator_id, long long unit_id,
                                               const std::string& period_id) const {
  return IndicatorStore::Target(c, indicator_id, unit_id, period_id);
}

CommuneTree IndicatorService::Tree(Conn& c, long long commune_id) const {
  CommuneTree out;
  std::vector<std::pair<long long, long long>> pairs;
  std::vector<TreeUnit> rows;
  for (auto& o : org::Directory::CommuneTree(c, commune_id)) {
    TreeUnit u{o.id, o.parent_id, o.code, o.name, std::string(org::KindCode(o.kind))};
    if (u.id == commune_id) u.parent_id = 0;  // the commune is the root of its own tree
    pairs.emplace_back(u.id, u.parent_id);
    rows.push_back(std::move(u));
  }
  out.tree = OrgTree::Build(pairs);
  out.units.resize(rows.size());
  for (auto& u : rows) out.units[static_cast<size_t>(out.tree.IndexOf(u.id))] = u;
  out.root = out.tree.IndexOf(commune_id);
  return out;
}

std::vector<Series> IndicatorService::Compute(
    Conn& c, const CommuneTree& t, long long commune_id, const Period& p,
    const std::vector<Definition>& defs,
    const std::map<long long, std::vector<UnitValue>>& entered) {
  std::vector<Series> out;
  // The targets set for this commune's units (its tree, from the org module).
  std::vector<long long> unit_ids;
  for (const TreeUnit& u : t.units) unit_ids.push_back(u.id);
  auto targets = IndicatorStore::TargetsOfUnits(c, unit_ids, p.Id());
  static const std::vector<UnitValue> kNone;
  for (const Definition& d : defs) {
    Series s;
    s.def = d;
    if (!d.provider.empty()) {
      auto it = providers_.find(d.provider);
      std::vector<UnitValue> values;
      if (it != providers_.end()) values = it->second->Values(c, d, commune_id, p);
      s.by_unit = RollUp(t.tree, d.aggregation, values);
      s.source = d.provider;
    } else {
      auto it = entered.find(d.id);
      s.by_unit = RollUp(t.tree, d.aggregation, it == entered.end() ? kNone : it->second);
      s.source = "report";
    }
    if (auto it = targets.find(d.id); it != targets.end()) s.targets = it->second;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace kientao::indicator
