#pragma once
// The meeting that rates the civil servants of a year (Decree 335/2025): when and where it was
// held, who attended, who chaired and who took the minutes, and what it concluded — what the
// minutes (biên bản) record, in the minutes layout of Decree 30/2020.
#include <string>
#include <vector>

#include "base/date.hpp"
#include "base/error.hpp"

namespace kientao::kpi {

// As typed in the form; every field text.
struct MeetingDraft {
  std::string held_on;    // "15/12/2026"
  std::string starts_at;  // "08:00" (also "8h00", "8 giờ")
  std::string ends_at;
  std::string place, attendees, chair, secretary, conclusion;
};

struct Meeting {
  Date held_on;
  std::string starts_at, ends_at;  // "08:00"
  std::string place, attendees, chair, secretary, conclusion;
};

// "8:00", "08:00", "8h", "8h30", "8 giờ 30", "8g30" → "08:00"; "" for anything else (hours 0–23,
// minutes 0–59).
std::string ParseClockTime(std::string_view s);

// The meeting, or every problem at once, each naming its field: required fields (GEN-0004), a day
// that is not a date (GEN-0008) or after `today` (KPI-7015), a time that is not one (KPI-7020), an
// end not after the start (KPI-7021), texts too long (GEN-0006).
Meeting ReadMeeting(const MeetingDraft& d, Date today, std::vector<FieldError>& problems);

// "08:00" → "8 giờ 00" as the minutes write it.
std::string ClockTimeVi(const std::string& hhmm);

}  // namespace kientao::kpi
