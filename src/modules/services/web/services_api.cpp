// The dossier register's JSON API (/api/v1/services/…): parse, call the service, answer.
#include <boost/json.hpp>

#include "base/citizen_id.hpp"
#include "base/csv.hpp"
#include "base/text.hpp"
#include "http/input.hpp"
#include "modules/documents/xlsx.hpp"
#include "modules/services/errors.hpp"
#include "modules/services/permissions.hpp"
#include "modules/services/web/services_present.hpp"
#include "modules/services/web/services_web.hpp"

namespace kientao::services {

namespace json = boost::json;
using http::Access;
using http::Ctx;
using http::Input;
using http::Response;

namespace {

json::value Rate(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object ImportJson(const ImportResult& r) {
  return {{"created", r.created}, {"updated", r.updated}, {"unchanged", r.unchanged}};
}

}  // namespace

json::object DossierJson(const DossierRow& r) {
  const DossierDraft& d = r.d;
  json::object o;
  o["id"] = r.id;
  o["code"] = d.code;
  o["procedure"] = json::object{{"id", d.procedure_id},
                                {"code", r.procedure_code},
                                {"name", r.procedure_name},
                                {"online_level", std::string(OnlineLevelCode(r.online_level))}};
  o["unit_id"] = d.unit_id;
  o["applicant_name"] = d.applicant_name;
  o["citizen_id_masked"] =
      d.citizen_id.empty() ? json::value(nullptr) : json::value(MaskCitizenId(d.citizen_id));
  o["received_on"] = d.received_on.ToIso();
  o["received_time"] =
      d.received_time.empty() ? json::value(nullptr) : json::value(d.received_time);
  o["channel"] = std::string(ChannelCode(d.channel));
  o["full_process_online"] = d.full_process_online;
  o["due_on"] = d.due_on.ToIso();
  o["returned_on"] = d.returned_on ? json::value(d.returned_on->ToIso()) : json::value(nullptr);
  o["status"] = std::string(StatusCode(d.status));
  o["fee_paid_online"] = d.fee_paid_online;
  o["handler"] = d.handler;
  return o;
}

json::array BreakdownJson(const std::vector<ServicesStore::ProcedureRow>& rows, bool procedures) {
  json::array out;
  for (const auto& p : rows) {
    json::object o;
    if (procedures) {
      o["code"] = p.code;
      o["name"] = p.name;
    }
    o["sector"] = p.sector;
    o["received"] = p.received;
    o["full_process_online"] = p.full_process_online;
    o["full_process_rate_all"] = Rate(Percent(p.full_process_online, p.received));
    o["resolved"] = p.resolved;
    o["late"] = p.late;
    o["on_time_rate"] = Rate(Percent(p.in_time, p.resolved));
    out.push_back(std::move(o));
  }
  return out;
}

json::array HandlersJson(const std::vector<ServicesStore::HandlerRow>& rows) {
  json::array out;
  for (const auto& h : rows)
    out.push_back(json::object{{"handler", h.handler},
                               {"received", h.received},
                               {"resolved", h.resolved},
                               {"late", h.late},
                               {"on_time_rate", Rate(Percent(h.in_time, h.resolved))}});
  return out;
}

json::object StatsJson(const Stats& s) {
  const StatsCounts& c = s.counts;
  json::array months;
  for (const auto& m : s.months)
    months.push_back(
        json::object{{"month", m.month},
                     {"received", m.received},
                     {"full_process_online", m.full_process_online},
                     {"full_process_rate_all", Rate(Percent(m.full_process_online, m.received))},
                     {"resolved", m.resolved},
                     {"on_time_rate", Rate(Percent(m.in_time, m.resolved))}});
  return {
      {"from", s.from.ToIso()},
      {"to", s.to.ToIso()},
      {"received", c.received},
      {"online", c.online},
      {"full_process_online", c.full_process_online},
      {"full_process_rate_all", Rate(s.rates.full_process_rate_all)},
      {"full_process_rate_online_procedures", Rate(s.rates.full_process_rate_online_procedures)},
      {"resolved", c.resolved},
      {"early", c.early},
      {"on_time", c.on_time},
      {"late", c.late},
      {"on_time_rate", Rate(s.rates.on_time_rate)},
      {"to_handle", c.to_handle},
      {"late_to_handle", c.late_to_handle},
      {"late_rate_to_handle", Rate(s.rates.late_rate_to_handle)},
      {"with_fee", c.with_fee},
      {"paid_online", c.paid_online},
      {"online_payment_rate", Rate(s.rates.online_payment_rate)},
      {"overdue_open", c.overdue_open},
      {"by_channel",
       json::object{
           {"online", c.online}, {"counter", c.received - c.online - c.post}, {"post", c.post}}},
      {"by_procedure", BreakdownJson(s.procedures, true)},
      {"by_sector", BreakdownJson(s.sectors, false)},
      {"by_handler", HandlersJson(s.handlers)},
      {"months", months}};
}

json::object Index766Json(const ServicesService::Score766& x, const Index766Rules& rules) {
  json::array groups;
  for (const auto& g : x.index.groups) {
    json::array parts;
    for (const auto& [code, rate] : g.parts)
      parts.push_back(json::object{{"code", code}, {"rate", Rate(rate)}});
    groups.push_back(json::object{{"code", g.code},
                                  {"max", g.max},
                                  {"max_with_data", g.max_with_data},
                                  {"rate", Rate(g.rate)},
                                  {"points", Rate(g.points)},
                                  {"parts", parts}});
  }
  return {{"from", x.stats.from.ToIso()},
          {"to", x.stats.to.ToIso()},
          {"points", x.index.points},
          {"max_with_data", x.index.max_with_data},
          {"points_verified", rules.points_verified},
          {"dissatisfied", x.dissatisfied ? json::value(*x.dissatisfied) : json::value(nullptr)},
          {"groups", groups}};
}

// A date query parameter; GEN-0008 naming it when absent or not a date.
Date QueryDate(const Ctx& ctx, const std::string& name) {
  auto d = Date::ParseIso(ctx.req.Query(name));
  if (!d) throw Error(gen_errors::kInvalidDate, name, {{"value", ctx.req.Query(name)}});
  return *d;
}

CounterEntry ReadCounterEntry(const Input& in) {
  in.AllowOnly({"code", "procedure_id", "unit_id", "applicant_name", "citizen_id", "received_time",
                "channel", "full_process_online", "handler"});
  http::FieldProblems p;
  CounterEntry e;
  e.code = p.Take([&] { return in.Str("code", 40, false).value_or(""); });
  e.procedure_id = p.Take([&] { return in.Int("procedure_id", false).value_or(0); });
  e.unit_id = p.Take([&] { return in.Int("unit_id", false).value_or(0); });
  e.applicant_name = p.Take([&] { return in.Str("applicant_name", 200, false).value_or(""); });
  e.citizen_id = p.Take([&] { return in.Str("citizen_id", 12, false).value_or(""); });
  e.received_time = p.Take([&] { return in.Str("received_time", 5, false).value_or(""); });
  std::string channel = p.Take([&] {
    return in.Enum("channel", {"online", "counter", "post"}, true).value_or("counter");
  });
  e.channel = ParseChannel(channel).value_or(Channel::kCounter);
  e.full_process_online = p.Take([&] { return in.Bool("full_process_online"); }).value_or(false);
  e.handler = p.Take([&] { return in.Str("handler", 200, false).value_or(""); });
  p.ThrowIfAny();
  return e;
}

std::string SpreadsheetAsCsv(const std::string& bytes, std::string& charset) {
  if (bytes.rfind("PK\x03\x04", 0) != 0) return bytes;  // not a zip archive: CSV as sent
  if (!documents::PdfConverterAvailable()) throw Error(errors::kPdfUnavailable, "file");
  auto csv = documents::ConvertWithLibreOffice(bytes, "xlsx",
                                               "csv:Text - txt - csv (StarCalc):44,34,76", "csv");
  if (!csv) throw Error(errors::kUnreadableSheet, "file");
  charset = "utf-8";
  return *csv;
}

ColumnMapping ReadMapping(const Input& in) {
  http::FieldProblems p;
  ColumnMapping m;
  if (in.json()) in.AllowOnly({"source", "header_row", "columns"});
  m.source = p.Take([&] { return in.Str("source", 200, false).value_or(""); });
  m.header_row = static_cast<int>(p.Take([&] { return in.Int("header_row", false).value_or(1); }));
  if (in.json()) {
    if (auto text = in.JsonText("columns")) {
      json::value v = json::parse(*text);
      if (!v.is_object()) throw Error(gen_errors::kWrongType, "columns");
      for (const auto& [header, column] : v.as_object()) {
        if (!column.is_string()) throw Error(gen_errors::kWrongType, "columns");
        m.columns[text::Fold(text::NormalizeSpace(header))] = std::string(column.as_string());
      }
    }
  } else {
    for (int i = 0; i < 200; ++i) {
      std::string n = std::to_string(i);
      if (!in.Has("h" + n)) break;
      std::string header = in.Str("h" + n, 500, false).value_or("");
      m.columns[text::Fold(text::NormalizeSpace(header))] = in.Str("c" + n, 40, false).value_or("");
    }
  }
  p.ThrowIfAny();
  return m;
}

json::object MappingJson(const ColumnMapping& m) {
  json::object columns;
  for (const auto& [k, v] : m.columns) columns[k] = v;
  return {{"source", m.source}, {"header_row", m.header_row}, {"columns", columns}};
}

StepEntry ReadStepEntry(const Input& in) {
  in.AllowOnly({"step", "on", "reason", "handler", "new_due_on"});
  http::FieldProblems p;
  StepEntry e;
  e.step = p.Take([&] { return in.Str("step", 40, true).value_or(""); });
  e.on = p.Take([&] { return in.DateField("on", false); });
  e.reason = p.Take([&] { return in.Str("reason", 2000, false).value_or(""); });
  e.handler = p.Take([&] { return in.Str("handler", 200, false).value_or(""); });
  e.new_due_on = p.Take([&] { return in.DateField("new_due_on", false); });
  p.ThrowIfAny();
  return e;
}

void RegisterServicesApi(http::Router& router, ServicesService& svc) {
  const Access read{std::string(access::kServicesRead)};
  const Access write{std::string(access::kServicesWrite)};
  const Access import{std::string(access::kServicesImport)};
  router.Get("/api/v1/services/procedures", read, [&svc](Ctx& ctx) {
    json::array items;
    for (const auto& p : svc.ListProcedures(ctx.AsActor()))
      items.push_back(json::object{{"id", p.id},
                                   {"code", p.code},
                                   {"name", p.name},
                                   {"sector", p.sector},
                                   {"online_level", std::string(OnlineLevelCode(p.online_level))},
                                   {"handling_days", p.handling_days},
                                   {"fee", p.fee ? json::value(*p.fee) : json::value(nullptr)}});
    return http::JsonAnswer(json::object{{"items", items}});
  });
  // text/csv, or an XLSX workbook (its first sheet).
  router.Post("/api/v1/services/procedures/import", import, [&svc](Ctx& ctx) {
    std::string charset = CharsetOf(ctx.req.Header("content-type"));
    std::string text = SpreadsheetAsCsv(ctx.req.body, charset);
    return http::JsonAnswer(
        ImportJson(svc.ImportProceduresCsv(ctx.AsActor(), text, charset, ctx.req.Query("unit"))));
  });
  // ?mapping=<source>: read through that source's saved column mapping.
  router.Post("/api/v1/services/dossiers/import", import, [&svc](Ctx& ctx) {
    std::string charset = CharsetOf(ctx.req.Header("content-type"));
    std::string text = SpreadsheetAsCsv(ctx.req.body, charset);
    std::string mapping = ctx.req.Query("mapping");
    return http::JsonAnswer(ImportJson(
        mapping.empty() ? svc.ImportDossiersCsv(ctx.AsActor(), text, charset, ctx.req.Query("unit"))
                        : svc.ImportDossiersMapped(ctx.AsActor(), text, charset, mapping)));
  });
  router.Get("/api/v1/services/import-mappings", import, [&svc](Ctx& ctx) {
    json::array items;
    for (const auto& m : svc.Mappings(ctx.AsActor())) items.push_back(MappingJson(m));
    return http::JsonAnswer(json::object{{"items", items}});
  });
  router.Post("/api/v1/services/import-mappings", import, [&svc](Ctx& ctx) {
    ColumnMapping m = ReadMapping(Input::FromRequest(ctx.req));
    svc.SaveMapping(ctx.AsActor(), m);
    return http::JsonAnswer(MappingJson(m));
  });
  router.Get("/api/v1/services/dossiers", read, [&svc](Ctx& ctx) {
    DossierPage page = svc.ListDossiers(ctx.AsActor(), ReadDossierFilter(ctx));
    json::array items;
    for (const auto& r : page.rows) items.push_back(DossierJson(r));
    return http::JsonAnswer(json::object{{"items", items}, {"total", page.total}});
  });
  router.Post("/api/v1/services/dossiers", write, [&svc](Ctx& ctx) {
    long long id = svc.Receive(ctx.AsActor(), ReadCounterEntry(Input::FromRequest(ctx.req)));
    return http::JsonAnswer(DossierJson(svc.GetDossier(ctx.AsActor(), id)), 201);
  });
  router.Get("/api/v1/services/dossiers/{id}", read, [&svc](Ctx& ctx) {
    return http::JsonAnswer(DossierJson(svc.GetDossier(ctx.AsActor(), ctx.Id("id"))));
  });
  router.Get("/api/v1/services/dossiers/{id}/citizen-id",
             Access{std::string(access::kServicesReadFull)}, [&svc](Ctx& ctx) {
               return http::JsonAnswer(
                   json::object{{"citizen_id", svc.ReadCitizenId(ctx.AsActor(), ctx.Id("id"))}});
             });
  router.Post("/api/v1/services/dossiers/{id}/return", write, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"returned_on"});
    Date on = *in.DateField("returned_on", true);
    svc.ReturnResult(ctx.AsActor(), ctx.Id("id"), on);
    return http::JsonAnswer(DossierJson(svc.GetDossier(ctx.AsActor(), ctx.Id("id"))));
  });
  router.Post("/api/v1/services/dossiers/{id}/steps", write, [&svc](Ctx& ctx) {
    svc.RecordStep(ctx.AsActor(), ctx.Id("id"), ReadStepEntry(Input::FromRequest(ctx.req)));
    return http::JsonAnswer(DossierJson(svc.GetDossier(ctx.AsActor(), ctx.Id("id"))));
  });
  router.Get("/api/v1/services/index766", read, [&svc](Ctx& ctx) {
    auto x = svc.Index766For(ctx.AsActor(), QueryDate(ctx, "from"), QueryDate(ctx, "to"));
    return http::JsonAnswer(Index766Json(x, svc.index766_rules()));
  });
  router.Get("/api/v1/services/stats", read, [&svc](Ctx& ctx) {
    Stats s = svc.Statistics(ctx.AsActor(), QueryDate(ctx, "from"), QueryDate(ctx, "to"),
                             ctx.req.Query("unit"), ctx.req.Query("procedure"));
    return http::JsonAnswer(StatsJson(s));
  });
}

}  // namespace kientao::services
