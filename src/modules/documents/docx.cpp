#include "modules/documents/docx.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "base/rule_file.hpp"
#include "base/text.hpp"

#include "modules/documents/zip_archive.hpp"

namespace kientao::documents {

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 forbids most control characters; drop them.
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t') break;
        out += ch;
    }
  }
  return out;
}

namespace {

int Twips(double mm) { return static_cast<int>(std::lround(mm * 1440.0 / 25.4)); }

struct Run {
  std::string text;
  int size = 14;
  bool bold = false;
  bool italic = false;
};

std::string RunXml(const Run& r) {
  std::string rpr = "<w:rPr>";
  if (r.bold) rpr += "<w:b/>";
  if (r.italic) rpr += "<w:i/>";
  rpr += fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/></w:rPr>", r.size * 2);
  return "<w:r>" + rpr + "<w:t xml:space=\"preserve\">" + XmlEscape(r.text) + "</w:t></w:r>";
}

struct Para {
  std::vector<Run> runs;
  std::string align = "center";  // center, both, left
  int indent_first = 0;          // twips
  int space_after = 0;           // twips
  int rule_inset = -1;           // ≥ 0: a solid rule under the paragraph, inset from both sides
  int line = 240;                // 240 = single
};

std::string ParaXml(const Para& p) {
  std::string ppr = "<w:pPr>";
  if (p.rule_inset >= 0)
    ppr +=
        "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>";
  ppr += fmt::format("<w:spacing w:before=\"0\" w:after=\"{}\" w:line=\"{}\" w:lineRule=\"auto\"/>",
                     p.space_after, p.line);
  if (p.rule_inset > 0 || p.indent_first)
    ppr += fmt::format("<w:ind w:left=\"{0}\" w:right=\"{0}\" w:firstLine=\"{1}\"/>",
                       p.rule_inset > 0 ? p.rule_inset : 0, p.indent_first);
  ppr += "<w:jc w:val=\"" + p.align + "\"/></w:pPr>";
  std::string out = "<w:p>" + ppr;
  for (auto& r : p.runs) out += RunXml(r);
  return out + "</w:p>";
}

Para Line(std::string text, int size, bool bold = false, bool italic = false) {
  Para p;
  p.runs.push_back({std::move(text), size, bold, italic});
  return p;
}

// A paragraph that only draws a rule of about `length` twips centred in a cell `width` wide.
Para Rule(int width, int length) {
  Para p;
  p.rule_inset = std::max(0, (width - length) / 2);
  p.runs.push_back({"", 2});
  return p;
}

std::string Cell(int width, const std::vector<Para>& paras) {
  std::string out = fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>", width);
  for (auto& p : paras) out += ParaXml(p);
  return out + "</w:tc>";
}

std::string Table(const std::vector<int>& widths,
                  const std::vector<std::vector<std::vector<Para>>>& rows) {
  std::string out =
      "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/>"
      "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
      "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
      "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" "
      "w:type=\"dxa\"/></w:tblCellMar>"
      "</w:tblPr><w:tblGrid>";
  for (int w : widths) out += fmt::format("<w:gridCol w:w=\"{}\"/>", w);
  out += "</w:tblGrid>";
  for (auto& row : rows) {
    out += "<w:tr>";
    for (size_t i = 0; i < row.size(); ++i) out += Cell(widths[i], row[i]);
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

// Rough width of upper-case Times New Roman bold text in twips (for the length of rules).
int TextWidth(std::string_view utf8, int size_pt, double em = 0.6) {
  int chars = 0;
  for (unsigned char ch : utf8)
    if ((ch & 0xC0) != 0x80) ++chars;
  return static_cast<int>(chars * size_pt * 20 * em);
}

const char* kNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

// An inline picture (relationship rIdPicture) in its own centred paragraph; sizes in EMU.
std::string PictureXml(const OfficialDocument::Picture& p) {
  long long cx = std::llround(p.width_mm * 36000.0), cy = std::llround(p.height_mm * 36000.0);
  std::string d = XmlEscape(p.description);
  return fmt::format(
      "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" "
      "distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{0}\" cy=\"{1}\"/><wp:docPr id=\"1\" "
      "name=\"Picture 1\" descr=\"{2}\"/><a:graphic><a:graphicData "
      "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr>"
      "<pic:cNvPr id=\"1\" name=\"picture.png\" descr=\"{2}\"/><pic:cNvPicPr/></pic:nvPicPr>"
      "<pic:blipFill><a:blip r:embed=\"rIdPicture\"/><a:stretch><a:fillRect/></a:stretch>"
      "</pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{0}\" cy=\"{1}\"/>"
      "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
      "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
      cx, cy, d);
}

}  // namespace

Layout30 Layout30::Load(std::string_view text) {
  // One parse through base/rule_file: a missing value or a key this rule does not know is refused
  // with the file and the key named.
  RuleFile f = RuleFile::Parse(text, "nd-30-2020.toml");
  Layout30 l;
  auto i = [&](const char* key) { return static_cast<int>(f.Whole(key)); };
  l.page_width_mm = i("page.width_mm");
  l.page_height_mm = i("page.height_mm");
  l.margin_top_mm = i("page.margin_top_mm");
  l.margin_bottom_mm = i("page.margin_bottom_mm");
  l.margin_left_mm = i("page.margin_left_mm");
  l.margin_right_mm = i("page.margin_right_mm");
  l.font = f.Text("page.font");
  l.page_number_size = i("page.page_number_size");
  l.national_title = i("sizes.national_title");
  l.motto = i("sizes.motto");
  l.agency = i("sizes.agency");
  l.number = i("sizes.number");
  l.place_date = i("sizes.place_date");
  l.doc_type = i("sizes.doc_type");
  l.subject = i("sizes.subject");
  l.body = i("sizes.body");
  l.recipients_heading = i("sizes.recipients_heading");
  l.recipients = i("sizes.recipients");
  l.signature = i("sizes.signature");
  l.first_line_indent_mm = i("body.first_line_indent_mm");
  l.space_after_pt = i("body.space_after_pt");
  l.line_spacing = f.Number("body.line_spacing");
  l.body_verified = f.Flag("body.verified");
  f.RefuseUnknownKeys();
  return l;
}

std::string PlaceDate(std::string_view place, int y, int m, int d) {
  return fmt::format("{}, ngày {:02} tháng {} năm {}", place, d,
                     m < 3 ? fmt::format("{:02}", m) : std::to_string(m), y);
}

std::string RenderDocx(const OfficialDocument& doc, const Layout30& L) {
  const int text_width = Twips(L.page_width_mm - L.margin_left_mm - L.margin_right_mm);
  const int left_w = text_width * 2 / 5;
  const int right_w = text_width - left_w;
  std::string body;

  // Header block: agency | national title and motto; number | place and date.
  std::vector<Para> left = {Line(doc.agency_parent, L.agency, true),
                            Line(doc.agency, L.agency, true), Rule(left_w, left_w / 3)};
  std::vector<Para> right = {Line(kNationalTitle, L.national_title, true),
                             Line(kMotto, L.motto, true),
                             Rule(right_w, TextWidth(kMotto, L.motto, 0.5))};
  std::vector<Para> number = {Line(doc.number, L.number)};
  number[0].space_after = 120;
  std::vector<Para> date = {Line(doc.place_date, L.place_date, false, true)};
  body += Table({left_w, right_w}, {{left, right}, {number, date}});

  Para type = Line(doc.doc_type, L.doc_type, true);
  type.space_after = 0;
  Para gap = Line("", L.body);
  body += ParaXml(gap) + ParaXml(type);
  for (auto& s : doc.subject_lines) body += ParaXml(Line(s, L.subject, true));
  body += ParaXml(Rule(text_width, text_width / 6));
  body += ParaXml(gap);

  for (size_t i = 0; i < doc.body.size(); ++i) {
    const Paragraph& p = doc.body[i];
    Para x = Line(p.text + (i + 1 == doc.body.size() ? "./." : ""), L.body, p.heading);
    x.align = "both";
    x.indent_first = Twips(L.first_line_indent_mm);
    x.space_after = L.space_after_pt * 20;
    x.line = static_cast<int>(std::lround(240 * L.line_spacing));
    body += ParaXml(x);
  }
  if (doc.picture) body += PictureXml(*doc.picture);
  body += ParaXml(gap);

  // Recipients | signature.
  std::vector<Para> rec;
  Para rh = Line("Nơi nhận:", L.recipients_heading, true, true);
  rh.align = "left";
  rec.push_back(rh);
  for (auto& r : doc.recipients) {
    Para x = Line("- " + r, L.recipients);
    x.align = "left";
    rec.push_back(x);
  }
  auto signature = [&](const std::string& authority, const std::string& title,
                       const std::string& signer) {
    std::vector<Para> sig;
    if (!authority.empty()) sig.push_back(Line(authority, L.signature, true));
    sig.push_back(Line(title, L.signature, true));
    for (int k = 0; k < 4; ++k) sig.push_back(Line("", L.signature));
    sig.push_back(Line(signer, L.signature, true));
    return sig;
  };
  std::vector<Para> sig = signature(doc.authority, doc.title, doc.signer);
  if (doc.left_signature) {
    const int half = text_width / 2;
    std::vector<std::vector<std::vector<Para>>> rows = {
        {signature("", doc.left_signature->title, doc.left_signature->signer), sig}};
    if (!doc.recipients.empty()) rows.push_back({rec, {Line("", L.signature)}});
    body += Table({half, text_width - half}, rows);
  } else {
    body += Table({left_w, right_w}, {{rec, sig}});
  }

  std::string sect = fmt::format(
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeaderDefault\"/>"
      "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>"
      "<w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" "
      "w:left=\"{}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>",
      Twips(L.page_width_mm), Twips(L.page_height_mm), Twips(L.margin_top_mm),
      Twips(L.margin_right_mm), Twips(L.margin_bottom_mm), Twips(L.margin_left_mm));
  std::string document =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") +
      "<w:document " + kNs + "><w:body>" + body + sect + "</w:body></w:document>";

  std::string page_field = fmt::format(
      "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
      "<w:r><w:rPr><w:sz w:val=\"{0}\"/></w:rPr><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:rPr><w:sz w:val=\"{0}\"/></w:rPr><w:instrText xml:space=\"preserve\"> PAGE "
      "</w:instrText></w:r>"
      "<w:r><w:rPr><w:sz w:val=\"{0}\"/></w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:rPr><w:sz w:val=\"{0}\"/></w:rPr><w:t>2</w:t></w:r>"
      "<w:r><w:rPr><w:sz w:val=\"{0}\"/></w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
      L.page_number_size * 2);
  std::string header_default =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") + "<w:hdr " +
      kNs + ">" + page_field + "</w:hdr>";
  std::string header_first =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") + "<w:hdr " +
      kNs + "><w:p/></w:hdr>";
  std::string styles = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{0}\" w:hAnsi=\"{0}\" w:cs=\"{0}\" "
      "w:eastAsia=\"{0}\"/><w:color w:val=\"000000\"/><w:sz w:val=\"{1}\"/><w:szCs w:val=\"{1}\"/>"
      "<w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
      "w:after=\"0\"/>"
      "</w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/></w:style>"
      "</w:styles>",
      XmlEscape(L.font), L.body * 2);
  std::string content_types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Default Extension=\"png\" ContentType=\"image/png\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      "<Override PartName=\"/word/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      "<Override PartName=\"/word/header1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
      "<Override PartName=\"/word/header2.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
      "</Types>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  std::string doc_rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rIdStyles\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/>"
      "<Relationship Id=\"rIdHeaderDefault\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
      "Target=\"header1.xml\"/>"
      "<Relationship Id=\"rIdHeaderFirst\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
      "Target=\"header2.xml\"/>" +
      std::string(doc.picture ? "<Relationship Id=\"rIdPicture\" "
                                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                "relationships/image\" Target=\"media/picture.png\"/>"
                              : "") +
      "</Relationships>";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", content_types},    {"_rels/.rels", rels},
      {"word/document.xml", document},           {"word/styles.xml", styles},
      {"word/header1.xml", header_default},      {"word/header2.xml", header_first},
      {"word/_rels/document.xml.rels", doc_rels}};
  if (doc.picture) parts.emplace_back("word/media/picture.png", doc.picture->png);
  return WriteZip(parts);
}

