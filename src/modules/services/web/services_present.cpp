// The presenters of the dossier register's pages: each builds one page's data from the service's
// answers, in the reader's language, with numbers and dates the Vietnamese way.
#include "modules/services/web/services_present.hpp"

#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/citizen_id.hpp"
#include "base/text.hpp"
#include "http/form.hpp"
#include "modules/services/domain/steps.hpp"
#include "modules/services/permissions.hpp"

namespace kientao::services {

using http::Ctx;
using http::TemplateData;

namespace {

std::string Pct(const std::optional<double>& v) {
  return v ? text::VnNumber(*v, 1) + " %" : std::string("—");
}
std::string Num(long long n) { return text::VnNumber(static_cast<double>(n), 0); }

TemplateData Figure(const Ctx& ctx, const std::string& key, const std::string& value,
                    const std::string& testid) {
  TemplateData f = http::Object();
  f.set("label", ctx.T("services.stat." + key));
  f.set("value", value);
  f.set("testid", testid);
  return f;
}

std::string MonthLabel(const std::string& ym) {  // "2026-11" → "11/2026"
  return ym.size() == 7 ? ym.substr(5, 2) + "/" + ym.substr(0, 4) : ym;
}

TemplateData Options(const std::vector<std::pair<std::string, std::string>>& choices,
                     const std::string& selected) {
  TemplateData list = http::List();
  for (const auto& [value, label] : choices) {
    TemplateData o = http::Object();
    o.set("value", value);
    o.set("label", label);
    if (value == selected) o.set("selected", true);
    list.push_back(o);
  }
  return list;
}

// One field of a form: its label, what was typed, and its problem beside it.
TemplateData Field(const Ctx& ctx, const TemplateData& values, const Error* err,
                   const std::string& name, bool required) {
  TemplateData f = http::Object();
  f.set("name", name);
  // The module's own wording where the shared one is too general ("Đơn vị tiếp nhận").
  std::string own = "services.field." + name;
  f.set("label", ctx.T(ctx.i18n->Has(ctx.lang, own) ? own : "field." + name));
  if (required) f.set("required", true);
  const TemplateData* v = values.get(name);
  f.set("value", v && v->is_string() ? v->string_value() : std::string());
  if (err) {
    for (const FieldError& fe : err->details())
      if (fe.field == name) f.set("msg", ctx.i18n->ErrorMessage(ctx.lang, fe));
    if (err->details().empty() && err->field() == name) f.set("msg", ctx.Message(*err));
  }
  return f;
}

}  // namespace

namespace {

// The two cards of figures: online, and handling.
void StatsFigures(TemplateData& d, const Ctx& ctx, const Stats& s) {
  const StatsCounts& c = s.counts;
  TemplateData online = http::List(), handling = http::List();
  online.push_back(Figure(ctx, "received", Num(c.received), "stat-received"));
  online.push_back(Figure(ctx, "online", Num(c.online), "stat-online"));
  online.push_back(Figure(ctx, "full_process_online", Num(c.full_process_online), "stat-fpo"));
  online.push_back(
      Figure(ctx, "full_process_rate_all", Pct(s.rates.full_process_rate_all), "stat-fpo-all"));
  online.push_back(Figure(ctx, "full_process_rate_online_procedures",
                          Pct(s.rates.full_process_rate_online_procedures), "stat-fpo-proc"));
  online.push_back(
      Figure(ctx, "online_payment_rate", Pct(s.rates.online_payment_rate), "stat-payment"));
  handling.push_back(Figure(ctx, "resolved", Num(c.resolved), "stat-resolved"));
  handling.push_back(Figure(ctx, "early", Num(c.early), "stat-early"));
  handling.push_back(Figure(ctx, "on_time", Num(c.on_time), "stat-on-time"));
  handling.push_back(Figure(ctx, "late", Num(c.late), "stat-late"));
  handling.push_back(Figure(ctx, "on_time_rate", Pct(s.rates.on_time_rate), "stat-on-time-rate"));
  handling.push_back(
      Figure(ctx, "late_rate_to_handle", Pct(s.rates.late_rate_to_handle), "stat-late-gl"));
  handling.push_back(Figure(ctx, "overdue_open", Num(c.overdue_open), "stat-overdue"));
  d.set("online", online);
  d.set("handling", handling);
}

// The months as a table, and the trend drawn from the same numbers.
void StatsMonths(TemplateData& d, const Ctx& ctx, const Stats& s) {
  TemplateData months = http::List();
  for (const auto& m : s.months) {
    TemplateData row = http::Object();
    row.set("month", MonthLabel(m.month));
    row.set("received", Num(m.received));
    row.set("fpo", Num(m.full_process_online));
    row.set("fpo_rate", Pct(Percent(m.full_process_online, m.received)));
    row.set("resolved", Num(m.resolved));
    row.set("on_time_rate", Pct(Percent(m.in_time, m.resolved)));
    months.push_back(row);
  }
  d.set("months", months);
  if (s.months.empty()) d.set("no_months", true);
  // The trend: both rates month by month (the table above holds the same numbers).
  boost::json::array labels, fpo_rates, on_time_rates;
  for (const auto& m : s.months) {
    labels.push_back(boost::json::value(MonthLabel(m.month)));
    auto f = Percent(m.full_process_online, m.received), o = Percent(m.in_time, m.resolved);
    fpo_rates.push_back(f ? boost::json::value(*f) : boost::json::value(nullptr));
    on_time_rates.push_back(o ? boost::json::value(*o) : boost::json::value(nullptr));
  }
  if (s.months.size() > 1)
    d.set("trend",
          boost::json::serialize(boost::json::object{
              {"labels", labels},
              {"series",
               boost::json::array{
                   boost::json::object{{"name", ctx.T("services.stat.full_process_rate_all")},
                                       {"data", fpo_rates}},
                   boost::json::object{{"name", ctx.T("services.stat.on_time_rate")},
                                       {"data", on_time_rates}}}}}));
}

// By procedure and by sector.
void StatsBreakdowns(TemplateData& d, const Ctx& ctx, const Stats& s) {
  auto breakdown = [&](const std::vector<ServicesStore::ProcedureRow>& rows) {
    TemplateData list = http::List();
    for (const auto& p : rows) {
      TemplateData row = http::Object();
      row.set("name", p.name.empty() ? ctx.T("services.no_sector") : p.name);
      row.set("received", Num(p.received));
      row.set("fpo_rate", Pct(Percent(p.full_process_online, p.received)));
      row.set("resolved", Num(p.resolved));
      row.set("late", Num(p.late));
      row.set("on_time_rate", Pct(Percent(p.in_time, p.resolved)));
      list.push_back(row);
    }
    return list;
  };
  d.set("procedures", breakdown(s.procedures));
  d.set("sectors", breakdown(s.sectors));
  if (!s.procedures.empty()) d.set("has_breakdown", true);
}

// By channel and by civil servant.
void StatsChannelsAndClerks(TemplateData& d, const Ctx& ctx, const Stats& s) {
  const StatsCounts& c = s.counts;
  TemplateData channels = http::List();
  long long counter = c.received - c.online - c.post;
  for (auto [code, n] : std::initializer_list<std::pair<const char*, long long>>{
           {"online", c.online}, {"counter", counter}, {"post", c.post}}) {
    TemplateData row = http::Object();
    row.set("label", ctx.T(std::string("services.channel.") + code));
    row.set("count", Num(n));
    row.set("share", Pct(Percent(n, c.received)));
    channels.push_back(row);
  }
  d.set("channels", channels);
  TemplateData handlers = http::List();
  for (const auto& h : s.handlers) {
    TemplateData row = http::Object();
    row.set("name", h.handler.empty() ? ctx.T("services.no_handler") : h.handler);
    row.set("received", Num(h.received));
    row.set("resolved", Num(h.resolved));
    row.set("late", Num(h.late));
    row.set("on_time_rate", Pct(Percent(h.in_time, h.resolved)));
    handlers.push_back(row);
  }
  d.set("handlers", handlers);
}

}  // namespace

TemplateData StatsPage(const Ctx& ctx, const Stats& s) {
  TemplateData d = http::Object();
  d.set("from", s.from.ToVn());
  d.set("to", s.to.ToVn());
  d.set("from_iso", s.from.ToIso());
  d.set("to_iso", s.to.ToIso());
  StatsFigures(d, ctx, s);
  StatsMonths(d, ctx, s);
  StatsBreakdowns(d, ctx, s);
  StatsChannelsAndClerks(d, ctx, s);
  return d;
}

TemplateData RegisterPage(const Ctx& ctx, const DossierFilter& f, const DossierPage& page,
                          const std::vector<Procedure>& procedures) {
  TemplateData d = http::Object();
  TemplateData rows = http::List();
  for (const auto& r : page.rows) {
    TemplateData row = http::Object();
    row.set("id", std::to_string(r.id));
    row.set("code", r.d.code);
    row.set("procedure", r.procedure_name);
    row.set("applicant", r.d.applicant_name);
    row.set("received_on", r.d.received_on.ToVn());
    row.set("due_on", r.d.due_on.ToVn());
    row.set("returned_on", r.d.returned_on ? r.d.returned_on->ToVn() : std::string());
    row.set("channel", ctx.T("services.channel." + std::string(ChannelCode(r.d.channel))));
    row.set("status", ctx.T("services.status." + std::string(StatusCode(r.d.status))));
    if (r.d.full_process_online) row.set("fpo", true);
    rows.push_back(row);
  }
  d.set("rows", rows);
  if (page.rows.empty()) d.set("empty", true);
  d.set("q", f.query);
  d.set("from", f.from ? f.from->ToVn() : std::string());
  d.set("to", f.to ? f.to->ToVn() : std::string());
  std::vector<std::pair<std::string, std::string>> statuses{{"", ctx.T("services.all_statuses")}};
  for (Status s : AllStatuses()) {
    std::string code(StatusCode(s));
    statuses.emplace_back(code, ctx.T("services.status." + code));
  }
  d.set("statuses", Options(statuses, f.status));
  std::vector<std::pair<std::string, std::string>> procs{{"", ctx.T("services.all_procedures")}};
  for (const auto& p : procedures) procs.emplace_back(std::to_string(p.id), p.name);
  d.set("procedures", Options(procs, f.procedure_id ? std::to_string(f.procedure_id) : ""));
  long long first = page.total ? f.offset + 1 : 0;
  long long last = f.offset + static_cast<long long>(page.rows.size());
  d.set("shown",
        ctx.i18n->Format(ctx.lang, "services.shown",
                         {{"first", Num(first)}, {"last", Num(last)}, {"total", Num(page.total)}}));
  int pageno = f.offset / f.limit + 1;
  std::string query = "q=" + http::UrlEncode(f.query) + "&status=" + http::UrlEncode(f.status) +
                      (f.procedure_id ? "&procedure_id=" + std::to_string(f.procedure_id) : "") +
                      (f.from ? "&from=" + f.from->ToIso() : "") +
                      (f.to ? "&to=" + f.to->ToIso() : "");
  if (pageno > 1)
    d.set("prev", "/services/dossiers?" + query + "&page=" + std::to_string(pageno - 1));
  if (last < page.total)
    d.set("next", "/services/dossiers?" + query + "&page=" + std::to_string(pageno + 1));
  if (access::HasPermission(*ctx.user, access::kServicesWrite)) d.set("can_write", true);
  if (access::HasPermission(*ctx.user, access::kServicesImport)) d.set("can_import", true);
  return d;
}

TemplateData DossierPageData(const Ctx& ctx, const DossierRow& r,
                             const std::vector<DossierEvent>& events,
                             const std::string& chosen_step) {
  TemplateData d = http::Object();
  d.set("id", std::to_string(r.id));
  d.set("code", r.d.code);
  d.set("procedure", r.procedure_name);
  d.set("procedure_code", r.procedure_code);
  d.set("online_level", ctx.T("services.level." + std::string(OnlineLevelCode(r.online_level))));
  d.set("applicant", r.d.applicant_name);
  if (!r.d.citizen_id.empty()) d.set("citizen_id_masked", MaskCitizenId(r.d.citizen_id));
  d.set("received",
        r.d.received_on.ToVn() + (r.d.received_time.empty() ? "" : " " + r.d.received_time));
  d.set("channel", ctx.T("services.channel." + std::string(ChannelCode(r.d.channel))));
  d.set("fpo", ctx.T(r.d.full_process_online ? "services.yes" : "services.no"));
  d.set("due_on", r.d.due_on.ToVn());
  d.set("status", ctx.T("services.status." + std::string(StatusCode(r.d.status))));
  if (r.d.returned_on) {
    d.set("returned_on", r.d.returned_on->ToVn());
    Timeliness t = TimelinessOf(r.d.due_on, *r.d.returned_on);
    d.set("timeliness", ctx.T(t == Timeliness::kEarly    ? "services.stat.early"
                              : t == Timeliness::kOnTime ? "services.stat.on_time"
                                                         : "services.stat.late"));
  }
  d.set("handler", r.d.handler);
  TemplateData timeline = http::List();
  size_t n = 0;
  for (const auto& e : events) {
    TemplateData item = http::Object();
    item.set("at", e.at.size() >= 16
                       ? Date::ParseIso(e.at.substr(0, 10))->ToVn() + " " + e.at.substr(11, 5)
                       : e.at);
    std::string key = "services.event." + e.kind;
    item.set("kind", ctx.T(ctx.i18n->Has(ctx.lang, key) ? key : "services.step." + e.kind));
    item.set("actor", e.actor);
    if (!e.form.empty()) {
      item.set("form", ctx.i18n->Format(ctx.lang, "services.form_no", {{"form", e.form}}));
      item.set("notice",
               "/services/dossiers/" + std::to_string(r.id) + "/notices/" + std::to_string(n + 1));
    }
    if (!e.note.empty()) item.set("note", e.note);
    if (e.day) item.set("day", e.day->ToVn());
    if (e.due_on) {
      item.set("new_due", e.due_on->ToVn());
      d.set("extended_to", e.due_on->ToVn());
    }
    timeline.push_back(item);
    ++n;
  }
  // The steps the dossier's status allows, for the form.
  TemplateData steps = http::List();
  for (const StepRule* rule : StepsFrom(r.d.status)) {
    TemplateData o = http::Object();
    o.set("value", std::string(rule->code));
    if (rule->code == chosen_step) o.set("selected", true);
    o.set("label",
          ctx.T("services.step." + std::string(rule->code)) +
              (rule->form.empty() ? std::string()
                                  : " (" +
                                        ctx.i18n->Format(ctx.lang, "services.form_no",
                                                         {{"form", std::string(rule->form)}}) +
                                        ")"));
    steps.push_back(o);
  }
  if (!steps.is_empty_list()) d.set("steps", steps);
  d.set("timeline", timeline);
  if (events.empty()) d.set("no_timeline", true);
  return d;
}

TemplateData CounterForm(const Ctx& ctx, const TemplateData& values,
                         const std::vector<ServiceUnit>& units,
                         const std::vector<Procedure>& procedures, const Error* err) {
  TemplateData d = http::Object();
  auto get = [&](const char* k) {
    const TemplateData* v = values.get(k);
    return v && v->is_string() ? v->string_value() : std::string();
  };
  std::vector<std::pair<std::string, std::string>> units_o, procs, channels;
  for (const auto& u : units)
    units_o.emplace_back(
        std::to_string(u.id),
        std::string(static_cast<size_t>(std::max(0, u.depth - 2)) * 2, ' ') + u.name);
  for (const auto& p : procedures)
    procs.emplace_back(std::to_string(p.id),
                       p.name + " (" +
                           ctx.i18n->Format(ctx.lang, "services.days",
                                            {{"days", std::to_string(p.handling_days)}}) +
                           ")");
  for (const char* c : {"counter", "online", "post"})
    channels.emplace_back(c, ctx.T(std::string("services.channel.") + c));
  TemplateData fields = http::List();
  for (auto [name, required] : std::initializer_list<std::pair<const char*, bool>>{
           {"applicant_name", true}, {"citizen_id", false}, {"code", false}, {"handler", false}})
    fields.push_back(Field(ctx, values, err, name, required));
  d.set("fields", fields);
  TemplateData selects = http::List();
  auto select = [&](const char* name, const std::vector<std::pair<std::string, std::string>>& o) {
    TemplateData f = Field(ctx, values, err, name, true);
    f.set("options", Options(o, get(name)));
    selects.push_back(f);
  };
  select("procedure_id", procs);
  select("unit_id", units_o);
  select("channel", channels);
  d.set("selects", selects);
  TemplateData fpo = Field(ctx, values, err, "full_process_online", false);
  if (get("full_process_online") == "on" || get("full_process_online") == "1")
    fpo.set("checked", true);
  d.set("fpo", fpo);
  if (err) http::SetFormError(d, ctx, *err);
  return d;
}

TemplateData Index766Page(const Ctx& ctx, const ServicesService::Score766& x,
                          const Index766Rules& rules) {
  auto num = [](double v) { return text::VnNumber(v, 2); };
  TemplateData d = http::Object(), groups = http::List();
  d.set("from", x.stats.from.ToVn());
  d.set("to", x.stats.to.ToVn());
  for (const auto& g : x.index.groups) {
    TemplateData row = http::Object(), parts = http::List();
    row.set("code", g.code);
    row.set("name", ctx.T("services.g766." + g.code));
    row.set("max", num(g.max));
    row.set("rate", Pct(g.rate));
    row.set("points", g.points ? num(*g.points) + " / " + num(g.max_with_data) : std::string("—"));
    if (!g.points) row.set("no_data", true);
    for (const auto& [code, rate] : g.parts) {
      TemplateData p = http::Object();
      p.set("name", ctx.T("services.g766_part." + code));
      p.set("rate", Pct(rate));
      parts.push_back(p);
    }
    row.set("parts", parts);
    groups.push_back(row);
  }
  d.set("groups", groups);
  d.set("points", num(x.index.points));
  d.set("max_with_data", num(x.index.max_with_data));
  if (!rules.points_verified) d.set("points_unverified", true);
  if (!x.dissatisfied) d.set("no_survey", true);
  return d;
}

}  // namespace kientao::services
