#include "modules/kpi/domain/meeting.hpp"

#include <gtest/gtest.h>

#include <set>

namespace kientao::kpi {
namespace {

const Date kToday = *Date::FromYmd(2026, 12, 20);

TEST(Meeting, TimesAreReadAsOfficialsWriteThem) {
  EXPECT_EQ(ParseClockTime("8:00"), "08:00");
  EXPECT_EQ(ParseClockTime("08:30"), "08:30");
  EXPECT_EQ(ParseClockTime("8h"), "08:00");
  EXPECT_EQ(ParseClockTime("14h30"), "14:30");
  EXPECT_EQ(ParseClockTime("8 giờ 30"), "08:30");
  EXPECT_EQ(ParseClockTime("8 giờ 30 phút"), "08:30");
  EXPECT_EQ(ParseClockTime("8g15"), "08:15");
  for (const char* bad : {"", "24:00", "8:60", "tám giờ", "8:3x", "8.30", "-1:00", "830"})
    EXPECT_EQ(ParseClockTime(bad), "") << bad;
  EXPECT_EQ(ClockTimeVi("08:30"), "8 giờ 30");
}

TEST(Meeting, AFullFormIsRead) {
  MeetingDraft d{"15/12/2026",
                 "8:00",
                 "11h",
                 "Hội trường UBND xã",
                 "Thường trực, trưởng các phòng",
                 "Ông A",
                 "Bà B",
                 "Thống nhất danh sách."};
  std::vector<FieldError> p;
  Meeting m = ReadMeeting(d, kToday, p);
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(m.held_on, *Date::FromYmd(2026, 12, 15));
  EXPECT_EQ(m.starts_at, "08:00");
  EXPECT_EQ(m.ends_at, "11:00");
  EXPECT_EQ(m.place, "Hội trường UBND xã");
  // The conclusion keeps the lines it was written in.
  d.conclusion = "  Thống nhất danh sách.\nGiao Văn phòng hoàn thiện hồ sơ.\n";
  EXPECT_EQ(ReadMeeting(d, kToday, p).conclusion,
            "Thống nhất danh sách.\nGiao Văn phòng hoàn thiện hồ sơ.");
  EXPECT_TRUE(p.empty());
}

TEST(Meeting, EveryProblemIsNamedAtOnceBesideItsField) {
  MeetingDraft d{"31/02/2026", "9:00", "8:30", "", "Thường trực", "Ông A", "", "x"};
  std::vector<FieldError> p;
  ReadMeeting(d, kToday, p);
  std::set<std::string> seen;
  for (auto& e : p) seen.insert(e.field + ":" + e.code);
  EXPECT_EQ(seen, (std::set<std::string>{"held_on:GEN-0008", "ends_at:KPI-7021", "place:GEN-0004",
                                         "secretary:GEN-0004"}));
  p.clear();
  ReadMeeting({"21/12/2026", "7g", "bảy giờ", "a", "b", "c", "d", "e"}, kToday, p);
  seen.clear();
  for (auto& e : p) seen.insert(e.field + ":" + e.code);
  EXPECT_EQ(seen, (std::set<std::string>{"held_on:KPI-7015", "ends_at:KPI-7020"}));
}

}  // namespace
}  // namespace kientao::kpi
