#include "modules/indicator/domain/rollup.hpp"

#include <gtest/gtest.h>

namespace kientao::indicator {

namespace {
// City 1 → commune 2 → villages 3, 4; commune 5 → village 6.
OrgTree Tree() { return OrgTree::Build({{1, 0}, {2, 1}, {3, 2}, {4, 2}, {5, 1}, {6, 5}}); }
Date D(int m, int d) { return *Date::FromYmd(2026, m, d); }
}  // namespace

TEST(Rollup, SumsAddUpTheTree) {
  OrgTree t = Tree();
  auto agg = RollUp(t, Aggregation::kSum, {{3, 10, 0, {}}, {4, 5, 0, {}}, {6, 7, 0, {}}});
  EXPECT_EQ(*agg[static_cast<size_t>(t.IndexOf(2))].Value(Aggregation::kSum), 15);
  EXPECT_EQ(*agg[static_cast<size_t>(t.IndexOf(1))].Value(Aggregation::kSum), 22);
  EXPECT_EQ(*agg[static_cast<size_t>(t.IndexOf(5))].Value(Aggregation::kSum), 7);
}

TEST(Rollup, PercentsAreARatioOfSumsNeverAnAverageOfPercents) {
  OrgTree t = Tree();
  // Village 3: 1 of 2 trained (50%); village 4: 90 of 100 (90%). The commune is 91/102, not 70%.
  auto agg = RollUp(t, Aggregation::kRatioOfSums, {{3, 1, 2, {}}, {4, 90, 100, {}}});
  EXPECT_NEAR(*agg[static_cast<size_t>(t.IndexOf(2))].Value(Aggregation::kRatioOfSums), 89.2157,
              1e-3);
  // A unit with no denominator has no percent.
  auto zero = RollUp(t, Aggregation::kRatioOfSums, {{6, 0, 0, {}}});
  EXPECT_FALSE(zero[static_cast<size_t>(t.IndexOf(6))].Value(Aggregation::kRatioOfSums));
  // Nor with a numerator: 5 of nothing is no percent (not an infinite one), up the tree too.
  auto nothing = RollUp(t, Aggregation::kRatioOfSums, {{6, 5, 0, {}}});
  EXPECT_FALSE(nothing[static_cast<size_t>(t.IndexOf(6))].Value(Aggregation::kRatioOfSums));
  EXPECT_FALSE(nothing[static_cast<size_t>(t.IndexOf(5))].Value(Aggregation::kRatioOfSums));
}

TEST(Rollup, LastMinAndMax) {
  OrgTree t = Tree();
  std::vector<UnitValue> v = {{3, 41, 0, D(3, 14)}, {4, 38, 0, D(6, 14)}, {6, 12, 0, D(1, 14)}};
  EXPECT_EQ(*RollUp(t, Aggregation::kLast, v)[static_cast<size_t>(t.IndexOf(1))].Value(
                Aggregation::kLast),
            38);
  EXPECT_EQ(
      *RollUp(t, Aggregation::kMin, v)[static_cast<size_t>(t.IndexOf(1))].Value(Aggregation::kMin),
      12);
  EXPECT_EQ(
      *RollUp(t, Aggregation::kMax, v)[static_cast<size_t>(t.IndexOf(2))].Value(Aggregation::kMax),
      41);
}

TEST(Rollup, UnitsWithoutValuesHaveNoneAndUnknownUnitsAreCounted) {
  OrgTree t = Tree();
  size_t unknown = 0;
  auto agg = RollUp(t, Aggregation::kSum, {{3, 1, 0, {}}, {99, 5, 0, {}}}, &unknown);
  EXPECT_EQ(unknown, 1u);
  EXPECT_FALSE(agg[static_cast<size_t>(t.IndexOf(5))].Value(Aggregation::kSum));
  EXPECT_EQ(*agg[static_cast<size_t>(t.IndexOf(1))].Value(Aggregation::kSum), 1);
}

TEST(Rollup, TreeOrderPutsChildrenFirstWhateverTheInputOrder) {
  OrgTree t = OrgTree::Build({{6, 5}, {3, 2}, {1, 0}, {5, 1}, {2, 1}});
  std::vector<int> pos(t.size());
  for (size_t k = 0; k < t.BottomUp().size(); ++k)
    pos[static_cast<size_t>(t.BottomUp()[k])] = static_cast<int>(k);
  for (size_t i = 0; i < t.size(); ++i)
    if (t.ParentOf(static_cast<int>(i)) >= 0) {
      EXPECT_LT(pos[i], pos[static_cast<size_t>(t.ParentOf(static_cast<int>(i)))]);
    }
  EXPECT_EQ(ParseAggregation("ratio_of_sums"), Aggregation::kRatioOfSums);
  EXPECT_FALSE(ParseAggregation("average"));
}

}  // namespace kientao::indicator
