#include "modules/org/domain/org_unit.hpp"

#include <gtest/gtest.h>

namespace kientao::org {

TEST(OrgUnit, TreeShapeFollowsTheTwoTierGovernment) {
  EXPECT_TRUE(KindAllowedUnder(OrgKind::kCity, std::nullopt));
  EXPECT_TRUE(KindAllowedUnder(OrgKind::kCommune, OrgKind::kCity));
  EXPECT_TRUE(KindAllowedUnder(OrgKind::kWard, OrgKind::kCity));
  EXPECT_TRUE(KindAllowedUnder(OrgKind::kVillage, OrgKind::kCommune));
  EXPECT_TRUE(KindAllowedUnder(OrgKind::kResidentialGroup, OrgKind::kWard));
  EXPECT_TRUE(KindAllowedUnder(OrgKind::kOffice, OrgKind::kCommune));
  EXPECT_TRUE(KindAllowedUnder(OrgKind::kUnit, OrgKind::kOffice));
  EXPECT_FALSE(KindAllowedUnder(OrgKind::kVillage, OrgKind::kCity));  // no district tier any more
  EXPECT_FALSE(KindAllowedUnder(OrgKind::kCommune, OrgKind::kCommune));
  EXPECT_FALSE(KindAllowedUnder(OrgKind::kVillage, OrgKind::kVillage));
  EXPECT_FALSE(KindAllowedUnder(OrgKind::kOffice, std::nullopt));
}

TEST(OrgUnit, CodesAreUpperCaseAsciiWithHyphens) {
  EXPECT_TRUE(ValidUnitCode("LP-VP"));
  EXPECT_TRUE(ValidUnitCode("HP"));
  EXPECT_FALSE(ValidUnitCode("lp-vp"));
  EXPECT_FALSE(ValidUnitCode("-LP"));
  EXPECT_FALSE(ValidUnitCode("L"));
  EXPECT_FALSE(ValidUnitCode("LẠC"));
  EXPECT_FALSE(ValidUnitCode("LP VP"));
  EXPECT_FALSE(ValidUnitCode("LP';--"));
}

TEST(OrgUnit, ValidationNamesTheField) {
  OrgUnit parent;
  parent.id = 2;
  parent.kind = OrgKind::kCommune;
  parent.path = "/1/2/";
  OrgUnitDraft d{"LP-T99", "Thôn Mới", OrgKind::kCity, 2, *Date::FromYmd(2026, 1, 1)};
  try {
    ValidateUnit(d, &parent);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "ORG-1004");
    EXPECT_EQ(e.field(), "kind");
  }
  d.kind = OrgKind::kVillage;
  EXPECT_NO_THROW(ValidateUnit(d, &parent));
  parent.active_to = *Date::FromYmd(2025, 6, 30);
  EXPECT_THROW(ValidateUnit(d, &parent), Error);
}

TEST(OrgUnit, PathsAndDepth) {
  EXPECT_EQ(ChildPath("/", 1), "/1/");
  EXPECT_EQ(ChildPath("/1/", 12), "/1/12/");
  OrgUnit u;
  u.path = "/1/2/9/";
  EXPECT_EQ(u.Depth(), 3);
}

}  // namespace kientao::org
