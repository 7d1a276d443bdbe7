#include "base/period.hpp"

#include <charconv>

#include <fmt/format.h>

namespace kientao {

std::string_view PeriodTypeCode(PeriodType t) {
  switch (t) {
    case PeriodType::kMonth:
      return "month";
    case PeriodType::kQuarter:
      return "quarter";
    case PeriodType::kHalf:
      return "half";
    case PeriodType::kNine:
      return "nine";
    case PeriodType::kYear:
      return "year";
  }
  return "year";
}

std::optional<PeriodType> ParsePeriodType(std::string_view code) {
  for (PeriodType t : {PeriodType::kMonth, PeriodType::kQuarter, PeriodType::kHalf,
                       PeriodType::kNine, PeriodType::kYear})
    if (PeriodTypeCode(t) == code) return t;
  return std::nullopt;
}

namespace {

bool Digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

int Count(PeriodType t) {
  switch (t) {
    case PeriodType::kMonth:
      return 12;
    case PeriodType::kQuarter:
      return 4;
    case PeriodType::kHalf:
      return 2;
    default:
      return 1;
  }
}

// The last month of the period (1–12) and its number of months.
int LastMonth(PeriodType t, int index) {
  switch (t) {
    case PeriodType::kMonth:
      return index;
    case PeriodType::kQuarter:
      return index * 3;
    case PeriodType::kHalf:
      return index * 6;
    case PeriodType::kNine:
      return 9;
    case PeriodType::kYear:
      return 12;
  }
  return 12;
}

// The first month of the period's window counted as in the law: the window opens on the 15th of the
// month before it (for 6 and 9 months and the year: 15/12 of the year before).
int FirstMonth(PeriodType t, int index) {
  switch (t) {
    case PeriodType::kMonth:
      return index;
    case PeriodType::kQuarter:
      return index * 3 - 2;
    case PeriodType::kHalf:
      return index * 6 - 5;
    default:
      return 1;
  }
}

const char* kRoman[] = {"", "I", "II", "III", "IV"};
const char* kMonthEn[] = {"",     "January", "February",  "March",   "April",    "May",     "June",
                          "July", "August",  "September", "October", "November", "December"};

}  // namespace

Period Period::Of(PeriodType type, int year, int index) { return Period(type, year, index); }

std::optional<Period> Period::Parse(std::string_view id) {
  if (id.size() < 4) return std::nullopt;
  int year = 0, index = 0;
  if (!Digits(id.substr(0, 4), year) || year < 1990 || year > 2200) return std::nullopt;
  std::string_view rest = id.substr(4);
  if (rest.empty()) return Period(PeriodType::kYear, year, 1);
  char kind = rest[0];
  std::string_view num = rest.substr(1);
  if (!Digits(num, index)) return std::nullopt;
  switch (kind) {
    case 'M':
      if (num.size() != 2 || index < 1 || index > 12) return std::nullopt;
      return Period(PeriodType::kMonth, year, index);
    case 'Q':
      if (num.size() != 1 || index < 1 || index > 4) return std::nullopt;
      return Period(PeriodType::kQuarter, year, index);
    case 'S':
      if (num.size() != 1 || index < 1 || index > 2) return std::nullopt;
      return Period(PeriodType::kHalf, year, index);
    case 'N':
      if (num != "9") return std::nullopt;
      return Period(PeriodType::kNine, year, 1);
    default:
      return std::nullopt;
  }
}

std::vector<Period> Period::AllOf(PeriodType type, int year) {
  std::vector<Period> out;
  for (int i = 1; i <= Count(type); ++i) out.push_back(Period(type, year, i));
  return out;
}

Period Period::Containing(PeriodType type, Date d) {
  // From the 15th of December on, a date belongs to the next year's periods.
  int year = d.year();
  int month = d.month();
  if (d.day() >= 15) {
    ++month;
    if (month == 13) {
      month = 1;
      ++year;
    }
  }
  switch (type) {
    case PeriodType::kMonth:
      return Period(type, year, month);
    case PeriodType::kQuarter:
      return Period(type, year, (month + 2) / 3);
    case PeriodType::kHalf:
      return Period(type, year, month <= 6 ? 1 : 2);
    case PeriodType::kNine:
    case PeriodType::kYear:
      return Period(type, year, 1);
  }
  return Period(type, year, 1);
}

std::string Period::Id() const {
  switch (type_) {
    case PeriodType::kMonth:
      return fmt::format("{}M{:02}", year_, index_);
    case PeriodType::kQuarter:
      return fmt::format("{}Q{}", year_, index_);
    case PeriodType::kHalf:
      return fmt::format("{}S{}", year_, index_);
    case PeriodType::kNine:
      return fmt::format("{}N9", year_);
    case PeriodType::kYear:
      return std::to_string(year_);
  }
  return std::to_string(year_);
}

Date Period::WindowStart() const {
  int first = FirstMonth(type_, index_);
  if (first == 1) return *Date::FromYmd(year_ - 1, 12, 15);
  return *Date::FromYmd(year_, first - 1, 15);
}

Date Period::WindowEnd() const { return *Date::FromYmd(year_, LastMonth(type_, index_), 14); }

std::string Period::LabelVi() const {
  switch (type_) {
    case PeriodType::kMonth:
      return fmt::format("Tháng {:02} năm {}", index_, year_);
    case PeriodType::kQuarter:
      return fmt::format("Quý {} năm {}", kRoman[index_], year_);
    case PeriodType::kHalf:
      return fmt::format("6 tháng {} năm {}", index_ == 1 ? "đầu" : "cuối", year_);
    case PeriodType::kNine:
      return fmt::format("9 tháng năm {}", year_);
    case PeriodType::kYear:
      return fmt::format("Năm {}", year_);
  }
  return {};
}

std::string Period::LabelEn() const {
  switch (type_) {
    case PeriodType::kMonth:
      return fmt::format("{} {}", kMonthEn[index_], year_);
    case PeriodType::kQuarter:
      return fmt::format("Q{} {}", index_, year_);
    case PeriodType::kHalf:
      return fmt::format("{} half of {}", index_ == 1 ? "First" : "Second", year_);
    case PeriodType::kNine:
      return fmt::format("Nine months of {}", year_);
    case PeriodType::kYear:
      return fmt::format("Year {}", year_);
  }
  return {};
}

}  // namespace kientao
