#pragma once
// The rollup engine: an indicator's value for every org unit, computed in memory from the values
// reported at any units below it. Sums add up; percents are a ratio of sums (never an average of
// percents); "last" takes the most recent value; min and max take the extreme. One pass over the
// tree, children before parents. Pure: no database. Thread-safe for concurrent reads of a built
// tree.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.hpp"

namespace kientao::indicator {

enum class Aggregation { kSum, kRatioOfSums, kLast, kMin, kMax };

std::string_view AggregationCode(Aggregation a);  // "sum", "ratio_of_sums", "last", "min", "max"
std::optional<Aggregation> ParseAggregation(std::string_view code);

// The org tree as indexes, built once from (id, parent id) pairs; parent id 0 = a root.
class OrgTree {
 public:
  // Units whose parent is not in the list become roots.
  static OrgTree Build(const std::vector<std::pair<long long, long long>>& id_parent);
  size_t size() const { return ids_.size(); }
  // Index of unit `id`, or -1.
  int IndexOf(long long id) const;
  long long IdAt(int index) const { return ids_[static_cast<size_t>(index)]; }
  int ParentOf(int index) const { return parents_[static_cast<size_t>(index)]; }
  // Children before their parents.
  const std::vector<int>& BottomUp() const { return bottom_up_; }

 private:
  std::vector<long long> ids_;
  std::vector<int> parents_;
  std::vector<int> bottom_up_;
  std::vector<std::pair<long long, int>> by_id_;  // sorted for lookup
};

// One reported value at a unit. For kRatioOfSums, numerator/denominator (e.g. trained/staff);
// otherwise the value is `numerator`. `as_of` orders values for kLast.
struct UnitValue {
  long long unit_id = 0;
  double numerator = 0;
  double denominator = 0;
  Date as_of;
};

struct Aggregate {
  bool has_value = false;
  double numerator = 0;
  double denominator = 0;
  Date as_of;
  // The indicator's value: the sum, numerator ÷ denominator × 100 for percents (nullopt when the
  // denominator is 0), the last value, or the extreme.
  std::optional<double> Value(Aggregation a) const;
};

// The aggregate of every unit of `tree` (indexed like the tree). Values at units not in the tree
// are ignored and counted in `*unknown` when given.
std::vector<Aggregate> RollUp(const OrgTree& tree, Aggregation a,
                              const std::vector<UnitValue>& values, size_t* unknown = nullptr);

}  // namespace kientao::indicator
