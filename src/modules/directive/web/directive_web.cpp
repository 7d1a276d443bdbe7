#include "modules/directive/web/directive_web.hpp"

#include <functional>

#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/clock.hpp"
#include "http/form.hpp"
#include "http/input.hpp"
#include "http/multipart.hpp"
#include "http/request.hpp"
#include "modules/directive/errors.hpp"
#include "modules/directive/permissions.hpp"

namespace kientao::directive {

namespace json = boost::json;
using http::Access;
using http::Ctx;
using http::Input;
using http::Response;
using http::TemplateData;

namespace {

json::value OptDate(const std::optional<Date>& d) {
  return d ? json::value(d->ToIso()) : json::value(nullptr);
}

json::object TaskJson(const Ctx& ctx, const TaskView& v) {
  const Task& t = v.row.task;
  json::array coop;
  for (auto& n : v.row.cooperator_names) coop.push_back(json::value(n));
  return {{"id", t.id},
          {"code", t.code},
          {"key_no", t.key_no ? json::value(t.key_no) : json::value(nullptr)},
          {"title", t.title},
          {"lead_unit", {{"id", t.lead_unit_id}, {"name", v.row.lead_unit_name}}},
          {"cooperating_units", coop},
          {"start_on", t.start_on.ToIso()},
          {"deadline", OptDate(t.deadline)},
          {"recurrence", t.recurrence},
          {"expected_outputs", t.expected_outputs},
          {"progress", t.progress},
          {"completed_on", OptDate(t.completed_on)},
          {"stopped", t.stopped},
          {"status", std::string(StatusCode(v.status))},
          {"due_soon", v.due_soon},
          {"days_overdue", v.days_overdue},
          {"can_update", DirectiveService::CanUpdate(ctx.AsActor(), v.row)},
          {"parent_id", t.parent_id ? json::value(t.parent_id) : json::value(nullptr)},
          {"responsible", t.responsible_staff_id
                              ? json::value(json::object{{"staff_id", t.responsible_staff_id},
                                                         {"name", v.row.responsible_name}})
                              : json::value(nullptr)},
          {"stop_reason", t.stop_reason},
          {"missed_report",
           v.missed_report ? json::value(v.missed_report->Id()) : json::value(nullptr)}};
}

json::object UpdateJson(const TaskUpdate& u) {
  return {{"id", u.id},
          {"on_date", u.on_date.ToIso()},
          {"percent", u.percent},
          {"narrative", u.narrative},
          {"results", u.results},
          {"difficulties", u.difficulties},
          {"proposals", u.proposals},
          {"author", u.author}};
}

bool ValidTaskCode(const std::string& code) {
  if (code.size() < 2 || code.size() > 20) return false;
  for (char ch : code)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
  return true;
}

NewTask ReadTask(const Input& in) {
  in.AllowOnly({"code", "title", "lead_unit_id", "cooperating_unit_ids", "start_on", "deadline",
                "recurrence", "expected_outputs", "responsible_staff_id"});
  NewTask t;
  // Every field read, every problem kept: the form shows them all at once, each beside its field.
  http::FieldProblems p;
  t.task.code = p.Take([&] {
    std::string code = in.ReqStr("code", 20);
    if (!ValidTaskCode(code)) throw Error(errors::kInvalidTaskCode, "code");
    return code;
  });
  t.task.title = p.Take([&] { return in.ReqStr("title", 1000); });
  t.task.lead_unit_id = p.Take([&] { return in.Int("lead_unit_id", true); }).value_or(0);
  t.cooperator_unit_ids = p.Take([&] { return in.IntList("cooperating_unit_ids"); });
  t.task.start_on =
      p.Take([&] { return in.DateField("start_on", false); }).value_or(clock::Today());
  t.task.deadline = p.Take([&] { return in.DateField("deadline", false); });
  t.task.recurrence =
      p.Take([&] {
         return in.Enum("recurrence", {"none", "month", "quarter", "half", "nine", "year"}, false);
       }).value_or("none");
  t.task.expected_outputs =
      p.Take([&] { return in.Str("expected_outputs", 2000, false); }).value_or("");
  t.task.responsible_staff_id =
      p.Take([&] { return in.Int("responsible_staff_id", false); }).value_or(0);
  p.ThrowIfAny();
  return t;
}

UpdateDraft ReadUpdate(const Input& in) {
  in.AllowOnly(
      {"on_date", "percent", "narrative", "results", "difficulties", "proposals", "completed"});
  UpdateDraft u;
  http::FieldProblems p;  // every problem at once, each beside its field
  u.on_date = p.Take([&] { return in.DateField("on_date", false); }).value_or(clock::Today());
  u.percent = p.Take([&] {
    long long percent = *in.Int("percent", true);
    if (percent < 0 || percent > 100) throw Error(errors::kPercentOutOfRange, "percent");
    return static_cast<int>(percent);
  });
  for (auto [field, out] : {std::pair{"narrative", &u.narrative},
                            {"results", &u.results},
                            {"difficulties", &u.difficulties},
                            {"proposals", &u.proposals}})
    *out = p.Take([&] { return in.Str(field, 4000, false); }).value_or("");
  auto completed = p.Take([&] {
    return in.Enum("completed", {"true", "false", "1", "0", "on"}, false);
  });
  u.completed = completed && (*completed == "true" || *completed == "1" || *completed == "on");
  p.ThrowIfAny();
  return u;
}

Directive ReadDirective(const Input& in) {
  in.AllowOnly({"number_symbol", "issued_on", "issuer", "signer", "signer_authority", "subject",
                "legal_basis", "recipients", "full_text"});
  Directive d;
  http::FieldProblems p;  // every problem at once, each beside its field
  d.number_symbol = p.Take([&] { return in.ReqStr("number_symbol", 60); });
  d.issued_on = p.Take([&] {
                   Date on = *in.DateField("issued_on", true);
                   if (on > clock::Today())
                     throw Error(gen_errors::kInvalidDate, "issued_on", {{"value", on.ToVn()}});
                   return std::optional<Date>(on);
                 }).value_or(Date{});
  d.issuer = p.Take([&] { return in.ReqStr("issuer", 200); });
  d.signer = p.Take([&] { return in.ReqStr("signer", 120); });
  d.signer_authority = p.Take([&] { return in.Str("signer_authority", 120, false); }).value_or("");
  d.subject = p.Take([&] { return in.ReqStr("subject", 1000); });
  d.legal_basis = p.Take([&] { return in.Str("legal_basis", 2000, false); }).value_or("");
  d.recipients = p.Take([&] { return in.Str("recipients", 2000, false); }).value_or("");
  d.full_text = p.Take([&] { return in.RawText("full_text", 100000); });  // line breaks kept
  p.ThrowIfAny();
  return d;
}

TemplateData UpdateData(const TaskUpdate& u) {
  TemplateData d = http::Object();
  d.set("on_date", u.on_date.ToVn());
  d.set("percent", std::to_string(u.percent));
  // Only what was written: an empty string would still open a mustache section.
  if (!u.narrative.empty()) d.set("narrative", u.narrative);
  if (!u.results.empty()) d.set("results", u.results);
  if (!u.difficulties.empty()) d.set("difficulties", u.difficulties);
  if (!u.proposals.empty()) d.set("proposals", u.proposals);
  d.set("author", u.author);
  return d;
}

}  // namespace

TemplateData StatusData(const Ctx& ctx, const TaskView& v) {
  std::string code(StatusCode(v.status));
  if (v.due_soon) code = "due_soon";
  TemplateData d = http::Object();
  d.set("status", code);
  d.set("status_label", ctx.T("task_status." + code));
  d.set("progress", std::to_string(v.row.task.progress));
  if (v.days_overdue) d.set("days_overdue", std::to_string(v.days_overdue));
  if (v.missed_report)
    d.set("missed_report",
          ctx.lang == "en" ? v.missed_report->LabelEn() : v.missed_report->LabelVi());
  return d;
}

void RegisterDirectiveRoutes(http::Router& router, DirectiveService& svc,
                             const http::Layout& layout, TaskIndicators indicators,
                             ModulePages module_pages) {
  const Access read{std::string(access::kTaskRead)};
  const Access update{std::string(access::kTaskUpdate)};

  router.Get("/api/v1/directives", read, [&svc](Ctx& ctx) {
    json::array items;
    for (auto& d : svc.ListDirectives(ctx.AsActor()))
      items.push_back({{"id", d.id},
                       {"number_symbol", d.number_symbol},
                       {"issued_on", d.issued_on.ToIso()},
                       {"subject", d.subject},
                       {"signer", d.signer},
                       {"signer_authority", d.signer_authority}});
    return http::JsonAnswer(json::object{{"items", items}});
  });
  router.Get("/api/v1/directives/{id}", read, [&svc](Ctx& ctx) {
    Directive d = svc.GetDirective(ctx.AsActor(), ctx.Id("id"));
    json::array tasks;
    for (auto& v : svc.ListTasks(ctx.AsActor(), "", d.id, clock::Today()))
      tasks.push_back(TaskJson(ctx, v));
    return http::JsonAnswer(json::object{{"id", d.id},
                                         {"number_symbol", d.number_symbol},
                                         {"issued_on", d.issued_on.ToIso()},
                                         {"issuer", d.issuer},
                                         {"signer", d.signer},
                                         {"signer_authority", d.signer_authority},
                                         {"subject", d.subject},
                                         {"legal_basis", d.legal_basis},
                                         {"recipients", d.recipients},
                                         {"full_text", d.full_text},
                                         {"tasks", tasks}});
  });
  const Access assign{std::string(access::kTaskAssign)};
  router.Post("/api/v1/directives/{id}/tasks", assign, [&svc](Ctx& ctx) {
    long long id = svc.AddTask(ctx.AsActor(), ctx.Id("id"), ReadTask(Input::FromRequest(ctx.req)));
    return http::JsonAnswer(TaskJson(ctx, svc.GetTask(ctx.AsActor(), id, clock::Today())), 201);
  });
  router.Get("/api/v1/tasks", read, [&svc](Ctx& ctx) {
    json::array items;
    long long directive_id = std::atoll(ctx.req.Query("directive_id").c_str());
    for (auto& v :
         svc.ListTasks(ctx.AsActor(), ctx.req.Query("status"), directive_id, clock::Today()))
      items.push_back(TaskJson(ctx, v));
    return http::JsonAnswer(json::object{{"items", items}});
  });
  router.Get("/api/v1/tasks/{id}", read, [&svc](Ctx& ctx) {
    long long id = ctx.Id("id");
    json::object o = TaskJson(ctx, svc.GetTask(ctx.AsActor(), id, clock::Today()));
    json::array updates;
    for (auto& u : svc.Updates(ctx.AsActor(), id)) updates.push_back(UpdateJson(u));
    o["updates"] = updates;
    json::array subtasks;
    for (auto& v : svc.SubTasks(ctx.AsActor(), id, clock::Today()))
      subtasks.push_back(TaskJson(ctx, v));
    o["subtasks"] = subtasks;
    return http::JsonAnswer(o);
  });
  router.Post("/api/v1/tasks/{id}/updates", update, [&svc](Ctx& ctx) {
    long long id = ctx.Id("id");
    UpdateDraft u = ReadUpdate(Input::FromRequest(ctx.req));
    svc.AddUpdate(ctx.AsActor(), id, u, clock::Today());
    return http::JsonAnswer(TaskJson(ctx, svc.GetTask(ctx.AsActor(), id, clock::Today())), 201);
  });

  const Access delegate{std::string(access::kTaskDelegate)};
  router.Post("/api/v1/tasks/{id}/subtasks", delegate, [&svc](Ctx& ctx) {
    long long id =
        svc.AddSubTask(ctx.AsActor(), ctx.Id("id"), ReadTask(Input::FromRequest(ctx.req)));
    return http::JsonAnswer(TaskJson(ctx, svc.GetTask(ctx.AsActor(), id, clock::Today())), 201);
  });
  router.Post("/api/v1/tasks/{id}/stop", assign, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"reason"});
    svc.StopTask(ctx.AsActor(), ctx.Id("id"), in.ReqStr("reason", 1000));
    return http::JsonAnswer(
        TaskJson(ctx, svc.GetTask(ctx.AsActor(), ctx.Id("id"), clock::Today())));
  });
  router.Post("/api/v1/tasks/{id}/deadline", assign, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"deadline", "reason"});
    auto deadline = in.DateField("deadline", false);
    svc.Reschedule(ctx.AsActor(), ctx.Id("id"), deadline, in.ReqStr("reason", 1000));
    return http::JsonAnswer(
        TaskJson(ctx, svc.GetTask(ctx.AsActor(), ctx.Id("id"), clock::Today())));
  });
  router.Post("/api/v1/directives", assign, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    long long id = svc.CreateDirectiveHere(ctx.AsActor(), ReadDirective(in));
    Directive d = svc.GetDirective(ctx.AsActor(), id);
    return http::JsonAnswer(json::object{{"id", d.id},
                                         {"number_symbol", d.number_symbol},
                                         {"issued_on", d.issued_on.ToIso()},
                                         {"subject", d.subject}},
                            201);
  });
  // The directives of the commune, and the form for a new one.
  auto directives_page = [&svc, &layout](Ctx& ctx, TemplateData form, const Error* err) {
    TemplateData d = http::Object();
    TemplateData rows = http::List();
    for (auto& x : svc.ListDirectives(ctx.AsActor())) {
      TemplateData r = http::Object();
      r.set("id", std::to_string(x.id));
      r.set("number_symbol", x.number_symbol);
      r.set("issued_on", x.issued_on.ToVn());
      r.set("subject", x.subject);
      r.set("signer", x.signer_authority + " " + x.signer);
      rows.push_back(r);
    }
    d.set("rows", rows);
    if (access::HasPermission(*ctx.user, access::kTaskAssign)) d.set("can_create", true);
    if (!form.get("issued_on")) form.set("issued_on", clock::Today().ToVn());
    d.set("v", form);
    if (err) http::SetFormError(d, ctx, *err);
    return layout.Page(ctx, "directive/directives", d, ctx.T("task.directives"),
                       err ? err->status() : 200);
  };
  router.Get("/directives", read,
             [directives_page](Ctx& ctx) { return directives_page(ctx, http::Object(), nullptr); });
  router.Post("/directives", assign, [&svc, directives_page](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    try {
      long long id = svc.CreateDirectiveHere(ctx.AsActor(), ReadDirective(in));
      return Response::Redirect("/directives/" + std::to_string(id));
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return directives_page(
          ctx,
          http::EchoForm(in, {"number_symbol", "issued_on", "issuer", "signer", "signer_authority",
                              "subject", "legal_basis", "recipients", "full_text"}),
          &e);
    }
  });
  // The daily digest: one's own overdue and due-soon tasks.
  router.Get("/my-tasks", read, [&svc, &layout](Ctx& ctx) {
    TemplateData d = http::Object();
    TemplateData rows = http::List();
    for (auto& v : svc.MyTasks(ctx.AsActor(), clock::Today())) {
      TemplateData t = StatusData(ctx, v);
      t.set("code", v.row.task.code);
      t.set("title", v.row.task.title);
      t.set("lead", v.row.lead_unit_name);
      if (!v.row.responsible_name.empty()) t.set("responsible", v.row.responsible_name);
      t.set("deadline", v.row.task.deadline ? v.row.task.deadline->ToVn() : "");
      t.set("href", v.row.task.key_no ? "/tasks/" + std::to_string(v.row.task.key_no)
                                      : "/directives/" + std::to_string(v.row.task.directive_id));
      rows.push_back(t);
    }
    if (rows.is_empty_list()) d.set("empty", true);
    d.set("rows", rows);
    d.set("today", clock::Today().ToVn());
    return layout.Page(ctx, "directive/my_tasks", d, ctx.T("task.my_tasks"));
  });

  // Evidence files (minh chứng).
  auto evidence_json = [](const Evidence& e) {
    return json::object{{"id", e.id},
                        {"task_id", e.task_id},
                        {"file_name", e.file_name},
                        {"media_type", e.media_type},
                        {"size", e.size},
                        {"uploaded_by", e.uploaded_by},
                        {"uploaded_at", e.uploaded_at},
                        {"href", "/evidence/" + std::to_string(e.id)}};
  };
  auto upload = [&svc](Ctx& ctx, long long task_id) {
    auto parts = http::ParseMultipart(ctx.req.Header("content-type"), ctx.req.body);
    if (!parts) throw Error(gen_errors::kUnsupportedMediaType, "file");
    auto it = parts->find("file");
    if (it == parts->end() || it->second.data.empty()) throw Error(errors::kNoFile, "file");
    return svc.AddEvidence(ctx.AsActor(), task_id, it->second.filename, it->second.data);
  };
  router.Post("/api/v1/tasks/{id}/evidence", update, [&svc, upload, evidence_json](Ctx& ctx) {
    long long id = upload(ctx, ctx.Id("id"));
    for (auto& e : svc.ListEvidence(ctx.AsActor(), ctx.Id("id")))
      if (e.id == id) return http::JsonAnswer(evidence_json(e), 201);
    throw Error(errors::kFileNotFound, "id");
  });
  router.Get("/api/v1/tasks/{id}/evidence", read, [&svc, evidence_json](Ctx& ctx) {
    json::array items;
    for (auto& e : svc.ListEvidence(ctx.AsActor(), ctx.Id("id"))) items.push_back(evidence_json(e));
    return http::JsonAnswer(json::object{{"items", items}});
  });
  // A stored file, always as a download, never rendered in the site's origin.
  auto file_answer = [](const Evidence& e, std::string bytes) {
    Response r;
    r.content_type = e.media_type;
    r.body = std::move(bytes);
    r.SetHeader("Content-Disposition", "attachment; filename=\"file-" + std::to_string(e.id) +
                                           "\"; filename*=UTF-8''" + http::UrlEncode(e.file_name));
    r.SetHeader("X-Content-Type-Options", "nosniff");
    r.SetHeader("Content-Security-Policy", "sandbox");
    r.SetHeader("Cache-Control", "private, no-store");
    return r;
  };
  router.Get("/directive-files/{id}", read, [&svc, file_answer](Ctx& ctx) {
    auto [e, bytes] = svc.ReadAttachment(ctx.AsActor(), ctx.Id("id"));
    return file_answer(e, std::move(bytes));
  });
  router.Post("/api/v1/directives/{id}/attachments", assign, [&svc](Ctx& ctx) {
    auto parts = http::ParseMultipart(ctx.req.Header("content-type"), ctx.req.body);
    if (!parts) throw Error(gen_errors::kUnsupportedMediaType, "file");
    auto it = parts->find("file");
    if (it == parts->end() || it->second.data.empty()) throw Error(errors::kNoFile, "file");
    long long id =
        svc.AddAttachment(ctx.AsActor(), ctx.Id("id"), it->second.filename, it->second.data);
    return http::JsonAnswer(
        json::object{{"id", id}, {"href", "/directive-files/" + std::to_string(id)}}, 201);
  });
  router.Post("/directives/{id}/attachments", assign, [&svc](Ctx& ctx) {
    long long id = ctx.Id("id");
    try {
      auto parts = http::ParseMultipart(ctx.req.Header("content-type"), ctx.req.body);
      if (!parts) throw Error(gen_errors::kUnsupportedMediaType, "file");
      auto it = parts->find("file");
      if (it == parts->end() || it->second.data.empty()) throw Error(errors::kNoFile, "file");
      svc.AddAttachment(ctx.AsActor(), id, it->second.filename, it->second.data);
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return Response::Redirect("/directives/" + std::to_string(id) +
                                "?file_error=" + std::string(e.code()));
    }
    return Response::Redirect("/directives/" + std::to_string(id));
  });
  router.Get("/evidence/{id}", read, [&svc, file_answer](Ctx& ctx) {
    auto [e, bytes] = svc.ReadEvidence(ctx.AsActor(), ctx.Id("id"));
    return file_answer(e, std::move(bytes));
  });
  router.Post("/tasks/{n}/evidence", update, [&svc, upload](Ctx& ctx) {
    long long n = ctx.Id("n");
    auto v = svc.KeyTask(ctx.AsActor(), static_cast<int>(n), clock::Today());
    if (!v) throw Error(errors::kTaskNotFound, "n");
    try {
      upload(ctx, v->row.task.id);
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return Response::Redirect("/tasks/" + std::to_string(n) +
                                "?file_error=" + std::string(e.code()));
    }
    return Response::Redirect("/tasks/" + std::to_string(n) + "?uploaded=1");
  });

  // The page of key task n: the dispatch's words, the task as assigned, its progress and the update
  // form.
  auto key_page = [&svc, &layout, indicators, module_pages](Ctx& ctx, long long n,
                                                            TemplateData form, const Error* err) {
    if (n > 10) throw Error(gen_errors::kNotFound, "n");
    std::string key = "task." + std::to_string(n);
    TemplateData d = http::Object();
    d.set("n", std::to_string(n));
    d.set("title", ctx.T(key + ".title"));
    d.set("text", ctx.T(key + ".text"));
    d.set("module", ctx.T(key + ".module"));
    if (auto v = svc.KeyTask(ctx.AsActor(), static_cast<int>(n), clock::Today())) {
      const Task& t = v->row.task;
      TemplateData td = StatusData(ctx, *v);
      td.set("code", t.code);
      td.set("lead", v->row.lead_unit_name);
      std::string coop;
      for (auto& c : v->row.cooperator_names) coop += (coop.empty() ? "" : ", ") + c;
      td.set("cooperators", coop);
      td.set("start_on", t.start_on.ToVn());
      if (t.deadline) td.set("deadline", t.deadline->ToVn());
      if (t.recurrence != "none") td.set("recurrence", ctx.T("reporting.type." + t.recurrence));
      td.set("expected_outputs", t.expected_outputs);
      if (t.completed_on) td.set("completed_on", t.completed_on->ToVn());
      td.set("directive_id", std::to_string(t.directive_id));
      d.set("task", td);
      TemplateData updates = http::List();
      for (auto& u : svc.Updates(ctx.AsActor(), t.id)) updates.push_back(UpdateData(u));
      d.set("updates", updates);
      if (DirectiveService::CanUpdate(ctx.AsActor(), v->row) && !t.completed_on && !t.stopped)
        d.set("can_update", true);
      TemplateData files = http::List();
      for (auto& e : svc.ListEvidence(ctx.AsActor(), t.id)) {
        TemplateData f = http::Object();
        f.set("id", std::to_string(e.id));
        f.set("name", e.file_name);
        f.set("size", std::to_string((e.size + 1023) / 1024) + " KB");
        f.set("by", e.uploaded_by);
        f.set("at", e.uploaded_at.substr(0, 10));
        files.push_back(f);
      }
      if (!files.is_empty_list()) d.set("files", files);
      if (DirectiveService::CanUpdate(ctx.AsActor(), v->row)) d.set("can_attach", true);
      TemplateData subs = http::List();
      for (auto& sv : svc.SubTasks(ctx.AsActor(), t.id, clock::Today())) {
        TemplateData x = StatusData(ctx, sv);
        x.set("code", sv.row.task.code);
        x.set("title", sv.row.task.title);
        x.set("lead", sv.row.lead_unit_name);
        if (!sv.row.responsible_name.empty()) x.set("responsible", sv.row.responsible_name);
        x.set("deadline", sv.row.task.deadline ? sv.row.task.deadline->ToVn() : "");
        subs.push_back(x);
      }
      if (!subs.is_empty_list()) d.set("subtasks", subs);
      if (!t.completed_on && !t.stopped) {
        auto units = svc.DelegationUnits(ctx.AsActor(), t.id);
        if (!units.empty()) {
          TemplateData uo = http::List(), so = http::List();
          for (auto& [id, name] : units) {
            TemplateData o = http::Object();
            o.set("value", std::to_string(id));
            o.set("label", name);
            if (id == t.lead_unit_id) o.set("selected", true);
            uo.push_back(o);
          }
          for (auto& [id, name] : svc.DelegationStaff(ctx.AsActor(), t.id)) {
            TemplateData o = http::Object();
            o.set("value", std::to_string(id));
            o.set("label", name);
            so.push_back(o);
          }
          d.set("delegate_units", uo);
          d.set("delegate_staff", so);
          d.set("can_delegate", true);
        }
        if (access::Permits(*ctx.user, access::kTaskAssign, v->row.commune_path))
          d.set("can_manage", true);
      }
      if (t.stopped && !t.stop_reason.empty()) d.set("stop_reason", t.stop_reason);
      if (std::string fe = ctx.req.Query("file_error"); !fe.empty()) {
        static const std::map<std::string, ErrorDef> kFileErrors = {
            {"DIR-2014", errors::kFileTooLarge},
            {"DIR-2015", errors::kFileType},
            {"DIR-2017", errors::kNoFile}};
        if (auto it = kFileErrors.find(fe); it != kFileErrors.end())
          d.set("file_error", ctx.Message(Error(it->second, "file", {{"max", "5"}})));
      }
    }
    if (!form.get("on_date")) form.set("on_date", clock::Today().ToVn());
    d.set("v", form);
    if (err) {
      // The page has several forms with fields of the same names: the message goes beside the field
      // of the form sent (/tasks/{n}/updates, …/subtasks, …/deadline, …/stop), whose inputs' ids
      // carry the form's prefix (st_code, dl_deadline, stop_reason).
      static const std::map<std::string, std::string> kPrefix = {
          {"updates", ""}, {"subtasks", "st_"}, {"deadline", "dl_"}, {"stop", "stop_"}};
      std::string sent = ctx.req.path.substr(ctx.req.path.rfind('/') + 1);
      auto prefix = kPrefix.find(sent);
      http::SetFormError(d, ctx, *err, prefix == kPrefix.end() ? "" : prefix->second);
      d.set("sent_" + sent, true);
    }
    if (indicators) {
      TemplateData rows = indicators(ctx, static_cast<int>(n));
      if (!rows.is_empty_list()) {
        d.set("indicators", rows);
        d.set("has_indicators", true);
      }
    }
    if (auto m = module_pages.find(static_cast<int>(n)); m != module_pages.end()) {
      TemplateData links = http::List();
      for (auto& [href, label] : m->second) {
        TemplateData l = http::Object();
        l.set("href", href);
        l.set("label", ctx.T(label));
        links.push_back(l);
      }
      d.set("module_pages", links);
      d.set("has_module_pages", true);
    } else {
      d.set("not_built", true);  // the registry module of this key task is still to be built
    }
    return layout.Page(ctx, "directive/key_task", d, ctx.T(key + ".short"),
                       err ? err->status() : 200);
  };
  router.Get("/tasks/{n}", Access{"login"},
             [key_page](Ctx& ctx) { return key_page(ctx, ctx.Id("n"), http::Object(), nullptr); });
  router.Post("/tasks/{n}/updates", update, [&svc, key_page](Ctx& ctx) {
    long long n = ctx.Id("n");
    Input in = Input::FromForm(ctx.req.body);
    try {
      auto v = svc.KeyTask(ctx.AsActor(), static_cast<int>(n), clock::Today());
      if (!v) throw Error(errors::kTaskNotFound, "n");
      svc.AddUpdate(ctx.AsActor(), v->row.task.id, ReadUpdate(in), clock::Today());
      return Response::Redirect("/tasks/" + std::to_string(n));
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      TemplateData form = http::EchoForm(
          in, {"on_date", "percent", "narrative", "results", "difficulties", "proposals"});
      return key_page(ctx, n, form, &e);
    }
  });
  // Splitting a key task into sub-tasks, stopping it, changing its deadline — from its page.
  auto key_action = [&svc, key_page](
                        Ctx& ctx, const std::function<void(long long task_id, const Input&)>& act,
                        std::initializer_list<const char*> echo) {
    long long n = ctx.Id("n");
    Input in = Input::FromForm(ctx.req.body);
    try {
      auto v = svc.KeyTask(ctx.AsActor(), static_cast<int>(n), clock::Today());
      if (!v) throw Error(errors::kTaskNotFound, "n");
      act(v->row.task.id, in);
      return Response::Redirect("/tasks/" + std::to_string(n));
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      return key_page(ctx, n, http::EchoForm(in, echo), &e);
    }
  };
  router.Post("/tasks/{n}/subtasks", delegate, [&svc, key_action](Ctx& ctx) {
    return key_action(
        ctx,
        [&](long long id, const Input& in) { svc.AddSubTask(ctx.AsActor(), id, ReadTask(in)); },
        {"code", "title", "deadline", "expected_outputs"});
  });
  router.Post("/tasks/{n}/stop", assign, [&svc, key_action](Ctx& ctx) {
    return key_action(ctx,
                      [&](long long id, const Input& in) {
                        in.AllowOnly({"reason"});
                        svc.StopTask(ctx.AsActor(), id, in.ReqStr("reason", 1000));
                      },
                      {"reason"});
  });
  router.Post("/tasks/{n}/deadline", assign, [&svc, key_action](Ctx& ctx) {
    return key_action(ctx,
                      [&](long long id, const Input& in) {
                        in.AllowOnly({"deadline", "reason"});
                        auto deadline = in.DateField("deadline", false);
                        svc.Reschedule(ctx.AsActor(), id, deadline, in.ReqStr("reason", 1000));
                      },
                      {"deadline", "reason"});
  });

  // Every task the user can see, filtered by status: the overdue and due-soon lists.
  router.Get("/tasks", read, [&svc, &layout](Ctx& ctx) {
    std::string status = ctx.req.Query("status");
    TemplateData d = http::Object();
    TemplateData rows = http::List();
    auto list = svc.ListTasks(ctx.AsActor(), status, 0, clock::Today());
    for (auto& v : list) {
      TemplateData t = StatusData(ctx, v);
      t.set("code", v.row.task.code);
      t.set("title", v.row.task.title);
      t.set("lead", v.row.lead_unit_name);
      t.set("deadline",
            v.row.task.deadline ? v.row.task.deadline->ToVn() : ctx.T("task_status.no_deadline"));
      if (v.row.task.key_no) t.set("key_no", std::to_string(v.row.task.key_no));
      t.set("directive_id", std::to_string(v.row.task.directive_id));
      rows.push_back(t);
    }
    d.set("rows", rows);
    d.set("count", std::to_string(list.size()));
    if (list.empty()) d.set("empty", true);
    TemplateData filters = http::List();
    for (const char* code : {"", "open_overdue", "due_soon", "open_on_time", "done_on_time",
                             "done_late", "no_deadline"}) {
      TemplateData f = http::Object();
      if (*code) f.set("code", code);
      f.set("label", *code ? ctx.T(std::string("task_status.") + code) : ctx.T("task.all"));
      if (status == code) f.set("active", true);
      filters.push_back(f);
    }
    d.set("filters", filters);
    return layout.Page(ctx, "directive/task_list", d, ctx.T("task.list_title"));
  });

  auto directive_page = [&svc, &layout](Ctx& ctx, long long directive_id, TemplateData form,
                                        const Error* err) {
    Directive d = svc.GetDirective(ctx.AsActor(), directive_id);
    TemplateData data = http::Object();
    data.set("id", std::to_string(d.id));
    auto units = svc.AssignableUnits(ctx.AsActor(), d.id);
    if (!units.empty()) {
      data.set("can_assign", true);
      std::string lead = form.get("lead_unit_id") ? form.get("lead_unit_id")->string_value() : "";
      TemplateData options = http::List();
      for (auto& [uid, name] : units) {
        TemplateData o = http::Object();
        o.set("value", std::to_string(uid));
        o.set("label", name);
        if (lead == std::to_string(uid)) o.set("selected", true);
        options.push_back(o);
      }
      data.set("units", options);
    }
    if (!form.get("start_on")) form.set("start_on", clock::Today().ToVn());
    data.set("v", form);
    if (err) http::SetFormError(data, ctx, *err);
    data.set("number_symbol", d.number_symbol);
    data.set("issued_on", d.issued_on.ToVn());
    data.set("issuer", d.issuer);
    data.set("signer", d.signer);
    data.set("signer_authority", d.signer_authority);
    data.set("subject", d.subject);
    data.set("legal_basis", d.legal_basis);
    data.set("recipients", d.recipients);
    data.set("full_text", d.full_text);
    TemplateData files = http::List();
    for (auto& f : svc.ListAttachments(ctx.AsActor(), d.id)) {
      TemplateData x = http::Object();
      x.set("id", std::to_string(f.id));
      x.set("name", f.file_name);
      x.set("size", std::to_string((f.size + 1023) / 1024) + " KB");
      files.push_back(x);
    }
    if (!files.is_empty_list()) data.set("files", files);
    if (!units.empty()) data.set("can_attach", true);
    if (std::string fe = ctx.req.Query("file_error"); !fe.empty()) {
      static const std::map<std::string, ErrorDef> kFileErrors = {
          {"DIR-2014", errors::kFileTooLarge},
          {"DIR-2015", errors::kFileType},
          {"DIR-2017", errors::kNoFile}};
      if (auto it = kFileErrors.find(fe); it != kFileErrors.end())
        data.set("file_error", ctx.Message(Error(it->second, "file", {{"max", "5"}})));
    }
    TemplateData tasks = http::List();
    for (auto& v : svc.ListTasks(ctx.AsActor(), "", d.id, clock::Today())) {
      TemplateData t = StatusData(ctx, v);
      t.set("key_no", std::to_string(v.row.task.key_no));
      t.set("code", v.row.task.code);
      if (v.row.task.key_no) t.set("is_key", true);
      t.set("title", v.row.task.title);
      t.set("lead", v.row.lead_unit_name);
      t.set("deadline",
            v.row.task.deadline ? v.row.task.deadline->ToVn() : ctx.T("task_status.no_deadline"));
      tasks.push_back(t);
    }
    data.set("tasks", tasks);
    return layout.Page(ctx, "directive/directive", data, d.subject, err ? err->status() : 200);
  };
  router.Get("/directives/{id}", read, [directive_page](Ctx& ctx) {
    return directive_page(ctx, ctx.Id("id"), http::Object(), nullptr);
  });
  router.Post("/directives/{id}/tasks", assign, [&svc, directive_page](Ctx& ctx) {
    long long id = ctx.Id("id");
    Input in = Input::FromForm(ctx.req.body);
    try {
      svc.AddTask(ctx.AsActor(), id, ReadTask(in));
      return Response::Redirect("/directives/" + std::to_string(id));
    } catch (const Error& e) {
      if (e.status() == 404 || e.status() == 403) throw;
      TemplateData form = http::EchoForm(
          in, {"code", "title", "lead_unit_id", "start_on", "deadline", "expected_outputs"});
      return directive_page(ctx, id, form, &e);
    }
  });
}

}  // namespace kientao::directive
