// The satisfaction survey through the real application (router, services, SQLite or PostgreSQL):
// the slip's signed link answered once and only after the result was returned, forged, reused and
// expired links, answers off the scale, a flood from one address, the counter tablet, paper
// questionnaires, and the indices and the task 6 indicator computed from the raw answers.
#include <cmath>
#include <regex>

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

double Num(const json::value& v) {
  return v.is_double() ? v.as_double() : static_cast<double>(v.as_int64());
}

const char* kForm = "application/x-www-form-urlencoded";

// Every item of the built-in questionnaire (QĐ 1001: five on services, three on policy).
std::string AllItems(int level) {
  json::object a;
  for (int i = 1; i <= 5; ++i) a["services." + std::to_string(i)] = level;
  for (int i = 1; i <= 3; ++i) a["policy." + std::to_string(i)] = level;
  return json::serialize(a);
}

class Sipas : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    office_ = Login("vanphong");
  }
  // A dossier received at the counter today; returned today when `returned`.
  long long NewDossier(bool returned) {
    auto procs = json::parse(Call(office_, "GET", "/api/v1/services/procedures").body);
    long long proc = Find(procs.at("items"), "code", "DEMO-HT-05").at("id").as_int64();
    auto r = Call(office_, "POST", "/api/v1/services/dossiers",
                  "{\"procedure_id\":" + std::to_string(proc) +
                      ",\"unit_id\":" + std::to_string(UnitId("LP-TTHCC")) +
                      ",\"applicant_name\":\"Lò Văn Sinh\",\"channel\":\"counter\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    long long id = json::parse(r.body).at("id").as_int64();
    if (returned) Return(id);
    return id;
  }
  void Return(long long id) {
    auto r = Call(office_, "POST", "/api/v1/services/dossiers/" + std::to_string(id) + "/return",
                  std::string("{\"returned_on\":\"") + kTestToday + "\"}");
    EXPECT_EQ(r.status, 200) << r.body;
  }
  // The survey path the dossier's slip prints (and its QR code holds).
  std::string SlipLink(long long id) {
    auto slip = Call(office_, "GET", "/services/dossiers/" + std::to_string(id) + "/slip");
    EXPECT_EQ(slip.status, 200);
    std::smatch m;
    static const std::regex kLink("/khao-sat/[0-9a-f]{56}");
    if (!std::regex_search(slip.body, m, kLink)) {
      ADD_FAILURE() << "no survey link on the slip";
      return "/khao-sat/none";
    }
    return m.str();
  }
  static http::Response Answer(const std::string& token, const std::string& answers,
                               const std::string& from = "10.1.0.1") {
    return Anonymous("POST", "/api/v1/sipas/answers",
                     "{\"token\":\"" + token + "\",\"answers\":" + answers + "}",
                     "application/json", from);
  }
  static std::set<std::string> Problems(const std::string& body) {
    std::set<std::string> out;
    json::value v = json::parse(body);
    for (auto& d : v.at("error").at("details").as_array())
      out.insert(std::string(d.at("field").as_string()) + ":" +
                 std::string(d.at("code").as_string()));
    return out;
  }
  json::value Indices(const std::string& query) {
    auto r = Call(office_, "GET", "/api/v1/sipas/indices?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }
  Session office_;
};

}  // namespace

TEST_F(Sipas, TheSlipsLinkOpensTheQuestionnaireOnlyAfterTheResultAndTakesOneAnswer) {
  long long id = NewDossier(false);
  std::string path = SlipLink(id);
  std::string token = path.substr(10);
  long long n = Count("sipas_responses"), seq = AuditSeq();
  // Before the result: the page shows the dossier's status and no questionnaire; an answer is
  // refused.
  auto before = Anonymous("GET", path);
  ASSERT_EQ(before.status, 200) << before.body.substr(0, 300);
  EXPECT_NE(before.body.find("data-testid=\"survey-not-yet\""), std::string::npos);
  EXPECT_EQ(before.body.find("data-testid=\"survey-form\""), std::string::npos);
  EXPECT_EQ(before.body.find("Lò Văn Sinh"), std::string::npos);  // no personal data
  auto early = Answer(token, AllItems(5));
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(ErrorCode(early.body), "SIP-9009");
  EXPECT_EQ(Count("sipas_responses"), n);
  EXPECT_EQ(AuditSeq(), seq);

  Return(id);
  auto open = Anonymous("GET", path);
  ASSERT_EQ(open.status, 200);
  EXPECT_NE(open.body.find("data-testid=\"survey-form\""), std::string::npos);
  EXPECT_NE(open.body.find("name=\"services.1\""), std::string::npos);
  EXPECT_NE(open.body.find("Rất hài lòng"), std::string::npos);
  // Answered from the phone's form: stored with its channel, the dossier and every level.
  auto sent = Anonymous("POST", path,
                        "services.1=5&services.2=4&services.3=5&services.4=3&services.5=5&"
                        "policy.1=4&policy.2=&policy.3=2",
                        kForm, "10.1.0.2");
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 400);
  EXPECT_EQ(Count("sipas_responses"), n + 1);
  EXPECT_GT(AuditSeq(), seq);
  auto thanks = Anonymous("GET", path);
  EXPECT_NE(thanks.body.find("data-testid=\"survey-thanks\""), std::string::npos);
  EXPECT_EQ(thanks.body.find("data-testid=\"survey-form\""), std::string::npos);
  // Used once: the same link again, by the API or the form, is refused and writes nothing.
  auto again = Answer(token, AllItems(1), "10.1.0.3");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(ErrorCode(again.body), "SIP-9003");
  EXPECT_EQ(Count("sipas_responses"), n + 1);
  // A forged or altered link opens nothing.
  std::string forged = token;
  forged[20] = forged[20] == '0' ? '1' : '0';
  EXPECT_EQ(ErrorCode(Answer(forged, AllItems(5), "10.1.0.4").body), "SIP-9001");
  EXPECT_EQ(Anonymous("GET", "/khao-sat/" + forged).status, 404);
  EXPECT_EQ(Anonymous("GET", "/khao-sat/' OR 1=1 --").status, 404);
  EXPECT_EQ(ErrorCode(Answer(token.substr(0, 40), AllItems(5), "10.1.0.4").body), "SIP-9001");
  EXPECT_EQ(Count("sipas_responses"), n + 1);
}

