#pragma once
// The password policy: what a new password must not be. Pure, so it is tested without a database.
#include <string>
#include <string_view>

namespace kientao::auth {

enum class PasswordProblem {
  kNone,
  kTooWeak,      // under 10 characters, over 200, or letters only / no letters
  kCommon,       // its letters are a common password or word ("password12", "Matkhau@2026")
  kHasUsername,  // its letters hold the account's name ("truongthon2026!")
};

// The first problem with `password` for the account `username`. Letters are compared folded (no
// case, no diacritics, đ → d) with everything that is not a letter left out, so "P@ssw0rd" and
// "Mật-khẩu 2026" are read as "psswrd" and "matkhau".
PasswordProblem CheckPassword(std::string_view password, std::string_view username);

}  // namespace kientao::auth
