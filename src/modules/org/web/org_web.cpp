#include "modules/org/web/org_web.hpp"

#include <boost/json.hpp>

#include "base/access.hpp"
#include "base/citizen_id.hpp"
#include "base/clock.hpp"
#include "base/csv.hpp"
#include "base/json_writer.hpp"
#include "http/form.hpp"
#include "http/input.hpp"
#include "http/upload.hpp"
#include "modules/org/errors.hpp"
#include "modules/org/permissions.hpp"

namespace kientao::org {

namespace json = boost::json;
using http::Access;
using http::Ctx;
using http::Input;
using http::Response;
using http::TemplateData;

namespace {

std::string Perm(std::string_view p) { return std::string(p); }

json::object UnitJson(const OrgUnit& u) {
  json::object o;
  o["id"] = u.id;
  o["code"] = u.code;
  o["name"] = u.name;
  o["kind"] = std::string(KindCode(u.kind));
  o["parent_id"] = u.parent_id ? json::value(u.parent_id) : json::value(nullptr);
  o["path"] = u.path;
  o["commune_id"] = u.commune_id ? json::value(u.commune_id) : json::value(nullptr);
  o["active_from"] = u.active_from.ToIso();
  o["active_to"] = u.active_to ? json::value(u.active_to->ToIso()) : json::value(nullptr);
  o["active"] = u.active();
  return o;
}

// Written directly (not through boost::json): the staff list is the hottest answer of the API.
std::string StaffJson(const StaffRow& r) {
  const Staff& s = r.staff;
  JsonObject o;
  o.Int("id", s.id)
      .Str("full_name", s.full_name)
      .Str("sex", SexCode(s.sex))
      .Str("birth_date", s.birth_date.ToIso())
      .Str("citizen_id_masked", MaskCitizenId(s.citizen_id))
      .Str("category", CategoryCode(s.category))
      .Str("position", s.position)
      .Raw("unit", JsonObject()
                       .Int("id", s.unit_id)
                       .Str("code", r.unit_code)
                       .Str("name", r.unit_name)
                       .Build())
      .Str("start_date", s.start_date.ToIso())
      .Str("status", StatusCode(s.status));
  if (s.end_date)
    o.Str("end_date", s.end_date->ToIso());
  else
    o.Null("end_date");
  return o.Build();
}

TemplateData UnitData(const OrgUnit& u, const Ctx& ctx) {
  TemplateData d = http::Object();
  d.set("id", std::to_string(u.id));
  d.set("code", u.code);
  d.set("name", u.name);
  d.set("kind", ctx.T("org.kind." + std::string(KindCode(u.kind))));
  d.set("kind_code", std::string(KindCode(u.kind)));
  d.set("depth", std::to_string(u.Depth()));
  d.set("active_from", u.active_from.ToVn());
  if (u.active_to) d.set("active_to", u.active_to->ToVn());
  if (u.active()) d.set("active", true);
  return d;
}

TemplateData StaffData(const StaffRow& r, const Ctx& ctx) {
  const Staff& s = r.staff;
  TemplateData d = http::Object();
  d.set("id", std::to_string(s.id));
  d.set("full_name", s.full_name);
  d.set("sex", ctx.T(std::string("org.sex.") + std::string(SexCode(s.sex))));
  d.set("birth_date", s.birth_date.ToVn());
  d.set("citizen_id_masked", MaskCitizenId(s.citizen_id));
  d.set("category", ctx.T("org.category." + std::string(CategoryCode(s.category))));
  d.set("position", s.position);
  d.set("unit_name", r.unit_name);
  d.set("unit_id", std::to_string(s.unit_id));
  d.set("start_date", s.start_date.ToVn());
  if (s.status == StaffStatus::kActive) d.set("active", true);
  if (s.end_date) d.set("end_date", s.end_date->ToVn());
  return d;
}

// Kinds and units for <select>s, with the current choice marked.
TemplateData KindOptions(const Ctx& ctx, const std::string& selected) {
  TemplateData list = http::List();
  for (OrgKind k : AllKinds()) {
    TemplateData o = http::Object();
    std::string code(KindCode(k));
    o.set("value", code);
    o.set("label", ctx.T("org.kind." + code));
    if (code == selected) o.set("selected", true);
    list.push_back(o);
  }
  return list;
}

TemplateData UnitOptions(const Ctx& ctx, const std::vector<OrgUnit>& units,
                         const std::string& selected, std::string_view permission,
                         bool staff_units_only) {
  TemplateData list = http::List();
  for (const OrgUnit& u : units) {
    if (!access::Permits(*ctx.user, permission, u.path)) continue;
    if (staff_units_only && (!HoldsStaff(u.kind) || !u.commune_id)) continue;
    TemplateData o = http::Object();
    o.set("value", std::to_string(u.id));
    o.set("label", std::string(static_cast<size_t>(std::max(0, u.Depth() - 1)) * 2, ' ') + u.name);
    if (std::to_string(u.id) == selected) o.set("selected", true);
    list.push_back(o);
  }
  return list;
}

// A new unit from a JSON body or a form.
OrgUnitDraft ReadUnit(const Input& in) {
  in.AllowOnly({"code", "name", "kind", "parent_id", "active_from"});
  OrgUnitDraft d;
  d.code = in.ReqStr("code", 32);
  d.name = in.ReqStr("name", 200);
  auto kind = ParseKind(in.ReqStr("kind", 32));
  if (!kind) throw Error(errors::kInvalidKind, "kind");
  d.kind = *kind;
  d.parent_id = in.Int("parent_id", false).value_or(0);
  d.active_from = in.DateField("active_from", false).value_or(clock::Today());
  return d;
}

StaffDraft ReadStaff(const Input& in, const StaffDraft* base) {
  in.AllowOnly({"unit_id", "full_name", "sex", "birth_date", "citizen_id", "category", "position",
                "start_date"});
  bool req = base == nullptr;
  StaffDraft d = base ? *base : StaffDraft{};
  // Every field read, every problem kept: the form shows them all at once, each beside its field.
  http::FieldProblems p;
  if (auto v = p.Take([&] { return in.Int("unit_id", req); })) d.unit_id = *v;
  if (auto v = p.Take([&] { return in.Str("full_name", 100, req); })) d.full_name = *v;
  if (auto v = p.Take([&] { return in.Enum("sex", {"male", "female"}, req); }))
    d.sex = *ParseSex(*v);
  if (auto v = p.Take([&] { return in.DateField("birth_date", req); })) d.birth_date = *v;
  if (auto v = p.Take([&] {
        auto id = in.Str("citizen_id", 12, req);
        if (id && !CitizenId::Parse(*id)) throw Error(errors::kInvalidCitizenId, "citizen_id");
        return id;
      }))
    d.citizen_id = *v;
  if (auto v = p.Take([&] {
        return in.Enum("category",
                       {"cadre", "civil_servant", "public_employee", "part_time", "contract"}, req);
      }))
    d.category = *ParseCategory(*v);
  if (auto v = p.Take([&] { return in.Str("position", 100, req); })) d.position = *v;
  if (auto v = p.Take([&] { return in.DateField("start_date", req); })) d.start_date = *v;
  p.ThrowIfAny();
  return d;
}

}  // namespace

void RegisterOrgRoutes(http::Router& router, OrgService& svc, const http::Layout& layout) {
  const Access read_org{Perm(access::kOrgRead)}, write_org{Perm(access::kOrgWrite)};
  const Access read_staff{Perm(access::kStaffRead)}, write_staff{Perm(access::kStaffWrite)};
  const Access import_staff{Perm(access::kStaffImport)};

  // ---- JSON API: org units ----
  router.Get("/api/v1/org-units", read_org, [&svc](Ctx& ctx) {
    json::array arr;
    for (auto& u : svc.ListUnits(ctx.AsActor(), ctx.req.Query("include_inactive") == "true"))
      arr.push_back(UnitJson(u));
    return http::JsonAnswer(json::object{{"items", std::move(arr)}});
  });
  router.Get("/api/v1/org-units/{id}", read_org, [&svc](Ctx& ctx) {
    return http::JsonAnswer(UnitJson(svc.GetUnit(ctx.AsActor(), ctx.Id("id"))));
  });
  router.Post("/api/v1/org-units", write_org, [&svc](Ctx& ctx) {
    OrgUnitDraft d = ReadUnit(Input::FromRequest(ctx.req));
    return http::JsonAnswer(UnitJson(svc.CreateUnit(ctx.AsActor(), d)), 201);
  });
  router.Add("PATCH", "/api/v1/org-units/{id}", write_org, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"code", "name", "active_from"});
    OrgUnit u = svc.GetUnit(ctx.AsActor(), ctx.Id("id"));
    std::string code = in.Str("code", 32, false).value_or(u.code);
    std::string name = in.Str("name", 200, false).value_or(u.name);
    Date from = in.DateField("active_from", false).value_or(u.active_from);
    return http::JsonAnswer(UnitJson(svc.UpdateUnit(ctx.AsActor(), u.id, code, name, from)));
  });
  router.Post("/api/v1/org-units/{id}/deactivate", write_org, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"active_to"});
    long long id = ctx.Id("id");
    svc.DeactivateUnit(ctx.AsActor(), id,
                       in.DateField("active_to", false).value_or(clock::Today()));
    return http::JsonAnswer(UnitJson(svc.GetUnit(ctx.AsActor(), id)));
  });

  // ---- JSON API: staff ----
  router.Get("/api/v1/staff", read_staff, [&svc](Ctx& ctx) {
    StaffFilter f;
    f.query = ctx.req.Query("q");
    f.include_inactive = ctx.req.Query("include_inactive") == "true";
    if (auto u = ctx.req.Query("unit_id"); !u.empty()) f.unit_id = std::atoll(u.c_str());
    auto list = svc.ListStaff(ctx.AsActor(), f);
    return Response::Json(list->Rendered([](const std::vector<StaffRow>& rows) {
      std::string body = "{\"items\":[";
      for (size_t i = 0; i < rows.size(); ++i) body += (i ? "," : "") + StaffJson(rows[i]);
      return body + "]}";
    }));
  });
  router.Get("/api/v1/staff/export", import_staff, [&svc](Ctx& ctx) {
    Response r = Response::Text(svc.ExportStaffCsv(ctx.AsActor()));
    r.content_type = "text/csv; charset=utf-8";
    r.SetHeader("Content-Disposition", "attachment; filename=\"staff.csv\"");
    return r;
  });
  router.Post("/api/v1/staff/import", import_staff, [&svc](Ctx& ctx) {
    ImportResult res =
        svc.ImportStaffCsv(ctx.AsActor(), ctx.req.body, CharsetOf(ctx.req.Header("content-type")));
    return http::JsonAnswer(json::object{
        {"created", res.created}, {"updated", res.updated}, {"unchanged", res.unchanged}});
  });
  router.Get("/api/v1/staff/{id}", read_staff, [&svc](Ctx& ctx) {
    return Response::Json(StaffJson(svc.GetStaff(ctx.AsActor(), ctx.Id("id"))));
  });
  router.Get("/api/v1/staff/{id}/citizen-id", Access{Perm(access::kStaffReadFull)},
             [&svc](Ctx& ctx) {
               return http::JsonAnswer(
                   json::object{{"citizen_id", svc.ReadCitizenId(ctx.AsActor(), ctx.Id("id"))}});
             });
  router.Post("/api/v1/staff", write_staff, [&svc](Ctx& ctx) {
    StaffDraft d = ReadStaff(Input::FromRequest(ctx.req), nullptr);
    long long id = svc.CreateStaff(ctx.AsActor(), d);
    return Response::Json(StaffJson(svc.GetStaff(ctx.AsActor(), id)), 201);
  });
  router.Add("PATCH", "/api/v1/staff/{id}", write_staff, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    long long id = ctx.Id("id");
    StaffRow cur = svc.GetStaff(ctx.AsActor(), id);
    const Staff& s = cur.staff;
    StaffDraft base{s.unit_id,    s.full_name, s.sex,      s.birth_date,
                    s.citizen_id, s.category,  s.position, s.start_date};
    svc.UpdateStaff(ctx.AsActor(), id, ReadStaff(in, &base));
    return Response::Json(StaffJson(svc.GetStaff(ctx.AsActor(), id)));
  });
  router.Post("/api/v1/staff/{id}/deactivate", write_staff, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    in.AllowOnly({"end_date"});
    long long id = ctx.Id("id");
    svc.DeactivateStaff(ctx.AsActor(), id,
                        in.DateField("end_date", false).value_or(clock::Today()));
    return Response::Json(StaffJson(svc.GetStaff(ctx.AsActor(), id)));
  });

  // ---- Pages: org units ----
  router.Get("/org", read_org, [&svc, &layout](Ctx& ctx) {
    bool all = ctx.req.Query("all") == "1";
    TemplateData d = http::Object();
    TemplateData units = http::List();
    for (auto& u : svc.ListUnits(ctx.AsActor(), all)) {
      TemplateData ud = UnitData(u, ctx);
      if (access::Permits(*ctx.user, access::kOrgWrite, u.path)) ud.set("can_write", true);
      units.push_back(ud);
    }
    d.set("units", units);
    if (all) d.set("all", true);
    if (access::HasPermission(*ctx.user, access::kOrgWrite)) d.set("can_write", true);
    return layout.Page(ctx, "org/org_list", d, ctx.T("org.units_title"));
  });
  auto unit_form = [&svc, &layout](Ctx& ctx, TemplateData values, const Error* err, long long id) {
    TemplateData d = http::Object();
    auto units = svc.ListUnits(ctx.AsActor(), false);
    std::string kind = values.get("kind") ? values.get("kind")->string_value() : "";
    std::string parent = values.get("parent_id") ? values.get("parent_id")->string_value() : "";
    d.set("v", values);
    d.set("kinds", KindOptions(ctx, kind));
    d.set("parents", UnitOptions(ctx, units, parent, access::kOrgWrite, false));
    if (id) d.set("id", std::to_string(id));
    if (err) http::SetFormError(d, ctx, *err);
    return layout.Page(ctx, "org/org_form", d, ctx.T(id ? "org.edit_unit" : "org.new_unit"),
                       err ? err->status() : 200);
  };
  router.Get("/org/new", write_org, [unit_form](Ctx& ctx) {
    TemplateData v = http::Object();
    v.set("parent_id", ctx.req.Query("parent"));
    v.set("active_from", clock::Today().ToVn());
    return unit_form(ctx, v, nullptr, 0);
  });
  router.Post("/org", write_org, [&svc, unit_form](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    try {
      OrgUnit u = svc.CreateUnit(ctx.AsActor(), ReadUnit(in));
      return Response::Redirect("/org/" + std::to_string(u.id));
    } catch (const Error& e) {
      return unit_form(
          ctx, http::EchoForm(in, {"code", "name", "kind", "parent_id", "active_from"}), &e, 0);
    }
  });
  router.Get("/org/{id}", read_org, [&svc, &layout](Ctx& ctx) {
    OrgUnit u = svc.GetUnit(ctx.AsActor(), ctx.Id("id"));
    TemplateData d = http::Object();
    d.set("unit", UnitData(u, ctx));
    if (access::Permits(*ctx.user, access::kOrgWrite, u.path)) d.set("can_write", true);
    if (u.parent_id) {
      try {
        d.set("parent", UnitData(svc.GetUnit(ctx.AsActor(), u.parent_id), ctx));
      } catch (const Error&) {
        // The parent lies outside the user's scope: show no link.
      }
    }
    TemplateData children = http::List();
    for (auto& c : svc.ListUnits(ctx.AsActor(), false))
      if (c.parent_id == u.id) children.push_back(UnitData(c, ctx));
    d.set("children", children);
    StaffFilter f;
    f.unit_id = u.id;
    TemplateData staff = http::List();
    if (access::Permits(*ctx.user, access::kStaffRead, u.path))
      for (auto& s : svc.ListStaff(ctx.AsActor(), f)->rows)
        if (s.staff.unit_id == u.id) {
          staff.push_back(StaffData(s, ctx));
          d.set("has_staff", true);
        }
    d.set("staff", staff);
    return layout.Page(ctx, "org/org_view", d, u.name);
  });
  router.Get("/org/{id}/edit", write_org, [&svc, unit_form](Ctx& ctx) {
    OrgUnit u = svc.GetUnit(ctx.AsActor(), ctx.Id("id"));
    TemplateData v = http::Object();
    v.set("code", u.code);
    v.set("name", u.name);
    v.set("kind", std::string(KindCode(u.kind)));
    v.set("parent_id", std::to_string(u.parent_id));
    v.set("active_from", u.active_from.ToVn());
    return unit_form(ctx, v, nullptr, u.id);
  });
  router.Post("/org/{id}", write_org, [&svc, unit_form](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    long long id = ctx.Id("id");
    try {
      in.AllowOnly({"code", "name", "kind", "parent_id", "active_from"});
      OrgUnit u = svc.GetUnit(ctx.AsActor(), id);
      svc.UpdateUnit(ctx.AsActor(), id, in.ReqStr("code", 32), in.ReqStr("name", 200),
                     in.DateField("active_from", false).value_or(u.active_from));
      return Response::Redirect("/org/" + std::to_string(id));
    } catch (const Error& e) {
      if (e.status() == 404) throw;
      return unit_form(
          ctx, http::EchoForm(in, {"code", "name", "kind", "parent_id", "active_from"}), &e, id);
    }
  });
  router.Post("/org/{id}/deactivate", write_org, [&svc](Ctx& ctx) {
    long long id = ctx.Id("id");
    svc.DeactivateUnit(ctx.AsActor(), id, clock::Today());
    return Response::Redirect("/org/" + std::to_string(id));
  });

  // ---- Pages: staff ----
  router.Get("/staff", read_staff, [&svc, &layout](Ctx& ctx) {
    StaffFilter f;
    f.query = ctx.req.Query("q");
    f.include_inactive = ctx.req.Query("all") == "1";
    if (auto u = ctx.req.Query("unit_id"); !u.empty()) f.unit_id = std::atoll(u.c_str());
    TemplateData d = http::Object();
    TemplateData rows = http::List();
    auto list = svc.ListStaff(ctx.AsActor(), f);
    for (auto& r : list->rows) rows.push_back(StaffData(r, ctx));
    d.set("rows", rows);
    d.set("count", std::to_string(list->rows.size()));
    d.set("q", f.query);
    if (f.include_inactive) d.set("all", true);
    if (list->rows.empty()) d.set("empty", true);
    if (access::HasPermission(*ctx.user, access::kStaffWrite)) d.set("can_write", true);
    if (access::HasPermission(*ctx.user, access::kStaffImport)) d.set("can_import", true);
    d.set("units", UnitOptions(ctx, svc.ListUnits(ctx.AsActor(), false), ctx.req.Query("unit_id"),
                               access::kStaffRead, true));
    if (ctx.req.Header("hx-request") == "true")
      return Response::Html(layout.Fragment(ctx, "org/staff_rows", d));
    return layout.Page(ctx, "org/staff_list", d, ctx.T("org.staff_title"));
  });
  auto staff_form = [&svc, &layout](Ctx& ctx, TemplateData values, const Error* err, long long id) {
    TemplateData d = http::Object();
    auto units = svc.ListUnits(ctx.AsActor(), false);
    auto get = [&values](const char* k) {
      return values.get(k) ? values.get(k)->string_value() : std::string();
    };
    d.set("v", values);
    d.set("units", UnitOptions(ctx, units, get("unit_id"), access::kStaffWrite, true));
    TemplateData sexes = http::List(), cats = http::List();
    for (const char* s : {"male", "female"}) {
      TemplateData o = http::Object();
      o.set("value", s);
      o.set("label", ctx.T(std::string("org.sex.") + s));
      if (get("sex") == s) o.set("selected", true);
      sexes.push_back(o);
    }
    for (StaffCategory c : AllCategories()) {
      TemplateData o = http::Object();
      std::string code(CategoryCode(c));
      o.set("value", code);
      o.set("label", ctx.T("org.category." + code));
      if (get("category") == code) o.set("selected", true);
      cats.push_back(o);
    }
    d.set("sexes", sexes);
    d.set("categories", cats);
    if (id) d.set("id", std::to_string(id));
    if (err) http::SetFormError(d, ctx, *err);
    return layout.Page(ctx, "org/staff_form", d, ctx.T(id ? "org.edit_staff" : "org.new_staff"),
                       err ? err->status() : 200);
  };
  static const std::initializer_list<const char*> kStaffFields = {
      "unit_id",    "full_name", "sex",      "birth_date",
      "citizen_id", "category",  "position", "start_date"};
  router.Get("/staff/new", write_staff, [staff_form](Ctx& ctx) {
    TemplateData v = http::Object();
    v.set("unit_id", ctx.req.Query("unit"));
    v.set("start_date", clock::Today().ToVn());
    v.set("category", "civil_servant");
    return staff_form(ctx, v, nullptr, 0);
  });
  router.Post("/staff", write_staff, [&svc, staff_form](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    try {
      long long id = svc.CreateStaff(ctx.AsActor(), ReadStaff(in, nullptr));
      return Response::Redirect("/staff/" + std::to_string(id));
    } catch (const Error& e) {
      return staff_form(ctx, http::EchoForm(in, kStaffFields), &e, 0);
    }
  });
  router.Get("/staff/import", import_staff, [&layout](Ctx& ctx) {
    return layout.Page(ctx, "org/staff_import", http::Object(), ctx.T("org.import_title"));
  });
  router.Post("/staff/import", import_staff, [&svc, &layout](Ctx& ctx) {
    TemplateData d = http::Object();
    d.set("upload_action", "/staff/import");
    http::Upload up;
    try {
      up = http::ReadUpload(ctx.req, errors::kEmptyImport);
      ImportResult res = svc.ImportStaffCsv(ctx.AsActor(), up.file, up.charset);
      d.set("done_message", ctx.i18n->Format(ctx.lang, "org.import_done",
                                             {{"created", std::to_string(res.created)},
                                              {"updated", std::to_string(res.updated)},
                                              {"unchanged", std::to_string(res.unchanged)}}));
      d.set("done", true);
      return layout.Page(ctx, "org/staff_import", d, ctx.T("org.import_title"));
    } catch (const Error& e) {
      http::ShowUploadError(d, ctx, e, up);
      return layout.Page(ctx, "org/staff_import", d, ctx.T("org.import_title"), e.status());
    }
  });
  router.Get("/staff/export.csv", import_staff, [&svc](Ctx& ctx) {
    Response r = Response::Text(svc.ExportStaffCsv(ctx.AsActor()));
    r.content_type = "text/csv; charset=utf-8";
    r.SetHeader("Content-Disposition", "attachment; filename=\"can-bo-cong-chuc.csv\"");
    return r;
  });
  router.Get("/staff/{id}", read_staff, [&svc, &layout](Ctx& ctx) {
    StaffRow r = svc.GetStaff(ctx.AsActor(), ctx.Id("id"));
    TemplateData d = http::Object();
    d.set("s", StaffData(r, ctx));
    if (access::Permits(*ctx.user, access::kStaffWrite, r.unit_path)) d.set("can_write", true);
    if (access::Permits(*ctx.user, access::kStaffReadFull, r.unit_path))
      d.set("can_read_full", true);
    return layout.Page(ctx, "org/staff_view", d, r.staff.full_name);
  });
  router.Post("/staff/{id}/citizen-id", Access{Perm(access::kStaffReadFull)}, [&svc](Ctx& ctx) {
    // A POST, so the full read is a deliberate, CSRF-protected action and never cached or
    // prefetched.
    std::string cid = svc.ReadCitizenId(ctx.AsActor(), ctx.Id("id"));
    Response r = Response::Html("<span class=\"font-monospace\" data-testid=\"citizen-id-full\">" +
                                http::HtmlEscape(cid) + "</span>");
    r.SetHeader("Cache-Control", "no-store");
    return r;
  });
  router.Get("/staff/{id}/edit", write_staff, [&svc, staff_form](Ctx& ctx) {
    StaffRow r = svc.GetStaff(ctx.AsActor(), ctx.Id("id"));
    const Staff& s = r.staff;
    TemplateData v = http::Object();
    v.set("unit_id", std::to_string(s.unit_id));
    v.set("full_name", s.full_name);
    v.set("sex", std::string(SexCode(s.sex)));
    v.set("birth_date", s.birth_date.ToVn());
    v.set("category", std::string(CategoryCode(s.category)));
    v.set("position", s.position);
    v.set("start_date", s.start_date.ToVn());
    // The citizen ID is not put into the form: the field is left empty and keeps the stored value.
    return staff_form(ctx, v, nullptr, s.id);
  });
  router.Post("/staff/{id}", write_staff, [&svc, staff_form](Ctx& ctx) {
    Input in = Input::FromForm(ctx.req.body);
    long long id = ctx.Id("id");
    StaffRow cur = svc.GetStaff(ctx.AsActor(), id);
    try {
      const Staff& s = cur.staff;
      StaffDraft base{s.unit_id,    s.full_name, s.sex,      s.birth_date,
                      s.citizen_id, s.category,  s.position, s.start_date};
      svc.UpdateStaff(ctx.AsActor(), id, ReadStaff(in, &base));
      return Response::Redirect("/staff/" + std::to_string(id));
    } catch (const Error& e) {
      return staff_form(ctx, http::EchoForm(in, kStaffFields), &e, id);
    }
  });
  router.Post("/staff/{id}/deactivate", write_staff, [&svc](Ctx& ctx) {
    long long id = ctx.Id("id");
    svc.DeactivateStaff(ctx.AsActor(), id, clock::Today());
    return Response::Redirect("/staff/" + std::to_string(id));
  });
}

}  // namespace kientao::org
