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
  // Leaders and managers: own products and the results of the unit they direct (weights
  // unverified).
  double leader_own_weight = 0.5, leader_unit_weight = 0.5;
  double unit_all_completed = 100, unit_any_failed = 50;
  bool leader_weights_verified = false;
  std::vector<std::string> leader_prefixes;   // positions that direct their unit
  std::vector<std::string> commune_prefixes;  // positions that direct the whole commune
  // The annual rating's window: opens on opens_md of the year (our choice), due by due_md, and at
  // the latest latest_md of the next year (special units). "MM-DD".
  std::string opens_md = "11-01", due_md = "12-15", latest_md = "01-15";
  bool opens_verified = false;  // the opening day is our choice, not the decree's
  // Throws std::runtime_error naming the missing key.
  static KpiRules Load(std::string_view toml);
};

// One assigned product (or work item) of the period, weighted by its conversion factor × quantity.
struct ProductResult {
  double weight = 1;  // converted units (hệ số quy đổi × số lượng)
  bool completed = false;
  int major_errors = 0;
  int delays = 0;
  bool objective_cause = false;    // approved by the assigner: no deductions
  bool meets_requirements = true;  // the reviewer's quality verdict: if not, no quality points
};

struct PeriodScore {
  double quantity = 0;      // % of the assigned weight completed
  double quality = 0;       // % after −25% of a product's quality points per major error
  double timeliness = 0;    // % after −25% of its timeliness points per delay
  double own = 0;           // mean of quantity, quality and timeliness (the rule's combination)
  double unit_result = -1;  // leaders: 100 or 50 (% of the unit result part); −1 for others
  double task = 0;          // of task_points
  double general = 0;       // of general_points, scored by the head
  double total = 0;         // of 100
};

// What the period score needs from the products: their weights assigned, completed, and after the
// quality and timeliness deductions. Sums of products add up (a quarter is its months' sums).
struct WeightSums {
  double assigned = 0, done = 0, quality = 0, timely = 0;
  WeightSums& operator+=(const WeightSums& o) {
    assigned += o.assigned;
    done += o.done;
    quality += o.quality;
    timely += o.timely;
    return *this;
  }
};
// One product's share of its quality and timeliness points (0–1) after the deductions; 0 and 0 when
// it is not completed.
struct ProductShares {
  double quality = 0, timely = 0;
};
ProductShares SharesOf(const KpiRules& r, const ProductResult& p);

// KPI-7002 for a negative weight or count.
WeightSums SumProducts(const KpiRules& r, const std::vector<ProductResult>& products);
// The period score from the sums; KPI-7001 when `general` is outside 0–general_points.
PeriodScore ScoreSums(const KpiRules& r, const WeightSums& sums, double general,
                      std::optional<bool> subordinates_completed = std::nullopt);

// KPI-7001 when `general` is outside 0–general_points; KPI-7002 for a negative weight or count.
// For a leader or manager, `subordinates_completed` says whether every subordinate scored at
// "completed" or above: the task points then weigh the own products and the unit's result.
PeriodScore ScorePeriod(const KpiRules& r, const std::vector<ProductResult>& products,
                        double general, std::optional<bool> subordinates_completed = std::nullopt);

// Whether a position directs a unit (its head or deputy) or the whole commune, by the rule's
// position prefixes.
enum class Direction { kNone, kUnit, kCommune };
Direction DirectionOf(const KpiRules& r, std::string_view position);

enum class Rating { kExcellent, kGood, kCompleted, kNotCompleted };
std::string_view RatingCode(Rating r);  // "excellent", "good", "completed", "not_completed"
std::optional<Rating> ParseRating(std::string_view code);

// The annual rating from the year's average (periods of absence left out by the caller); a veto
// condition makes it "not completed" whatever the score. KPI-7001 for an average outside 0–100.
Rating RateYear(const KpiRules& r, double average, bool veto);

// Whether `excellent` ratings fit the quota against `good` ones (in a unit or a group of similar
// positions).
bool QuotaAllows(const KpiRules& r, int excellent, int good);

// Hải Phòng's extra-income coefficient for a cadre or civil servant with this rating.
double IncomeCoefficient(const KpiRules& r, Rating rating);
}  // namespace kientao::kpi
