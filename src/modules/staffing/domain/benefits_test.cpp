#include "modules/staffing/domain/benefits.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "base/error.hpp"

namespace kientao::staffing {
namespace {

std::string Read(const char* name) {
  std::ifstream in(std::string(KIENTAO_SOURCE_DIR "/src/modules/staffing/rules/") + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

BenefitRules Rules() {
  return BenefitRules::Load(Read("nd-154-2025.toml"), Read("nd-178-2024.toml"));
}

TEST(Benefits, WorkedCasesBesideTheRuleFiles) {
  BenefitRules r = Rules();
  auto cases =
      toml::parse_file(KIENTAO_SOURCE_DIR "/src/modules/staffing/rules/benefits.cases.toml");
  int n = 0;
  for (auto& node : *cases["case"].as_array()) {
    auto& c = *node.as_table();
    std::string note = c["note"].value_or(std::string());
    auto regime = ParseRegime(c["regime"].value_or(std::string()));
    ASSERT_TRUE(regime) << note;
    BenefitInput in;
    in.salary = c["salary"].value_or(0.0);
    in.months_early = static_cast<int>(c["months_early"].value_or(0));
    in.insured_months = static_cast<int>(c["insured_months"].value_or(0));
    in.within_12_months = c["within_12_months"].value_or(true);
    BenefitEstimate e = EstimateBenefits(r, *regime, in);
    EXPECT_EQ(e.eligible, c["eligible"].value_or(true)) << note;
    if (e.eligible) {
      EXPECT_DOUBLE_EQ(e.total, c["total"].value_or(-1.0)) << note;
    }
    double sum = 0;
    for (auto& l : e.lines) {
      sum += l.amount;
      EXPECT_FALSE(l.formula.empty()) << note;
      EXPECT_FALSE(l.article.empty()) << note;
    }
    EXPECT_DOUBLE_EQ(sum, e.total) << note;
    ++n;
  }
  EXPECT_EQ(n, 7);
}

TEST(Benefits, RoundingAndBadInput) {
  EXPECT_DOUBLE_EQ(RoundedYears(24), 2);
  EXPECT_DOUBLE_EQ(RoundedYears(25), 2.5);
  EXPECT_DOUBLE_EQ(RoundedYears(30), 2.5);
  EXPECT_DOUBLE_EQ(RoundedYears(31), 3);
  BenefitRules r = Rules();
  EXPECT_FALSE(r.rounding_154_verified);
  EXPECT_FALSE(r.variant_verified);
  EXPECT_EQ(r.until, "2030-12-31");
  try {
    EstimateBenefits(r, Regime::kNd154Resignation, {-1, 0, 10, true});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "STF-6005");
  }
  // NĐ 178 for 15–19 insured years: Decree 67's 4 × S for the first 15 years, marked unverified.
  BenefitEstimate e = EstimateBenefits(r, Regime::kNd178Early, {1, 24, 17 * 12, true});
  ASSERT_EQ(e.lines.size(), 3u);
  EXPECT_DOUBLE_EQ(e.lines[2].months, 4 + 0.5 * 2);
  EXPECT_FALSE(e.lines[2].verified);
}

}  // namespace
}  // namespace kientao::staffing
