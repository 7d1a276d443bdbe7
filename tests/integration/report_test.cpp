// Periodic reports through the router on the backend under test: the workflow with its permissions
// (a village head submits, the office returns and approves; nobody decides on their own report;
// approved reports lock; corrections are new versions), completeness, the bad-input list (each a
// code, nothing written), and the commune's consolidated report with its DOCX and XLSX read back.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "app/demo_data.hpp"
#include "base/clock.hpp"
#include "modules/documents/zip_archive.hpp"
#include "modules/reporting/web/report_web.hpp"
#include "store/audit_log.hpp"
#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace {
// What xmllint says of an ADX message against src/modules/reporting/schemas/adx.xsd ("" when
// valid).
std::string AdxSchemaProblems(const std::string& xml) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kientao-adx-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "message.xml") << xml;
  std::string cmd = "xmllint --noout --schema '" KIENTAO_SOURCE_DIR
                    "/src/modules/reporting/schemas/adx.xsd' '" +
                    (dir / "message.xml").string() + "' > '" + (dir / "out").string() + "' 2>&1";
  int rc = std::system(cmd.c_str());
  std::ifstream in(dir / "out");
  std::stringstream out;
  out << in.rdbuf();
  fs::remove_all(dir);
  return rc == 0 ? "" : "xmllint: " + out.str();
}
}  // namespace

namespace json = boost::json;

class Reports : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    office_ = Login("vanphong");
    village_ = Login("truongthon");
    admin_ = Login("quantri");
  }
  static long long FormId(const std::string& code) {
    store::Conn c = app_->db().Lease();
    return c.QueryOne("SELECT id FROM report_forms WHERE code = :1", {code})->Int(0);
  }
  static std::string Period() {
    return reporting::DefaultPeriod(PeriodType::kMonth, clock::Today()).Id();
  }
  static std::string VillageBody(long long unit, const std::string& period, double poor,
                                 double households, double sorted, const std::string& extra = "") {
    return json::serialize(json::object{
        {"form_id", FormId("BC-THON-THANG")},
        {"unit_id", unit},
        {"period", period},
        {"values", json::array{json::object{{"indicator", "HOUSEHOLDS"}, {"numerator", households}},
                               json::object{{"indicator", "POOR_HH"}, {"numerator", poor}},
                               json::object{{"indicator", "WASTE_SORTED"},
                                            {"numerator", sorted},
                                            {"denominator", households}}}},
        {"narratives",
         json::array{json::object{{"key_no", 7},
                                  {"results", "Thôn Đông Hải kèm cặp 4 hộ nghèo" + extra}}}}});
  }
  static json::object Json(const http::Response& r) { return json::parse(r.body).as_object(); }
  void ExpectRefused(const http::Response& resp, int status, const std::string& code,
                     const std::string& field, long long seq) {
    EXPECT_EQ(resp.status, status) << resp.body;
    EXPECT_EQ(ErrorCode(resp.body), code) << resp.body;
    if (!field.empty()) {
      EXPECT_EQ(ErrorField(resp.body), field) << resp.body;
    }
    EXPECT_EQ(AuditSeq(), seq) << "something was written";
  }
  static Session office_, village_, admin_;
};
Session Reports::office_, Reports::village_, Reports::admin_;

TEST_F(Reports, VillageHeadSubmitsOfficeReturnsThenApprovesAndTheCommuneReportHasIt) {
  long long t01 = UnitId("LP-T01");
  std::string period = Period();
  long long form = FormId("BC-THON-THANG");
  auto status = Json(Call(
      office_, "GET", "/api/v1/report-forms/" + std::to_string(form) + "/status?period=" + period));
  long long received = status.at("received").as_int64();
  bool t01_missing = false;
  for (auto& m : status.at("missing").as_array()) t01_missing = t01_missing || m.as_int64() == t01;
  ASSERT_TRUE(t01_missing) << "the demo leaves Thôn Đông Hải's report missing";
  // The completeness page marks exactly the reports sent on time "đúng hạn" and the late ones
  // "trễ hạn": a unit that has sent nothing is neither (it took the page's count before).
  auto page = Call(office_, "GET", "/reports/" + std::to_string(form) + "/" + period);
  ASSERT_EQ(page.status, 200);
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t p = page.body.find(needle); p != std::string::npos;
         p = page.body.find(needle, p + 1))
      ++n;
    return static_cast<long long>(n);
  };
  EXPECT_EQ(count("badge text-bg-success\">đúng hạn"), status.at("on_time").as_int64());
  EXPECT_EQ(count("badge text-bg-success\">đúng hạn") + count("badge text-bg-danger\">trễ hạn"),
            received);

  auto sent =
      Call(village_, "POST", "/api/v1/reports/submit", VillageBody(t01, period, 4, 215, 150));
  ASSERT_EQ(sent.status, 200) << sent.body;
  auto s = Json(sent);
  EXPECT_EQ(s.at("status").as_string(), "submitted");
  long long id = s.at("id").as_int64();
  std::string path = "/api/v1/reports/" + std::to_string(id);

  long long seq = AuditSeq();
  ExpectRefused(
      Call(village_, "POST", "/api/v1/reports/submit", VillageBody(t01, period, 4, 215, 150)), 409,
      "REP-4007", "", seq);  // submitting twice
  ExpectRefused(Call(village_, "POST", path + "/approve", "{}"), 403, "GEN-0011", "",
                seq);  // not theirs to approve
  ExpectRefused(Call(office_, "POST", path + "/return", "{}"), 422, "GEN-0004", "reason", seq);

  auto ret = Call(office_, "POST", path + "/return", R"({"reason": "Thiếu số hộ phân loại rác"})");
  ASSERT_EQ(ret.status, 200) << ret.body;
  EXPECT_EQ(Json(ret).at("status").as_string(), "returned");
  EXPECT_EQ(Json(ret).at("return_reason").as_string(), "Thiếu số hộ phân loại rác");

  auto again = Call(village_, "POST", "/api/v1/reports/submit",
                    VillageBody(t01, period, 4, 215, 170, " (đã sửa)"));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json(again).at("status").as_string(), "submitted");
  EXPECT_EQ(Json(again).at("id").as_int64(), id);  // the same report, resubmitted

  auto ok = Call(office_, "POST", path + "/approve", "{}");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json(ok).at("status").as_string(), "approved");
  seq = AuditSeq();
  ExpectRefused(
      Call(village_, "POST", "/api/v1/reports/save", VillageBody(t01, period, 1, 215, 170)), 409,
      "REP-4008", "", seq);  // approved reports are locked

  status = Json(Call(office_, "GET",
                     "/api/v1/report-forms/" + std::to_string(form) + "/status?period=" + period));
  EXPECT_EQ(status.at("received").as_int64(), received + 1);

  // The office consolidates: the village's narrative and its households are in the commune report.
  auto built =
      Call(office_, "POST", "/api/v1/communes/" + std::to_string(UnitId("LP")) + "/reports",
           json::serialize(json::object{{"period", period}}));
  ASSERT_EQ(built.status, 201) << built.body;
  auto rep = Json(built);
  std::string task7;
  for (auto& sec : rep.at("sections").as_array())
    if (sec.at("key_no").as_int64() == 7) task7 = std::string(sec.at("body").as_string());
  EXPECT_NE(task7.find("Thôn Đông Hải: Thôn Đông Hải kèm cặp 4 hộ nghèo (đã sửa)"),
            std::string::npos)
      << task7;
  // Households: the sum of the approved villages' figures (ratio of sums for percents).
  double households = 0, sorted = 0, sorted_den = 0;
  {
    store::Conn c = app_->db().Lease();
    for (auto& r :
         c.Query("SELECT i.code, v.numerator, COALESCE(v.denominator, 0) FROM report_values v "
                 "JOIN submissions s ON s.id = v.submission_id JOIN indicators i ON i.id = "
                 "v.indicator_id WHERE s.status = 'approved' AND s.period_id = :1",
                 {period})) {
      if (r.Str(0) == "HOUSEHOLDS") households += r.Num(1);
      if (r.Str(0) == "WASTE_SORTED") sorted += r.Num(1), sorted_den += r.Num(2);
    }
  }
  EXPECT_GT(households, 0);
  EXPECT_DOUBLE_EQ(Find(rep.at("indicators"), "code", "HOUSEHOLDS").at("value").to_number<double>(),
                   households);
  EXPECT_NEAR(Find(rep.at("indicators"), "code", "WASTE_SORTED").at("value").to_number<double>(),
              sorted / sorted_den * 100, 1e-9);
}

