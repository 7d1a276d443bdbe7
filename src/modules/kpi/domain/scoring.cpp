#include "modules/kpi/domain/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "base/rule_file.hpp"

namespace kientao::kpi {

KpiRules KpiRules::Load(std::string_view text) {
  // One parse through base/rule_file: a missing value or a key this rule does not know is refused
  // with the file and the key named.
  RuleFile f = RuleFile::Parse(text, "nd-335-2025.toml");
  auto fail = [&](const char* key, const char* why) {
    throw RuleFileError(std::string("rule file nd-335-2025.toml: ") + key + " " + why);
  };
  KpiRules r;
  r.task_points = f.Number("points.task");
  r.general_points = f.Number("points.general");
  r.per_major_error = f.Number("deductions.per_major_error");
  r.per_delay = f.Number("deductions.per_delay");
  r.combination = f.Text("combination.method");
  if (r.combination != "mean") fail("combination.method", "must be \"mean\"");
  r.combination_verified = f.Flag("combination.verified");
  r.excellent = f.Number("rating.excellent");
  r.good = f.Number("rating.good");
  r.completed = f.Number("rating.completed");
  r.quota_excellent_of_good = f.Number("quota.excellent_of_good");
  r.income_good_or_above = f.Number("hai_phong_income.good_or_above");
  r.income_completed = f.Number("hai_phong_income.completed");
  r.leader_own_weight = f.Number("leaders.own_weight");
  r.leader_unit_weight = f.Number("leaders.unit_weight");
  r.unit_all_completed = f.Number("leaders.unit_all_completed");
  r.unit_any_failed = f.Number("leaders.unit_any_failed");
  r.leader_weights_verified = f.Flag("leaders.verified");
  r.leader_prefixes = f.Texts("leaders.position_prefixes");
  r.commune_prefixes = f.Texts("leaders.commune_prefixes");
  auto md = [&](const char* key) {
    std::string v = f.Text(key);
    if (v.size() != 5 || v[2] != '-') fail(key, "must be \"MM-DD\"");
    return v;
  };
  r.opens_md = md("annual.opens");
  r.opens_verified = f.Flag("annual.opens_verified");
  r.due_md = md("annual.due");
  r.latest_md = md("annual.latest");
  f.RefuseUnknownKeys();
  return r;
}

WeightSums SumProducts(const KpiRules& r, const std::vector<ProductResult>& products) {
  WeightSums w;
  for (const ProductResult& p : products) {
    if (p.weight < 0 || p.major_errors < 0 || p.delays < 0)
      throw Error(errors::kNegative, "products");
    w.assigned += p.weight;
    if (!p.completed) continue;
    w.done += p.weight;
    ProductShares s = SharesOf(r, p);
    w.quality += p.weight * s.quality;
    w.timely += p.weight * s.timely;
  }
  return w;
}

ProductShares SharesOf(const KpiRules& r, const ProductResult& p) {
  if (!p.completed) return {};
  double error_cut = p.objective_cause ? 0 : r.per_major_error * p.major_errors;
  double delay_cut = p.objective_cause ? 0 : r.per_delay * p.delays;
  return {p.meets_requirements ? std::max(0.0, 1 - error_cut) : 0, std::max(0.0, 1 - delay_cut)};
}

PeriodScore ScorePeriod(const KpiRules& r, const std::vector<ProductResult>& products,
                        double general, std::optional<bool> subordinates_completed) {
  if (!(general >= 0 && general <= r.general_points))
    throw Error(errors::kScoreOutOfRange, "general",
                {{"max", std::to_string(static_cast<int>(r.general_points))}});
  return ScoreSums(r, SumProducts(r, products), general, subordinates_completed);
}

PeriodScore ScoreSums(const KpiRules& r, const WeightSums& w, double general,
                      std::optional<bool> subordinates_completed) {
  if (!(general >= 0 && general <= r.general_points))
    throw Error(errors::kScoreOutOfRange, "general",
                {{"max", std::to_string(static_cast<int>(r.general_points))}});
  PeriodScore s;
  if (w.assigned > 0) {
    s.quantity = 100 * w.done / w.assigned;
    s.quality = 100 * w.quality / w.assigned;
    s.timeliness = 100 * w.timely / w.assigned;
  }
  // The combination is a rule value; the only one defined is the mean (unverified).
  s.own = (s.quantity + s.quality + s.timeliness) / 3;
  if (subordinates_completed) {
    s.unit_result = *subordinates_completed ? r.unit_all_completed : r.unit_any_failed;
    s.task =
        r.task_points * (r.leader_own_weight * s.own + r.leader_unit_weight * s.unit_result) / 100;
  } else {
    s.task = r.task_points * s.own / 100;
  }
  s.general = general;
  s.total = s.task + s.general;
  return s;
}

std::string_view RatingCode(Rating r) {
  switch (r) {
    case Rating::kExcellent:
      return "excellent";
    case Rating::kGood:
      return "good";
    case Rating::kCompleted:
      return "completed";
    case Rating::kNotCompleted:
      return "not_completed";
  }
  return "not_completed";
}

std::optional<Rating> ParseRating(std::string_view code) {
  for (Rating r : {Rating::kExcellent, Rating::kGood, Rating::kCompleted, Rating::kNotCompleted})
    if (RatingCode(r) == code) return r;
  return std::nullopt;
}

Direction DirectionOf(const KpiRules& r, std::string_view position) {
  auto starts = [&](const std::vector<std::string>& prefixes) {
    for (auto& p : prefixes)
      if (position.substr(0, p.size()) == p) return true;
    return false;
  };
  if (starts(r.commune_prefixes)) return Direction::kCommune;
  if (starts(r.leader_prefixes)) return Direction::kUnit;
  return Direction::kNone;
}

Rating RateYear(const KpiRules& r, double average, bool veto) {
  if (!(average >= 0 && average <= 100))
    throw Error(errors::kScoreOutOfRange, "average", {{"max", "100"}});
  if (veto) return Rating::kNotCompleted;
  if (average >= r.excellent) return Rating::kExcellent;
  if (average >= r.good) return Rating::kGood;
  if (average >= r.completed) return Rating::kCompleted;
  return Rating::kNotCompleted;
}

bool QuotaAllows(const KpiRules& r, int excellent, int good) {
  // Counted in whole people: "at most 20% of the good ones" allows floor(20% × good), with a
  // tolerance for the binary representation of 0.2.
  return excellent <= static_cast<int>(std::floor(r.quota_excellent_of_good * good + 1e-9));
}

double IncomeCoefficient(const KpiRules& r, Rating rating) {
  switch (rating) {
    case Rating::kExcellent:
    case Rating::kGood:
      return r.income_good_or_above;
    case Rating::kCompleted:
      return r.income_completed;
    case Rating::kNotCompleted:
      return 0;
  }
  return 0;
}

}  // namespace kientao::kpi
