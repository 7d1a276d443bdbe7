#include "base/number.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include "base/text.hpp"

namespace kientao::number {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Removes a trailing currency sign or word ("đ", "₫", "VND", "VNĐ", "đồng"), with spaces before it.
std::string_view StripCurrency(std::string_view s) {
  for (std::string_view suffix : {"đồng", "Đồng", "VNĐ", "VND", "vnđ", "vnd", "đ", "Đ", "₫"}) {
    if (s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
      s.remove_suffix(suffix.size());
      break;
    }
  }
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Spaces of every kind people paste (no-break U+00A0, narrow no-break U+202F, thin U+2009) as ' '.
std::string SpacesAsBlank(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA0) {
      out += ' ', ++i;
    } else if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(in[i + 2]) == 0xAF ||
                static_cast<unsigned char>(in[i + 2]) == 0x89)) {
      out += ' ', i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

Parsed Fail(Problem p) { return Parsed{std::nullopt, p, false}; }

}  // namespace

Parsed ParseVn(std::string_view typed) {
  std::string s = SpacesAsBlank(typed);
  std::string_view v = s;
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  v = StripCurrency(v);
  if (v.empty()) return Fail(Problem::kEmpty);
  bool negative = false;
  if (v.front() == '-') {
    negative = true;
    v.remove_prefix(1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  }
  // Every character must be a digit, '.', ',' or a space.
  for (char c : v)
    if (!IsDigit(c) && c != '.' && c != ',' && c != ' ') return Fail(Problem::kNotANumber);
  if (v.empty()) return Fail(Problem::kNotANumber);
  size_t comma = v.find(',');
  if (comma != std::string_view::npos && v.find(',', comma + 1) != std::string_view::npos)
    return Fail(Problem::kTwoDecimalMarks);
  std::string_view int_part = v.substr(0, comma);
  std::string_view frac =
      comma == std::string_view::npos ? std::string_view() : v.substr(comma + 1);
  if (comma != std::string_view::npos) {
    if (frac.empty() || int_part.empty()) return Fail(Problem::kNotANumber);
    for (char c : frac)
      if (!IsDigit(c)) return Fail(c == '.' ? Problem::kGrouping : Problem::kNotANumber);
  }
  if (int_part.empty() || !IsDigit(int_part.front()) || !IsDigit(int_part.back()))
    return Fail(Problem::kNotANumber);
  // Groups: one separator kind throughout, the first group 1–3 digits, every later one exactly 3.
  char sep = 0;
  std::vector<std::string_view> groups;
  size_t start = 0;
  for (size_t i = 0; i < int_part.size(); ++i) {
    char c = int_part[i];
    if (IsDigit(c)) continue;
    if (sep && c != sep) return Fail(Problem::kGrouping);
    sep = c;
    groups.push_back(int_part.substr(start, i - start));
    start = i + 1;
  }
  groups.push_back(int_part.substr(start));
  std::string digits;
  if (groups.size() > 1) {
    if (groups.front().empty() || groups.front().size() > 3) return Fail(Problem::kGrouping);
    for (size_t g = 1; g < groups.size(); ++g)
      if (groups[g].size() != 3) {
        // "12.5", "0.75": a decimal point where a decimal comma belongs.
        if (sep == '.' && groups.size() == 2 && comma == std::string_view::npos)
          return Fail(Problem::kDecimalPoint);
        return Fail(Problem::kGrouping);
      }
  }
  for (auto g : groups) digits += g;
  size_t significant = digits.find_first_not_of('0');
  size_t count = (significant == std::string::npos ? 0 : digits.size() - significant) + frac.size();
  if (count > 15) return Fail(Problem::kTooLong);
  std::string plain = (negative ? "-" : "") + digits;
  if (!frac.empty()) plain += "." + std::string(frac);
  double out = 0;
  auto [p, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), out);
  if (ec != std::errc() || p != plain.data() + plain.size() || !std::isfinite(out))
    return Fail(Problem::kNotANumber);
  if (out == 0) out = 0;  // no "-0"
  bool whole = frac.find_first_not_of('0') == std::string_view::npos;
  return Parsed{out, Problem::kNone, whole};
}

std::string_view ProblemCode(Problem p) {
  switch (p) {
    case Problem::kNone:
      return "";
    case Problem::kEmpty:
      return "empty";
    case Problem::kNotANumber:
      return "not_a_number";
    case Problem::kDecimalPoint:
      return "decimal_point";
    case Problem::kGrouping:
      return "grouping";
    case Problem::kTwoDecimalMarks:
      return "two_decimal_marks";
    case Problem::kTooLong:
      return "too_long";
  }
  return "not_a_number";
}

std::string ForInput(double v, int decimals) { return text::VnNumber(v, decimals); }

}  // namespace kientao::number
