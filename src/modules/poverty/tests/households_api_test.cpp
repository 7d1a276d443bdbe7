// The household registry on the real server: a household entered by a village head is classified
// from its members' and house's facts, read back with citizen IDs masked, seen only in scope; every
// refusal writes nothing.
#include <boost/json.hpp>

#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace json = boost::json;

class Households : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    village_ = Login("truongthon");  // the head of Thôn Đông Hải (LP-T01)
    office_ = Login("vanphong");
  }
  // A household of four in `village`: a couple (the husband unemployed, no health insurance for
  // the wife) and two children, in a small house without safe water.
  // Citizen IDs end in `tail` (three digits), so households can be told apart.
  std::string Body(const std::string& village, const std::string& code, double income,
                   const std::string& tail = "111") {
    std::string husband_id = "000088000" + tail, wife_id = "000186000" + tail;
    return "{\"village_id\":" + std::to_string(UnitId(village)) + ",\"code\":\"" + code +
           "\",\"area\":\"rural\",\"agricultural\":true,\"income_per_capita\":" +
           std::to_string(income) +
           ",\"house\":{\"durable\":true,\"floor_area_m2\":40,\"safe_water\":false,"
           "\"information_assets\":[\"smartphone\"]},\"members\":["
           "{\"full_name\":\"Đỗ Văn Hải\",\"relationship\":\"head\",\"sex\":\"male\","
           "\"birth_date\":\"1988-04-02\",\"citizen_id\":\"" +
           husband_id +
           "\",\"work\":\"unemployed\","
           "\"health_insurance\":true,\"qualified\":true,\"uses_internet\":true},"
           "{\"full_name\":\"Lê Thị Mai\",\"relationship\":\"spouse\",\"sex\":\"female\","
           "\"birth_date\":\"1990-09-10\",\"citizen_id\":\"" +
           wife_id +
           "\",\"work\":\"self_employed\",\"health_insurance\":false,\"qualified\":true},"
           "{\"full_name\":\"Đỗ Minh An\",\"relationship\":\"child\",\"sex\":\"male\","
           "\"birth_date\":\"2014-01-15\",\"health_insurance\":true,\"in_school\":true},"
           "{\"full_name\":\"Đỗ Thu Hà\",\"relationship\":\"child\",\"sex\":\"female\","
           "\"birth_date\":\"2018-06-20\",\"health_insurance\":true,\"in_school\":true}]}";
  }
  static std::set<std::string> Fields(const http::Response& r) {
    std::set<std::string> out;
    json::object e = json::parse(r.body).at("error").as_object();
    if (auto* d = e.if_contains("details"))
      for (auto& x : d->as_array()) out.insert(std::string(x.at("field").as_string()));
    else
      out.insert(std::string(e.at("field").as_string()));
    return out;
  }
  Session village_, office_;
};

TEST_F(Households, AVillageHeadEntersAHouseholdAndItsClassIsDerivedFromItsFacts) {
  auto r = Call(village_, "POST", "/api/v1/poverty/households", Body("LP-T01", "HN-001", 1400000));
  ASSERT_EQ(r.status, 201) << r.body;
  auto o = json::parse(r.body).as_object();
  // Unemployed husband, an uninsured adult, no safe water: 3 deprivations, income ≤ 1,500,000.
  EXPECT_EQ(o.at("now").at("classification").as_string(), "poor");
  EXPECT_EQ(o.at("now").at("deprivations").as_int64(), 3);
  std::set<std::string> codes;
  for (auto& d : o.at("deprived").as_array()) codes.insert(std::string(d.at("code").as_string()));
  EXPECT_EQ(codes, (std::set<std::string>{"employment", "health_insurance", "water"}));
  EXPECT_EQ(Find(o.at("deprived"), "code", "employment").at("members").as_array().at(0).as_string(),
            "Đỗ Văn Hải");
  // In 2028 the line is 2,200,000: still poor unless something changes.
  EXPECT_EQ(o.at("in_2028").at("classification").as_string(), "poor");
  EXPECT_EQ(o.at("in_2028").at("standard").as_string(), "nd-351-2025");
  // Citizen IDs only masked.
  EXPECT_EQ(r.body.find("000088000111"), std::string::npos);
  EXPECT_NE(r.body.find("000******111"), std::string::npos);
  // The office sees it in the list; a village head of another village would not.
  auto list = json::parse(Call(office_, "GET", "/api/v1/poverty/households").body);
  EXPECT_EQ(Find(list.at("items"), "code", "HN-001").at("village").as_string(), "Thôn Đông Hải");
  long long id = o.at("id").as_int64();
  EXPECT_EQ(Call(office_, "GET", "/api/v1/poverty/households/" + std::to_string(id)).status, 200);
  // A richer household of the same facts is near-poor? No: above the line it is average living
  // (agricultural) up to 2,250,000.
  r = Call(village_, "POST", "/api/v1/poverty/households",
           Body("LP-T01", "HN-002", 2000000, "333"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body).at("now").at("classification").as_string(), "average_living");
  EXPECT_EQ(json::parse(r.body).at("in_2028").at("classification").as_string(), "poor")
      << "the 2028 view: poor under the 2027–2030 line";
}