TEST_F(Reports, BadInputGetsACodeAndWritesNothing) {
  long long t01 = UnitId("LP-T01");
  std::string period = reporting::PreviousPeriod(*::kientao::Period::Parse(Period())).Id();
  // Thôn Đông Hải's report of the month before is approved in the demo; use the current open month.
  std::string open = ::kientao::Period::Containing(PeriodType::kMonth, clock::Today()).Id();
  long long seq = AuditSeq();
  long long n = Count("submissions");
  auto body = [&](const std::string& values, long long unit = 0, const std::string& per = "") {
    return "{\"form_id\": " + std::to_string(FormId("BC-THON-THANG")) +
           ", \"unit_id\": " + std::to_string(unit ? unit : t01) + ", \"period\": \"" +
           (per.empty() ? open : per) + "\", \"values\": [" + values + "]}";
  };
  ExpectRefused(
      Call(village_, "POST", "/api/v1/reports/save",
           body(R"({"indicator": "WASTE_SORTED", "numerator": 301, "denominator": 300})")),
      422, "IND-5001", "WASTE_SORTED", seq);
  ExpectRefused(Call(village_, "POST", "/api/v1/reports/save",
                     body(R"({"indicator": "POOR_HH", "numerator": -1})")),
                422, "IND-5002", "POOR_HH", seq);
  ExpectRefused(Call(village_, "POST", "/api/v1/reports/save",
                     body(R"({"indicator": "POOR_HH", "numerator": 1.5})")),
                422, "IND-5004", "POOR_HH", seq);
  ExpectRefused(Call(village_, "POST", "/api/v1/reports/save",
                     body(R"({"indicator": "SIPAS", "numerator": 1, "denominator": 2})")),
                422, "REP-4012", "SIPAS", seq);  // not on the village form
  ExpectRefused(Call(village_, "POST", "/api/v1/reports/save",
                     body(R"({"indicator": "POOR_HH", "numerator": "nhiều"})")),
                422, "GEN-0002", "numerator", seq);
  ExpectRefused(Call(office_, "POST", "/api/v1/reports/save", body("", UnitId("LP-KT"))), 422,
                "REP-4005", "unit_id", seq);  // a unit outside the form
  ExpectRefused(Call(village_, "POST", "/api/v1/reports/save", body("", UnitId("LP-T02"))), 422,
                "REP-4005", "unit_id", seq);  // another village is not on the village head's form
  ExpectRefused(Call(village_, "POST", "/api/v1/reports/save", body("", 0, "2026Q3")), 422,
                "REP-4006", "period", seq);
  ExpectRefused(Call(village_, "POST", "/api/v1/reports/save", body("", 0, "2031M05")), 422,
                "REP-4013", "period", seq);
  ExpectRefused(Call(village_, "POST", "/api/v1/reports/save", body("", 0, "2026M13")), 404,
                "REP-4001", "period", seq);
  // A validation rule: more poor households than households blocks submission without a reason.
  auto rules = Call(
      village_, "POST", "/api/v1/reports/submit",
      body(
          R"({"indicator": "POOR_HH", "numerator": 20}, {"indicator": "HOUSEHOLDS", "numerator": 10})"));
  ExpectRefused(rules, 422, "REP-4011", "justification", seq);
  EXPECT_EQ(json::parse(rules.body).at("error").at("details").as_array().size(), 1u) << rules.body;
  EXPECT_NE(rules.body.find("Số hộ nghèo không vượt quá tổng số hộ"), std::string::npos)
      << rules.body;
  EXPECT_EQ(Count("submissions"), n);
  // With a justification it goes through.
  std::string justified = body(
      R"({"indicator": "POOR_HH", "numerator": 20}, {"indicator": "HOUSEHOLDS", "numerator": 10})");
  justified.insert(justified.size() - 1,
                   ", \"justification\": \"Số hộ đang rà soát lại theo địa bàn mới\"");
  auto ok = Call(village_, "POST", "/api/v1/reports/submit", justified);
  EXPECT_EQ(ok.status, 200) << ok.body;
  (void)period;
}

