// The poverty standards' API on the real server: classification by the year's standard, the
// Alkire–Foster figures, and the refusals.
#include <boost/json.hpp>

#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace json = boost::json;

// A village head: the calculators are everyone's.
class Poverty : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    village_ = Login("truongthon");
  }
  json::object Post(const std::string& path, const std::string& body, int* status = nullptr) {
    auto r = Call(village_, "POST", path, body);
    if (status) *status = r.status;
    return json::parse(r.body).as_object();
  }
  Session village_;
};

TEST_F(Poverty, AHouseholdIsClassifiedByTheStandardOfTheYearsReview) {
  int status = 0;
  auto o = Post("/api/v1/poverty/classify",
                R"({"year":2026,"area":"rural","income_per_capita":1450000,)"
                R"("deprived":["employment","health_insurance","water"],"agricultural":true})",
                &status);
  ASSERT_EQ(status, 200) << json::serialize(o);
  EXPECT_EQ(o.at("classification").as_string(), "poor");
  EXPECT_EQ(o.at("deprivations").as_int64(), 3);
  EXPECT_EQ(o.at("poverty_line").to_number<double>(), 1500000);
  EXPECT_EQ(o.at("standard").as_string(), "nd-07-2021");
  EXPECT_TRUE(o.at("province").is_null());
  // The same facts with two deprivations: near-poor; above the line and agricultural: average.
  o = Post("/api/v1/poverty/classify", R"({"year":2026,"area":"rural","income_per_capita":1450000,)"
                                       R"("deprived":["employment","water"]})");
  EXPECT_EQ(o.at("classification").as_string(), "near_poor");
  o = Post("/api/v1/poverty/classify",
           R"({"year":2026,"area":"rural","income_per_capita":2000000,"agricultural":true})");
  EXPECT_EQ(o.at("classification").as_string(), "average_living");
  // 2027: the new standard's line (2,200,000) makes the 1.8 million household poor.
  o = Post("/api/v1/poverty/classify",
           R"({"year":2027,"area":"rural","income_per_capita":1800000,)"
           R"("deprived":["employment","latrine","waste"],"agricultural":true})");
  EXPECT_EQ(o.at("classification").as_string(), "poor");
  EXPECT_EQ(o.at("standard").as_string(), "nd-351-2025");
  EXPECT_EQ(o.at("poverty_line").to_number<double>(), 2200000);
  EXPECT_TRUE(o.at("average_living_line").is_null());
  EXPECT_FALSE(o.at("verified").as_bool()) << "the 2027–2030 standard is not verified yet";
}

TEST_F(Poverty, ACodeNotInTheYearsStandardAndOtherMistakesAreRefusedNamingThem) {
  int status = 0;
  auto o =
      Post("/api/v1/poverty/classify",
           R"({"year":2026,"area":"rural","income_per_capita":1,"deprived":["waste"]})", &status);
  EXPECT_EQ(status, 422);
  EXPECT_EQ(o.at("error").at("code").as_string(), "POV-1001");
  EXPECT_EQ(o.at("error").at("field").as_string(), "deprived");
  EXPECT_NE(std::string(o.at("error").at("message").as_string()).find("waste"), std::string::npos);
  EXPECT_NE(std::string(o.at("error").at("message").as_string()).find("Chỉ số thiếu hụt"),
            std::string::npos);
  o = Post(
      "/api/v1/poverty/classify",
      R"({"year":2027,"area":"rural","income_per_capita":1,"deprived":["information_access"]})",
      &status);
  EXPECT_EQ(o.at("error").at("code").as_string(), "POV-1001");
  o = Post("/api/v1/poverty/classify", R"({"year":2026,"area":"rural","income_per_capita":-5})",
           &status);
  EXPECT_EQ(o.at("error").at("code").as_string(), "POV-1002");
  o = Post("/api/v1/poverty/classify", R"({"year":2021,"area":"rural","income_per_capita":5})",
           &status);
  EXPECT_EQ(o.at("error").at("code").as_string(), "POV-1004");
  o = Post("/api/v1/poverty/classify", R"({"year":2026,"area":"town","income_per_capita":5})",
           &status);
  EXPECT_EQ(o.at("error").at("code").as_string(), "GEN-0014");
  o = Post("/api/v1/poverty/classify",
           R"({"year":2026,"area":"rural","income_per_capita":5,"deprived":"water"})", &status);
  EXPECT_EQ(o.at("error").at("code").as_string(), "GEN-0002");
  o = Post("/api/v1/poverty/classify",
           R"({"year":2026,"area":"rural","income_per_capita":5,"name":"x"})", &status);
  EXPECT_EQ(o.at("error").at("code").as_string(), "GEN-0003");
  o = Post("/api/v1/poverty/measures", R"({"year":2026,"k":0,"households":[]})", &status);
  EXPECT_EQ(o.at("error").at("code").as_string(), "POV-1003");
}

