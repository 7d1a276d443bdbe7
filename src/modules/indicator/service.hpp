#pragma once
// Indicators as the rest of the system uses them: definitions, targets, validation rules, and the
// values of any indicator for every unit of a commune in a period — entered values handed in by
// the caller (the reporting module, from approved reports) plus those that modules supply through
// providers — rolled up the org tree in memory. Thread-safe once providers are registered.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/period.hpp"
#include "modules/indicator/domain/indicator.hpp"
#include "modules/indicator/domain/validation.hpp"
#include "store/db.hpp"

namespace kientao::indicator {

// A module that supplies an indicator's values from its own registry (never typed twice).
class Provider {
 public:
  virtual ~Provider() = default;
  // The name indicators give in their `provider` column, e.g. "org.staff".
  virtual std::string Name() const = 0;
  // Values at the units of the commune for the period (any units; the tree rolls them up).
  virtual std::vector<UnitValue> Values(store::Conn& c, const Definition& d, long long commune_id,
                                        const Period& p) = 0;
};

// One unit of a commune's tree, as the rollup and the pages need it.
struct TreeUnit {
  long long id = 0;
  long long parent_id = 0;
  std::string code;
  std::string name;
  std::string kind;
};

// An indicator's values over a commune's tree for one period.
struct Series {
  Definition def;
  std::vector<Aggregate> by_unit;       // indexed like CommuneTree::tree
  std::map<long long, double> targets;  // unit id → target for the period
  std::string source;                   // "report" or the provider's name
  std::optional<double> ValueAt(int index) const {
    return by_unit[static_cast<size_t>(index)].Value(def.aggregation);
  }
};

struct CommuneTree {
  OrgTree tree;
  std::vector<TreeUnit> units;  // indexed like the tree
  int root = -1;                // the commune's index
};

class IndicatorService {
 public:
  explicit IndicatorService(store::Database& db) : db_(db) {}
  void RegisterProvider(std::unique_ptr<Provider> p);

  std::vector<Definition> Definitions(store::Conn& c) const;
  std::optional<Definition> Find(store::Conn& c, const std::string& code) const;
  long long Create(store::Conn& c, const Definition& d) const;  // the caller audits
  // The rules that check reports of the unit at `unit_path` (its own subtree's and the
  // installation's); every rule when `unit_path` is "".
  std::vector<ValidationRule> Rules(store::Conn& c, const std::string& unit_path = "") const;
  std::optional<ValidationRule> Rule(store::Conn& c, long long id) const;
  // A rule owned by the subtree at `scope_path` ("" = the whole installation).
  long long AddRule(store::Conn& c, const std::string& name_vi, const std::string& name_en,
                    const std::string& left, Operator op, const std::string& right,
                    const std::string& scope_path = "", long long commune_id = 0) const;
  void DeleteRule(store::Conn& c, long long id) const;
  void SetTarget(store::Conn& c, long long indicator_id, long long unit_id,
                 const std::string& period_id, double target) const;
  // The unit's targets for the period: indicator id → target.
  std::map<long long, double> Targets(store::Conn& c, long long unit_id,
                                      const std::string& period_id) const;
  std::optional<double> Target(store::Conn& c, long long indicator_id, long long unit_id,
                               const std::string& period_id) const;

  CommuneTree Tree(store::Conn& c, long long commune_id) const;
  // Every indicator of `defs` over the commune's tree: entered values come from `entered`
  // (indicator id → values at units); provider indicators ask their provider.
  std::vector<Series> Compute(store::Conn& c, const CommuneTree& t, long long commune_id,
                              const Period& p, const std::vector<Definition>& defs,
                              const std::map<long long, std::vector<UnitValue>>& entered);

 private:
  store::Database& db_;
  std::map<std::string, std::unique_ptr<Provider>> providers_;
};

}  // namespace kientao::indicator
