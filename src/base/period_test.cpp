#include "base/period.hpp"

#include <gtest/gtest.h>

#include "base/calendar.hpp"

namespace kientao {

TEST(Period, WindowsRunFromThe15thToThe14th) {
  auto check = [](const char* id, const char* start, const char* end) {
    auto p = Period::Parse(id);
    ASSERT_TRUE(p) << id;
    EXPECT_EQ(p->WindowStart().ToVn(), start) << id;
    EXPECT_EQ(p->WindowEnd().ToVn(), end) << id;
    EXPECT_EQ(p->Id(), id);
  };
  check("2026", "15/12/2025", "14/12/2026");
  check("2026Q1", "15/12/2025", "14/03/2026");
  check("2026Q2", "15/03/2026", "14/06/2026");
  check("2026Q4", "15/09/2026", "14/12/2026");
  check("2026M01", "15/12/2025", "14/01/2026");
  check("2026M07", "15/06/2026", "14/07/2026");
  check("2026S1", "15/12/2025", "14/06/2026");
  check("2026S2", "15/06/2026", "14/12/2026");
  check("2026N9", "15/12/2025", "14/09/2026");
}

TEST(Period, TheHalfYearsMeetOnTheFifteenthOfJuneAndDecember) {
  auto half = [](int y, int m, int d) {
    return Period::Containing(PeriodType::kHalf, *Date::FromYmd(y, m, d)).Id();
  };
  EXPECT_EQ(half(2026, 6, 14), "2026S1");
  EXPECT_EQ(half(2026, 6, 15), "2026S2");
  EXPECT_EQ(half(2026, 12, 14), "2026S2");
  EXPECT_EQ(half(2026, 12, 15), "2027S1");
  EXPECT_EQ(half(2026, 7, 1), "2026S2");
  EXPECT_EQ(Period::Parse("2026S2")->WindowStart(), *Date::FromYmd(2026, 6, 15));
  EXPECT_EQ(Period::Parse("2026S2")->WindowEnd(), *Date::FromYmd(2026, 12, 14));
}

TEST(Period, LabelsAreTheOfficialWording) {
  EXPECT_EQ(Period::Parse("2026Q1")->LabelVi(), "Quý I năm 2026");
  EXPECT_EQ(Period::Parse("2026Q4")->LabelVi(), "Quý IV năm 2026");
  EXPECT_EQ(Period::Parse("2026S1")->LabelVi(), "6 tháng đầu năm 2026");
  EXPECT_EQ(Period::Parse("2026N9")->LabelVi(), "9 tháng năm 2026");
  EXPECT_EQ(Period::Parse("2026M01")->LabelVi(), "Tháng 01 năm 2026");
  EXPECT_EQ(Period::Parse("2026")->LabelVi(), "Năm 2026");
  EXPECT_EQ(Period::Parse("2026Q3")->LabelEn(), "Q3 2026");
}

TEST(Period, RefusesMalformedIds) {
  for (const char* id : {"", "26", "2026M1", "2026M13", "2026M00", "2026Q5", "2026Q0", "2026S3",
                         "2026N8", "2026X1", "2026Q1x", "abcd", "1800", "2026-01"})
    EXPECT_FALSE(Period::Parse(id)) << id;
}

TEST(Period, ContainingADateFollowsTheCutOff) {
  EXPECT_EQ(Period::Containing(PeriodType::kYear, *Date::FromYmd(2025, 12, 15)).Id(), "2026");
  EXPECT_EQ(Period::Containing(PeriodType::kYear, *Date::FromYmd(2025, 12, 14)).Id(), "2025");
  EXPECT_EQ(Period::Containing(PeriodType::kQuarter, *Date::FromYmd(2026, 3, 14)).Id(), "2026Q1");
  EXPECT_EQ(Period::Containing(PeriodType::kQuarter, *Date::FromYmd(2026, 3, 15)).Id(), "2026Q2");
  EXPECT_EQ(Period::Containing(PeriodType::kMonth, *Date::FromYmd(2026, 11, 28)).Id(), "2026M12");
  EXPECT_EQ(Period::AllOf(PeriodType::kMonth, 2026).size(), 12u);
  EXPECT_EQ(Period::AllOf(PeriodType::kNine, 2026).front().Id(), "2026N9");
}

TEST(WorkingCalendar, SkipsWeekendsHolidaysAndHonoursSwappedDays) {
  WorkingCalendar cal;
  EXPECT_EQ(Weekday(*Date::FromYmd(2026, 11, 28)), 5);  // a Saturday
  // Friday 13/03/2026 + 2 working days = Tuesday 17/03/2026.
  EXPECT_EQ(cal.AddWorkingDays(*Date::FromYmd(2026, 3, 13), 2).ToVn(), "17/03/2026");
  cal.AddHoliday(*Date::FromYmd(2026, 3, 16), "test");
  EXPECT_EQ(cal.AddWorkingDays(*Date::FromYmd(2026, 3, 13), 2).ToVn(), "18/03/2026");
  cal.AddWorkingWeekend(*Date::FromYmd(2026, 3, 14));
  EXPECT_EQ(cal.AddWorkingDays(*Date::FromYmd(2026, 3, 13), 2).ToVn(), "17/03/2026");
}

}  // namespace kientao
