#pragma once
// Reporting periods of Decree 09/2019: month, quarter, 6 months, 9 months, year. Each has an id
// ("2026", "2026S1", "2026N9", "2026Q1", "2026M01"), a data window from the 15th of the month
// before to the 14th of its last month (annual 2026 = 15/12/2025 – 14/12/2026), and a label kept
// apart from the window
// ("6 tháng đầu năm 2026").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"

namespace kientao {

enum class PeriodType { kMonth, kQuarter, kHalf, kNine, kYear };

std::string_view PeriodTypeCode(PeriodType t);  // "month", "quarter", "half", "nine", "year"
std::optional<PeriodType> ParsePeriodType(std::string_view code);

class Period {
 public:
  // nullopt unless `id` is one of the forms above with a year in 1990–2200 and a valid index.
  static std::optional<Period> Parse(std::string_view id);
  static Period Of(PeriodType type, int year,
                   int index);  // index: month 1–12, quarter 1–4, half 1–2, else 1
  // Every period of `type` in `year`, in order.
  static std::vector<Period> AllOf(PeriodType type, int year);
  // The period of `type` whose window contains `d`.
  static Period Containing(PeriodType type, Date d);

  PeriodType type() const { return type_; }
  int year() const { return year_; }
  int index() const { return index_; }
  std::string Id() const;
  Date WindowStart() const;
  Date WindowEnd() const;       // the data cut-off day
  std::string LabelVi() const;  // "Quý I năm 2026", "Tháng 01 năm 2026", "6 tháng đầu năm 2026"
  std::string LabelEn() const;  // "Q1 2026", "January 2026", "First half of 2026"

  bool operator==(const Period&) const = default;

 private:
  Period(PeriodType t, int y, int i) : type_(t), year_(y), index_(i) {}
  PeriodType type_;
  int year_;
  int index_;
};

}  // namespace kientao
