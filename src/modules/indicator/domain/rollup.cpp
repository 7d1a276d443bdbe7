#include "modules/indicator/domain/rollup.hpp"

#include <algorithm>

namespace kientao::indicator {

std::string_view AggregationCode(Aggregation a) {
  switch (a) {
    case Aggregation::kSum:
      return "sum";
    case Aggregation::kRatioOfSums:
      return "ratio_of_sums";
    case Aggregation::kLast:
      return "last";
    case Aggregation::kMin:
      return "min";
    case Aggregation::kMax:
      return "max";
  }
  return "sum";
}

std::optional<Aggregation> ParseAggregation(std::string_view code) {
  for (Aggregation a : {Aggregation::kSum, Aggregation::kRatioOfSums, Aggregation::kLast,
                        Aggregation::kMin, Aggregation::kMax})
    if (AggregationCode(a) == code) return a;
  return std::nullopt;
}

OrgTree OrgTree::Build(const std::vector<std::pair<long long, long long>>& id_parent) {
  OrgTree t;
  t.ids_.reserve(id_parent.size());
  for (auto& [id, parent] : id_parent) t.ids_.push_back(id);
  for (size_t i = 0; i < t.ids_.size(); ++i) t.by_id_.emplace_back(t.ids_[i], static_cast<int>(i));
  std::sort(t.by_id_.begin(), t.by_id_.end());
  t.parents_.resize(t.ids_.size(), -1);
  for (size_t i = 0; i < id_parent.size(); ++i) t.parents_[i] = t.IndexOf(id_parent[i].second);
  // Depth of each unit, then deepest first: children always come before their parents.
  std::vector<int> depth(t.ids_.size(), -1);
  for (size_t i = 0; i < t.ids_.size(); ++i) {
    int d = 0;
    for (int p = t.parents_[i]; p >= 0 && d <= static_cast<int>(t.ids_.size());
         p = t.parents_[static_cast<size_t>(p)])
      ++d;
    depth[i] = d;
  }
  t.bottom_up_.resize(t.ids_.size());
  for (size_t i = 0; i < t.ids_.size(); ++i) t.bottom_up_[i] = static_cast<int>(i);
  std::stable_sort(t.bottom_up_.begin(), t.bottom_up_.end(), [&](int a, int b) {
    return depth[static_cast<size_t>(a)] > depth[static_cast<size_t>(b)];
  });
  return t;
}

int OrgTree::IndexOf(long long id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), std::make_pair(id, -1));
  return it != by_id_.end() && it->first == id ? it->second : -1;
}

std::optional<double> Aggregate::Value(Aggregation a) const {
  if (!has_value) return std::nullopt;
  if (a == Aggregation::kRatioOfSums) {
    if (denominator == 0) return std::nullopt;
    return numerator / denominator * 100.0;
  }
  return numerator;
}

namespace {
void Merge(Aggregate& into, const Aggregate& v, Aggregation a) {
  if (!v.has_value) return;
  if (!into.has_value) {
    into = v;
    return;
  }
  switch (a) {
    case Aggregation::kSum:
    case Aggregation::kRatioOfSums:
      into.numerator += v.numerator;
      into.denominator += v.denominator;
      break;
    case Aggregation::kLast:
      if (v.as_of > into.as_of) into = v;
      break;
    case Aggregation::kMin:
      into.numerator = std::min(into.numerator, v.numerator);
      break;
    case Aggregation::kMax:
      into.numerator = std::max(into.numerator, v.numerator);
      break;
  }
}
}  // namespace

std::vector<Aggregate> RollUp(const OrgTree& tree, Aggregation a,
                              const std::vector<UnitValue>& values, size_t* unknown) {
  std::vector<Aggregate> agg(tree.size());
  size_t missing = 0;
  for (const UnitValue& v : values) {
    int i = tree.IndexOf(v.unit_id);
    if (i < 0) {
      ++missing;
      continue;
    }
    Merge(agg[static_cast<size_t>(i)], Aggregate{true, v.numerator, v.denominator, v.as_of}, a);
  }
  for (int i : tree.BottomUp()) {
    int p = tree.ParentOf(i);
    if (p >= 0) Merge(agg[static_cast<size_t>(p)], agg[static_cast<size_t>(i)], a);
  }
  if (unknown) *unknown = missing;
  return agg;
}

}  // namespace kientao::indicator
