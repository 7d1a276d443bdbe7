#include "modules/directive/domain/evidence.hpp"

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

std::string SafeFileName(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  size_t points = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(name[i]);
    if (ch < 0x20 || ch == 0x7F || ch == '"' || ch == '\'' || ch == ';') continue;
    if ((ch & 0xC0) != 0x80 && ++points > 120) break;
    out += static_cast<char>(ch);
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  return out.empty() ? "tep-tin" : out;
}

}  // namespace kientao::directive
