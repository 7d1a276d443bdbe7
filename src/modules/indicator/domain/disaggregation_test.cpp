#include <gtest/gtest.h>

#include "base/error.hpp"
#include "modules/indicator/domain/disaggregation.hpp"

namespace kientao::indicator {
namespace {

const char* kSexAge =
    R"([{"code": "sex", "name": "Giới tính", "options": [{"code": "male", "label": "Nam"}, {"code": "female", "label": "Nữ"}]},
        {"code": "age", "name": "Nhóm tuổi", "options": [{"code": "0-14", "label": "0–14"}, {"code": "15-59", "label": "15–59"}, {"code": "60plus", "label": "60+"}]}])";

TEST(Disaggregation, CombinationsOfSexAndAge) {
  auto cats = ParseCategories(kSexAge);
  ASSERT_EQ(cats.size(), 2u);
  auto combos = Combinations(cats);
  ASSERT_EQ(combos.size(), 6u);
  EXPECT_EQ(combos[0].first, "male/0-14");
  EXPECT_EQ(combos[5].first, "female/60plus");
  EXPECT_EQ(combos[4].second, "Nữ, 15–59");
  EXPECT_EQ(ParseCategories(CategoriesJson(cats)).size(), 2u);  // round trip
  EXPECT_TRUE(Combinations({}).empty());
  EXPECT_TRUE(ParseCategories("").empty());
}

TEST(Disaggregation, LimitsAreEnforced) {
  auto code = [](const std::string& j) {
    try {
      ParseCategories(j);
      return std::string();
    } catch (const Error& e) {
      return std::string(e.code());
    }
  };
  auto cat = [](const std::string& c, int n) {
    std::string s = "{\"code\": \"" + c + "\", \"options\": [";
    for (int i = 0; i < n; ++i)
      s += std::string(i ? "," : "") + "{\"code\": \"o" + std::to_string(i) + "\"}";
    return s + "]}";
  };
  EXPECT_EQ(code("[" + cat("a", 2) + "," + cat("b", 2) + "," + cat("c", 2) + "," + cat("d", 2) +
                 "," + cat("e", 2) + "," + cat("f", 2) + "]"),
            "IND-5011");                                                       // six categories
  EXPECT_EQ(code("[" + cat("a", 20) + "," + cat("b", 26) + "]"), "IND-5011");  // 520 combinations
  EXPECT_EQ(code("[" + cat("a", 20) + "," + cat("b", 25) + "]"), "");          // exactly 500
  EXPECT_EQ(code("[" + cat("a", 1) + "]"), "IND-5011");                        // one option
  EXPECT_EQ(code("[" + cat("A B", 2) + "]"), "IND-5011");                      // bad code
  EXPECT_EQ(code("[" + cat("a", 2) + "," + cat("a", 2) + "]"), "IND-5011");    // repeated
  EXPECT_EQ(code("{}"), "IND-5011");
}

}  // namespace
}  // namespace kientao::indicator