TEST_F(Reports, NobodyApprovesTheirOwnReportAndCorrectionsAreNewVersions) {
  long long vp = UnitId("LP-VP");
  std::string open = ::kientao::Period::Containing(PeriodType::kMonth, clock::Today()).Id();
  std::string body =
      "{\"form_id\": " + std::to_string(FormId("BC-DONVI-THANG")) +
      ", \"unit_id\": " + std::to_string(vp) + ", \"period\": \"" + open +
      R"(", "values": [{"indicator": "KPI_ASSESSED", "numerator": 7, "denominator": 8}]})";
  auto sent = Call(office_, "POST", "/api/v1/reports/submit", body);
  ASSERT_EQ(sent.status, 200) << sent.body;
  std::string path = "/api/v1/reports/" + std::to_string(Json(sent).at("id").as_int64());
  long long seq = AuditSeq();
  ExpectRefused(Call(office_, "POST", path + "/approve", "{}"), 422, "REP-4009", "", seq);
  ASSERT_EQ(Call(admin_, "POST", path + "/approve", "{}").status, 200);
  // A correction: version 2 as a draft; version 1 stays in force until version 2 is approved.
  auto v2 = Call(office_, "POST", path + "/reopen", "{}");
  ASSERT_EQ(v2.status, 201) << v2.body;
  EXPECT_EQ(Json(v2).at("version").as_int64(), 2);
  EXPECT_EQ(Json(v2).at("status").as_string(), "draft");
  EXPECT_EQ(Json(Call(office_, "GET", path)).at("status").as_string(), "approved");
  std::string fixed = body;
  fixed.replace(fixed.find("\"numerator\": 7"), 14, "\"numerator\": 8");
  ASSERT_EQ(Call(office_, "POST", "/api/v1/reports/submit", fixed).status, 200);
  std::string v2_path = "/api/v1/reports/" + std::to_string(Json(v2).at("id").as_int64());
  ASSERT_EQ(Call(admin_, "POST", v2_path + "/approve", "{}").status, 200);
  EXPECT_EQ(Json(Call(office_, "GET", path)).at("status").as_string(), "superseded");
  seq = AuditSeq();
  ExpectRefused(Call(office_, "POST", path + "/reopen", "{}"), 409, "REP-4008", "", seq);
}

TEST_F(Reports, TheIssuedCommuneReportIsADecree30DocxWithItsNumberAndAnXlsxAnnex) {
  std::string period = Period();
  long long lp = UnitId("LP");
  auto built = Call(office_, "POST", "/api/v1/communes/" + std::to_string(lp) + "/reports",
                    json::serialize(json::object{{"period", period}}));
  ASSERT_EQ(built.status, 201) << built.body;
  long long id = Json(built).at("id").as_int64();
  std::string path = "/api/v1/commune-reports/" + std::to_string(id);
  long long seq = AuditSeq();
  ExpectRefused(Call(office_, "POST", path + "/issue", "{}"), 422, "GEN-0004", "signer", seq);
  auto edited = Call(
      office_, "POST", path,
      R"({"signer": "Trần Thị Thu Hà", "signer_authority": "KT. CHỦ TỊCH", "signer_title": "PHÓ CHỦ TỊCH",
                         "sections": [{"key_no": 4, "body": "Đã bồi dưỡng kỹ năng số cho cán bộ.\nTiếp tục trong tháng tới."}]})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto issued = Call(office_, "POST", path + "/issue", "{}");
  ASSERT_EQ(issued.status, 200) << issued.body;
  // The demo issued No. 01 for the month before; numbers run on within the year.
  std::string number = std::string(Json(issued).at("number").as_string());
  EXPECT_EQ(number, "02/BC-UBND");
  seq = AuditSeq();
  ExpectRefused(Call(office_, "POST", path, R"({"signer": "Ai đó"})"), 409, "REP-4016", "", seq);

  auto docx = Call(office_, "GET", "/commune-reports/" + std::to_string(id) + "/docx");
  ASSERT_EQ(docx.status, 200);
  auto xml = documents::ReadZipEntry(docx.body, "word/document.xml");
  ASSERT_TRUE(xml);
  for (std::string part : std::vector<std::string>{
           "ỦY BAN NHÂN DÂN", "XÃ LẠC PHƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "Số: " + number, "BÁO CÁO",
           "Nơi nhận:", "- UBND thành phố Hải Phòng;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
           "Trần Thị Thu Hà", "Tiếp tục trong tháng tới.", "IV. "})
    EXPECT_NE(xml->find(part), std::string::npos) << part;
  // The commune mid-sentence in lower case, and the dispatch cited with its number and date.
  EXPECT_EQ(xml->find("Ủy ban nhân dân Xã"), std::string::npos);
  EXPECT_NE(
      xml->find("Ủy ban nhân dân xã Lạc Phương báo cáo kết quả thực hiện 10 nhiệm vụ trọng tâm"),
      std::string::npos);
  EXPECT_NE(xml->find("Thực hiện Công văn số       /UBND-VP ngày 20/4/2026 của Ủy ban nhân dân xã "
                      "Lạc Phương về việc triển khai Kế hoạch số 130/KH-UBND"),
            std::string::npos);
  // The two lines of the edited section are two paragraphs.
  EXPECT_NE(xml->find("Đã bồi dưỡng kỹ năng số cho cán bộ.</w:t></w:r></w:p>"), std::string::npos);
  auto xlsx = Call(office_, "GET", "/commune-reports/" + std::to_string(id) + "/xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto sheet = documents::ReadZipEntry(xlsx.body, "xl/worksheets/sheet2.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("<v>"), std::string::npos);  // numbers as numbers
  auto strings = documents::ReadZipEntry(xlsx.body, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  EXPECT_NE(strings->find("Cán bộ, công chức được bồi dưỡng kỹ năng số"), std::string::npos);
  // What officials receive names things in Vietnamese: no indicator codes (KEY_TASKS_ON_TRACK),
  // no provider names (staffing.quota); the issuer and the motto head every sheet.
  std::smatch code;
  EXPECT_FALSE(std::regex_search(*strings, code, std::regex("[A-Z]{2,}_[A-Z_]+"))) << code.str();
  EXPECT_FALSE(
      std::regex_search(*strings, code, std::regex("(staffing|kpi|org|directive)\\.[a-z_]+")))
      << code.str();
  EXPECT_NE(strings->find("Tự động: biên chế và danh sách cán bộ"), std::string::npos);
  EXPECT_NE(strings->find("XÃ LẠC PHƯƠNG"), std::string::npos);
  EXPECT_NE(strings->find("Độc lập - Tự do - Hạnh phúc"), std::string::npos);

  // The pages: the consolidation page shows it issued; the village head cannot rebuild it.
  auto page = Call(office_, "GET", "/commune-reports?period=" + period);
  EXPECT_NE(page.body.find("data-testid=\"issued\""), std::string::npos);
  EXPECT_EQ(Call(village_, "POST", "/commune-reports", "period=" + period,
                 "application/x-www-form-urlencoded")
                .status,
            403);
}

