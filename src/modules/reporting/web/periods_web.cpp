#include "modules/reporting/web/periods_web.hpp"

#include <boost/json.hpp>

#include "base/clock.hpp"
#include "http/input.hpp"
#include "modules/reporting/errors.hpp"

namespace kientao::reporting {

namespace json = boost::json;
using http::Ctx;
using http::TemplateData;

namespace {

json::object PeriodJson(const PeriodInfo& i) {
  return {{"id", i.period.Id()},
          {"type", std::string(PeriodTypeCode(i.period.type()))},
          {"label_vi", i.period.LabelVi()},
          {"label_en", i.period.LabelEn()},
          {"window_start", i.period.WindowStart().ToIso()},
          {"window_end", i.period.WindowEnd().ToIso()},
          {"deadline", i.deadline.ToIso()},
          {"deadline_verified", i.deadline_verified},
          {"holidays_known", i.holidays_known}};
}

int YearOf(const Ctx& ctx) {
  std::string y = ctx.req.Query("year");
  if (y.empty()) return Period::Containing(PeriodType::kMonth, clock::Today()).year();
  char* end = nullptr;
  long v = std::strtol(y.c_str(), &end, 10);
  if (*end || v < 1990 || v > 2200) throw Error(errors::kInvalidYear, "year", {{"value", y}});
  return static_cast<int>(v);
}

std::vector<PeriodType> TypesOf(const Ctx& ctx) {
  std::string t = ctx.req.Query("type");
  if (t.empty())
    return {PeriodType::kMonth, PeriodType::kQuarter, PeriodType::kHalf, PeriodType::kNine,
            PeriodType::kYear};
  auto type = ParsePeriodType(t);
  if (!type) throw Error(errors::kInvalidPeriodType, "type", {{"value", t}});
  return {*type};
}

}  // namespace

void RegisterPeriodRoutes(http::Router& router, const ReportingRules& rules,
                          const http::Layout& layout) {
  const http::Access any_user{"login"};
  router.Get("/api/v1/periods", any_user, [&rules](Ctx& ctx) {
    int year = YearOf(ctx);
    json::array items;
    for (PeriodType t : TypesOf(ctx))
      for (const Period& p : Period::AllOf(t, year)) items.push_back(PeriodJson(rules.Describe(p)));
    json::object rule{{"working_days_after_cutoff", rules.deadline_working_days()},
                      {"article", rules.deadline_article()},
                      {"verified", rules.deadline_rule_verified()}};
    return http::JsonAnswer(json::object{{"items", items}, {"deadline_rule", rule}});
  });
  router.Get("/api/v1/periods/{id}", any_user, [&rules](Ctx& ctx) {
    auto p = Period::Parse(ctx.params["id"]);
    if (!p) throw Error(errors::kUnknownPeriod, "id", {{"value", ctx.params["id"]}});
    return http::JsonAnswer(PeriodJson(rules.Describe(*p)));
  });
  router.Get("/periods", any_user, [&rules, &layout](Ctx& ctx) {
    int year = YearOf(ctx);
    TemplateData d = http::Object();
    d.set("year", std::to_string(year));
    d.set("prev", std::to_string(year - 1));
    d.set("next", std::to_string(year + 1));
    d.set("working_days", std::to_string(rules.deadline_working_days()));
    if (!rules.deadline_rule_verified()) d.set("rule_unverified", true);
    d.set("article", rules.deadline_article());
    auto current = Period::Containing(PeriodType::kMonth, clock::Today());
    TemplateData groups = http::List();
    for (PeriodType t : {PeriodType::kMonth, PeriodType::kQuarter, PeriodType::kHalf,
                         PeriodType::kNine, PeriodType::kYear}) {
      TemplateData g = http::Object();
      g.set("title", ctx.T("reporting.type." + std::string(PeriodTypeCode(t))));
      TemplateData rows = http::List();
      for (const Period& p : Period::AllOf(t, year)) {
        PeriodInfo i = rules.Describe(p);
        TemplateData r = http::Object();
        r.set("id", p.Id());
        r.set("label", ctx.lang == "en" ? p.LabelEn() : p.LabelVi());
        r.set("window", p.WindowStart().ToVn() + " – " + p.WindowEnd().ToVn());
        r.set("deadline", i.deadline.ToVn());
        if (!i.deadline_verified) r.set("unverified", true);
        if (t == PeriodType::kMonth && p == current) r.set("current", true);
        rows.push_back(r);
      }
      g.set("rows", rows);
      groups.push_back(g);
    }
    d.set("groups", groups);
    return layout.Page(ctx, "reporting/periods", d, ctx.T("reporting.periods_title"));
  });
}

}  // namespace kientao::reporting
