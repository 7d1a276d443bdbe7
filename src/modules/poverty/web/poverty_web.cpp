#include "modules/poverty/web/poverty_web.hpp"

#include <boost/json.hpp>

#include "base/error.hpp"
#include "http/input.hpp"
#include "modules/poverty/errors.hpp"
#include "modules/poverty/permissions.hpp"

namespace kientao::poverty {

namespace json = boost::json;
using http::Access;
using http::Ctx;
using http::Input;

namespace {

constexpr size_t kMaxHouseholds = 100000;  // one request; a city's figures come from the registry

int ReadYear(const Input& in) {
  long long y = *in.Int("year", true);
  if (y < 1900 || y > 9999)
    throw Error(gen_errors::kInvalidValue, "year", {{"value", std::to_string(y)}});
  return static_cast<int>(y);
}

// {"area", "income_per_capita", "deprived": [codes], "agricultural"} — `extra` fields allowed too.
Household ReadHousehold(const Input& in) {
  Household h;
  h.area = *ParseArea(*in.Enum("area", {"rural", "urban"}, true));
  h.income_per_capita = *in.Num("income_per_capita", true);
  if (auto list = in.JsonText("deprived")) {
    json::value v;
    try {
      v = json::parse(*list);
    } catch (const std::exception&) {
      throw Error(gen_errors::kWrongType, "deprived");
    }
    if (!v.is_array()) throw Error(gen_errors::kWrongType, "deprived");
    for (auto& code : v.as_array()) {
      if (!code.is_string()) throw Error(gen_errors::kWrongType, "deprived");
      h.deprived.insert(std::string(code.as_string()));
    }
  }
  h.agricultural = in.Bool("agricultural").value_or(false);
  return h;
}

json::object StandardJson(const RuleSet<Standard>::Version& v) {
  const Standard& s = v.value;
  json::array indicators;
  for (const Indicator& i : s.indicators)
    indicators.push_back({{"code", i.code},
                          {"dimension", i.dimension},
                          {"name", i.name},
                          {"threshold", i.threshold},
                          {"article", i.article},
                          {"verified", i.verified}});
  json::object o{{"id", s.meta.file.substr(0, s.meta.file.rfind('.'))},
                 {"rule_set", s.meta.set},
                 {"title", s.meta.title},
                 {"article", s.meta.article},
                 {"verified", s.meta.verified},
                 {"from", v.meta.effective_from.ToIso()},
                 {"to", v.meta.effective_to ? json::value(v.meta.effective_to->ToIso())
                                            : json::value(nullptr)},
                 {"poverty_line", {{"rural", s.line_rural}, {"urban", s.line_urban}}},
                 {"lines_verified", s.lines_verified},
                 {"poor_min_deprivations", s.poor_min_deprivations},
                 {"indicators", indicators}};
  o["average_living_line"] =
      s.mid_rural ? json::value(json::object{{"rural", *s.mid_rural}, {"urban", *s.mid_urban}})
                  : json::value(nullptr);
  return o;
}

json::object MeasuresJson(const Measures& m) {
  json::object contributions;
  for (const auto& [code, share] : m.contributions) contributions[code] = share;
  return {{"n", m.n}, {"q", m.q},   {"H", m.H},
          {"A", m.A}, {"M0", m.M0}, {"contributions", contributions}};
}

json::object ClassificationJson(const StandardClassification& c) {
  const Standard& s = c.standard->value;
  return {{"classification", std::string(ClassCode(c.result.cls))},
          {"deprivations", c.result.deprivations},
          {"poverty_line", c.result.poverty_line},
          {"average_living_line",
           c.result.mid_line ? json::value(*c.result.mid_line) : json::value(nullptr)},
          {"standard", s.meta.file.substr(0, s.meta.file.rfind('.'))},
          {"rule_set", s.meta.set},
          {"verified", s.meta.verified && s.lines_verified}};
}

}  // namespace

void RegisterPovertyRoutes(http::Router& router, const PovertyService& svc) {
  Access read{std::string(access::kPovertyRead)};
  // Every version of the national standard: lines, classes and indicators, with what is verified.
  router.Get("/api/v1/poverty/standards", read, [&svc](Ctx&) {
    json::array items;
    for (const auto& v : svc.national().versions()) items.push_back(StandardJson(v));
    return http::JsonAnswer(json::object{{"items", items}});
  });
  router.Post("/api/v1/poverty/classify", read, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"year", "area", "income_per_capita", "deprived", "agricultural"});
    int year = ReadYear(in);
    YearClassification c = svc.Classify(year, ReadHousehold(in));
    json::object o = ClassificationJson(c.national);
    o["province"] =
        c.province ? json::value(ClassificationJson(*c.province)) : json::value(nullptr);
    return http::JsonAnswer(o);
  });
  router.Post("/api/v1/poverty/measures", read, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"year", "k", "dual_cutoff", "households"});
    int year = ReadYear(in);
    double k = *in.Num("k", true);
    bool dual = in.Bool("dual_cutoff").value_or(false);
    std::vector<Input> rows = in.Objects("households");
    if (rows.size() > kMaxHouseholds)
      throw Error(errors::kTooManyHouseholds, "households",
                  {{"max", std::to_string(kMaxHouseholds)}});
    std::vector<Household> households;
    std::vector<std::string> villages;
    households.reserve(rows.size());
    bool grouped = false;
    for (const Input& r : rows) {
      r.AllowOnly({"area", "income_per_capita", "deprived", "agricultural", "village"});
      households.push_back(ReadHousehold(r));
      villages.push_back(r.Str("village", 200, false).value_or(""));
      grouped = grouped || !villages.back().empty();
    }
    Decomposition d = svc.AlkireFosterByGroupOf(year, households, villages, k, dual);
    json::object o = MeasuresJson(d.total);
    if (grouped) {
      json::array by;
      for (const GroupMeasures& g : d.groups) {
        json::object v = MeasuresJson(g.m);
        v["village"] = g.group;
        v["population_share"] = g.population_share;
        v["share"] = g.share;
        by.push_back(std::move(v));
      }
      o["by_village"] = std::move(by);
    }
    return http::JsonAnswer(o);
  });
}

}  // namespace kientao::poverty
