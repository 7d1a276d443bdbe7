#include "modules/indicator/domain/cube.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace kientao::indicator {

PreorderTree PreorderTree::Build(const std::vector<std::pair<long long, long long>>& id_parent) {
  std::map<long long, size_t> known;
  for (size_t i = 0; i < id_parent.size(); ++i) known.emplace(id_parent[i].first, i);
  std::vector<std::vector<size_t>> children(id_parent.size());
  std::vector<size_t> roots;
  for (size_t i = 0; i < id_parent.size(); ++i) {
    auto it = known.find(id_parent[i].second);
    if (id_parent[i].second == 0 || it == known.end() || it->second == i)
      roots.push_back(i);
    else
      children[it->second].push_back(i);
  }
  PreorderTree t;
  t.ids_.reserve(id_parent.size());
  t.end_.assign(id_parent.size(), 0);
  t.depth_.reserve(id_parent.size());
  // Iterative depth-first walk; a "leaving" entry closes the subtree's range.
  std::vector<int> pos_of(id_parent.size(), -1);
  std::vector<std::tuple<size_t, int, bool>> work;
  for (auto r = roots.rbegin(); r != roots.rend(); ++r) work.emplace_back(*r, 0, false);
  while (!work.empty()) {
    auto [i, depth, leaving] = work.back();
    work.pop_back();
    if (leaving) {
      t.end_[static_cast<size_t>(pos_of[i])] = static_cast<int>(t.ids_.size());
      continue;
    }
    if (pos_of[i] >= 0) continue;  // a cycle in the input: visit once
    pos_of[i] = static_cast<int>(t.ids_.size());
    t.ids_.push_back(id_parent[i].first);
    t.depth_.push_back(depth);
    work.emplace_back(i, depth, true);
    for (auto c = children[i].rbegin(); c != children[i].rend(); ++c)
      work.emplace_back(*c, depth + 1, false);
  }
  t.end_.resize(t.ids_.size());
  for (size_t p = 0; p < t.ids_.size(); ++p) t.by_id_.emplace_back(t.ids_[p], static_cast<int>(p));
  std::sort(t.by_id_.begin(), t.by_id_.end());
  return t;
}

int PreorderTree::IndexOf(long long id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), std::make_pair(id, -1));
  return it != by_id_.end() && it->first == id ? it->second : -1;
}

std::vector<int> PreorderTree::AtDepth(int depth) const {
  std::vector<int> out;
  for (size_t p = 0; p < depth_.size(); ++p)
    if (depth_[p] == depth) out.push_back(static_cast<int>(p));
  return out;
}

Cube::Cube(const PreorderTree& tree, const std::vector<bool>& with_denominator) : tree_(tree) {
  num_.assign(with_denominator.size(), std::vector<double>(tree.size(), 0.0));
  den_.resize(with_denominator.size());
  for (size_t k = 0; k < with_denominator.size(); ++k)
    if (with_denominator[k]) den_[k].assign(tree.size(), 0.0);
}

void Cube::Set(size_t k, int pos, double numerator, double denominator) {
  num_[k][static_cast<size_t>(pos)] = numerator;
  if (!den_[k].empty()) den_[k][static_cast<size_t>(pos)] = denominator;
}

double Cube::SumRange(const double* v, int begin, int end) {
  // Four independent sums so the additions overlap in the processor's pipeline.
  double a = 0, b = 0, c = 0, d = 0;
  int i = begin;
  for (; i + 4 <= end; i += 4) {
    a += v[i];
    b += v[i + 1];
    c += v[i + 2];
    d += v[i + 3];
  }
  for (; i < end; ++i) a += v[i];
  return (a + b) + (c + d);
}

std::pair<double, double> Cube::Total(size_t k, int pos) const {
  int end = tree_.End(pos);
  double n = SumRange(num_[k].data(), pos, end);
  double d = den_[k].empty() ? 0 : SumRange(den_[k].data(), pos, end);
  return {n, d};
}

std::vector<double> Cube::TotalsAt(int pos) const {
  std::vector<double> out(num_.size());
  int end = tree_.End(pos);
  for (size_t k = 0; k < num_.size(); ++k) out[k] = SumRange(num_[k].data(), pos, end);
  return out;
}

std::vector<double> Cube::TotalsBy(const std::vector<int>& positions,
                                   std::vector<double>* denominators) const {
  size_t n = num_.size();
  std::vector<double> out(positions.size() * n, 0.0);
  if (denominators) denominators->assign(positions.size() * n, 0.0);
  for (size_t k = 0; k < n; ++k) {
    const double* col = num_[k].data();
    const double* dcol = den_[k].empty() ? nullptr : den_[k].data();
    for (size_t u = 0; u < positions.size(); ++u) {
      int p = positions[u], end = tree_.End(p);
      out[u * n + k] = SumRange(col, p, end);
      if (denominators && dcol) (*denominators)[u * n + k] = SumRange(dcol, p, end);
    }
  }
  return out;
}

}  // namespace kientao::indicator
