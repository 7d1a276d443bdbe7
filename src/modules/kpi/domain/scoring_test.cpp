#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <toml++/toml.h>
#include "base/rule_file.hpp"

#include "modules/kpi/domain/scoring.hpp"

namespace kientao::kpi {
namespace {

KpiRules Rules() {
  std::ifstream in(KIENTAO_SOURCE_DIR "/src/modules/kpi/rules/nd-335-2025.toml");
  std::stringstream ss;
  ss << in.rdbuf();
  return KpiRules::Load(ss.str());
}

// The worked cases of rules/nd-335-2025.cases.toml run in tests/golden_cases_test.cpp.

TEST(Kpi, TheQuotaAtItsEdges) {
  KpiRules r = Rules();
  EXPECT_TRUE(QuotaAllows(r, 0, 0));
  EXPECT_FALSE(QuotaAllows(r, 1, 4));  // 20% of 4 is 0.8: no one yet
  EXPECT_TRUE(QuotaAllows(r, 1, 5));
}

TEST(Kpi, AMonthOfProducts) {
  KpiRules r = Rules();
  // 4 units assigned: 3 done (one with a major error, weight 2), 1 not done.
  std::vector<ProductResult> products = {
      {1, true, 0, 0, false}, {2, true, 1, 0, false}, {1, false, 0, 0, false}};
  PeriodScore s = ScorePeriod(r, products, 27);
  EXPECT_DOUBLE_EQ(s.quantity, 75.0);
  EXPECT_DOUBLE_EQ(s.quality, 100.0 * (1 + 2 * 0.75) / 4);
  EXPECT_DOUBLE_EQ(s.timeliness, 75.0);
  EXPECT_DOUBLE_EQ(s.task, 70 * (75.0 + 62.5 + 75.0) / 3 / 100);
  EXPECT_DOUBLE_EQ(s.total, s.task + 27);
  // An objective cause approved by the assigner removes the deduction.
  products[1].objective_cause = true;
  EXPECT_DOUBLE_EQ(ScorePeriod(r, products, 27).quality, 75.0);
  // Nothing assigned: no task points (the head still scores the general criteria).
  EXPECT_DOUBLE_EQ(ScorePeriod(r, {}, 20).total, 20);
  EXPECT_FALSE(r.combination_verified);
}

TEST(Kpi, LeaderPositionsAndTheirWeights) {
  KpiRules r = Rules();
  EXPECT_FALSE(r.leader_weights_verified);
  EXPECT_EQ(DirectionOf(r, "Chủ tịch UBND xã"), Direction::kCommune);
  EXPECT_EQ(DirectionOf(r, "Phó Trưởng phòng Kinh tế"), Direction::kUnit);
  EXPECT_EQ(DirectionOf(r, "Chuyên viên địa chính"), Direction::kNone);
}

TEST(Kpi, AProductThatFailsTheReviewersVerdictHasNoQualityPoints) {
  KpiRules r = Rules();
  ProductResult p{1, true, 0, 0, false};
  p.meets_requirements = false;
  PeriodScore s = ScorePeriod(r, {p, {1, true, 0, 0, false}}, 30);
  EXPECT_DOUBLE_EQ(s.quantity, 100);
  EXPECT_DOUBLE_EQ(s.quality, 50);
  EXPECT_EQ(ParseRating("good"), Rating::kGood);
  EXPECT_FALSE(ParseRating("great"));
}

TEST(Kpi, SumsOfPartsScoreLikeTheWhole) {
  KpiRules r = Rules();
  std::vector<ProductResult> a = {{1, true, 1, 0, false}, {2, false, 0, 0, false}};
  std::vector<ProductResult> b = {{1.5, true, 0, 2, false}, {0.5, true, 3, 1, true}};
  std::vector<ProductResult> all = a;
  all.insert(all.end(), b.begin(), b.end());
  WeightSums w = SumProducts(r, a);
  w += SumProducts(r, b);
  PeriodScore s = ScoreSums(r, w, 22), t = ScorePeriod(r, all, 22);
  EXPECT_DOUBLE_EQ(s.quantity, t.quantity);
  EXPECT_DOUBLE_EQ(s.quality, t.quality);
  EXPECT_DOUBLE_EQ(s.timeliness, t.timeliness);
  EXPECT_DOUBLE_EQ(s.total, t.total);
}

TEST(Kpi, OutOfRangeScoresAreRefused) {
  KpiRules r = Rules();
  auto code = [](auto f) {
    try {
      f();
      return std::string();
    } catch (const Error& e) {
      return std::string(e.code());
    }
  };
  EXPECT_EQ(code([&] { ScorePeriod(r, {}, 31); }), "KPI-7001");
  EXPECT_EQ(code([&] { ScorePeriod(r, {}, -1); }), "KPI-7001");
  EXPECT_EQ(code([&] { ScorePeriod(r, {{-1, true, 0, 0, false}}, 10); }), "KPI-7002");
  EXPECT_EQ(code([&] { RateYear(r, 100.5, false); }), "KPI-7001");
  // The top of the scale is a score, not an error: every product done well and on time, and the
  // full general points, make exactly 100.
  PeriodScore full = ScorePeriod(r, {{2, true, 0, 0, false, true}}, r.general_points);
  EXPECT_DOUBLE_EQ(full.total, 100);
  EXPECT_EQ(code([&] { ScorePeriod(r, {{2, true, 0, 0, false, true}}, r.general_points); }), "");
  EXPECT_EQ(code([&] { RateYear(r, 100, false); }), "");
  EXPECT_EQ(RateYear(r, 100, false), Rating::kExcellent);
  EXPECT_EQ(code([&] { RateYear(r, 0, false); }), "");
  EXPECT_DOUBLE_EQ(IncomeCoefficient(r, Rating::kExcellent), 0.8);
  EXPECT_DOUBLE_EQ(IncomeCoefficient(r, Rating::kCompleted), 0.6);
  EXPECT_DOUBLE_EQ(IncomeCoefficient(r, Rating::kNotCompleted), 0);
}

}  // namespace
TEST(Kpi, ARuleFileWithAnUnknownOrMissingKeyIsRefusedNamingIt) {
  std::ifstream in(KIENTAO_SOURCE_DIR "/src/modules/kpi/rules/nd-335-2025.toml");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  try {
    KpiRules::Load(text + "\n[rating_extra]\nexcelent = 95\n");
    FAIL() << "a typing mistake was accepted";
  } catch (const RuleFileError& e) {
    EXPECT_NE(std::string(e.what()).find("nd-335-2025.toml: rating_extra.excelent"),
              std::string::npos)
        << e.what();
  }
  std::string no_due = text;
  no_due.replace(no_due.find("due = \"12-15\""), 14, "");
  try {
    KpiRules::Load(no_due);
    FAIL() << "a missing value was accepted";
  } catch (const RuleFileError& e) {
    EXPECT_NE(std::string(e.what()).find("annual.due"), std::string::npos) << e.what();
  }
}

}  // namespace kientao::kpi
