#pragma once
// Vietnamese text: validation, NFC, diacritic-insensitive folding and Vietnamese collation (ICU).
// All functions are thread-safe.
#include <string>
#include <string_view>

namespace kientao::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);
// The first character of valid UTF-8 `s` that text must not hold, as "U+FFFE", or "": control
// characters other than tab, line feed and carriage return, and the Unicode non-characters
// (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF). XML 1.0 cannot carry them, so a name holding one breaks
// every DOCX and XLSX it goes into.
std::string ForbiddenCharacter(std::string_view s);
// Number of Unicode code points in valid UTF-8.
size_t CodePointCount(std::string_view s);
// NFC form of valid UTF-8 input.
std::string Nfc(std::string_view s);
// Trims ASCII and Unicode white space at both ends and collapses inner runs to one space.
std::string NormalizeSpace(std::string_view s);
// Lower-case, diacritics removed, đ → d: "Nguyễn Văn Đức" → "nguyen van duc". Used for search keys.
std::string Fold(std::string_view s);
// Upper case by Vietnamese rules: "Xã Lạc Phương" → "XÃ LẠC PHƯƠNG".
std::string ToUpper(std::string_view s);
// The first letter in lower case: "Quý I năm 2026" → "quý I năm 2026".
std::string ToLowerFirst(std::string_view s);
// ASCII file-name form: folded, non-alphanumerics as '-': "Xã Lạc Phương" → "xa-lac-phuong".
std::string Slug(std::string_view s);
// ICU sort key (Vietnamese collation) as a byte string comparable with <.
std::string CollationKey(std::string_view s);
// Sort key for a Vietnamese personal name: by given name (last word), then the rest.
std::string PersonNameKey(std::string_view full_name);
// ASCII letters in lower case, every other byte as it is (header values, charset names).
std::string AsciiLower(std::string_view s);
// Lower-case hex of the bytes of `s` (sort keys stored as text order like the bytes).
std::string Hex(std::string_view s);
// Escapes a string for a SQL LIKE pattern with '\' as the escape character.
std::string EscapeLike(std::string_view s);

// A number as Vietnamese write it: "1.234,5" (',' decimal mark, '.' thousands), at most
// `decimals` decimals, trailing zeros dropped.
std::string VnNumber(double v, int decimals);

}  // namespace kientao::text
