#include "modules/indicator/service.hpp"

#include <algorithm>

#include "base/clock.hpp"
#include "base/json_writer.hpp"
#include "modules/org/directory.hpp"
#include "store/in_list.hpp"

namespace kientao::indicator {

using store::Conn;
using store::Row;

namespace {

const char* kCols =
    "id, code, name_vi, name_en, unit, kind, direction, aggregation, key_no, provider, categories "
    "FROM "
    "indicators ";

Definition FromRow(const Row& r) {
  Definition d;
  d.id = r.Int(0);
  d.code = r.Str(1);
  d.name_vi = r.Str(2);
  d.name_en = r.Str(3);
  d.unit = r.Str(4);
  d.kind = ParseKind(r.Str(5)).value_or(Kind::kCount);
  d.direction = ParseDirection(r.Str(6)).value_or(Direction::kHigher);
  d.aggregation = ParseAggregation(r.Str(7)).value_or(Aggregation::kSum);
  d.key_no = static_cast<int>(r.Int(8));
  d.provider = r.Str(9);
  d.categories = ParseCategories(r.Str(10));
  return d;
}

std::string Now() { return clock::Today().ToIso(); }

}  // namespace

void IndicatorService::RegisterProvider(std::unique_ptr<Provider> p) {
  std::string name = p->Name();
  providers_[name] = std::move(p);
}

std::vector<Definition> IndicatorService::Definitions(Conn& c) const {
  std::vector<Definition> out;
  for (auto& r : c.Query(std::string("SELECT ") + kCols + "ORDER BY key_no, code"))
    out.push_back(FromRow(r));
  return out;
}

std::optional<Definition> IndicatorService::Find(Conn& c, const std::string& code) const {
  auto r = c.QueryOne(std::string("SELECT ") + kCols + "WHERE code = :1", {code});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

long long IndicatorService::Create(Conn& c, const Definition& d) const {
  return c.InsertId(
      "INSERT INTO indicators (code, name_vi, name_en, unit, kind, direction, aggregation, key_no, "
      "provider, created_at, categories) VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11) "
      "RETURNING id",
      {d.code, d.name_vi, d.name_en, d.unit, std::string(KindCode(d.kind)),
       std::string(DirectionCode(d.direction)), std::string(AggregationCode(d.aggregation)),
       static_cast<long long>(d.key_no), d.provider, Now(),
       d.categories.empty() ? std::string() : CategoriesJson(d.categories)});
}

namespace {

ValidationRule RuleFromRow(const store::Row& r) {
  ValidationRule v;
  v.id = r.Int(0);
  v.name_vi = r.Str(1);
  v.name_en = r.Str(2);
  v.left = Expression::Parse(r.Str(3));
  v.op = ParseOperator(r.Str(4)).value_or(Operator::kLessEqual);
  v.right = Expression::Parse(r.Str(5));
  v.scope_path = r.OptStr(6).value_or("");
  v.commune_id = r.IsNull(7) ? 0 : r.Int(7);
  return v;
}

const char* kRuleSelect =
    "SELECT id, name_vi, name_en, left_expr, operator, right_expr, scope_path, commune_id FROM "
    "indicator_rules ";

}  // namespace

std::vector<ValidationRule> IndicatorService::Rules(Conn& c, const std::string& unit_path) const {
  std::vector<ValidationRule> out;
  for (auto& r : c.Query(std::string(kRuleSelect) + "ORDER BY id")) {
    ValidationRule v = RuleFromRow(r);
    if (!unit_path.empty() && !v.scope_path.empty() && unit_path.rfind(v.scope_path, 0) != 0)
      continue;  // another commune's rule
    out.push_back(std::move(v));
  }
  return out;
}

std::optional<ValidationRule> IndicatorService::Rule(Conn& c, long long id) const {
  auto r = c.QueryOne(std::string(kRuleSelect) + "WHERE id = :1", {id});
  if (!r) return std::nullopt;
  return RuleFromRow(*r);
}

long long IndicatorService::AddRule(Conn& c, const std::string& name_vi, const std::string& name_en,
                                    const std::string& left, Operator op, const std::string& right,
                                    const std::string& scope_path, long long commune_id) const {
  Expression::Parse(left);  // refuses a malformed rule before it is stored
  Expression::Parse(right);
  return c.InsertId(
      "INSERT INTO indicator_rules (name_vi, name_en, left_expr, operator, right_expr, scope_path, "
      "commune_id) VALUES (:1, :2, :3, :4, :5, :6, :7) RETURNING id",
      {name_vi, name_en, left, std::string(OperatorText(op)), right,
       scope_path.empty() ? store::Value() : store::Value(scope_path),
       commune_id ? store::Value(commune_id) : store::Value()});
}

void IndicatorService::DeleteRule(Conn& c, long long id) const {
  c.Exec("DELETE FROM indicator_rules WHERE id = :1", {id});
}

void IndicatorService::SetTarget(Conn& c, long long indicator_id, long long unit_id,
                                 const std::string& period_id, double target) const {
  c.Exec(
      "DELETE FROM indicator_targets WHERE indicator_id = :1 AND unit_id = :2 AND period_id = :3",
      {indicator_id, unit_id, period_id});
  c.Exec(
      "INSERT INTO indicator_targets (indicator_id, unit_id, period_id, target) VALUES (:1, :2, "
      ":3, :4)",
      {indicator_id, unit_id, period_id, target});
}

std::map<long long, double> IndicatorService::Targets(Conn& c, long long unit_id,
                                                      const std::string& period_id) const {
  std::map<long long, double> out;
  for (auto& r : c.Query("SELECT indicator_id, target FROM indicator_targets WHERE unit_id = :1 "
                         "AND period_id = :2",
                         {unit_id, period_id}))
    out[r.Int(0)] = r.Num(1);
  return out;
}

std::optional<double> IndicatorService::Target(Conn& c, long long indicator_id, long long unit_id,
                                               const std::string& period_id) const {
  auto r = c.QueryOne(
      "SELECT target FROM indicator_targets WHERE indicator_id = :1 AND unit_id = :2 AND "
      "period_id = :3",
      {indicator_id, unit_id, period_id});
  if (!r) return std::nullopt;
  return r->Num(0);
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
  std::map<long long, std::map<long long, double>> targets;
  // The targets set for this commune's units (its tree, from the org module).
  for (size_t at = 0; at < t.units.size(); at += store::kInListMax) {
    std::vector<store::Value> params{p.Id()};
    for (size_t i = at; i < std::min(t.units.size(), at + store::kInListMax); ++i)
      params.emplace_back(t.units[i].id);
    for (auto& r : c.Query("SELECT indicator_id, unit_id, target FROM indicator_targets WHERE "
                           "period_id = :1 AND unit_id IN (" +
                               store::InList(params.size() - 1, 2) + ")",
                           params))
      targets[r.Int(0)][r.Int(1)] = r.Num(2);
  }
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
