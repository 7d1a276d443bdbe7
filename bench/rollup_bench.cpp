// The rollup engine on synthetic trees the size of a city (114 communes × 25 reporting units) and
// the country (3,321 communes × 25): one indicator's values at every reporting unit, summed up the
// tree.
#include <benchmark/benchmark.h>

#include <random>

#include "modules/indicator/domain/rollup.hpp"

namespace kientao::indicator {

namespace {

struct Synthetic {
  OrgTree tree;
  std::vector<UnitValue> values;
};

// Root 1 → `communes` communes → `units` reporting units each; every unit reports numerator ≤
// denominator.
Synthetic Make(int communes, int units) {
  std::vector<std::pair<long long, long long>> id_parent = {{1, 0}};
  std::vector<UnitValue> values;
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> den(10, 500);
  long long next = 2;
  for (int c = 0; c < communes; ++c) {
    long long commune = next++;
    id_parent.emplace_back(commune, 1);
    for (int u = 0; u < units; ++u) {
      long long unit = next++;
      id_parent.emplace_back(unit, commune);
      double d = den(rng);
      values.push_back({unit, d * 0.8, d, {}});
    }
  }
  return {OrgTree::Build(id_parent), std::move(values)};
}

}  // namespace

static void BM_RollupRatioOfSums(benchmark::State& state) {
  static const Synthetic city = Make(114, 25);
  static const Synthetic country = Make(3321, 25);
  const Synthetic& s = state.range(0) == 0 ? city : country;
  for (auto _ : state)
    benchmark::DoNotOptimize(RollUp(s.tree, Aggregation::kRatioOfSums, s.values));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * s.values.size()));
  state.SetLabel(state.range(0) == 0 ? "city: 2,850 units" : "country: 83,025 units");
}
BENCHMARK(BM_RollupRatioOfSums)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

static void BM_BuildTree(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Make(3321, 25).tree.size());
}
BENCHMARK(BM_BuildTree)->Unit(benchmark::kMillisecond);

}  // namespace kientao::indicator
