#include "modules/sipas/domain/survey.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/rule_file.hpp"

namespace kientao::sipas {

namespace {

std::string Read(const std::string& name) {
  std::ifstream in(std::string(KIENTAO_SOURCE_DIR "/src/modules/sipas/rules/") + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const char* kSmall = R"([rule]
set = "local"
title = "Phiếu của xã"
article = "UBND xã"
verified = true
effective_from = 2026-01-01
[questionnaire]
name = "Phiếu"
order = ["a", "b"]
[elements.a]
article = "x"
verified = true
name = "A"
items = ["a1", "a2"]
[elements.b]
article = "x"
verified = false
name = "B"
items = ["b1"]
)";

}  // namespace

TEST(Questionnaire, TheBuiltInFilesParseInTheirOrder) {
  Questionnaire q1001 = ParseQuestionnaire(Read("qd-1001-2023.toml"), "qd-1001-2023.toml");
  EXPECT_EQ(q1001.set, "sipas-1001");
  ASSERT_EQ(q1001.elements.size(), 2u);
  EXPECT_EQ(q1001.elements[0].code, "services");
  EXPECT_FALSE(q1001.verified);  // the items' wording is ours
  Questionnaire q2640 = ParseQuestionnaire(Read("qd-2640-2017.toml"), "qd-2640-2017.toml");
  ASSERT_EQ(q2640.elements.size(), 5u);
  EXPECT_EQ(q2640.elements[2].name, "Công chức giải quyết");
  EXPECT_EQ(q2640.ItemCodes().front(), "access.1");
  Method m = ParseMethod(Read("sipas-method.toml"), "sipas-method.toml");
  EXPECT_EQ(m.levels.size(), 5u);
  EXPECT_EQ(m.satisfied_from, 4);
  EXPECT_DOUBLE_EQ(m.target, 90);
  EXPECT_EQ(m.questionnaire, "sipas-1001");
}

TEST(Questionnaire, AnElementNotInTheOrderOrATypoIsRefused) {
  std::string text = kSmall;
  text.replace(text.find("order = [\"a\", \"b\"]"), 18, "order = [\"a\"]");
  EXPECT_THROW(ParseQuestionnaire(text, "x.toml"), RuleFileError);
  std::string typo = kSmall;
  typo.replace(typo.find("items = [\"b1\"]"), 14, "itemz = [\"b1\"]");
  EXPECT_THROW(ParseQuestionnaire(typo, "x.toml"), RuleFileError);
}

TEST(Questionnaire, FindsItemsByCode) {
  Questionnaire q = ParseQuestionnaire(kSmall, "x.toml");
  EXPECT_EQ(q.Find("a.2"), std::make_optional(std::make_pair(size_t{0}, size_t{1})));
  EXPECT_FALSE(q.Find("a.3"));
  EXPECT_FALSE(q.Find("a.0"));
  EXPECT_FALSE(q.Find("c.1"));
  EXPECT_FALSE(q.Find("a"));
  EXPECT_FALSE(q.Find("a.-1"));
}

TEST(Answers, OutOfScaleUnknownAndEmptyAreEachNamed) {
  Questionnaire q = ParseQuestionnaire(kSmall, "x.toml");
  Method m = ParseMethod(Read("sipas-method.toml"), "sipas-method.toml");
  EXPECT_TRUE(CheckAnswers(q, m, {{"a.1", 5}, {"b.1", 1}}).empty());
  auto p = CheckAnswers(q, m, {{"a.1", 6}, {"a.2", 0}, {"z.1", 3}});
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].field, "a.1");
  EXPECT_EQ(p[0].code, "SIP-9004");
  EXPECT_EQ(p[1].field, "a.2");
  EXPECT_EQ(p[2].code, "SIP-9005");
  auto none = CheckAnswers(q, m, {});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].code, "SIP-9006");
}

TEST(Index, ItemIsTheSatisfiedShareElementTheMeanOfItemsIndexTheMeanOfElements) {
  Questionnaire q = ParseQuestionnaire(kSmall, "x.toml");
  // a.1: 9 of 10 satisfied (90); a.2: 3 of 4 (75) → A = 82.5; b.1: 1 of 2 (50) → index 66.25.
  IndexResult r = ComputeIndex(q, {{"a.1", {10, 9}}, {"a.2", {4, 3}}, {"b.1", {2, 1}}}, 10);
  ASSERT_EQ(r.elements.size(), 2u);
  EXPECT_DOUBLE_EQ(*r.elements[0].items[0].value, 90);
  EXPECT_DOUBLE_EQ(*r.elements[0].value, 82.5);
  EXPECT_DOUBLE_EQ(*r.elements[1].value, 50);
  EXPECT_DOUBLE_EQ(*r.index, 66.25);
  // An element nobody answered has no value and does not pull the index down.
  IndexResult only_a = ComputeIndex(q, {{"a.1", {10, 9}}}, 10);
  EXPECT_FALSE(only_a.elements[1].value);
  EXPECT_DOUBLE_EQ(*only_a.index, 90);
  EXPECT_FALSE(ComputeIndex(q, {}, 0).index);
}

TEST(Yamane, SampleSizeRoundedUp) {
  EXPECT_EQ(YamaneSample(0, 0.05), 0);
  EXPECT_EQ(YamaneSample(1, 0.05), 1);          // 1 / 1.0025
  EXPECT_EQ(YamaneSample(400, 0.05), 200);      // exactly 200
  EXPECT_EQ(YamaneSample(1000, 0.05), 286);     // 285.71…
  EXPECT_EQ(YamaneSample(1000000, 0.05), 400);  // 399.84…
}

TEST(Token, SignedLinksVerifyAndAnythingElseDoesNot) {
  std::string key(32, 'k');
  Date day = *Date::ParseIso("2026-11-20");
  std::string t = SignToken(key, 4242, day);
  EXPECT_EQ(t.size(), 56u);
  auto c = VerifyToken(key, t);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->dossier_id, 4242);
  EXPECT_EQ(c->issued, day);
  // Another dossier's id with the same MAC, another key, a flipped digit, a short link: refused.
  std::string altered = t;
  altered[15] = altered[15] == '0' ? '1' : '0';
  EXPECT_FALSE(VerifyToken(key, altered));
  EXPECT_FALSE(VerifyToken(std::string(32, 'x'), t));
  EXPECT_FALSE(VerifyToken(key, t.substr(0, 55)));
  EXPECT_FALSE(VerifyToken(key, "zz" + t.substr(2)));
  EXPECT_NE(SignToken(key, 4243, day), t);
}

}  // namespace kientao::sipas
