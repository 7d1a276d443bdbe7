#pragma once
// Benefit estimates for people leaving under the streamlining plan, per regime: Decree 154/2025's
// early retirement and immediate resignation, and Decree 178/2024 (as amended by Decree 67/2025)'s
// early retirement because of restructuring. Each figure comes with its formula and the rule it
// applies. Rule values from rules/nd-154-2025.toml and rules/nd-178-2024.toml. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace kientao::staffing {

struct BenefitRules {
  // Decree 154
  std::string until = "2030-12-31";
  int min_years_early = 2, max_years_early = 5, pension_min_insured_years = 15;
  double per_year_early = 5;
  int service_first_years = 20;
  double service_first = 5, service_after = 0.5, service_short = 5;
  double resign_base = 3, resign_per_year = 1.5;
  bool rounding_154_verified = false;
  std::string a154_early, a154_service, a154_resign, a154_validity;
  // Decree 178 / 67
  double within_12 = 1.0, from_13th = 0.5, over5_within_12 = 0.9, over5_from_13th = 0.45;
  int cap_months = 60, max_years_early_178 = 10;
  double per_year_up_to_5 = 5, per_year_5_to_10 = 4;
  int service178_first_years = 20, variant_first_years = 15;
  double service178_first = 5, service178_after = 0.5, variant_first = 4;
  bool variant_verified = false;
  std::string a178_pension, a178_per_year, a178_service, a178_rounding;
  // Throws std::runtime_error naming the missing key.
  static BenefitRules Load(std::string_view nd154, std::string_view nd178);
};

enum class Regime { kNd154Early, kNd154Resignation, kNd178Early };
std::string_view RegimeCode(Regime r);  // "nd154_early", "nd154_resignation", "nd178_early"
std::optional<Regime> ParseRegime(std::string_view code);

struct BenefitInput {
  double salary = 0;             // S, đồng a month
  int months_early = 0;          // months before the retirement age when leaving
  int insured_months = 0;        // compulsory social insurance
  bool within_12_months = true;  // leaving within 12 months of the restructuring decision
};

struct BenefitLine {
  std::string label;    // Vietnamese
  std::string formula;  // "5 × 10.000.000 × 3"
  double months = 0;    // the amount in months of salary
  double amount = 0;    // đồng
  std::string article;
  bool verified = true;
};

struct BenefitEstimate {
  Regime regime = Regime::kNd154Early;
  bool eligible = true;
  std::string why_not;  // when not eligible
  std::vector<BenefitLine> lines;
  double total = 0;
};

// Odd months as years: whole years, plus half a year for 1–6 months over and a year for more.
double RoundedYears(int months);

// STF-6005 for a negative salary or count of months.
BenefitEstimate EstimateBenefits(const BenefitRules& r, Regime regime, const BenefitInput& in);

}  // namespace kientao::staffing