TEST_F(Reports, TheIssuedReportGoesToTheCityAsAPackageImportedOnceAndValidated) {
  long long report;
  std::string period;
  {
    store::Conn c = app_->db().Lease();
    auto r =
        c.QueryOne("SELECT id, period_id FROM commune_reports WHERE status = 'issued' ORDER BY id");
    ASSERT_TRUE(r) << "the demo issues one commune report";
    report = r->Int(0);
    period = r->Str(1);
  }
  auto pkg = Call(office_, "GET", "/api/v1/commune-reports/" + std::to_string(report) + "/package");
  ASSERT_EQ(pkg.status, 200) << pkg.body;
  auto p = Json(pkg);
  EXPECT_EQ(p.at("format").as_string(), "kientao.commune-report/1");
  EXPECT_EQ(p.at("commune").at("code").as_string(), "LP");
  EXPECT_EQ(p.at("report").at("number").as_string(), "01/BC-UBND");
  EXPECT_GT(p.at("indicators").as_array().size(), 5u);
  // Counts are JSON integers (a receiver reading "2.1E1" for 21 households is right to refuse it).
  EXPECT_TRUE(Find(p.at("indicators"), "code", "HOUSEHOLDS").at("value").is_int64()) << pkg.body;
  auto adx = Call(office_, "GET", "/api/v1/commune-reports/" + std::to_string(report) + "/adx");
  ASSERT_EQ(adx.status, 200);
  EXPECT_NE(adx.body.find("xmlns=\"urn:ihe:qrph:adx:2015\""), std::string::npos);
  EXPECT_NE(adx.body.find("dataElement=\"HOUSEHOLDS\""), std::string::npos);
  // The period is the calendar month's first day (DHIS2 files it under that month), not the data
  // window's (15th of the month before), and the message is valid against the ADX schema.
  auto pp = ::kientao::Period::Parse(period);
  EXPECT_NE(adx.body.find(fmt::format("period=\"{:04}-{:02}-01/P1M\"", pp->year(), pp->index())),
            std::string::npos)
      << adx.body.substr(0, 400);
  EXPECT_EQ(AdxSchemaProblems(adx.body), "");
  // The schema itself refuses what receivers refuse: an exponent, and the window's first day.
  std::string exponent =
      std::regex_replace(adx.body, std::regex(R"(value="[0-9.]+")"), "value=\"1.23457e+06\"");
  EXPECT_NE(AdxSchemaProblems(exponent), "");
  std::string window = std::regex_replace(adx.body, std::regex(R"(period="[0-9]{4}-[0-9]{2}-01/)"),
                                          "period=\"2026-10-15/");
  EXPECT_NE(AdxSchemaProblems(window), "");

  long long seq = AuditSeq();
  long long packages = Count("city_packages");
  // Refused: another commune, a malformed package, an unknown indicator, a percent over 100.
  auto other = p;
  other["commune"].as_object()["code"] = "XA-KHAC";
  ExpectRefused(Call(admin_, "POST", "/api/v1/city/packages", json::serialize(other)), 422,
                "REP-4018", "commune", seq);
  ExpectRefused(Call(admin_, "POST", "/api/v1/city/packages", "{\"format\": 1"), 400, "GEN-0001",
                "package", seq);
  auto bad = p;
  bad["indicators"].as_array().push_back(json::object{{"code", "KHONG_CO"}, {"numerator", 1}});
  bad["indicators"].as_array().push_back(
      json::object{{"code", "SIPAS"}, {"numerator", 200}, {"denominator", 100}});
  auto refused = Call(admin_, "POST", "/api/v1/city/packages", json::serialize(bad));
  ExpectRefused(refused, 422, "REP-4019", "package", seq);
  EXPECT_EQ(json::parse(refused.body).at("error").at("details").as_array().size(), 2u)
      << refused.body;
  EXPECT_EQ(Call(office_, "POST", "/api/v1/city/packages", pkg.body).status,
            403);  // the office does not import
  EXPECT_EQ(Count("city_packages"), packages);

  // Imported once; the same package again changes nothing.
  auto first = Call(admin_, "POST", "/api/v1/city/packages", pkg.body);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_TRUE(Json(first).at("changed").as_bool());
  seq = AuditSeq();
  auto second = Call(admin_, "POST", "/api/v1/city/packages", pkg.body);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_FALSE(Json(second).at("changed").as_bool());
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(Count("city_packages"), packages + 1);

  // The city view: the commune with its issued report, and the indicators rolled up.
  Session city = Login("giamsat");
  auto view = Json(Call(city, "GET", "/api/v1/city?period=" + period));
  ASSERT_EQ(view.at("communes").as_array().size(), 1u);
  EXPECT_EQ(view.at("communes").as_array()[0].at("report_status").as_string(), "issued");
  EXPECT_EQ(view.at("communes").as_array()[0].at("number").as_string(), "01/BC-UBND");
  double households = 0;
  households = Find(p.at("indicators"), "code", "HOUSEHOLDS").at("value").to_number<double>();
  EXPECT_GT(households, 0);
  EXPECT_DOUBLE_EQ(
      Find(view.at("indicators"), "code", "HOUSEHOLDS").at("value").to_number<double>(),
      households);
  EXPECT_EQ(Call(city, "GET", "/city?period=" + period).status, 200);
  EXPECT_EQ(Call(village_, "GET", "/api/v1/city?period=" + period).status, 403);
}

