#include "base/access.hpp"

#include <gtest/gtest.h>

namespace kientao::access {

namespace {
// The checker on permissions of the test's own; which roles hold the real ones is each module's
// manifest, tested in tests/integration/permission_test.cpp.
constexpr std::string_view kRead = "test.read", kWrite = "test.write", kSecret = "test.secret";

Principal With(std::string role, std::string path) {
  Principal p;
  p.grants.push_back({std::move(role), 1, std::move(path)});
  return p;
}

class Access : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (auto role : {kUnitHead, kOffice, kStaff, kSupervisor}) Grant(role, kRead);
    Grant(kUnitHead, kWrite);
    Grant(kOffice, kWrite);
    Grant(kStaff, kWrite);
    Grant(kOffice, kSecret);
  }
};
}  // namespace

TEST_F(Access, RoleScopeCoversOnlyItsSubtree) {
  Principal head = With("unit_head", "/1/2/5/");
  EXPECT_TRUE(Permits(head, kWrite, "/1/2/5/"));
  EXPECT_TRUE(Permits(head, kWrite, "/1/2/5/9/"));
  EXPECT_FALSE(Permits(head, kWrite, "/1/2/6/"));
  EXPECT_FALSE(Permits(head, kWrite, "/1/2/"));
  // "/1/2/5/" must not match "/1/2/55/".
  EXPECT_FALSE(Permits(head, kWrite, "/1/2/55/"));
}

TEST_F(Access, ARoleHasOnlyWhatItWasGranted) {
  Principal s = With("supervisor", "/1/");
  EXPECT_TRUE(Permits(s, kRead, "/1/2/"));
  EXPECT_FALSE(Permits(s, kWrite, "/1/2/"));
  EXPECT_FALSE(HasPermission(s, kSecret));
  EXPECT_FALSE(RoleHas("no_such_role", kRead));
  Grant(kOffice, kSecret);  // idempotent
  EXPECT_TRUE(RoleHas(kOffice, kSecret));
  EXPECT_FALSE(RoleHas(kStaff, kSecret));
}

TEST_F(Access, ScopePathsDropNestedDuplicates) {
  Principal p;
  p.grants = {{"office", 1, "/1/2/"}, {"staff", 2, "/1/2/5/"}, {"office", 3, "/1/7/"}};
  EXPECT_EQ(ScopePaths(p, kRead), (std::vector<std::string>{"/1/2/", "/1/7/"}));
  EXPECT_EQ(ScopePaths(p, kWrite), (std::vector<std::string>{"/1/2/", "/1/7/"}));
  EXPECT_TRUE(ScopePaths(p, kSecret).size() == 2);
  EXPECT_TRUE(ScopePaths(p, "test.none").empty());
}

}  // namespace kientao::access
