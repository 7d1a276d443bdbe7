// The Decree 30 DOCX read back part by part, opened by LibreOffice, and the XLSX read back.
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "base/error.hpp"
#include "base/rule_file.hpp"

#include "modules/documents/docx.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/documents/zip_archive.hpp"

namespace kientao::documents {
namespace {

Layout30 LoadLayout() {
  std::ifstream in(KIENTAO_SOURCE_DIR "/src/modules/documents/rules/nd-30-2020.toml");
  std::stringstream ss;
  ss << in.rdbuf();
  return Layout30::Load(ss.str());
}

OfficialDocument Sample(int paragraphs) {
  OfficialDocument d;
  d.agency_parent = "ỦY BAN NHÂN DÂN";
  d.agency = "XÃ LẠC PHƯƠNG";
  d.number = "Số: 07/BC-UBND";
  d.place_date = PlaceDate("Lạc Phương", 2026, 12, 5);
  d.doc_type = "BÁO CÁO";
  d.subject_lines = {"Kết quả thực hiện 10 nhiệm vụ trọng tâm", "tháng 11 năm 2026"};
  for (int i = 0; i < paragraphs; ++i)
    d.body.push_back(
        {"Nội dung đoạn " + std::to_string(i + 1) + " <có ký tự & đặc biệt>.", i % 5 == 0});
  d.recipients = {"UBND thành phố Hải Phòng;", "Lưu: VT, VP."};
  d.authority = "KT. CHỦ TỊCH";
  d.title = "PHÓ CHỦ TỊCH";
  d.signer = "Trần Văn Bình";
  return d;
}

TEST(PlaceDate, LeadingZeroForDaysBelowTenAndJanuaryFebruary) {
  EXPECT_EQ(PlaceDate("Lạc Phương", 2026, 2, 5), "Lạc Phương, ngày 05 tháng 02 năm 2026");
  EXPECT_EQ(PlaceDate("Lạc Phương", 2026, 6, 10), "Lạc Phương, ngày 10 tháng 6 năm 2026");
}

TEST(Docx, HasTheDecree30PartsInTheXml) {
  Layout30 l = LoadLayout();
  std::string bytes = RenderDocx(Sample(3), l);
  auto doc = ReadZipEntry(bytes, "word/document.xml");
  ASSERT_TRUE(doc);
  // A4 portrait, margins 20/15/20/30 mm, first page without a number.
  EXPECT_NE(doc->find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
  EXPECT_NE(doc->find("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""),
            std::string::npos);
  EXPECT_NE(doc->find("<w:titlePg/>"), std::string::npos);
  // Header blocks, in order.
  size_t agency = doc->find("XÃ LẠC PHƯƠNG");
  size_t title = doc->find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  size_t motto = doc->find("Độc lập - Tự do - Hạnh phúc");
  size_t number = doc->find("Số: 07/BC-UBND");
  size_t date = doc->find("Lạc Phương, ngày 05 tháng 12 năm 2026");
  size_t type = doc->find(">BÁO CÁO<");
  size_t recipients = doc->find("Nơi nhận:");
  size_t authority = doc->find("KT. CHỦ TỊCH");
  size_t signer = doc->find("Trần Văn Bình");
  for (size_t p : {agency, title, motto, number, date, type, recipients, authority, signer})
    ASSERT_NE(p, std::string::npos);
  EXPECT_LT(agency, title);
  EXPECT_LT(motto, number);
  EXPECT_LT(date, type);
  EXPECT_LT(type, recipients);
  EXPECT_LT(recipients, authority);
  EXPECT_LT(authority, signer);
  // The place-and-date line is italic; "Nơi nhận:" bold italic at 12 pt; recipients at 11 pt.
  std::regex italic_date(
      "<w:i/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">Lạc "
      "Phương");
  EXPECT_TRUE(std::regex_search(*doc, italic_date));
  EXPECT_NE(doc->find("<w:b/><w:i/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t "
                      "xml:space=\"preserve\">Nơi nhận:"),
            std::string::npos);
  EXPECT_NE(doc->find("<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr><w:t "
                      "xml:space=\"preserve\">- Lưu: VT, VP."),
            std::string::npos);
  // Text is escaped; the body ends with "./.".
  EXPECT_NE(doc->find("&lt;có ký tự &amp; đặc biệt&gt;.\u002E/."), std::string::npos);
  // Times New Roman by default; page number field in the default header only.
  auto styles = ReadZipEntry(bytes, "word/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("w:ascii=\"Times New Roman\""), std::string::npos);
  auto h1 = ReadZipEntry(bytes, "word/header1.xml");
  auto h2 = ReadZipEntry(bytes, "word/header2.xml");
  ASSERT_TRUE(h1 && h2);
  EXPECT_NE(h1->find(" PAGE "), std::string::npos);
  EXPECT_EQ(h2->find("PAGE"), std::string::npos);
}

TEST(Docx, LibreOfficeOpensItAndMakesAPdfWithPages) {
  ASSERT_TRUE(PdfConverterAvailable())
      << "soffice (libreoffice-writer-nogui) is installed by the test command";
  std::string docx = RenderDocx(Sample(60), LoadLayout());
  auto pdf = ConvertDocxToPdf(docx);
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->substr(0, 5), "%PDF-");
  std::regex page("/Type\\s*/Page[^s]");
  auto pages =
      std::distance(std::sregex_iterator(pdf->begin(), pdf->end(), page), std::sregex_iterator());
  EXPECT_GE(pages, 2);  // 60 paragraphs do not fit on one A4 page
}

TEST(Xlsx, NumbersStayNumbersAndTextIsShared) {
  XlsxSheet s;
  s.name = "NV4: Kỹ năng số/chuyển đổi";  // '/' is not allowed in a sheet name
  s.title = "Phụ lục";
  s.header = {"Chỉ tiêu", "Giá trị"};
  s.widths = {40, 12};
  s.rows = {{std::string("Tỷ lệ cán bộ được bồi dưỡng"), 87.5},
            {std::string("Hộ nghèo"), XlsxCell{}}};
  std::string bytes = RenderXlsx({s}, CommuneIssuer("Xã Lạc Phương"));
  auto book = ReadZipEntry(bytes, "xl/workbook.xml");
  ASSERT_TRUE(book);
  EXPECT_NE(book->find("name=\"NV4- Kỹ năng số-chuyển đổi\""), std::string::npos);
  auto sheet = ReadZipEntry(bytes, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("<v>87.5</v>"), std::string::npos);  // a number cell, not a string
  auto strings = ReadZipEntry(bytes, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  EXPECT_NE(strings->find("Tỷ lệ cán bộ được bồi dưỡng"), std::string::npos);
}

// LibreOffice runs one conversion at a time; the same document asked again is not converted
// again; callers beyond the queue's limit are told to come back (GEN-0026), not left to pile up.
TEST(Docx, PdfConversionsRunOneAtATimeAreCachedAndTheQueueIsBounded) {
  ASSERT_TRUE(PdfConverterAvailable());
  std::string first = RenderDocx(Sample(3), LoadLayout());
  long long before = PdfConversionsRun();
  auto a = ConvertDocxToPdf(first);
  auto b = ConvertDocxToPdf(first);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(PdfConversionsRun(), before + 1);  // the second came from the cache

  SetPdfQueueLimit(0);  // only the one running
  std::string second = RenderDocx(Sample(4), LoadLayout());
  std::thread running([&] { EXPECT_TRUE(ConvertDocxToPdf(second)); });
  for (int i = 0; i < 2000 && PdfConversionsWaiting() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  ASSERT_EQ(PdfConversionsWaiting(), 1);
  try {
    ConvertDocxToPdf(RenderDocx(Sample(5), LoadLayout()));
    ADD_FAILURE() << "a caller beyond the queue's limit was let in";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "GEN-0026");
  }
  EXPECT_TRUE(ConvertDocxToPdf(first));  // a cached one is still answered at once
  running.join();
  SetPdfQueueLimit(4);
}

// What an official opening the file sees, read by LibreOffice (a tool nobody here wrote): the
// issuer and the motto above the title, dates as dd/mm/yyyy and mm/yyyy, whole numbers without a
// decimal point; and in the file: A4 fitted to the width, the header row repeated on every page and
// frozen.
TEST(Xlsx, LibreOfficeShowsTheStateHeaderDatesAndWholeNumbers) {
  ASSERT_TRUE(PdfConverterAvailable()) << "soffice is installed by the test command";
  XlsxSheet s;
  s.name = "Nghỉ hưu";
  s.title = "Danh sách nghỉ hưu";
  s.header = {"Họ và tên", "Ngày nghỉ", "Tháng nghỉ hưu", "Số tháng", "Tỷ lệ (%)"};
  s.widths = {28, 12, 12, 10, 10};
  s.rows = {{std::string("Nguyễn Văn An"), XlsxDate{*Date::FromYmd(2026, 2, 5)},
             XlsxDate{*Date::FromYmd(2031, 4, 1), true}, 18.0, 12.5}};
  std::string bytes = RenderXlsx({s}, CommuneIssuer("Xã Lạc Phương"));
  auto csv =
      ConvertWithLibreOffice(bytes, "xlsx", "csv:Text - txt - csv (StarCalc):44,34,76", "csv");
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->find("ỦY BAN NHÂN DÂN"), std::string::npos) << *csv;
  EXPECT_NE(csv->find("XÃ LẠC PHƯƠNG"), std::string::npos) << *csv;
  EXPECT_NE(csv->find(kNationalTitle), std::string::npos) << *csv;
  EXPECT_NE(csv->find(kMotto), std::string::npos) << *csv;
  EXPECT_NE(csv->find("Danh sách nghỉ hưu"), std::string::npos) << *csv;
  EXPECT_NE(csv->find("Nguyễn Văn An,05/02/2026,04/2031,18,12.5"), std::string::npos) << *csv;
  auto sheet = ReadZipEntry(bytes, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("paperSize=\"9\""), std::string::npos);     // A4
  EXPECT_NE(sheet->find("fitToHeight=\"0\""), std::string::npos);   // one page wide
  EXPECT_NE(sheet->find("<pane ySplit=\"6\""), std::string::npos);  // the header row frozen
  auto book = ReadZipEntry(bytes, "xl/workbook.xml");
  ASSERT_TRUE(book);
  EXPECT_NE(book->find("_xlnm.Print_Titles"), std::string::npos);  // repeated on each page
  EXPECT_NE(book->find("$6:$6"), std::string::npos);
}

TEST(Zip, UnreadableBytesGiveNothing) {
  EXPECT_FALSE(ReadZipEntry("not a zip", "word/document.xml"));
  std::string z = WriteZip({{"a.txt", "xin chào"}});
  EXPECT_EQ(ReadZipEntry(z, "a.txt").value_or(""), "xin chào");
  EXPECT_FALSE(ReadZipEntry(z, "b.txt"));
}

}  // namespace
TEST(Layout30, ARuleFileWithAnUnknownKeyIsRefusedNamingIt) {
  std::ifstream in(KIENTAO_SOURCE_DIR "/src/modules/documents/rules/nd-30-2020.toml");
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    Layout30::Load(ss.str() + "\n[signature]\nsize = 14\n");
    FAIL() << "an unknown key was accepted";
  } catch (const RuleFileError& e) {
    EXPECT_NE(std::string(e.what()).find("nd-30-2020.toml: signature.size"), std::string::npos)
        << e.what();
  }
}

TEST(Layout30, TheCommunesHeaderNumberAndSymbolAndPlaceDate) {
  EXPECT_EQ(NumberSymbol(2, "BC"), "02/BC-UBND");
  EXPECT_EQ(NumberSymbol(12, "KH"), "12/KH-UBND");
  EXPECT_EQ(NumberSymbol(std::nullopt, "BB"), "      /BB-UBND");  // the blank the clerk fills in
  OfficialDocument d;
  CommuneHeader(d, "Xã Lạc Phương", *Date::FromYmd(2026, 2, 5), "BC", 3);
  EXPECT_EQ(d.agency_parent, "ỦY BAN NHÂN DÂN");
  EXPECT_EQ(d.agency, "XÃ LẠC PHƯƠNG");
  EXPECT_EQ(d.number, "Số: 03/BC-UBND");
  EXPECT_EQ(d.place_date, "Lạc Phương, ngày 05 tháng 02 năm 2026");
}

}  // namespace kientao::documents