TEST_F(Sipas, ALinkExpiresAfterItsDays) {
  long long id = NewDossier(true);
  std::string token = SlipLink(id).substr(10);
  Date today = *Date::ParseIso(kTestToday);
  // 180 days (the method's rule file): valid on the last day, refused the day after.
  clock::Install(Clock::Pinned(Date::FromDaysSinceEpoch(today.DaysSinceEpoch() + 181)));
  auto expired = Answer(token, AllItems(5), "10.2.0.1");
  auto page = Anonymous("GET", "/khao-sat/" + token);
  clock::Install(Clock::Pinned(Date::FromDaysSinceEpoch(today.DaysSinceEpoch() + 180)));
  auto last_day = Answer(token, AllItems(5), "10.2.0.2");
  clock::Install(Clock::Pinned(today));
  EXPECT_EQ(expired.status, 410);
  EXPECT_EQ(ErrorCode(expired.body), "SIP-9002");
  EXPECT_EQ(page.status, 410);
  EXPECT_NE(page.body.find("data-testid=\"survey-closed\""), std::string::npos);
  EXPECT_EQ(last_day.status, 201) << last_day.body;
}

TEST_F(Sipas, AnswersOffTheScaleAreRefusedOnTheirItemsAndNothingIsWritten) {
  std::string token = SlipLink(NewDossier(true)).substr(10);
  long long n = Count("sipas_responses"), answers = Count("sipas_answers"), seq = AuditSeq();
  auto bad = Answer(token, R"({"services.1": 6, "services.2": 0, "khac.9": 3, "policy.1": 4})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(ErrorCode(bad.body), "GEN-0034");
  EXPECT_EQ(Problems(bad.body), (std::set<std::string>{"services.1:SIP-9004", "services.2:SIP-9004",
                                                       "khac.9:SIP-9005"}));
  EXPECT_EQ(ErrorCode(Answer(token, R"({"services.1": "5"})", "10.3.0.2").body), "SIP-9004");
  EXPECT_EQ(ErrorCode(Answer(token, R"({"services.1": 4.5})", "10.3.0.2").body), "SIP-9004");
  EXPECT_EQ(ErrorCode(Answer(token, "{}", "10.3.0.3").body), "SIP-9006");
  EXPECT_EQ(ErrorCode(Answer(token, "[1]", "10.3.0.3").body), "GEN-0002");
  // The phone's form: the page again with the message beside the item and the choices kept.
  auto page =
      Anonymous("POST", "/khao-sat/" + token, "services.1=9&services.2=4", kForm, "10.3.0.4");
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("data-testid=\"field-message\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"services.1-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"4\" checked"), std::string::npos);
  EXPECT_EQ(page.body.find("SIP-9004 "), std::string::npos);  // no internal code on screen
  EXPECT_EQ(Count("sipas_responses"), n);
  EXPECT_EQ(Count("sipas_answers"), answers);
  EXPECT_EQ(AuditSeq(), seq);
}

