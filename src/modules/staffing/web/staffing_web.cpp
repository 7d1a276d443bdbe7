#include "modules/staffing/web/staffing_web.hpp"

#include <map>

#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "http/download.hpp"
#include "http/form.hpp"
#include "http/input.hpp"
#include "http/request.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/org/permissions.hpp"
#include "modules/staffing/errors.hpp"

namespace kientao::staffing {

namespace json = boost::json;
using http::Ctx;
using http::TemplateData;

namespace {

// Sex and birth date from the query; STF-6001 for a birth date in the future or before 1940.
std::pair<bool, Date> ReadPerson(const Ctx& ctx) {
  std::string sex = ctx.req.Query("sex");
  if (sex.empty()) throw Error(gen_errors::kRequired, "sex");
  if (sex != "male" && sex != "female")
    throw Error(gen_errors::kInvalidValue, "sex", {{"value", sex}});
  std::string b = ctx.req.Query("birth");
  if (b.empty()) throw Error(gen_errors::kRequired, "birth");
  auto birth = Date::Parse(b);
  if (!birth) throw Error(gen_errors::kInvalidDate, "birth", {{"value", b}});
  if (*birth > clock::Today() || birth->year() < 1940)
    throw Error(errors::kBirthOutOfRange, "birth", {{"value", birth->ToVn()}});
  return {sex == "female", *birth};
}

struct Leaver {
  const org::StaffRow* row;
  Retirement r;
};

}  // namespace

void RegisterStaffingRoutes(http::Router& router, org::OrgService& org, StaffingService& plans,
                            const RetirementRule& rule, const http::Layout& layout) {
  router.Get("/api/v1/staffing/retirement", http::Access{"login"}, [&rule](Ctx& ctx) {
    auto [female, birth] = ReadPerson(ctx);
    Retirement r = RetirementOf(rule, female, birth);
    return http::JsonAnswer(json::object{{"age_years", r.age_years},
                                         {"age_months", r.age_months},
                                         {"retirement_month", r.retirement_month.ToIso()},
                                         {"pension_from", r.pension_from.ToIso()},
                                         {"article", rule.article},
                                         {"verified", rule.verified}});
  });
  const http::Access staff_read{std::string(access::kStaffRead)};
  // Who retires in each year from..to (default 2026–2031) among the staff the actor may read.
  auto leavers = [&org, &rule](const Ctx& ctx, int from, int to) {
    auto list = org.ListStaff(ctx.AsActor(), {});
    std::map<int, std::vector<Leaver>> by_year;
    for (auto& row : list->rows) {
      if (!UnderQuota(row.staff))
        continue;  // part-time and contract staff have no pension roadmap here
      Retirement r = RetirementOf(rule, row.staff.sex == org::Sex::kFemale, row.staff.birth_date);
      if (r.retirement_month.year >= from && r.retirement_month.year <= to)
        by_year[r.retirement_month.year].push_back({&row, r});
    }
    for (auto& [y, v] : by_year)
      std::sort(v.begin(), v.end(),
                [](auto& a, auto& b) { return a.r.retirement_month < b.r.retirement_month; });
    return std::make_pair(list, by_year);
  };
  auto years = [](const Ctx& ctx) {
    auto num = [&](const char* key, int def) {
      std::string s = ctx.req.Query(key);
      if (s.empty()) return def;
      char* end = nullptr;
      long v = std::strtol(s.c_str(), &end, 10);
      if (*end || v < 2000 || v > 2100) throw Error(errors::kYearRange, key, {{"value", s}});
      return static_cast<int>(v);
    };
    int from = num("from", 2026), to = num("to", 2031);
    if (to < from || to - from > 20)
      throw Error(errors::kYearRange, "to", {{"value", std::to_string(to)}});
    return std::make_pair(from, to);
  };
  router.Get("/api/v1/staffing/retirements", staff_read, [leavers, years](Ctx& ctx) {
    auto [from, to] = years(ctx);
    auto [list, by_year] = leavers(ctx, from, to);
    json::array out;
    for (int y = from; y <= to; ++y) {
      json::array people;
      for (auto& l : by_year[y])
        people.push_back({{"staff_id", l.row->staff.id},
                          {"full_name", l.row->staff.full_name},
                          {"unit", l.row->unit_name},
                          {"position", l.row->staff.position},
                          {"retirement_month", l.r.retirement_month.ToIso()},
                          {"age_years", l.r.age_years},
                          {"age_months", l.r.age_months}});
      out.push_back({{"year", y}, {"count", people.size()}, {"people", people}});
    }
    return http::JsonAnswer(json::object{{"years", out}});
  });
  auto plan_json = [](const Plan& p) {
    auto year_json = [](const PlanYear& y) {
      return json::object{{"year", y.year},
                          {"quota", y.quota ? json::value(*y.quota) : json::value(nullptr)},
                          {"retiring", y.retiring},
                          {"streamlining", y.streamlining},
                          {"expected", y.expected},
                          {"gap", y.gap ? json::value(*y.gap) : json::value(nullptr)}};
    };
    json::array units, total;
    for (auto& u : p.units) {
      json::array ys;
      for (auto& y : u.years) ys.push_back(year_json(y));
      json::object cats;
      for (auto& [k, n] : u.by_category) cats[k] = n;
      units.push_back({{"unit", {{"id", u.unit_id}, {"name", u.unit_name}}},
                       {"headcount", u.headcount},
                       {"by_category", cats},
                       {"years", ys}});
    }
    for (auto& y : p.total) total.push_back(year_json(y));
    return json::object{{"from", p.from}, {"to", p.to}, {"units", units}, {"total", total}};
  };
  router.Get("/api/v1/staffing/plan", staff_read, [&plans, years, plan_json](Ctx& ctx) {
    auto [from, to] = years(ctx);
    return http::JsonAnswer(plan_json(plans.BuildPlan(ctx.AsActor(), from, to)));
  });
  const http::Access org_write{std::string(access::kOrgWrite)};
  auto set_quota = [&plans](Ctx& ctx, const http::Input& in) {
    in.AllowOnly({"unit_id", "year", "quota"});
    long long unit = *in.Int("unit_id", true);
    long long year = *in.Int("year", true);
    long long quota = *in.Int("quota", true);
    if (quota > 100000)
      throw Error(gen_errors::kInvalidValue, "quota", {{"value", std::to_string(quota)}});
    plans.SetQuota(ctx.AsActor(), unit, static_cast<int>(year), static_cast<int>(quota));
  };
  router.Post("/api/v1/staffing/quotas", org_write, [set_quota](Ctx& ctx) {
    set_quota(ctx, http::Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"saved", true}});
  });
  // The plan and the retirement list as a spreadsheet (numbers as numbers).
  router.Get("/staffing/plan.xlsx", staff_read, [&org, &plans, leavers, years](Ctx& ctx) {
    auto [from, to] = years(ctx);
    Plan plan = plans.BuildPlan(ctx.AsActor(), from, to);
    documents::XlsxSheet sheet;
    sheet.name = "Kế hoạch biên chế";
    sheet.title = "Kế hoạch biên chế giai đoạn " + std::to_string(from) + "–" + std::to_string(to);
    sheet.header = {"Đơn vị", "Hiện có"};
    sheet.widths = {36, 10};
    for (int y = from; y <= to; ++y) {
      for (const char* what : {"Biên chế ", "Dự kiến ", "Nghỉ hưu ", "Tinh giản ", "Chênh lệch "})
        sheet.header.push_back(what + std::to_string(y));
      for (int k = 0; k < 5; ++k) sheet.widths.push_back(11);
    }
    auto add = [&](const std::string& name, std::optional<int> headcount,
                   const std::vector<PlanYear>& ys) {
      std::vector<documents::XlsxCell> row = {
          name,
          headcount ? documents::XlsxCell(static_cast<double>(*headcount)) : documents::XlsxCell{}};
      for (auto& y : ys) {
        row.push_back(y.quota ? documents::XlsxCell(static_cast<double>(*y.quota))
                              : documents::XlsxCell{});
        row.push_back(static_cast<double>(y.expected));
        row.push_back(static_cast<double>(y.retiring));
        row.push_back(static_cast<double>(y.streamlining));
        row.push_back(y.gap ? documents::XlsxCell(static_cast<double>(*y.gap))
                            : documents::XlsxCell{});
      }
      sheet.rows.push_back(std::move(row));
    };
    for (auto& u : plan.units) add(u.unit_name, u.headcount, u.years);
    add("Toàn xã", std::nullopt, plan.total);
    documents::XlsxSheet list;
    list.name = "Nghỉ hưu";
    list.title = "Cán bộ, công chức, viên chức đến tuổi nghỉ hưu " + std::to_string(from) + "–" +
                 std::to_string(to);
    list.header = {"Năm",        "Họ và tên",   "Đơn vị", "Chức vụ", "Tháng nghỉ hưu",
                   "Tuổi (năm)", "Tuổi (tháng)"};
    list.widths = {8, 28, 30, 30, 14, 10, 10};
    auto [staff, by_year] = leavers(ctx, from, to);
    for (auto& [y, people] : by_year)
      for (auto& l : people)
        list.rows.push_back({static_cast<double>(y), l.row->staff.full_name, l.row->unit_name,
                             l.row->staff.position, MonthCell(l.r.retirement_month),
                             static_cast<double>(l.r.age_years),
                             static_cast<double>(l.r.age_months)});
    auto issuer = documents::CommuneIssuer(org.ActorCommuneName(ctx.AsActor(), access::kStaffRead));
    return http::Download(
        documents::RenderXlsx({sheet, list}, issuer), http::kXlsxType,
        "ke-hoach-bien-che-" + std::to_string(from) + "-" + std::to_string(to) + ".xlsx");
  });
  // The plan, the retirement list and the calculator; after a refused quota, that quota's field
  // as it was typed with the problem beside it.
  auto staffing_page = [&rule, &layout, &plans, leavers, years](Ctx& ctx, const Error* err) {
    TemplateData d = http::Object();
    http::TypedForm typed(ctx, err);
    auto [from, to] = years(ctx);
    Plan plan = plans.BuildPlan(ctx.AsActor(), from, to);
    auto cell = [](const std::optional<int>& v) {
      return v ? std::to_string(*v) : std::string("—");
    };
    TemplateData head = http::List();
    for (int y = from; y <= to; ++y) {
      TemplateData h = http::Object();
      h.set("year", std::to_string(y));
      head.push_back(h);
    }
    d.set("plan_years", head);
    auto year_cells = [&](const std::vector<PlanYear>& ys, long long unit_id, bool editable) {
      TemplateData cells = http::List();
      for (auto& y : ys) {
        TemplateData c = http::Object();
        c.set("year", std::to_string(y.year));
        c.set("quota", cell(y.quota));
        c.set("quota_value", y.quota ? std::to_string(*y.quota) : "");
        c.set("expected", std::to_string(y.expected));
        c.set("retiring", std::to_string(y.retiring));
        if (y.streamlining) c.set("streamlining", std::to_string(y.streamlining));
        if (y.gap) {
          c.set("gap", (*y.gap > 0 ? "+" : "") + std::to_string(*y.gap));
          if (*y.gap > 0) c.set("surplus", true);
          if (*y.gap < 0) c.set("vacancy", true);
        }
        if (editable) {
          c.set("editable", true);
          c.set("unit_id", std::to_string(unit_id));
          if (typed.From("/staffing/quotas") && typed["unit_id"] == std::to_string(unit_id) &&
              typed["year"] == std::to_string(y.year)) {
            c.set("quota_value", typed["quota"]);
            c.set("msg", ctx.Message(*err));
          }
        }
        cells.push_back(c);
      }
      return cells;
    };
    TemplateData rows = http::List();
    for (auto& u : plan.units) {
      TemplateData r = http::Object();
      r.set("unit", u.unit_name);
      r.set("headcount", std::to_string(u.headcount));
      std::string cats;
      for (auto& [k, n] : u.by_category)
        cats += (cats.empty() ? "" : ", ") + ctx.T("org.category." + k) + " " + std::to_string(n);
      r.set("categories", cats);
      r.set("cells", year_cells(u.years, u.unit_id, u.can_edit));
      rows.push_back(r);
    }
    d.set("plan_rows", rows);
    d.set("plan_total", year_cells(plan.total, 0, false));
    if (err) d.set("quota_error", ctx.Message(*err));
    auto [list, by_year] = leavers(ctx, from, to);
    TemplateData ys = http::List();
    for (int y = from; y <= to; ++y) {
      TemplateData yd = http::Object();
      yd.set("year", std::to_string(y));
      yd.set("count", std::to_string(by_year[y].size()));
      TemplateData people = http::List();
      for (auto& l : by_year[y]) {
        TemplateData p = http::Object();
        p.set("id", std::to_string(l.row->staff.id));
        p.set("name", l.row->staff.full_name);
        p.set("unit", l.row->unit_name);
        p.set("position", l.row->staff.position);
        p.set("month", l.r.retirement_month.ToVn());
        p.set("age", std::to_string(l.r.age_years) + " " + ctx.T("staffing.years") +
                         (l.r.age_months ? " " + std::to_string(l.r.age_months) + " " +
                                               ctx.T("staffing.months")
                                         : ""));
        people.push_back(p);
      }
      yd.set("people", people);
      ys.push_back(yd);
    }
    d.set("years", ys);
    d.set("from", std::to_string(from));
    d.set("to", std::to_string(to));
    d.set("article", rule.article);
    if (!rule.effect_verified) d.set("effect_unverified", true);
    // The calculator, answered on the same page.
    if (!ctx.req.Query("birth").empty() || !ctx.req.Query("sex").empty()) {
      TemplateData v = http::Object();
      v.set("birth", ctx.req.Query("birth"));
      v.set(ctx.req.Query("sex") == "female" ? "female" : "male", true);
      d.set("v", v);
      try {
        auto [female, birth] = ReadPerson(ctx);
        Retirement r = RetirementOf(rule, female, birth);
        TemplateData res = http::Object();
        res.set("age", std::to_string(r.age_years) + " " + ctx.T("staffing.years") + " " +
                           std::to_string(r.age_months) + " " + ctx.T("staffing.months"));
        res.set("month", r.retirement_month.ToVn());
        res.set("pension", r.pension_from.ToVn());
        d.set("result", res);
      } catch (const Error& e) {
        d.set("error", ctx.Message(e));
        return layout.Page(ctx, "staffing/staffing", d, ctx.T("staffing.title"), e.status());
      }
    }
    return layout.Page(ctx, "staffing/staffing", d, ctx.T("staffing.title"),
                       err ? err->status() : 200);
  };
  router.Get("/staffing", staff_read,
             [staffing_page](Ctx& ctx) { return staffing_page(ctx, nullptr); });
  router.Post(
      "/staffing/quotas", org_write,
      http::FormAction(staffing_page, set_quota, [](const http::Input&) { return "/staffing"; }));
}

}  // namespace kientao::staffing
