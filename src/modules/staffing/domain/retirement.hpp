#pragma once
// Retirement age and month (Labour Code 2019 art. 169, Decree 135/2020): the age rises by a step
// each calendar year from a start age to a final one; the age that applies is the one of the
// calendar year in which the person reaches it; retirement is at the end of that month, the pension
// from the next. Rule values from rules/blld-2019-retirement.toml. Pure.
#include <string>
#include <string_view>

#include "base/date.hpp"

namespace kientao::staffing {

struct AgeRoadmap {
  int start_year = 2021;
  int start_age_months = 723;
  int step_months = 3;
  int final_age_months = 744;
  int before_start_age_months = 720;
  // The retirement age (months) of calendar year `year`.
  int AgeIn(int year) const;
};

struct RetirementRule {
  AgeRoadmap male;
  AgeRoadmap female;
  std::string article;
  bool verified = false;
  bool effect_verified = false;
  // Throws std::runtime_error naming the missing key.
  static RetirementRule Load(std::string_view toml);
};

struct YearMonth {
  int year = 0;
  int month = 0;              // 1–12
  std::string ToIso() const;  // "2021-04"
  std::string ToVn() const;   // "04/2021"
  auto operator<=>(const YearMonth&) const = default;
};

struct Retirement {
  int age_years = 0;
  int age_months = 0;
  YearMonth retirement_month;  // retires at the end of it
  YearMonth pension_from;
};

// For a birth date; `female` picks the roadmap.
Retirement RetirementOf(const RetirementRule& rule, bool female, Date birth);

}  // namespace kientao::staffing
