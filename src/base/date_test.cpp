#include "base/date.hpp"

#include <gtest/gtest.h>

namespace kientao {

TEST(Date, ParsesVietnameseAndIsoForms) {
  EXPECT_EQ(Date::ParseVn("28/02/2026")->ToIso(), "2026-02-28");
  EXPECT_EQ(Date::ParseVn("8/2/2026")->ToIso(), "2026-02-08");
  EXPECT_EQ(Date::ParseIso("2026-02-28")->ToVn(), "28/02/2026");
  EXPECT_EQ(Date::Parse("2024-02-29")->ToVn(), "29/02/2024");
}

TEST(Date, RefusesImpossibleDays) {
  EXPECT_FALSE(Date::ParseVn("31/02/2026"));
  EXPECT_FALSE(Date::ParseVn("29/02/2026"));
  EXPECT_FALSE(Date::ParseVn("00/01/2026"));
  EXPECT_FALSE(Date::ParseVn("01/13/2026"));
  EXPECT_FALSE(Date::ParseIso("2026-2-28"));
  EXPECT_FALSE(Date::Parse("hôm nay"));
  EXPECT_FALSE(Date::Parse(""));
  EXPECT_FALSE(Date::Parse("12/12/-202"));
  EXPECT_FALSE(Date::Parse("2026-02-28x"));
}

TEST(Date, DaysRoundTripAndOrder) {
  Date d = *Date::FromYmd(2025, 12, 15);
  EXPECT_EQ(Date::FromDaysSinceEpoch(d.DaysSinceEpoch()), d);
  EXPECT_EQ(Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + 17).ToIso(), "2026-01-01");
  EXPECT_LT(*Date::FromYmd(2025, 12, 31), *Date::FromYmd(2026, 1, 1));
}

}  // namespace kientao
