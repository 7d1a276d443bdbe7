#include "http/input.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/request.hpp"

#include "base/error.hpp"

namespace kientao::http {

namespace {
std::string CodeOf(const std::function<void()>& f, std::string* field = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (field) *field = e.field();
    return std::string(e.code());
  }
  return "none";
}
}  // namespace

TEST(Input, RefusesMalformedJsonAndNonObjects) {
  EXPECT_EQ(CodeOf([] { Input::FromJson("{\"a\":"); }), "GEN-0001");
  EXPECT_EQ(CodeOf([] { Input::FromJson("[1,2]"); }), "GEN-0002");
  EXPECT_EQ(CodeOf([] { Input::FromJson("{\"a\":\"\xC3\x28\"}"); }), "GEN-0005");
}

TEST(Input, NamesTheFieldOfEachProblem) {
  std::string field;
  Input in = Input::FromJson(R"({"name": 5, "date": "31/02/2026", "long": "abcdef", "extra": 1})");
  EXPECT_EQ(CodeOf([&] { in.Str("name", 10, true); }, &field), "GEN-0002");
  EXPECT_EQ(field, "name");
  EXPECT_EQ(CodeOf([&] { in.DateField("date", true); }, &field), "GEN-0008");
  EXPECT_EQ(field, "date");
  EXPECT_EQ(CodeOf([&] { in.Str("long", 5, true); }, &field), "GEN-0006");
  EXPECT_EQ(CodeOf([&] { in.Str("missing", 5, true); }, &field), "GEN-0004");
  EXPECT_EQ(field, "missing");
  EXPECT_EQ(CodeOf([&] { in.AllowOnly({"name", "date", "long"}); }, &field), "GEN-0003");
  EXPECT_EQ(field, "extra");
}

TEST(Input, TrimsNormalisesAndCountsCodePoints) {
  Input in = Input::FromJson("{\"n\": \"  Nguye\xCC\x82\xCC\x83n   Văn  \"}");
  EXPECT_EQ(*in.Str("n", 10, true), "Nguyễn Văn");  // 10 code points once composed
  Input blank = Input::FromJson(R"({"n": "   "})");
  EXPECT_EQ(CodeOf([&] { blank.Str("n", 10, true); }), "GEN-0004");
}

TEST(Input, FormsAcceptNumbersAsTextAndIgnoreCsrfField) {
  Input in = Input::FromForm("unit_id=12&_csrf=x&name=L%E1%BA%A1c+Ph%C6%B0%C6%A1ng");
  EXPECT_EQ(*in.Int("unit_id", true), 12);
  EXPECT_EQ(*in.Str("name", 50, true), "Lạc Phương");
  EXPECT_EQ(CodeOf([&] { in.AllowOnly({"unit_id", "name"}); }), "none");
  Input bad = Input::FromForm("unit_id=12a");
  EXPECT_EQ(CodeOf([&] { bad.Int("unit_id", true); }), "GEN-0019");
}

TEST(Input, FormsReadNumbersTheVietnameseWayAndNameTheFieldOfEachMistake) {
  Input in = Input::FromForm(
      "a=12%2C5&b=1.500&c=1.500.000+%C4%91&d=2l5&e=12%2C5%2C3&f=12.5&g=1.50&h=abc&i=12%2C5");
  EXPECT_DOUBLE_EQ(*in.Num("a", true), 12.5);
  EXPECT_DOUBLE_EQ(*in.Num("b", true), 1500);
  EXPECT_DOUBLE_EQ(*in.Num("c", true), 1500000);
  EXPECT_EQ(*in.Int("b", true), 1500);  // "1.500" is a whole number
  std::string field;
  EXPECT_EQ(CodeOf([&] { in.Num("d", true); }, &field), "GEN-0019");
  EXPECT_EQ(field, "d");
  EXPECT_EQ(CodeOf([&] { in.Num("e", true); }, &field), "GEN-0023");
  EXPECT_EQ(field, "e");
  EXPECT_EQ(CodeOf([&] { in.Num("f", true); }), "GEN-0021");
  EXPECT_EQ(CodeOf([&] { in.Num("g", true); }), "GEN-0021");
  EXPECT_EQ(CodeOf([&] { in.Num("h", true); }), "GEN-0019");
  EXPECT_EQ(CodeOf([&] { in.Int("i", true); }, &field), "GEN-0025");
  EXPECT_EQ(field, "i");
  // The API keeps JSON numbers: a string is the wrong type there.
  Input json = Input::FromJson(R"({"a": "12,5", "b": 12.5})");
  EXPECT_EQ(CodeOf([&] { json.Num("a", true); }), "GEN-0002");
  EXPECT_DOUBLE_EQ(*json.Num("b", true), 12.5);
}

