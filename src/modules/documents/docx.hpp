#pragma once
// An administrative document (Decree 30/2020 layout) written as DOCX: A4, the margins, Times New
// Roman, the two-column header (agency and its number on the left; national title, motto and the
// italic place-and-date line on the right, each with its rule), the document type and subject, the
// body, "Nơi nhận" and the signature block, page numbers at the top centre from page 2. Layout
// values come from rules/nd-30-2020.toml.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"

namespace kientao::documents {

struct Layout30 {
  int page_width_mm = 210, page_height_mm = 297;
  int margin_top_mm = 20, margin_bottom_mm = 20, margin_left_mm = 30, margin_right_mm = 15;
  std::string font = "Times New Roman";
  int page_number_size = 13, national_title = 13, motto = 14, agency = 13, number = 13,
      place_date = 14, doc_type = 14, subject = 14, body = 14, recipients_heading = 12,
      recipients = 11, signature = 14;
  int first_line_indent_mm = 10;
  int space_after_pt = 6;
  double line_spacing = 1.15;
  bool body_verified = false;
  // Parses the rule file; throws RuleFileError naming the key when a value is missing or unknown.
  static Layout30 Load(std::string_view toml);
};

struct Paragraph {
  std::string text;
  bool heading = false;  // bold, no indent
};

// The national title and motto at the top right of every official document (Decree 30/2020).
inline constexpr const char* kNationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
inline constexpr const char* kMotto = "Độc lập - Tự do - Hạnh phúc";

struct OfficialDocument {
  std::string agency_parent;  // "ỦY BAN NHÂN DÂN"
  std::string agency;         // "XÃ LẠC PHƯƠNG"
  std::string number;         // "Số: 01/BC-UBND"
  std::string place_date;     // "Lạc Phương, ngày 10 tháng 6 năm 2026"
  std::string doc_type;       // "BÁO CÁO"
  std::vector<std::string> subject_lines;
  std::vector<Paragraph> body;          // "./." is added after the last paragraph
  std::vector<std::string> recipients;  // "UBND thành phố Hải Phòng;" (the "- " is added)
  std::string authority;                // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"
  std::string title;                    // "CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
  std::string signer;
  // Minutes (biên bản): the secretary signs at the left beside the chair at the right (authority,
  // title, signer above), and the recipients, if any, follow below.
  struct Signature {
    std::string title;  // "THƯ KÝ"
    std::string signer;
  };
  std::optional<Signature> left_signature;
  // A picture centred after the body (the slip's QR code): PNG bytes, its printed size and its
  // description for screen readers.
  struct Picture {
    std::string png;
    int width_mm = 30, height_mm = 30;
    std::string description;
  };
  std::optional<Picture> picture;
};

// Text for XML content and attribute values: & < > " escaped, control characters XML 1.0 forbids
// dropped.
std::string XmlEscape(std::string_view s);

// The .docx bytes.
std::string RenderDocx(const OfficialDocument& doc, const Layout30& layout);

// "Lạc Phương, ngày 05 tháng 02 năm 2026": days below 10 and the months 1 and 2 take a leading 0
// (Decree 30/2020, Appendix I).
std::string PlaceDate(std::string_view place, int y, int m, int d);
// A commune's name inside a sentence: "Ủy ban nhân dân xã Lạc Phương", not "… Xã Lạc Phương"
// ("Xã", "Phường", "Đặc khu" in lower case; other names as they are).
std::string CommuneInSentence(const std::string& commune);
// A document cited in another's text (Decree 30/2020): "Công văn số 12/UBND-VP ngày 20/4/2026 của
// Ủy ban nhân dân xã Lạc Phương về việc triển khai …". `number_symbol` as registered ("Số:
// 12/UBND-VP" or "12/UBND-VP"); "UBND" in the issuer spelled out; a subject "V/v …" read "về việc
// …".
std::string CiteDocument(std::string_view kind, std::string_view number_symbol, Date issued_on,
                         std::string_view issuer, std::string_view subject);
// The place name of a commune for the date line: "Xã Lạc Phương" → "Lạc Phương".
std::string PlaceName(const std::string& commune);

// A document's number and symbol (Decree 30/2020, Appendix I and III): "02/BC-UBND" — its number in
// the year, the abbreviation of its kind (BC report, KH plan, BB minutes) and of the issuing
// People's Committee; before it is numbered, the blank the clerk fills in: "      /KH-UBND".
std::string NumberSymbol(std::optional<int> number, std::string_view kind);

// The header block of a document the commune's People's Committee issues: "ỦY BAN NHÂN DÂN" over
// the commune's name in capitals, "Số: …" (NumberSymbol), and the place and date.
void CommuneHeader(OfficialDocument& d, const std::string& commune, Date on, std::string_view kind,
                   std::optional<int> number = std::nullopt);

}  // namespace kientao::documents
