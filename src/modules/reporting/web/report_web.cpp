#include "modules/reporting/web/report_web.hpp"

#include <cctype>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/number.hpp"
#include "base/text.hpp"
#include "http/download.hpp"
#include "http/input.hpp"
#include "modules/auth/permissions.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/reporting/errors.hpp"
#include "modules/reporting/permissions.hpp"
#include "modules/reporting/report_documents.hpp"
#include "store/digest.hpp"

namespace kientao::reporting {

namespace json = boost::json;
using http::Access;
using http::Ctx;
using http::Input;
using http::Response;
using http::TemplateData;
using indicator::Definition;

Period PreviousPeriod(const Period& p) {
  return Period::Containing(p.type(),
                            Date::FromDaysSinceEpoch(p.WindowStart().DaysSinceEpoch() - 1));
}

Period DefaultPeriod(PeriodType t, Date today) {
  Period p = Period::Containing(t, today);
  return PreviousPeriod(p);
}

namespace {

std::string Num(double v) { return VnNumber(v, 2); }
// A value shown in a form input, spelled as the person would type it ("1.500.000", "12,5").
std::string InputNum(double v) { return number::ForInput(v); }

Period ParsePeriodId(const std::string& id, const std::string& field = "period") {
  auto p = Period::Parse(id);
  if (!p) throw Error(errors::kUnknownPeriod, field, {{"value", id}});
  return *p;
}

json::value OptNum(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object SubmissionJson(const Form& f, const Submission& s) {
  json::array values;
  for (auto& d : f.indicators)
    if (auto it = s.values.find(d.id); it != s.values.end()) {
      json::object v{{"indicator", d.code},
                     {"numerator", it->second.numerator},
                     {"denominator", OptNum(it->second.denominator)}};
      if (!it->second.parts.empty()) {
        json::array parts;
        for (auto& [combo, p] : it->second.parts)
          parts.push_back({{"combo", combo},
                           {"numerator", p.numerator},
                           {"denominator", OptNum(p.denominator)}});
        v["parts"] = parts;
      }
      values.push_back(v);
    }
  json::array narratives;
  for (auto& [k, n] : s.narratives)
    narratives.push_back({{"key_no", k},
                          {"results", n.results},
                          {"difficulties", n.difficulties},
                          {"proposals", n.proposals}});
  return {
      {"id", s.id},
      {"form_id", s.form_id},
      {"unit", {{"id", s.unit_id}, {"name", s.unit_name}}},
      {"period", s.period_id},
      {"version", s.version},
      {"status", s.id ? std::string(StatusCode(s.status)) : std::string("not_started")},
      {"justification", s.justification},
      {"return_reason", s.return_reason},
      {"submitted_by", s.submitted_by_name},
      {"submitted_at", s.submitted_at.empty() ? json::value(nullptr) : json::value(s.submitted_at)},
      {"first_submitted_on",
       s.first_submitted_on ? json::value(s.first_submitted_on->ToIso()) : json::value(nullptr)},
      {"decided_by", s.decided_by_name},
      {"values", values},
      {"narratives", narratives}};
}

json::object FormJson(const Form& f) {
  json::array inds, units, tasks;
  for (auto& d : f.indicators)
    inds.push_back({{"code", d.code},
                    {"name_vi", d.name_vi},
                    {"name_en", d.name_en},
                    {"unit", d.unit},
                    {"kind", std::string(indicator::KindCode(d.kind))},
                    {"key_no", d.key_no},
                    {"required", f.required.count(d.code) > 0}});
  for (auto& [id, name] : f.units) units.push_back({{"id", id}, {"name", name}});
  for (int k : f.key_nos) tasks.push_back(k);
  return {{"id", f.id},
          {"code", f.code},
          {"name", f.name},
          {"period_type", std::string(PeriodTypeCode(f.period_type))},
          {"deadline_working_days", f.deadline_working_days},
          {"indicators", inds},
          {"units", units},
          {"key_tasks", tasks}};
}

json::object LineJson(const IndicatorLine& l) {
  return {{"code", l.def.code},
          {"name_vi", l.def.name_vi},
          {"kind", std::string(indicator::KindCode(l.def.kind))},
          {"key_no", l.def.key_no},
          {"value", OptNum(l.value)},
          {"numerator", OptNum(l.numerator)},
          {"denominator", OptNum(l.denominator)},
          {"target", OptNum(l.target)},
          {"source", l.source},
          {"parts", [&] {
             json::array parts;
             for (auto& [label, n, d] : l.parts)
               parts.push_back({{"label", label}, {"numerator", n}, {"denominator", d}});
             return parts;
           }()}};
}

// The form field of part `i` of a disaggregated indicator: "pv_DIGITAL_RESIDENTS__1".
std::string PartField(const char* prefix, const std::string& code, size_t i) {
  return prefix + code + "__" + std::to_string(i);
}

// The key of one sending (the form page's, or an API client's): hex digits and dashes, at most 64;
// the same key again is recognised and not written twice.
std::string RequestKey(const Input& in) {
  std::string key = in.Str("request_key", 64, false).value_or("");
  for (char ch : key)
    if (!std::isxdigit(static_cast<unsigned char>(ch)) && ch != '-')
      throw Error(gen_errors::kInvalidValue, "request_key");
  return key;
}

Draft ReadDraftJson(const Input& in) {
  Draft d;
  for (auto& v : in.Objects("values")) {
    v.AllowOnly({"indicator", "numerator", "denominator", "parts"});
    std::string code = v.ReqStr("indicator", 40);
    if (d.values.count(code)) throw Error(gen_errors::kInvalidValue, "values", {{"value", code}});
    EnteredValue ev;
    for (auto& part : v.Objects("parts")) {
      part.AllowOnly({"combo", "numerator", "denominator"});
      std::string combo = part.ReqStr("combo", 200);
      if (ev.parts.count(combo))
        throw Error(gen_errors::kInvalidValue, "parts", {{"value", combo}});
      ev.parts[combo] = ValuePart{*part.Num("numerator", true), part.Num("denominator", false)};
    }
    // With parts the total may be left out: it is their sum.
    auto num = v.Num("numerator", ev.parts.empty());
    ev.total_given = num.has_value();
    ev.numerator = num.value_or(0);
    ev.denominator = v.Num("denominator", false);
    d.values[code] = std::move(ev);
  }
  for (auto& n : in.Objects("narratives")) {
    n.AllowOnly({"key_no", "results", "difficulties", "proposals"});
    long long k = *n.Int("key_no", true);
    if (k < 1 || k > 10) throw Error(errors::kTaskNumber, "key_no", {{"value", std::to_string(k)}});
    d.narratives[static_cast<int>(k)] = Narrative{n.Str("results", 4000, false).value_or(""),
                                                  n.Str("difficulties", 4000, false).value_or(""),
                                                  n.Str("proposals", 4000, false).value_or("")};
  }
  d.justification = in.Str("justification", 2000, false).value_or("");
  d.request_key = RequestKey(in);
  return d;
}

// Form fields: v_CODE, d_CODE (denominator), results_K, difficulties_K, proposals_K, justification,
// action.
// The report form's fields as a draft; `problems` gets every number that could not be read.
Draft ReadDraftForm(const Form& f, const Input& in, std::vector<Error>& problems) {
  Draft d;
  for (auto& key : in.Keys()) {
    bool known = key == "justification" || key == "action" || key == "request_key";
    for (auto& def : f.indicators) {
      known = known || key == "v_" + def.code || key == "d_" + def.code;
      auto combos = indicator::Combinations(def.categories);
      for (size_t i = 0; i < combos.size(); ++i)
        known =
            known || key == PartField("pv_", def.code, i) || key == PartField("pd_", def.code, i);
    }
    for (int k : f.key_nos)
      for (const char* part : {"results_", "difficulties_", "proposals_"})
        known = known || key == part + std::to_string(k);
    if (!known) throw Error(gen_errors::kUnknownField, key);
  }
  // Each indicator's fields as typed; one that cannot be read as a number keeps every field of its
  // indicator as typed (Draft::typed) and adds its problem, so the form shows them all at once.
  for (auto& def : f.indicators) {
    if (!def.provider.empty()) continue;
    std::vector<std::string> fields = {"v_" + def.code, "d_" + def.code};
    auto combos = indicator::Combinations(def.categories);
    for (size_t i = 0; i < combos.size(); ++i) {
      fields.push_back(PartField("pv_", def.code, i));
      fields.push_back(PartField("pd_", def.code, i));
    }
    std::map<std::string, std::optional<double>> read;
    bool unreadable = false;
    for (auto& field : fields) {
      try {
        read[field] = in.Num(field, false);
      } catch (const Error& e) {
        problems.push_back(e);
        unreadable = true;
      }
    }
    EnteredValue ev;
    for (size_t i = 0; i < combos.size() && !unreadable; ++i) {
      auto pn = read[PartField("pv_", def.code, i)], pd = read[PartField("pd_", def.code, i)];
      if (!pn && !pd) continue;
      if (!pn) {
        problems.push_back(Error(gen_errors::kRequired, PartField("pv_", def.code, i)));
        unreadable = true;
        break;
      }
      ev.parts[combos[i].first] = ValuePart{*pn, pd};
    }
    auto num = read["v_" + def.code], den = read["d_" + def.code];
    if (!unreadable && !num && den && ev.parts.empty()) {
      problems.push_back(Error(gen_errors::kRequired, "v_" + def.code));
      unreadable = true;
    }
    if (unreadable) {
      for (auto& field : fields)
        if (auto text = in.Str(field, 100, false)) d.typed[field] = *text;
      continue;
    }
    if (!num && !den && ev.parts.empty()) continue;
    ev.total_given = num.has_value();
    ev.numerator = num.value_or(0);
    ev.denominator = den;
    d.values[def.code] = std::move(ev);
  }
  for (int k : f.key_nos) {
    std::string ks = std::to_string(k);
    Narrative n{in.Str("results_" + ks, 4000, false).value_or(""),
                in.Str("difficulties_" + ks, 4000, false).value_or(""),
                in.Str("proposals_" + ks, 4000, false).value_or("")};
    if (!n.results.empty() || !n.difficulties.empty() || !n.proposals.empty()) d.narratives[k] = n;
  }
  d.justification = in.Str("justification", 2000, false).value_or("");
  d.request_key = RequestKey(in);
  return d;
}

TemplateData StatusBadge(const Ctx& ctx, const std::optional<Submission>& s) {
  TemplateData d = http::Object();
  std::string code = s && s->id ? std::string(StatusCode(s->status)) : "not_started";
  d.set("status", code);
  d.set("status_label", ctx.T("report.status." + code));
  return d;
}

std::string DateTimeVn(const std::string& iso) {
  if (iso.size() < 16) return iso;
  auto d = Date::ParseIso(iso.substr(0, 10));
  return (d ? d->ToVn() : iso.substr(0, 10)) + " " + iso.substr(11, 5);
}

TemplateData PeriodOptions(const Ctx& ctx, PeriodType t, const Period& selected) {
  TemplateData list = http::List();
  Period p = Period::Containing(t, clock::Today());
  for (int i = 0; i < 6; ++i) {
    TemplateData o = http::Object();
    o.set("id", p.Id());
    o.set("label", ctx.lang == "en" ? p.LabelEn() : p.LabelVi());
    if (p == selected) o.set("selected", true);
    list.push_back(o);
    p = PreviousPeriod(p);
  }
  return list;
}

// Where an indicator's figures come from, in words: the units' reports, or the registry of a
// module.
std::string SourceLabel(const http::I18n& cat, const std::string& lang, const std::string& source) {
  if (source == "report") return cat.Get(lang, "report.source_report");
  std::string key = "indicator.provider." + source;
  return cat.Has(lang, key) ? cat.Get(lang, key) : cat.Get(lang, "indicator.provider.other");
}
std::string SourceLabel(const Ctx& ctx, const std::string& source) {
  return SourceLabel(*ctx.i18n, ctx.lang, source);
}

// The key task's full title, without its number.
std::string TaskTitle(const Ctx& ctx, int k) {
  return ctx.T("task." + std::to_string(k) + ".title");
}

void SetError(const Ctx& ctx, TemplateData& d, const Error* err) {
  if (!err) return;
  d.set("error", ctx.Message(*err));
  if (!err->field().empty()) d.set("invalid_" + err->field(), true);
  TemplateData details = http::List();
  for (auto& fe : err->details()) {
    TemplateData x = http::Object();
    std::string msg = ctx.i18n->ErrorMessage(ctx.lang, fe);
    x.set("message", msg);
    details.push_back(x);
  }
  if (!err->details().empty()) d.set("details", details);
}

// The indicator a form field or problem belongs to: "v_POOR_HH", "pd_X__2" and "POOR_HH" name
// POOR_HH; "" for any other field.
std::string IndicatorOfField(const Form& f, const std::string& field) {
  std::string code = field;
  for (const char* prefix : {"v_", "d_", "pv_", "pd_"})
    if (code.rfind(prefix, 0) == 0) {
      code = code.substr(std::string(prefix).size());
      break;
    }
  if (auto cut = code.find("__"); cut != std::string::npos) code = code.substr(0, cut);
  if (auto dot = code.find('.'); dot != std::string::npos) code = code.substr(0, dot);
  for (auto& def : f.indicators)
    if (def.code == code) return code;
  return "";
}

// Every problem of the draft: the numbers that could not be read, each entry kept as typed that
// still is not one, and what the service finds (values on their own; failed rules on submit).
std::vector<FieldError> FieldProblems(ReportService& svc, const Actor& a, const Form& f,
                                      const Draft& d, const std::vector<Error>& unreadable,
                                      bool submit) {
  std::vector<FieldError> out;
  for (auto& e : unreadable) out.push_back({e.field(), std::string(e.code()), e.params(), 0});
  Draft check = d;
  check.typed.clear();
  std::set<std::string> pending;  // indicators whose entries are kept as typed
  for (auto& [field, text] : d.typed) pending.insert(IndicatorOfField(f, field));
  for (auto& code : pending) {
    // Entries kept as typed in a saved draft: the reason each one still is not a value.
    bool readable = true;
    EnteredValue ev;
    for (auto& [field, text] : d.typed) {
      if (IndicatorOfField(f, field) != code) continue;
      try {
        double v = http::ReadTypedNumber(field, text);
        if (field.rfind("v_", 0) == 0) ev.numerator = v, ev.total_given = true;
        if (field.rfind("d_", 0) == 0) ev.denominator = v;
      } catch (const Error& e) {
        readable = false;
        if (unreadable.empty()) out.push_back({e.field(), std::string(e.code()), e.params(), 0});
      }
    }
    if (readable && ev.total_given && !code.empty()) check.values[code] = ev;
  }
  for (auto& p : svc.Problems(a, f.id, check, submit)) {
    // An indicator typed but not readable is not also "empty".
    if (p.code == errors::kRequiredValue.code && pending.count(IndicatorOfField(f, p.field)))
      continue;
    out.push_back(p);
  }
  return out;
}

// Moves each value with a problem of its own into the draft's typed entries, with every field of
// its indicator exactly as it was typed.
void KeepAsTyped(const Form& f, const Input& in, const std::vector<FieldError>& problems,
                 Draft& d) {
  for (auto& p : problems) {
    std::string code = IndicatorOfField(f, p.field);
    if (code.empty() || !d.values.count(code)) continue;
    d.values.erase(code);
    for (auto& key : in.Keys())
      if (IndicatorOfField(f, key) == code)
        if (auto text = in.Str(key, 100, false)) d.typed[key] = *text;
  }
}

// The message of one problem beside its field, with the field named as the form names it.
std::string ProblemMessage(const Ctx& ctx, const FieldError& p, const std::string& name) {
  auto params = p.params;
  params["field"] = "«" + name + "»";
  return ctx.i18n->Format(ctx.lang, p.code, params);
}

// The form's indicator inputs: each shows what was typed (or stored) and its problems beside it;
// `summary` gets every problem with a link to its field, for the list at the top.
TemplateData IndicatorInputs(const Ctx& ctx, const Form& f, const Draft& shown,
                             const std::vector<FieldError>& problems, TemplateData& summary) {
  TemplateData inds = http::List();
  for (auto& def : f.indicators) {
    if (!def.provider.empty()) continue;
    std::string name = ctx.lang == "en" && !def.name_en.empty() ? def.name_en : def.name_vi;
    TemplateData x = http::Object();
    x.set("has_problems", false);  // not the page's flag of the same name
    x.set("code", def.code);
    x.set("name", name);
    x.set("unit", def.kind == indicator::Kind::kPercent ? std::string("%") : def.unit);
    x.set("task", std::to_string(def.key_no));
    if (indicator::HasDenominator(def.kind)) x.set("has_den", true);
    x.set("required", f.required.count(def.code) > 0);
    auto typed = [&](const std::string& field) -> const std::string* {
      auto it = shown.typed.find(field);
      return it == shown.typed.end() ? nullptr : &it->second;
    };
    const EnteredValue* ev = nullptr;
    if (auto it = shown.values.find(def.code); it != shown.values.end()) ev = &it->second;
    if (ev) {
      x.set("num", InputNum(ev->numerator));
      x.set("num_vn", Num(ev->numerator));
      if (ev->denominator) {
        x.set("den", InputNum(*ev->denominator));
        x.set("den_vn", Num(*ev->denominator));
        if (auto v = indicator::ValueOf(def.kind, ev->numerator, *ev->denominator))
          x.set("value_vn", VnNumber(*v, 1));
      }
    }
    if (auto* t = typed("v_" + def.code)) x.set("num", *t);
    if (auto* t = typed("d_" + def.code)) x.set("den", *t);
    auto combos = indicator::Combinations(def.categories);
    if (!combos.empty()) {
      TemplateData parts = http::List();
      for (size_t i = 0; i < combos.size(); ++i) {
        TemplateData pt = http::Object();
        pt.set("name", PartField("pv_", def.code, i));
        pt.set("den_name", PartField("pd_", def.code, i));
        pt.set("label", combos[i].second);
        if (ev)
          if (auto p = ev->parts.find(combos[i].first); p != ev->parts.end()) {
            pt.set("num", InputNum(p->second.numerator));
            if (p->second.denominator) pt.set("den", InputNum(*p->second.denominator));
            pt.set("num_vn", Num(p->second.numerator));
          }
        if (auto* t = typed(PartField("pv_", def.code, i))) pt.set("num", *t);
        if (auto* t = typed(PartField("pd_", def.code, i))) pt.set("den", *t);
        if (indicator::HasDenominator(def.kind)) pt.set("has_den", true);
        parts.push_back(pt);
      }
      x.set("parts", parts);
      x.set("has_parts", true);
    }
    TemplateData mine = http::List();
    for (size_t i = 0; i < problems.size(); ++i) {
      const FieldError& p = problems[i];
      bool here = IndicatorOfField(f, p.field) == def.code;
      if (auto fields = p.params.find("fields"); fields != p.params.end())
        here = ("," + fields->second + ",").find("," + def.code + ",") != std::string::npos;
      if (!here) continue;
      TemplateData m = http::Object();
      m.set("message", ProblemMessage(ctx, p, name));
      m.set("id", "problem-" + std::to_string(i));
      mine.push_back(m);
    }
    if (!mine.is_empty_list()) {
      x.set("invalid", true);
      x.set("problems", mine);
      x.set("describedby", "problems-" + def.code);
      x.set("has_problems", true);
    }
    inds.push_back(x);
  }
  // The list at the top: every problem once, linking to the first field it is about.
  for (size_t i = 0; i < problems.size(); ++i) {
    const FieldError& p = problems[i];
    std::string code = IndicatorOfField(f, p.field);
    if (auto fields = p.params.find("fields"); code.empty() && fields != p.params.end())
      code = fields->second.substr(0, fields->second.find(','));
    std::string name = code;
    for (auto& def : f.indicators)
      if (def.code == code)
        name = ctx.lang == "en" && !def.name_en.empty() ? def.name_en : def.name_vi;
    TemplateData m = http::Object();
    m.set("message", ProblemMessage(ctx, p, name));
    m.set("href", code.empty() ? "#justification" : "#v_" + code);
    summary.push_back(m);
  }
  return inds;
}
}  // namespace

void RegisterReportRoutes(http::Router& router, ReportService& svc,
                          directive::DirectiveService& directives, const http::Layout& layout,
                          const documents::Layout30& doc_layout) {
  const Access read{std::string(access::kReportRead)};
  const Access submit{std::string(access::kReportSubmit)};
  const Access approve{std::string(access::kReportApprove)};

  // ---- JSON API ----
  router.Get("/api/v1/indicators", read, [&svc](Ctx& ctx) {
    json::array items;
    std::set<long long> seen;
    for (auto& f : svc.Forms(ctx.AsActor()))
      for (auto& d : f.indicators)
        if (seen.insert(d.id).second)
          items.push_back({{"code", d.code},
                           {"name_vi", d.name_vi},
                           {"name_en", d.name_en},
                           {"unit", d.unit},
                           {"kind", std::string(indicator::KindCode(d.kind))},
                           {"direction", std::string(indicator::DirectionCode(d.direction))},
                           {"aggregation", std::string(indicator::AggregationCode(d.aggregation))},
                           {"key_no", d.key_no},
                           {"provider", d.provider}});
    return http::JsonAnswer(json::object{{"items", items}});
  });
  router.Get("/api/v1/report-forms", read, [&svc](Ctx& ctx) {
    json::array items;
    for (auto& f : svc.Forms(ctx.AsActor())) items.push_back(FormJson(f));
    return http::JsonAnswer(json::object{{"items", items}});
  });
  router.Get("/api/v1/report-forms/{id}/status", read, [&svc](Ctx& ctx) {
    std::string period = ctx.req.Query("period");
    if (period.empty()) throw Error(gen_errors::kRequired, "period");
    FormStatus st = svc.Status(ctx.AsActor(), ctx.Id("id"), period);
    json::array units, missing;
    for (auto& u : st.units) {
      units.push_back(
          {{"unit", {{"id", u.unit_id}, {"name", u.unit_name}}},
           {"status", u.current ? std::string(StatusCode(u.current->status)) : "not_started"},
           {"version", u.current ? u.current->version : 0},
           {"submission_id", u.current ? u.current->id : 0},
           {"first_submitted_on", u.current && u.current->first_submitted_on
                                      ? json::value(u.current->first_submitted_on->ToIso())
                                      : json::value(nullptr)},
           {"on_time", u.on_time},
           {"reminders", u.reminders}});
    }
    for (long long m : st.completeness.missing) missing.push_back(m);
    const Completeness& c = st.completeness;
    return http::JsonAnswer(json::object{{"form_id", st.form.id},
                                         {"period", st.period.Id()},
                                         {"deadline", st.deadline.ToIso()},
                                         {"expected", c.expected},
                                         {"received", c.received},
                                         {"on_time", c.on_time},
                                         {"received_percent", c.ReceivedPercent()},
                                         {"on_time_percent", c.OnTimePercent()},
                                         {"missing", missing},
                                         {"units", units}});
  });
  router.Post("/api/v1/report-forms/{id}/reminders", approve, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"period", "unit_ids"});
    std::string period = in.ReqStr("period", 10);
    int n = svc.Remind(ctx.AsActor(), ctx.Id("id"), period, in.IntList("unit_ids"), clock::Today());
    return http::JsonAnswer(json::object{{"reminded", n}}, 201);
  });
  router.Get("/api/v1/reports", read, [&svc](Ctx& ctx) {
    long long form_id = std::atoll(ctx.req.Query("form_id").c_str());
    long long unit_id = std::atoll(ctx.req.Query("unit_id").c_str());
    std::string period = ctx.req.Query("period");
    if (!form_id) throw Error(gen_errors::kRequired, "form_id");
    if (!unit_id) throw Error(gen_errors::kRequired, "unit_id");
    if (period.empty()) throw Error(gen_errors::kRequired, "period");
    Form f = svc.GetForm(ctx.AsActor(), form_id);
    return http::JsonAnswer(
        SubmissionJson(f, svc.Open(ctx.AsActor(), form_id, unit_id, period, clock::Today())));
  });
  auto write = [&svc](Ctx& ctx, bool is_submit) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly(
        {"form_id", "unit_id", "period", "values", "narratives", "justification", "request_key"});
    long long form_id = *in.Int("form_id", true);
    long long unit_id = *in.Int("unit_id", true);
    std::string period = in.ReqStr("period", 10);
    ParsePeriodId(period);
    Draft d = ReadDraftJson(in);  // with the client's key for this one sending, if any
    Form f = svc.GetForm(ctx.AsActor(), form_id);
    Submission s = is_submit
                       ? svc.Submit(ctx.AsActor(), form_id, unit_id, period, d, clock::Today())
                       : svc.Save(ctx.AsActor(), form_id, unit_id, period, d, clock::Today());
    return http::JsonAnswer(SubmissionJson(f, s), 200);
  };
  router.Post("/api/v1/reports/save", submit, [write](Ctx& ctx) { return write(ctx, false); });
  router.Post("/api/v1/reports/submit", submit, [write](Ctx& ctx) { return write(ctx, true); });
  router.Get("/api/v1/reports/{id}", read, [&svc](Ctx& ctx) {
    Submission s = svc.GetSubmission(ctx.AsActor(), ctx.Id("id"));
    Form f = svc.GetForm(ctx.AsActor(), s.form_id);
    return http::JsonAnswer(SubmissionJson(f, s));
  });
  router.Post("/api/v1/reports/{id}/return", approve, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"reason"});
    svc.Return(ctx.AsActor(), ctx.Id("id"), in.ReqStr("reason", 2000), clock::Today());
    Submission s = svc.GetSubmission(ctx.AsActor(), ctx.Id("id"));
    return http::JsonAnswer(SubmissionJson(svc.GetForm(ctx.AsActor(), s.form_id), s));
  });
  router.Post("/api/v1/reports/{id}/approve", approve, [&svc](Ctx& ctx) {
    Input::FromRequest(ctx.req).AllowOnly({});
    svc.Approve(ctx.AsActor(), ctx.Id("id"), clock::Today());
    Submission s = svc.GetSubmission(ctx.AsActor(), ctx.Id("id"));
    return http::JsonAnswer(SubmissionJson(svc.GetForm(ctx.AsActor(), s.form_id), s));
  });
  router.Post("/api/v1/reports/{id}/reopen", submit, [&svc](Ctx& ctx) {
    Input::FromRequest(ctx.req).AllowOnly({});
    Submission s = svc.Reopen(ctx.AsActor(), ctx.Id("id"), clock::Today());
    return http::JsonAnswer(SubmissionJson(svc.GetForm(ctx.AsActor(), s.form_id), s), 201);
  });
  router.Get("/api/v1/communes/{id}/indicators", read, [&svc](Ctx& ctx) {
    std::string period = ctx.req.Query("period");
    if (period.empty()) throw Error(gen_errors::kRequired, "period");
    json::array items;
    for (auto& l : svc.CommuneIndicators(ctx.AsActor(), ctx.Id("id"), period))
      items.push_back(LineJson(l));
    return http::JsonAnswer(json::object{{"period", period}, {"items", items}});
  });
  auto report_json = [](const CommuneReport& r) {
    json::array sections, inds;
    for (auto& [k, body] : r.sections) sections.push_back({{"key_no", k}, {"body", body}});
    for (auto& l : r.indicators) inds.push_back(LineJson(l));
    return json::object{
        {"id", r.id},
        {"commune", {{"id", r.commune_id}, {"name", r.commune_name}}},
        {"period", r.period_id},
        {"status", r.status},
        {"number", r.doc_no ? json::value(ReportNumber(r.doc_no)) : json::value(nullptr)},
        {"issued_on", r.issued_on ? json::value(r.issued_on->ToIso()) : json::value(nullptr)},
        {"subject", r.subject},
        {"signer", r.signer},
        {"signer_authority", r.signer_authority},
        {"signer_title", r.signer_title},
        {"recipients", r.recipients},
        {"approved_reports", r.approved_reports},
        {"sections", sections},
        {"indicators", inds}};
  };
  router.Post("/api/v1/communes/{id}/reports", approve, [&svc, report_json](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"period"});
    std::string period = in.ReqStr("period", 10);
    ParsePeriodId(period);
    long long id = svc.Consolidate(ctx.AsActor(), ctx.Id("id"), period, clock::Today());
    return http::JsonAnswer(report_json(svc.GetReport(ctx.AsActor(), id)), 201);
  });
  router.Get("/api/v1/commune-reports/{id}", read, [&svc, report_json](Ctx& ctx) {
    return http::JsonAnswer(report_json(svc.GetReport(ctx.AsActor(), ctx.Id("id"))));
  });
  router.Post("/api/v1/commune-reports/{id}", approve, [&svc, report_json](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly(
        {"subject", "signer", "signer_authority", "signer_title", "recipients", "sections"});
    CommuneReport cur = svc.GetReport(ctx.AsActor(), ctx.Id("id"));
    ReportHeader h{in.Str("subject", 500, false).value_or(cur.subject),
                   in.Str("signer", 200, false).value_or(cur.signer),
                   in.Str("signer_authority", 100, false).value_or(cur.signer_authority),
                   in.Str("signer_title", 100, false).value_or(cur.signer_title),
                   in.Has("recipients") ? in.RawText("recipients", 2000) : cur.recipients};
    std::map<int, std::string> sections;
    for (auto& s : in.Objects("sections")) {
      s.AllowOnly({"key_no", "body"});
      long long k = *s.Int("key_no", true);
      if (k < 1 || k > 10)
        throw Error(errors::kTaskNumber, "key_no", {{"value", std::to_string(k)}});
      sections[static_cast<int>(k)] = s.RawText("body", 20000);  // paragraphs by line
    }
    svc.EditReport(ctx.AsActor(), ctx.Id("id"), h, sections);
    return http::JsonAnswer(report_json(svc.GetReport(ctx.AsActor(), ctx.Id("id"))));
  });
  router.Post("/api/v1/commune-reports/{id}/issue", approve, [&svc, report_json](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"issued_on"});
    Date on = in.DateField("issued_on", false).value_or(clock::Today());
    if (on > clock::Today())
      throw Error(gen_errors::kInvalidDate, "issued_on", {{"value", on.ToVn()}});
    svc.Issue(ctx.AsActor(), ctx.Id("id"), on);
    return http::JsonAnswer(report_json(svc.GetReport(ctx.AsActor(), ctx.Id("id"))));
  });

  // ---- The indicator catalogue, targets, rules, and new report forms ----
  const Access admin{std::string(access::kUsersAdmin)};
  auto read_definition = [](const Input& in) {
    in.AllowOnly({"code", "name_vi", "name_en", "unit", "kind", "direction", "aggregation",
                  "key_no", "categories"});
    Definition d;
    d.code = in.ReqStr("code", 40);
    d.name_vi = in.ReqStr("name_vi", 300);
    d.name_en = in.Str("name_en", 300, false).value_or("");
    d.unit = in.Str("unit", 40, false).value_or("");
    d.kind = *indicator::ParseKind(
        *in.Enum("kind", {"count", "percent", "amount", "ratio", "yes_no"}, true));
    d.direction = *indicator::ParseDirection(
        in.Enum("direction", {"higher", "lower"}, false).value_or("higher"));
    bool parts = indicator::HasDenominator(d.kind);
    d.aggregation = *indicator::ParseAggregation(
        in.Enum("aggregation", {"sum", "ratio_of_sums", "last", "min", "max"}, false)
            .value_or(parts ? "ratio_of_sums" : "sum"));
    // A percent rolls up as a ratio of sums and nothing else: never an average of percents.
    if (parts && d.aggregation != indicator::Aggregation::kRatioOfSums)
      throw Error(gen_errors::kInvalidValue, "aggregation",
                  {{"value", std::string(indicator::AggregationCode(d.aggregation))}});
    d.key_no = static_cast<int>(in.Int("key_no", false).value_or(0));
    // Disaggregation: [{code, name, options: [{code, label}]}], at most 5 categories and 500
    // combinations.
    if (auto cats = in.JsonText("categories")) d.categories = indicator::ParseCategories(*cats);
    return d;
  };
  auto read_rule = [](const Input& in) {
    in.AllowOnly({"name_vi", "left", "operator", "right"});
    std::string name = in.ReqStr("name_vi", 300);
    std::string left = in.ReqStr("left", 300);
    auto op =
        indicator::ParseOperator(*in.Enum("operator", {"<", "<=", "==", "!=", ">=", ">"}, true));
    std::string right = in.ReqStr("right", 300);
    return std::make_tuple(name, left, *op, right);
  };
  auto read_form = [&svc](const Ctx& ctx, const Input& in, std::vector<std::string>& codes) {
    in.AllowOnly({"code", "name", "period_type", "deadline_working_days", "unit_ids", "indicators",
                  "key_nos", "required"});
    Form f;
    f.commune_id = svc.ActorCommune(ctx.AsActor());
    f.code = in.ReqStr("code", 40);
    f.name = in.ReqStr("name", 300);
    f.period_type = *ParsePeriodType(
        *in.Enum("period_type", {"month", "quarter", "half", "nine", "year"}, true));
    f.deadline_working_days = static_cast<int>(in.Int("deadline_working_days", false).value_or(2));
    for (long long u : in.IntList("unit_ids")) f.units.emplace_back(u, "");
    for (long long k : in.IntList("key_nos")) f.key_nos.push_back(static_cast<int>(k));
    auto words = [&in](const char* field) {
      std::vector<std::string> out;
      if (auto list = in.Str(field, 4000, false)) {
        std::string item;
        for (char ch : *list + ",") {
          if (ch == ',' || ch == ' ') {
            if (!item.empty()) out.push_back(item);
            item.clear();
          } else {
            item += ch;
          }
        }
      }
      return out;
    };
    codes = words("indicators");
    for (auto& code : words("required")) f.required.insert(code);  // a subset of the indicators
    return f;
  };
  router.Post("/api/v1/indicators", admin, [&svc, read_definition](Ctx& ctx) {
    Definition d = read_definition(Input::FromRequest(ctx.req));
    long long id = svc.DefineIndicator(ctx.AsActor(), d);
    return http::JsonAnswer(json::object{{"id", id}, {"code", d.code}}, 201);
  });
  router.Post("/api/v1/indicator-rules", admin, [&svc, read_rule](Ctx& ctx) {
    auto [name, left, op, right] = read_rule(Input::FromRequest(ctx.req));
    long long id = svc.AddRule(ctx.AsActor(), name, left, op, right);
    return http::JsonAnswer(json::object{{"id", id}}, 201);
  });
  router.Add("DELETE", "/api/v1/indicator-rules/{id}", admin, [&svc](Ctx& ctx) {
    svc.DeleteRule(ctx.AsActor(), ctx.Id("id"));
    return http::JsonAnswer(json::object{{"deleted", true}});
  });
  router.Post("/api/v1/indicators/{code}/targets", approve, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"unit_id", "period", "target"});
    long long unit = in.Int("unit_id", false).value_or(svc.ActorCommune(ctx.AsActor()));
    std::string period = in.ReqStr("period", 10);
    svc.SetTarget(ctx.AsActor(), ctx.params.at("code"), unit, period, *in.Num("target", true));
    return http::JsonAnswer(
        json::object{{"code", ctx.params.at("code")}, {"unit_id", unit}, {"period", period}});
  });
  router.Post("/api/v1/report-forms", approve, [&svc, read_form](Ctx& ctx) {
    std::vector<std::string> codes;
    Input in = Input::FromRequest(ctx.req);
    Form f = read_form(ctx, in, codes);
    long long id = svc.CreateForm(ctx.AsActor(), f, codes);
    return http::JsonAnswer(FormJson(svc.GetForm(ctx.AsActor(), id)), 201);
  });
  auto catalogue_page = [&svc, &layout](Ctx& ctx, const Error* err, TemplateData form) {
    std::string q = ctx.req.Query("period");
    Period p = q.empty() ? DefaultPeriod(PeriodType::kMonth, clock::Today()) : ParsePeriodId(q);
    long long commune = svc.ActorCommune(ctx.AsActor());
    if (!commune) throw Error(gen_errors::kOutOfScope, "commune_id");
    IndicatorCatalogue cat = svc.Catalogue(ctx.AsActor(), commune, p.Id());
    TemplateData d = http::Object();
    d.set("period", p.Id());
    d.set("period_label", ctx.lang == "en" ? p.LabelEn() : p.LabelVi());
    d.set("periods", PeriodOptions(ctx, p.type(), p));
    bool can_target = access::HasPermission(*ctx.user, access::kReportApprove);
    TemplateData rows = http::List();
    for (auto& def : cat.definitions) {
      TemplateData x = http::Object();
      x.set("code", def.code);
      if (access::HasPermission(*ctx.user, access::kUsersAdmin)) x.set("show_code", true);
      x.set("name", ctx.lang == "en" && !def.name_en.empty() ? def.name_en : def.name_vi);
      x.set("unit", def.kind == indicator::Kind::kPercent ? std::string("%") : def.unit);
      x.set("kind", ctx.T("indicator.kind." + std::string(indicator::KindCode(def.kind))));
      x.set("direction",
            ctx.T("indicator.direction." + std::string(indicator::DirectionCode(def.direction))));
      x.set("task", def.key_no ? std::to_string(def.key_no) : "—");
      x.set("source", SourceLabel(ctx, def.provider.empty() ? "report" : def.provider));
      if (auto it = cat.targets.find(def.id); it != cat.targets.end())
        x.set("target", InputNum(it->second));
      if (can_target) x.set("can_target", true);
      rows.push_back(x);
    }
    d.set("rows", rows);
    // Rules read with the indicators' names ("Số hộ nghèo ≤ Tổng số hộ dân"); the codes they are
    // written in only for those who write them.
    std::map<std::string, std::string> names;
    for (auto& def : cat.definitions)
      names[def.code] = ctx.lang == "en" && !def.name_en.empty() ? def.name_en : def.name_vi;
    auto label = [&names, &ctx](const std::string& name) {
      bool den = name.size() > 4 && name.compare(name.size() - 4, 4, ".den") == 0;
      auto it = names.find(den ? name.substr(0, name.size() - 4) : name);
      std::string shown = it == names.end() ? name : it->second;
      return den ? ctx.T("report.denominator") + " (" + shown + ")" : shown;
    };
    bool can_define = access::HasPermission(*ctx.user, access::kUsersAdmin);
    TemplateData rules = http::List();
    for (auto& r : cat.rules) {
      TemplateData x = http::Object();
      x.set("name", r.name_vi);
      x.set("rule", r.left.Describe(label) + " " + std::string(indicator::OperatorSymbol(r.op)) +
                        " " + r.right.Describe(label));
      x.set("id", std::to_string(r.id));
      x.set("scope", r.scope_path.empty() ? ctx.T("indicator.rule_everywhere")
                                          : ctx.T("indicator.rule_commune"));
      if (can_define)
        x.set("expression", r.left.text() + " " + std::string(indicator::OperatorText(r.op)) + " " +
                                r.right.text());
      rules.push_back(x);
    }
    d.set("rules", rules);
    if (can_define) d.set("can_define", true);
    d.set("v", form);
    SetError(ctx, d, err);
    return layout.Page(ctx, "reporting/indicators", d, ctx.T("indicator.title"),
                       err ? err->status() : 200);
  };
  router.Get("/indicators", read,
             [catalogue_page](Ctx& ctx) { return catalogue_page(ctx, nullptr, http::Object()); });
  router.Post("/indicators", admin, [&svc, read_definition, catalogue_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    try {
      svc.DefineIndicator(ctx.AsActor(), read_definition(in));
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return catalogue_page(ctx, &e, http::EchoForm(in, {"code", "name_vi", "name_en", "unit"}));
    }
    return Response::Redirect("/indicators");
  });
  router.Post("/indicator-rules", admin, [&svc, read_rule, catalogue_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    try {
      auto [name, left, op, right] = read_rule(in);
      svc.AddRule(ctx.AsActor(), name, left, op, right);
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return catalogue_page(ctx, &e, http::EchoForm(in, {"name_vi", "left", "right"}));
    }
    return Response::Redirect("/indicators");
  });
  router.Post("/indicator-rules/{id}/delete", admin, [&svc](Ctx& ctx) {
    svc.DeleteRule(ctx.AsActor(), ctx.Id("id"));
    return Response::Redirect("/indicators");
  });
  router.Post("/indicators/{code}/targets", approve, [&svc, catalogue_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    std::string period;
    try {
      in.AllowOnly({"period", "target"});
      period = in.ReqStr("period", 10);
      svc.SetTarget(ctx.AsActor(), ctx.params.at("code"), svc.ActorCommune(ctx.AsActor()), period,
                    *in.Num("target", true));
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return catalogue_page(ctx, &e, http::Object());
    }
    return Response::Redirect("/indicators?period=" + period);
  });
  auto new_form_page = [&svc, &layout](Ctx& ctx, const Error* err, TemplateData form) {
    long long commune = svc.ActorCommune(ctx.AsActor());
    if (!commune) throw Error(gen_errors::kOutOfScope, "commune_id");
    TemplateData d = http::Object();
    IndicatorCatalogue cat = svc.Catalogue(ctx.AsActor(), commune,
                                           DefaultPeriod(PeriodType::kMonth, clock::Today()).Id());
    TemplateData inds = http::List();
    for (auto& def : cat.definitions) {
      if (!def.provider.empty()) continue;
      TemplateData x = http::Object();
      x.set("code", def.code);
      x.set("name", def.name_vi);
      inds.push_back(x);
    }
    d.set("indicators", inds);
    TemplateData units = http::List();
    for (auto& [id, name] : svc.CommuneUnits(ctx.AsActor(), commune)) {
      TemplateData x = http::Object();
      x.set("id", std::to_string(id));
      x.set("name", name);
      units.push_back(x);
    }
    d.set("units", units);
    TemplateData tasks = http::List();
    for (int k = 1; k <= 10; ++k) {
      TemplateData x = http::Object();
      x.set("k", std::to_string(k));
      x.set("title", TaskTitle(ctx, k));
      tasks.push_back(x);
    }
    d.set("tasks", tasks);
    if (!form.get("deadline_working_days")) form.set("deadline_working_days", "2");
    d.set("v", form);
    SetError(ctx, d, err);
    return layout.Page(ctx, "reporting/form_new", d, ctx.T("report.new_form"),
                       err ? err->status() : 200);
  };
  router.Get("/report-forms/new", approve,
             [new_form_page](Ctx& ctx) { return new_form_page(ctx, nullptr, http::Object()); });
  router.Post("/report-forms", approve, [&svc, read_form, new_form_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    try {
      std::vector<std::string> codes;
      Form f = read_form(ctx, in, codes);
      svc.CreateForm(ctx.AsActor(), f, codes);
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return new_form_page(
          ctx, &e, http::EchoForm(in, {"code", "name", "deadline_working_days", "indicators"}));
    }
    return Response::Redirect("/reports");
  });

  // ---- Exchange with the city ----
  router.Get("/api/v1/commune-reports/{id}/package", read, [&svc](Ctx& ctx) {
    Response r = Response::Json(svc.ExportPackage(ctx.AsActor(), ctx.Id("id")));
    r.SetHeader("Content-Disposition",
                "attachment; filename=\"bao-cao-" + std::to_string(ctx.Id("id")) + ".json\"");
    return r;
  });
  router.Get("/api/v1/commune-reports/{id}/adx", read, [&svc](Ctx& ctx) {
    Response r;
    r.content_type = "application/adx+xml; charset=utf-8";
    r.body = svc.ExportAdx(ctx.AsActor(), ctx.Id("id"));
    return r;
  });
  const Access import{std::string(access::kReportImport)};
  router.Post("/api/v1/city/packages", import, [&svc](Ctx& ctx) {
    if (ctx.req.Header("content-type").find("application/json") == std::string::npos)
      throw Error(gen_errors::kUnsupportedMediaType);
    ImportOutcome o = svc.ImportPackage(ctx.AsActor(), ctx.req.body);
    return http::JsonAnswer(json::object{{"package_id", o.package_id},
                                         {"changed", o.changed},
                                         {"commune", o.commune_name},
                                         {"period", o.period_id},
                                         {"number", o.doc_number}},
                            o.changed ? 201 : 200);
  });
  auto city_json = [](const CityOverview& v) {
    json::array communes, inds;
    for (auto& c : v.communes)
      communes.push_back({{"id", c.commune_id},
                          {"name", c.name},
                          {"expected", c.expected},
                          {"received", c.received},
                          {"on_time", c.on_time},
                          {"report_status", c.report_status},
                          {"number", c.doc_number}});
    for (auto& l : v.indicators) inds.push_back(LineJson(l));
    return json::object{{"city", v.city_name}, {"communes", communes}, {"indicators", inds}};
  };
  const Access city{std::string(access::kReportCity)};
  router.Get("/api/v1/city", city, [&svc, city_json](Ctx& ctx) {
    std::string period = ctx.req.Query("period");
    if (period.empty()) throw Error(gen_errors::kRequired, "period");
    return http::JsonAnswer(city_json(svc.City(ctx.AsActor(), period)));
  });
  router.Get("/city", city, [&svc, &layout](Ctx& ctx) {
    std::string q = ctx.req.Query("period");
    Period p = q.empty() ? DefaultPeriod(PeriodType::kMonth, clock::Today()) : ParsePeriodId(q);
    CityOverview v = svc.City(ctx.AsActor(), p.Id());
    TemplateData d = http::Object();
    d.set("city", v.city_name);
    d.set("period", p.Id());
    d.set("period_label", ctx.lang == "en" ? p.LabelEn() : p.LabelVi());
    d.set("periods", PeriodOptions(ctx, p.type(), p));
    TemplateData communes = http::List();
    int expected = 0, received = 0, on_time = 0, issued = 0;
    for (auto& c : v.communes) {
      TemplateData x = http::Object();
      x.set("id", std::to_string(c.commune_id));
      x.set("name", c.name);
      x.set("received", std::to_string(c.received) + "/" + std::to_string(c.expected));
      x.set("on_time", std::to_string(c.on_time));
      x.set("missing", std::to_string(c.expected - c.received));
      x.set("status", c.report_status);
      x.set("status_label", ctx.T("report.city_status." + c.report_status));
      if (!c.doc_number.empty()) x.set("number", c.doc_number);
      if (c.report_status == "issued" || c.report_status == "imported") ++issued;
      expected += c.expected, received += c.received, on_time += c.on_time;
      communes.push_back(x);
    }
    d.set("communes", communes);
    d.set("commune_count", std::to_string(v.communes.size()));
    d.set("issued", std::to_string(issued));
    d.set("received", std::to_string(received) + "/" + std::to_string(expected));
    d.set("on_time", std::to_string(on_time));
    TemplateData inds = http::List();
    for (auto& l : v.indicators) {
      if (!l.value) continue;
      TemplateData x = http::Object();
      x.set("task", l.def.key_no ? std::to_string(l.def.key_no) : "—");
      x.set("name", ctx.lang == "en" && !l.def.name_en.empty() ? l.def.name_en : l.def.name_vi);
      x.set("value", VnNumber(*l.value, 1) +
                         (l.def.kind == indicator::Kind::kPercent ? "%" : " " + l.def.unit));
      if (l.denominator)
        x.set("parts", VnNumber(*l.numerator, 2) + " / " + VnNumber(*l.denominator, 2));
      inds.push_back(x);
    }
    d.set("indicators", inds);
    return layout.Page(ctx, "reporting/city", d, ctx.T("report.city_title"));
  });

  // ---- Downloads ----
  auto titles_vi = [](const Ctx& ctx) {
    std::map<int, std::string> t;
    for (int k = 1; k <= 10; ++k)
      t[k] = ctx.i18n->Get("vi", "task." + std::to_string(k) + ".title");
    return t;
  };
  auto download = [](std::string body, const std::string& type, const std::string& file) {
    return http::Download(std::move(body), type, file);
  };
  // The dispatch the report answers, cited by its number, date, issuer and subject.
  auto document_of = [&directives, titles_vi](const Ctx& ctx, const CommuneReport& r) {
    std::string cite;
    if (auto d = directives.KeyTaskDispatch(r.commune_id))
      cite = documents::CiteDocument("Công văn", d->number_symbol, d->issued_on, d->issuer,
                                     d->subject);
    return ReportDocument(r, titles_vi(ctx), cite);
  };
  router.Get(
      "/commune-reports/{id}/docx", read, [&svc, &doc_layout, document_of, download](Ctx& ctx) {
        CommuneReport r = svc.GetReport(ctx.AsActor(), ctx.Id("id"));
        return download(documents::RenderDocx(document_of(ctx, r), doc_layout),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        ReportFileStem(r) + ".docx");
      });
  router.Get("/commune-reports/{id}/xlsx", read, [&svc, titles_vi, download](Ctx& ctx) {
    CommuneReport r = svc.GetReport(ctx.AsActor(), ctx.Id("id"));
    auto source_vi = [&ctx](const std::string& s) { return SourceLabel(*ctx.i18n, "vi", s); };
    return download(ReportAnnexXlsx(r, titles_vi(ctx), source_vi),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ReportFileStem(r) + "-phu-luc.xlsx");
  });
  router.Get(
      "/commune-reports/{id}/pdf", read, [&svc, &doc_layout, document_of, download](Ctx& ctx) {
        CommuneReport r = svc.GetReport(ctx.AsActor(), ctx.Id("id"));
        auto pdf =
            documents::ConvertDocxToPdf(documents::RenderDocx(document_of(ctx, r), doc_layout));
        if (!pdf) throw Error(errors::kPdfUnavailable);
        return download(std::move(*pdf), "application/pdf", ReportFileStem(r) + ".pdf");
      });

  // ---- Pages ----
  // Every form the user reports on or follows, for one period.
  router.Get("/reports", read, [&svc, &layout](Ctx& ctx) {
    TemplateData d = http::Object();
    TemplateData forms = http::List();
    const Actor actor = ctx.AsActor();
    for (auto& f : svc.Forms(actor)) {
      std::string q = ctx.req.Query("period");
      Period p = DefaultPeriod(f.period_type, clock::Today());
      if (!q.empty()) {
        auto parsed = ParsePeriodId(q);
        if (parsed.type() == f.period_type) p = parsed;
      }
      FormStatus st = svc.Status(actor, f.id, p.Id());
      TemplateData fd = http::Object();
      fd.set("id", std::to_string(f.id));
      fd.set("name", f.name);
      fd.set("period", p.Id());
      fd.set("period_label", ctx.lang == "en" ? p.LabelEn() : p.LabelVi());
      fd.set("deadline", st.deadline.ToVn());
      fd.set("periods", PeriodOptions(ctx, f.period_type, p));
      fd.set("received", std::to_string(st.completeness.received));
      fd.set("expected", std::to_string(st.completeness.expected));
      fd.set("on_time", std::to_string(st.completeness.on_time));
      TemplateData units = http::List();
      for (auto& u : st.units) {
        TemplateData ud = StatusBadge(ctx, u.current);
        ud.set("unit_id", std::to_string(u.unit_id));
        ud.set("unit", u.unit_name);
        if (u.reminders && !(u.current && u.current->first_submitted_on)) ud.set("reminded", true);
        units.push_back(ud);
      }
      fd.set("units", units);
      forms.push_back(fd);
    }
    d.set("forms", forms);
    if (access::HasPermission(*ctx.user, access::kReportApprove)) d.set("can_create_form", true);
    TemplateData reminders = http::List();
    for (auto& [form_id, name, period, at] : svc.Reminders(actor)) {
      TemplateData r = http::Object();
      r.set("form", name);
      auto p = Period::Parse(period);
      r.set("period", p ? p->LabelVi() : period);
      r.set("at", DateTimeVn(at));
      reminders.push_back(r);
    }
    if (!reminders.is_empty_list()) d.set("reminders", reminders);
    return layout.Page(ctx, "reporting/reports", d, ctx.T("report.title"));
  });
  // A form's reports for a period: completeness, each unit's status, reminders.
  router.Get("/reports/{form}/{period}", read, [&svc, &layout](Ctx& ctx) {
    FormStatus st = svc.Status(ctx.AsActor(), ctx.Id("form"), ctx.params.at("period"));
    TemplateData d = http::Object();
    d.set("form_id", std::to_string(st.form.id));
    d.set("form", st.form.name);
    d.set("period", st.period.Id());
    d.set("period_label", ctx.lang == "en" ? st.period.LabelEn() : st.period.LabelVi());
    d.set("window", st.period.WindowStart().ToVn() + " – " + st.period.WindowEnd().ToVn());
    d.set("deadline", st.deadline.ToVn());
    const Completeness& c = st.completeness;
    d.set("expected", std::to_string(c.expected));
    d.set("received", std::to_string(c.received));
    d.set("on_time", std::to_string(c.on_time));
    d.set("received_percent", VnNumber(c.ReceivedPercent(), 1));
    d.set("on_time_percent", VnNumber(c.OnTimePercent(), 1));
    d.set("missing", std::to_string(c.missing.size()));
    if (!c.missing.empty() && access::HasPermission(*ctx.user, access::kReportApprove))
      d.set("can_remind", true);
    if (std::string n = ctx.req.Query("reminded");
        !n.empty() && n.find_first_not_of("0123456789") == std::string::npos)
      d.set("reminded", ctx.i18n->Format(ctx.lang, "report.reminders_sent", {{"count", n}}));
    TemplateData units = http::List();
    for (auto& u : st.units) {
      TemplateData ud = StatusBadge(ctx, u.current);
      ud.set("unit_id", std::to_string(u.unit_id));
      ud.set("unit", u.unit_name);
      // Both set on every row: a row without them would take the page's on_time count (a
      // mustache section looks up the enclosing context) and call an unsent report on time.
      bool sent = u.current && u.current->first_submitted_on;
      if (sent) ud.set("submitted_on", u.current->first_submitted_on->ToVn());
      ud.set("on_time", sent && u.on_time);
      ud.set("late", sent && !u.on_time);
      if (u.current && u.current->version > 1)
        ud.set("version", std::to_string(u.current->version));
      if (u.reminders) ud.set("reminders", std::to_string(u.reminders));
      units.push_back(ud);
    }
    d.set("units", units);
    return layout.Page(ctx, "reporting/report_status", d, st.form.name);
  });
  router.Post("/report-forms/{id}/remind", approve, [&svc](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    in.AllowOnly({"period", "unit_ids"});
    std::string period = in.ReqStr("period", 10);
    int n = svc.Remind(ctx.AsActor(), ctx.Id("id"), period, in.IntList("unit_ids"), clock::Today());
    return Response::Redirect("/reports/" + std::to_string(ctx.Id("id")) + "/" + period +
                              "?reminded=" + std::to_string(n));
  });

  // One unit's report: the form to fill (draft or returned), or the report as sent with the
  // office's decisions.
  auto report_page = [&svc, &layout](Ctx& ctx, long long form_id, const std::string& period,
                                     long long unit_id, const Draft* typed, const Error* err,
                                     const std::vector<FieldError>& problems = {}) {
    const Actor actor = ctx.AsActor();
    Form f = svc.GetForm(actor, form_id);
    Submission s = svc.Open(actor, form_id, unit_id, period, clock::Today());
    Period p = ParsePeriodId(period);
    TemplateData d = StatusBadge(ctx, s);
    d.set("form_id", std::to_string(f.id));
    d.set("form", f.name);
    d.set("period", p.Id());
    d.set("period_label", ctx.lang == "en" ? p.LabelEn() : p.LabelVi());
    d.set("window", p.WindowStart().ToVn() + " – " + p.WindowEnd().ToVn());
    d.set("deadline", svc.Deadline(f, p).ToVn());
    d.set("unit_id", std::to_string(unit_id));
    d.set("unit", s.unit_name);
    if (s.id) d.set("submission_id", std::to_string(s.id));
    // The confirmation after a submission or a save (the page then shows what was sent).
    if (!err && problems.empty() && ctx.req.Query("sent") == "1") d.set("confirm_sent", true);
    if (!err && problems.empty() && ctx.req.Query("saved") == "1") d.set("confirm_saved", true);
    if (s.version > 1) d.set("version", std::to_string(s.version));
    if (!s.return_reason.empty() && s.status == SubmissionStatus::kReturned)
      d.set("return_reason", s.return_reason);
    if (!s.submitted_at.empty()) {
      d.set("submitted_at", DateTimeVn(s.submitted_at));
      d.set("submitted_by", s.submitted_by_name);
    }
    if (!s.decided_at.empty()) {
      d.set("decided_at", DateTimeVn(s.decided_at));
      d.set("decided_by", s.decided_by_name);
    }
    bool editable =
        (s.status == SubmissionStatus::kDraft || s.status == SubmissionStatus::kReturned) &&
        access::HasPermission(*ctx.user, access::kReportSubmit);
    bool can_decide = s.id && s.status == SubmissionStatus::kSubmitted &&
                      access::HasPermission(*ctx.user, access::kReportApprove);
    if (editable) {
      d.set("editable", true);
      d.set("request_key", store::RandomHex(16));  // this page's one sending
    }
    if (can_decide) d.set("can_decide", true);
    if (s.id && s.status == SubmissionStatus::kApproved) d.set("can_reopen", true);
    Draft shown;
    if (typed) {
      shown = *typed;
    } else {
      for (auto& def : f.indicators)
        if (auto it = s.values.find(def.id); it != s.values.end())
          shown.values[def.code] = it->second;
      shown.narratives = s.narratives;
      shown.justification = s.justification;
      shown.typed = s.typed;
    }
    // A saved draft shows what is still wrong with it, each problem beside its field.
    std::vector<FieldError> shown_problems = problems;
    if (!typed && editable && s.id) shown_problems = FieldProblems(svc, actor, f, shown, {}, false);
    TemplateData summary = http::List();
    d.set("indicators", IndicatorInputs(ctx, f, shown, shown_problems, summary));
    if (!f.required.empty()) d.set("has_required", true);
    if (!summary.is_empty_list()) {
      d.set("problems", summary);
      d.set("has_problems", true);
      d.set("problem_count", std::to_string(shown_problems.size()));
    }
    TemplateData tasks = http::List();
    for (int k : f.key_nos) {
      TemplateData x = http::Object();
      x.set("k", std::to_string(k));
      x.set("title", TaskTitle(ctx, k));  // "title" is without the task's number
      if (auto it = shown.narratives.find(k); it != shown.narratives.end()) {
        if (!it->second.results.empty()) x.set("results", it->second.results);
        if (!it->second.difficulties.empty()) x.set("difficulties", it->second.difficulties);
        if (!it->second.proposals.empty()) x.set("proposals", it->second.proposals);
        x.set("has_text",
              true);  // sections already written open; the others stay folded on a phone
      }
      tasks.push_back(x);
    }
    d.set("tasks", tasks);
    if (!shown.justification.empty()) d.set("justification", shown.justification);
    for (auto& pr : shown_problems)
      if (pr.code == errors::kRuleFailed.code) {
        d.set("needs_justification", true);
        d.set("rules_hint", ctx.Message(Error(errors::kRulesFailed)));
      }
    if (err) SetError(ctx, d, err);
    TemplateData versions = http::List();
    if (s.version > 1)
      for (auto& v : svc.Versions(actor, form_id, unit_id, period)) {
        TemplateData x = StatusBadge(ctx, v);
        x.set("version", std::to_string(v.version));
        x.set("submitted_at", v.submitted_at.empty() ? "" : DateTimeVn(v.submitted_at));
        versions.push_back(x);
      }
    if (!versions.is_empty_list()) d.set("versions", versions);
    return layout.Page(ctx, "reporting/report_fill", d, f.name + " — " + s.unit_name,
                       err                ? err->status()
                       : problems.empty() ? 200
                                          : 422);
  };
  router.Get("/reports/{form}/{period}/{unit}", read, [report_page](Ctx& ctx) {
    return report_page(ctx, ctx.Id("form"), ctx.params.at("period"), ctx.Id("unit"), nullptr,
                       nullptr);
  });
  router.Post("/reports/{form}/{period}/{unit}", submit, [&svc, report_page](Ctx& ctx) {
    long long form_id = ctx.Id("form");
    long long unit_id = ctx.Id("unit");
    std::string period = ctx.params.at("period");
    Input in = Input::FromForm(ctx.req.body);
    const Actor actor = ctx.AsActor();
    Form f = svc.GetForm(actor, form_id);
    Draft typed;
    try {
      std::vector<Error> unreadable;
      typed = ReadDraftForm(f, in, unreadable);
      bool is_submit = in.Enum("action", {"save", "submit"}, false).value_or("save") == "submit";
      auto problems = FieldProblems(svc, actor, f, typed, unreadable, is_submit);
      if (is_submit && !problems.empty())  // every problem at once; nothing written
        return report_page(ctx, form_id, period, unit_id, &typed, nullptr, problems);
      if (is_submit) {
        svc.Submit(actor, form_id, unit_id, period, typed, clock::Today());
      } else {
        // "Lưu nháp" keeps everything: a value with a problem of its own is kept as typed.
        KeepAsTyped(f, in, problems, typed);
        svc.Save(actor, form_id, unit_id, period, typed, clock::Today());
      }
      return Response::Redirect("/reports/" + std::to_string(form_id) + "/" + period + "/" +
                                std::to_string(unit_id) + (is_submit ? "?sent=1" : "?saved=1"));
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return report_page(ctx, form_id, period, unit_id, &typed, &e);
    }
  });
  auto decision = [&svc, report_page](Ctx& ctx, const std::string& what) {
    long long id = ctx.Id("id");
    Submission s = svc.GetSubmission(ctx.AsActor(), id);
    Input in = Input::FromForm(ctx.req.body);
    try {
      if (what == "approve") {
        in.AllowOnly({});
        svc.Approve(ctx.AsActor(), id, clock::Today());
      } else if (what == "return") {
        in.AllowOnly({"reason"});
        svc.Return(ctx.AsActor(), id, in.ReqStr("reason", 2000), clock::Today());
      } else {
        in.AllowOnly({});
        svc.Reopen(ctx.AsActor(), id, clock::Today());
      }
      return Response::Redirect("/reports/" + std::to_string(s.form_id) + "/" + s.period_id + "/" +
                                std::to_string(s.unit_id));
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return report_page(ctx, s.form_id, s.period_id, s.unit_id, nullptr, &e);
    }
  };
  router.Post("/submissions/{id}/approve", approve,
              [decision](Ctx& ctx) { return decision(ctx, "approve"); });
  router.Post("/submissions/{id}/return", approve,
              [decision](Ctx& ctx) { return decision(ctx, "return"); });
  router.Post("/submissions/{id}/reopen", submit,
              [decision](Ctx& ctx) { return decision(ctx, "reopen"); });

  // The commune's consolidated report for a period.
  auto commune_page = [&svc, &layout](Ctx& ctx, const std::string& period_id, const Error* err) {
    const Actor actor = ctx.AsActor();
    long long commune = svc.ActorCommune(actor);
    if (std::string q = ctx.req.Query("commune"); !q.empty()) commune = std::atoll(q.c_str());
    if (!commune) throw Error(gen_errors::kOutOfScope, "commune_id");
    Period p = period_id.empty() ? DefaultPeriod(PeriodType::kMonth, clock::Today())
                                 : ParsePeriodId(period_id);
    TemplateData d = http::Object();
    d.set("period", p.Id());
    d.set("period_label", ctx.lang == "en" ? p.LabelEn() : text::ToLowerFirst(p.LabelVi()));
    d.set("periods", PeriodOptions(ctx, p.type(), p));
    if (commune != svc.ActorCommune(actor)) d.set("commune", std::to_string(commune));
    bool can_edit = access::HasPermission(*ctx.user, access::kReportApprove);
    if (can_edit) d.set("can_build", true);
    SetError(ctx, d, err);
    if (auto id = svc.FindReport(actor, commune, p.Id())) {
      CommuneReport r = svc.GetReport(actor, *id);
      TemplateData rd = http::Object();
      rd.set("id", std::to_string(r.id));
      rd.set("subject", r.subject);
      rd.set("signer", r.signer);
      rd.set("signer_authority", r.signer_authority);
      rd.set("signer_title", r.signer_title);
      rd.set("recipients", r.recipients);
      rd.set("approved_reports", std::to_string(r.approved_reports));
      if (r.status == "issued") {
        rd.set("issued", true);
        rd.set("number", ReportNumber(r.doc_no));
        if (r.issued_on) rd.set("issued_on", r.issued_on->ToVn());
      } else if (can_edit) {
        rd.set("editable", true);
      }
      TemplateData sections = http::List();
      for (auto& [k, body] : r.sections) {
        TemplateData s = http::Object();
        s.set("k", std::to_string(k));
        s.set("title", TaskTitle(ctx, k));
        s.set("body", body);
        sections.push_back(s);
      }
      rd.set("sections", sections);
      TemplateData inds = http::List();
      for (auto& l : r.indicators) {
        TemplateData x = http::Object();
        x.set("task", std::to_string(l.def.key_no));
        x.set("name", ctx.lang == "en" && !l.def.name_en.empty() ? l.def.name_en : l.def.name_vi);
        std::string unit = l.def.kind == indicator::Kind::kPercent ? "%" : " " + l.def.unit;
        x.set("value", l.value ? VnNumber(*l.value, 1) + unit : ctx.T("report.no_data"));
        if (l.target) x.set("target", VnNumber(*l.target, 1) + unit);
        if (l.value && l.target) {
          bool met = indicator::MeetsTarget(l.def, *l.value, *l.target);
          x.set(met ? "met" : "not_met", true);
        }
        x.set("source", SourceLabel(ctx, l.source));
        std::string parts;
        for (auto& [label, n, d] : l.parts)
          parts += (parts.empty() ? "" : " · ") + label + ": " + VnNumber(n, 2);
        if (!parts.empty()) x.set("parts", parts);
        inds.push_back(x);
      }
      rd.set("indicators", inds);
      d.set("report", rd);
    }
    if (documents::PdfConverterAvailable()) d.set("pdf", true);
    return layout.Page(ctx, "reporting/commune_report", d, ctx.T("report.commune_title"),
                       err ? err->status() : 200);
  };
  router.Get("/commune-reports", read, [commune_page](Ctx& ctx) {
    return commune_page(ctx, ctx.req.Query("period"), nullptr);
  });
  router.Post("/commune-reports", approve, [&svc, commune_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    in.AllowOnly({"period"});
    std::string period = in.ReqStr("period", 10);
    ParsePeriodId(period);
    try {
      svc.Consolidate(ctx.AsActor(), svc.ActorCommune(ctx.AsActor()), period, clock::Today());
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return commune_page(ctx, period, &e);
    }
    return Response::Redirect("/commune-reports?period=" + period);
  });
  router.Post("/commune-reports/{id}", approve, [&svc, commune_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    CommuneReport cur = svc.GetReport(ctx.AsActor(), ctx.Id("id"));
    try {
      for (auto& key : in.Keys()) {
        bool known = key == "subject" || key == "signer" || key == "signer_authority" ||
                     key == "signer_title" || key == "recipients";
        for (int k = 1; k <= 10; ++k) known = known || key == "section_" + std::to_string(k);
        if (!known) throw Error(gen_errors::kUnknownField, key);
      }
      ReportHeader h{in.ReqStr("subject", 500), in.Str("signer", 200, false).value_or(""),
                     in.ReqStr("signer_authority", 100), in.ReqStr("signer_title", 100),
                     in.Str("recipients", 2000, false).value_or("")};
      // Forms collapse white space; line breaks are kept by reading the raw text.
      std::map<int, std::string> sections;
      for (int k = 1; k <= 10; ++k)
        if (in.Has("section_" + std::to_string(k)))
          sections[k] = in.RawText("section_" + std::to_string(k), 20000);
      h.recipients = in.RawText("recipients", 2000);
      svc.EditReport(ctx.AsActor(), cur.id, h, sections);
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return commune_page(ctx, cur.period_id, &e);
    }
    return Response::Redirect("/commune-reports?period=" + cur.period_id + "&saved=1");
  });
  router.Post("/commune-reports/{id}/issue", approve, [&svc, commune_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    CommuneReport cur = svc.GetReport(ctx.AsActor(), ctx.Id("id"));
    try {
      in.AllowOnly({});
      svc.Issue(ctx.AsActor(), cur.id, clock::Today());
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return commune_page(ctx, cur.period_id, &e);
    }
    return Response::Redirect("/commune-reports?period=" + cur.period_id);
  });
}

}  // namespace kientao::reporting
