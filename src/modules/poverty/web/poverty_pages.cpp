// The poverty standards page (/poverty): a what-if classifier for one household — the year's
// standard, its area, income and deprivations — and every version of the standard with what is
// still to be checked against the official text.
#include <algorithm>
#include <string>

#include "base/clock.hpp"
#include "base/text.hpp"
#include "http/form.hpp"
#include "http/input.hpp"
#include "http/layout.hpp"
#include "modules/poverty/errors.hpp"
#include "modules/poverty/permissions.hpp"
#include "modules/poverty/web/poverty_web.hpp"

namespace kientao::poverty {

using http::Ctx;
using http::TemplateData;

namespace {

std::string Money(double v) { return text::VnNumber(v, 0); }

std::string Years(const RuleMeta& m) {
  return std::to_string(m.effective_from.year()) + "–" +
         (m.effective_to ? std::to_string(m.effective_to->year()) : std::string("…"));
}

// The version's row of the standards table.
TemplateData StandardRow(const Ctx& ctx, const RuleSet<Standard>::Version& v) {
  const Standard& s = v.value;
  TemplateData r = http::Object();
  r.set("years", Years(v.meta));
  r.set("title", s.meta.title);
  r.set("article", s.meta.article);
  r.set("rural", Money(s.line_rural));
  r.set("urban", Money(s.line_urban));
  if (!s.lines_verified) r.set("lines_unverified", true);
  if (s.mid_rural) {
    r.set("mid", Money(*s.mid_rural) + " / " + Money(*s.mid_urban));
    if (!s.mid_verified) r.set("mid_unverified", true);
  } else {
    r.set("mid", ctx.T("poverty.no_mid_line"));
  }
  int unverified = 0;
  for (const Indicator& i : s.indicators) unverified += i.verified ? 0 : 1;
  r.set("indicators", std::to_string(s.indicators.size()));
  if (unverified) r.set("indicators_unverified", std::to_string(unverified));
  return r;
}

// The colour of a class, always beside its name.
const char* Badge(Class c) {
  return c == Class::kPoor       ? "danger"
         : c == Class::kNearPoor ? "warning"
         : c == Class::kNotPoor  ? "success"
                                 : "info";
}

// The form as typed and, when it reads, the household's classification.
TemplateData Calculator(const Ctx& ctx, const PovertyService& svc) {
  TemplateData d = http::Object();
  int first = 9999, last = 0;
  for (const auto& v : svc.national().versions()) {
    first = std::min(first, v.meta.effective_from.year());
    last = std::max(
        last, v.meta.effective_to ? v.meta.effective_to->year() : v.meta.effective_from.year());
  }
  int year = std::clamp(clock::Today().year(), first, last);
  std::string typed_year = ctx.req.Query("year");
  if (!typed_year.empty()) {
    try {
      long long y = http::ReadTypedWholeNumber("year", typed_year);
      if (y < first || y > last) throw Error(errors::kNoStandard, "year", {{"value", typed_year}});
      year = static_cast<int>(y);
    } catch (const Error& e) {
      http::SetFormError(d, ctx, e);
      d.set("status", std::to_string(e.status()));
    }
  }
  TemplateData years = http::List();
  for (int y = first; y <= last; ++y) {
    TemplateData o = http::Object();
    o.set("value", std::to_string(y));
    if (y == year) o.set("selected", true);
    years.push_back(o);
  }
  d.set("years", years);
  const auto& version = svc.NationalFor(year);
  const Standard& s = version.value;
  d.set("standard_title", s.meta.title);
  if (!s.meta.verified || !s.lines_verified) d.set("standard_unverified", true);

  bool asked = ctx.req.query.count("income") > 0;
  Household h;
  h.area = ctx.req.Query("area") == "urban" ? Area::kUrban : Area::kRural;
  d.set(h.area == Area::kUrban ? "urban" : "rural", true);
  h.agricultural = ctx.req.Query("agricultural") == "1";
  if (h.agricultural) d.set("agricultural", true);
  std::string income = ctx.req.Query("income");
  d.set("v_income", income);
  TemplateData groups = http::List();
  std::string dimension;
  TemplateData items = http::List();
  auto close_group = [&] {
    if (dimension.empty()) return;
    TemplateData g = http::Object();
    g.set("name", ctx.T("poverty.dimension." + dimension));
    g.set("items", items);
    groups.push_back(g);
    items = http::List();
  };
  for (const Indicator& i : s.indicators) {
    if (i.dimension != dimension) {
      close_group();
      dimension = i.dimension;
    }
    TemplateData it = http::Object();
    it.set("code", i.code);
    it.set("name", i.name);
    it.set("threshold", i.threshold);
    if (ctx.req.Query("d_" + i.code) == "1") {
      it.set("checked", true);
      h.deprived.insert(i.code);
    }
    items.push_back(it);
  }
  close_group();
  d.set("groups", groups);
  if (!asked || d.get("error")) return d;
  try {
    h.income_per_capita = http::ReadTypedNumber("income", income);
    if (income.empty()) throw Error(gen_errors::kRequired, "income");
    YearClassification c = svc.Classify(year, h);
    const Classification& r = c.national.result;
    TemplateData res = http::Object();
    res.set("class", ctx.T("poverty.class." + std::string(ClassCode(r.cls))));
    res.set("class_code", std::string(ClassCode(r.cls)));
    res.set("badge", Badge(r.cls));
    res.set("why", ctx.i18n->Format(ctx.lang, "poverty.why." + std::string(ClassCode(r.cls)),
                                    {{"income", Money(h.income_per_capita)},
                                     {"line", Money(r.poverty_line)},
                                     {"mid", r.mid_line ? Money(*r.mid_line) : ""},
                                     {"count", std::to_string(r.deprivations)},
                                     {"min", std::to_string(s.poor_min_deprivations)}}));
    if (c.province) {
      res.set("province", ctx.T("poverty.class." + std::string(ClassCode(c.province->result.cls))));
      res.set("province_title", c.province->standard->value.meta.title);
    }
    d.set("result", res);
  } catch (const Error& e) {
    if (e.field().empty()) throw;
    http::SetFormError(d, ctx, e);
    d.set("status", std::to_string(e.status()));
  }
  return d;
}

TemplateData ClassCell(const Ctx& ctx, Class c) {
  TemplateData d = http::Object();
  d.set("label", ctx.T("poverty.class." + std::string(ClassCode(c))));
  d.set("badge", Badge(c));
  return d;
}

// A deprivation's name under the standard that derived it.
std::string DeprivedText(const std::vector<Deprivation>& ds, const Standard* s) {
  std::string out;
  for (const Deprivation& d : ds) {
    const Indicator* i = s ? s->Find(d.code) : nullptr;
    out += (out.empty() ? "" : "; ") + (i ? i->name : d.code);
  }
  return out.empty() ? "—" : out;
}

}  // namespace

void RegisterHouseholdPages(http::Router& router, RegistryService& registry,
                            const http::Layout& layout) {
  router.Get("/poverty/households", http::Access{std::string(access::kHouseholdRead)},
             [&registry, &layout](Ctx& ctx) {
               auto list = registry.List(ctx.AsActor());
               TemplateData d = http::Object();
               TemplateData rows = http::List();
               int poor = 0, near = 0, poor_2028 = 0, year = clock::Today().year();
               for (const HouseholdView& v : list) {
                 TemplateData r = http::Object();
                 const HouseholdDraft& h = v.row.d;
                 r.set("code", h.code);
                 r.set("village", v.village_name);
                 for (const MemberDraft& m : h.members)
                   if (m.relationship == "head") r.set("head", m.facts.name);
                 r.set("members", std::to_string(h.members.size()));
                 r.set("income", Money(h.income_per_capita));
                 if (v.classification) {
                   Class c = v.classification->national.result.cls;
                   poor += c == Class::kPoor;
                   near += c == Class::kNearPoor;
                   r.set("now", ClassCell(ctx, c));
                   r.set("deprived",
                         DeprivedText(v.deprivations, &v.classification->national.standard->value));
                 } else {
                   r.set("deprived", "—");
                 }
                 if (v.in_2028) {
                   poor_2028 += v.in_2028->result.cls == Class::kPoor;
                   r.set("in_2028", ClassCell(ctx, v.in_2028->result.cls));
                 }
                 rows.push_back(r);
               }
               d.set("rows", rows);
               if (list.empty()) d.set("empty", true);
               d.set("class_heading", ctx.i18n->Format(ctx.lang, "poverty.class_year",
                                                       {{"year", std::to_string(year)}}));
               d.set("summary", ctx.i18n->Format(ctx.lang, "poverty.households_summary",
                                                 {{"count", std::to_string(list.size())},
                                                  {"poor", std::to_string(poor)},
                                                  {"near", std::to_string(near)},
                                                  {"year", std::to_string(year)},
                                                  {"poor_2028", std::to_string(poor_2028)}}));
               return layout.Page(ctx, "poverty/households", d, ctx.T("poverty.households_title"));
             });
}

void RegisterPovertyPages(http::Router& router, const PovertyService& svc,
                          const http::Layout& layout) {
  router.Get("/poverty", http::Access{std::string(access::kPovertyRead)},
             [&svc, &layout](Ctx& ctx) {
               TemplateData d = Calculator(ctx, svc);
               TemplateData rows = http::List();
               for (const auto& v : svc.national().versions()) rows.push_back(StandardRow(ctx, v));
               d.set("standards", rows);
               int status = 200;
               if (const auto* st = d.get("status")) status = std::stoi(st->string_value());
               return layout.Page(ctx, "poverty/calculator", d, ctx.T("poverty.title"), status);
             });
}

}  // namespace kientao::poverty
