// The rollup engine on synthetic trees the size of a city (114 communes × 25 reporting units) and
// the country (3,321 communes × 25): one indicator's values at every reporting unit, summed up the
// tree.
#include <benchmark/benchmark.h>

#include <memory>
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

// ---- Many indicators at once: the columnar cube over the preorder tree ----

#include "bench/generators.hpp"
#include "modules/indicator/domain/cube.hpp"

namespace kientao::indicator {

namespace {

struct CubeData {
  PreorderTree tree;
  std::unique_ptr<Cube> cube;
  std::vector<int> communes;
  int root = 0;
};

const CubeData& Data(bool country) {
  static std::unique_ptr<CubeData> cached[2];
  auto& slot = cached[country ? 1 : 0];
  if (!slot) {
    auto shape = country ? bench::Country() : bench::City();
    slot = std::make_unique<CubeData>();
    slot->tree = PreorderTree::Build(bench::Tree(shape));
    std::vector<bool> with_den;
    for (int k = 0; k < shape.indicators; ++k) with_den.push_back(bench::IsPercent(k));
    slot->cube = std::make_unique<Cube>(slot->tree, with_den);
    bench::Values(shape, 0, [&](int, long long unit, int k, double n, double d) {
      slot->cube->Set(static_cast<size_t>(k), slot->tree.IndexOf(unit), n, d);
    });
    slot->communes = slot->tree.AtDepth(1);
    slot->root = slot->tree.IndexOf(1);
  }
  return *slot;
}

}  // namespace

// Every indicator's total (numerator, and denominator for percents) for the whole tree: the "sum by
// indicator of one period".
static void BM_CubeTotalsByIndicator(benchmark::State& state) {
  const CubeData& d = Data(state.range(0) == 1);
  for (auto _ : state) {
    double check = 0;
    for (size_t k = 0; k < d.cube->indicators(); ++k) {
      auto [n, den] = d.cube->Total(k, d.root);
      check += n + den;
    }
    benchmark::DoNotOptimize(check);
  }
  state.SetLabel(state.range(0) == 1 ? "country: 16.6M values" : "city: 570k values");
}
BENCHMARK(BM_CubeTotalsByIndicator)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Every (commune, indicator) total: the "sum by commune × indicator".
static void BM_CubeTotalsByCommuneAndIndicator(benchmark::State& state) {
  const CubeData& d = Data(state.range(0) == 1);
  std::vector<double> dens;
  for (auto _ : state) benchmark::DoNotOptimize(d.cube->TotalsBy(d.communes, &dens));
  state.SetLabel(state.range(0) == 1 ? "country: 3,321 communes x 200"
                                     : "city: 114 communes x 200");
}
BENCHMARK(BM_CubeTotalsByCommuneAndIndicator)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

static void BM_CubeBuildCountry(benchmark::State& state) {
  auto shape = bench::Country();
  for (auto _ : state) {
    auto tree = PreorderTree::Build(bench::Tree(shape));
    benchmark::DoNotOptimize(tree.size());
  }
}
BENCHMARK(BM_CubeBuildCountry)->Unit(benchmark::kMillisecond);

}  // namespace kientao::indicator
