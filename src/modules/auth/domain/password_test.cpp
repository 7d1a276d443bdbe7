#include "modules/auth/domain/password.hpp"

#include <gtest/gtest.h>

namespace kientao::auth {

TEST(Password, WeakCommonAndOwnNamePasswordsAreRefused) {
  EXPECT_EQ(CheckPassword("LacPhuong@2026", "chutich"), PasswordProblem::kNone);
  EXPECT_EQ(CheckPassword("Mat-khau-moi-2", "doi.matkhau"), PasswordProblem::kNone);
  EXPECT_EQ(CheckPassword("ngan", "a"), PasswordProblem::kTooWeak);
  EXPECT_EQ(CheckPassword("chichuvachu", "a"), PasswordProblem::kTooWeak);  // letters only
  EXPECT_EQ(CheckPassword("1234567890", "a"), PasswordProblem::kTooWeak);   // no letters
  // A common password with digits or symbols around it, in any case or with diacritics.
  EXPECT_EQ(CheckPassword("password12", "nva"), PasswordProblem::kCommon);
  EXPECT_EQ(CheckPassword("P@ssw0rd2026", "nva"), PasswordProblem::kCommon);
  EXPECT_EQ(CheckPassword("Mật-khẩu 2026", "nva"), PasswordProblem::kCommon);
  EXPECT_EQ(CheckPassword("Qwerty!12345", "nva"), PasswordProblem::kCommon);
  // The account's name plus digits, in any spelling.
  EXPECT_EQ(CheckPassword("nguyenvana2026!", "nguyen.van.a"), PasswordProblem::kHasUsername);
  EXPECT_EQ(CheckPassword("Ke-toan-2026", "ketoan"), PasswordProblem::kHasUsername);
  EXPECT_EQ(CheckPassword("2026.Sau-Sao-Luu", "sau-sao-luu"), PasswordProblem::kHasUsername);
}

}  // namespace kientao::auth
