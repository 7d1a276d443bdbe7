#include "modules/poverty/domain/household.hpp"

#include <set>

#include <gtest/gtest.h>

namespace kientao::poverty {
namespace {

const Date kToday = *Date::FromYmd(2026, 11, 28);

HouseholdDraft OneHead() {
  HouseholdDraft d;
  d.code = "H-1";
  d.house.floor_area_m2 = 30;
  MemberDraft m;
  m.facts.name = "Lò Văn Ánh";
  m.facts.birth = *Date::FromYmd(1980, 1, 1);
  m.relationship = "head";
  m.sex = "male";
  d.members.push_back(m);
  return d;
}

std::set<std::string> Fields(const std::vector<FieldError>& fs) {
  std::set<std::string> out;
  for (auto& f : fs) out.insert(f.field);
  return out;
}

TEST(Household, AHouseholdWithOneHeadIsValid) {
  EXPECT_TRUE(ValidateHousehold(OneHead(), kToday).empty());
}

TEST(Household, EveryProblemIsNamedByItsField) {
  HouseholdDraft d = OneHead();
  d.code = "";
  d.members[0].relationship = "boss";
  d.members[0].facts.birth = *Date::FromYmd(2026, 11, 29);  // tomorrow
  d.members[0].citizen_id = "00012";
  d.house.information_assets = {"tv,radio"};
  EXPECT_EQ(Fields(ValidateHousehold(d, kToday)),
            (std::set<std::string>{"code", "members[0].relationship", "members[0].birth_date",
                                   "members[0].citizen_id", "house.information_assets",
                                   "members"}));  // no head left
  d = OneHead();
  d.code = std::string(21, 'H');
  d.members.push_back(d.members[0]);  // two heads
  EXPECT_EQ(Fields(ValidateHousehold(d, kToday)), (std::set<std::string>{"code", "members"}));
  d = OneHead();
  d.members.clear();
  EXPECT_EQ(Fields(ValidateHousehold(d, kToday)), (std::set<std::string>{"members"}));
  d = OneHead();
  d.members[0].citizen_id = "000080000001";
  d.members.push_back(d.members[0]);
  d.members[1].relationship = "child";
  EXPECT_EQ(Fields(ValidateHousehold(d, kToday)),
            (std::set<std::string>{"members[1].citizen_id"}))
      << "the same ID twice in one household";
}

}  // namespace
}  // namespace kientao::poverty
