#include "app/demo_data.hpp"
#include "app/module.hpp"
#include "base/clock.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>
#include <vector>

namespace kientao::app {

const std::string& DemoPassword() {
  static const std::string kPassword = "LacPhuong@2026";
  return kPassword;
}

DemoCalendar::DemoCalendar(Date t) : today(t) {
  days =
      t.DaysSinceEpoch() - Date::FromYmd(kAnchorYear, kAnchorMonth, kAnchorDay)->DaysSinceEpoch();
  years = t.year() - kAnchorYear;
}

Date DemoCalendar::Shift(const char* iso) const {
  return Date::FromDaysSinceEpoch(Date::ParseIso(iso)->DaysSinceEpoch() + days);
}

Date DemoCalendar::ShiftYears(int y, int m, int d) const {
  return *Date::FromYmd(y + years, m, std::min(d, DaysInMonth(y + years, m)));
}

std::vector<DemoAccount> LoadDemoData(App& app) {
  {
    store::Conn c = app.db().Lease();
    if (c.QueryOne("SELECT COUNT(*) FROM org_units")->Int(0) > 0)
      throw std::runtime_error(
          "the database already holds org units; demo data goes only into an empty database");
  }
  Principal su = App::Superuser();
  Actor actor{su, "cli:demo-data", ""};
  const DemoCalendar cal(clock::Today());
  DemoContext demo{actor, cal, {}, {}, {}};
  // Each module loads its rows through its own services, in dependency order.
  for (const Module& m : app.modules())
    if (m.demo) m.demo(app, demo);
  return demo.accounts;
}

}  // namespace kientao::app
