#include "modules/org/domain/staff.hpp"

#include <gtest/gtest.h>

namespace kientao::org {

namespace {
StaffDraft Valid() {
  StaffDraft d;
  d.unit_id = 1;
  d.full_name = "Nguyễn Văn An";
  d.birth_date = *Date::FromYmd(1990, 5, 1);
  d.citizen_id = "000190000001";
  d.position = "Chuyên viên";
  d.start_date = *Date::FromYmd(2015, 1, 1);
  return d;
}
const Date kToday = *Date::FromYmd(2026, 11, 28);
}  // namespace

TEST(Staff, AValidDraftHasNoErrors) { EXPECT_TRUE(ValidateStaff(Valid(), kToday).empty()); }

TEST(Staff, CitizenIdMustBeTwelveDigits) {
  StaffDraft d = Valid();
  d.citizen_id = "00019000001";
  auto errs = ValidateStaff(d, kToday);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].field, "citizen_id");
  EXPECT_EQ(errs[0].code, "ORG-1006");
}

TEST(Staff, BirthDateBetween1940AndFifteenYearsAgo) {
  StaffDraft d = Valid();
  d.birth_date = *Date::FromYmd(1939, 12, 31);
  EXPECT_EQ(ValidateStaff(d, kToday).at(0).code, "ORG-1008");
  d.birth_date = *Date::FromYmd(2011, 11, 29);  // 14 years old
  EXPECT_EQ(ValidateStaff(d, kToday).at(0).field, "birth_date");
  d.birth_date = *Date::FromYmd(2011, 11, 28);  // exactly 15
  d.start_date = *Date::FromYmd(2026, 11, 28);
  EXPECT_TRUE(ValidateStaff(d, kToday).empty());
}

TEST(Staff, StartDateNotBeforeFifteenthBirthdayNorFarInTheFuture) {
  StaffDraft d = Valid();
  d.start_date = *Date::FromYmd(2004, 1, 1);
  EXPECT_EQ(ValidateStaff(d, kToday).at(0).code, "ORG-1009");
  d.start_date = *Date::FromYmd(2027, 12, 1);
  EXPECT_EQ(ValidateStaff(d, kToday).at(0).field, "start_date");
}

TEST(Staff, ParsesVietnameseTermsWithOrWithoutDiacritics) {
  EXPECT_EQ(ParseSex("Nữ"), Sex::kFemale);
  EXPECT_EQ(ParseSex("nam"), Sex::kMale);
  EXPECT_FALSE(ParseSex("x"));
  EXPECT_EQ(ParseCategory("công chức"), StaffCategory::kCivilServant);
  EXPECT_EQ(ParseCategory("Viên Chức"), StaffCategory::kPublicEmployee);
  EXPECT_EQ(ParseCategory("nguoi hoat dong khong chuyen trach"), StaffCategory::kPartTime);
  EXPECT_EQ(ParseCategory("contract"), StaffCategory::kContract);
  EXPECT_FALSE(ParseCategory("chủ tịch"));
}

}  // namespace kientao::org
