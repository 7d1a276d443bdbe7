// KPI evaluation through the router, on the backend under test: a product reported and confirmed
// changes the month's score as Decree 335 says, nobody confirms or scores their own work, bad input
// is refused with nothing written, directive sub-tasks count, and the annual rating is blocked by
// the quota until an exception is recorded.
#include <cmath>
#include <set>

#include <boost/json.hpp>

#include "app/app.hpp"
#include "base/clock.hpp"
#include "base/date.hpp"
#include "modules/documents/zip_archive.hpp"
#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace json = boost::json;

namespace {

double Score(const json::object& me, const char* key) {
  return me.at("score").at(key).to_number<double>();
}

// The first item of `me` with this status.
json::object Item(const json::object& me, const std::string& status) {
  for (auto& i : me.at("items").as_array())
    if (i.at("status").as_string() == status) return i.as_object();
  ADD_FAILURE() << "no item " << status;
  return {};
}

std::string Today() { return clock::Today().ToIso(); }

}  // namespace

// Suites with their own demo database each; Me() reads the signed-in person's KPI.
class KpiBase : public AppTest {
 protected:
  static json::object Me(const Session& s, const std::string& query = "") {
    auto r = Call(s, "GET", "/api/v1/kpi/me" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).as_object();
  }
};

class Kpi : public KpiBase {};

