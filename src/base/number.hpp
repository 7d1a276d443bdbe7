#pragma once
// Numbers as Vietnamese people type them: '.' (or a space) groups thousands, ',' marks the decimals
// — "1.500" is one thousand five hundred, "1.500.000" one and a half million, "12,5" twelve and a
// half, "1.500.000 đ" a sum of money. Anything else ("2l5", "abc", "12,5,3", "1.50", "12.5") is
// refused with the reason, never guessed at, never silently changed. Forms and CSV imports read
// numbers through this one parser; the API keeps JSON numbers.
#include <optional>
#include <string>
#include <string_view>

namespace kientao::number {

enum class Problem {
  kNone,
  kEmpty,            // nothing but spaces (and a currency sign)
  kNotANumber,       // a letter or sign that has no place in a number ("2l5", "abc", "5-")
  kDecimalPoint,     // '.' used as the decimal mark ("12.5", "0.75"): write "12,5"
  kGrouping,         // thousands groups that are not of three digits ("1.50", "15.00.000", "1 2")
  kTwoDecimalMarks,  // more than one ',' ("12,5,3")
  kTooLong,          // more than 15 significant digits: a double cannot keep them all
};

struct Parsed {
  std::optional<double> value;  // set exactly when problem == kNone
  Problem problem = Problem::kNone;
  bool whole = false;  // typed without decimals (or with ",0…" only)
};

Parsed ParseVn(std::string_view typed);

// The stable error-detail code of a problem ("decimal_point", …), for messages and APIs.
std::string_view ProblemCode(Problem p);

// A number as a form shows it back to be typed again: the same spelling ParseVn reads, up to
// `decimals` decimals without trailing zeros ("1.500.000", "12,5").
std::string ForInput(double v, int decimals = 4);

}  // namespace kientao::number
