#include "base/date.hpp"

#include <charconv>
#include <chrono>

#include <fmt/format.h>

namespace kientao {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && IsLeapYear(y)) return 29;
  return kDays[m - 1];
}

std::optional<Date> Date::FromYmd(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m))
    return std::nullopt;
  return Date(y, m, d);
}

namespace {
bool ParseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

std::optional<Date> Date::ParseIso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y, m, d;
  if (!ParseInt(s.substr(0, 4), y) || !ParseInt(s.substr(5, 2), m) || !ParseInt(s.substr(8, 2), d))
    return std::nullopt;
  return FromYmd(y, m, d);
}

std::optional<Date> Date::ParseVn(std::string_view s) {
  auto a = s.find('/');
  if (a == std::string_view::npos) return std::nullopt;
  auto b = s.find('/', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  auto ds = s.substr(0, a), ms = s.substr(a + 1, b - a - 1), ys = s.substr(b + 1);
  if (ds.size() > 2 || ms.size() > 2 || ys.size() != 4) return std::nullopt;
  int y, m, d;
  if (!ParseInt(ds, d) || !ParseInt(ms, m) || !ParseInt(ys, y)) return std::nullopt;
  return FromYmd(y, m, d);
}

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.find('/') != std::string_view::npos) return ParseVn(s);
  return ParseIso(s);
}

namespace {

// Fixed-width digits without a format string: dates are written for every row of an import.
void Digits(char* at, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}

}  // namespace

std::string Date::ToIso() const {
  if (y_ < 0 || y_ > 9999) return fmt::format("{:04}-{:02}-{:02}", y_, m_, d_);
  std::string out = "0000-00-00";
  Digits(&out[0], y_, 4);
  Digits(&out[5], m_, 2);
  Digits(&out[8], d_, 2);
  return out;
}

std::string Date::ToVn() const {
  if (y_ < 0 || y_ > 9999) return fmt::format("{:02}/{:02}/{:04}", d_, m_, y_);
  std::string out = "00/00/0000";
  Digits(&out[0], d_, 2);
  Digits(&out[3], m_, 2);
  Digits(&out[6], y_, 4);
  return out;
}

long Date::DaysSinceEpoch() const {
  namespace c = std::chrono;
  return c::sys_days(c::year_month_day(c::year(y_), c::month(static_cast<unsigned>(m_)),
                                       c::day(static_cast<unsigned>(d_))))
      .time_since_epoch()
      .count();
}

Date Date::FromDaysSinceEpoch(long days) {
  using namespace std::chrono;
  year_month_day ymd{sys_days(std::chrono::days(days))};
  return Date(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

}  // namespace kientao