TEST_F(Kpi, AProductReportedAndConfirmedWithOneMajorErrorChangesTheMonthAsTheRuleSays) {
  Session staff = Login("congchuc");
  Session head = Login("truongphong");
  json::object before = Me(staff);
  double total_weight = 0;
  for (auto& i : before.at("items").as_array()) total_weight += i.at("weight").to_number<double>();
  ASSERT_GT(total_weight, 0);
  json::object open = Item(before, "open");
  long long id = open.at("id").as_int64();
  double w = open.at("weight").to_number<double>();
  std::string path = "/api/v1/kpi/assignments/" + std::to_string(id);

  // Bad completions: before the assignment, in the future, someone else's.
  long long seq = AuditSeq();
  auto early = Call(staff, "POST", path + "/done", R"({"completed_on": "2020-01-01"})");
  EXPECT_EQ(ErrorCode(early.body), "KPI-7003");
  EXPECT_EQ(ErrorField(early.body), "completed_on");
  EXPECT_EQ(
      ErrorCode(Call(staff, "POST", path + "/done", R"({"completed_on": "2099-01-01"})").body),
      "KPI-7015");
  EXPECT_EQ(Call(head, "POST", path + "/done", "{}").status, 404);  // not the head's product
  EXPECT_EQ(AuditSeq(), seq);

  auto done = Call(staff, "POST", path + "/done",
                   json::serialize(json::object{{"completed_on", Today()}, {"note", "Đã xong"}}));
  ASSERT_EQ(done.status, 200) << done.body;
  // Reported, not yet counted; the head sees it in the queue; the civil servant cannot confirm.
  EXPECT_DOUBLE_EQ(Score(Me(staff), "quantity"), Score(before, "quantity"));
  auto queue = json::parse(Call(head, "GET", "/api/v1/kpi/review-queue").body);
  bool queued = false;
  for (auto& i : queue.at("items").as_array()) queued = queued || i.at("id").as_int64() == id;
  EXPECT_TRUE(queued);
  EXPECT_EQ(Call(staff, "POST", path + "/review", R"({"decision": "confirm"})").status, 403);

  // Bad reviews write nothing.
  seq = AuditSeq();
  EXPECT_EQ(ErrorCode(Call(head, "POST", path + "/review",
                           R"({"decision": "confirm", "major_errors": -1})")
                          .body),
            "KPI-7002");
  EXPECT_EQ(ErrorCode(Call(head, "POST", path + "/review", R"({"decision": "maybe"})").body),
            "GEN-0014");
  // The demo's products were assigned by the demo loader, not this head: no objective cause.
  EXPECT_EQ(ErrorCode(Call(head, "POST", path + "/review",
                           R"({"decision": "confirm", "objective_cause": "yes"})")
                          .body),
            "KPI-7010");
  EXPECT_EQ(AuditSeq(), seq);

  auto ok =
      Call(head, "POST", path + "/review",
           R"({"decision": "confirm", "major_errors": 1, "delays": 0, "note": "Sai 1 số liệu"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(AuditSeq(), seq + 1);
  json::object after = Me(staff);
  // quantity + w, quality + 0.75 w, timeliness + w (done on time), as shares of the month's weight.
  EXPECT_NEAR(Score(after, "quantity") - Score(before, "quantity"), 100 * w / total_weight, 1e-9);
  EXPECT_NEAR(Score(after, "quality") - Score(before, "quality"), 100 * 0.75 * w / total_weight,
              1e-9);
  bool late = clock::Today() > *Date::ParseIso(std::string(open.at("deadline").as_string()));
  if (!late) {
    EXPECT_NEAR(Score(after, "timeliness") - Score(before, "timeliness"), 100 * w / total_weight,
                1e-9);
  }
  EXPECT_NEAR(
      Score(after, "task"),
      70 * (Score(after, "quantity") + Score(after, "quality") + Score(after, "timeliness")) / 3 /
          100,
      1e-9);
  EXPECT_FALSE(after.at("rules").at("combination_verified").as_bool());
  // Confirmed once: a second decision is refused.
  EXPECT_EQ(ErrorCode(Call(head, "POST", path + "/review", R"({"decision": "return"})").body),
            "KPI-7008");
  EXPECT_EQ(ErrorCode(Call(staff, "POST", path + "/done", "{}").body), "KPI-7008");
  // The page shows the product's score.
  auto page = Call(staff, "GET", "/kpi");
  EXPECT_NE(page.body.find("data-testid=\"kpi-item-" + std::to_string(id) + "\""),
            std::string::npos);
  EXPECT_NE(page.body.find("75%"), std::string::npos);
}

// "KPI của tôi" is in the menu of those Decree 335 rates, not of a village head (a part-time
// worker), whose page would only say they are not rated.
TEST_F(Kpi, TheMenuOffersMyKpiOnlyToThoseRated) {
  const std::string entry = "href=\"/kpi\">";
  EXPECT_NE(Call(Login("congchuc"), "GET", "/").body.find(entry), std::string::npos);
  EXPECT_NE(Call(Login("truongphong"), "GET", "/").body.find(entry), std::string::npos);
  EXPECT_EQ(Call(Login("truongthon"), "GET", "/").body.find(entry), std::string::npos);
}

TEST_F(Kpi, NobodyConfirmsOrScoresTheirOwnWork) {
  Session head = Login("truongphong");
  Session leader = Login("chutich");
  long long loan = StaffIdByName("Trịnh Thị Loan");
  json::object mine = Me(head);
  EXPECT_TRUE(mine.at("leader").as_bool());  // the head of the economic office
  long long id = Item(mine, "open").at("id").as_int64();
  std::string path = "/api/v1/kpi/assignments/" + std::to_string(id);
  ASSERT_EQ(Call(head, "POST", path + "/done", "{}").status, 200);
  long long seq = AuditSeq();
  auto self = Call(head, "POST", path + "/review", R"({"decision": "confirm"})");
  EXPECT_EQ(self.status, 403);
  EXPECT_EQ(ErrorCode(self.body), "KPI-7004");
  // Her own item is not in her queue; the chairman confirms it.
  json::value queue = json::parse(Call(head, "GET", "/api/v1/kpi/review-queue").body);
  for (auto& i : queue.at("items").as_array()) EXPECT_NE(i.at("staff_id").as_int64(), loan);
  EXPECT_EQ(Call(leader, "POST", path + "/review", R"({"decision": "confirm"})").status, 200);
  // General criteria: not one's own, 0–30 only.
  std::string period =
      clock::Today().ToIso().substr(0, 4) + "M" + clock::Today().ToIso().substr(5, 2);
  auto general = [&](const Session& s, long long who, double score) {
    return Call(
        s, "POST", "/api/v1/kpi/general",
        json::serialize(json::object{{"staff_id", who}, {"period", period}, {"score", score}}));
  };
  seq = AuditSeq();
  EXPECT_EQ(ErrorCode(general(head, loan, 25).body), "KPI-7004");
  EXPECT_EQ(ErrorCode(general(head, StaffIdByName("Phan Thị Thảo"), 31).body), "KPI-7001");
  EXPECT_EQ(ErrorCode(general(head, StaffIdByName("Phan Thị Thảo"), -1).body), "KPI-7001");
  EXPECT_EQ(general(head, StaffIdByName("Nguyễn Phú Trung"), 20).status, 404);  // out of her unit
  // The review page's form: refused with the message on the page, nothing written.
  auto form = Call(head, "POST", "/kpi/general",
                   "staff_id=" + std::to_string(StaffIdByName("Phan Thị Thảo")) +
                       "&period=" + period + "&score=31",
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 422);
  EXPECT_NE(form.body.find("data-testid=\"form-error\""), std::string::npos);
  EXPECT_EQ(AuditSeq(), seq);
  ASSERT_EQ(general(head, StaffIdByName("Phan Thị Thảo"), 27).status, 200);
  EXPECT_DOUBLE_EQ(Me(Login("congchuc")).at("general").to_number<double>(), 27);
  // A civil servant sees only their own scores.
  Session staff = Login("congchuc");
  EXPECT_EQ(Call(staff, "GET", "/api/v1/kpi/staff/" + std::to_string(loan)).status, 404);
  EXPECT_EQ(Call(head, "GET", "/api/v1/kpi/staff/" + std::to_string(StaffIdByName("Phan Thị Thảo")))
                .status,
            200);
  // A village head is not rated under the civil servants' KPI.
  EXPECT_EQ(ErrorCode(Call(Login("truongthon"), "GET", "/api/v1/kpi/me").body), "KPI-7011");
  EXPECT_EQ(ErrorCode(Call(Login("quantri"), "GET", "/api/v1/kpi/me").body), "KPI-7007");
}

// A refused form of the KPI pages comes back as it was typed, the problem beside the field it is
// about, in that form only (the review page lists one general-criteria form per person, and "my
// KPI" one report form per product).
TEST_F(Kpi, ARefusedFormKeepsWhatWasTypedAndSaysBesideTheFieldWhatIsWrong) {
  const char* form = "application/x-www-form-urlencoded";
  Session head = Login("truongphong");
  Session staff = Login("congchuc");
  long long thao = StaffIdByName("Phan Thị Thảo");
  long long seq = AuditSeq();
  // An assignment with an impossible deadline.
  auto page = Call(head, "POST", "/kpi/assignments",
                   "staff_id=" + std::to_string(thao) +
                       "&product_id=0&quantity=2%2C5&title=B%C3%A1o+c%C3%A1o+th%C3%A1ng&"
                       "deadline=31%2F02%2F2026",
                   form);
  EXPECT_GE(page.status, 400);
  EXPECT_NE(page.body.find("value=\"Báo cáo tháng\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"2,5\""), std::string::npos) << "the quantity as typed";
  EXPECT_NE(page.body.find("value=\"31/02/2026\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"a-deadline-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("aria-describedby=\"a-deadline-msg\""), std::string::npos);
  // Every problem at once: a quantity typed wrong as well as the impossible deadline.
  auto two = Call(
      head, "POST", "/kpi/assignments",
      "staff_id=" + std::to_string(thao) + "&product_id=0&quantity=2l5&deadline=31%2F02", form);
  EXPECT_NE(two.body.find("id=\"a-qty-msg\""), std::string::npos);
  EXPECT_NE(two.body.find("id=\"a-deadline-msg\""), std::string::npos);
  EXPECT_NE(two.body.find("value=\"2l5\""), std::string::npos) << "kept as typed, not changed";
  EXPECT_NE(page.body.find("<option value=\"" + std::to_string(thao) + "\" selected>"),
            std::string::npos)
      << "the person chosen stays chosen";
  // A general-criteria score out of range: beside that person's field only.
  std::string period =
      clock::Today().ToIso().substr(0, 4) + "M" + clock::Today().ToIso().substr(5, 2);
  page = Call(head, "POST", "/kpi/general",
              "staff_id=" + std::to_string(thao) + "&period=" + period + "&score=31", form);
  EXPECT_EQ(page.status, 422);
  std::string field = "id=\"g-" + std::to_string(thao) + "\" name=\"score\" value=\"31\"";
  EXPECT_NE(page.body.find(field), std::string::npos) << "the score as typed";
  EXPECT_NE(page.body.find("id=\"g-" + std::to_string(thao) + "-msg\""), std::string::npos);
  size_t messages = 0;
  for (size_t at = page.body.find("data-testid=\"field-message\""); at != std::string::npos;
       at = page.body.find("data-testid=\"field-message\"", at + 1))
    ++messages;
  EXPECT_EQ(messages, 1u) << "one message, beside the one field";
  // The civil servant reports a product done on a day that does not exist.
  long long id = Item(Me(staff), "open").at("id").as_int64();
  page = Call(staff, "POST", "/kpi/assignments/" + std::to_string(id) + "/done",
              "completed_on=30%2F02%2F2026&note=%C4%90%C3%A3+n%E1%BB%99p", form);
  EXPECT_GE(page.status, 400);
  EXPECT_NE(page.body.find("value=\"30/02/2026\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"Đã nộp\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"done-" + std::to_string(id) + "-msg\""), std::string::npos);
  // The general score, absence and review forms name every problem at once.
  auto fields_of = [](const http::Response& r) {
    std::set<std::string> out;
    auto e = json::parse(r.body).at("error").as_object();
    EXPECT_EQ(e.at("code").as_string(), "GEN-0034") << r.body;
    for (auto& d : e.at("details").as_array()) out.insert(std::string(d.at("field").as_string()));
    return out;
  };
  auto r = Call(head, "POST", "/api/v1/kpi/general",
                "{\"staff_id\":" + std::to_string(thao) + ",\"period\":\"2026X1\",\"score\":31}");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(fields_of(r), (std::set<std::string>{"period", "score"}));
  r = Call(head, "POST", "/api/v1/kpi/absences",
           "{\"staff_id\":" + std::to_string(thao) + ",\"period\":\"x\",\"reason\":\"\"}");
  EXPECT_EQ(fields_of(r), (std::set<std::string>{"period", "reason"}));
  r = Call(head, "POST", "/api/v1/kpi/assignments/" + std::to_string(id) + "/review",
           "{\"decision\":\"maybe\",\"major_errors\":-1,\"delays\":50}");
  EXPECT_EQ(fields_of(r), (std::set<std::string>{"decision", "major_errors", "delays"}));
  EXPECT_EQ(AuditSeq(), seq) << "nothing written";
}

TEST_F(Kpi, ALeadersUnitResultDropsToHalfWhenASubordinateFallsBelowCompleted) {
  Session head = Login("truongphong");
  std::string last_month;
  {
    Date t = clock::Today();
    int y = t.year(), m = t.month() - 1;
    if (m < 1) m = 12, --y;
    last_month = std::to_string(y) + "M" + (m < 10 ? "0" : "") + std::to_string(m);
  }
  json::object before = Me(head, "?period=" + last_month);
  EXPECT_DOUBLE_EQ(before.at("score").at("unit_result").to_number<double>(), 100);
  // Tạ Quang Vinh (the demo's weakest) gets 0 for the general criteria of that month: 38 < 50.
  auto r = Call(
      head, "POST", "/api/v1/kpi/general",
      json::serialize(json::object{
          {"staff_id", StaffIdByName("Tạ Quang Vinh")}, {"period", last_month}, {"score", 0}}));
  ASSERT_EQ(r.status, 200) << r.body;
  json::object after = Me(head, "?period=" + last_month);
  EXPECT_DOUBLE_EQ(after.at("score").at("unit_result").to_number<double>(), 50);
  // 70 × (0.5 × own + 0.5 × unit) / 100: the unit part loses 70 × 0.5 × 50 / 100 = 17.5 points.
  EXPECT_NEAR(Score(before, "task") - Score(after, "task"), 17.5, 1e-9);
  EXPECT_TRUE(after.at("leader").as_bool());
  // The ranking puts him last in the unit.
  auto ranking = json::parse(
      Call(head, "GET",
           "/api/v1/kpi/ranking?unit=" + std::to_string(UnitId("LP-KT")) + "&period=" + last_month)
          .body);
  auto& people = ranking.at("people").as_array();
  ASSERT_FALSE(people.empty());
  EXPECT_EQ(people.back().at("staff").at("name").as_string(), "Tạ Quang Vinh");
  for (size_t i = 1; i < people.size(); ++i)
    EXPECT_GE(people[i - 1].at("score").at("total").to_number<double>(),
              people[i].at("score").at("total").to_number<double>());
}

TEST_F(Kpi, CatalogueVersionsAssignmentsAndCsvImport) {
  Session head = Login("truongphong");
  long long kt = UnitId("LP-KT");
  long long thao = StaffIdByName("Phan Thị Thảo");
  auto products = [&] {
    return json::parse(
               Call(head, "GET", "/api/v1/kpi/units/" + std::to_string(kt) + "/products").body)
        .at("products")
        .as_array();
  };
  long long seq = AuditSeq();
  auto bad = Call(head, "POST", "/api/v1/kpi/products",
                  json::serialize(json::object{{"unit_id", kt},
                                               {"code", "TD"},
                                               {"name", "Trích đo"},
                                               {"measure", "thửa"},
                                               {"factor", 0}}));
  EXPECT_EQ(ErrorCode(bad.body), "KPI-7014");
  EXPECT_EQ(ErrorField(bad.body), "factor");
  EXPECT_EQ(AuditSeq(), seq);
  auto add = [&](double factor) {
    return Call(head, "POST", "/api/v1/kpi/products",
                json::serialize(json::object{{"unit_id", kt},
                                             {"code", "TD"},
                                             {"name", "Trích đo địa chính"},
                                             {"measure", "thửa"},
                                             {"factor", factor}}));
  };
  auto v1 = add(1.5);
  ASSERT_EQ(v1.status, 201) << v1.body;
  long long p1 = json::parse(v1.body).at("id").as_int64();
  std::string month_end = Today();
  auto assign =
      Call(head, "POST", "/api/v1/kpi/assignments",
           json::serialize(json::object{
               {"staff_id", thao}, {"product_id", p1}, {"quantity", 4}, {"deadline", month_end}}));
  ASSERT_EQ(assign.status, 201) << assign.body;
  long long a1 = json::parse(assign.body).at("id").as_int64();
  ASSERT_EQ(add(2).status, 201);
  int td = 0;
  for (auto& p : products())
    if (p.at("code").as_string() == "TD") {
      ++td;
      EXPECT_EQ(p.at("version").as_int64(), 2);
      EXPECT_DOUBLE_EQ(p.at("factor").to_number<double>(), 2);
    }
  EXPECT_EQ(td, 1);  // only the current version is offered
  // The assignment keeps the factor it was given; the retired version cannot be assigned again.
  json::object thao_month = Me(Login("congchuc"));
  EXPECT_DOUBLE_EQ(Find(thao_month.at("items"), "id", a1).at("weight").to_number<double>(), 6);
  EXPECT_EQ(ErrorCode(Call(head, "POST", "/api/v1/kpi/assignments",
                           json::serialize(json::object{
                               {"staff_id", thao}, {"product_id", p1}, {"deadline", month_end}}))
                          .body),
            "KPI-7006");
  // To oneself, a deadline before the assignment, someone out of the unit.
  EXPECT_EQ(
      ErrorCode(Call(head, "POST", "/api/v1/kpi/assignments",
                     json::serialize(json::object{{"staff_id", StaffIdByName("Trịnh Thị Loan")},
                                                  {"product_id", p1 + 1},
                                                  {"deadline", month_end}}))
                    .body),
      "KPI-7004");
  EXPECT_EQ(ErrorCode(Call(head, "POST", "/api/v1/kpi/assignments",
                           json::serialize(json::object{{"staff_id", thao},
                                                        {"product_id", p1 + 1},
                                                        {"assigned_on", "2026-03-10"},
                                                        {"deadline", "2026-03-01"}}))
                          .body),
            "KPI-7003");
  EXPECT_EQ(Call(head, "POST", "/api/v1/kpi/assignments",
                 json::serialize(json::object{{"staff_id", StaffIdByName("Vũ Thị Hồng")},
                                              {"product_id", p1 + 1},
                                              {"deadline", month_end}}))
                .status,
            404);

  // CSV: one bad row refuses the file and writes nothing.
  long long before = Count("kpi_assignments");
  seq = AuditSeq();
  std::string good_row = std::to_string(thao) + ",TD,2,Trích đo thửa 12,01/11/2026,30/11/2026\r\n";
  auto refused = Call(head, "POST", "/api/v1/kpi/assignments/import",
                      "staff_id,product_code,quantity,title,assigned_on,deadline\r\n" + good_row +
                          std::to_string(thao) + ",KHONGCO,-1,,01/11/2026,01/10/2026\r\n",
                      "text/csv");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(ErrorCode(refused.body), "KPI-7013");
  auto details = json::parse(refused.body).at("error").at("details").as_array();
  EXPECT_EQ(details.size(), 3u);  // product code, quantity, deadline before assignment
  EXPECT_EQ(Count("kpi_assignments"), before);
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(ErrorCode(Call(head, "POST", "/api/v1/kpi/assignments/import",
                           "staff_id,quantity\r\n1,2\r\n", "text/csv")
                          .body),
            "KPI-7019");
  // The page's import form shows each problem with its row, and writes nothing.
  auto page = Call(head, "POST", "/kpi/assignments/import",
                   "csv=" + http::UrlEncode("staff_id,product_code,quantity,title,assigned_on,"
                                            "deadline\n" +
                                            std::to_string(thao) +
                                            ",KHONGCO,1,,01/11/2026,"
                                            "30/11/2026\n"),
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(page.status, 422);
  // The problems as a table of row, column and message; the pasted text stays in the box.
  EXPECT_NE(page.body.find("<td>2</td><td><code>product_code</code></td>"), std::string::npos);
  EXPECT_NE(page.body.find(",KHONGCO,1,,01/11/2026,30/11/2026</textarea>"), std::string::npos);
  EXPECT_EQ(Count("kpi_assignments"), before);
  auto imported =
      Call(head, "POST", "/api/v1/kpi/assignments/import",
           "staff_id,product_code,quantity,title,assigned_on,deadline\r\n" + good_row, "text/csv");
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(json::parse(imported.body).at("created").as_int64(), 1);
  EXPECT_EQ(Count("kpi_assignments"), before + 1);
  // Quantities are read the Vietnamese way, as in the forms: "1,5" is one and a half, "2l5" and
  // "1.5" are refused with the cell named, nothing written.
  std::string header = "staff_id,product_code,quantity,title,assigned_on,deadline\r\n";
  for (const char* bad : {"2l5", "1.5", "1,5,0"}) {
    auto r = Call(
        head, "POST", "/api/v1/kpi/assignments/import",
        header + std::to_string(thao) + ",TD,\"" + bad + "\",Trích đo,01/11/2026,30/11/2026\r\n",
        "text/csv");
    EXPECT_EQ(r.status, 422) << bad;
    auto d = json::parse(r.body).at("error").at("details").as_array();
    ASSERT_EQ(d.size(), 1u) << r.body;
    EXPECT_EQ(d[0].at("field").as_string(), "quantity");
    EXPECT_EQ(Count("kpi_assignments"), before + 1);
  }
  auto half =
      Call(head, "POST", "/api/v1/kpi/assignments/import",
           header + std::to_string(thao) + ",TD,\"1,5\",Trích đo thửa 14,01/11/2026,30/11/2026\r\n",
           "text/csv");
  ASSERT_EQ(half.status, 200) << half.body;
  store::Conn c = app_->db().Lease();
  EXPECT_DOUBLE_EQ(
      c.QueryOne("SELECT quantity FROM kpi_assignments WHERE title = 'Trích đo thửa 14'")->Num(0),
      1.5);
}

TEST_F(Kpi, ADirectiveSubTaskForAPersonCountsAsAnAssignment) {
  Session head = Login("truongphong");
  long long task = 0;
  {
    store::Conn c = app_->db().Lease();
    task = c.QueryOne("SELECT id, deadline FROM tasks WHERE key_no = 10")->Int(0);
  }
  auto parent = json::parse(Call(head, "GET", "/api/v1/tasks/" + std::to_string(task)).body);
  std::string deadline = std::string(parent.at("deadline").as_string());
  long long thao = StaffIdByName("Phan Thị Thảo");
  auto sub = Call(head, "POST", "/api/v1/tasks/" + std::to_string(task) + "/subtasks",
                  json::serialize(json::object{{"code", "NV10-KPI"},
                                               {"title", "Thống kê diện tích đất công"},
                                               {"lead_unit_id", UnitId("LP-KT")},
                                               {"deadline", deadline},
                                               {"responsible_staff_id", thao}}));
  ASSERT_EQ(sub.status, 201) << sub.body;
  long long sub_id = json::parse(sub.body).at("id").as_int64();
  Session staff = Login("congchuc");
  Date due = *Date::ParseIso(deadline);
  std::string period = std::to_string(due.year()) + "M" + (due.month() < 10 ? "0" : "") +
                       std::to_string(due.month());
  auto find = [&]() -> json::object {
    json::object month = Me(staff, "?period=" + period);
    for (auto& i : month.at("items").as_array())
      if (!i.at("task_id").is_null() && i.at("task_id").as_int64() == sub_id) return i.as_object();
    return {};
  };
  json::object item = find();
  ASSERT_FALSE(item.empty());
  EXPECT_EQ(item.at("source").as_string(), "task");
  EXPECT_EQ(item.at("status").as_string(), "open");
  // The task marked done: the person's product is reported done, for the head to confirm.
  auto upd = Call(staff, "POST", "/api/v1/tasks/" + std::to_string(sub_id) + "/updates",
                  json::serialize(json::object{
                      {"percent", 100}, {"completed", "true"}, {"narrative", "Đã thống kê xong"}}));
  ASSERT_EQ(upd.status, 201) << upd.body;
  EXPECT_EQ(find().at("status").as_string(), "reported");
}

class KpiPeriods : public KpiBase {};

TEST_F(KpiPeriods, AQuarterlyUnitScoresTheQuarterAndAnAbsenceLeavesTheAverage) {
  Session head = Login("truongphong");
  Session staff = Login("congchuc");
  long long kt = UnitId("LP-KT");
  json::object month = Me(staff);
  EXPECT_NE(std::string(month.at("period").as_string()).find("M"), std::string::npos);
  EXPECT_EQ(ErrorCode(Call(head, "POST", "/api/v1/kpi/units/" + std::to_string(kt) + "/period-kind",
                           R"({"period_kind": "year"})")
                          .body),
            "GEN-0014");
  ASSERT_EQ(Call(head, "POST", "/api/v1/kpi/units/" + std::to_string(kt) + "/period-kind",
                 R"({"period_kind": "quarter"})")
                .status,
            200);
  json::object quarter = Me(staff);
  std::string q(quarter.at("period").as_string());
  EXPECT_NE(q.find("Q"), std::string::npos);
  // The quarter holds this month's products and those of the quarter's other months so far.
  EXPECT_GE(quarter.at("count").as_int64(), month.at("count").as_int64());
  // A month of absence is left out of the year's average.
  long long thao = StaffIdByName("Phan Thị Thảo");
  auto periods = [&]() -> long long {
    auto l = json::parse(Call(Login("chutich"), "GET", "/api/v1/kpi/ratings").body);
    for (auto& x : l.at("lines").as_array())
      if (x.at("staff_id").as_int64() == thao) return x.at("periods").as_int64();
    return -1;
  };
  long long before = periods();
  Date t = clock::Today();
  int y = t.year(), m = t.month() - 1;
  if (m < 1) m = 12, --y;
  std::string last = Period::Of(PeriodType::kMonth, y, m).Id();  // the calendar month before
  EXPECT_EQ(ErrorCode(Call(head, "POST", "/api/v1/kpi/absences",
                           json::serialize(json::object{{"staff_id", thao}, {"period", last}}))
                          .body),
            "GEN-0004");
  ASSERT_EQ(Call(head, "POST", "/api/v1/kpi/absences",
                 json::serialize(json::object{
                     {"staff_id", thao}, {"period", last}, {"reason", "Nghỉ thai sản"}}))
                .status,
            200);
  EXPECT_EQ(periods(), before - 1);
}

TEST_F(KpiPeriods, MonthlySumsAreRebuiltWhenTheyWereComputedWithOtherRates) {
  Session staff = Login("congchuc");
  json::object before = Me(staff);
  {
    store::Conn c = app_->db().Lease();
    c.Exec("UPDATE kpi_outcome_basis SET per_major_error = 0.5");
    c.Exec("UPDATE kpi_outcomes SET quality = 0, done = 0");
  }
  EXPECT_DOUBLE_EQ(Score(Me(staff), "quality"), 0);  // the damaged sums are what is read
  app_->kpi().EnsureOutcomes();  // as at start: the recorded rates differ from the rule file's
  json::object after = Me(staff);
  EXPECT_DOUBLE_EQ(Score(after, "quality"), Score(before, "quality"));
  EXPECT_DOUBLE_EQ(Score(after, "quantity"), Score(before, "quantity"));
}

TEST_F(KpiPeriods, APersonMovedToAnotherCommuneTakesTheirScores) {
  Principal su = app::App::Superuser();
  Actor a{su, "test", ""};
  Date t = clock::Today();
  int m = t.month() - 1, y = t.year();
  if (m < 1) m = 12, --y;
  Period last = Period::Of(PeriodType::kMonth, y, m);
  long long thao = StaffIdByName("Phan Thị Thảo");
  kpi::PersonScore before = app_->kpi().ScorePerson(a, thao, last);
  ASSERT_TRUE(before.general);
  org::OrgUnitDraft commune{"TX", "Xã Thử Nghiệm", org::OrgKind::kCommune, UnitId("HP"),
                            *Date::FromYmd(2025, 7, 1)};
  long long tx = app_->org().CreateUnit(a, commune).id;
  org::OrgUnitDraft office{"TX-VP", "Văn phòng HĐND và UBND", org::OrgKind::kOffice, tx,
                           *Date::FromYmd(2025, 7, 1)};
  long long vp = app_->org().CreateUnit(a, office).id;
  org::Staff s = app_->org().GetStaff(a, thao).staff;
  org::StaffDraft d{vp,           s.full_name, s.sex,      s.birth_date,
                    s.citizen_id, s.category,  s.position, s.start_date};
  app_->org().UpdateStaff(a, thao, d);
  kpi::PersonScore after = app_->kpi().ScorePerson(a, thao, last);
  EXPECT_DOUBLE_EQ(after.score.total, before.score.total);
  EXPECT_EQ(after.count, before.count);
  // The new commune's rating list has her year.
  auto list = app_->kpi().Ratings(a, tx, y);
  ASSERT_EQ(list.lines.size(), 1u);
  EXPECT_GE(list.lines[0].periods, 1);
}

class KpiRating : public KpiBase {};

TEST_F(KpiRating, TheQuotaIsCheckedInEachUnitAndInEachGroupOfSimilarPositions) {
  Session leader = Login("chutich");
  // Make the deputy heads of three offices excellent: 30 general points in both closed months.
  Date t = clock::Today();
  for (const char* name : {"Đỗ Minh Tuấn", "Lương Văn Thắng", "Lý Thị Hương"}) {
    long long id = StaffIdByName(name);
    ASSERT_NE(id, 0) << name;
    for (int back = 1; back <= 2; ++back) {
      int y = t.year(), m = t.month() - back;
      if (m < 1) m += 12, --y;
      ASSERT_EQ(
          Call(Login("quantri"), "POST", "/api/v1/kpi/general",
               json::serialize(json::object{{"staff_id", id},
                                            {"period", Period::Of(PeriodType::kMonth, y, m).Id()},
                                            {"score", 30}}))
              .status,
          200);
    }
  }
  json::value list = json::parse(Call(leader, "GET", "/api/v1/kpi/ratings").body);
  bool all_ok = true, unit_seen = false, group_seen = false;
  for (auto& q : list.at("checks").as_array()) {
    long long excellent = q.at("excellent").as_int64(), good = q.at("good").as_int64();
    bool ok =
        excellent <= static_cast<long long>(std::floor(0.2 * static_cast<double>(good) + 1e-9));
    EXPECT_EQ(q.at("ok").as_bool(), ok) << json::serialize(q);
    all_ok = all_ok && ok;
    (q.at("group").as_bool() ? group_seen : unit_seen) = true;
  }
  EXPECT_TRUE(unit_seen);
  EXPECT_TRUE(group_seen);  // the position groups are checked, not only the units
  // The three deputies are within their offices' 20% (one of five good in Kinh tế and in Văn hóa –
  // Xã hội), but together they are three of six good in the group of leading positions: over.
  EXPECT_TRUE(Find(list.at("checks"), "scope", "Phòng Kinh tế").at("ok").as_bool());
  EXPECT_TRUE(Find(list.at("checks"), "scope", "Phòng Văn hóa – Xã hội").at("ok").as_bool());
  const auto& leaders = Find(list.at("checks"), "scope", "leaders");
  EXPECT_EQ(leaders.at("excellent").as_int64(), 3);
  EXPECT_FALSE(leaders.at("ok").as_bool());
  EXPECT_FALSE(list.at("quota_ok").as_bool());
  EXPECT_EQ(list.at("quota_ok").as_bool(), all_ok);
}

TEST_F(KpiRating, TheQuotaBlocksApprovalUntilAnExceptionIsRecordedAndVetoesOverrideScores) {
  Session leader = Login("chutich");
  int year = clock::Today().year();
  auto ratings = [&] {
    return json::parse(Call(leader, "GET", "/api/v1/kpi/ratings?year=" + std::to_string(year)).body)
        .as_object();
  };
  json::object list = ratings();
  EXPECT_TRUE(list.at("quota_ok").as_bool());
  EXPECT_FALSE(list.at("approved").as_bool());
  // Every rating follows the thresholds; the coefficients follow Hải Phòng's resolution.
  for (auto& l : list.at("lines").as_array()) {
    double avg = l.at("average").to_number<double>();
    std::string r(l.at("rating").as_string());
    std::string want = avg >= 90   ? "excellent"
                       : avg >= 70 ? "good"
                       : avg >= 50 ? "completed"
                                   : "not_completed";
    EXPECT_EQ(r, want) << l.at("name").as_string();
    EXPECT_DOUBLE_EQ(l.at("income_coefficient").to_number<double>(), r == "completed"       ? 0.6
                                                                     : r == "not_completed" ? 0
                                                                                            : 0.8);
  }
  // Outside the year's window: refused.
  long long seq = AuditSeq();
  auto early = Call(leader, "POST", "/api/v1/kpi/ratings/approve", R"({"year": 2023})");
  EXPECT_EQ(ErrorCode(early.body), "KPI-7005");
  EXPECT_EQ(ErrorCode(Call(Login("truongphong"), "POST", "/api/v1/kpi/ratings/approve",
                           R"({"year": 2026})")
                          .body),
            "GEN-0011");
  // Lê Văn Đức scored 30 for the general criteria of both closed months: excellent, and the
  // leadership's three people have no room for one (20% of 2 good is 0).
  long long duc = StaffIdByName("Lê Văn Đức");
  Date t = clock::Today();
  for (int back = 1; back <= 2; ++back) {
    int y = t.year(), m = t.month() - back;
    if (m < 1) m += 12, --y;
    std::string p = std::to_string(y) + "M" + (m < 10 ? "0" : "") + std::to_string(m);
    ASSERT_EQ(Call(Login("quantri"), "POST", "/api/v1/kpi/general",
                   json::serialize(json::object{{"staff_id", duc}, {"period", p}, {"score", 30}}))
                  .status,
              200);
  }
  // The pinned day (28/11) is inside the year's rating window and both closed months are in the
  // year: the quota decides.
  list = ratings();
  EXPECT_EQ(Find(list.at("lines"), "staff_id", duc).at("rating").as_string(), "excellent");
  EXPECT_FALSE(list.at("quota_ok").as_bool());
  seq = AuditSeq();
  auto blocked = Call(leader, "POST", "/api/v1/kpi/ratings/approve",
                      json::serialize(json::object{{"year", year}}));
  EXPECT_EQ(ErrorCode(blocked.body), "KPI-7009");
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_NE(Call(leader, "GET", "/kpi/ratings").body.find("data-testid=\"approve-blocked\""),
            std::string::npos);
  ASSERT_EQ(Call(leader, "POST", "/api/v1/kpi/quota-exceptions",
                 json::serialize(json::object{{"year", year},
                                              {"reason", "Đơn vị có thành tích nổi bật"},
                                              {"decision", "QĐ 15/QĐ-UBND ngày 20/11"}}))
                .status,
            200);
  // A veto condition: "not completed" whatever the score.
  long long hong = StaffIdByName("Vũ Thị Hồng");
  EXPECT_EQ(ErrorCode(Call(leader, "POST", "/api/v1/kpi/vetoes",
                           json::serialize(json::object{{"staff_id", hong}, {"year", year}}))
                          .body),
            "GEN-0004");
  ASSERT_EQ(Call(leader, "POST", "/api/v1/kpi/vetoes",
                 json::serialize(json::object{{"staff_id", hong},
                                              {"year", year},
                                              {"reason", "Kỷ luật khiển trách"},
                                              {"decision", "QĐ 09/QĐ-UBND"}}))
                .status,
            200);
  json::object vetoed = ratings();
  {
    const auto& l = Find(vetoed.at("lines"), "staff_id", hong);
    EXPECT_GE(l.at("average").to_number<double>(), 90);
    EXPECT_EQ(l.at("rating").as_string(), "not_completed");
    EXPECT_DOUBLE_EQ(l.at("income_coefficient").to_number<double>(), 0);
  }
  auto approve = Call(leader, "POST", "/api/v1/kpi/ratings/approve",
                      json::serialize(json::object{{"year", year}}));
  ASSERT_EQ(approve.status, 200) << approve.body;
  EXPECT_TRUE(ratings().at("approved").as_bool());
  EXPECT_EQ(ErrorCode(Call(leader, "POST", "/api/v1/kpi/ratings/approve",
                           json::serialize(json::object{{"year", year}}))
                          .body),
            "KPI-7012");
  // The exports: the list and the income list as spreadsheets, the minutes as a document.
  auto xlsx = Call(leader, "GET", "/kpi/ratings.xlsx?year=" + std::to_string(year));
  ASSERT_EQ(xlsx.status, 200);
  auto strings = documents::ReadZipEntry(xlsx.body, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  EXPECT_NE(strings->find("Vũ Thị Hồng"), std::string::npos);
  auto docx = Call(leader, "GET", "/kpi/ratings.docx?year=" + std::to_string(year));
  ASSERT_EQ(docx.status, 200);
  auto doc = documents::ReadZipEntry(docx.body, "word/document.xml");
  ASSERT_TRUE(doc);
  EXPECT_NE(doc->find("BIÊN BẢN"), std::string::npos);
  EXPECT_NE(doc->find("Kỷ luật khiển trách"), std::string::npos);
  // Before the meeting is recorded, the minutes leave its parts to fill in by hand.
  EXPECT_NE(doc->find("Địa điểm: ……"), std::string::npos);

  // The meeting as the minutes record it: a refused form names every problem beside its field
  // and keeps what was typed; nothing is written.
  seq = AuditSeq();
  auto bad = Call(leader, "POST", "/api/v1/kpi/rating-meeting",
                  R"({"year":)" + std::to_string(year) +
                      R"(,"held_on":"31/02/2026","starts_at":"9:00","ends_at":"8h","place":"",)"
                      R"("attendees":"Thường trực UBND","chair":"Nguyễn Phú Trung","secretary":"",)"
                      R"("conclusion":"Thống nhất."})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(ErrorCode(bad.body), "GEN-0034");
  std::set<std::string> fields;
  auto refused = json::parse(bad.body);
  for (auto& x : refused.at("error").at("details").as_array())
    fields.insert(std::string(x.at("field").as_string()));
  EXPECT_EQ(fields, (std::set<std::string>{"held_on", "ends_at", "place", "secretary"}));
  EXPECT_EQ(AuditSeq(), seq);
  auto page =
      Call(leader, "POST", "/kpi/rating-meeting",
           "year=" + std::to_string(year) +
               "&held_on=31%2F02%2F2026&starts_at=9%3A00&ends_at=8h&place=&attendees=Th%C6%B0%E1"
               "%BB%9Dng+tr%E1%BB%B1c&chair=Nguy%E1%BB%85n+Ph%C3%BA+Trung&secretary=&conclusion=OK",
           "application/x-www-form-urlencoded");
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("id=\"mt-held_on-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"mt-ends_at-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"mt-secretary-msg\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"mt-chair-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"Nguyễn Phú Trung\""), std::string::npos);  // kept as typed
  EXPECT_NE(page.body.find("value=\"31/02/2026\""), std::string::npos);
  auto good = Call(
      leader, "POST", "/api/v1/kpi/rating-meeting",
      R"({"year":)" + std::to_string(year) +
          R"(,"held_on":"27/11/2026","starts_at":"8:00","ends_at":"10 giờ 30",)"
          R"("place":"Hội trường Ủy ban nhân dân xã","attendees":"Thường trực UBND xã, )"
          R"(trưởng các phòng","chair":"Nguyễn Phú Trung","secretary":"Lê Thị Lan",)"
          R"("conclusion":"Thống nhất danh sách xếp loại.\nGiao Văn phòng hoàn thiện hồ sơ."})");
  ASSERT_EQ(good.status, 200) << good.body;
  auto minutes = Call(leader, "GET", "/kpi/ratings.docx?year=" + std::to_string(year));
  auto mx = documents::ReadZipEntry(minutes.body, "word/document.xml");
  ASSERT_TRUE(mx);
  for (std::string part :
       {"Thời gian bắt đầu: 8 giờ 00, ngày 27 tháng 11 năm 2026.",
        "Địa điểm: Hội trường Ủy ban nhân dân xã", "Thành phần tham dự: Thường trực UBND xã",
        "Chủ trì: Nguyễn Phú Trung", "Thư ký: Lê Thị Lan", "NỘI DUNG", "KẾT LUẬN",
        "Thống nhất danh sách xếp loại.</w:t>", "Giao Văn phòng hoàn thiện hồ sơ.",
        "Cuộc họp kết thúc vào 10 giờ 30 cùng ngày./.", "THƯ KÝ", "CHỦ TRÌ",
        "Ủy ban nhân dân xã Lạc Phương họp xét"})
    EXPECT_NE(mx->find(part), std::string::npos) << part;
  // The secretary signs at the left, the chair at the right, in that order.
  EXPECT_LT(mx->find("THƯ KÝ"), mx->find("CHỦ TRÌ"));
  EXPECT_LT(mx->rfind("Lê Thị Lan"), mx->rfind("Nguyễn Phú Trung"));
  EXPECT_EQ(mx->find("TM. ỦY BAN NHÂN DÂN"), std::string::npos);  // not a report's signature
  auto income = Call(leader, "GET", "/kpi/income.xlsx?year=" + std::to_string(year));
  ASSERT_EQ(income.status, 200);
  auto income_strings = documents::ReadZipEntry(income.body, "xl/sharedStrings.xml");
  ASSERT_TRUE(income_strings);
  EXPECT_EQ(income_strings->find("Vũ Thị Hồng"), std::string::npos);  // no extra income
}

}  // namespace kientao::testing
