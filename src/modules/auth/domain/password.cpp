#include "modules/auth/domain/password.hpp"

#include <cctype>

#include "base/text.hpp"

namespace kientao::auth {

namespace {

// Passwords people choose first, as their letters alone (our own list: the common English ones,
// their Vietnamese counterparts and the words of this system and its users' places). A password
// whose letters are one of these, whatever digits and symbols surround them, is refused.
constexpr std::string_view kCommon[] = {
    "password", "passw",      "psswrd",   "pass",     "qwerty",   "qwertyuiop",    "asdfgh",
    "abc",      "abcd",       "abcdef",   "abcdefgh", "admin",    "administrator", "root",
    "welcome",  "letmein",    "iloveyou", "monkey",   "dragon",   "master",        "login",
    "matkhau",  "khongbiet",  "xinchao",  "anhyeuem", "emyeuanh", "vietnam",       "hanoi",
    "haiphong", "saigon",     "kientao",  "ubnd",     "ubndxa",   "quantri",       "congchuc",
    "vanphong", "truongthon", "chutich",  "test"};

// The letters of `s`, folded (lower case, no diacritics, đ → d), nothing else.
std::string Letters(std::string_view s) {
  std::string folded = text::Fold(s);
  std::string out;
  for (unsigned char c : folded)
    if (std::isalpha(c)) out.push_back(static_cast<char>(c));
  return out;
}

}  // namespace

PasswordProblem CheckPassword(std::string_view password, std::string_view username) {
  if (password.size() < 10 || password.size() > 200) return PasswordProblem::kTooWeak;
  bool alpha = false, other = false;
  for (unsigned char c : password) (std::isalpha(c) || c >= 0x80 ? alpha : other) = true;
  if (!alpha || !other) return PasswordProblem::kTooWeak;
  std::string letters = Letters(password);
  for (std::string_view w : kCommon)
    if (letters == w) return PasswordProblem::kCommon;
  std::string name = Letters(username);
  if (name.size() >= 3 && letters.find(name) != std::string::npos)
    return PasswordProblem::kHasUsername;
  return PasswordProblem::kNone;
}

}  // namespace kientao::auth