TEST_F(Sipas, AFloodFromOneAddressIsThrottledAndOthersStillAnswer) {
  std::string token = SlipLink(NewDossier(true)).substr(10);
  // Guessing links: every attempt counts, refused ones too (10 an hour per address).
  for (int i = 0; i < 10; ++i) {
    auto r = Answer(std::string(56, 'a'), AllItems(5), "10.4.0.1");
    EXPECT_EQ(ErrorCode(r.body), "SIP-9001") << i;
  }
  auto flood = Answer(token, AllItems(5), "10.4.0.1");
  EXPECT_EQ(flood.status, 429);
  EXPECT_EQ(ErrorCode(flood.body), "SIP-9007");
  long long n = Count("sipas_responses");
  auto other = Answer(token, AllItems(5), "10.4.0.2");
  EXPECT_EQ(other.status, 201) << other.body;
  EXPECT_EQ(Count("sipas_responses"), n + 1);
}

TEST_F(Sipas, TheCounterTabletAnswersWithoutAccountsUntilSwitchedOffAndIsRateLimited) {
  // A tablet without a name: refused beside the field, nothing added.
  long long tablets = Count("sipas_kiosks"), seq = AuditSeq();
  auto unnamed = Call(office_, "POST", "/sipas/kiosks",
                      "name=&unit_id=" + std::to_string(UnitId("LP-TTHCC")), kForm);
  EXPECT_EQ(unnamed.status, 422);
  EXPECT_NE(unnamed.body.find("id=\"name-msg\""), std::string::npos);
  EXPECT_EQ(Count("sipas_kiosks"), tablets);
  EXPECT_EQ(AuditSeq(), seq);
  auto created = Call(office_, "POST", "/sipas/kiosks",
                      "name=Quay+2&unit_id=" + std::to_string(UnitId("LP-TTHCC")), kForm);
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 300);
  auto list = Call(office_, "GET", "/sipas/kiosks");
  std::string body = list.body;
  std::regex kiosk("/khao-sat/quay/([0-9a-f]{32})");
  std::vector<std::string> tokens;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kiosk);
       it != std::sregex_iterator(); ++it)
    tokens.push_back((*it)[1].str());
  ASSERT_EQ(tokens.size(), 2u);  // the demo's tablet and this one
  std::string token = tokens.back();
  auto page = Anonymous("GET", "/khao-sat/quay/" + token);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-testid=\"survey-form\""), std::string::npos);
  auto sent =
      Anonymous("POST", "/khao-sat/quay/" + token, "services.1=5&policy.2=4", kForm, "10.5.0.1");
  ASSERT_EQ(sent.status, 303);
  EXPECT_NE(Anonymous("GET", sent.Header("Location")).body.find("data-testid=\"survey-thanks\""),
            std::string::npos);
  // 60 an hour per tablet, whatever the address.
  auto kiosk_answer = [&](const std::string& from) {
    return Anonymous("POST", "/api/v1/sipas/answers",
                     "{\"kiosk\":\"" + token + "\",\"answers\":" + AllItems(4) + "}",
                     "application/json", from);
  };
  for (int i = 1; i < 60; ++i)
    ASSERT_EQ(kiosk_answer("10.5.1." + std::to_string(i)).status, 201) << i;
  auto flood = kiosk_answer("10.5.2.1");
  EXPECT_EQ(flood.status, 429);
  EXPECT_EQ(ErrorCode(flood.body), "SIP-9007");
  // Switched off: the tablet's page and answers are refused.
  const std::regex kActive("/sipas/kiosks/([0-9]+)/active");
  std::string last_id;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kActive);
       it != std::sregex_iterator(); ++it)
    last_id = (*it)[1].str();
  ASSERT_FALSE(last_id.empty());
  EXPECT_EQ(Call(office_, "POST", "/sipas/kiosks/" + last_id + "/active", "active=0", kForm).status,
            303);
  EXPECT_EQ(Anonymous("GET", "/khao-sat/quay/" + token).status, 404);
  EXPECT_EQ(ErrorCode(kiosk_answer("10.5.3.1").body), "SIP-9008");
  EXPECT_EQ(ErrorCode(Anonymous("POST", "/api/v1/sipas/answers",
                                "{\"kiosk\":\"zz\",\"answers\":" + AllItems(4) + "}",
                                "application/json", "10.5.3.2")
                          .body),
            "SIP-9008");
  // A tablet is the office's to add: a village head cannot.
  Session head = Login("truongthon");
  EXPECT_EQ(Call(head, "POST", "/sipas/kiosks", "name=X&unit_id=1", kForm).status, 403);
}

