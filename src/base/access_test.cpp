#include "base/access.hpp"

#include <gtest/gtest.h>

namespace kientao::access {

namespace {
Principal With(std::string role, std::string path) {
  Principal p;
  p.grants.push_back({std::move(role), 1, std::move(path)});
  return p;
}
}  // namespace

TEST(Access, RoleScopeCoversOnlyItsSubtree) {
  Principal head = With("unit_head", "/1/2/5/");
  EXPECT_TRUE(Permits(head, kStaffWrite, "/1/2/5/"));
  EXPECT_TRUE(Permits(head, kStaffWrite, "/1/2/5/9/"));
  EXPECT_FALSE(Permits(head, kStaffWrite, "/1/2/6/"));
  EXPECT_FALSE(Permits(head, kStaffWrite, "/1/2/"));
  // "/1/2/5/" must not match "/1/2/55/".
  EXPECT_FALSE(Permits(head, kStaffWrite, "/1/2/55/"));
}

TEST(Access, SupervisorIsReadOnly) {
  Principal s = With("supervisor", "/1/");
  EXPECT_TRUE(Permits(s, kStaffRead, "/1/2/"));
  EXPECT_FALSE(Permits(s, kStaffWrite, "/1/2/"));
  EXPECT_FALSE(Permits(s, kStaffReadFull, "/1/2/"));
  EXPECT_FALSE(HasPermission(s, kUsersAdmin));
}

TEST(Access, OnlyAdminAndOfficeReadFullCitizenIds) {
  for (auto role : AllRoles()) {
    bool expected = role == kAdmin || role == kOffice;
    EXPECT_EQ(RoleHas(role, kStaffReadFull), expected) << role;
  }
}

TEST(Access, ScopePathsDropNestedDuplicates) {
  Principal p;
  p.grants = {{"office", 1, "/1/2/"}, {"staff", 2, "/1/2/5/"}, {"office", 3, "/1/7/"}};
  EXPECT_EQ(ScopePaths(p, kStaffRead), (std::vector<std::string>{"/1/2/", "/1/7/"}));
  EXPECT_EQ(ScopePaths(p, kStaffWrite), (std::vector<std::string>{"/1/2/", "/1/7/"}));
  EXPECT_TRUE(ScopePaths(p, kUsersAdmin).empty());
}

}  // namespace kientao::access
