#include "modules/indicator/store/indicator_store.hpp"

#include <algorithm>

#include "base/clock.hpp"
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

std::vector<Definition> IndicatorStore::Definitions(Conn& c) {
  std::vector<Definition> out;
  for (auto& r : c.Query(std::string("SELECT ") + kCols + "ORDER BY key_no, code"))
    out.push_back(FromRow(r));
  return out;
}

std::optional<Definition> IndicatorStore::Find(Conn& c, const std::string& code) {
  auto r = c.QueryOne(std::string("SELECT ") + kCols + "WHERE code = :1", {code});
  if (!r) return std::nullopt;
  return FromRow(*r);
}

long long IndicatorStore::InsertDefinition(Conn& c, const Definition& d) {
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

std::vector<ValidationRule> IndicatorStore::AllRules(Conn& c) {
  std::vector<ValidationRule> out;
  for (auto& r : c.Query(std::string(kRuleSelect) + "ORDER BY id")) out.push_back(RuleFromRow(r));
  return out;
}

std::optional<ValidationRule> IndicatorStore::Rule(Conn& c, long long id) {
  auto r = c.QueryOne(std::string(kRuleSelect) + "WHERE id = :1", {id});
  if (!r) return std::nullopt;
  return RuleFromRow(*r);
}

long long IndicatorStore::InsertRule(Conn& c, const std::string& name_vi,
                                     const std::string& name_en, const std::string& left,
                                     Operator op, const std::string& right,
                                     const std::string& scope_path, long long commune_id) {
  return c.InsertId(
      "INSERT INTO indicator_rules (name_vi, name_en, left_expr, operator, right_expr, scope_path, "
      "commune_id) VALUES (:1, :2, :3, :4, :5, :6, :7) RETURNING id",
      {name_vi, name_en, left, std::string(OperatorText(op)), right,
       scope_path.empty() ? store::Value() : store::Value(scope_path),
       commune_id ? store::Value(commune_id) : store::Value()});
}

void IndicatorStore::DeleteRule(Conn& c, long long id) {
  c.Exec("DELETE FROM indicator_rules WHERE id = :1", {id});
}

void IndicatorStore::ReplaceTarget(Conn& c, long long indicator_id, long long unit_id,
                                   const std::string& period_id, double target) {
  c.Exec(
      "DELETE FROM indicator_targets WHERE indicator_id = :1 AND unit_id = :2 AND period_id = :3",
      {indicator_id, unit_id, period_id});
  c.Exec(
      "INSERT INTO indicator_targets (indicator_id, unit_id, period_id, target) VALUES (:1, :2, "
      ":3, :4)",
      {indicator_id, unit_id, period_id, target});
}

std::map<long long, double> IndicatorStore::Targets(Conn& c, long long unit_id,
                                                    const std::string& period_id) {
  std::map<long long, double> out;
  for (auto& r : c.Query("SELECT indicator_id, target FROM indicator_targets WHERE unit_id = :1 "
                         "AND period_id = :2",
                         {unit_id, period_id}))
    out[r.Int(0)] = r.Num(1);
  return out;
}

std::optional<double> IndicatorStore::Target(Conn& c, long long indicator_id, long long unit_id,
                                             const std::string& period_id) {
  auto r = c.QueryOne(
      "SELECT target FROM indicator_targets WHERE indicator_id = :1 AND unit_id = :2 AND "
      "period_id = :3",
      {indicator_id, unit_id, period_id});
  if (!r) return std::nullopt;
  return r->Num(0);
}

std::map<long long, std::map<long long, double>> IndicatorStore::TargetsOfUnits(
    Conn& c, const std::vector<long long>& unit_ids, const std::string& period_id) {
  std::map<long long, std::map<long long, double>> out;  // indicator → unit → target
  store::ForEachIdSlice(
      unit_ids, {period_id}, [&](const std::vector<store::Value>& params, const std::string& in) {
        for (auto& r : c.Query("SELECT indicator_id, unit_id, target FROM indicator_targets WHERE "
                               "period_id = :1 AND unit_id IN (" +
                                   in + ")",
                               params))
          out[r.Int(0)][r.Int(1)] = r.Num(2);
      });
  return out;
}

}  // namespace kientao::indicator
