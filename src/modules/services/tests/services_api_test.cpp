// The dossier register through the real application (router, services, SQLite or PostgreSQL): the
// import from the provincial one-stop system all or nothing and idempotent, the statistics the
// commune steers by, the counter, scope and the audited citizen ID.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <set>

#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/period.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/documents/zip_archive.hpp"
#include "modules/reporting/web/report_web.hpp"
#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace json = boost::json;

namespace {

// A JSON number as a double, whether it was written 60 or 62.5.
double Num(const json::value& v) {
  return v.is_double() ? v.as_double() : static_cast<double>(v.as_int64());
}

// What zbarimg (a decoder nobody here wrote) reads in a PNG.
std::string DecodeQr(const std::string& png) {
  std::string path = ::testing::TempDir() + "/kientao-qr-" + std::to_string(::getpid()) + ".png";
  {
    std::ofstream f(path, std::ios::binary);
    f << png;
  }
  std::string out;
  if (FILE* p = ::popen(("zbarimg --raw -q " + path).c_str(), "r")) {
    char buf[512];
    while (size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    ::pclose(p);
  }
  std::remove(path.c_str());
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

class Services : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    office_ = Login("vanphong");
  }
  // The answer's problems as "row:field:code".
  static std::set<std::string> Problems(const std::string& body) {
    std::set<std::string> out;
    json::value v = json::parse(body);
    for (auto& d : v.at("error").at("details").as_array())
      out.insert(std::to_string(d.as_object().contains("row") ? d.at("row").as_int64() : 0) + ":" +
                 std::string(d.at("field").as_string()) + ":" +
                 std::string(d.at("code").as_string()));
    return out;
  }
  http::Response Import(const std::string& csv) {
    return Call(office_, "POST", "/api/v1/services/dossiers/import", csv, "text/csv");
  }
  json::value Stats(const std::string& query) {
    auto r = Call(office_, "GET", "/api/v1/services/stats?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }
  Session office_;
};

const char* kForm = "application/x-www-form-urlencoded";

const char* kHeader =
    "code,procedure_code,received_on,channel,full_process_online,due_on,returned_on,unit_code,"
    "fee_paid_online\r\n";

// January 2025, before the demo's first dossier: A early, B on time, C late, D still open past due
// at the end of the month (returned in February), E received in December and returned on time in
// January (carried over), F on time with its fee paid online.
const char* kJanuary =
    "T-A,DEMO-HT-05,2025-01-06T08:15,online,1,2025-01-09,2025-01-08,LP-TTHCC,0\r\n"
    "T-B,DEMO-HT-05,2025-01-06,online,1,2025-01-09,2025-01-09,LP-TTHCC,0\r\n"
    "T-C,DEMO-HT-05,2025-01-07,counter,0,2025-01-10,2025-01-13,LP-TTHCC,0\r\n"
    "T-D,DEMO-CT-01,2025-01-08,online,0,2025-01-08,2025-02-03,LP-TTHCC,0\r\n"
    "T-E,DEMO-HT-04,2024-12-30,online,1,2025-01-02,2025-01-02,LP-TTHCC,1\r\n"
    "T-F,DEMO-HT-04,15/01/2025,online,1,2025-01-16,2025-01-16,LP-TTHCC,1\r\n";

}  // namespace

TEST_F(Services, TheImportRefusesTheWholeFileNamingEveryProblemByRowAndColumn) {
  long long n = Count("services_dossiers"), seq = AuditSeq();
  std::string bad = std::string(kHeader) +
                    "B-1,DEMO-HT-05,2025-01-06,online,1,2025-01-09,2025-01-05,LP-TTHCC,0\r\n"
                    "B-2,DEMO-HT-05,2025-01-06,online,1,2025-01-02,,LP-TTHCC,0\r\n"
                    "B-3,KHONG-CO,2025-01-06,fax,1,2025-01-09,,LP-TTHCC,0\r\n"
                    "B-4,DEMO-HT-05,2025-01-06,counter,1,2025-01-09,,LP-TTHCC,0\r\n"
                    "B-5,DEMO-CT-01,2025-01-06,online,1,2025-01-09,,LP-TTHCC,0\r\n"
                    "B-5,DEMO-HT-05,2025-01-06,online,2,06-01-2025,,LP-XYZ,0\r\n"
                    "B-7,DEMO-HT-05,2025-01-06,online,0,2025-01-09\r\n";
  auto refused = Import(bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(ErrorCode(refused.body), "SVC-8011");
  EXPECT_EQ(Problems(refused.body),
            (std::set<std::string>{"2:returned_on:SVC-8006",          // returned before received
                                   "3:due_on:SVC-8007",               // due before receipt
                                   "4:procedure_code:SVC-8003",       // not in the catalogue
                                   "4:channel:SVC-8005",              // no such channel
                                   "5:full_process_online:SVC-8008",  // at the counter
                                   "6:full_process_online:SVC-8009",  // partial procedure
                                   "7:code:SVC-8010",                 // twice in the file
                                   "7:full_process_online:SVC-8017", "7:due_on:GEN-0008",
                                   "7:unit_code:SVC-8022", "8:returned_on:GEN-0032"}));
  EXPECT_EQ(Count("services_dossiers"), n);
  EXPECT_EQ(AuditSeq(), seq);
  // A file without a required column, and one that is not a CSV file at all.
  EXPECT_EQ(ErrorCode(Import("code,procedure_code\r\nX,Y\r\n").body), "SVC-8012");
  EXPECT_EQ(ErrorCode(Import(kHeader).body), "SVC-8013");
  EXPECT_EQ(Count("services_dossiers"), n);
}

TEST_F(Services, TheSameFileImportedAgainChangesNothingAndAChangedRowUpdatesItsDossier) {
  long long n = Count("services_dossiers");
  auto first = Import(std::string(kHeader) + kJanuary);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(json::parse(first.body).at("created").as_int64(), 6);
  EXPECT_EQ(Count("services_dossiers"), n + 6);
  long long seq = AuditSeq();
  auto again = Import(std::string(kHeader) + kJanuary);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body).at("unchanged").as_int64(), 6);
  EXPECT_EQ(AuditSeq(), seq);  // nothing written, nothing audited
  // The provincial system's later export: D's result was returned on 31/01 instead.
  std::string later = std::string(kHeader) +
                      "T-D,DEMO-CT-01,2025-01-08,online,0,2025-01-08,2025-01-31,LP-TTHCC,0\r\n";
  auto updated = Import(later);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(json::parse(updated.body).at("updated").as_int64(), 1);
  EXPECT_EQ(Count("services_dossiers"), n + 6);
  auto list = json::parse(Call(office_, "GET", "/api/v1/services/dossiers?q=T-D").body);
  const auto& d = Find(list.at("items"), "code", "T-D");
  EXPECT_EQ(d.at("returned_on").as_string(), "2025-01-31");
  EXPECT_EQ(d.at("status").as_string(), "returned");
}

TEST_F(Services, AFileSavedByExcelWithSemicolonsIsReadAndAWindowsFileIsRefusedUntilDeclared) {
  std::string semi =
      "code;procedure_code;received_on;channel;full_process_online;due_on;"
      "returned_on;unit_code\r\n"
      "S-1;DEMO-HT-05;06/01/2025;counter;0;09/01/2025;;LP-TTHCC\r\n";
  auto ok = Import(semi);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(json::parse(ok.body).at("created").as_int64(), 1);
  // "Đinh" in Windows-1258 (0xD0 is Đ), not declared: refused with a way out, nothing written.
  long long n = Count("services_dossiers");
  std::string cp1258 = std::string(kHeader) +
                       "S-2,DEMO-HT-05,2025-01-06,counter,0,2025-01-09,,LP-TTHCC,0\r\n" +
                       "applicant_name\r\n\xD0inh\r\n";
  auto refused = Import(cp1258);
  EXPECT_EQ(refused.status, 415);
  EXPECT_EQ(ErrorCode(refused.body), "GEN-0030");
  EXPECT_EQ(Count("services_dossiers"), n);
}

// A provincial system's export as it comes: Vietnamese headers and words, read without mapping.
TEST_F(Services, AnExportWithVietnameseHeadersAndWordsIsRead) {
  std::string file =
      "\xEF\xBB\xBFMã hồ sơ,Mã thủ tục,Ngày tiếp nhận,Hình thức nộp,Trực tuyến toàn trình,Ngày hẹn "
      "trả,Ngày trả kết quả,Mã đơn vị,Người nộp,Trạng thái,Ghi chú\r\n"
      "VN-1,DEMO-HT-05,06/01/2025,Trực tuyến,Có,09/01/2025,08/01/2025,LP-TTHCC,Hà Văn Tú,Đã trả "
      "kết "
      "quả,\r\n"
      "VN-2,DEMO-CT-01,07/01/2025,Trực tiếp,Không,07/01/2025,,LP-TTHCC,Lý Thị Na,Đang giải "
      "quyết,gọi lại sau\r\n";
  auto r = Import(file);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body).at("created").as_int64(), 2);
  auto list = json::parse(Call(office_, "GET", "/api/v1/services/dossiers?q=VN-").body);
  const auto& one = Find(list.at("items"), "code", "VN-1");
  EXPECT_EQ(one.at("channel").as_string(), "online");
  EXPECT_TRUE(one.at("full_process_online").as_bool());
  EXPECT_EQ(one.at("applicant_name").as_string(), "Hà Văn Tú");
  EXPECT_EQ(Find(list.at("items"), "code", "VN-2").at("status").as_string(), "in_process");
  // A word that is none of them is named, not guessed.
  auto bad = Import(
      "Mã hồ sơ,Mã thủ tục,Ngày tiếp nhận,Hình thức nộp,Trực tuyến toàn trình,Ngày hẹn trả,Ngày "
      "trả kết quả\r\nVN-3,DEMO-HT-05,06/01/2025,Fax,Có,09/01/2025,\r\n");
  EXPECT_EQ(Problems(bad.body), (std::set<std::string>{"2:channel:SVC-8005"}));
  // The same export saved as an Excel workbook (made here by LibreOffice from a UTF-8 CSV): read
  // from its first sheet, through the API and the import page alike.
  ASSERT_TRUE(documents::PdfConverterAvailable()) << "LibreOffice is needed to read XLSX";
  auto xlsx = documents::ConvertWithLibreOffice(
      "Mã hồ sơ,Mã thủ tục,Ngày tiếp nhận,Hình thức nộp,Trực tuyến toàn trình,Ngày hẹn trả,Ngày "
      "trả kết quả,Mã đơn vị\r\nXL-1,DEMO-HT-05,2025-01-06,Trực tuyến,Có,2025-01-09,2025-01-08,"
      "LP-TTHCC\r\n",
      "csv", "xlsx:Calc MS Excel 2007 XML", "xlsx", "CSV:44,34,76");
  ASSERT_TRUE(xlsx);
  auto from_excel = Call(office_, "POST", "/api/v1/services/dossiers/import", *xlsx,
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(from_excel.status, 200) << from_excel.body;
  EXPECT_EQ(json::parse(from_excel.body).at("created").as_int64(), 1);
  auto xl = json::parse(Call(office_, "GET", "/api/v1/services/dossiers?q=XL-1").body);
  EXPECT_EQ(Find(xl.at("items"), "code", "XL-1").at("due_on").as_string(), "2025-01-09");
  // A zip that is no workbook: refused with how to save the file, nothing written.
  long long n = Count("services_dossiers");
  auto broken = Call(office_, "POST", "/api/v1/services/dossiers/import",
                     std::string("PK\x03\x04not a workbook", 20),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(broken.status, 422) << broken.body;
  EXPECT_EQ(ErrorCode(broken.body), "SVC-8028");
  EXPECT_EQ(Count("services_dossiers"), n);
}

TEST_F(Services, StatisticsCountReceivedOnlineAndResultsWithBothDenominators) {
  ASSERT_EQ(Import(std::string(kHeader) + kJanuary).status, 200);
  json::value s = Stats("from=2025-01-01&to=2025-01-31");
  EXPECT_EQ(s.at("received").as_int64(), 5);  // A, B, C, D, F
  EXPECT_EQ(s.at("online").as_int64(), 4);
  EXPECT_EQ(s.at("full_process_online").as_int64(), 3);
  EXPECT_DOUBLE_EQ(Num(s.at("full_process_rate_all")), 60.0);                // 3 of 5
  EXPECT_DOUBLE_EQ(Num(s.at("full_process_rate_online_procedures")), 75.0);  // 3 of 4
  EXPECT_EQ(s.at("resolved").as_int64(), 5);  // A, B, C, E, F returned in January
  EXPECT_EQ(s.at("early").as_int64(), 1);
  EXPECT_EQ(s.at("on_time").as_int64(), 3);
  EXPECT_EQ(s.at("late").as_int64(), 1);
  EXPECT_DOUBLE_EQ(Num(s.at("on_time_rate")), 80.0);
  EXPECT_EQ(s.at("to_handle").as_int64(), 6);       // received, and E carried over
  EXPECT_EQ(s.at("late_to_handle").as_int64(), 2);  // C late, D open past due
  EXPECT_EQ(s.at("overdue_open").as_int64(), 1);
  EXPECT_EQ(s.at("with_fee").as_int64(), 2);  // D (certification, 2.000 đ) and F
  EXPECT_DOUBLE_EQ(Num(s.at("online_payment_rate")), 50.0);
  EXPECT_TRUE(s.at("received").is_int64());  // counts are integers, not 5.0
  const auto& jan = Find(s.at("months"), "month", "2025-01");
  EXPECT_EQ(jan.at("received").as_int64(), 5);
  // By channel, procedure and sector.
  EXPECT_EQ(s.at("by_channel").at("online").as_int64(), 4);
  EXPECT_EQ(s.at("by_channel").at("counter").as_int64(), 1);
  EXPECT_EQ(s.at("by_channel").at("post").as_int64(), 0);
  const auto& three_days = Find(s.at("by_procedure"), "code", "DEMO-HT-05");
  EXPECT_EQ(three_days.at("received").as_int64(), 3);
  EXPECT_EQ(three_days.at("resolved").as_int64(), 3);
  EXPECT_EQ(three_days.at("late").as_int64(), 1);
  EXPECT_NEAR(Num(three_days.at("on_time_rate")), 200.0 / 3, 1e-9);
  EXPECT_EQ(Find(s.at("by_sector"), "sector", "Hộ tịch").at("received").as_int64(), 4);
  EXPECT_EQ(Find(s.at("by_sector"), "sector", "Chứng thực").at("received").as_int64(), 1);
  // One procedure; a unit holding no dossiers: zeros and null rates, not 0 %.
  EXPECT_EQ(Stats("from=2025-01-01&to=2025-01-31&procedure=DEMO-HT-05").at("received").as_int64(),
            3);
  json::value none = Stats("from=2025-01-01&to=2025-01-31&unit=LP-KT");
  EXPECT_EQ(none.at("received").as_int64(), 0);
  EXPECT_TRUE(none.at("full_process_rate_all").is_null());
  EXPECT_TRUE(none.at("on_time_rate").is_null());
  // The days at both ends belong to the period: the 6th alone holds A and B.
  EXPECT_EQ(Stats("from=2025-01-06&to=2025-01-06").at("received").as_int64(), 2);
}

TEST_F(Services, StatisticsRefuseAPeriodThatIsNotOne) {
  auto backwards = Call(office_, "GET", "/api/v1/services/stats?from=2025-02-01&to=2025-01-01");
  EXPECT_EQ(backwards.status, 422);
  EXPECT_EQ(ErrorCode(backwards.body), "SVC-8021");
  auto no_date = Call(office_, "GET", "/api/v1/services/stats?from=01-2025&to=2025-01-31");
  EXPECT_EQ(ErrorCode(no_date.body), "GEN-0008");
  EXPECT_EQ(ErrorField(no_date.body), "from");
  auto unit = Call(office_, "GET", "/api/v1/services/stats?from=2025-01-01&to=2025-01-31&unit=XX");
  EXPECT_EQ(unit.status, 404);
  EXPECT_EQ(ErrorCode(unit.body), "SVC-8022");
  auto proc =
      Call(office_, "GET", "/api/v1/services/stats?from=2025-01-01&to=2025-01-31&procedure=XX");
  EXPECT_EQ(ErrorCode(proc.body), "SVC-8003");
}

TEST_F(Services, TheCounterComputesTheAppointmentOnWorkingDaysAndRecordsTheResult) {
  auto procs = json::parse(Call(office_, "GET", "/api/v1/services/procedures").body);
  long long three_days = Find(procs.at("items"), "code", "DEMO-HT-05").at("id").as_int64();
  long long partial = Find(procs.at("items"), "code", "DEMO-CT-01").at("id").as_int64();
  std::string unit = std::to_string(UnitId("LP-TTHCC"));
  long long n = Count("services_dossiers"), seq = AuditSeq();
  // Full-process claimed at the counter, and no applicant: both refused at once, nothing written.
  auto refused = Call(office_, "POST", "/api/v1/services/dossiers",
                      "{\"procedure_id\":" + std::to_string(partial) + ",\"unit_id\":" + unit +
                          ",\"channel\":\"counter\",\"full_process_online\":true}");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Problems(refused.body),
            (std::set<std::string>{"0:applicant_name:GEN-0004", "0:full_process_online:SVC-8008"}));
  auto fpo = Call(office_, "POST", "/api/v1/services/dossiers",
                  "{\"procedure_id\":" + std::to_string(partial) + ",\"unit_id\":" + unit +
                      ",\"applicant_name\":\"Lò Văn Sinh\",\"channel\":\"counter\","
                      "\"full_process_online\":true}");
  EXPECT_EQ(fpo.status, 422);
  EXPECT_EQ(Problems(fpo.body), (std::set<std::string>{"0:full_process_online:SVC-8008"}));
  EXPECT_EQ(Count("services_dossiers"), n);
  EXPECT_EQ(AuditSeq(), seq);
  // Saturday 28/11/2026 (the pinned day), 3 working days: Monday 30/11, Tuesday 1/12, Wednesday
  // 2/12.
  auto ok = Call(office_, "POST", "/api/v1/services/dossiers",
                 "{\"procedure_id\":" + std::to_string(three_days) + ",\"unit_id\":" + unit +
                     ",\"applicant_name\":\"Lò Văn Sinh\",\"citizen_id\":\"000090000777\","
                     "\"channel\":\"counter\"}");
  ASSERT_EQ(ok.status, 201) << ok.body;
  json::value d = json::parse(ok.body);
  EXPECT_EQ(d.at("due_on").as_string(), "2026-12-02");
  EXPECT_EQ(d.at("received_on").as_string(), "2026-11-28");
  EXPECT_EQ(d.at("citizen_id_masked").as_string(), "000******777");
  EXPECT_EQ(d.at("status").as_string(), "received");
  std::string code(d.at("code").as_string());
  EXPECT_EQ(code.substr(0, 10), "LP-261128-");
  std::string id = std::to_string(d.at("id").as_int64());
  // The result: not before receipt, not in the future, then once.
  auto early = Call(office_, "POST", "/api/v1/services/dossiers/" + id + "/return",
                    "{\"returned_on\":\"2026-11-27\"}");
  EXPECT_EQ(ErrorCode(early.body), "SVC-8006");
  auto back = Call(office_, "POST", "/api/v1/services/dossiers/" + id + "/return",
                   "{\"returned_on\":\"2026-11-28\"}");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(json::parse(back.body).at("status").as_string(), "returned");
  auto twice = Call(office_, "POST", "/api/v1/services/dossiers/" + id + "/return",
                    "{\"returned_on\":\"2026-11-28\"}");
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(ErrorCode(twice.body), "SVC-8020");
  // The slip to print: the appointment and a QR code of the applicant's own page, which
  // shows the status without signing in and without the applicant's name or ID.
  auto slip = Call(office_, "GET", "/services/dossiers/" + id + "/slip");
  ASSERT_EQ(slip.status, 200);
  EXPECT_NE(slip.body.find("02/12/2026"), std::string::npos);
  EXPECT_NE(slip.body.find("<svg "), std::string::npos);
  // With the survey module installed, the QR code opens the dossier's questionnaire page, which
  // shows the status first (the survey module's own tests cover the questionnaire).
  size_t at = slip.body.find("/khao-sat/");
  ASSERT_NE(at, std::string::npos);
  std::string lookup = slip.body.substr(at, 10 + 56);
  auto status = Anonymous("GET", lookup);
  ASSERT_EQ(status.status, 200) << lookup;
  EXPECT_NE(status.body.find(code), std::string::npos);
  EXPECT_NE(status.body.find("Đã trả kết quả"), std::string::npos);
  EXPECT_EQ(status.body.find("Lò Văn Sinh"), std::string::npos);
  EXPECT_EQ(status.body.find("000090000777"), std::string::npos);
  EXPECT_EQ(status.body.find("000******777"), std::string::npos);
  // The slip as a document (Mẫu 01): its QR code is a picture a decoder reads back to the same
  // address, and LibreOffice reads the appointment.
  auto docx = Call(office_, "GET", "/services/dossiers/" + id + "/slip.docx");
  ASSERT_EQ(docx.status, 200);
  auto png = documents::ReadZipEntry(docx.body, "word/media/picture.png");
  ASSERT_TRUE(png);
  std::string decoded = DecodeQr(*png);
  ASSERT_GE(decoded.size(), lookup.size()) << decoded;
  EXPECT_EQ(decoded.substr(decoded.size() - lookup.size()), lookup);  // the address on the slip
  ASSERT_TRUE(documents::PdfConverterAvailable()) << "LibreOffice is needed to open the slip";
  auto slip_text =
      documents::ConvertWithLibreOffice(docx.body, "docx", "txt:Text (encoded):UTF8", "txt");
  ASSERT_TRUE(slip_text);
  EXPECT_NE(slip_text->find("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), std::string::npos);
  EXPECT_NE(slip_text->find("Thời gian trả kết quả giải quyết hồ sơ: ngày 02/12/2026"),
            std::string::npos)
      << slip_text->substr(0, 1500);
  EXPECT_NE(slip_text->find("Lò Văn Sinh"), std::string::npos);  // the applicant's own copy
  auto pdf = Call(office_, "GET", "/services/dossiers/" + id + "/slip.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(Anonymous("GET", "/tra-cuu/00000000000000000000000000000000").status, 404);
  EXPECT_EQ(Anonymous("GET", "/tra-cuu/' OR 1=1 --").status, 404);
  // The same code again is refused.
  auto dup =
      Call(office_, "POST", "/api/v1/services/dossiers",
           "{\"code\":\"" + code + "\",\"procedure_id\":" + std::to_string(three_days) +
               ",\"unit_id\":" + unit + ",\"applicant_name\":\"A\",\"channel\":\"counter\"}");
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(ErrorCode(dup.body), "SVC-8019");
}

TEST_F(Services, ScopeDecidesWhoSeesADossierAndTheFullCitizenIdIsAuditedForTheOfficeOnly) {
  auto list = json::parse(Call(office_, "GET", "/api/v1/services/dossiers?limit=1").body);
  ASSERT_GT(list.at("total").as_int64(), 1000);  // the demo's 15 months
  std::string id = std::to_string(list.at("items").as_array().at(0).at("id").as_int64());
  // A civil servant of the economic office sees none of the centre's dossiers.
  Session staff = Login("congchuc");
  EXPECT_EQ(Call(staff, "GET", "/api/v1/services/dossiers/" + id).status, 404);
  EXPECT_EQ(
      json::parse(Call(staff, "GET", "/api/v1/services/dossiers").body).at("total").as_int64(), 0);
  // A village head has no access to the register.
  EXPECT_EQ(Call(Login("truongthon"), "GET", "/api/v1/services/dossiers").status, 403);
  // The chairman reads the dossier masked but not the full ID; the office reads it, audited.
  Session leader = Login("chutich");
  EXPECT_EQ(Call(leader, "GET", "/api/v1/services/dossiers/" + id).status, 200);
  EXPECT_EQ(Call(leader, "GET", "/api/v1/services/dossiers/" + id + "/citizen-id").status, 403);
  long long seq = AuditSeq();
  auto full = Call(office_, "GET", "/api/v1/services/dossiers/" + id + "/citizen-id");
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_EQ(json::parse(full.body).at("citizen_id").as_string().size(), 12u);
  EXPECT_EQ(AuditSeq(), seq + 1);
}

TEST_F(Services, TheDemoShowsFifteenMonthsOfDossiersWithAGrowingFullProcessShare) {
  json::value year = Stats("from=2025-08-01&to=2026-11-28");
  EXPECT_GT(year.at("received").as_int64(), 1000);
  // Most results on or before the day (same-day procedures are returned on the day), some late.
  EXPECT_GT(year.at("early").as_int64(), 100);
  EXPECT_GT(year.at("late").as_int64(), 20);
  EXPECT_GT(Num(year.at("on_time_rate")), 85.0);
  EXPECT_LT(Num(year.at("on_time_rate")), 99.0);
  EXPECT_EQ(year.at("overdue_open").as_int64(), 2);
  double before = Num(Stats("from=2025-09-01&to=2025-11-30").at("full_process_rate_all"));
  double after = Num(Stats("from=2026-09-01&to=2026-11-28").at("full_process_rate_all"));
  EXPECT_GT(after, before + 10);
  // By the civil servant handling: the demo's three clerks, whose results add up to the total.
  long long by_clerk = 0;
  for (const auto& h : year.at("by_handler").as_array()) by_clerk += h.at("resolved").as_int64();
  EXPECT_EQ(by_clerk, year.at("resolved").as_int64());
  EXPECT_GT(Find(year.at("by_handler"), "handler", "Tô Thị Bích").at("resolved").as_int64(), 100);
  // Nothing before the 15 months.
  EXPECT_EQ(Stats("from=2025-01-01&to=2025-08-25").at("received").as_int64(), 0);
}

// The one-stop clerk's KPI shows the dossiers she handled in the KPI period's window (15/10 to
// 14/11 for November), equal to the statistics' row of her name; they are evidence beside the
// score, and a namesake in the commune withdraws the figures rather than mixing two people's.
TEST_F(Services, AClerksKpiShowsTheDossiersSheHandledOnTime) {
  Session clerk = Login("motcua");
  auto me = Call(clerk, "GET", "/api/v1/kpi/me?period=2026M11");
  ASSERT_EQ(me.status, 200) << me.body;
  json::value kpi = json::parse(me.body);
  const json::array& evidence = kpi.at("evidence").as_array();
  ASSERT_EQ(evidence.size(), 1u) << me.body;
  const json::value& e = evidence[0];
  EXPECT_EQ(e.at("source").as_string(), "services.on_time");
  json::value window = Stats("from=2026-10-15&to=2026-11-14");
  const json::value& row = Find(window.at("by_handler"), "handler", "Tô Thị Bích");
  EXPECT_EQ(e.at("of").as_int64(), row.at("resolved").as_int64());
  EXPECT_GT(e.at("of").as_int64(), 5);
  EXPECT_EQ(e.at("count").as_int64(), row.at("resolved").as_int64() - row.at("late").as_int64());
  EXPECT_NEAR(Num(e.at("rate")), Num(row.at("on_time_rate")), 0.05);
  // The page says it in Vietnamese, with the numbers written the Vietnamese way.
  auto page = Call(clerk, "GET", "/kpi?period=2026M11");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-testid=\"kpi-evidence\""), std::string::npos);
  EXPECT_NE(page.body.find("trả kết quả đúng hoặc trước hẹn"), std::string::npos);
  // Someone who handled nothing has no such line (not "0 of 0").
  auto other = json::parse(Call(Login("congchuc"), "GET", "/api/v1/kpi/me?period=2026M11").body);
  EXPECT_TRUE(other.at("evidence").as_array().empty());
  // A second "To Thi Bich" joins the commune: the register cannot tell their dossiers apart.
  auto created = Call(office_, "POST", "/api/v1/staff",
                      json::serialize(json::object{{"unit_id", UnitId("LP-KT")},
                                                   {"full_name", "TÔ THỊ BÍCH"},
                                                   {"sex", "female"},
                                                   {"birth_date", "02/02/1995"},
                                                   {"citizen_id", "000195000777"},
                                                   {"category", "civil_servant"},
                                                   {"position", "Chuyên viên"},
                                                   {"start_date", "01/07/2025"}}));
  ASSERT_EQ(created.status, 201) << created.body;
  json::value after = json::parse(Call(clerk, "GET", "/api/v1/kpi/me?period=2026M11").body);
  const json::value& amb = after.at("evidence").as_array().at(0);
  EXPECT_TRUE(amb.at("ambiguous").as_bool());
  EXPECT_TRUE(amb.at("count").is_null());
  EXPECT_TRUE(amb.at("rate").is_null());
  // Not part of the score: with the figures gone, her score is what her products gave before.
  EXPECT_EQ(json::serialize(after.at("score")), json::serialize(kpi.at("score")));
  page = Call(clerk, "GET", "/kpi?period=2026M11");
  EXPECT_NE(page.body.find("không tách được"), std::string::npos);
}

TEST_F(Services, TheCounterFormShowsEveryProblemBesideItsFieldAndKeepsWhatWasTyped) {
  auto page = Call(office_, "POST", "/services/dossiers",
                   "applicant_name=&citizen_id=12345&code=HS%2001&channel=counter&"
                   "full_process_online=1&procedure_id=" +
                       std::to_string(0) + "&unit_id=" + std::to_string(UnitId("LP-TTHCC")),
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(page.status, 422);
  size_t messages = 0;
  for (size_t at = 0;
       (at = page.body.find("data-testid=\"field-message\"", at)) != std::string::npos; ++at)
    ++messages;
  EXPECT_EQ(messages, 5u);  // applicant, citizen ID, code, procedure, full-process at the counter
  EXPECT_NE(page.body.find("value=\"HS 01\""), std::string::npos);       // kept as typed
  EXPECT_EQ(page.body.find("field.applicant_name"), std::string::npos);  // no internal key
  // Key task 5's page leads to the register's pages, and says the task's registry is built.
  auto task = Call(office_, "GET", "/tasks/5");
  EXPECT_NE(task.body.find("href=\"/services\""), std::string::npos);
  EXPECT_NE(task.body.find("href=\"/services/dossiers\""), std::string::npos);
  for (const char* path : {"/services", "/services/dossiers?q=nguyen", "/services/procedures",
                           "/services/dossiers/new", "/services/import"}) {
    auto r = Call(office_, "GET", path);
    EXPECT_EQ(r.status, 200) << path;
  }
}

// Key task 5's indicators are computed from the register, not typed: the commune's figure for the
// last closed month is the statistics' full-process rate over that month's window.
TEST_F(Services, TheTaskFiveIndicatorsAreTheRegistersOwnFigures) {
  Period last = reporting::DefaultPeriod(PeriodType::kMonth, clock::Today());
  auto lines = json::parse(
      Call(office_, "GET",
           "/api/v1/communes/" + std::to_string(UnitId("LP")) + "/indicators?period=" + last.Id())
          .body);
  const auto& online = Find(lines.at("items"), "code", "ONLINE_FULL");
  EXPECT_EQ(online.at("source").as_string(), "services.full_process_online");
  json::value s = Stats("from=" + last.WindowStart().ToIso() + "&to=" + last.WindowEnd().ToIso());
  ASSERT_GT(s.at("received").as_int64(), 20);
  EXPECT_NEAR(Num(online.at("value")), Num(s.at("full_process_rate_all")), 1e-9);
  EXPECT_EQ(Num(online.at("numerator")), Num(s.at("full_process_online")));
  const auto& on_time = Find(lines.at("items"), "code", "DOSSIERS_ON_TIME");
  EXPECT_EQ(on_time.at("source").as_string(), "services.on_time");
  EXPECT_NEAR(Num(on_time.at("value")), Num(s.at("on_time_rate")), 1e-9);
  // The second denominator and the online payment rate, the same way.
  const auto& of_dvc = Find(lines.at("items"), "code", "ONLINE_FULL_OF_DVC");
  EXPECT_EQ(of_dvc.at("source").as_string(), "services.full_process_online_procedures");
  EXPECT_NEAR(Num(of_dvc.at("value")), Num(s.at("full_process_rate_online_procedures")), 1e-9);
  const auto& paid = Find(lines.at("items"), "code", "FEES_PAID_ONLINE");
  EXPECT_EQ(paid.at("source").as_string(), "services.online_payment");
  ASSERT_GT(s.at("with_fee").as_int64(), 0);
  EXPECT_NEAR(Num(paid.at("value")), Num(s.at("online_payment_rate")), 1e-9);
  EXPECT_EQ(Num(paid.at("denominator")), Num(s.at("with_fee")));
  // The centre's monthly report no longer asks for it.
  auto form = Call(office_, "GET", "/api/v1/report-forms");
  EXPECT_NE(form.body.find("\"PROJECTS_ON_SCHEDULE\""), std::string::npos)
      << form.body.substr(0, 300);
  EXPECT_EQ(form.body.find("\"ONLINE_FULL\""), std::string::npos);
}

// The statistics are kept as daily counts with every write; counted again here from the dossiers
// themselves (the register's API), for several periods, after an import, a re-import that changes
// rows and results recorded at the counter, they agree.
TEST_F(Services, TheDailyCountsAgreeWithTheDossiersCountedOneByOne) {
  ASSERT_EQ(Import(std::string(kHeader) + kJanuary).status, 200);
  ASSERT_EQ(Import(std::string(kHeader) +
                   "T-C,DEMO-HT-05,2025-01-07,counter,0,2025-01-10,,LP-TTHCC,0\r\n"
                   "T-E,DEMO-HT-04,2024-12-30,online,1,2025-01-02,2025-01-03,LP-TTHCC,1\r\n")
                .status,
            200);
  auto list = json::parse(Call(office_, "GET", "/api/v1/services/dossiers?limit=1").body);
  std::string id = std::to_string(list.at("items").as_array().at(0).at("id").as_int64());
  if (list.at("items").as_array().at(0).at("returned_on").is_null()) {
    ASSERT_EQ(Call(office_, "POST", "/api/v1/services/dossiers/" + id + "/return",
                   "{\"returned_on\":\"2026-11-28\"}")
                  .status,
              200);
  }
  std::vector<json::object> all;
  for (int page = 1;; ++page) {
    auto p = json::parse(
        Call(office_, "GET", "/api/v1/services/dossiers?limit=500&page=" + std::to_string(page))
            .body);
    for (auto& d : p.at("items").as_array()) all.push_back(d.as_object());
    if (p.at("items").as_array().size() < 500) break;
  }
  ASSERT_GT(all.size(), 1000u);
  for (auto [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"2025-01-01", "2025-01-31"},
                                                        {"2025-10-01", "2025-12-31"},
                                                        {"2026-11-01", "2026-11-28"},
                                                        {"2024-01-01", "2026-11-28"}}) {
    long long received = 0, fpo = 0, resolved = 0, early = 0, on_time = 0, late = 0, overdue = 0,
              carried = 0;
    for (const auto& d : all) {
      std::string rec(d.at("received_on").as_string()), due(d.at("due_on").as_string());
      std::string ret =
          d.at("returned_on").is_null() ? "" : std::string(d.at("returned_on").as_string());
      if (rec >= from && rec <= to) {
        ++received;
        fpo += d.at("full_process_online").as_bool();
      }
      if (!ret.empty() && ret >= from && ret <= to) {
        ++resolved;
        (ret < due ? early : ret == due ? on_time : late)++;
      }
      if (rec < from && (ret.empty() || ret >= from)) ++carried;
      if (rec <= to && (ret.empty() || ret > to) && due < to) ++overdue;
    }
    json::value s = Stats("from=" + from + "&to=" + to);
    SCOPED_TRACE(from + ".." + to);
    EXPECT_EQ(s.at("received").as_int64(), received);
    EXPECT_EQ(s.at("full_process_online").as_int64(), fpo);
    EXPECT_EQ(s.at("resolved").as_int64(), resolved);
    EXPECT_EQ(s.at("early").as_int64(), early);
    EXPECT_EQ(s.at("on_time").as_int64(), on_time);
    EXPECT_EQ(s.at("late").as_int64(), late);
    EXPECT_EQ(s.at("overdue_open").as_int64(), overdue);
    EXPECT_EQ(s.at("to_handle").as_int64(), received + carried);
  }
}

// The register and the statistics as spreadsheets, opened by LibreOffice: dates read as dates
// (dd/mm/yyyy), numbers as numbers, words in Vietnamese.
TEST_F(Services, TheRegisterAndTheStatisticsOpenInASpreadsheetAsTheyMean) {
  // LibreOffice's CSV: comma-separated, quoted with ", UTF-8, cells as they are shown.
  const char* kCsvUtf8 = "csv:Text - txt - csv (StarCalc):44,34,76";
  ASSERT_EQ(Import(std::string(kHeader) + kJanuary).status, 200);
  long long seq = AuditSeq();
  auto xlsx = Call(office_, "GET", "/services/dossiers.xlsx?from=2024-12-01&to=2025-01-31");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(AuditSeq(), seq + 1);  // the applicants' names left in a file: audited
  auto sheet = documents::ReadZipEntry(xlsx.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  ASSERT_TRUE(documents::PdfConverterAvailable()) << "LibreOffice is needed to open the file";
  auto csv = documents::ConvertWithLibreOffice(xlsx.body, "xlsx", kCsvUtf8, "csv");
  ASSERT_TRUE(csv);
  // T-C: received 07/01/2025 at the counter, due 10/01/2025, returned 13/01/2025, late.
  EXPECT_NE(csv->find("T-C,Xác nhận tình trạng hôn nhân,Hộ tịch,,07/01/2025,Tại Bộ phận Một "
                      "cửa,Không,10/01/2025,13/01/2025,Trễ hạn,Đã trả kết quả"),
            std::string::npos)
      << csv->substr(0, 1500);
  EXPECT_EQ(csv->find("DEMO-"), std::string::npos);  // no internal codes: names
  // Six dossiers in the selection, numbered.
  EXPECT_NE(csv->find("\n6,T-"), std::string::npos);
  auto stats = Call(office_, "GET", "/services/stats.xlsx?from=2025-01-01&to=2025-01-31");
  ASSERT_EQ(stats.status, 200);
  auto figures = documents::ConvertWithLibreOffice(stats.body, "xlsx", kCsvUtf8, "csv");
  ASSERT_TRUE(figures);
  EXPECT_NE(figures->find("Hồ sơ tiếp nhận,5"), std::string::npos) << figures->substr(0, 1500);
  EXPECT_NE(figures->find("Tỷ lệ toàn trình (trên tổng số hồ sơ),60"), std::string::npos);
  EXPECT_NE(figures->find("Tỷ lệ đúng hạn (trước hạn và đúng hạn),80"), std::string::npos);
}

// The steps after receipt (Decree 118/2025, the forms of Circular 03/2025): each only after the
// statuses that allow it, with its reason and form kept on the timeline; a supplement counts the
// handling time again, an extension sets a new appointment but not the legal one.
TEST_F(Services, StepsAfterReceiptFollowTheStatusAndKeepTheirFormsAndReasons) {
  auto procs = json::parse(Call(office_, "GET", "/api/v1/services/procedures").body);
  long long three_days = Find(procs.at("items"), "code", "DEMO-HT-05").at("id").as_int64();
  auto made = Call(office_, "POST", "/api/v1/services/dossiers",
                   "{\"procedure_id\":" + std::to_string(three_days) +
                       ",\"unit_id\":" + std::to_string(UnitId("LP-TTHCC")) +
                       ",\"applicant_name\":\"Lò Văn Sinh\",\"channel\":\"counter\"}");
  ASSERT_EQ(made.status, 201) << made.body;
  std::string id = std::to_string(json::parse(made.body).at("id").as_int64());
  std::string path = "/api/v1/services/dossiers/" + id + "/steps";
  auto step = [&](const std::string& body) { return Call(office_, "POST", path, body); };
  auto status = [&](const http::Response& r) {
    return std::string(json::parse(r.body).at("status").as_string());
  };
  long long seq = AuditSeq();
  // A supplement request needs its reason; nothing written without it.
  auto no_reason = step(R"({"step": "supplement_request"})");
  ASSERT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_EQ(Problems(no_reason.body), (std::set<std::string>{"0:reason:GEN-0004"}));
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(ErrorCode(step(R"({"step": "xyz"})").body), "SVC-8024");
  auto asked = step(R"({"step": "supplement_request", "reason": "Thiếu bản sao giấy khai sinh"})");
  ASSERT_EQ(asked.status, 200) << asked.body;
  EXPECT_EQ(status(asked), "awaiting_supplement");
  EXPECT_EQ(AuditSeq(), seq + 1);
  // Waiting for the applicant: no result before the supplement.
  auto early = step(R"({"step": "result_ready"})");
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(ErrorCode(early.body), "SVC-8025");
  // Supplemented on Tuesday 1/12/2026: three working days again from that day, Friday 4/12.
  Date today = *Date::ParseIso(kTestToday);
  clock::Install(Clock::Pinned(*Date::ParseIso("2026-12-01")));
  Session later = Login("vanphong");  // the session of 28/11 ended while idle
  auto back = Call(later, "POST", path, R"({"step": "supplement_received"})");
  auto bad_extension =
      Call(later, "POST", path,
           R"({"step": "extend", "reason": "Chờ xác minh", "new_due_on": "2026-12-03"})");
  auto extended =
      Call(later, "POST", path,
           R"({"step": "extend", "reason": "Chờ xác minh", "new_due_on": "2026-12-10"})");
  clock::Install(Clock::Pinned(today));
  office_ = Login("vanphong");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(status(back), "in_process");
  EXPECT_EQ(json::parse(back.body).at("due_on").as_string(), "2026-12-04");
  EXPECT_EQ(Problems(bad_extension.body), (std::set<std::string>{"0:new_due_on:SVC-8026"}));
  ASSERT_EQ(extended.status, 200) << extended.body;
  EXPECT_EQ(status(extended), "extended");
  EXPECT_EQ(json::parse(extended.body).at("due_on").as_string(), "2026-12-04");  // the legal one
  // Stopped, resumed, refused: then nothing more, not even a result.
  EXPECT_EQ(status(step(R"({"step": "pause", "reason": "Chờ ý kiến cơ quan khác"})")), "paused");
  EXPECT_EQ(status(step(R"({"step": "resume"})")), "in_process");
  EXPECT_EQ(status(step(R"({"step": "refuse", "reason": "Không đủ điều kiện"})")), "refused");
  EXPECT_EQ(ErrorCode(step(R"({"step": "withdraw"})").body), "SVC-8025");
  auto ret = Call(office_, "POST", "/api/v1/services/dossiers/" + id + "/return",
                  std::string("{\"returned_on\":\"") + kTestToday + "\"}");
  EXPECT_EQ(ret.status, 409);
  EXPECT_EQ(ErrorCode(ret.body), "SVC-8025");
  // The timeline: each step with its form, reason and new appointment.
  auto page = Call(office_, "GET", "/services/dossiers/" + id);
  EXPECT_NE(page.body.find("Yêu cầu bổ sung, hoàn thiện hồ sơ · Mẫu 02"), std::string::npos);
  EXPECT_NE(page.body.find("Thiếu bản sao giấy khai sinh"), std::string::npos);
  EXPECT_NE(page.body.find("Xin lỗi và gia hạn thời gian giải quyết · Mẫu 04"), std::string::npos);
  EXPECT_NE(page.body.find("data-testid=\"extended-to\">10/12/2026"), std::string::npos);
  EXPECT_NE(page.body.find("Từ chối giải quyết · Mẫu 03"), std::string::npos);
  EXPECT_EQ(page.body.find("data-testid=\"step-form\""), std::string::npos);  // closed
  // Each step's notice for the applicant, as a document LibreOffice reads; a step without a form
  // has none.
  size_t link = page.body.find("/services/dossiers/" + id + "/notices/");
  ASSERT_NE(link, std::string::npos);
  std::string notice_path = page.body.substr(link, page.body.find('"', link) - link);
  auto notice = Call(office_, "GET", notice_path);
  ASSERT_EQ(notice.status, 200) << notice_path;
  ASSERT_TRUE(documents::PdfConverterAvailable());
  auto notice_text =
      documents::ConvertWithLibreOffice(notice.body, "docx", "txt:Text (encoded):UTF8", "txt");
  ASSERT_TRUE(notice_text);
  EXPECT_NE(notice_text->find("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), std::string::npos)
      << notice_text->substr(0, 1200);
  EXPECT_NE(notice_text->find("Thiếu bản sao giấy khai sinh"), std::string::npos);
  // The last step's notice is the refusal, under Mẫu 03's title in Circular 03/2025's Appendix I.
  size_t last = page.body.rfind("/services/dossiers/" + id + "/notices/");
  auto refusal = Call(office_, "GET", page.body.substr(last, page.body.find('"', last) - last));
  ASSERT_EQ(refusal.status, 200);
  auto refusal_text =
      documents::ConvertWithLibreOffice(refusal.body, "docx", "txt:Text (encoded):UTF8", "txt");
  ASSERT_TRUE(refusal_text);
  EXPECT_NE(refusal_text->find("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), std::string::npos)
      << refusal_text->substr(0, 600);
  EXPECT_EQ(Call(office_, "GET", "/services/dossiers/" + id + "/notices/1").status, 404);
  EXPECT_EQ(Call(office_, "GET", "/services/dossiers/" + id + "/notices/99").status, 404);
  // The page's form: a refused step stays on the page with the message beside its field.
  auto made2 = Call(office_, "POST", "/api/v1/services/dossiers",
                    "{\"procedure_id\":" + std::to_string(three_days) +
                        ",\"unit_id\":" + std::to_string(UnitId("LP-TTHCC")) +
                        ",\"applicant_name\":\"A\",\"channel\":\"counter\"}");
  std::string id2 = std::to_string(json::parse(made2.body).at("id").as_int64());
  auto form = Call(office_, "POST", "/services/dossiers/" + id2 + "/steps",
                   "step=pause&on=28%2F11%2F2026&reason=", "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 422);
  EXPECT_NE(form.body.find("id=\"reason-msg\""), std::string::npos);
  EXPECT_NE(form.body.find("value=\"pause\" selected"), std::string::npos);
  // Only those who handle dossiers record steps.
  Session head = Login("truongthon");
  EXPECT_EQ(Call(head, "POST", "/api/v1/services/dossiers/" + id2 + "/steps",
                 R"({"step": "assign", "handler": "X"})")
                .status,
            403);
}

// A source's export with title rows and headers of its own: refused until its columns are mapped,
// then read through the mapping saved under the source's name (the API and the mapping screen).
TEST_F(Services, AnExportWithItsOwnHeadersIsMappedOnceAndReadThroughItsMappingAfter) {
  const std::string file =
      "DANH SÁCH HỒ SƠ,,,,,,\r\nTháng 01/2025,,,,,,\r\n"
      "Số biên nhận,Mã TTHC,Nhận lúc,Kênh,Toàn trình,Hẹn,Trả lúc\r\n"
      "M-1,DEMO-HT-05,2025-01-06,online,1,2025-01-09,2025-01-08\r\n";
  auto unmapped = Import(file);
  EXPECT_EQ(ErrorCode(unmapped.body), "SVC-8012");
  long long seq = AuditSeq();
  auto bad = Call(
      office_, "POST", "/api/v1/services/import-mappings",
      R"({"source": " ", "header_row": 0, "columns": {"A": "ma_xa", "B": "code", "C": "code"}})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Problems(bad.body),
            (std::set<std::string>{"0:source:GEN-0004", "0:header_row:GEN-0014",
                                   "0:columns:SVC-8029", "0:columns:SVC-8030"}));
  EXPECT_EQ(AuditSeq(), seq);
  auto saved = Call(office_, "POST", "/api/v1/services/import-mappings",
                    R"({"source": "Một cửa thành phố", "header_row": 3, "columns": {
                        "Số biên nhận": "code", "Mã TTHC": "procedure_code", "Nhận lúc": "received_on",
                        "Kênh": "channel", "Toàn trình": "full_process_online", "Hẹn": "due_on",
                        "Trả lúc": "returned_on"}})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(AuditSeq(), seq + 1);
  auto mapped =
      Call(office_, "POST",
           "/api/v1/services/dossiers/import?mapping=" + http::UrlEncode("Một cửa thành phố"), file,
           "text/csv");
  ASSERT_EQ(mapped.status, 200) << mapped.body;
  EXPECT_EQ(json::parse(mapped.body).at("created").as_int64(), 1);
  auto one = json::parse(Call(office_, "GET", "/api/v1/services/dossiers?q=M-1").body);
  EXPECT_EQ(Find(one.at("items"), "code", "M-1").at("returned_on").as_string(), "2025-01-08");
  EXPECT_EQ(ErrorCode(Call(office_, "POST", "/api/v1/services/dossiers/import?mapping=khong-co",
                           file, "text/csv")
                          .body),
            "SVC-8031");
  // The mapping screen: the columns of the chosen header row with the dictionary's guesses, then
  // the import with the columns as chosen, remembered under a second name.
  std::string form =
      "text=" + http::UrlEncode(file) + "&source=" + http::UrlEncode("Nguồn hai") + "&header_row=3";
  auto preview = Call(office_, "POST", "/services/import/mapping", form + "&preview=1", kForm);
  ASSERT_EQ(preview.status, 200) << preview.body.substr(0, 300);
  EXPECT_NE(preview.body.find("name=\"h0\" value=\"Số biên nhận\""), std::string::npos);
  EXPECT_NE(preview.body.find(">M-1<"), std::string::npos);  // a value of the column
  const char* targets[] = {"code",       "procedure_code",      "received_on",
                           "channel",    "full_process_online", "due_on",
                           "returned_on"};
  const char* headers[] = {"Số biên nhận", "Mã TTHC", "Nhận lúc", "Kênh",
                           "Toàn trình",   "Hẹn",     "Trả lúc"};
  std::string chosen = form;
  for (int i = 0; i < 7; ++i)
    chosen += "&h" + std::to_string(i) + "=" + http::UrlEncode(headers[i]) + "&c" +
              std::to_string(i) + "=" + targets[i];
  auto twice =
      Call(office_, "POST", "/services/import/mapping",
           std::string(chosen).replace(chosen.find("&c1=procedure_code"), 18, "&c1=code"), kForm);
  EXPECT_EQ(twice.status, 422);
  EXPECT_NE(twice.body.find("id=\"columns\""), std::string::npos);
  auto imported = Call(office_, "POST", "/services/import/mapping", chosen, kForm);
  ASSERT_EQ(imported.status, 200) << imported.body.substr(0, 500);
  EXPECT_NE(imported.body.find("data-testid=\"import-done\""), std::string::npos);
  auto list = json::parse(Call(office_, "GET", "/api/v1/services/import-mappings").body);
  EXPECT_EQ(list.at("items").as_array().size(), 2u);
  EXPECT_EQ(Find(list.at("items"), "source", "Nguồn hai").at("header_row").as_int64(), 3);
  // The import form offers them; a village head may not map anything.
  EXPECT_NE(Call(office_, "GET", "/services/import").body.find("<option value=\"Nguồn hai\">"),
            std::string::npos);
  Session head = Login("truongthon");
  EXPECT_EQ(Call(head, "POST", "/api/v1/services/import-mappings", "{}").status, 403);
}

}  // namespace kientao::testing