// Paper questionnaires of March 2025 (before the demo's first answer) give indices that can be
// worked by hand: per item satisfied ÷ valid × 100, per element the mean of its items, overall the
// mean of the elements.
TEST_F(Sipas, TheIndicesAreComputedFromTheRawAnswers) {
  std::string unit = std::to_string(UnitId("LP-TTHCC"));
  auto paper = [&](const std::string& answers, const std::string& on) {
    return Call(
        office_, "POST", "/api/v1/sipas/paper",
        "{\"unit_id\":" + unit + ",\"answered_on\":\"" + on + "\",\"answers\":" + answers + "}");
  };
  ASSERT_EQ(paper(AllItems(5), "2025-03-03").status, 201);
  ASSERT_EQ(paper(AllItems(4), "2025-03-10").status, 201);
  ASSERT_EQ(paper(R"({"services.1":2,"services.2":2,"services.3":2,"services.4":2,"services.5":2,
                      "policy.1":5,"policy.2":5,"policy.3":5})",
                  "2025-03-17")
                .status,
            201);
  ASSERT_EQ(paper(R"({"services.1":3})", "2025-03-24").status, 201);
  json::value x = Indices("from=2025-03-01&to=2025-03-31");
  EXPECT_EQ(x.at("responses").as_int64(), 4);
  const auto& services = Find(x.at("elements"), "code", "services");
  const auto& item1 = Find(services.at("items"), "code", "services.1");
  EXPECT_EQ(item1.at("valid").as_int64(), 4);
  EXPECT_EQ(item1.at("satisfied").as_int64(), 2);
  EXPECT_NEAR(Num(item1.at("index")), 50, 1e-9);
  EXPECT_NEAR(Num(Find(services.at("items"), "code", "services.2").at("index")), 200.0 / 3, 1e-9);
  double services_index = (50 + 4 * 200.0 / 3) / 5;
  EXPECT_NEAR(Num(services.at("index")), services_index, 1e-9);
  EXPECT_NEAR(Num(Find(x.at("elements"), "code", "policy").at("index")), 100, 1e-9);
  EXPECT_NEAR(Num(x.at("index")), (services_index + 100) / 2, 1e-9);
  EXPECT_FALSE(x.at("above_target").as_bool());
  EXPECT_NEAR(Num(Find(x.at("by_channel"), "channel", "paper").at("index")),
              (services_index + 100) / 2, 1e-9);
  EXPECT_EQ(x.at("by_month").as_array().size(), 1u);
  // Bad paper: a day to come, an unknown dossier, nothing answered — every problem at once.
  long long n = Count("sipas_responses");
  auto refused = Call(office_, "POST", "/api/v1/sipas/paper",
                      "{\"unit_id\":" + unit +
                          ",\"answered_on\":\"2027-01-01\",\"dossier_code\":\"KHONG-CO\","
                          "\"answers\":{\"services.1\":7}}");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(Problems(refused.body),
            (std::set<std::string>{"answered_on:GEN-0008", "dossier_code:SIP-9012",
                                   "services.1:SIP-9004"}));
  EXPECT_EQ(Count("sipas_responses"), n);
  // A dossier answered once takes no paper questionnaire.
  long long id = NewDossier(true);
  ASSERT_EQ(Answer(SlipLink(id).substr(10), AllItems(5), "10.6.0.1").status, 201);
  std::string code(
      json::parse(Call(office_, "GET", "/api/v1/services/dossiers/" + std::to_string(id)).body)
          .at("code")
          .as_string());
  auto twice = Call(office_, "POST", "/api/v1/sipas/paper",
                    "{\"dossier_code\":\"" + code + "\",\"answers\":" + AllItems(4) + "}");
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(ErrorCode(twice.body), "SIP-9003");
  EXPECT_EQ(Count("sipas_responses"), n + 1);
  // The period's sample by Yamane from the dossiers received (the register's own count).
  json::value year = Indices("from=2026-01-01&to=2026-11-28");
  auto stats = json::parse(
      Call(office_, "GET", "/api/v1/services/stats?from=2026-01-01&to=2026-11-28").body);
  long long big_n = stats.at("received").as_int64();
  ASSERT_GT(big_n, 100);
  EXPECT_EQ(year.at("dossiers").as_int64(), big_n);
  auto yamane = static_cast<long long>(std::ceil(big_n / (1 + big_n * 0.05 * 0.05) - 1e-9));
  EXPECT_EQ(year.at("sample_needed").as_int64(), yamane);
  EXPECT_EQ(year.at("sample_reached").as_bool(), year.at("responses").as_int64() >= yamane);
  // The same figures as officials receive them, opened by LibreOffice: the workbook's first sheet
  // and the report's text.
  ASSERT_TRUE(documents::PdfConverterAvailable()) << "LibreOffice is needed to open the files";
  auto xlsx = Call(office_, "GET", "/sipas/answers.xlsx?from=2025-03-01&to=2025-03-31");
  ASSERT_EQ(xlsx.status, 200);
  auto csv = documents::ConvertWithLibreOffice(xlsx.body, "xlsx",
                                               "csv:Text - txt - csv (StarCalc):44,34,76", "csv");
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->find("Chỉ số hài lòng chung"), std::string::npos) << csv->substr(0, 1500);
  EXPECT_NE(csv->find(",4,,81.7"), std::string::npos) << csv->substr(0, 1500);
  EXPECT_NE(csv->find("Dịch vụ hành chính công,,,63.3"), std::string::npos);
  EXPECT_EQ(csv->find("sipas-1001"), std::string::npos);  // names, not internal codes
  auto answers_sheet = documents::ReadZipEntry(xlsx.body, "xl/worksheets/sheet3.xml");
  ASSERT_TRUE(answers_sheet);
  auto docx = Call(office_, "GET", "/sipas/report.docx?from=2025-03-01&to=2025-03-31");
  ASSERT_EQ(docx.status, 200);
  auto text =
      documents::ConvertWithLibreOffice(docx.body, "docx", "txt:Text (encoded):UTF8", "txt");
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Ủy ban nhân dân xã Lạc Phương báo cáo"), std::string::npos)
      << text->substr(0, 2000);
  EXPECT_NE(text->find("Chỉ số hài lòng chung: 81,7% (chưa đạt mục tiêu trên 90%)"),
            std::string::npos);
  EXPECT_NE(text->find("Số phiếu trả lời: 4"), std::string::npos);
  // Out of order or unknown: refused with their codes.
  EXPECT_EQ(
      ErrorCode(Call(office_, "GET", "/api/v1/sipas/indices?from=2026-02-01&to=2026-01-01").body),
      "SIP-9011");
  EXPECT_EQ(ErrorCode(Call(office_, "GET", "/api/v1/sipas/indices?channel=fax").body), "SIP-9013");
  EXPECT_EQ(ErrorCode(Call(office_, "GET", "/api/v1/sipas/indices?questionnaire=khong-co").body),
            "SIP-9010");
}

