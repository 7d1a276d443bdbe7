#pragma once
// Calendar dates without time zone. Stored as ISO (2026-02-28), shown dd/mm/yyyy.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kientao {

class Date {
 public:
  Date() = default;
  // Returns nullopt when the triple is not a real calendar day (31/02/2026, month 13, year < 1900
  // or > 2200).
  static std::optional<Date> FromYmd(int y, int m, int d);
  // "2026-02-28"; nullopt for anything else, including impossible days.
  static std::optional<Date> ParseIso(std::string_view s);
  // "28/02/2026" (also "8/2/2026"); nullopt for anything else.
  static std::optional<Date> ParseVn(std::string_view s);
  // Accepts either form.
  static std::optional<Date> Parse(std::string_view s);

  int year() const { return y_; }
  int month() const { return m_; }
  int day() const { return d_; }
  std::string ToIso() const;
  std::string ToVn() const;
  // Days since 1970-01-01.
  long DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(long days);

  auto operator<=>(const Date&) const = default;

 private:
  Date(int y, int m, int d) : y_(y), m_(m), d_(d) {}
  int y_ = 1970, m_ = 1, d_ = 1;
};

bool IsLeapYear(int y);
int DaysInMonth(int y, int m);

}  // namespace kientao
