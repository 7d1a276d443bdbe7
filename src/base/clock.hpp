#pragma once
// The one clock of the process: every "today" and "now" in kientao comes from here, never from the
// system clock directly. The app installs it at start (App's constructor, from `[clock] today` or
// KIENTAO_CLOCK_TODAY); until then it is the system clock in Vietnam's time (UTC+7, no daylight
// saving). A pinned clock keeps one calendar day: its time of day starts at the real time of day
// when it was pinned and runs on, stopping at 23:59:59, so timestamps still increase.
#include <optional>
#include <string>

#include "base/date.hpp"

namespace kientao {

class Clock {
 public:
  // The system clock in Vietnam's time.
  static Clock System();
  // Today is always `day`.
  static Clock Pinned(Date day);

  Date Today() const;
  // Seconds since 1970-01-01T00:00:00Z.
  long long NowUnix() const;
  // "2026-11-28T03:40:00Z".
  std::string NowIsoUtc() const;
  // "2026-11-28T10:40:00+07:00": the date part is Today().
  std::string NowIsoVn() const;
  // The pinned day, or nullopt for the system clock.
  const std::optional<Date>& pinned() const { return pinned_; }

 private:
  std::optional<Date> pinned_;
  long long pinned_at_real_ = 0;  // the real time when pinned
  long long pinned_start_ = 0;    // the pinned day's midnight (Vietnam) plus the real time of day
};

namespace clock {
// Makes `c` the process's clock (the app does this once at start, before serving).
void Install(const Clock& c);
const Clock& Current();
inline Date Today() { return Current().Today(); }
inline long long NowUnix() { return Current().NowUnix(); }
inline std::string NowIsoUtc() { return Current().NowIsoUtc(); }
inline std::string NowIsoVn() { return Current().NowIsoVn(); }
}  // namespace clock

}  // namespace kientao
