#include "modules/kpi/web/kpi_web.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/csv.hpp"
#include "base/text.hpp"
#include "http/download.hpp"
#include "http/form.hpp"
#include "http/input.hpp"
#include "http/request.hpp"
#include "http/templates.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/kpi/errors.hpp"
#include "modules/kpi/permissions.hpp"

namespace kientao::kpi {

namespace json = boost::json;
using http::Ctx;
using http::Input;
using http::Response;
using http::TemplateData;

namespace {

// The period asked for ("2026M11", "2026Q4"), else the month (or quarter) containing today.
Period ReadPeriod(const Ctx& ctx, PeriodType kind) {
  std::string id = ctx.req.Query("period");
  if (id.empty()) {
    Date t = clock::Today();
    return Period::Of(kind, t.year(),
                      kind == PeriodType::kQuarter ? (t.month() + 2) / 3 : t.month());
  }
  auto p = Period::Parse(id);
  if (!p || (p->type() != PeriodType::kMonth && p->type() != PeriodType::kQuarter))
    throw Error(errors::kPeriodKind, "period", {{"value", id}});
  return *p;
}

int ReadYear(const Ctx& ctx, const Input* in = nullptr) {
  if (in) {
    long long y = *in->Int("year", true);
    if (y < 2020 || y > 2100)
      throw Error(errors::kOutsideWindow, "year",
                  {{"value", std::to_string(y)}, {"from", ""}, {"to", ""}});
    return static_cast<int>(y);
  }
  std::string s = ctx.req.Query("year");
  if (s.empty()) return clock::Today().year();
  char* end = nullptr;
  long y = std::strtol(s.c_str(), &end, 10);
  if (*end || y < 2020 || y > 2100)
    throw Error(errors::kOutsideWindow, "year", {{"value", s}, {"from", ""}, {"to", ""}});
  return static_cast<int>(y);
}

long long MyStaff(const Ctx& ctx) {
  if (!ctx.user->staff_id) throw Error(errors::kNoStaffRecord, "staff_id");
  return ctx.user->staff_id;
}

bool YesNo(const Input& in, const char* field, bool def) {
  auto v = in.Enum(field, {"yes", "no"}, false);
  return v ? *v == "yes" : def;
}

std::string Num(double v, int decimals = 1) { return text::VnNumber(v, decimals); }

// A KPI period: a month or a quarter id ("2026M11", "2026Q4"); KPI-7018 naming it otherwise.
std::optional<Period> ReadPeriod(const Input& in) {
  std::string pid = in.ReqStr("period", 10);
  auto p = Period::Parse(pid);
  if (!p) throw Error(errors::kPeriodKind, "period", {{"value", pid}});
  return p;
}

// A product's quality and timeliness percentages as the rule scores them.
std::pair<double, double> ItemPercents(const KpiRules& r, const Assignment& a) {
  ProductShares s = SharesOf(r, {a.Weight(), a.status == "confirmed", a.major_errors, a.delays,
                                 a.objective_cause, a.meets_requirements});
  return {100 * s.quality, 100 * s.timely};
}

json::object AssignmentJson(const KpiRules& r, const Assignment& a) {
  auto [q, t] = ItemPercents(r, a);
  return json::object{{"id", a.id},
                      {"staff_id", a.staff_id},
                      {"staff_name", a.staff_name},
                      {"title", a.title},
                      {"product", a.product_name},
                      {"measure", a.measure},
                      {"factor", a.factor},
                      {"quantity", a.quantity},
                      {"weight", a.Weight()},
                      {"source", a.source},
                      {"task_id", a.task_id ? json::value(a.task_id) : json::value(nullptr)},
                      {"assigned_on", a.assigned_on.ToIso()},
                      {"deadline", a.deadline.ToIso()},
                      {"status", a.status},
                      {"completed_on", a.completed_on ? json::value(a.completed_on->ToIso())
                                                      : json::value(nullptr)},
                      {"report_note", a.report_note},
                      {"reviewed_by", a.reviewed_by},
                      {"meets_requirements", a.meets_requirements},
                      {"major_errors", a.major_errors},
                      {"delays", a.delays},
                      {"objective_cause", a.objective_cause},
                      {"quality_pct", q},
                      {"timeliness_pct", t}};
}

// Beside the score, never part of it: `rate` = count ÷ of × 100, null when `of` is 0 or the
// registry could not tell the person from a namesake.
json::array EvidenceJson(const std::vector<PersonEvidence>& evidence) {
  json::array out;
  for (const auto& e : evidence) {
    bool known = !e.ambiguous;
    out.push_back(
        {{"source", e.source},
         {"count", known ? json::value(e.count) : json::value(nullptr)},
         {"of", known ? json::value(e.of) : json::value(nullptr)},
         {"rate", known && e.of ? json::value(100.0 * e.count / e.of) : json::value(nullptr)},
         {"ambiguous", e.ambiguous}});
  }
  return out;
}

json::object ScoreJson(const KpiRules& r, const PersonScore& ps) {
  json::array items;
  for (auto& a : ps.items) items.push_back(AssignmentJson(r, a));
  const PeriodScore& s = ps.score;
  return json::object{
      {"staff",
       {{"id", ps.staff_id},
        {"name", ps.name},
        {"position", ps.position},
        {"unit_id", ps.unit_id},
        {"unit", ps.unit_name}}},
      {"period", ps.period},
      {"general", ps.general ? json::value(*ps.general) : json::value(nullptr)},
      {"absence", ps.absence ? json::value(*ps.absence) : json::value(nullptr)},
      {"leader", ps.direction != Direction::kNone},
      {"pending", ps.pending},
      {"count", ps.count},
      {"score",
       {{"quantity", s.quantity},
        {"quality", s.quality},
        {"timeliness", s.timeliness},
        {"own", s.own},
        {"unit_result", s.unit_result < 0 ? json::value(nullptr) : json::value(s.unit_result)},
        {"task", s.task},
        {"general", s.general},
        {"total", s.total}}},
      {"rules",
       {{"combination_verified", r.combination_verified},
        {"leader_weights_verified", r.leader_weights_verified}}},
      {"items", items},
      {"evidence", EvidenceJson(ps.evidence)}};
}

std::string RatingKey(Rating r) { return "kpi.rating." + std::string(RatingCode(r)); }

TemplateData ItemData(const Ctx& ctx, const KpiRules& r, const Assignment& a) {
  TemplateData d = http::Object();
  auto [q, t] = ItemPercents(r, a);
  d.set("id", std::to_string(a.id));
  d.set("title", a.title);
  d.set("staff", a.staff_name);
  d.set("product", a.product_name.empty() ? ctx.T("kpi.from_task") : a.product_name);
  d.set("quantity", Num(a.quantity, 2) + (a.measure.empty() ? "" : " " + a.measure));
  d.set("factor", Num(a.factor, 2));
  d.set("weight", Num(a.Weight(), 2));
  d.set("deadline", a.deadline.ToVn());
  d.set("status", ctx.T("kpi.status." + a.status));
  d.set("status_code", a.status);
  if (a.completed_on) d.set("completed_on", a.completed_on->ToVn());
  if (!a.report_note.empty()) d.set("report_note", a.report_note);
  if (!a.review_note.empty()) d.set("review_note", a.review_note);
  if (a.status == "confirmed") {
    d.set("confirmed", true);
    d.set("quality", Num(q, 1));
    d.set("timeliness", Num(t, 1));
    d.set("major_errors", std::to_string(a.major_errors));
    d.set("delays", std::to_string(a.delays));
    if (a.objective_cause) d.set("objective_cause", true);
    if (!a.meets_requirements) d.set("fails_requirements", true);
  }
  if (a.status == "open" || a.status == "returned") d.set("can_report", true);
  if (a.completed_on && a.completed_on > a.deadline) d.set("late", true);
  d.set("suggested_delays", a.completed_on && *a.completed_on > a.deadline ? "1" : "0");
  return d;
}

TemplateData ScoreData(const Ctx& ctx, const KpiRules& r, const PersonScore& ps) {
  TemplateData d = http::Object();
  const PeriodScore& s = ps.score;
  d.set("staff_id", std::to_string(ps.staff_id));
  d.set("name", ps.name);
  d.set("position", ps.position);
  d.set("unit", ps.unit_name);
  d.set("quantity", Num(s.quantity));
  d.set("quality", Num(s.quality));
  d.set("timeliness", Num(s.timeliness));
  d.set("task", Num(s.task, 2));
  d.set("total", Num(s.total, 2));
  d.set("general", ps.general ? Num(*ps.general, 1) : "—");
  d.set("general_value", ps.general ? Num(*ps.general, 1) : "");
  if (!ps.general) d.set("not_scored", true);
  if (ps.absence) d.set("absence", *ps.absence);
  if (s.unit_result >= 0) d.set("unit_result", Num(s.unit_result, 0));
  d.set("count", std::to_string(ps.count));
  if (ps.pending) d.set("pending", std::to_string(ps.pending));
  if (ps.general) {  // the level once the head has scored the period
    Rating level = RateYear(r, std::clamp(s.total, 0.0, 100.0), false);
    d.set("level", ctx.T(RatingKey(level)));
  }
  TemplateData items = http::List();
  for (auto& a : ps.items) items.push_back(ItemData(ctx, r, a));
  d.set("items", items);
  TemplateData evidence = http::List();
  for (const auto& e : ps.evidence) {
    TemplateData row = http::Object();
    row.set("label", ctx.T(e.label_key));
    if (e.ambiguous) {
      row.set("ambiguous", true);
    } else {
      row.set("count", Num(static_cast<double>(e.count), 0));
      row.set("of", Num(static_cast<double>(e.of), 0));
      if (e.of) row.set("rate", Num(100.0 * e.count / e.of, 1));
    }
    if (!e.href.empty()) row.set("href", e.href);
    evidence.push_back(row);
  }
  d.set("evidence", evidence);
  if (!ps.evidence.empty()) d.set("has_evidence", true);
  return d;
}

void SetPeriodNav(const Ctx& ctx, TemplateData& d, const Period& p) {
  d.set("period", p.Id());
  d.set("period_label", ctx.lang == "en" ? p.LabelEn() : p.LabelVi());
  int step = p.type() == PeriodType::kQuarter ? 4 : 12;
  int prev_i = p.index() - 1, prev_y = p.year(), next_i = p.index() + 1, next_y = p.year();
  if (prev_i < 1) prev_i = step, --prev_y;
  if (next_i > step) next_i = 1, ++next_y;
  d.set("prev", Period::Of(p.type(), prev_y, prev_i).Id());
  d.set("next", Period::Of(p.type(), next_y, next_i).Id());
}

void SetRules(TemplateData& d, const KpiRules& r) {
  if (!r.combination_verified) d.set("combination_unverified", true);
  if (!r.leader_weights_verified) d.set("leader_unverified", true);
}

Response Xlsx(std::string bytes, const std::string& filename) {
  return http::Download(std::move(bytes), http::kXlsxType, filename);
}

std::string RatingVi(Rating r) {
  switch (r) {
    case Rating::kExcellent:
      return "Hoàn thành xuất sắc nhiệm vụ";
    case Rating::kGood:
      return "Hoàn thành tốt nhiệm vụ";
    case Rating::kCompleted:
      return "Hoàn thành nhiệm vụ";
    case Rating::kNotCompleted:
      return "Không hoàn thành nhiệm vụ";
  }
  return "";
}

}  // namespace

void RegisterKpiRoutes(http::Router& router, KpiService& svc, const http::Layout& layout,
                       const documents::Layout30& doc_layout) {
  const http::Access login{"login"};
  const http::Access review{std::string(access::kKpiReview)};
  const http::Access read{std::string(access::kKpiRead)};
  const http::Access rate{std::string(access::kKpiRate)};
  const KpiRules& rules = svc.rules();

  // ----- API -----
  router.Get("/api/v1/kpi/me", login, [&svc](Ctx& ctx) {
    long long me = MyStaff(ctx);
    Period p = ReadPeriod(ctx, svc.PeriodKindOfStaff(me));
    return http::JsonAnswer(ScoreJson(svc.rules(), svc.ScorePerson(ctx.AsActor(), me, p)));
  });
  router.Get("/api/v1/kpi/staff/{id}", login, [&svc](Ctx& ctx) {
    Period p = ReadPeriod(ctx, svc.PeriodKindOfStaff(ctx.Id("id")));
    return http::JsonAnswer(
        ScoreJson(svc.rules(), svc.ScorePerson(ctx.AsActor(), ctx.Id("id"), p)));
  });
  router.Get("/api/v1/kpi/units/{id}/products", login, [&svc](Ctx& ctx) {
    json::array out;
    for (auto& p : svc.Products(ctx.AsActor(), ctx.Id("id")))
      out.push_back({{"id", p.id},
                     {"code", p.code},
                     {"name", p.name},
                     {"measure", p.measure},
                     {"factor", p.factor},
                     {"position", p.position},
                     {"version", p.version},
                     {"valid_from", p.valid_from}});
    return http::JsonAnswer(json::object{{"products", out}});
  });
  auto save_product = [&svc](Ctx& ctx, const Input& in) {
    in.AllowOnly({"unit_id", "position", "code", "name", "measure", "factor"});
    ProductDraft d;
    http::FieldProblems p;  // every problem at once, each beside its field
    d.unit_id = p.Take([&] { return in.Int("unit_id", true); }).value_or(0);
    d.position = p.Take([&] { return in.Str("position", 100, false); }).value_or("");
    d.code = p.Take([&] { return in.ReqStr("code", 20); });
    d.name = p.Take([&] { return in.ReqStr("name", 200); });
    d.measure = p.Take([&] { return in.ReqStr("measure", 50); });
    d.factor = p.Take([&] { return in.Num("factor", true); }).value_or(0);
    p.ThrowIfAny();
    return svc.SaveProduct(ctx.AsActor(), d);
  };
  router.Post("/api/v1/kpi/products", review, [save_product](Ctx& ctx) {
    long long id = save_product(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"id", id}}, 201);
  });
  auto period_kind = [&svc](Ctx& ctx, const Input& in) {
    in.AllowOnly({"period_kind"});
    auto k = in.Enum("period_kind", {"month", "quarter"}, true);
    svc.SetPeriodKind(ctx.AsActor(), ctx.Id("id"), *ParsePeriodType(*k));
  };
  router.Post("/api/v1/kpi/units/{id}/period-kind", review, [period_kind](Ctx& ctx) {
    period_kind(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"saved", true}});
  });
  auto assign = [&svc](Ctx& ctx, const Input& in) {
    in.AllowOnly({"staff_id", "product_id", "quantity", "title", "assigned_on", "deadline"});
    AssignmentDraft d;
    http::FieldProblems p;  // every problem at once, each beside its field
    d.staff_id = p.Take([&] { return in.Int("staff_id", true); }).value_or(0);
    d.product_id = p.Take([&] { return in.Int("product_id", true); }).value_or(0);
    d.quantity = p.Take([&] { return in.Num("quantity", false); }).value_or(1);
    d.title = p.Take([&] { return in.Str("title", 300, false); }).value_or("");
    d.assigned_on =
        p.Take([&] { return in.DateField("assigned_on", false); }).value_or(clock::Today());
    d.deadline = p.Take([&] { return in.DateField("deadline", true); }).value_or(Date{});
    p.ThrowIfAny();
    return svc.Assign(ctx.AsActor(), d);
  };
  router.Post("/api/v1/kpi/assignments", review, [assign](Ctx& ctx) {
    long long id = assign(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"id", id}}, 201);
  });
  router.Post("/api/v1/kpi/assignments/import", review, [&svc](Ctx& ctx) {
    int n = svc.ImportAssignments(ctx.AsActor(), ctx.req.body,
                                  CharsetOf(ctx.req.Header("content-type")));
    return http::JsonAnswer(json::object{{"created", n}});
  });
  auto report_done = [&svc](Ctx& ctx, const Input& in, long long id) {
    in.AllowOnly({"completed_on", "note"});
    svc.ReportDone(ctx.AsActor(), id, in.DateField("completed_on", false).value_or(clock::Today()),
                   in.Str("note", 1000, false).value_or(""));
  };
  router.Post("/api/v1/kpi/assignments/{id}/done", login, [report_done](Ctx& ctx) {
    report_done(ctx, Input::FromRequest(ctx.req), ctx.Id("id"));
    return http::JsonAnswer(json::object{{"status", "reported"}});
  });
  auto do_review = [&svc](Ctx& ctx, const Input& in, long long id) {
    in.AllowOnly(
        {"decision", "meets_requirements", "major_errors", "delays", "objective_cause", "note"});
    ReviewDraft d;
    http::FieldProblems p;  // every problem at once, each beside its field
    auto decision = p.Take([&] { return in.Enum("decision", {"confirm", "return"}, true); });
    d.meets_requirements = p.Take([&] { return YesNo(in, "meets_requirements", true); });
    auto count = [&](const char* field) {
      long long v = in.Int(field, false).value_or(0);
      if (v < 0 || v > 20) throw Error(errors::kNegative, field, {{"max", "20"}});
      return static_cast<int>(v);
    };
    d.major_errors = p.Take([&] { return count("major_errors"); });
    d.delays = p.Take([&] { return count("delays"); });
    d.objective_cause = p.Take([&] { return YesNo(in, "objective_cause", false); });
    d.note = p.Take([&] { return in.Str("note", 1000, false); }).value_or("");
    p.ThrowIfAny();
    d.confirm = *decision == "confirm";
    svc.Review(ctx.AsActor(), id, d);
    return d.confirm;
  };
  router.Post("/api/v1/kpi/assignments/{id}/review", review, [do_review](Ctx& ctx) {
    bool confirmed = do_review(ctx, Input::FromRequest(ctx.req), ctx.Id("id"));
    return http::JsonAnswer(json::object{{"status", confirmed ? "confirmed" : "returned"}});
  });
  router.Get("/api/v1/kpi/review-queue", review, [&svc](Ctx& ctx) {
    json::array out;
    for (auto& a : svc.ReviewQueue(ctx.AsActor())) out.push_back(AssignmentJson(svc.rules(), a));
    return http::JsonAnswer(json::object{{"items", out}});
  });
  auto general = [&svc](Ctx& ctx, const Input& in) {
    in.AllowOnly({"staff_id", "period", "score", "note"});
    http::FieldProblems problems;  // every problem at once, each beside its field
    long long staff = problems.Take([&] { return in.Int("staff_id", true); }).value_or(0);
    auto p = problems.Take([&] { return ReadPeriod(in); });
    double max = svc.rules().general_points;
    double score = problems.Take([&] {
      double s = *in.Num("score", true);
      if (!(s >= 0 && s <= max))
        throw Error(errors::kScoreOutOfRange, "score",
                    {{"max", std::to_string(static_cast<int>(max))}});
      return s;
    });
    std::string note = problems.Take([&] { return in.Str("note", 1000, false); }).value_or("");
    problems.ThrowIfAny();
    svc.SetGeneral(ctx.AsActor(), staff, *p, score, note);
  };
  router.Post("/api/v1/kpi/general", review, [general](Ctx& ctx) {
    general(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"saved", true}});
  });
  auto absence = [&svc](Ctx& ctx, const Input& in) {
    in.AllowOnly({"staff_id", "period", "reason"});
    http::FieldProblems problems;  // every problem at once, each beside its field
    long long staff = problems.Take([&] { return in.Int("staff_id", true); }).value_or(0);
    auto p = problems.Take([&] { return ReadPeriod(in); });
    std::string reason = problems.Take([&] { return in.ReqStr("reason", 300); });
    problems.ThrowIfAny();
    svc.SetAbsence(ctx.AsActor(), staff, *p, reason);
  };
  router.Post("/api/v1/kpi/absences", review, [absence](Ctx& ctx) {
    absence(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"saved", true}});
  });
  auto unit_of = [&svc](const Ctx& ctx) {
    std::string u = ctx.req.Query("unit");
    if (!u.empty()) {
      char* end = nullptr;
      long long id = std::strtoll(u.c_str(), &end, 10);
      if (*end || id <= 0) throw Error(errors::kNotFound, "unit_id", {{"id", u}});
      return id;
    }
    long long commune = svc.ActorCommune(ctx.AsActor());
    if (!commune) throw Error(errors::kNotFound, "unit_id", {{"id", ""}});
    return commune;
  };
  router.Get("/api/v1/kpi/ranking", read, [&svc, unit_of](Ctx& ctx) {
    long long unit = unit_of(ctx);
    Period p = ReadPeriod(ctx, svc.PeriodKindOf(unit));
    json::array out;
    int rank = 0;
    for (auto& ps : svc.ScoreUnit(ctx.AsActor(), unit, p)) {
      json::object o = ScoreJson(svc.rules(), ps);
      o.erase("items");
      o["rank"] = ++rank;
      out.push_back(o);
    }
    return http::JsonAnswer(json::object{{"period", p.Id()}, {"people", out}});
  });
  auto ratings_json = [](const KpiRules& r, const RatingList& l) {
    json::array lines, checks;
    for (auto& x : l.lines)
      lines.push_back({{"staff_id", x.staff_id},
                       {"name", x.name},
                       {"position", x.position},
                       {"unit", x.unit_name},
                       {"group", x.group},
                       {"average", x.average},
                       {"periods", x.periods},
                       {"rating", RatingCode(x.rating)},
                       {"veto", x.veto_reason ? json::value(*x.veto_reason) : json::value(nullptr)},
                       {"income_coefficient", x.income}});
    for (auto& q : l.checks)
      checks.push_back({{"scope", q.scope},
                        {"group", q.is_group},
                        {"excellent", q.excellent},
                        {"good", q.good},
                        {"ok", q.ok}});
    return json::object{
        {"year", l.year},
        {"approved", l.approved},
        {"approved_by", l.approved_by},
        {"window_open", l.window_open},
        {"due", l.due.ToIso()},
        {"quota_ok", l.quota_ok},
        {"quota_share", r.quota_excellent_of_good},
        {"exception", l.exception_reason ? json::value(*l.exception_reason) : json::value(nullptr)},
        {"lines", lines},
        {"checks", checks}};
  };
  auto commune_of = [&svc](const Ctx& ctx) {
    long long c = svc.ActorCommune(ctx.AsActor());
    if (!c) throw Error(errors::kNotFound, "commune_id", {{"id", ""}});
    return c;
  };
  router.Get("/api/v1/kpi/ratings", read, [&svc, ratings_json, commune_of](Ctx& ctx) {
    return http::JsonAnswer(
        ratings_json(svc.rules(), svc.Ratings(ctx.AsActor(), commune_of(ctx), ReadYear(ctx))));
  });
  auto veto = [&svc](Ctx& ctx, const Input& in) {
    in.AllowOnly({"staff_id", "year", "reason", "decision"});
    svc.SetVeto(ctx.AsActor(), *in.Int("staff_id", true), ReadYear(ctx, &in),
                in.ReqStr("reason", 500), in.ReqStr("decision", 200));
  };
  router.Post("/api/v1/kpi/vetoes", rate, [veto](Ctx& ctx) {
    veto(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"saved", true}});
  });
  auto exception = [&svc, commune_of](Ctx& ctx, const Input& in) {
    in.AllowOnly({"year", "reason", "decision"});
    svc.RecordQuotaException(ctx.AsActor(), commune_of(ctx), ReadYear(ctx, &in),
                             in.ReqStr("reason", 500), in.ReqStr("decision", 200));
  };
  router.Post("/api/v1/kpi/quota-exceptions", rate, [exception](Ctx& ctx) {
    exception(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"saved", true}});
  });
  // The rating meeting as its minutes record it; every field as typed, read by the domain.
  auto meeting = [&svc, commune_of](Ctx& ctx, const Input& in) {
    in.AllowOnly({"year", "held_on", "starts_at", "ends_at", "place", "attendees", "chair",
                  "secretary", "conclusion"});
    MeetingDraft m;
    m.held_on = in.RawText("held_on", 40);
    m.starts_at = in.RawText("starts_at", 40);
    m.ends_at = in.RawText("ends_at", 40);
    m.place = in.RawText("place", 300);
    m.attendees = in.RawText("attendees", 2000);
    m.chair = in.RawText("chair", 200);
    m.secretary = in.RawText("secretary", 200);
    m.conclusion = in.RawText("conclusion", 4000);
    svc.RecordRatingMeeting(ctx.AsActor(), commune_of(ctx), ReadYear(ctx, &in), m);
  };
  router.Post("/api/v1/kpi/rating-meeting", rate, [meeting](Ctx& ctx) {
    meeting(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"saved", true}});
  });
  auto approve = [&svc, commune_of](Ctx& ctx, const Input& in) {
    in.AllowOnly({"year"});
    svc.ApproveRatings(ctx.AsActor(), commune_of(ctx), ReadYear(ctx, &in));
  };
  router.Post("/api/v1/kpi/ratings/approve", rate, [approve](Ctx& ctx) {
    approve(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"approved", true}});
  });

  // ----- pages -----
  auto my_page = [&svc, &layout, &rules](Ctx& ctx, const Error* err) {
    long long me = MyStaff(ctx);
    Period p = ReadPeriod(ctx, svc.PeriodKindOfStaff(me));
    PersonScore ps = svc.ScorePerson(ctx.AsActor(), me, p);
    TemplateData d = ScoreData(ctx, rules, ps);
    SetPeriodNav(ctx, d, p);
    SetRules(d, rules);
    d.set("today", clock::Today().ToVn());
    // A refused report of work done comes back in its item as typed, the problem beside the field.
    http::TypedForm typed(ctx, err);
    TemplateData items = http::List();
    for (const auto& a : ps.items) {
      TemplateData it = ItemData(ctx, rules, a);
      it.set("done_value", clock::Today().ToVn());
      if (typed.From("/kpi/assignments/" + std::to_string(a.id) + "/done")) {
        it.set("failed", true);
        it.set("done_value", typed["completed_on"]);
        it.set("note_value", typed["note"]);
      }
      items.push_back(it);
    }
    d.set("items", items);
    if (err) http::SetFormError(d, ctx, *err);
    return layout.Page(ctx, "kpi/my", d, ctx.T("kpi.my_title"), err ? err->status() : 200);
  };
  router.Get("/kpi", login, [my_page](Ctx& ctx) { return my_page(ctx, nullptr); });
  router.Post("/kpi/assignments/{id}/done", login,
              http::FormAction(
                  my_page,
                  [report_done](Ctx& ctx, const Input& in) {
                    report_done(ctx, in.Pick({"completed_on", "note"}), ctx.Id("id"));
                  },
                  [](const Input& in) {
                    std::string period = in.Str("period", 10, false).value_or("");
                    return "/kpi" + (period.empty() ? "" : "?period=" + http::UrlEncode(period));
                  }));
  auto review_page = [&svc, &layout, &rules](Ctx& ctx, const Error* err) {
    TemplateData d = http::Object();
    Actor actor = ctx.AsActor();
    // A refused form comes back as it was typed, its problem beside the field (`failed` marks the
    // form of a list that was sent, so the message shows there only).
    http::TypedForm typed(ctx, err);
    TemplateData queue = http::List();
    auto pending = svc.ReviewQueue(actor);
    for (auto& a : pending) {
      TemplateData it = ItemData(ctx, rules, a);
      it.set("period", a.deadline.ToIso().substr(0, 4) + "M" + a.deadline.ToIso().substr(5, 2));
      it.set("errors_value", "0");
      it.set("delays_value", it.get("suggested_delays")->string_value());
      if (typed.From("/kpi/assignments/" + std::to_string(a.id) + "/review")) {
        it.set("failed", true);
        it.set("errors_value", typed["major_errors"]);
        it.set("delays_value", typed["delays"]);
        it.set("note_value", typed["note"]);
        if (typed["meets_requirements"] == "no") it.set("meets_no", true);
        if (typed["objective_cause"] == "yes") it.set("objective_checked", true);
      }
      queue.push_back(it);
    }
    d.set("queue", queue);
    d.set("queue_count", std::to_string(pending.size()));
    // The people the reviewer scores: the reviewer's unit (a commune leader: the commune).
    long long unit = 0;
    if (ctx.user->staff_id)
      for (auto& g : ctx.user->grants)
        if (access::RoleHas(g.role, access::kKpiReview)) {
          unit = g.scope_unit_id;
          break;
        }
    if (!unit) unit = svc.ActorCommune(actor);
    Period p = ReadPeriod(ctx, svc.PeriodKindOf(unit));
    SetPeriodNav(ctx, d, p);
    TemplateData people = http::List();
    TemplateData staff_options = http::List();
    std::map<long long, bool> units_seen;
    TemplateData catalogues = http::List();
    if (unit) {
      for (auto& ps : svc.ScoreUnit(actor, unit, p)) {
        if (ps.staff_id == ctx.user->staff_id) continue;
        TemplateData row = ScoreData(ctx, rules, ps);
        std::string id = std::to_string(ps.staff_id);
        if (typed.From("/kpi/general") && typed["staff_id"] == id) {
          row.set("failed", true);
          row.set("general_value", typed["score"]);
        }
        people.push_back(row);
        TemplateData o = http::Object();
        o.set("id", id);
        o.set("name", ps.name + " — " + ps.position);
        if (typed["staff_id"] == id) o.set("selected", true);
        staff_options.push_back(o);
        if (!units_seen[ps.unit_id]) {
          units_seen[ps.unit_id] = true;
          TemplateData cat = http::Object();
          cat.set("unit_id", std::to_string(ps.unit_id));
          if (svc.PeriodKindOf(ps.unit_id) == PeriodType::kQuarter) cat.set("quarterly", true);
          cat.set("unit", ps.unit_name);
          TemplateData products = http::List();
          if (typed.From("/kpi/products") && typed["unit_id"] == std::to_string(ps.unit_id)) {
            cat.set("failed", true);
            for (const char* f : {"code", "name", "measure", "factor"})
              cat.set(std::string("p_") + f, typed[f]);
          }
          for (auto& pr : svc.Products(actor, ps.unit_id)) {
            TemplateData x = http::Object();
            x.set("id", std::to_string(pr.id));
            if (typed.From("/kpi/assignments") && typed["product_id"] == std::to_string(pr.id))
              x.set("selected", true);
            x.set("code", pr.code);
            x.set("name", pr.name);
            x.set("measure", pr.measure);
            x.set("factor", Num(pr.factor, 2));
            x.set("position", pr.position);
            x.set("version", std::to_string(pr.version));
            products.push_back(x);
          }
          cat.set("products", products);
          catalogues.push_back(cat);
        }
      }
    }
    d.set("people", people);
    d.set("staff_options", staff_options);
    d.set("catalogues", catalogues);
    d.set("today", clock::Today().ToVn());
    d.set("a_quantity", "1");
    if (typed.From("/kpi/assignments")) {
      d.set("assign_failed", true);
      for (const char* f : {"quantity", "deadline", "title"})
        d.set(std::string("a_") + f, typed[f]);
    }
    if (typed.From("/kpi/absences")) {
      d.set("absence_failed", true);
      d.set("ab_reason", typed["reason"]);
    }
    if (typed.From("/kpi/assignments/import")) d.set("csv_value", typed["csv"]);
    SetRules(d, rules);
    if (err) http::SetFormError(d, ctx, *err);
    return layout.Page(ctx, "kpi/review", d, ctx.T("kpi.review_title"), err ? err->status() : 200);
  };
  router.Get("/kpi/review", review, [review_page](Ctx& ctx) { return review_page(ctx, nullptr); });
  // The review page's forms: each acts and comes back to the page (with the error when refused).
  auto review_form = [review_page](auto act) {
    return http::FormAction(review_page, act, [](const Input&) { return "/kpi/review"; });
  };

  router.Post("/kpi/assignments/{id}/review", review,
              review_form([do_review](Ctx& ctx, const Input& in) {
                do_review(ctx,
                          in.Pick({"decision", "meets_requirements", "major_errors", "delays",
                                   "objective_cause", "note"}),
                          ctx.Id("id"));
              }));
  router.Post("/kpi/general", review, review_form([general](Ctx& ctx, const Input& in) {
                general(ctx, in.Pick({"staff_id", "period", "score", "note"}));
              }));
  router.Post("/kpi/assignments", review, review_form([assign](Ctx& ctx, const Input& in) {
                assign(ctx, in.Pick({"staff_id", "product_id", "quantity", "title", "assigned_on",
                                     "deadline"}));
              }));
  router.Post(
      "/kpi/products", review, review_form([save_product](Ctx& ctx, const Input& in) {
        save_product(ctx, in.Pick({"unit_id", "position", "code", "name", "measure", "factor"}));
      }));
  router.Post("/kpi/assignments/import", review, review_form([&svc](Ctx& ctx, const Input& in) {
                svc.ImportAssignments(ctx.AsActor(), in.RawText("csv", 2000000), "utf-8");
              }));
  router.Post("/kpi/units/{id}/period-kind", review,
              review_form([period_kind](Ctx& ctx, const Input& in) {
                period_kind(ctx, in.Pick({"period_kind"}));
              }));
  router.Post("/kpi/absences", review, review_form([absence](Ctx& ctx, const Input& in) {
                absence(ctx, in.Pick({"staff_id", "period", "reason"}));
              }));
  router.Get("/kpi/ranking", read, [&svc, &layout, &rules, unit_of](Ctx& ctx) {
    long long unit = unit_of(ctx);
    Period p = ReadPeriod(ctx, svc.PeriodKindOf(unit));
    TemplateData d = http::Object();
    SetPeriodNav(ctx, d, p);
    TemplateData rows = http::List();
    int rank = 0;
    for (auto& ps : svc.ScoreUnit(ctx.AsActor(), unit, p)) {
      TemplateData r = ScoreData(ctx, rules, ps);
      r.set("rank", std::to_string(++rank));
      rows.push_back(r);
    }
    d.set("rows", rows);
    SetRules(d, rules);
    return layout.Page(ctx, "kpi/ranking", d, ctx.T("kpi.ranking_title"));
  });
  auto ratings_page = [&svc, &layout, commune_of](Ctx& ctx, const Error* err) {
    int year = ReadYear(ctx);
    RatingList l = svc.Ratings(ctx.AsActor(), commune_of(ctx), year);
    TemplateData d = http::Object();
    d.set("year", std::to_string(year));
    TemplateData lines = http::List();
    int n = 0;
    for (auto& x : l.lines) {
      TemplateData r = http::Object();
      r.set("n", std::to_string(++n));
      r.set("staff_id", std::to_string(x.staff_id));
      r.set("name", x.name);
      r.set("position", x.position);
      r.set("unit", x.unit_name);
      r.set("average", Num(x.average, 2));
      r.set("periods", std::to_string(x.periods));
      r.set("rating", ctx.T(RatingKey(x.rating)));
      r.set("rating_code", std::string(RatingCode(x.rating)));
      if (x.veto_reason) r.set("veto", *x.veto_reason + " (" + x.veto_decision.value_or("") + ")");
      r.set("income", Num(x.income, 1));
      lines.push_back(r);
    }
    d.set("lines", lines);
    TemplateData checks = http::List();
    for (auto& q : l.checks) {
      TemplateData c = http::Object();
      c.set("scope", q.is_group ? ctx.T("kpi.group." + q.scope) : q.scope);
      c.set("excellent", std::to_string(q.excellent));
      c.set("good", std::to_string(q.good));
      c.set("allowed", std::to_string(static_cast<int>(
                           std::floor(svc.rules().quota_excellent_of_good * q.good + 1e-9))));
      if (!q.ok) c.set("fails", true);
      checks.push_back(c);
    }
    d.set("checks", checks);
    if (l.quota_ok) d.set("quota_ok", true);
    if (l.exception_reason)
      d.set("exception", *l.exception_reason + " (" + l.exception_decision.value_or("") + ")");
    if (l.approved) {
      d.set("approved", true);
      d.set("approved_by", l.approved_by);
      d.set("approved_at", l.approved_at.substr(0, 10));
    }
    if (l.window_open) d.set("window_open", true);
    d.set("opens", l.opens.ToVn());
    d.set("due", l.due.ToVn());
    d.set("latest", l.latest.ToVn());
    if (access::HasPermission(*ctx.user, access::kKpiRate) && !l.approved) d.set("can_rate", true);
    if (!l.approved && (!l.quota_ok && !l.exception_reason)) d.set("blocked", true);
    // The meeting's form: what was typed when it was refused, else what is recorded.
    TemplateData m = http::Object();
    if (err && ctx.req.body.find("held_on=") != std::string::npos) {
      Input typed = Input::FromForm(ctx.req.body);
      for (const char* f : {"held_on", "starts_at", "ends_at", "place", "attendees", "chair",
                            "secretary", "conclusion"})
        m.set(f, typed.RawText(f, 4000));
    } else if (auto rec = svc.RatingMeeting(ctx.AsActor(), commune_of(ctx), year)) {
      m.set("held_on", rec->held_on.ToVn());
      m.set("starts_at", rec->starts_at);
      m.set("ends_at", rec->ends_at);
      m.set("place", rec->place);
      m.set("attendees", rec->attendees);
      m.set("chair", rec->chair);
      m.set("secretary", rec->secretary);
      m.set("conclusion", rec->conclusion);
      d.set("meeting_recorded", true);
    }
    d.set("m", m);
    if (access::HasPermission(*ctx.user, access::kKpiRate)) d.set("can_record_meeting", true);
    if (err) http::SetFormError(d, ctx, *err);
    return layout.Page(ctx, "kpi/ratings", d, ctx.T("kpi.ratings_title"),
                       err ? err->status() : 200);
  };
  router.Get("/kpi/ratings", read, [ratings_page](Ctx& ctx) { return ratings_page(ctx, nullptr); });
  auto ratings_form = [ratings_page](auto act, auto pick) {
    return http::FormAction(
        ratings_page, [act, pick](Ctx& ctx, const Input& in) { act(ctx, pick(in)); },
        [](const Input& in) {
          return "/kpi/ratings?year=" + http::UrlEncode(in.Str("year", 4, false).value_or(""));
        });
  };
  router.Post("/kpi/vetoes", rate, ratings_form(veto, [](const Input& in) {
                return in.Pick({"staff_id", "year", "reason", "decision"});
              }));
  router.Post("/kpi/quota-exceptions", rate, ratings_form(exception, [](const Input& in) {
                return in.Pick({"year", "reason", "decision"});
              }));
  router.Post("/kpi/ratings/approve", rate,
              ratings_form(approve, [](const Input& in) { return in.Pick({"year"}); }));
  router.Post("/kpi/rating-meeting", rate, ratings_form(meeting, [](const Input& in) {
                return in.Pick({"year", "held_on", "starts_at", "ends_at", "place", "attendees",
                                "chair", "secretary", "conclusion"});
              }));

  // ----- exports -----
  // Who issues a spreadsheet: the People's Committee of the reader's commune.
  auto issuer_of = [&svc](const Ctx& ctx) {
    return documents::CommuneIssuer(svc.CommuneName(svc.ActorCommune(ctx.AsActor())));
  };
  router.Get("/kpi/sheet.xlsx", login, [&svc, &rules, issuer_of](Ctx& ctx) {
    std::string s = ctx.req.Query("staff");
    long long staff = s.empty() ? MyStaff(ctx) : std::strtoll(s.c_str(), nullptr, 10);
    Period p = ReadPeriod(ctx, svc.PeriodKindOfStaff(staff));
    PersonScore ps = svc.ScorePerson(ctx.AsActor(), staff, p);
    documents::XlsxSheet sheet;
    sheet.name = "Phiếu chấm điểm";
    sheet.title =
        "Phiếu theo dõi, đánh giá kết quả thực hiện nhiệm vụ — " + ps.name + " — " + p.LabelVi();
    sheet.header = {"TT",
                    "Sản phẩm, công việc",
                    "Loại sản phẩm",
                    "Số lượng",
                    "Hệ số quy đổi",
                    "Quy đổi",
                    "Hạn",
                    "Hoàn thành ngày",
                    "Trạng thái",
                    "Lỗi lớn",
                    "Lần chậm",
                    "Chất lượng (%)",
                    "Tiến độ (%)"};
    sheet.widths = {5, 40, 24, 10, 10, 10, 12, 14, 16, 8, 8, 12, 12};
    int n = 0;
    for (auto& a : ps.items) {
      auto [q, t] = ItemPercents(rules, a);
      sheet.rows.push_back(
          {static_cast<double>(++n), a.title,
           a.product_name.empty() ? "Nhiệm vụ theo văn bản chỉ đạo" : a.product_name, a.quantity,
           a.factor, a.Weight(), documents::XlsxDate{a.deadline},
           a.completed_on ? documents::XlsxCell(documents::XlsxDate{*a.completed_on})
                          : documents::XlsxCell{},
           ctx.i18n->Get("vi", "kpi.status." + a.status), static_cast<double>(a.major_errors),
           static_cast<double>(a.delays), q, t});
    }
    const PeriodScore& sc = ps.score;
    sheet.rows.push_back({});
    auto line = [&](const std::string& label, double v) {
      sheet.rows.push_back({documents::XlsxCell{}, label, documents::XlsxCell{},
                            documents::XlsxCell{}, documents::XlsxCell{},
                            std::round(v * 100) / 100});
    };
    line("a) Số lượng (%)", sc.quantity);
    line("b) Chất lượng (%)", sc.quality);
    line("c) Tiến độ (%)", sc.timeliness);
    if (sc.unit_result >= 0) line("Kết quả đơn vị phụ trách (%)", sc.unit_result);
    line("Điểm kết quả thực hiện nhiệm vụ (/70)", sc.task);
    line("Điểm tiêu chí chung (/30)", sc.general);
    line("Tổng điểm (/100)", sc.total);
    std::string stem = text::Slug(ps.name) + "-" + p.Id();
    return Xlsx(documents::RenderXlsx({sheet}, issuer_of(ctx)), "phieu-kpi-" + stem + ".xlsx");
  });
  auto rating_rows = [](const RatingList& l, bool income) {
    std::vector<std::vector<documents::XlsxCell>> rows;
    int n = 0;
    for (auto& x : l.lines) {
      if (income && x.income <= 0) continue;
      std::vector<documents::XlsxCell> r = {static_cast<double>(++n), x.name, x.position,
                                            x.unit_name};
      if (!income) {
        r.push_back(x.average);
        r.push_back(static_cast<double>(x.periods));
      }
      r.push_back(RatingVi(x.rating));
      if (income)
        r.push_back(x.income);
      else
        r.push_back(x.veto_reason ? *x.veto_reason : "");
      rows.push_back(std::move(r));
    }
    return rows;
  };
  router.Get("/kpi/ratings.xlsx", read, [&svc, commune_of, rating_rows](Ctx& ctx) {
    int year = ReadYear(ctx);
    RatingList l = svc.Ratings(ctx.AsActor(), commune_of(ctx), year);
    documents::XlsxSheet sheet;
    sheet.name = "Xếp loại " + std::to_string(year);
    sheet.title = "Danh sách xếp loại chất lượng công chức năm " + std::to_string(year) +
                  (l.approved ? "" : " (dự kiến, chưa phê duyệt)");
    sheet.header = {"TT",
                    "Họ và tên",
                    "Chức vụ",
                    "Đơn vị",
                    "Điểm trung bình",
                    "Số kỳ",
                    "Xếp loại",
                    "Điều kiện không hoàn thành"};
    sheet.widths = {5, 28, 32, 30, 14, 8, 30, 40};
    sheet.rows = rating_rows(l, false);
    documents::XlsxSheet quota;
    quota.name = "Kiểm tra tỷ lệ";
    quota.title = "Hoàn thành xuất sắc không quá 20% số hoàn thành tốt";
    quota.header = {"Phạm vi", "Xuất sắc", "Tốt", "Đạt"};
    quota.widths = {36, 10, 10, 8};
    for (auto& q : l.checks)
      quota.rows.push_back(
          {q.is_group ? (q.scope == "leaders" ? "Nhóm lãnh đạo, quản lý" : "Nhóm chuyên viên")
                      : q.scope,
           static_cast<double>(q.excellent), static_cast<double>(q.good),
           q.ok ? "Đạt" : "Vượt tỷ lệ"});
    return Xlsx(documents::RenderXlsx({sheet, quota},
                                      documents::CommuneIssuer(svc.CommuneName(commune_of(ctx)))),
                "xep-loai-cong-chuc-" + std::to_string(year) + ".xlsx");
  });
  router.Get("/kpi/income.xlsx", read, [&svc, commune_of, rating_rows](Ctx& ctx) {
    int year = ReadYear(ctx);
    RatingList l = svc.Ratings(ctx.AsActor(), commune_of(ctx), year);
    documents::XlsxSheet sheet;
    sheet.name = "Hệ số thu nhập";
    sheet.title = "Hệ số thu nhập tăng thêm theo kết quả xếp loại năm " + std::to_string(year) +
                  (l.approved ? "" : " (dự kiến, chưa phê duyệt)");
    sheet.header = {"TT", "Họ và tên", "Chức vụ", "Đơn vị", "Xếp loại", "Hệ số"};
    sheet.widths = {5, 28, 32, 30, 30, 8};
    sheet.rows = rating_rows(l, true);
    return Xlsx(
        documents::RenderXlsx({sheet}, documents::CommuneIssuer(svc.CommuneName(commune_of(ctx)))),
        "he-so-thu-nhap-" + std::to_string(year) + ".xlsx");
  });
  router.Get("/kpi/ratings.docx", read, [&svc, &doc_layout, commune_of](Ctx& ctx) {
    int year = ReadYear(ctx);
    long long commune = commune_of(ctx);
    RatingList l = svc.Ratings(ctx.AsActor(), commune, year);
    documents::OfficialDocument d;
    std::string name = svc.CommuneName(commune);
    // The minutes layout (Decree 30/2020, Appendix III): time, place, attendees, chair, secretary,
    // content, conclusion, the end of the meeting, signed by the secretary and the chair. A part
    // not yet recorded on the ratings page is left as dots to fill in by hand.
    auto m = svc.RatingMeeting(ctx.AsActor(), commune, year);
    const std::string dots = "……………………";
    documents::CommuneHeader(d, name, m ? m->held_on : clock::Today(), "BB");
    d.doc_type = "BIÊN BẢN";
    d.subject_lines = {"Họp xét đánh giá, xếp loại chất lượng công chức năm " +
                       std::to_string(year)};
    auto line = [&d](std::string text) { d.body.push_back({std::move(text), false}); };
    line(m ? fmt::format("Thời gian bắt đầu: {}, ngày {} tháng {} năm {}.",
                         ClockTimeVi(m->starts_at), m->held_on.day(), m->held_on.month(),
                         m->held_on.year())
           : "Thời gian bắt đầu: " + dots);
    line("Địa điểm: " + (m ? m->place : dots));
    line("Thành phần tham dự: " + (m ? m->attendees : dots));
    line("Chủ trì: " + (m ? m->chair : dots));
    line("Thư ký: " + (m ? m->secretary : dots));
    d.body.push_back({"NỘI DUNG", true});
    line(
        "Căn cứ Nghị định số 335/2025/NĐ-CP của Chính phủ về đánh giá, xếp loại chất lượng công "
        "chức, Ủy ban nhân dân " +
        documents::CommuneInSentence(name) +
        " họp xét đánh giá, xếp loại chất lượng công chức năm " + std::to_string(year) +
        " trên cơ sở điểm trung bình các kỳ theo dõi trong năm.");
    d.body.push_back({"I. KẾT QUẢ XẾP LOẠI", true});
    std::map<Rating, int> counts;
    int n = 0;
    for (auto& x : l.lines) {
      ++counts[x.rating];
      d.body.push_back({fmt::format("{}. {} — {}, {}: {} điểm, {}{}.", ++n, x.name, x.position,
                                    x.unit_name, Num(x.average, 2), RatingVi(x.rating),
                                    x.veto_reason ? " (" + *x.veto_reason + ")" : ""),
                        false});
    }
    d.body.push_back({"II. TỔNG HỢP", true});
    for (Rating r : {Rating::kExcellent, Rating::kGood, Rating::kCompleted, Rating::kNotCompleted})
      d.body.push_back({fmt::format("- {}: {} người.", RatingVi(r), counts[r]), false});
    d.body.push_back(
        {l.quota_ok ? std::string("Số công chức hoàn thành xuất sắc nhiệm vụ không vượt quá 20% số "
                                  "hoàn thành tốt nhiệm vụ trong từng đơn vị và nhóm vị trí.")
                    : "Số hoàn thành xuất sắc vượt tỷ lệ 20% số hoàn thành tốt" +
                          (l.exception_reason ? "; ngoại lệ: " + *l.exception_reason + " (" +
                                                    l.exception_decision.value_or("") + ")"
                                              : std::string(" — chưa được phê duyệt.")),
         false});
    if (!l.approved) d.body.push_back({"(Dự thảo: danh sách chưa được phê duyệt.)", false});
    d.body.push_back({"KẾT LUẬN", true});
    if (m)
      for (size_t at = 0; at <= m->conclusion.size();) {
        size_t end = m->conclusion.find('\n', at);
        if (end == std::string::npos) end = m->conclusion.size();
        if (end > at) line(m->conclusion.substr(at, end - at));
        at = end + 1;
      }
    else
      line(dots);
    line(m ? "Cuộc họp kết thúc vào " + ClockTimeVi(m->ends_at) + " cùng ngày"
           : "Cuộc họp kết thúc vào " + dots);
    d.recipients = {"Thường trực Đảng ủy xã;", "Các phòng, đơn vị;", "Lưu: VT."};
    d.title = "CHỦ TRÌ";
    d.signer = m ? m->chair : "";
    d.left_signature = documents::OfficialDocument::Signature{"THƯ KÝ", m ? m->secretary : ""};
    return http::Download(documents::RenderDocx(d, doc_layout), http::kDocxType,
                          "bien-ban-xep-loai-" + std::to_string(year) + ".docx");
  });
}

}  // namespace kientao::kpi
