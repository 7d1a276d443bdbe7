#include "modules/directive/domain/evidence.hpp"

#include <utility>

namespace kientao::directive {

std::optional<std::string> SniffEvidenceType(std::string_view d,
                                             bool (*has_zip_entry)(std::string_view data,
                                                                   const char* name)) {
  auto starts = [&](std::string_view magic) { return d.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return "application/pdf";
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xFF\xD8\xFF")) return "image/jpeg";
  if (starts("PK\x03\x04") && has_zip_entry) {
    if (has_zip_entry(d, "word/document.xml"))
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (has_zip_entry(d, "xl/workbook.xml"))
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return std::nullopt;
}

std::string ExtensionOf(std::string_view media_type) {
  if (media_type == "application/pdf") return "pdf";
  if (media_type == "image/png") return "png";
  if (media_type == "image/jpeg") return "jpg";
  if (media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return "docx";
  if (media_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return "xlsx";
  return "bin";
}

namespace {

// The code point of the UTF-8 sequence at s[i] and its length; 0 length when it is not valid.
std::pair<char32_t, size_t> DecodeAt(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  auto cont = [&](size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) return {c, 1};
  if (c >= 0xC2 && c <= 0xDF && cont(1)) return {char32_t(c & 0x1F) << 6 | (b(1) & 0x3F), 2};
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    char32_t cp = char32_t(c & 0x0F) << 12 | char32_t(b(1) & 0x3F) << 6 | (b(2) & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
    return {cp, 3};
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t cp = char32_t(c & 0x07) << 18 | char32_t(b(1) & 0x3F) << 12 |
                  char32_t(b(2) & 0x3F) << 6 | (b(3) & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return {0, 0};
    return {cp, 4};
  }
  return {0, 0};
}

bool Dropped(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == '"' || cp == '\'' ||
         cp == ';' || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
         (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

// ".pdf", ".exe", ".v2": a letter, then up to four letters or digits. ".2026" is part of a name.
bool LooksLikeExtension(std::string_view ext) {
  if (ext.empty() || ext.size() > 5) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(ext[0])) return false;
  for (char c : ext)
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  return true;
}

}  // namespace

std::string SafeFileName(std::string_view name, std::string_view media_type) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (size_t i = 0; i < name.size();) {
    auto [cp, len] = DecodeAt(name, i);
    if (len == 0) {
      ++i;  // a byte that is not UTF-8: dropped
      continue;
    }
    if (!Dropped(cp)) out.append(name.substr(i, len));
    i += len;
  }
  // The extensions it claims go; the sniffed type's is put on.
  for (size_t dot; (dot = out.rfind('.')) != std::string::npos &&
                   LooksLikeExtension(std::string_view(out).substr(dot + 1));)
    out.resize(dot);
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  // At most 120 code points with the extension.
  std::string ext = "." + ExtensionOf(media_type);
  size_t points = 0, cut = out.size();
  for (size_t i = 0; i < out.size(); ++i)
    if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80 && ++points > 120 - ext.size()) {
      cut = i;
      break;
    }
  out.resize(cut);
  return (out.empty() ? std::string("tep-tin") : out) + ext;
}

}  // namespace kientao::directive