TEST_F(Poverty, TheAlkireFosterFiguresOfAListOfHouseholds) {
  int status = 0;
  auto o = Post(
      "/api/v1/poverty/measures",
      R"({"year":2026,"k":0.25,"dual_cutoff":true,"households":[)"
      R"({"area":"rural","income_per_capita":1000000,"deprived":["employment","water","latrine","telecom"]},)"
      R"({"area":"rural","income_per_capita":1000000,"deprived":["employment","water"]},)"
      R"({"area":"urban","income_per_capita":2500000,"deprived":["employment","water","latrine"]},)"
      R"({"area":"urban","income_per_capita":1900000,"deprived":["water","latrine","floor_area"]}]})",
      &status);
  ASSERT_EQ(status, 200) << json::serialize(o);
  EXPECT_EQ(o.at("n").as_int64(), 4);
  EXPECT_EQ(o.at("q").as_int64(), 2) << "the third is above the urban line";
  EXPECT_DOUBLE_EQ(o.at("H").to_number<double>(), 0.5);
  EXPECT_DOUBLE_EQ(o.at("A").to_number<double>(), 7.0 / 24);
  EXPECT_DOUBLE_EQ(o.at("M0").to_number<double>(), 7.0 / 48);
  auto& c = o.at("contributions").as_object();
  EXPECT_EQ(c.size(), 12u);
  // water: both poor are deprived → (1/12 · 2/4) ÷ (7/48) = 2/7.
  EXPECT_NEAR(c.at("water").to_number<double>(), 2.0 / 7, 1e-12);
  EXPECT_EQ(c.at("nutrition").to_number<double>(), 0);
  EXPECT_FALSE(o.contains("by_village")) << "no villages named";
  // With villages: the figures per village, which add up to the commune's M0.
  o = Post(
      "/api/v1/poverty/measures",
      R"({"year":2026,"k":0.25,"dual_cutoff":true,"households":[)"
      R"({"village":"Thôn Đông","area":"rural","income_per_capita":1000000,"deprived":["employment","water","latrine","telecom"]},)"
      R"({"village":"Thôn Đông","area":"rural","income_per_capita":3000000,"deprived":[]},)"
      R"({"village":"Thôn Tây","area":"rural","income_per_capita":1200000,"deprived":["water","latrine","floor_area"]}]})",
      &status);
  ASSERT_EQ(status, 200) << json::serialize(o);
  auto& by = o.at("by_village").as_array();
  ASSERT_EQ(by.size(), 2u);
  double m0 = 0;
  for (auto& v : by)
    m0 += v.at("population_share").to_number<double>() * v.at("M0").to_number<double>();
  EXPECT_NEAR(m0, o.at("M0").to_number<double>(), 1e-12);
  EXPECT_EQ(Find(o.at("by_village"), "village", "Thôn Tây").at("q").as_int64(), 1);
}

TEST_F(Poverty, ThePageClassifiesAHouseholdAsTypedTheVietnameseWay) {
  auto page = Call(village_, "GET",
                   "/poverty?year=2026&area=rural&income=1.450.000&d_employment=1&d_water=1"
                   "&d_latrine=1");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  EXPECT_NE(page.body.find("data-class=\"poor\""), std::string::npos);
  EXPECT_NE(page.body.find("Hộ nghèo"), std::string::npos);
  EXPECT_NE(page.body.find("Thu nhập 1.450.000 đồng/người/tháng không vượt chuẩn nghèo 1.500.000"),
            std::string::npos);
  EXPECT_NE(page.body.find("id=\"d_water\" value=\"1\" checked"), std::string::npos)
      << "the ticks stay";
  // 2022–2026 asks about information access, 2027 about waste.
  EXPECT_NE(page.body.find("id=\"d_information_access\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"d_waste\""), std::string::npos);
  page = Call(village_, "GET", "/poverty?year=2027&area=urban&income=2.000.000&d_waste=1");
  EXPECT_NE(page.body.find("id=\"d_waste\""), std::string::npos);
  EXPECT_NE(page.body.find("data-class=\"near_poor\""), std::string::npos);
  EXPECT_NE(page.body.find("Chưa đối chiếu"), std::string::npos) << "unverified values say so";
  // A mistyped income: the message beside the field, what was typed kept, no result.
  page = Call(village_, "GET", "/poverty?year=2026&area=rural&income=1.45&d_water=1");
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("id=\"income-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"1.45\""), std::string::npos);
  EXPECT_EQ(page.body.find("data-testid=\"poverty-result\""), std::string::npos);
  page = Call(village_, "GET", "/poverty?year=2019&income=1");
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("id=\"year-msg\""), std::string::npos);
  // In English too.
  Session en = village_;
  en.cookie += "; lang=en";
  page = Call(en, "GET", "/poverty?year=2026&area=urban&income=2.500.000");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Neither poor nor near-poor"), std::string::npos);
}

}  // namespace kientao::testing
