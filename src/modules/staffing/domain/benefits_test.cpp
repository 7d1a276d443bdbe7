#include "modules/staffing/domain/benefits.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <toml++/toml.h>
#include "base/rule_file.hpp"

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

// The worked cases of rules/benefits.cases.toml run in tests/golden_cases_test.cpp.

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
TEST(Benefits, ARuleFileWithAnUnknownKeyIsRefusedNamingTheFile) {
  try {
    BenefitRules::Load(Read("nd-154-2025.toml"),
                       Read("nd-178-2024.toml") + "\n[bonus]\nper_year = 1\n");
    FAIL() << "an unknown key was accepted";
  } catch (const RuleFileError& e) {
    EXPECT_NE(std::string(e.what()).find("nd-178-2024.toml: bonus.per_year"), std::string::npos)
        << e.what();
  }
}

}  // namespace kientao::staffing
