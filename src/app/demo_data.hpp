#pragma once
// The demo commune: Hải Phòng → xã Lạc Phương with its post-2025 structure, 15 villages, about 60
// staff and one account per role. Villages, people and figures are invented (illustrative); citizen
// IDs start with 000, which no province has. Each module's demo rows are in its folder
// (src/modules/<m>/demo/).
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/module.hpp"

namespace kientao::app {

// Loads the demo into an empty database: each module's demo loader (module.cpp), in dependency
// order, through the same services users use (so it is audited).
// Throws std::runtime_error when the database already holds org units.
std::vector<DemoAccount> LoadDemoData(App& app);
const std::string& DemoPassword();

// The demo is laid out around the day it is loaded (the app's clock): it was written for
// 28/11/2026 (the anchor), and every date of it moves with the day of loading so the dashboard
// shows the same mix on any day — whole days for the dispatch and its tasks, whole years for
// people's birth and start dates and earlier ratings, reporting periods and KPI months counted back
// from the period holding today.
struct DemoCalendar {
  static constexpr int kAnchorYear = 2026, kAnchorMonth = 11, kAnchorDay = 28;
  Date today;
  long days = 0;  // today − the anchor
  int years = 0;  // today's year − 2026
  explicit DemoCalendar(Date today);
  // A date of the anchored demo ("2026-04-20"), moved by whole days.
  Date Shift(const char* iso) const;
  // The same day and month `years` later (29/02 becomes 28/02 in a common year).
  Date ShiftYears(int y, int m, int d) const;
  int Year(int anchored_year) const { return anchored_year + years; }
};

}  // namespace kientao::app