TEST(Input, JsonNumbersMustBeIntegers) {
  Input in = Input::FromJson(R"({"a": "12", "b": 1.5, "c": 7})");
  EXPECT_EQ(CodeOf([&] { in.Int("a", true); }), "GEN-0002");
  EXPECT_EQ(CodeOf([&] { in.Int("b", true); }), "GEN-0002");
  EXPECT_EQ(*in.Int("c", true), 7);
}

TEST(Input, SqlMetaCharactersAreJustText) {
  Input in = Input::FromJson(R"({"n": "Robert'); DROP TABLE staff;--"})");
  EXPECT_EQ(*in.Str("n", 100, true), "Robert'); DROP TABLE staff;--");
}

TEST(Json, WholeNumbersAreWrittenAsIntegersAndFractionsAsTheyAre) {
  boost::json::value v = {{"households", 21.0},
                          {"rate", 12.5},
                          {"negative", -3.0},
                          {"huge", 1e300},
                          {"units", boost::json::array{boost::json::object{{"n", 1234567.0}}}},
                          {"name", "Thôn Đông"}};
  std::string out = SerializeJson(v);
  EXPECT_NE(out.find("\"households\":21,"), std::string::npos) << out;
  EXPECT_NE(out.find("\"rate\":1.25E1"), std::string::npos) << out;
  EXPECT_NE(out.find("\"negative\":-3,"), std::string::npos) << out;
  EXPECT_NE(out.find("\"n\":1234567}"), std::string::npos) << out;
  EXPECT_EQ(out.find("2.1E1"), std::string::npos) << out;
  // Beyond 2^53 a double is not an exact integer: left as it is.
  EXPECT_NE(out.find("\"huge\":1E300"), std::string::npos) << out;
  EXPECT_EQ(JsonAnswer(v).body, out);
}

TEST(Input, ARepeatedFieldKeepsEveryValueAndTooManyFieldsAreRefused) {
  std::string body;
  for (int i = 0; i < 4000; ++i) body += "unit=" + std::to_string(i % 10) + "&";
  Input in = Input::FromForm(body + "name=x");
  std::string joined = *in.Str("unit", 100000, false);
  EXPECT_EQ(joined.size(), 4000u * 2 - 1);
  EXPECT_EQ(joined.substr(0, 8), "0,1,2,3,");
  EXPECT_EQ(*in.Str("name", 10, false), "x");
  std::string many;
  for (size_t i = 0; i <= kMaxFormFields; ++i) many += "f" + std::to_string(i) + "=1&";
  try {
    Input::FromForm(many);
    FAIL() << "a form with too many fields was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "GEN-0027");
    EXPECT_EQ(e.status(), 413);
  }
}

}  // namespace kientao::http

namespace kientao::http {

TEST(Input, ReadsYesNoFromJsonBooleansAndFormCheckboxes) {
  Input j = Input::FromJson(R"({"a":true,"b":false,"c":"true","d":null})");
  EXPECT_EQ(j.Bool("a"), true);
  EXPECT_EQ(j.Bool("b"), false);
  EXPECT_THROW(j.Bool("c"), Error);  // JSON asks for a boolean, not its spelling
  EXPECT_FALSE(j.Bool("d"));
  EXPECT_FALSE(j.Bool("absent"));
  Input f = Input::FromForm("a=on&b=0&c=1&e=yes");
  EXPECT_EQ(f.Bool("a"), true);
  EXPECT_EQ(f.Bool("b"), false);
  EXPECT_EQ(f.Bool("c"), true);
  EXPECT_FALSE(f.Bool("absent"));
  try {
    f.Bool("e");
    FAIL() << "a yes/no that is neither was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "GEN-0002");
    EXPECT_EQ(e.field(), "e");
  }
}

}  // namespace kientao::http