// Key task 6's indicator is the survey's own index: for the last closed month, the commune's value
// is the index of that month's window (all the demo's answers are the centre's).
TEST_F(Sipas, TheTaskSixIndicatorIsTheSurveysIndex) {
  Period last = reporting::DefaultPeriod(PeriodType::kMonth, clock::Today());
  auto lines = json::parse(
      Call(office_, "GET",
           "/api/v1/communes/" + std::to_string(UnitId("LP")) + "/indicators?period=" + last.Id())
          .body);
  const auto& sipas = Find(lines.at("items"), "code", "SIPAS");
  EXPECT_EQ(sipas.at("source").as_string(), "sipas.index");
  json::value x = Indices("from=" + last.WindowStart().ToIso() + "&to=" + last.WindowEnd().ToIso());
  ASSERT_GT(x.at("responses").as_int64(), 10);
  EXPECT_NEAR(Num(sipas.at("value")), Num(x.at("index")), 1e-9);
  EXPECT_NEAR(Num(sipas.at("denominator")), Num(x.at("responses")), 1e-9);
  // The centre's report no longer asks for it.
  auto forms = Call(office_, "GET", "/api/v1/report-forms");
  EXPECT_EQ(forms.body.find("\"SIPAS\""), std::string::npos);
  // The pages and the exports answer.
  for (const char* path : {"/sipas", "/sipas/paper", "/sipas/kiosks", "/tasks/6"}) {
    auto r = Call(office_, "GET", path);
    EXPECT_EQ(r.status, 200) << path;
  }
  auto task = Call(office_, "GET", "/tasks/6");
  EXPECT_NE(task.body.find("href=\"/sipas\""), std::string::npos);
  auto xlsx = Call(office_, "GET", "/sipas/answers.xlsx?from=2026-01-01&to=2026-11-28");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto docx = Call(office_, "GET", "/sipas/report.docx?from=2026-01-01&to=2026-11-28");
  EXPECT_EQ(docx.status, 200);
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
}

