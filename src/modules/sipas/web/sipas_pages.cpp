// The survey's pages: the public questionnaire behind a receipt slip's link and on a counter tablet
// (/khao-sat/…, no sign-in, phone first), and the office's pages under /sipas (the indices, paper
// questionnaires, the tablets, the exports).
#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/text.hpp"
#include "http/download.hpp"
#include "http/form.hpp"
#include "modules/sipas/errors.hpp"
#include "modules/sipas/permissions.hpp"
#include "modules/sipas/web/sipas_web.hpp"

namespace kientao::sipas {

using http::Access;
using http::Ctx;
using http::Input;
using http::Response;
using http::TemplateData;

namespace {

const std::set<std::string> kPaperFields = {"unit_id", "dossier_code", "answered_on"};

std::string Pct(const std::optional<double>& v) {
  return v ? text::VnNumber(*v, 1) + " %" : std::string("—");
}
std::string Num(long long n) { return text::VnNumber(static_cast<double>(n), 0); }
std::string MonthLabel(const std::string& ym) {  // "2026-11" → "11/2026"
  return ym.size() == 7 ? ym.substr(5, 2) + "/" + ym.substr(0, 4) : ym;
}

// The questionnaire as radio groups, each level a large touch target, with what was chosen and
// each item's problem beside it.
TemplateData SurveyForm(const Ctx& ctx, const Questionnaire& q, const Method& m, const Input* typed,
                        const Error* err) {
  std::map<std::string, std::string> problems;
  if (err) {
    for (const FieldError& fe : err->details())
      problems[fe.field] = ctx.i18n->ErrorMessage(ctx.lang, fe);
    if (err->details().empty() && !err->field().empty()) problems[err->field()] = ctx.Message(*err);
  }
  TemplateData elements = http::List();
  int n = 0;
  for (const auto& e : q.elements) {
    TemplateData el = http::Object(), items = http::List();
    el.set("name", e.name);
    if (!e.verified) el.set("unverified", true);
    for (size_t i = 0; i < e.items.size(); ++i) {
      std::string code = e.code + "." + std::to_string(i + 1);
      std::string chosen = typed ? typed->Str(code, 4, false).value_or("") : "";
      TemplateData item = http::Object(), options = http::List();
      item.set("code", code);
      item.set("number", std::to_string(++n));
      item.set("text", e.items[i]);
      for (size_t l = m.levels.size(); l >= 1; --l) {  // the best first, as people read a list
        TemplateData o = http::Object();
        o.set("value", std::to_string(l));
        o.set("label", m.levels[l - 1]);
        o.set("id", code + "-" + std::to_string(l));
        if (chosen == std::to_string(l)) o.set("checked", true);
        options.push_back(o);
      }
      item.set("options", options);
      if (auto p = problems.find(code); p != problems.end()) item.set("msg", p->second);
      items.push_back(item);
    }
    el.set("items", items);
    elements.push_back(el);
  }
  TemplateData d = http::Object();
  d.set("questionnaire", q.name);
  d.set("elements", elements);
  if (!q.verified || !m.scale_verified) d.set("wording_unverified", true);
  if (err) http::SetFormError(d, ctx, *err);
  return d;
}

TemplateData DossierFacts(const Ctx& ctx, const Invitation& inv) {
  TemplateData d = http::Object();
  d.set("code", inv.dossier.d.code);
  d.set("procedure", inv.dossier.procedure_name);
  d.set("received_on", inv.dossier.d.received_on.ToVn());
  d.set("due_on", inv.dossier.d.due_on.ToVn());
  d.set("status",
        ctx.T("services.status." + std::string(services::StatusCode(inv.dossier.d.status))));
  if (inv.dossier.d.returned_on) d.set("returned_on", inv.dossier.d.returned_on->ToVn());
  d.set("valid_until", inv.valid_until.ToVn());
  return d;
}

Response NoStore(Response r) {
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

// The public page behind a slip's link: the dossier, then the questionnaire once the result was
// returned, or thanks once answered; a closed page (with why) for a bad or expired link.
Response LinkPage(const Ctx& ctx, SipasService& svc, const http::Layout& layout,
                  const std::string& token, const Input* typed, const Error* err) {
  const std::string title = ctx.T("sipas.survey_title");
  Invitation inv;
  try {
    inv = svc.Open(token);
  } catch (const Error& e) {
    TemplateData d = http::Object();
    d.set("closed", ctx.Message(e));
    return NoStore(layout.Page(ctx, "sipas/survey", d, title, e.status()));
  }
  TemplateData d = http::Object();
  if (inv.answered) {
    d.set("thanks", true);
  } else if (!inv.returned) {
    d.set("not_yet", true);
  } else {
    d = SurveyForm(ctx, svc.QuestionnaireOn("", clock::Today()), svc.method(), typed, err);
    d.set("action", "/khao-sat/" + token);
  }
  d.set("dossier", DossierFacts(ctx, inv));
  return NoStore(layout.Page(ctx, "sipas/survey", d, title, err ? err->status() : 200));
}

Response KioskPage(const Ctx& ctx, SipasService& svc, const http::Layout& layout,
                   const std::string& token, const Input* typed, const Error* err) {
  Kiosk k = svc.OpenKiosk(token);
  TemplateData d =
      SurveyForm(ctx, svc.QuestionnaireOn("", clock::Today()), svc.method(), typed, err);
  d.set("action", "/khao-sat/quay/" + token);
  d.set("kiosk", k.name);
  if (!err && ctx.req.Query("done") == "1") d.set("kiosk_thanks", true);
  return NoStore(
      layout.Page(ctx, "sipas/survey", d, ctx.T("sipas.survey_title"), err ? err->status() : 200));
}

// The figures of the indices page: the headline, the elements and items, the months (and their
// trend), the channels and the procedures.
TemplateData IndicesPage(const Ctx& ctx, const Indices& x, const Method& m) {
  TemplateData d = http::Object();
  d.set("from", x.query.from.ToVn());
  d.set("to", x.query.to.ToVn());
  d.set("from_iso", x.query.from.ToIso());
  d.set("to_iso", x.query.to.ToIso());
  d.set("index", Pct(x.all.index));
  d.set("responses", Num(x.all.responses));
  d.set("target", text::VnNumber(x.target, 0) + " %");
  if (x.above_target) d.set(*x.above_target ? "above" : "below", true);
  d.set("dossiers", Num(x.dossiers));
  d.set("sample_needed", Num(x.sample_needed));
  d.set(x.sample_reached ? "sample_reached" : "sample_short", true);
  d.set("questionnaire", x.questionnaire->name);
  if (!m.aggregation_verified || !m.scale_verified) d.set("method_unverified", true);
  TemplateData elements = http::List();
  for (const auto& e : x.all.elements) {
    TemplateData el = http::Object(), items = http::List();
    el.set("name", e.name);
    el.set("index", Pct(e.value));
    el.set("code", e.code);
    for (const auto& i : e.items) {
      TemplateData it = http::Object();
      it.set("text", i.text);
      it.set("valid", Num(i.tally.valid));
      it.set("index", Pct(i.value));
      items.push_back(it);
    }
    el.set("items", items);
    elements.push_back(el);
  }
  d.set("elements", elements);
  auto groups = [&](const std::vector<GroupIndex>& gs, auto label) {
    TemplateData list = http::List();
    for (const auto& g : gs) {
      TemplateData row = http::Object();
      row.set("label", label(g));
      row.set("responses", Num(g.index.responses));
      row.set("index", Pct(g.index.index));
      list.push_back(row);
    }
    return list;
  };
  d.set("months", groups(x.months, [](const GroupIndex& g) { return MonthLabel(g.key); }));
  d.set("channels",
        groups(x.channels, [&](const GroupIndex& g) { return ctx.T("sipas.channel." + g.key); }));
  d.set("procedures",
        groups(x.procedures, [](const GroupIndex& g) { return g.name.empty() ? g.key : g.name; }));
  if (x.months.empty()) d.set("no_answers", true);
  if (!x.procedures.empty()) d.set("has_procedures", true);
  boost::json::array labels, values, target;
  for (const auto& g : x.months) {
    labels.push_back(boost::json::value(MonthLabel(g.key)));
    values.push_back(g.index.index ? boost::json::value(*g.index.index)
                                   : boost::json::value(nullptr));
    target.push_back(boost::json::value(x.target));
  }
  if (x.months.size() > 1)
    d.set("trend",
          boost::json::serialize(boost::json::object{
              {"labels", labels},
              {"series",
               boost::json::array{
                   boost::json::object{{"name", ctx.T("sipas.index")}, {"data", values}},
                   boost::json::object{{"name", ctx.T("sipas.target")}, {"data", target}}}}}));
  return d;
}

TemplateData UnitOptions(const std::vector<services::ServiceUnit>& units, long long selected) {
  TemplateData list = http::List();
  for (const auto& u : units) {
    TemplateData o = http::Object();
    o.set("value", std::to_string(u.id));
    o.set("label", std::string(static_cast<size_t>(u.depth) * 2, ' ') + u.name);
    if (u.id == selected) o.set("selected", true);
    list.push_back(o);
  }
  return list;
}

Response PaperPage(const Ctx& ctx, SipasService& svc, const http::Layout& layout,
                   const Input* typed, const Error* err) {
  Date today = clock::Today();
  TemplateData d = SurveyForm(ctx, svc.QuestionnaireOn("", today), svc.method(), typed, err);
  auto units = svc.Units(ctx.AsActor(), access::kSipasWrite);
  long long unit = typed ? typed->Int("unit_id", false).value_or(0) : 0;
  d.set("units", UnitOptions(units, unit));
  for (const char* f : {"dossier_code", "answered_on"})
    d.set(std::string("v_") + f, typed ? typed->Str(f, 40, false).value_or("") : "");
  if (!typed) d.set("v_answered_on", today.ToVn());
  if (ctx.req.Query("saved") == "1" && !err) d.set("saved", true);
  d.set("action", "/sipas/paper");
  return layout.Page(ctx, "sipas/paper", d, ctx.T("sipas.paper_title"), err ? err->status() : 200);
}

Response KiosksPage(const Ctx& ctx, SipasService& svc, const http::Layout& layout,
                    const Input* typed, const Error* err) {
  TemplateData d = http::Object(), rows = http::List();
  auto units = svc.Units(ctx.AsActor(), access::kSipasWrite);
  std::map<long long, std::string> names;
  for (const auto& u : units) names[u.id] = u.name;
  bool https = ctx.req.Header("x-forwarded-proto") == "https";
  std::string base = (https ? "https://" : "http://") + ctx.req.Header("host");
  const auto kiosks = svc.ListKiosks(ctx.AsActor());
  for (const auto& k : kiosks) {
    TemplateData r = http::Object();
    r.set("id", std::to_string(k.id));
    r.set("name", k.name);
    r.set("unit", names[k.unit_id]);
    r.set("url", base + "/khao-sat/quay/" + k.token);
    if (k.active) r.set("active", true);
    rows.push_back(r);
  }
  d.set("rows", rows);
  d.set("help", ctx.i18n->Format(ctx.lang, "sipas.kiosks_help",
                                 {{"count", std::to_string(svc.method().per_kiosk_per_hour)}}));
  if (kiosks.empty()) d.set("none", true);
  d.set("units", UnitOptions(units, typed ? typed->Int("unit_id", false).value_or(0) : 0));
  d.set("v_name", typed ? typed->Str("name", 200, false).value_or("") : "");
  if (err) http::SetFormError(d, ctx, *err);
  return layout.Page(ctx, "sipas/kiosks", d, ctx.T("sipas.kiosks_title"),
                     err ? err->status() : 200);
}

// A refused form stays on its page; a refusal of the route itself (403, 404) is the error page.
template <typename Act, typename Again>
Response Submit(Ctx& ctx, Act act, Again again) {
  Input in = Input::FromForm(ctx.req.body);
  try {
    return act(in);
  } catch (const Error& e) {
    if (e.status() == 403 || e.status() == 404) throw;
    return again(in, e);
  }
}

}  // namespace

void RegisterSipasPages(http::Router& router, SipasService& svc, const http::Layout& layout,
                        const documents::Layout30& doc_layout) {
  const Access read{std::string(access::kSipasRead)};
  const Access write{std::string(access::kSipasWrite)};
  const Access open{"", false};  // the link or the tablet is the permission
  const int levels = static_cast<int>(svc.method().levels.size());
  router.Get("/khao-sat/{token}", open, [&svc, &layout](Ctx& ctx) {
    return LinkPage(ctx, svc, layout, ctx.params.at("token"), nullptr, nullptr);
  });
  router.Post("/khao-sat/{token}", open, [&svc, &layout, levels](Ctx& ctx) {
    const std::string& token = ctx.params.at("token");
    return Submit(
        ctx,
        [&](const Input& in) {
          svc.AnswerByLink(token, ReadAnswers(in, levels, {}), ctx.req.remote_addr);
          return Response::Redirect("/khao-sat/" + token);
        },
        [&](const Input& in, const Error& e) {
          return LinkPage(ctx, svc, layout, token, &in, &e);
        });
  });
  router.Get("/khao-sat/quay/{token}", open, [&svc, &layout](Ctx& ctx) {
    return KioskPage(ctx, svc, layout, ctx.params.at("token"), nullptr, nullptr);
  });
  router.Post("/khao-sat/quay/{token}", open, [&svc, &layout, levels](Ctx& ctx) {
    const std::string& token = ctx.params.at("token");
    return Submit(
        ctx,
        [&](const Input& in) {
          svc.AnswerAtKiosk(token, ReadAnswers(in, levels, {}), ctx.req.remote_addr);
          return Response::Redirect("/khao-sat/quay/" + token + "?done=1");
        },
        [&](const Input& in, const Error& e) {
          return KioskPage(ctx, svc, layout, token, &in, &e);
        });
  });
  router.Get("/sipas", read, [&svc, &layout](Ctx& ctx) {
    TemplateData d =
        IndicesPage(ctx, svc.Compute(ctx.AsActor(), ReadIndexQuery(ctx)), svc.method());
    if (access::HasPermission(*ctx.user, access::kSipasWrite)) d.set("can_write", true);
    return layout.Page(ctx, "sipas/indices", d, ctx.T("sipas.indices_title"));
  });
  router.Get("/sipas/paper", write,
             [&svc, &layout](Ctx& ctx) { return PaperPage(ctx, svc, layout, nullptr, nullptr); });
  router.Post("/sipas/paper", write, [&svc, &layout, levels](Ctx& ctx) {
    return Submit(
        ctx,
        [&](const Input& in) {
          http::FieldProblems p;
          PaperEntry e;
          e.answers = p.Take([&] { return ReadAnswers(in, levels, kPaperFields); });
          e.dossier_code = p.Take([&] { return in.Str("dossier_code", 40, false).value_or(""); });
          e.unit_id = p.Take([&] { return in.Int("unit_id", false).value_or(0); });
          e.answered_on = p.Take([&] { return in.DateField("answered_on", false); });
          p.ThrowIfAny();
          svc.EnterPaper(ctx.AsActor(), e);
          return Response::Redirect("/sipas/paper?saved=1");
        },
        [&](const Input& in, const Error& e) { return PaperPage(ctx, svc, layout, &in, &e); });
  });
  router.Get("/sipas/kiosks", write,
             [&svc, &layout](Ctx& ctx) { return KiosksPage(ctx, svc, layout, nullptr, nullptr); });
  router.Post("/sipas/kiosks", write, [&svc, &layout](Ctx& ctx) {
    return Submit(
        ctx,
        [&](const Input& in) {
          http::FieldProblems p;
          long long unit = p.Take([&] { return in.Int("unit_id", true).value_or(0); });
          std::string name = p.Take([&] { return in.Str("name", 200, true).value_or(""); });
          p.ThrowIfAny();
          svc.CreateKiosk(ctx.AsActor(), unit, name);
          return Response::Redirect("/sipas/kiosks");
        },
        [&](const Input& in, const Error& e) { return KiosksPage(ctx, svc, layout, &in, &e); });
  });
  router.Post("/sipas/kiosks/{id}/active", write, [&svc](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    svc.SetKioskActive(ctx.AsActor(), ctx.Id("id"), in.Bool("active").value_or(false));
    return Response::Redirect("/sipas/kiosks");
  });
  // The indices and every raw answer of the period (anonymous: no dossier, no person).
  router.Get("/sipas/answers.xlsx", read, [&svc](Ctx& ctx) {
    constexpr long long kMaxRows = 200000;
    IndexQuery q = ReadIndexQuery(ctx);
    Indices x = svc.Compute(ctx.AsActor(), q);
    std::map<long long, std::string> units;
    for (const auto& u : svc.Units(ctx.AsActor(), access::kSipasRead)) units[u.id] = u.name;
    auto sheets = IndicesSheets(x, ctx);
    sheets.push_back(AnswersSheet(*x.questionnaire, svc.method(),
                                  svc.ExportAnswers(ctx.AsActor(), q, kMaxRows),
                                  svc.Procedures(ctx.AsActor()), units));
    return http::Download(
        documents::RenderXlsx(sheets, documents::CommuneIssuer(svc.CommuneName(ctx.AsActor()))),
        http::kXlsxType, "khao-sat-hai-long-" + q.from.ToIso() + "-" + q.to.ToIso() + ".xlsx");
  });
  router.Get("/sipas/report.docx", read, [&svc, &doc_layout](Ctx& ctx) {
    Indices x = svc.Compute(ctx.AsActor(), ReadIndexQuery(ctx));
    auto doc = SurveyReport(x, svc.CommuneName(ctx.AsActor()), ctx);
    return http::Download(documents::RenderDocx(doc, doc_layout), http::kDocxType,
                          "bao-cao-khao-sat-hai-long-" + x.query.to.ToIso() + ".docx");
  });
}

}  // namespace kientao::sipas
