#include <gtest/gtest.h>

#include "modules/indicator/domain/cube.hpp"
#include "modules/indicator/domain/rollup.hpp"

namespace kientao::indicator {
namespace {

// City 1 → communes 2, 3 → villages 20, 21 (under 2) and 30 (under 3); given out of order.
const std::vector<std::pair<long long, long long>> kTree = {{30, 3}, {2, 1}, {1, 0},
                                                            {20, 2}, {3, 1}, {21, 2}};

TEST(PreorderTree, SubtreesAreContiguousRanges) {
  auto t = PreorderTree::Build(kTree);
  ASSERT_EQ(t.size(), 6u);
  int city = t.IndexOf(1), c2 = t.IndexOf(2), c3 = t.IndexOf(3);
  EXPECT_EQ(city, 0);
  EXPECT_EQ(t.End(city), 6);
  EXPECT_EQ(t.End(c2) - c2, 3);  // commune 2 and its two villages
  EXPECT_EQ(t.End(c3) - c3, 2);
  EXPECT_EQ(t.AtDepth(1), (std::vector<int>{c2, c3}));
  EXPECT_EQ(t.Depth(t.IndexOf(21)), 2);
  EXPECT_EQ(t.IndexOf(99), -1);
}

TEST(Cube, TotalsAgreeWithTheRollupEngine) {
  auto t = PreorderTree::Build(kTree);
  Cube cube(t, {false, true});  // a count, and a percent (numerator/denominator)
  std::vector<UnitValue> count, pct;
  auto put = [&](long long id, double c, double n, double d) {
    cube.Set(0, t.IndexOf(id), c);
    cube.Set(1, t.IndexOf(id), n, d);
    count.push_back({id, c, 0, {}});
    pct.push_back({id, n, d, {}});
  };
  put(20, 10, 9, 10);
  put(21, 5, 1, 4);
  put(30, 7, 7, 7);
  auto tree = OrgTree::Build(kTree);
  auto sums = RollUp(tree, Aggregation::kSum, count);
  auto ratios = RollUp(tree, Aggregation::kRatioOfSums, pct);
  for (long long id : {1, 2, 3, 20, 21, 30}) {
    auto [n, d] = cube.Total(1, t.IndexOf(id));
    EXPECT_DOUBLE_EQ(cube.Total(0, t.IndexOf(id)).first,
                     sums[static_cast<size_t>(tree.IndexOf(id))].numerator);
    EXPECT_DOUBLE_EQ(n / d * 100, *ratios[static_cast<size_t>(tree.IndexOf(id))].Value(
                                      Aggregation::kRatioOfSums));
  }
  // 17/21 for the city: a ratio of sums, not the average of 90%, 25% and 100%.
  auto [n, d] = cube.Total(1, t.IndexOf(1));
  EXPECT_DOUBLE_EQ(n / d, 17.0 / 21.0);
  std::vector<double> dens;
  auto by = cube.TotalsBy(t.AtDepth(1), &dens);
  EXPECT_EQ(
      by, (std::vector<double>{15, 10, 7, 7}));  // commune 2: count 15, pct num 10; commune 3: 7, 7
  EXPECT_EQ(dens, (std::vector<double>{0, 14, 0, 7}));
  EXPECT_EQ(cube.TotalsAt(t.IndexOf(1)), (std::vector<double>{22, 17}));
}

}  // namespace
}  // namespace kientao::indicator