// Decision 766's groups from the register and the survey: progress from the on-time rate, online
// services from the catalogue and the dossiers, satisfaction in handling from the returned dossiers
// less the late ones and those rated not satisfied; the groups without data give no points.
TEST_F(Sipas, Decision766ScoresTheGroupsItHasDataFor) {
  const std::string q = "from=2026-01-01&to=2026-11-28";
  auto index = [&] {
    auto r = Call(office_, "GET", "/api/v1/services/index766?" + q);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  };
  json::value x = index();
  auto stats = json::parse(Call(office_, "GET", "/api/v1/services/stats?" + q).body);
  auto procs = json::parse(Call(office_, "GET", "/api/v1/services/procedures").body);
  double full = 0, all = 0;
  for (auto& p : procs.at("items").as_array()) {
    ++all;
    if (p.at("online_level").as_string() == "full") ++full;
  }
  EXPECT_TRUE(Find(x.at("groups"), "code", "disclosure").at("points").is_null());
  EXPECT_TRUE(Find(x.at("groups"), "code", "digitisation").at("points").is_null());
  EXPECT_NEAR(Num(Find(x.at("groups"), "code", "progress").at("points")),
              20 * Num(stats.at("on_time_rate")) / 100, 1e-9);
  double online_rate =
      (100 * full / all + 100.0 * Num(stats.at("online")) / Num(stats.at("received")) +
       Num(stats.at("online_payment_rate"))) /
      3;
  EXPECT_NEAR(Num(Find(x.at("groups"), "code", "online").at("rate")), online_rate, 1e-9);
  long long dissatisfied = x.at("dissatisfied").as_int64();
  double resolved = Num(stats.at("resolved")), late = Num(stats.at("late"));
  const auto& sat = Find(x.at("groups"), "code", "satisfaction");
  EXPECT_NEAR(Num(sat.at("rate")), 100 * (resolved - late - dissatisfied) / resolved, 1e-9);
  EXPECT_EQ(Num(sat.at("max_with_data")), 6);
  // An applicant rates a returned dossier "very dissatisfied": one more dossier counts against it.
  std::string token = SlipLink(NewDossier(true)).substr(10);
  ASSERT_EQ(Answer(token, AllItems(1), "10.7.0.1").status, 201);
  json::value after = index();
  EXPECT_EQ(after.at("dissatisfied").as_int64(), dissatisfied + 1);
  auto page = Call(office_, "GET", "/services/766");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-testid=\"index766-points\""), std::string::npos);
  EXPECT_NE(page.body.find("Chưa có dữ liệu trong hệ thống"), std::string::npos);
}

}  // namespace kientao::testing
