#pragma once
// The rollup for many indicators at once, for the questions a city or the country asks ("every
// indicator for the whole country", "every indicator for every commune"): the tree is laid out in
// preorder, so a unit's subtree is one contiguous range of positions, and each indicator's values
// for one period are a dense column over those positions. A total is then the sum of a contiguous
// slice — a pass at memory speed with no lookups. Sums and ratios of sums (the aggregations of
// counts, amounts and percents); "last", "min" and "max" use RollUp (rollup.hpp). Pure; thread-safe
// for concurrent reads.
#include <cstddef>
#include <utility>
#include <vector>

namespace kientao::indicator {

class PreorderTree {
 public:
  // (id, parent id) pairs; parent 0 or unknown = a root. Children keep the order given.
  static PreorderTree Build(const std::vector<std::pair<long long, long long>>& id_parent);
  size_t size() const { return ids_.size(); }
  int IndexOf(long long id) const;  // position of unit `id`, or -1
  long long IdAt(int pos) const { return ids_[static_cast<size_t>(pos)]; }
  // One past the last position of the subtree at `pos`.
  int End(int pos) const { return end_[static_cast<size_t>(pos)]; }
  int Depth(int pos) const { return depth_[static_cast<size_t>(pos)]; }
  // Positions of the units at `depth` (0 = roots), in order.
  std::vector<int> AtDepth(int depth) const;

 private:
  std::vector<long long> ids_;
  std::vector<int> end_;
  std::vector<int> depth_;
  std::vector<std::pair<long long, int>> by_id_;  // sorted for lookup
};

// Values of `indicators` indicators for one period. Column k holds the numerators of indicator k;
// indicators given `with_denominator` also have a denominator column. A unit without a value holds
// 0, which adds nothing.
class Cube {
 public:
  Cube(const PreorderTree& tree, const std::vector<bool>& with_denominator);
  size_t indicators() const { return num_.size(); }
  void Set(size_t indicator, int pos, double numerator, double denominator = 0);
  // Numerator and denominator sums of indicator k over the subtree at `pos`.
  std::pair<double, double> Total(size_t k, int pos) const;
  // Every indicator's numerator sum over the subtree at `pos` (one pass per column).
  std::vector<double> TotalsAt(int pos) const;
  // Sums for every pair (unit of `positions`, indicator): out[u * indicators() + k]. Positions must
  // not overlap (e.g. every commune). Denominators too when `denominators` is given.
  std::vector<double> TotalsBy(const std::vector<int>& positions,
                               std::vector<double>* denominators = nullptr) const;

 private:
  static double SumRange(const double* v, int begin, int end);
  const PreorderTree& tree_;
  std::vector<std::vector<double>> num_;
  std::vector<std::vector<double>> den_;  // empty for indicators without a denominator
};

}  // namespace kientao::indicator