std::string NumberSymbol(std::optional<int> number, std::string_view kind) {
  return (number ? fmt::format("{:02}", *number) : std::string("      ")) + "/" +
         std::string(kind) + "-UBND";
}

void CommuneHeader(OfficialDocument& d, const std::string& commune, Date on, std::string_view kind,
                   std::optional<int> number) {
  d.agency_parent = "ỦY BAN NHÂN DÂN";
  d.agency = text::ToUpper(commune);
  d.number = "Số: " + NumberSymbol(number, kind);
  d.place_date = PlaceDate(PlaceName(commune), on.year(), on.month(), on.day());
}

std::string CommuneInSentence(const std::string& commune) {
  for (const char* prefix : {"Xã ", "Phường ", "Đặc khu "})
    if (commune.rfind(prefix, 0) == 0) return text::ToLowerFirst(commune);
  return commune;
}

std::string CiteDocument(std::string_view kind, std::string_view number_symbol, Date issued_on,
                         std::string_view issuer, std::string_view subject) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  std::string_view number = trim(number_symbol);
  for (std::string_view p : {"Số:", "số:", "Số", "số"})
    if (number.substr(0, p.size()) == p) {
      number = trim(number.substr(p.size()));
      break;
    }
  std::string who(trim(issuer));
  if (who.rfind("UBND ", 0) == 0) who = "Ủy ban nhân dân " + who.substr(5);
  std::string about(trim(subject));
  for (std::string_view p : {"V/v ", "v/v "})
    if (about.rfind(p, 0) == 0) about = "về việc " + about.substr(p.size());
  if (!about.empty() && about.rfind("về ", 0) != 0) about = "về " + about;
  std::string out(kind);
  // Before it is numbered the number is the blank the clerk fills in ("      /UBND-VP").
  if (!number.empty())
    out += " số " + std::string(number.front() == '/' ? "      " : "") + std::string(number);
  out += fmt::format(" ngày {}/{}/{}", issued_on.day(), issued_on.month(), issued_on.year());
  if (!who.empty()) out += " của " + who;
  if (!about.empty()) out += " " + about;
  return out;
}

std::string PlaceName(const std::string& commune) {
  for (const char* prefix : {"Xã ", "Phường ", "Đặc khu "})
    if (commune.rfind(prefix, 0) == 0) return commune.substr(std::string(prefix).size());
  return commune;
}

}  // namespace kientao::documents
