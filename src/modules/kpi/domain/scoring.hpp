#pragma once
// KPI scoring of civil servants (Decree 335/2025): a month's or quarter's score from the products
// assigned and completed, the annual rating from the year's average, the "excellent ≤ 20% of good"
// quota, and Hải Phòng's extra-income coefficient. Rule values from rules/nd-335-2025.toml. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/kpi/errors.hpp"

namespace kientao::kpi {

struct KpiRules {
  double task_points = 70;
  double general_points = 30;
  double per_major_error = 0.25;
  double per_delay = 0.25;
  std::string combination = "mean";  // "mean" of quantity, quality, timeliness
  bool combination_verified = false;
  double excellent = 90, good = 70, completed = 50;
  double quota_excellent_of_good = 0.20;
  double income_good_or_above = 0.8, income_completed = 0.6;
  // Throws std::runtime_error naming the missing key.
  static KpiRules Load(std::string_view toml);
};

// One assigned product (or work item) of the period, weighted by its conversion factor × quantity.
struct ProductResult {
  double weight = 1;  // converted units (hệ số quy đổi × số lượng)
  bool completed = false;
  int major_errors = 0;
  int delays = 0;
  bool objective_cause = false;  // approved by the assigner: no deductions
};

struct PeriodScore {
  double quantity = 0;    // % of the assigned weight completed
  double quality = 0;     // % after −25% of a product's quality points per major error
  double timeliness = 0;  // % after −25% of its timeliness points per delay
  double task = 0;        // of task_points
  double general = 0;     // of general_points, scored by the head
  double total = 0;       // of 100
};

// KPI-7001 when `general` is outside 0–general_points; KPI-7002 for a negative weight or count.
PeriodScore ScorePeriod(const KpiRules& r, const std::vector<ProductResult>& products,
                        double general);

enum class Rating { kExcellent, kGood, kCompleted, kNotCompleted };
std::string_view RatingCode(Rating r);  // "excellent", "good", "completed", "not_completed"

// The annual rating from the year's average (periods of absence left out by the caller); a veto
// condition makes it "not completed" whatever the score. KPI-7001 for an average outside 0–100.
Rating RateYear(const KpiRules& r, double average, bool veto);

// Whether `excellent` ratings fit the quota against `good` ones (in a unit or a group of similar
// positions).
bool QuotaAllows(const KpiRules& r, int excellent, int good);

// Hải Phòng's extra-income coefficient for a cadre or civil servant with this rating.
double IncomeCoefficient(const KpiRules& r, Rating rating);
}  // namespace kientao::kpi
