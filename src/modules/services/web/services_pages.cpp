// The dossier register's pages (/services/…): parse, call the service, present, render.
#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/csv.hpp"
#include "base/text.hpp"
#include "http/download.hpp"
#include "http/form.hpp"
#include "http/upload.hpp"
#include "modules/documents/qr.hpp"
#include "modules/services/domain/import_names.hpp"
#include "modules/services/domain/steps.hpp"
#include "modules/services/errors.hpp"
#include "modules/services/permissions.hpp"
#include "modules/services/web/services_present.hpp"
#include "modules/services/web/services_slip.hpp"
#include "modules/services/web/services_xlsx.hpp"

namespace kientao::services {

using http::Access;
using http::Ctx;
using http::Input;
using http::Response;
using http::TemplateData;

namespace {

constexpr std::initializer_list<const char*> kCounterFields = {
    "applicant_name", "citizen_id", "code",    "handler",
    "procedure_id",   "unit_id",    "channel", "full_process_online"};

// The mapping screen: the file's columns at its header row, a few values of each, and for each the
// import column it is (the dictionary's guess, or what the person chose), with the file's text kept
// in the form so nothing is uploaded twice.
TemplateData MappingScreen(const Ctx& ctx, ServicesService& svc, const std::string& text,
                           const ColumnMapping& m, bool chosen, const Error* err) {
  TemplateData d = http::Object();
  d.set("text", text);
  d.set("source", m.source);
  d.set("header_row", std::to_string(m.header_row));
  int bad_line = 0;
  auto table = ParseCsv(text, &bad_line);
  TemplateData columns = http::List();
  if (table && m.header_row >= 1 && static_cast<size_t>(m.header_row) <= table->rows.size()) {
    const auto& header = table->rows[static_cast<size_t>(m.header_row) - 1];
    for (size_t i = 0; i < header.size(); ++i) {
      std::string folded = text::Fold(text::NormalizeSpace(header[i]));
      std::string pick = CanonicalColumn(folded);
      if (chosen) {
        auto it = m.columns.find(folded);
        pick = it == m.columns.end() ? "" : it->second;
      }
      TemplateData col = http::Object(), options = http::List(), samples = http::List();
      col.set("i", std::to_string(i));
      col.set("header", header[i]);
      for (size_t r = static_cast<size_t>(m.header_row);
           r < table->rows.size() && r < static_cast<size_t>(m.header_row) + 3; ++r)
        if (i < table->rows[r].size()) samples.push_back(table->rows[r][i]);
      col.set("samples", samples);
      TemplateData keep = http::Object();
      keep.set("value", "");
      keep.set("label", ctx.T("services.column_keep"));
      options.push_back(keep);
      for (const auto& c : DossierImportColumns()) {
        TemplateData o = http::Object();
        o.set("value", c);
        o.set("label", ctx.T("services.column." + c));
        if (c == pick) o.set("selected", true);
        options.push_back(o);
      }
      col.set("options", options);
      columns.push_back(col);
    }
  }
  d.set("columns", columns);
  for (const auto& saved : svc.Mappings(ctx.AsActor()))
    if (saved.source == m.source) d.set("replaces", true);
  if (err) http::SetFormError(d, ctx, *err);
  return d;
}

}  // namespace

DossierFilter ReadDossierFilter(const Ctx& ctx) {
  DossierFilter f;
  f.query = ctx.req.Query("q");
  f.status = ctx.req.Query("status");
  if (!f.status.empty() && !ParseStatus(f.status))
    throw Error(errors::kInvalidStatus, "status", {{"value", f.status}});
  f.procedure_id = std::atoll(ctx.req.Query("procedure_id").c_str());
  f.from = http::OptionalQueryDate(ctx.req, "from");
  f.to = http::OptionalQueryDate(ctx.req, "to");
  f.limit = std::clamp(std::atoi(ctx.req.Query("limit").c_str()), 0, 500);
  if (!f.limit) f.limit = 50;
  f.offset = std::max(0, std::atoi(ctx.req.Query("offset").c_str()));
  if (int page = std::atoi(ctx.req.Query("page").c_str()); page > 1)
    f.offset = (page - 1) * f.limit;
  return f;
}

void RegisterServicesPages(http::Router& router, ServicesService& svc, const http::Layout& layout,
                           const documents::Layout30& doc_layout) {
  const Access read{std::string(access::kServicesRead)};
  const Access write{std::string(access::kServicesWrite)};
  const Access import{std::string(access::kServicesImport)};
  router.Get("/services", read, [&svc, &layout](Ctx& ctx) {
    Date today = clock::Today();
    Date from =
        http::OptionalQueryDate(ctx.req, "from").value_or(*Date::FromYmd(today.year(), 1, 1));
    Date to = http::OptionalQueryDate(ctx.req, "to").value_or(today);
    TemplateData d = StatsPage(ctx, svc.Statistics(ctx.AsActor(), from, to, "", ""));
    return layout.Page(ctx, "services/stats", d, ctx.T("services.stats_title"));
  });
  // Decision 766's groups for the period (the year so far by default).
  router.Get("/services/766", read, [&svc, &layout](Ctx& ctx) {
    Date today = clock::Today();
    Date from =
        http::OptionalQueryDate(ctx.req, "from").value_or(*Date::FromYmd(today.year(), 1, 1));
    Date to = http::OptionalQueryDate(ctx.req, "to").value_or(today);
    TemplateData d =
        Index766Page(ctx, svc.Index766For(ctx.AsActor(), from, to), svc.index766_rules());
    return layout.Page(ctx, "services/index766", d, ctx.T("services.index766_title"));
  });
  router.Get("/services/dossiers", read, [&svc, &layout](Ctx& ctx) {
    DossierFilter f = ReadDossierFilter(ctx);
    TemplateData d =
        RegisterPage(ctx, f, svc.ListDossiers(ctx.AsActor(), f), svc.ListProcedures(ctx.AsActor()));
    return layout.Page(ctx, "services/register", d, ctx.T("services.register_title"));
  });
  // The register as the page's filters select it, and the statistics of the page's period.
  router.Get("/services/dossiers.xlsx", read, [&svc](Ctx& ctx) {
    constexpr long long kMaxRows = 100000;
    DossierPage page = svc.ExportDossiers(ctx.AsActor(), ReadDossierFilter(ctx), kMaxRows);
    return http::Download(
        documents::RenderXlsx({RegisterSheet(page.rows, page.total, ctx)},
                              documents::CommuneIssuer(svc.CommuneName(ctx.AsActor()))),
        http::kXlsxType, "so-theo-doi-ho-so.xlsx");
  });
  router.Get("/services/stats.xlsx", read, [&svc](Ctx& ctx) {
    Date today = clock::Today();
    Date from =
        http::OptionalQueryDate(ctx.req, "from").value_or(*Date::FromYmd(today.year(), 1, 1));
    Date to = http::OptionalQueryDate(ctx.req, "to").value_or(today);
    Stats s = svc.Statistics(ctx.AsActor(), from, to, "", "");
    return http::Download(
        documents::RenderXlsx(StatsSheets(s, ctx),
                              documents::CommuneIssuer(svc.CommuneName(ctx.AsActor()))),
        http::kXlsxType, "thong-ke-ho-so-" + from.ToIso() + "-" + to.ToIso() + ".xlsx");
  });
  auto counter = [&svc, &layout](Ctx& ctx, const TemplateData& values, const Error* err) {
    TemplateData d = CounterForm(ctx, values, svc.Units(ctx.AsActor(), access::kServicesWrite),
                                 svc.ListProcedures(ctx.AsActor()), err);
    return layout.Page(ctx, "services/counter", d, ctx.T("services.counter_title"),
                       err ? err->status() : 200);
  };
  router.Get("/services/dossiers/new", write, [counter](Ctx& ctx) {
    TemplateData v = http::Object();
    v.set("channel", "counter");
    return counter(ctx, v, nullptr);
  });
  router.Post("/services/dossiers", write, [&svc, counter](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    try {
      long long id = svc.Receive(ctx.AsActor(), ReadCounterEntry(in));
      return Response::Redirect("/services/dossiers/" + std::to_string(id) + "?received=1");
    } catch (const Error& e) {
      if (e.status() == 403 || e.status() == 404) throw;
      return counter(ctx, http::EchoForm(in, kCounterFields), &e);
    }
  });
  router.Get("/services/dossiers/{id}", read, [&svc, &layout](Ctx& ctx) {
    DossierRow r = svc.GetDossier(ctx.AsActor(), ctx.Id("id"));
    TemplateData d = DossierPageData(ctx, r, svc.Events(ctx.AsActor(), r.id));
    if (ctx.req.Query("received") == "1") d.set("just_received", true);
    bool writer = access::HasPermission(*ctx.user, access::kServicesWrite);
    if (!r.d.returned_on && !Closed(r.d.status) && writer) d.set("can_return", true);
    if (writer && d.get("steps")) d.set("can_step", true);
    d.set("step_on", clock::Today().ToVn());
    if (!svc.step_clock().verified) d.set("clock_unverified", true);
    if (!r.d.citizen_id.empty() && access::HasPermission(*ctx.user, access::kServicesReadFull))
      d.set("can_read_full", true);
    d.set("today", clock::Today().ToVn());
    return layout.Page(ctx, "services/dossier", d, r.d.code);
  });
  router.Post("/services/dossiers/{id}/return", write, [&svc, &layout](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    long long id = ctx.Id("id");
    try {
      svc.ReturnResult(ctx.AsActor(), id, *in.DateField("returned_on", true));
      return Response::Redirect("/services/dossiers/" + std::to_string(id));
    } catch (const Error& e) {
      if (e.status() == 403 || e.status() == 404) throw;
      DossierRow r = svc.GetDossier(ctx.AsActor(), id);
      TemplateData d = DossierPageData(ctx, r, svc.Events(ctx.AsActor(), id));
      d.set("can_return", true);
      d.set("today", in.Str("returned_on", 40, false).value_or(""));
      http::SetFormError(d, ctx, e);
      return layout.Page(ctx, "services/dossier", d, r.d.code, e.status());
    }
  });
  // A step after receipt (supplement, extension, stop, refusal…); refused input stays on the page
  // beside its fields.
  router.Post("/services/dossiers/{id}/steps", write, [&svc, &layout](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    long long id = ctx.Id("id");
    try {
      svc.RecordStep(ctx.AsActor(), id, ReadStepEntry(in));
      return Response::Redirect("/services/dossiers/" + std::to_string(id));
    } catch (const Error& e) {
      if (e.status() == 403 || e.status() == 404) throw;
      DossierRow r = svc.GetDossier(ctx.AsActor(), id);
      TemplateData d = DossierPageData(ctx, r, svc.Events(ctx.AsActor(), id),
                                       in.Str("step", 40, false).value_or(""));
      if (d.get("steps")) d.set("can_step", true);
      if (!r.d.returned_on && !Closed(r.d.status)) d.set("can_return", true);
      d.set("today", clock::Today().ToVn());
      d.set("step_on", in.Str("on", 40, false).value_or(""));
      d.set("step_reason", in.Str("reason", 2000, false).value_or(""));
      d.set("step_handler", in.Str("handler", 200, false).value_or(""));
      d.set("step_new_due", in.Str("new_due_on", 40, false).value_or(""));
      if (!svc.step_clock().verified) d.set("clock_unverified", true);
      http::SetFormError(d, ctx, e);
      return layout.Page(ctx, "services/dossier", d, r.d.code, e.status());
    }
  });
  router.Post("/services/dossiers/{id}/citizen-id", Access{std::string(access::kServicesReadFull)},
              [&svc](Ctx& ctx) {
                Response r = Response::Html(
                    "<span class=\"font-monospace\" data-testid=\"citizen-id-full\">" +
                    http::HtmlEscape(svc.ReadCitizenId(ctx.AsActor(), ctx.Id("id"))) + "</span>");
                r.SetHeader("Cache-Control", "no-store");
                return r;
              });
  // The receipt and appointment slip, to print at the counter; its QR code opens the dossier's
  // status for the applicant (and, with the survey module, its satisfaction questionnaire).
  router.Get("/services/dossiers/{id}/slip", read, [&svc, &layout](Ctx& ctx) {
    DossierRow r = svc.GetDossier(ctx.AsActor(), ctx.Id("id"));
    TemplateData d = DossierPageData(ctx, r, {});
    auto [unit, commune] = svc.UnitNames(ctx.AsActor(), r.d.unit_id);
    d.set("unit", unit);
    d.set("commune_upper", text::ToUpper("Ủy ban nhân dân " + commune));
    std::string url = SlipUrl(ctx, svc, r.id);
    d.set("lookup_url", url);
    d.set("qr", documents::QrSvg(url, 132, ctx.T("services.slip_qr")).value_or(""));
    return layout.Page(ctx, "services/slip", d, ctx.T("services.slip_title"));
  });
  // The slip as a document to print or send (Mẫu 01), and the same as PDF (LibreOffice).
  auto slip_docx = [&svc, &doc_layout](Ctx& ctx) {
    DossierRow r = svc.GetDossier(ctx.AsActor(), ctx.Id("id"));
    auto [unit, commune] = svc.UnitNames(ctx.AsActor(), r.d.unit_id);
    return std::make_pair(
        documents::RenderDocx(SlipDocument(r, unit, commune, SlipUrl(ctx, svc, r.id)), doc_layout),
        "giay-tiep-nhan-" + r.d.code);
  };
  router.Get("/services/dossiers/{id}/slip.docx", read, [slip_docx](Ctx& ctx) {
    auto [docx, stem] = slip_docx(ctx);
    return http::Download(std::move(docx), http::kDocxType, stem + ".docx");
  });
  router.Get("/services/dossiers/{id}/slip.pdf", read, [slip_docx](Ctx& ctx) {
    auto [docx, stem] = slip_docx(ctx);
    auto pdf = documents::ConvertDocxToPdf(docx);
    if (!pdf) throw Error(errors::kPdfUnavailable);
    return http::Download(std::move(*pdf), "application/pdf", stem + ".pdf");
  });
  // The notice a step issued (its n-th event on the timeline), as a document for the applicant.
  router.Get("/services/dossiers/{id}/notices/{n}", read, [&svc, &doc_layout](Ctx& ctx) {
    DossierRow r = svc.GetDossier(ctx.AsActor(), ctx.Id("id"));
    auto events = svc.Events(ctx.AsActor(), r.id);
    long long n = ctx.Id("n");
    if (n < 1 || n > static_cast<long long>(events.size())) throw Error(gen_errors::kNotFound);
    const DossierEvent& e = events[static_cast<size_t>(n - 1)];
    auto [unit, commune] = svc.UnitNames(ctx.AsActor(), r.d.unit_id);
    auto doc = StepNotice(r, e, unit, commune);
    if (!doc) throw Error(gen_errors::kNotFound);
    return http::Download(documents::RenderDocx(*doc, doc_layout), http::kDocxType,
                          "mau-" + e.form + "-" + r.d.code + ".docx");
  });
  // The applicant's view of the dossier behind the slip's QR code: no sign-in, no personal data.
  router.Get("/tra-cuu/{token}", Access{"", false}, [&svc, &layout](Ctx& ctx) {
    TemplateData d = http::Object();
    auto r = svc.Lookup(ctx.params.at("token"));
    if (r) {
      d.set("found", true);
      d.set("code", r->d.code);
      d.set("procedure", r->procedure_name);
      d.set("received_on", r->d.received_on.ToVn());
      d.set("due_on", r->d.due_on.ToVn());
      d.set("status", ctx.T("services.status." + std::string(StatusCode(r->d.status))));
      if (r->d.returned_on) d.set("returned_on", r->d.returned_on->ToVn());
    }
    Response page =
        layout.Page(ctx, "services/lookup", d, ctx.T("services.lookup_title"), r ? 200 : 404);
    page.SetHeader("Cache-Control", "no-store");
    return page;
  });
  router.Get("/services/procedures", read, [&svc, &layout](Ctx& ctx) {
    TemplateData d = http::Object(), rows = http::List();
    for (const auto& p : svc.ListProcedures(ctx.AsActor())) {
      TemplateData row = http::Object();
      row.set("code", p.code);
      row.set("name", p.name);
      row.set("sector", p.sector);
      row.set("level", ctx.T("services.level." + std::string(OnlineLevelCode(p.online_level))));
      row.set("days", std::to_string(p.handling_days));
      row.set("fee", p.fee ? text::VnNumber(static_cast<double>(*p.fee), 0) : std::string("—"));
      rows.push_back(row);
    }
    d.set("rows", rows);
    if (access::HasPermission(*ctx.user, access::kServicesImport)) d.set("can_import", true);
    return layout.Page(ctx, "services/procedures", d, ctx.T("services.procedures_title"));
  });
  auto import_page = [&layout](Ctx& ctx, TemplateData d, int status) {
    return layout.Page(ctx, "services/import", d, ctx.T("services.import_title"), status);
  };
  // The saved mappings, offered on the import form.
  auto with_mappings = [&svc](Ctx& ctx, TemplateData& d) {
    TemplateData list = http::List();
    for (const auto& m : svc.Mappings(ctx.AsActor())) {
      TemplateData o = http::Object();
      o.set("value", m.source);
      list.push_back(o);
    }
    if (!list.is_empty_list()) d.set("mappings", list);
  };
  router.Get("/services/import", import, [import_page, with_mappings](Ctx& ctx) {
    TemplateData d = http::Object();
    d.set(ctx.req.Query("kind") == "procedures" ? "kind_procedures" : "kind_dossiers", true);
    with_mappings(ctx, d);
    return import_page(ctx, d, 200);
  });
  auto mapping_page = [&layout](Ctx& ctx, TemplateData d, int status) {
    return layout.Page(ctx, "services/mapping", d, ctx.T("services.mapping_title"), status);
  };
  auto done = [](Ctx& ctx, TemplateData& d, const ImportResult& res) {
    d.set("done", ctx.i18n->Format(ctx.lang, "services.import_done",
                                   {{"created", std::to_string(res.created)},
                                    {"updated", std::to_string(res.updated)},
                                    {"unchanged", std::to_string(res.unchanged)}}));
  };
  // The mapping screen's answer: look again at another header row, or import with the columns as
  // chosen and remember them under the source's name.
  router.Post("/services/import/mapping", import,
              [&svc, import_page, mapping_page, with_mappings, done](Ctx& ctx) {
                Input in = Input::FromForm(ctx.req.body);
                std::string text = in.RawText("text", 64 * 1024 * 1024);
                ColumnMapping m;
                try {
                  m = ReadMapping(in);
                  if (in.Has("preview"))
                    return mapping_page(ctx, MappingScreen(ctx, svc, text, m, false, nullptr), 200);
                  ImportResult res = svc.ImportDossiersWith(ctx.AsActor(), text, "utf-8", m, true);
                  TemplateData d = http::Object();
                  d.set("kind_dossiers", true);
                  done(ctx, d, res);
                  with_mappings(ctx, d);
                  return import_page(ctx, d, 200);
                } catch (const Error& e) {
                  if (e.status() == 403) throw;
                  return mapping_page(ctx, MappingScreen(ctx, svc, text, m, true, &e), e.status());
                }
              });
  router.Post(
      "/services/import", import, [&svc, import_page, mapping_page, with_mappings, done](Ctx& ctx) {
        TemplateData d = http::Object();
        d.set("upload_action", "/services/import");
        with_mappings(ctx, d);
        http::Upload up;
        std::string text;
        bool dossiers = true;
        try {
          up = http::ReadUpload(ctx.req, errors::kEmptyImport);
          dossiers = up.fields["kind"] != "procedures";
          d.set(dossiers ? "kind_dossiers" : "kind_procedures", true);
          text = SpreadsheetAsCsv(up.file, up.charset);
          std::string mapping = dossiers ? up.fields["mapping"] : "";
          ImportResult res =
              !dossiers ? svc.ImportProceduresCsv(ctx.AsActor(), text, up.charset, "")
              : mapping.empty()
                  ? svc.ImportDossiersCsv(ctx.AsActor(), text, up.charset, "")
                  : svc.ImportDossiersMapped(ctx.AsActor(), text, up.charset, mapping);
          done(ctx, d, res);
          return import_page(ctx, d, 200);
        } catch (const Error& e) {
          // A column the import does not find: choose it on the mapping screen.
          if (dossiers && e.code() == errors::kMissingColumn.code) {
            ColumnMapping m;
            m.source = up.fields["mapping"];
            return mapping_page(
                ctx, MappingScreen(ctx, svc, DecodeUpload(text, up.charset, "file"), m, false, &e),
                e.status());
          }
          http::ShowUploadError(d, ctx, e, up);
          return import_page(ctx, d, e.status());
        }
      });
}

}  // namespace kientao::services
