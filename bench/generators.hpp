#pragma once
// Synthetic data for the reporting benchmarks, the shape the issue gives: a city (114 communes × 25
// reporting units) or the country (3,321 communes × 25), 200 indicators of which every fourth is a
// percent (numerator ≤ denominator), values from a fixed seed so every run measures the same data.
// Used by rollup_bench (in memory) and gen_values (CSV for the database comparison).
#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <utility>
#include <vector>

namespace kientao::bench {

struct Shape {
  int communes = 114;
  int units = 25;  // reporting units per commune
  int indicators = 200;
};

inline Shape City() { return {114, 25, 200}; }
inline Shape Country() { return {3321, 25, 200}; }

inline bool IsPercent(int indicator) { return indicator % 4 == 3; }

// The tree: root 1 → communes → units, ids in order. (id, parent) pairs.
inline std::vector<std::pair<long long, long long>> Tree(const Shape& s) {
  std::vector<std::pair<long long, long long>> out = {{1, 0}};
  long long next = 2;
  for (int c = 0; c < s.communes; ++c) {
    long long commune = next++;
    out.emplace_back(commune, 1);
    for (int u = 0; u < s.units; ++u) out.emplace_back(next++, commune);
  }
  return out;
}

// Calls visit(commune index, unit id, indicator, numerator, denominator) for every value of one
// period.
inline void Values(const Shape& s, int period,
                   const std::function<void(int, long long, int, double, double)>& visit) {
  std::mt19937_64 rng(42 + static_cast<uint64_t>(period));
  std::uniform_int_distribution<int> count(0, 500);
  long long next = 2;
  for (int c = 0; c < s.communes; ++c) {
    ++next;  // the commune's own id
    for (int u = 0; u < s.units; ++u) {
      long long unit = next++;
      for (int k = 0; k < s.indicators; ++k) {
        double d = count(rng);
        double n = IsPercent(k) ? std::floor(d * (0.5 + 0.5 * (count(rng) / 500.0))) : d;
        visit(c, unit, k, n, IsPercent(k) ? d : 0);
      }
    }
  }
}

}  // namespace kientao::bench
