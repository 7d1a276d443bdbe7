#pragma once
// The indicator catalogue, its validation rules and targets in the database: every SQL statement on
// the module's tables. Each function takes the caller's connection, so a write and its audit entry
// share one transaction. Throws store::DbError on database failure.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/indicator/domain/indicator.hpp"
#include "modules/indicator/domain/validation.hpp"
#include "store/db.hpp"

namespace kientao::indicator {

class IndicatorStore {
 public:
  static std::vector<Definition> Definitions(store::Conn& c);  // by key task, then code
  static std::optional<Definition> Find(store::Conn& c, const std::string& code);
  static long long InsertDefinition(store::Conn& c, const Definition& d);

  static std::vector<ValidationRule> AllRules(store::Conn& c);  // by id
  static std::optional<ValidationRule> Rule(store::Conn& c, long long id);
  // The expressions as text (already parsed by the caller).
  static long long InsertRule(store::Conn& c, const std::string& name_vi,
                              const std::string& name_en, const std::string& left, Operator op,
                              const std::string& right, const std::string& scope_path,
                              long long commune_id);
  static void DeleteRule(store::Conn& c, long long id);

  static void ReplaceTarget(store::Conn& c, long long indicator_id, long long unit_id,
                            const std::string& period_id, double target);
  static std::map<long long, double> Targets(store::Conn& c, long long unit_id,
                                             const std::string& period_id);
  static std::optional<double> Target(store::Conn& c, long long indicator_id, long long unit_id,
                                      const std::string& period_id);
  // indicator → unit → target, for these units in the period.
  static std::map<long long, std::map<long long, double>> TargetsOfUnits(
      store::Conn& c, const std::vector<long long>& unit_ids, const std::string& period_id);
};

}  // namespace kientao::indicator