TEST_F(Households, BadInputIsRefusedWithEveryProblemAndNothingIsWritten) {
  long long seq = AuditSeq();
  long long rows = Count("poverty_households");
  // A village head outside their village.
  auto r = Call(village_, "POST", "/api/v1/poverty/households", Body("LP-T02", "HN-009", 1));
  EXPECT_EQ(r.status, 403);
  // Two heads, a birth in the future, a negative income and floor area, a bad citizen ID.
  std::string body = Body("LP-T01", "HN-010", -5);
  body.replace(body.find("\"relationship\":\"spouse\""), 23, "\"relationship\":\"head\"");
  body.replace(body.find("2018-06-20"), 10, "2030-01-01");
  body.replace(body.find("\"floor_area_m2\":40"), 18, "\"floor_area_m2\":-1");
  body.replace(body.find("000186000111"), 12, "12345");  // the wife's
  body.replace(body.find("[\"smartphone\"]"), 14, "[\"tv, radio\"]");
  r = Call(village_, "POST", "/api/v1/poverty/households", body);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(Fields(r), (std::set<std::string>{
                           "members", "members[3].birth_date", "income_per_capita", "floor_area_m2",
                           "members[1].citizen_id", "house.information_assets"}));
  // An unknown work status; a unit that is not a village.
  body = Body("LP-T01", "HN-011", 1);
  body.replace(body.find("\"work\":\"unemployed\""), 19, "\"work\":\"farmer\"");
  r = Call(office_, "POST", "/api/v1/poverty/households", body);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Fields(r), std::set<std::string>{"members[0].work"}) << r.body;
  r = Call(office_, "POST", "/api/v1/poverty/households", Body("LP", "HN-011", 1));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Fields(r), std::set<std::string>{"village_id"}) << r.body;
  EXPECT_EQ(AuditSeq(), seq);
  EXPECT_EQ(Count("poverty_households"), rows);
  // A citizen ID already in another household of the commune: refused, not saying which.
  ASSERT_EQ(
      Call(village_, "POST", "/api/v1/poverty/households", Body("LP-T01", "HN-020", 1)).status,
      201);
  seq = AuditSeq();
  r = Call(office_, "POST", "/api/v1/poverty/households", Body("LP-T03", "HN-021", 1));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Fields(r), (std::set<std::string>{"members[0].citizen_id", "members[1].citizen_id"}));
  EXPECT_EQ(r.body.find("HN-020"), std::string::npos) << "the other household is not named";
  // The same code twice.
  r = Call(office_, "POST", "/api/v1/poverty/households", Body("LP-T03", "HN-020", 1, "999"));
  EXPECT_TRUE(Fields(r).count("code")) << r.body;
  EXPECT_EQ(AuditSeq(), seq) << "nothing written";
}

TEST_F(Households, AVillageHeadSeesOnlyTheirVillage) {
  ASSERT_EQ(Call(office_, "POST", "/api/v1/poverty/households", Body("LP-T02", "HN-100", 1)).status,
            201);
  auto list = json::parse(Call(village_, "GET", "/api/v1/poverty/households").body);
  for (auto& h : list.at("items").as_array())
    EXPECT_EQ(h.at("village_id").as_int64(), UnitId("LP-T01"));
  auto office_list = json::parse(Call(office_, "GET", "/api/v1/poverty/households").body);
  long long id = Find(office_list.at("items"), "code", "HN-100").at("id").as_int64();
  EXPECT_EQ(Call(village_, "GET", "/api/v1/poverty/households/" + std::to_string(id)).status, 404);
}

TEST_F(Households, TheDemoShowsEachClassAndThe2028View) {
  auto list = json::parse(Call(office_, "GET", "/api/v1/poverty/households").body);
  std::map<std::string, int> now, in_2028;
  for (auto& h : list.at("items").as_array()) {
    ++now[std::string(h.at("now").at("classification").as_string())];
    ++in_2028[std::string(h.at("in_2028").at("classification").as_string())];
  }
  EXPECT_EQ(now["poor"], 1);
  EXPECT_EQ(now["near_poor"], 1);
  EXPECT_EQ(now["average_living"], 1);
  EXPECT_EQ(now["not_poor"], 5);
  EXPECT_EQ(in_2028["poor"], 2) << "LP-H003 falls under the 2027–2030 line";
  EXPECT_EQ(
      Find(list.at("items"), "code", "LP-H003").at("in_2028").at("classification").as_string(),
      "poor");
}

TEST_F(Households, TheRegisterPageListsTheVillagesInScopeWithTheirClasses) {
  auto page = Call(office_, "GET", "/poverty/households");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(
      page.body.find("8 hộ · 1 hộ nghèo · 1 hộ cận nghèo (2026) · 2 hộ nghèo theo chuẩn năm 2028"),
      std::string::npos);
  EXPECT_NE(page.body.find("data-code=\"LP-H003\""), std::string::npos);
  EXPECT_NE(page.body.find("Bảo hiểm y tế"), std::string::npos) << "deprivations by name";
  EXPECT_EQ(page.body.find("000088000101"), std::string::npos) << "no citizen ID";
  page = Call(village_, "GET", "/poverty/households");
  EXPECT_NE(page.body.find("data-code=\"LP-H001\""), std::string::npos);
  EXPECT_EQ(page.body.find("data-code=\"LP-H003\""), std::string::npos) << "another village";
}

}  // namespace kientao::testing