// A commune's administrator checks their own commune's reports with their rules, cannot add
// indicators for every commune, and cannot delete the installation's rules; a rule can be deleted
// by who owns it, audited with its commune.
TEST_F(Reports, ACommunesAdministratorsRulesStayInTheirCommuneAndCanBeDeleted) {
  {
    Principal su = app::App::Superuser();
    Actor root{su, "cli", ""};
    app_->auth().CreateUser(root,
                            {"quantrixa", "Quản trị xã", app::DemoPassword(), 0, "admin", "LP"});
  }
  Session commune_admin = Login("quantrixa");
  long long seq = AuditSeq();
  auto indicator = Call(commune_admin, "POST", "/api/v1/indicators",
                        R"({"code": "XA_RIENG", "name_vi": "Chỉ tiêu riêng", "kind": "count"})");
  EXPECT_EQ(indicator.status, 403);
  EXPECT_EQ(ErrorCode(indicator.body), "REP-4035");
  EXPECT_EQ(AuditSeq(), seq);
  auto rule = Call(commune_admin, "POST", "/api/v1/indicator-rules",
                   R"({"name_vi": "Hộ nghèo ít hơn số hộ", "left": "POOR_HH", "operator": "<",)"
                   R"( "right": "HOUSEHOLDS"})");
  ASSERT_EQ(rule.status, 201) << rule.body;
  long long own = Json(rule).at("id").as_int64();
  long long lp = UnitId("LP");
  store::Conn c = app_->db().Lease();
  std::string lp_path = c.QueryOne("SELECT path FROM org_units WHERE id = :1", {lp})->Str(0);
  auto ids = [&](const std::string& path) {
    std::set<long long> out;
    for (auto& r : app_->indicators().Rules(c, path)) out.insert(r.id);
    return out;
  };
  EXPECT_TRUE(ids(lp_path).count(own));        // checks Lạc Phương's reports
  EXPECT_FALSE(ids("/1/987654/").count(own));  // not another commune's
  long long global = c.QueryOne("SELECT MIN(id) FROM indicator_rules")->Int(0);
  EXPECT_TRUE(ids("/1/987654/").count(global));  // the installation's rule checks every one
  EXPECT_EQ(store::ListAudit(c, {"indicator_rule", "quantrixa", {}, 0, 1}).front().commune_id, lp);
  // The installation's rule is not theirs to delete; their own is.
  seq = AuditSeq();
  auto theirs = Call(commune_admin, "DELETE", "/api/v1/indicator-rules/" + std::to_string(global));
  EXPECT_EQ(theirs.status, 403);
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_TRUE(ids("").count(global));
  auto mine = Call(commune_admin, "DELETE", "/api/v1/indicator-rules/" + std::to_string(own));
  EXPECT_EQ(mine.status, 200) << mine.body;
  EXPECT_FALSE(ids("").count(own));
  auto deleted = store::ListAudit(c, {"indicator_rule", "quantrixa", {}, 0, 1}).front();
  EXPECT_EQ(deleted.action, "delete");
  EXPECT_EQ(deleted.commune_id, lp);
  EXPECT_EQ(Call(commune_admin, "DELETE", "/api/v1/indicator-rules/" + std::to_string(own)).status,
            404);
  // The catalogue page's delete button does the same.
  auto again =
      Call(commune_admin, "POST", "/api/v1/indicator-rules",
           R"({"name_vi": "Lần hai", "left": "POOR_HH", "operator": "<=", "right": "HOUSEHOLDS"})");
  ASSERT_EQ(again.status, 201);
  long long second = Json(again).at("id").as_int64();
  EXPECT_EQ(Call(commune_admin, "POST", "/indicator-rules/" + std::to_string(second) + "/delete",
                 "", "application/x-www-form-urlencoded")
                .status,
            303);
  EXPECT_FALSE(ids("").count(second));
  // The city's administrator may delete the installation's rules.
  EXPECT_EQ(Call(admin_, "DELETE", "/api/v1/indicator-rules/" + std::to_string(global)).status,
            200);
  EXPECT_FALSE(ids("").count(global));
}

