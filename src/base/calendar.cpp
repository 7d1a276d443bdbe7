#include "base/calendar.hpp"

namespace kientao {

int Weekday(Date d) {
  // 1970-01-01 was a Thursday (3).
  long w = (d.DaysSinceEpoch() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

bool WorkingCalendar::IsWorkingDay(Date d) const {
  if (holidays_.count(d)) return false;
  if (Weekday(d) >= 5) return working_weekends_.count(d) > 0;
  return true;
}

Date WorkingCalendar::AddWorkingDays(Date d, int n) const {
  long day = d.DaysSinceEpoch();
  int found = 0;
  while (found < n) {
    ++day;
    if (IsWorkingDay(Date::FromDaysSinceEpoch(day))) ++found;
  }
  return Date::FromDaysSinceEpoch(day);
}

std::string WorkingCalendar::HolidayName(Date d) const {
  auto it = holidays_.find(d);
  return it == holidays_.end() ? std::string() : it->second;
}

std::set<int> WorkingCalendar::Years() const {
  std::set<int> years;
  for (auto& [d, name] : holidays_) years.insert(d.year());
  return years;
}

}  // namespace kientao
