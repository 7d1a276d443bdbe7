#include "modules/staffing/web/streamlining_web.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/text.hpp"
#include "http/download.hpp"
#include "http/form.hpp"
#include "http/input.hpp"
#include "http/request.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/staffing/errors.hpp"
#include "modules/staffing/permissions.hpp"
#include "modules/staffing/web/staffing_web.hpp"

namespace kientao::staffing {

namespace json = boost::json;
using http::Ctx;
using http::Input;
using http::Response;
using http::TemplateData;

namespace {

int PlanYearOf(const Ctx& ctx) {
  std::string s = ctx.req.Query("year");
  if (s.empty()) return std::max(2026, clock::Today().year());
  char* end = nullptr;
  long y = std::strtol(s.c_str(), &end, 10);
  if (*end || y < 2026 || y > 2031) throw Error(errors::kPlanYear, "year", {{"value", s}});
  return static_cast<int>(y);
}

std::string Money(double v) { return text::VnNumber(std::round(v), 0); }

const char* GroundVi(const std::string& code) {
  static const std::map<std::string, const char*> kVi = {
      {"surplus_restructuring", "Dôi dư do sắp xếp tổ chức bộ máy"},
      {"leader_lower_post",
       "Thôi giữ chức vụ lãnh đạo, chuyển vị trí có phụ cấp thấp hơn (tự nguyện)"},
      {"leader_stopped", "Thôi giữ chức vụ lãnh đạo do sắp xếp, nâng cao chất lượng (tự nguyện)"},
      {"surplus_position", "Dôi dư do rà soát, sắp xếp lại theo vị trí việc làm"},
      {"training_standard", "Chưa đạt chuẩn trình độ đào tạo của vị trí việc làm"},
      {"not_completed", "Xếp loại không hoàn thành nhiệm vụ năm trước liền kề hoặc năm xem xét"},
      {"completed_and_other", "Xếp loại hoàn thành nhiệm vụ và điều kiện khác"},
      {"health", "Sức khỏe (số ngày nghỉ ốm)"},
  };
  auto it = kVi.find(code);
  return it == kVi.end() ? "" : it->second;
}

const char* RegimeVi(Regime r) {
  switch (r) {
    case Regime::kNd154Early:
      return "Nghỉ hưu trước tuổi (NĐ 154/2025)";
    case Regime::kNd154Resignation:
      return "Thôi việc ngay (NĐ 154/2025)";
    case Regime::kNd178Early:
      return "Nghỉ hưu trước tuổi do sắp xếp (NĐ 178/2024, NĐ 67/2025)";
  }
  return "";
}

json::object EstimateJson(const BenefitEstimate& e) {
  json::array lines;
  for (auto& l : e.lines)
    lines.push_back({{"label", l.label},
                     {"formula", l.formula},
                     {"months", l.months},
                     {"amount", l.amount},
                     {"article", l.article},
                     {"verified", l.verified}});
  return json::object{{"regime", RegimeCode(e.regime)},
                      {"eligible", e.eligible},
                      {"why_not", e.why_not},
                      {"lines", lines},
                      {"total", e.total}};
}

CandidateDraft ReadCandidate(const Input& in) {
  in.AllowOnly({"staff_id", "ground", "note", "leave_on", "regime", "salary", "insured_months",
                "within_12_months"});
  CandidateDraft d;
  d.staff_id = *in.Int("staff_id", true);
  d.ground = in.ReqStr("ground", 40);
  d.note = in.Str("note", 500, false).value_or("");
  d.leave_on = *in.DateField("leave_on", true);
  auto regime = in.Enum("regime", {"nd154_early", "nd154_resignation", "nd178_early"}, true);
  d.regime = *ParseRegime(*regime);
  d.salary = *in.Num("salary", true);
  if (auto m = in.Int("insured_months", false)) d.insured_months = static_cast<int>(*m);
  auto w = in.Enum("within_12_months", {"yes", "no"}, false);
  d.within_12_months = !w || *w == "yes";
  return d;
}

}  // namespace

void RegisterStreamliningRoutes(http::Router& router, StreamliningService& svc,
                                StaffingService& plans, const http::Layout& layout,
                                const documents::Layout30& doc_layout) {
  const http::Access plan{std::string(access::kStaffingPlan)};
  auto view_json = [](const StreamliningView& v) {
    json::array cands, sugg, deferred, deferrals, budget;
    for (auto& c : v.candidates)
      cands.push_back({{"id", c.id},
                       {"staff_id", c.staff_id},
                       {"name", c.name},
                       {"position", c.position},
                       {"unit", c.unit_name},
                       {"ground", c.ground},
                       {"note", c.note},
                       {"leave_on", c.leave_on.ToIso()},
                       {"retirement_month", c.retirement_month.ToIso()},
                       {"months_early", c.months_early},
                       {"insured_months", c.insured_months},
                       {"salary", c.salary},
                       {"deferred", c.deferred ? json::value(*c.deferred) : json::value(nullptr)},
                       {"after_validity", c.after_validity},
                       {"estimate", EstimateJson(c.estimate)}});
    auto sjson = [](const Suggestion& s) {
      return json::object{{"staff_id", s.staff_id}, {"name", s.name},     {"position", s.position},
                          {"unit", s.unit_name},    {"ground", s.ground}, {"evidence", s.evidence}};
    };
    for (auto& s : v.suggestions) sugg.push_back(sjson(s));
    for (auto& [s, why] : v.deferred) {
      json::object o = sjson(s);
      o["deferral"] = why;
      deferred.push_back(o);
    }
    for (auto& d : v.deferrals)
      deferrals.push_back({{"id", d.id},
                           {"staff_id", d.staff_id},
                           {"name", d.name},
                           {"kind", d.kind},
                           {"from", d.from.ToIso()},
                           {"to", d.to ? json::value(d.to->ToIso()) : json::value(nullptr)},
                           {"note", d.note}});
    for (auto& [y, total] : v.budget)
      budget.push_back({{"year", y}, {"people", v.leaving.at(y)}, {"total", total}});
    return json::object{{"year", v.year},       {"candidates", cands},    {"suggestions", sugg},
                        {"deferred", deferred}, {"deferrals", deferrals}, {"budget", budget}};
  };
  router.Get("/api/v1/staffing/candidates", plan, [&svc, view_json](Ctx& ctx) {
    return http::JsonAnswer(view_json(svc.View(ctx.AsActor(), PlanYearOf(ctx))));
  });
  router.Post("/api/v1/staffing/candidates", plan, [&svc](Ctx& ctx) {
    long long id = svc.AddCandidate(ctx.AsActor(), ReadCandidate(Input::FromRequest(ctx.req)));
    return http::JsonAnswer(json::object{{"id", id}}, 201);
  });
  router.Post("/api/v1/staffing/candidates/{id}/withdraw", plan, [&svc](Ctx& ctx) {
    svc.RemoveCandidate(ctx.AsActor(), ctx.Id("id"));
    return http::JsonAnswer(json::object{{"withdrawn", true}});
  });
  auto defer = [&svc](Ctx& ctx, const Input& in) {
    in.AllowOnly({"staff_id", "kind", "from_date", "to_date", "note"});
    auto kind = in.Enum("kind", {DeferralKinds().begin(), DeferralKinds().end()}, true);
    return svc.AddDeferral(ctx.AsActor(), *in.Int("staff_id", true), *kind,
                           *in.DateField("from_date", true), in.DateField("to_date", false),
                           in.Str("note", 300, false).value_or(""));
  };
  router.Post("/api/v1/staffing/deferrals", plan, [defer](Ctx& ctx) {
    long long id = defer(ctx, Input::FromRequest(ctx.req));
    return http::JsonAnswer(json::object{{"id", id}}, 201);
  });
  router.Get("/api/v1/staffing/ranking", plan, [&svc](Ctx& ctx) {
    int year = PlanYearOf(ctx);
    json::array out;
    int rank = 0;
    for (auto& l : svc.Ranking(ctx.AsActor(), year)) {
      json::array ys;
      for (auto& v : l.by_year) ys.push_back(v ? json::value(*v) : json::value(nullptr));
      out.push_back({{"rank", ++rank},
                     {"staff_id", l.staff_id},
                     {"name", l.name},
                     {"unit", l.unit_name},
                     {"group", l.group},
                     {"by_year", ys},
                     {"points", l.points ? json::value(*l.points) : json::value(nullptr)}});
    }
    return http::JsonAnswer(json::object{{"year", year},
                                         {"article", svc.ranking_rules().article},
                                         {"verified", svc.ranking_rules().verified},
                                         {"people", out}});
  });

  // The page: candidates with their estimates, suggestions from the data, deferrals, the ranking.
  auto page = [&svc, &layout](Ctx& ctx, const Error* err) {
    int year = PlanYearOf(ctx);
    StreamliningView v = svc.View(ctx.AsActor(), year);
    TemplateData d = http::Object();
    d.set("year", std::to_string(year));
    TemplateData years = http::List();
    for (int y = 2026; y <= 2031; ++y) {
      TemplateData o = http::Object();
      o.set("y", std::to_string(y));
      if (y == year) o.set("current", true);
      years.push_back(o);
    }
    d.set("years", years);
    TemplateData cands = http::List();
    for (auto& c : v.candidates) {
      TemplateData o = http::Object();
      o.set("id", std::to_string(c.id));
      o.set("name", c.name);
      o.set("position", c.position);
      o.set("unit", c.unit_name);
      o.set("ground", GroundVi(c.ground));
      if (!c.note.empty()) o.set("note", c.note);
      o.set("leave_on", c.leave_on.ToVn());
      o.set("retirement", c.retirement_month.ToVn());
      o.set("months_early", std::to_string(c.months_early));
      o.set("insured", text::VnNumber(c.insured_months / 12.0, 1));
      o.set("salary", Money(c.salary));
      o.set("regime", RegimeVi(c.estimate.regime));
      o.set("regime_code", std::string(RegimeCode(c.estimate.regime)));
      if (c.deferred) o.set("deferred", ctx.T("staffing.deferral." + *c.deferred));
      if (c.after_validity) o.set("after_validity", true);
      if (!c.estimate.eligible) o.set("why_not", c.estimate.why_not);
      o.set("total", Money(c.estimate.total));
      TemplateData lines = http::List();
      for (auto& l : c.estimate.lines) {
        TemplateData x = http::Object();
        x.set("label", l.label);
        x.set("formula", l.formula);
        x.set("amount", Money(l.amount));
        x.set("article", l.article);
        if (!l.verified) x.set("unverified", true);
        lines.push_back(x);
      }
      o.set("lines", lines);
      cands.push_back(o);
    }
    d.set("candidates", cands);
    auto sugg = [&](const Suggestion& s, const std::string* why) {
      TemplateData o = http::Object();
      o.set("staff_id", std::to_string(s.staff_id));
      o.set("name", s.name);
      o.set("position", s.position);
      o.set("unit", s.unit_name);
      o.set("ground", GroundVi(s.ground));
      o.set("ground_code", s.ground);
      o.set("evidence", s.evidence);
      if (why) o.set("why", ctx.T("staffing.deferral." + *why));
      return o;
    };
    TemplateData suggestions = http::List(), deferred = http::List();
    for (auto& s : v.suggestions) suggestions.push_back(sugg(s, nullptr));
    for (auto& [s, why] : v.deferred) deferred.push_back(sugg(s, &why));
    d.set("suggestions", suggestions);
    d.set("deferred_suggestions", deferred);
    if (!v.deferred.empty()) d.set("has_deferred", true);
    TemplateData deferrals = http::List();
    for (auto& x : v.deferrals) {
      TemplateData o = http::Object();
      o.set("name", x.name);
      o.set("kind", ctx.T("staffing.deferral." + x.kind));
      o.set("from", x.from.ToVn());
      o.set("to", x.to ? x.to->ToVn() : "…");
      o.set("note", x.note);
      deferrals.push_back(o);
    }
    d.set("deferrals", deferrals);
    TemplateData budget = http::List();
    double sum = 0;
    for (auto& [y, total] : v.budget) {
      TemplateData o = http::Object();
      o.set("year", std::to_string(y));
      o.set("people", std::to_string(v.leaving[y]));
      o.set("total", Money(total));
      if (y > 2030) o.set("after_validity", true);
      budget.push_back(o);
      sum += total;
    }
    d.set("budget", budget);
    d.set("budget_total", Money(sum));
    TemplateData grounds = http::List();
    for (auto& g : Grounds()) {
      TemplateData o = http::Object();
      o.set("code", g.code);
      o.set("label", std::to_string(g.n) + ". " + GroundVi(g.code));
      if (!g.verified) o.set("unverified", true);
      grounds.push_back(o);
    }
    d.set("grounds", grounds);
    TemplateData kinds = http::List();
    for (auto& k : DeferralKinds()) {
      TemplateData o = http::Object();
      o.set("code", k);
      o.set("label", ctx.T("staffing.deferral." + k));
      kinds.push_back(o);
    }
    d.set("kinds", kinds);
    TemplateData ranking = http::List();
    TemplateData people = http::List();
    int rank = 0;
    for (auto& l : svc.Ranking(ctx.AsActor(), year)) {
      TemplateData o = http::Object();
      o.set("rank", std::to_string(++rank));
      o.set("staff_id", std::to_string(l.staff_id));
      o.set("name", l.name);
      o.set("unit", l.unit_name);
      o.set("group", ctx.T("kpi.group." + l.group));
      TemplateData ys = http::List();
      for (auto& y : l.by_year) {
        TemplateData c = http::Object();
        c.set("v", y ? text::VnNumber(*y, 2) : "—");
        ys.push_back(c);
      }
      o.set("by_year", ys);
      o.set("points", l.points ? text::VnNumber(*l.points, 2) : "—");
      ranking.push_back(o);
      TemplateData p = http::Object();
      p.set("id", std::to_string(l.staff_id));
      p.set("name", l.name + " — " + l.unit_name);
      people.push_back(p);
    }
    d.set("ranking", ranking);
    d.set("people", people);
    TemplateData ryears = http::List();
    for (int i = 1; i <= svc.ranking_rules().years; ++i) {
      TemplateData o = http::Object();
      o.set("y", std::to_string(year - i));
      ryears.push_back(o);
    }
    d.set("ranking_years", ryears);
    d.set("ranking_article", svc.ranking_rules().article);
    if (!svc.ranking_rules().verified) d.set("ranking_unverified", true);
    d.set("validity", svc.benefit_rules().a154_validity);
    if (err) http::SetFormError(d, ctx, *err);
    return layout.Page(ctx, "staffing/streamlining", d, ctx.T("staffing.streamlining_title"),
                       err ? err->status() : 200);
  };
  router.Get("/staffing/streamlining", plan, [page](Ctx& ctx) { return page(ctx, nullptr); });
  auto form = [page](auto act) {
    return http::FormAction(page, act, [](const Input&) { return "/staffing/streamlining"; });
  };

  router.Post("/staffing/candidates", plan, form([&svc](Ctx& ctx, const Input& in) {
                svc.AddCandidate(
                    ctx.AsActor(),
                    ReadCandidate(in.Pick({"staff_id", "ground", "note", "leave_on", "regime",
                                           "salary", "insured_months", "within_12_months"})));
              }));
  router.Post("/staffing/candidates/{id}/withdraw", plan, form([&svc](Ctx& ctx, const Input&) {
                svc.RemoveCandidate(ctx.AsActor(), ctx.Id("id"));
              }));
  router.Post("/staffing/deferrals", plan, form([defer](Ctx& ctx, const Input& in) {
                defer(ctx, in.Pick({"staff_id", "kind", "from_date", "to_date", "note"}));
              }));

  // The candidate list with grounds and estimates as a spreadsheet.
  router.Get("/staffing/candidates.xlsx", plan, [&svc](Ctx& ctx) {
    int year = PlanYearOf(ctx);
    StreamliningView v = svc.View(ctx.AsActor(), year);
    documents::XlsxSheet sheet;
    sheet.name = "Đối tượng tinh giản";
    sheet.title = "Danh sách đối tượng tinh giản biên chế giai đoạn 2026–2031";
    sheet.header = {"TT",       "Họ và tên",         "Chức vụ",        "Đơn vị",
                    "Căn cứ",   "Ngày nghỉ",         "Tháng nghỉ hưu", "Số tháng nghỉ sớm",
                    "Năm BHXH", "Tiền lương (đồng)", "Chế độ",         "Dự toán (đồng)",
                    "Ghi chú"};
    sheet.widths = {5, 26, 28, 26, 44, 12, 12, 10, 9, 14, 40, 16, 40};
    int n = 0;
    for (auto& c : v.candidates) {
      std::string notes = c.note;
      if (c.deferred)
        notes +=
            (notes.empty() ? "" : "; ") + std::string("Thuộc trường hợp chưa xem xét tinh giản");
      if (!c.estimate.eligible) notes += (notes.empty() ? "" : "; ") + c.estimate.why_not;
      if (c.after_validity)
        notes += (notes.empty() ? "" : "; ") + std::string("Sau 31/12/2030: chưa có căn cứ");
      sheet.rows.push_back({static_cast<double>(++n), c.name, c.position, c.unit_name,
                            GroundVi(c.ground), documents::XlsxDate{c.leave_on},
                            MonthCell(c.retirement_month), static_cast<double>(c.months_early),
                            RoundedYears(c.insured_months), c.salary, RegimeVi(c.estimate.regime),
                            std::round(c.estimate.total), notes});
    }
    documents::XlsxSheet lines;
    lines.name = "Cách tính";
    lines.title = "Cách tính từng khoản";
    lines.header = {"Họ và tên", "Khoản", "Cách tính", "Số tiền (đồng)", "Căn cứ", "Đã đối chiếu"};
    lines.widths = {26, 40, 44, 16, 50, 12};
    for (auto& c : v.candidates)
      for (auto& l : c.estimate.lines)
        lines.rows.push_back({c.name, l.label, l.formula, std::round(l.amount), l.article,
                              l.verified ? "Có" : "Chưa"});
    documents::XlsxSheet budget;
    budget.name = "Dự toán";
    budget.title = "Dự toán kinh phí theo năm";
    budget.header = {"Năm", "Số người", "Kinh phí (đồng)"};
    budget.widths = {8, 10, 18};
    for (auto& [y, total] : v.budget)
      budget.rows.push_back(
          {static_cast<double>(y), static_cast<double>(v.leaving[y]), std::round(total)});
    auto issuer = documents::CommuneIssuer(svc.CommuneName(ctx.AsActor()));
    return http::Download(documents::RenderXlsx({sheet, lines, budget}, issuer), http::kXlsxType,
                          "doi-tuong-tinh-gian.xlsx");
  });

  // The plan as a Decree 30 document: "Kế hoạch tinh giản biên chế giai đoạn 2026–2031" (draft).
  router.Get("/staffing/plan.docx", plan, [&svc, &plans, &doc_layout](Ctx& ctx) {
    Actor actor = ctx.AsActor();
    Plan p = plans.BuildPlan(actor, 2026, 2031);
    StreamliningView v = svc.View(actor, std::max(2026, clock::Today().year()));
    std::string commune = svc.CommuneName(actor);
    documents::OfficialDocument d;
    documents::CommuneHeader(d, commune, clock::Today(), "KH");
    d.doc_type = "KẾ HOẠCH";
    d.subject_lines = {"Tinh giản biên chế giai đoạn 2026–2031"};
    d.body.push_back(
        {"Căn cứ Nghị định số 154/2025/NĐ-CP của Chính phủ về tinh giản biên chế; Bộ "
         "luật Lao động năm 2019 về tuổi nghỉ hưu; Ủy ban nhân dân " +
             commune +
             " xây dựng Kế hoạch tinh giản biên chế giai đoạn 2026–2031 "
             "như sau:",
         false});
    d.body.push_back({"I. BIÊN CHẾ VÀ SỐ LƯỢNG NGƯỜI LÀM VIỆC", true});
    for (auto& y : p.total)
      d.body.push_back(
          {fmt::format(
               "- Năm {}: biên chế được giao {}; dự kiến có mặt cuối năm {} người (nghỉ hưu "
               "{}, tinh giản {}){}.",
               y.year, y.quota ? std::to_string(*y.quota) : "chưa giao", y.expected, y.retiring,
               y.streamlining, y.gap ? fmt::format("; chênh lệch {:+}", *y.gap) : std::string()),
           false});
    d.body.push_back({"II. ĐỐI TƯỢNG TINH GIẢN", true});
    int n = 0;
    for (auto& c : v.candidates) {
      if (c.deferred) continue;
      d.body.push_back(
          {fmt::format("{}. {} — {}, {}: {}; nghỉ từ ngày {}; {}; dự toán {} đồng.", ++n, c.name,
                       c.position, c.unit_name, GroundVi(c.ground), c.leave_on.ToVn(),
                       RegimeVi(c.estimate.regime), Money(c.estimate.total)),
           false});
    }
    if (n == 0) d.body.push_back({"Chưa có đối tượng được đề xuất.", false});
    d.body.push_back({"III. DỰ TOÁN KINH PHÍ", true});
    double sum = 0;
    for (auto& [y, total] : v.budget) {
      sum += total;
      d.body.push_back({fmt::format("- Năm {}: {} người, {} đồng{}.", y, v.leaving[y], Money(total),
                                    y > 2030 ? " (sau 31/12/2030 chưa có căn cứ pháp lý)" : ""),
                        false});
    }
    d.body.push_back({"Tổng cộng: " + Money(sum) + " đồng.", false});
    d.body.push_back({"IV. TỔ CHỨC THỰC HIỆN", true});
    d.body.push_back(
        {"Văn phòng HĐND và UBND xã chủ trì, phối hợp các phòng, đơn vị rà soát, lập "
         "hồ sơ đề nghị tinh giản biên chế theo từng năm; báo cáo kết quả định kỳ.",
         false});
    d.body.push_back(
        {"(Dự thảo do hệ thống lập từ số liệu biên chế, nghỉ hưu và danh sách đề xuất.)", false});
    d.recipients = {"UBND thành phố Hải Phòng (Sở Nội vụ);", "Thường trực Đảng ủy xã;",
                    "Các phòng, đơn vị;", "Lưu: VT."};
    d.authority = "TM. ỦY BAN NHÂN DÂN";
    d.title = "CHỦ TỊCH";
    return http::Download(documents::RenderDocx(d, doc_layout), http::kDocxType,
                          "ke-hoach-tinh-gian-bien-che-2026-2031.docx");
  });
}

}  // namespace kientao::staffing