TEST_F(Reports, TheCatalogueTargetsRulesAndNewFormsAreManagedWithChecks) {
  long long seq = AuditSeq();
  auto def = [&](const std::string& body) {
    return Call(admin_, "POST", "/api/v1/indicators", body);
  };
  EXPECT_EQ(ErrorCode(def(R"({"code": "abc", "name_vi": "X", "kind": "count"})").body), "IND-5008");
  EXPECT_EQ(
      ErrorCode(
          def(R"({"code": "VACCINATED", "name_vi": "Trẻ em được tiêm chủng", "kind": "percent", "aggregation": "sum"})")
              .body),
      "GEN-0014");  // never an average or a sum of percents
  EXPECT_EQ(ErrorCode(def(R"({"code": "HOUSEHOLDS", "name_vi": "Hộ", "kind": "count"})").body),
            "IND-5009");
  EXPECT_EQ(Call(office_, "POST", "/api/v1/indicators",
                 R"({"code": "X1", "name_vi": "X", "kind": "count"})")
                .status,
            403);
  EXPECT_EQ(AuditSeq(), seq);
  auto made = def(
      R"({"code": "VACCINATED", "name_vi": "Trẻ em được tiêm chủng đầy đủ", "kind": "percent", "unit": "trẻ", "key_no": 7})");
  ASSERT_EQ(made.status, 201) << made.body;

  seq = AuditSeq();
  auto rule = [&](const std::string& body) {
    return Call(admin_, "POST", "/api/v1/indicator-rules", body);
  };
  EXPECT_EQ(
      ErrorCode(
          rule(R"({"name_vi": "r", "left": "KHONG_CO", "operator": "<=", "right": "HOUSEHOLDS"})")
              .body),
      "IND-5006");
  EXPECT_EQ(
      ErrorCode(
          rule(R"({"name_vi": "r", "left": "VACCINATED +", "operator": "<=", "right": "1"})").body),
      "IND-5005");
  EXPECT_EQ(
      ErrorCode(
          rule(R"({"name_vi": "r", "left": "VACCINATED", "operator": "=>", "right": "1"})").body),
      "GEN-0014");
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(
      rule(
          R"({"name_vi": "Trẻ được tiêm không quá số trẻ", "left": "VACCINATED", "operator": "<=", "right": "VACCINATED.den"})")
          .status,
      201);

  std::string period = Period();
  seq = AuditSeq();
  auto target = [&](const std::string& code, const std::string& value) {
    return Call(office_, "POST", "/api/v1/indicators/" + code + "/targets",
                "{\"period\": \"" + period + "\", \"target\": " + value + "}");
  };
  EXPECT_EQ(ErrorCode(target("ONLINE_FULL", "120").body), "IND-5010");
  EXPECT_EQ(ErrorCode(target("ONLINE_FULL", "-1").body), "IND-5002");
  EXPECT_EQ(ErrorCode(target("KHONG_CO", "1").body), "IND-5006");
  EXPECT_EQ(AuditSeq(), seq);
  ASSERT_EQ(target("ONLINE_FULL", "65.5").status, 200);
  auto page = Call(office_, "GET", "/indicators?period=" + period);
  EXPECT_NE(page.body.find("id=\"target-ONLINE_FULL\" name=\"target\" value=\"65,5\""),
            std::string::npos);
  auto lines = json::parse(
      Call(office_, "GET",
           "/api/v1/communes/" + std::to_string(UnitId("LP")) + "/indicators?period=" + period)
          .body);
  EXPECT_DOUBLE_EQ(Find(lines.at("items"), "code", "ONLINE_FULL").at("target").to_number<double>(),
                   65.5);

  // A new quarterly form for two villages.
  seq = AuditSeq();
  auto form = [&](const std::string& code, const std::string& units, const std::string& inds,
                  const std::string& keys) {
    return Call(office_, "POST", "/api/v1/report-forms",
                "{\"code\": \"" + code +
                    "\", \"name\": \"Báo cáo quý của thôn\", \"period_type\": \"quarter\", "
                    "\"unit_ids\": [" +
                    units + "], \"indicators\": \"" + inds + "\", \"key_nos\": [" + keys + "]}");
  };
  std::string t01 = std::to_string(UnitId("LP-T01")), t02 = std::to_string(UnitId("LP-T02"));
  EXPECT_EQ(ErrorCode(form("BC-THON-THANG", t01, "HOUSEHOLDS", "7").body), "REP-4023");
  EXPECT_EQ(ErrorCode(form("bc quy", t01, "HOUSEHOLDS", "7").body), "REP-4022");
  EXPECT_EQ(ErrorCode(form("BC-QUY-THON", std::to_string(UnitId("HP")), "HOUSEHOLDS", "7").body),
            "REP-4005");
  EXPECT_EQ(ErrorCode(form("BC-QUY-THON", t01, "STAFF_TOTAL", "7").body),
            "IND-5006");  // computed, not typed
  EXPECT_EQ(ErrorCode(form("BC-QUY-THON", t01, "HOUSEHOLDS", "11").body), "REP-4017");
  EXPECT_EQ(ErrorCode(form("BC-QUY-THON", "", "HOUSEHOLDS", "7").body), "GEN-0004");
  EXPECT_EQ(AuditSeq(), seq);
  auto ok = form("BC-QUY-THON", t01 + ", " + t02, "HOUSEHOLDS, POOR_HH, VACCINATED", "7");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(Json(ok).at("indicators").as_array().size(), 3u);
  // The village head sees it, with their village only.
  bool seen = false;
  auto village_forms = json::parse(Call(village_, "GET", "/api/v1/report-forms").body);
  for (auto& f : village_forms.at("items").as_array())
    if (f.at("code").as_string() == "BC-QUY-THON") {
      seen = true;
      EXPECT_EQ(f.at("units").as_array().size(), 1u);
    }
  EXPECT_TRUE(seen);
  EXPECT_EQ(Call(office_, "GET", "/report-forms/new").status, 200);
}

TEST_F(Reports, DisaggregatedValuesAddUpToTheirTotalAndRollUpByCombination) {
  // (Thôn Trung Hòa's report for the current month is untouched by the other tests; the office
  // fills it.)
  long long t01 = UnitId("LP-T05");
  long long form = FormId("BC-THON-THANG");
  std::string open = ::kientao::Period::Containing(PeriodType::kMonth, clock::Today()).Id();
  Session t = office_;
  auto body = [&](const std::string& value) {
    return "{\"form_id\": " + std::to_string(form) + ", \"unit_id\": " + std::to_string(t01) +
           ", \"period\": \"" + open + "\", \"values\": [" + value + "]}";
  };
  long long seq = AuditSeq();
  auto unknown = Call(
      t, "POST", "/api/v1/reports/save",
      body(R"({"indicator": "DIGITAL_RESIDENTS", "parts": [{"combo": "other", "numerator": 3}]})"));
  EXPECT_EQ(ErrorCode(unknown.body), "IND-5012") << unknown.body;
  auto mismatch = Call(
      t, "POST", "/api/v1/reports/save",
      body(
          R"({"indicator": "DIGITAL_RESIDENTS", "numerator": 10, "parts": [{"combo": "male", "numerator": 3}, {"combo": "female", "numerator": 4}]})"));
  EXPECT_EQ(ErrorCode(mismatch.body), "IND-5013") << mismatch.body;
  auto not_split =
      Call(t, "POST", "/api/v1/reports/save",
           body(R"({"indicator": "POOR_HH", "parts": [{"combo": "male", "numerator": 3}]})"));
  EXPECT_EQ(ErrorCode(not_split.body), "IND-5012") << not_split.body;  // POOR_HH has no breakdown
  EXPECT_EQ(AuditSeq(), seq);
  auto saved = Call(
      t, "POST", "/api/v1/reports/save",
      body(
          R"({"indicator": "DIGITAL_RESIDENTS", "parts": [{"combo": "male", "numerator": 12}, {"combo": "female", "numerator": 15}]})"));
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto v = Json(saved).at("values").as_array()[0].as_object();
  EXPECT_DOUBLE_EQ(v.at("numerator").to_number<double>(), 27);  // the total is the sum of its parts
  EXPECT_EQ(v.at("parts").as_array().size(), 2u);
  // The form shows one input per combination.
  auto page =
      Call(t, "GET", "/reports/" + std::to_string(form) + "/" + open + "/" + std::to_string(t01));
  EXPECT_NE(page.body.find("name=\"pv_DIGITAL_RESIDENTS__1\""), std::string::npos);
  // The commune's figure for the last closed month carries the breakdown of the approved reports.
  auto lines = json::parse(
      Call(office_, "GET",
           "/api/v1/communes/" + std::to_string(UnitId("LP")) + "/indicators?period=" + Period())
          .body);
  {
    const auto& l = Find(lines.at("items"), "code", "DIGITAL_RESIDENTS");
    auto parts = l.at("parts").as_array();
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].at("label").as_string(), "Nam");
    EXPECT_DOUBLE_EQ(
        parts[0].at("numerator").to_number<double>() + parts[1].at("numerator").to_number<double>(),
        l.at("numerator").to_number<double>());
  }
  // An administrator defines a breakdown; more than 500 combinations is refused.
  auto many =
      std::string(R"({"code": "TOO_MANY", "name_vi": "X", "kind": "count", "categories": [)");
  for (int c = 0; c < 2; ++c) {
    many += std::string(c ? "," : "") + "{\"code\": \"c" + std::to_string(c) + "\", \"options\": [";
    for (int o = 0; o < 30; ++o)
      many += std::string(o ? "," : "") + "{\"code\": \"o" + std::to_string(o) + "\"}";
    many += "]}";
  }
  many += "]}";
  EXPECT_EQ(ErrorCode(Call(admin_, "POST", "/api/v1/indicators", many).body), "IND-5011");
  EXPECT_EQ(
      Call(
          admin_, "POST", "/api/v1/indicators",
          R"({"code": "VISITS_BY_AGE", "name_vi": "Lượt khám theo tuổi", "kind": "count", "categories":
                     [{"code": "age", "name": "Nhóm tuổi", "options": [{"code": "0-14", "label": "0–14"}, {"code": "15plus", "label": "15+"}]}]})")
          .status,
      201);
}

