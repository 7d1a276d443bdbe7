// The retirement calculator and the plan's retirement list through the router, on the backend under
// test: the rule's answer, bad input with its code, and who may see the list.
#include <boost/json.hpp>
#include <regex>

#include "base/clock.hpp"
#include "modules/documents/zip_archive.hpp"
#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace json = boost::json;

class Staffing : public AppTest {};

TEST_F(Staffing, RetirementCalculatorAnswersByTheRoadmapAndRefusesBadDates) {
  Session s = Login("congchuc");
  auto r = Call(s, "GET", "/api/v1/staffing/retirement?sex=male&birth=1961-10-01");
  ASSERT_EQ(r.status, 200) << r.body;
  auto o = json::parse(r.body).as_object();
  EXPECT_EQ(o.at("age_years").as_int64(), 60);
  EXPECT_EQ(o.at("age_months").as_int64(), 6);
  EXPECT_EQ(o.at("retirement_month").as_string(), "2022-04");
  EXPECT_EQ(o.at("pension_from").as_string(), "2022-05");
  auto w =
      json::parse(Call(s, "GET", "/api/v1/staffing/retirement?sex=female&birth=20/05/1975").body);
  EXPECT_EQ(w.at("retirement_month").as_string(), "2035-05");
  struct Bad {
    const char* query;
    int status;
    const char* code;
    const char* field;
  };
  for (const Bad& b : {Bad{"sex=male&birth=2099-01-01", 422, "STF-6001", "birth"},
                       Bad{"sex=male&birth=1939-12-31", 422, "STF-6001", "birth"},
                       Bad{"sex=male&birth=31/02/1970", 422, "GEN-0008", "birth"},
                       Bad{"sex=other&birth=1970-01-01", 422, "GEN-0014", "sex"},
                       Bad{"birth=1970-01-01", 422, "GEN-0004", "sex"}}) {
    auto bad = Call(s, "GET", std::string("/api/v1/staffing/retirement?") + b.query);
    EXPECT_EQ(bad.status, b.status) << b.query;
    EXPECT_EQ(ErrorCode(bad.body), b.code) << b.query;
    EXPECT_EQ(ErrorField(bad.body), b.field) << b.query;
  }
}

TEST_F(Staffing, WhoRetiresEachYearOfThePlan) {
  Session office = Login("vanphong");
  auto r = Call(office, "GET", "/api/v1/staffing/retirements");
  ASSERT_EQ(r.status, 200) << r.body;
  auto years = json::parse(r.body).at("years").as_array();
  ASSERT_EQ(years.size(), 6u);  // 2026–2031
  int people = 0;
  for (auto& y : years) {
    for (auto& p : y.at("people").as_array()) {
      ++people;
      EXPECT_EQ(std::string(p.at("retirement_month").as_string()).substr(0, 4),
                std::to_string(y.at("year").as_int64()));
      EXPECT_FALSE(p.as_object().contains("birth_date"));  // the list does not spread birth dates
    }
  }
  // The demo's oldest staff (born 1966–1972) reach retirement age within the plan.
  EXPECT_GT(people, 0);
  EXPECT_EQ(ErrorCode(Call(office, "GET", "/api/v1/staffing/retirements?from=2031&to=2026").body),
            "STF-6002");
  Session village = Login("truongthon");
  EXPECT_EQ(Call(village, "GET", "/api/v1/staffing/retirements").status, 403);
  auto page = Call(office, "GET", "/staffing?sex=male&birth=15/01/1961");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("04/2021"), std::string::npos);
  EXPECT_NE(page.body.find("data-testid=\"year-2026\""), std::string::npos);
}

