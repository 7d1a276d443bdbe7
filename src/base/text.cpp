#include "base/text.hpp"

#include <fmt/format.h>

#include <memory>

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace kientao::text {

bool IsValidUtf8(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string ForbiddenCharacter(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return "";  // not UTF-8: IsValidUtf8's business
    bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    bool nonchar = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    if (control || nonchar) return fmt::format("U+{:04X}", static_cast<uint32_t>(c));
  }
  return "";
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

namespace {
bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}
// The characters of ASCII with Unicode's White_Space property (what u_isUWhiteSpace says there).
bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }
}  // namespace

std::string Nfc(std::string_view s) {
  if (IsAscii(s)) return std::string(s);  // ASCII is always NFC: the common case of an import
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return std::string(s);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(u, status);
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::string NormalizeSpace(std::string_view s) {
  if (IsAscii(s)) {
    std::string r;
    r.reserve(s.size());
    bool pending_space = false;
    for (unsigned char c : s) {
      if (IsAsciiSpace(c)) {
        pending_space = !r.empty();
        continue;
      }
      if (pending_space) r += ' ';
      pending_space = false;
      r += static_cast<char>(c);
    }
    return r;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == 0x00A0) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(c);
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::string Fold(std::string_view s) {
  if (IsAscii(s)) {  // no marks to take off: lower case only
    std::string r(s);
    for (char& c : r)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  icu::UnicodeString d = nfd->normalize(u, status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111 || c == 0x0110) c = 'd';  // đ, Đ
    out.append(u_tolower(c));
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::string ToUpper(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  u.toUpper(icu::Locale("vi"));
  std::string r;
  u.toUTF8String(r);
  return r;
}

std::string ToLowerFirst(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  if (u.isEmpty()) return std::string(s);
  UChar32 c = u.char32At(0);
  icu::UnicodeString out;
  out.append(u_tolower(c));
  out.append(u, U16_LENGTH(c), u.length() - U16_LENGTH(c));
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::string Slug(std::string_view s) {
  std::string folded = Fold(s), out;
  for (char ch : folded) {
    bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (alnum)
      out += ch;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

namespace {
icu::Collator& VietnameseCollator() {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    c->setStrength(icu::Collator::TERTIARY);
    return c;
  }();
  return *collator;
}
}  // namespace

std::string CollationKey(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  auto& coll = VietnameseCollator();
  int32_t len = coll.getSortKey(u, nullptr, 0);
  std::string key(static_cast<size_t>(len), '\0');
  coll.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), len);
  if (!key.empty() && key.back() == '\0') key.pop_back();
  return key;
}

std::string PersonNameKey(std::string_view full_name) {
  std::string name = NormalizeSpace(full_name);
  auto pos = name.rfind(' ');
  if (pos == std::string::npos) return CollationKey(name);
  // Given name first, then family and middle names; '\x01' sorts below every collation byte.
  return CollationKey(name.substr(pos + 1)) + '\x01' + CollationKey(name.substr(0, pos));
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string Hex(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() * 2);
  for (unsigned char c : s) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string EscapeLike(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') r.push_back('\\');
    r.push_back(c);
  }
  return r;
}

std::string VnNumber(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  // Vietnamese: ',' decimal mark, '.' thousands.
  std::string int_part = s.substr(0, s.find('.'));
  std::string frac = s.find('.') == std::string::npos ? "" : s.substr(s.find('.') + 1);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string grouped;
  bool neg = !int_part.empty() && int_part[0] == '-';
  if (neg) int_part = int_part.substr(1);
  for (size_t i = 0; i < int_part.size(); ++i) {
    if (i && (int_part.size() - i) % 3 == 0) grouped += '.';
    grouped += int_part[i];
  }
  return (neg ? "-" : "") + grouped + (frac.empty() ? "" : "," + frac);
}

}  // namespace kientao::text
