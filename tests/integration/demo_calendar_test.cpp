// The demo is laid out around the day it is loaded: loaded on any day from 2026 to 2031, the
// dashboard shows the same mix as on the day it was written for — key tasks done on time, one done
// late, one overdue, one due soon, the continuous task reported — and the same reports missing for
// the last closed month. Each day loads the demo into a fresh database with the clock pinned.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "base/clock.hpp"
#include "modules/reporting/web/report_web.hpp"
#include "store/db.hpp"
#include "tests/integration/app_fixture.hpp"
#include "tests/support/test_db.hpp"

namespace kientao::testing {
namespace {

struct Mix {
  std::map<std::string, int> statuses;  // status code → key tasks
  int due_soon = 0;
  int missed_reports = 0;
  int reports_missing = 0;  // in the last closed month, over the monthly forms
  int reports_received = 0;
  std::string last_period;
  bool operator==(const Mix& o) const {
    return statuses == o.statuses && due_soon == o.due_soon && missed_reports == o.missed_reports &&
           reports_missing == o.reports_missing && reports_received == o.reports_received;
  }
};

Mix DemoOn(const std::string& day) {
  TestDb db;
  app::Config cfg;
  cfg.database_url = db.url();
  cfg.pool_size = 2;
  cfg.clock_today = day;
  Mix m;
  {
    app::App app(cfg);
    app::LoadDemoData(app);
    Date today = clock::Today();
    EXPECT_EQ(today.ToIso(), day);
    // The chairman's view, as on the dashboard.
    Principal chair;
    chair.username = "chutich";
    {
      store::Conn c = app.db().Lease();
      auto lp = c.QueryOne("SELECT id, path FROM org_units WHERE code = 'LP'");
      chair.grants.push_back({"leader", lp->Int(0), lp->Str(1)});
    }
    Actor a{chair, "test", ""};
    auto tasks = app.directives().KeyTasks(a, today);
    EXPECT_EQ(tasks.size(), 10u) << day;
    for (auto& [n, v] : tasks) {
      ++m.statuses[std::string(directive::StatusCode(v.status))];
      m.due_soon += v.due_soon ? 1 : 0;
      m.missed_reports += v.missed_report ? 1 : 0;
    }
    Period last = reporting::DefaultPeriod(PeriodType::kMonth, today);
    m.last_period = last.Id();
    for (auto& f : app.reports().Forms(a)) {
      if (f.period_type != PeriodType::kMonth) continue;
      auto st = app.reports().Status(a, f.id, last.Id());
      m.reports_missing += static_cast<int>(st.completeness.missing.size());
      m.reports_received += st.completeness.received;
    }
  }
  clock::Install(Clock::Pinned(*Date::ParseIso(kTestToday)));
  return m;
}

TEST(DemoCalendar, TheDashboardShowsTheSameMixOnAnyDay) {
  Mix anchor = DemoOn(kTestToday);
  // The mix itself, as the chairman sees it on the anchor day.
  EXPECT_EQ(anchor.statuses["done_on_time"], 1);
  EXPECT_EQ(anchor.statuses["done_late"], 1);
  EXPECT_EQ(anchor.statuses["open_overdue"], 1);
  EXPECT_EQ(anchor.statuses["open_on_time"], 6);
  EXPECT_EQ(anchor.statuses["no_deadline"], 1);
  EXPECT_EQ(anchor.due_soon, 1);
  EXPECT_EQ(anchor.missed_reports, 0);
  EXPECT_EQ(anchor.reports_missing, 4);  // three villages not sent, one draft not yet sent
  EXPECT_EQ(anchor.last_period, "2026M11");
  for (const char* day : {"2026-12-02", "2027-01-01", "2027-03-15", "2028-02-29", "2031-12-31"}) {
    Mix m = DemoOn(day);
    EXPECT_TRUE(m == anchor) << "the demo loaded on " << day << " shows another mix";
  }
}

}  // namespace
}  // namespace kientao::testing