TEST_F(Staffing, ThePlanShowsQuotaExpectedHeadcountAndTheGapByYear) {
  Session office = Login("vanphong");
  long long kt = UnitId("LP-KT");
  long long seq = AuditSeq();
  auto quota = [&](const std::string& body) {
    return Call(office, "POST", "/api/v1/staffing/quotas", body);
  };
  EXPECT_EQ(
      ErrorCode(
          quota("{\"unit_id\": " + std::to_string(kt) + ", \"year\": 2027, \"quota\": -1}").body),
      "STF-6003");
  EXPECT_EQ(
      ErrorCode(
          quota("{\"unit_id\": " + std::to_string(kt) + ", \"year\": 2099, \"quota\": 5}").body),
      "STF-6002");
  EXPECT_EQ(ErrorCode(quota("{\"unit_id\": 999999, \"year\": 2027, \"quota\": 5}").body),
            "STF-6004");
  EXPECT_EQ(AuditSeq(), seq);
  ASSERT_EQ(quota("{\"unit_id\": " + std::to_string(kt) + ", \"year\": 2027, \"quota\": 3}").status,
            200);
  auto plan = json::parse(Call(office, "GET", "/api/v1/staffing/plan").body);
  bool found = false;
  for (auto& u : plan.at("units").as_array()) {
    if (u.at("unit").at("id").as_int64() != kt) continue;
    found = true;
    long long headcount = u.at("headcount").as_int64();
    long long retired = 0;
    for (auto& y : u.at("years").as_array()) {
      retired += y.at("retiring").as_int64();
      if (y.at("year").as_int64() == 2027) {
        EXPECT_EQ(y.at("quota").as_int64(), 3);
        EXPECT_EQ(y.at("gap").as_int64(), y.at("expected").as_int64() - 3);
      }
      EXPECT_LE(y.at("expected").as_int64(), headcount - retired);  // retirements leave
    }
  }
  EXPECT_TRUE(found);
  ASSERT_EQ(plan.at("total").as_array().size(), 6u);
  // The quota feeds an indicator: posts filled against the quota, rolled up over the units with
  // one.
  std::string period = ::kientao::Period::Containing(PeriodType::kMonth, clock::Today()).Id();
  long long quota_sum = 0, filled = 0;
  {
    store::Conn c = app_->db().Lease();
    auto year = ::kientao::Period::Parse(period)->WindowEnd().year();
    for (auto& r : c.Query("SELECT q.unit_id, q.quota FROM staffing_quotas q WHERE q.year = :1",
                           {static_cast<long long>(year)})) {
      quota_sum += r.Int(1);
      filled += c.QueryOne(
                     "SELECT COUNT(*) FROM staff WHERE unit_id = :1 AND category IN ('cadre', "
                     "'civil_servant', "
                     "'public_employee') AND status = 'active'",
                     {r.Int(0)})
                    ->Int(0);
    }
  }
  auto lines = json::parse(
      Call(office, "GET",
           "/api/v1/communes/" + std::to_string(UnitId("LP")) + "/indicators?period=" + period)
          .body);
  bool seen = false;
  for (auto& l : lines.at("items").as_array())
    if (l.at("code").as_string() == "HEADCOUNT_VS_QUOTA") {
      seen = true;
      EXPECT_DOUBLE_EQ(l.at("value").to_number<double>(), 100.0 * filled / quota_sum);
      EXPECT_EQ(l.at("source").as_string(), "staffing.quota");
    }
  EXPECT_TRUE(seen);
  Session village = Login("truongthon");
  EXPECT_EQ(Call(village, "POST", "/api/v1/staffing/quotas", "{}").status, 403);
  // The plan as a spreadsheet: numbers as numbers, the retirement list on a second sheet.
  auto xlsx = Call(office, "GET", "/staffing/plan.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto book = documents::ReadZipEntry(xlsx.body, "xl/workbook.xml");
  ASSERT_TRUE(book);
  EXPECT_NE(book->find("Kế hoạch biên chế"), std::string::npos);
  EXPECT_NE(book->find("Nghỉ hưu"), std::string::npos);
  auto first = documents::ReadZipEntry(xlsx.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(first);
  EXPECT_NE(first->find("<v>3</v>"), std::string::npos);  // the quota of 3 set above
  auto strings = documents::ReadZipEntry(xlsx.body, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  EXPECT_NE(strings->find("Mai Văn Sơn"), std::string::npos);  // retires in 2028
  // Retirement months are date cells (mm/yyyy), not text.
  std::smatch month;
  EXPECT_FALSE(std::regex_search(*strings, month, std::regex("\\b\\d\\d/20\\d\\d\\b")))
      << month.str();
  auto second = documents::ReadZipEntry(xlsx.body, "xl/worksheets/sheet2.xml");
  ASSERT_TRUE(second);
  auto styles = documents::ReadZipEntry(xlsx.body, "xl/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("formatCode=\"mm/yyyy\""), std::string::npos);
  auto page = Call(office, "GET", "/staffing");
  EXPECT_NE(page.body.find("data-testid=\"staffing-plan\""), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/staffing/quotas\""), std::string::npos);
  // A quota typed wrong on the page: the page again, the field as typed and the problem beside it.
  long long unit = UnitId("LP-VHXH");
  int year = clock::Today().year() + 1;
  std::string id = "q-" + std::to_string(unit) + "-" + std::to_string(year);
  auto refused =
      Call(office, "POST", "/staffing/quotas",
           "unit_id=" + std::to_string(unit) + "&year=" + std::to_string(year) + "&quota=-3",
           "application/x-www-form-urlencoded");
  EXPECT_EQ(refused.status, 422) << refused.body.substr(0, 300);
  EXPECT_NE(refused.body.find("id=\"" + id + "\" name=\"quota\" value=\"-3\""), std::string::npos);
  EXPECT_NE(refused.body.find("id=\"" + id + "-msg\""), std::string::npos);
  EXPECT_NE(refused.body.find("data-testid=\"quota-error\""), std::string::npos);
  EXPECT_EQ(refused.body.find("STF-"), std::string::npos) << "no internal code on screen";
  auto saved =
      Call(office, "POST", "/staffing/quotas",
           "unit_id=" + std::to_string(unit) + "&year=" + std::to_string(year) + "&quota=7",
           "application/x-www-form-urlencoded");
  EXPECT_EQ(saved.status, 303);
}

class Streamlining : public AppTest {};

TEST_F(Streamlining, ACandidateGetsTheEstimateOfTheChosenRegimeAndBadInputWritesNothing) {
  Session office = Login("vanphong");
  long long hanh = StaffIdByName("Vương Thị Hạnh");  // retires at the end of 09/2028
  auto add = [&](json::object o) {
    return Call(office, "POST", "/api/v1/staffing/candidates", json::serialize(o));
  };
  json::object good{{"staff_id", hanh},         {"ground", "surplus_position"},
                    {"leave_on", "2026-12-01"}, {"regime", "nd178_early"},
                    {"salary", 10000000},       {"insured_months", 240},
                    {"within_12_months", "yes"}};
  long long before = Count("staffing_candidates");
  long long seq = AuditSeq();
  struct Bad {
    const char* field;
    json::value value;
    const char* code;
  };
  for (const Bad& b :
       {Bad{"ground", "khong_co", "STF-6007"}, Bad{"leave_on", "2035-01-01", "STF-6009"},
        Bad{"salary", -1, "STF-6005"}, Bad{"insured_months", 9999, "STF-6005"},
        Bad{"regime", "nd999", "GEN-0014"}}) {
    json::object o = good;
    o[b.field] = b.value;
    auto r = add(o);
    EXPECT_EQ(ErrorCode(r.body), b.code) << b.field;
    EXPECT_EQ(ErrorField(r.body), b.field) << b.field;
  }
  // Someone raising a child under 36 months is not streamlined now.
  json::object deferred = good;
  deferred["staff_id"] = StaffIdByName("Đinh Thị Yến");
  EXPECT_EQ(ErrorCode(add(deferred).body), "STF-6008");
  // The page's form: refused with the message on the page.
  auto form = Call(office, "POST", "/staffing/candidates",
                   "staff_id=" + std::to_string(hanh) +
                       "&ground=surplus_position&leave_on=01/01/2035&regime=nd154_early&salary=1",
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 422);
  EXPECT_NE(form.body.find("data-testid=\"form-error\""), std::string::npos);
  EXPECT_EQ(Count("staffing_candidates"), before);
  EXPECT_EQ(AuditSeq(), seq);

  auto ok = add(good);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ErrorCode(add(good).body), "STF-6008");  // already listed
  auto view = json::parse(Call(office, "GET", "/api/v1/staffing/candidates?year=2026").body);
  const json::object* mine = nullptr;
  for (auto& c : view.at("candidates").as_array())
    if (c.at("staff_id").as_int64() == hanh) mine = &c.as_object();
  ASSERT_TRUE(mine);
  // 22 months early (12/2026 – 09/2028): 22 × S + 5 × S × 1 full year + 5 × S for 20 insured years.
  EXPECT_EQ(mine->at("months_early").as_int64(), 22);
  auto& est = mine->at("estimate").as_object();
  EXPECT_DOUBLE_EQ(est.at("total").to_number<double>(), 32 * 10000000.0);
  for (auto& l : est.at("lines").as_array()) {
    EXPECT_FALSE(l.at("formula").as_string().empty());
    EXPECT_NE(l.at("article").as_string().find("NĐ"), std::string::npos);
  }
  bool budget = false;
  for (auto& b : view.at("budget").as_array())
    if (b.at("year").as_int64() == 2026) {
      budget = true;
      EXPECT_DOUBLE_EQ(b.at("total").to_number<double>(), 320000000.0);
    }
  EXPECT_TRUE(budget);
  // The plan counts her leaving in 2026, not retiring in 2028.
  auto plan = json::parse(Call(office, "GET", "/api/v1/staffing/plan").body);
  {
    const auto& u = Find(plan.at("units"), "unit", "id", UnitId("LP-VHXH"));
    EXPECT_EQ(u.at("years").as_array().at(0).at("streamlining").as_int64(), 1);
    EXPECT_GE(u.at("by_category").at("civil_servant").as_int64(), 5);
  }
  // The exports: the list with grounds and estimates, the plan as a Decree 30 document.
  auto xlsx = Call(office, "GET", "/staffing/candidates.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  auto strings = documents::ReadZipEntry(xlsx.body, "xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  EXPECT_NE(strings->find("Vương Thị Hạnh"), std::string::npos);
  EXPECT_NE(strings->find("NĐ 178/2024"), std::string::npos);
  auto docx = Call(office, "GET", "/staffing/plan.docx");
  ASSERT_EQ(docx.status, 200);
  auto doc = documents::ReadZipEntry(docx.body, "word/document.xml");
  ASSERT_TRUE(doc);
  EXPECT_NE(doc->find("KẾ HOẠCH"), std::string::npos);
  EXPECT_NE(doc->find("Tinh giản biên chế giai đoạn 2026–2031"), std::string::npos);
  EXPECT_NE(doc->find("Vương Thị Hạnh"), std::string::npos);
  // A deferral case arising later takes her out of the plan's departures and the budget.
  ASSERT_EQ(Call(office, "POST", "/api/v1/staffing/deferrals",
                 json::serialize(json::object{
                     {"staff_id", hanh}, {"kind", "pregnancy"}, {"from_date", "2026-11-01"}}))
                .status,
            201);
  auto plan2 = json::parse(Call(office, "GET", "/api/v1/staffing/plan").body);
  EXPECT_EQ(Find(plan2.at("units"), "unit", "id", UnitId("LP-VHXH"))
                .at("years")
                .as_array()
                .at(0)
                .at("streamlining")
                .as_int64(),
            0);
  auto view2 = json::parse(Call(office, "GET", "/api/v1/staffing/candidates?year=2026").body);
  EXPECT_EQ(Find(view2.at("candidates"), "staff_id", hanh).at("deferred").as_string(), "pregnancy");
  for (auto& b : view2.at("budget").as_array()) EXPECT_NE(b.at("year").as_int64(), 2026);
  // Withdrawn: off the list and the budget.
  long long id = mine->at("id").as_int64();
  EXPECT_EQ(
      Call(office, "POST", "/api/v1/staffing/candidates/" + std::to_string(id) + "/withdraw", "{}")
          .status,
      200);
  EXPECT_EQ(Count("staffing_candidates"), before);
  // A civil servant does not see the list.
  EXPECT_EQ(Call(Login("congchuc"), "GET", "/api/v1/staffing/candidates").status, 403);
}

TEST_F(Streamlining, TheDataSuggestsPeopleRatedNotCompletedUnlessADeferralApplies) {
  Session office = Login("vanphong");
  long long vinh = StaffIdByName("Tạ Quang Vinh");
  {
    store::Conn c = app_->db().Lease();
    c.Exec(
        "UPDATE kpi_annual_ratings SET rating = 'not_completed', average = 45 WHERE staff_id = "
        ":1 AND year = 2025",
        {vinh});
  }
  auto find = [&](const char* list) {
    auto v = json::parse(Call(office, "GET", "/api/v1/staffing/candidates?year=2026").body);
    for (auto& s : v.at(list).as_array())
      if (s.at("staff_id").as_int64() == vinh) return json::value(s);
    return json::value(nullptr);
  };
  json::value s = find("suggestions");
  ASSERT_FALSE(s.is_null());
  EXPECT_EQ(s.at("ground").as_string(), "not_completed");
  EXPECT_NE(s.at("evidence").as_string().find("2025"), std::string::npos);
  // Under disciplinary review: left out of the suggestions, shown why.
  long long seq = AuditSeq();
  EXPECT_EQ(ErrorCode(Call(office, "POST", "/api/v1/staffing/deferrals",
                           json::serialize(json::object{{"staff_id", vinh},
                                                        {"kind", "discipline"},
                                                        {"from_date", "2026-11-01"},
                                                        {"to_date", "2026-10-01"}}))
                          .body),
            "STF-6010");
  EXPECT_EQ(AuditSeq(), seq);
  ASSERT_EQ(Call(office, "POST", "/api/v1/staffing/deferrals",
                 json::serialize(json::object{{"staff_id", vinh},
                                              {"kind", "discipline"},
                                              {"from_date", "2026-11-01"},
                                              {"note", "Đang xem xét kỷ luật"}}))
                .status,
            201);
  EXPECT_TRUE(find("suggestions").is_null());
  json::value d = find("deferred");
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(d.at("deferral").as_string(), "discipline");
  // The multi-year ranking: the weighted mean of the rated years, highest first.
  auto ranking = json::parse(Call(office, "GET", "/api/v1/staffing/ranking?year=2026").body);
  EXPECT_FALSE(ranking.at("verified").as_bool());
  auto& people = ranking.at("people").as_array();
  double last = 101;
  for (auto& p : people) {
    if (p.at("points").is_null()) continue;
    double pts = p.at("points").to_number<double>();
    EXPECT_LE(pts, last);
    last = pts;
  }
  {
    // Specialists: 0.4 × 2025 + 0.35 × 2024 over the weights of the two rated years.
    const auto& p = Find(ranking.at("people"), "staff_id", vinh);
    auto& ys = p.at("by_year").as_array();
    double want = (0.4 * ys.at(0).to_number<double>() + 0.35 * ys.at(1).to_number<double>()) / 0.75;
    EXPECT_NEAR(p.at("points").to_number<double>(), want, 1e-9);
  }
  auto page = Call(office, "GET", "/staffing/streamlining?year=2026");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-testid=\"deferred\""), std::string::npos);
  EXPECT_NE(page.body.find("Tạ Quang Vinh"), std::string::npos);
  EXPECT_NE(page.body.find("Chưa xem xét tinh giản (loại khỏi gợi ý)"), std::string::npos);
  // Key task 3's page leads to the KPI and staffing pages instead of saying "not built".
  auto task = Call(office, "GET", "/tasks/3");
  EXPECT_NE(task.body.find("data-testid=\"module-pages\""), std::string::npos);
  EXPECT_EQ(task.body.find("data-testid=\"not-built\""), std::string::npos);
}

TEST(RankingRules, AMistypedOrUnknownKeyIsRefusedNamingIt) {
  std::string text(app::App::Resource("src/modules/staffing/rules/ranking.toml"));
  auto message = [](const std::string& t) {
    try {
      staffing::RankingRules::Load(t);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message(text), "");
  std::string typo = text;
  typo.replace(typo.find("second = 0.3"), 12, "secnd = 0.3 ");
  EXPECT_NE(message(typo).find("weights.leaders.second"), std::string::npos) << message(typo);
  std::string extra = text + "\n[weights.other]\nlast = 1\n";
  EXPECT_NE(message(extra).find("ranking.toml: weights.other"), std::string::npos)
      << message(extra);
}

}  // namespace kientao::testing