TEST_F(Reports, RemindersGoOnlyToUnitsThatHaveNotReported) {
  long long form = FormId("BC-THON-THANG");
  std::string period = Period();
  std::string path = "/api/v1/report-forms/" + std::to_string(form) + "/reminders";
  long long seq = AuditSeq(), sent = Count("report_reminders");
  // Thôn Đoài Lạc's report of the last closed month is approved in the demo: no reminder for it.
  auto refused = Call(
      office_, "POST", path,
      "{\"period\": \"" + period + "\", \"unit_ids\": [" + std::to_string(UnitId("LP-T02")) + "]}");
  EXPECT_EQ(ErrorCode(refused.body), "REP-4005") << refused.body;
  EXPECT_EQ(Call(village_, "POST", path, "{\"period\": \"" + period + "\"}").status, 403);
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(Count("report_reminders"), sent);
  auto status = Json(Call(
      office_, "GET", "/api/v1/report-forms/" + std::to_string(form) + "/status?period=" + period));
  auto ok =
      Call(office_, "POST", path, "{\"period\": \"" + period + "\"}");  // every unit still missing
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(Json(ok).at("reminded").as_int64(),
            static_cast<long long>(status.at("missing").as_array().size()));
  EXPECT_EQ(Count("report_reminders"),
            sent + static_cast<long long>(status.at("missing").as_array().size()));
}

TEST_F(Reports, PagesRenderForEachRole) {
  std::string period = Period();
  long long form = FormId("BC-THON-THANG");
  for (auto* who : {"vanphong", "truongthon", "chutich", "giamsat"}) {
    Session s = Login(who);
    auto list = Call(s, "GET", "/reports");
    EXPECT_EQ(list.status, 200) << who;
    EXPECT_NE(list.body.find("Báo cáo tháng của thôn"), std::string::npos) << who;
    auto st = Call(s, "GET", "/reports/" + std::to_string(form) + "/" + period);
    EXPECT_EQ(st.status, 200) << who;
  }
  // The village head sees the office's reminder and only their own village.
  auto mine = Call(village_, "GET", "/reports");
  EXPECT_EQ(mine.body.find("Thôn Đoài Lạc"), std::string::npos);
  auto fill = Call(
      village_, "GET",
      "/reports/" + std::to_string(form) + "/" + period + "/" + std::to_string(UnitId("LP-T02")));
  EXPECT_EQ(fill.status, 422);  // not on the village head's form
  EXPECT_EQ(fill.body.find("Thôn Đoài Lạc"), std::string::npos);
  // "Lưu nháp" with a number that cannot be read keeps everything as typed: the draft reopens with
  // "abc" still in its field, marked, beside the value that was fine. (Thôn Quyết Tiến has not
  // reported the last closed month in the demo; the office fills in for it.)
  std::string path =
      "/reports/" + std::to_string(form) + "/" + period + "/" + std::to_string(UnitId("LP-T14"));
  auto saved = Call(office_, "POST", path,
                    "_csrf=" + office_.csrf + "&v_POOR_HH=abc&v_HOUSEHOLDS=1.210&action=save",
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  auto reopened = Call(office_, "GET", path);
  EXPECT_EQ(reopened.status, 200);
  EXPECT_NE(reopened.body.find("id=\"v_HOUSEHOLDS\" name=\"v_HOUSEHOLDS\" value=\"1.210\""),
            std::string::npos);
  EXPECT_NE(reopened.body.find("id=\"v_POOR_HH\" name=\"v_POOR_HH\" value=\"abc\""),
            std::string::npos);
  EXPECT_NE(reopened.body.find("value=\"abc\" aria-required=\"true\" aria-invalid=\"true\""),
            std::string::npos);
  EXPECT_NE(reopened.body.find("«Số hộ nghèo» phải là số"), std::string::npos);
  EXPECT_EQ(reopened.body.find("field."), std::string::npos);  // no internal key on screen
}

TEST_F(Reports, ASubmitWithFourMistakesShowsFourMessagesBesideTheirFieldsAndWritesNothing) {
  long long form = FormId("BC-THON-THANG");
  std::string period = Period();
  std::string path =
      "/reports/" + std::to_string(form) + "/" + period + "/" + std::to_string(UnitId("LP-T15"));
  long long seq = AuditSeq(), before = Count("submissions");
  auto r = Call(office_, "POST", path,
                "_csrf=" + office_.csrf +
                    "&v_HOUSEHOLDS=2l5&v_BULLETINS=12%2C5%2C3&v_WASTE_SORTED=12.5&d_WASTE_SORTED="
                    "215&v_PTW_PAID=30&d_PTW_PAID=20&v_POOR_HH=4&results_7=K%C3%A8m+c%E1%BA%B7p"
                    "&action=submit",
                "application/x-www-form-urlencoded");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(Count("submissions"), before);
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = r.body.find(needle); at != std::string::npos; at = r.body.find(needle, at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(count("data-testid=\"field-problems\""), 4u);  // beside each of the four fields
  EXPECT_NE(r.body.find("data-testid=\"form-problems\""), std::string::npos);  // and listed on top
  EXPECT_NE(r.body.find("href=\"#v_HOUSEHOLDS\""), std::string::npos);
  EXPECT_NE(r.body.find("«Tổng số hộ dân» phải là số"), std::string::npos);
  EXPECT_NE(r.body.find("chỉ được có một dấu phẩy"), std::string::npos);
  EXPECT_NE(r.body.find("phần thập phân viết sau dấu phẩy"), std::string::npos);
  EXPECT_EQ(r.body.find("field."), std::string::npos);
  EXPECT_EQ(r.body.find("Chưa nhập «Tổng số hộ dân»"),
            std::string::npos);  // typed, just not a number
  // What was typed is all still there, including the narrative.
  for (const char* v : {"value=\"2l5\"", "value=\"12,5,3\"", "value=\"12.5\"", "value=\"215\"",
                        "value=\"30\"", "value=\"4\"", "Kèm cặp"})
    EXPECT_NE(r.body.find(v), std::string::npos) << v;
}

TEST_F(Reports, ASendingReplayedFromTheOfflineQueueIsRecognisedNotDuplicated) {
  long long form = FormId("BC-THON-THANG");
  std::string path =
      "/reports/" + std::to_string(form) + "/" + Period() + "/" + std::to_string(UnitId("LP-T01"));
  // The page carries a key for its one sending.
  auto page = Call(village_, "GET", path);
  auto at = page.body.find("name=\"request_key\" value=\"");
  ASSERT_NE(at, std::string::npos);
  std::string key = page.body.substr(at + 26, 32);
  std::string body =
      "_csrf=" + village_.csrf + "&request_key=" + key +
      "&v_HOUSEHOLDS=215&v_POOR_HH=4&v_BULLETINS=12&v_WASTE_SORTED=150&d_WASTE_SORTED="
      "215&v_PTW_PAID=20&d_PTW_PAID=20&action=submit";
  long long subs = Count("submissions");
  auto first = Call(village_, "POST", path, body, "application/x-www-form-urlencoded");
  EXPECT_EQ(first.status, 303) << first.body.substr(0, 2000);
  long long seq = AuditSeq();
  EXPECT_EQ(Count("submissions"), subs + 1);
  // The same sending again (the answer was lost and the queue sent it once more): the same answer,
  // nothing written.
  auto again = Call(village_, "POST", path, body, "application/x-www-form-urlencoded");
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.Header("Location"), first.Header("Location"));
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(Count("submissions"), subs + 1);
  // A key that is not one is refused.
  EXPECT_EQ(
      Call(village_, "POST", path, "_csrf=" + village_.csrf + "&request_key=%3Cx%3E&action=save",
           "application/x-www-form-urlencoded")
          .status,
      422);
}

TEST_F(Reports, ARequiredIndicatorMustBeFilledBeforeSendingButNotToSaveADraft) {
  long long form = FormId("BC-THON-THANG");
  std::string path =
      "/reports/" + std::to_string(form) + "/" + Period() + "/" + std::to_string(UnitId("LP-T01"));
  // The form marks what it requires.
  auto page = Call(village_, "GET", path);
  EXPECT_NE(
      page.body.find("id=\"v_HOUSEHOLDS\" name=\"v_HOUSEHOLDS\" value=\"\" aria-required=\"true\""),
      std::string::npos);
  EXPECT_EQ(page.body.find("id=\"v_BULLETINS\" name=\"v_BULLETINS\" value=\"\" aria-required"),
            std::string::npos);
  long long seq = AuditSeq();
  std::string values = "&v_BULLETINS=12&v_WASTE_SORTED=150&d_WASTE_SORTED=215";
  auto sent = Call(village_, "POST", path, "_csrf=" + village_.csrf + values + "&action=submit",
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(sent.status, 422);
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_NE(sent.body.find("Chưa nhập «Tổng số hộ dân»"), std::string::npos);
  EXPECT_NE(sent.body.find("Chưa nhập «Số hộ nghèo»"), std::string::npos);
  // The API says the same.
  auto api = Call(village_, "POST", "/api/v1/reports/submit",
                  "{\"form_id\": " + std::to_string(form) + ", \"unit_id\": " +
                      std::to_string(UnitId("LP-T01")) + ", \"period\": \"" + Period() +
                      "\", \"values\": [{\"indicator\": \"BULLETINS\", \"numerator\": 12}]}");
  EXPECT_EQ(ErrorCode(api.body), "REP-4032");
  EXPECT_EQ(AuditSeq(), seq);
  // A draft may leave them empty.
  auto saved = Call(village_, "POST", path, "_csrf=" + village_.csrf + values + "&action=save",
                    "application/x-www-form-urlencoded");
  EXPECT_EQ(saved.status, 303);
  // A form requiring an indicator it does not have is refused.
  auto bad = Call(office_, "POST", "/api/v1/report-forms",
                  "{\"code\": \"BC-THU\", \"name\": \"Thử\", \"period_type\": \"month\", "
                  "\"unit_ids\": [" +
                      std::to_string(UnitId("LP-T01")) +
                      "], \"indicators\": \"HOUSEHOLDS\", \"required\": \"POOR_HH\"}");
  EXPECT_EQ(ErrorCode(bad.body), "REP-4012");
}

}  // namespace kientao::testing
