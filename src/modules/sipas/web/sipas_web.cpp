// The survey's JSON API (/api/v1/sipas/…) and what the API and the pages share: the readers of a
// request and the JSON of the indices and questionnaires.
#include "modules/sipas/web/sipas_web.hpp"

#include <boost/json.hpp>

#include "base/clock.hpp"
#include "modules/sipas/errors.hpp"
#include "modules/sipas/permissions.hpp"

namespace kientao::sipas {

namespace json = boost::json;
using http::Access;
using http::Ctx;
using http::Input;

namespace {

json::value Value(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object IndexJson(const IndexResult& r) {
  json::array elements;
  for (const auto& e : r.elements) {
    json::array items;
    for (const auto& i : e.items)
      items.push_back(json::object{{"code", i.code},
                                   {"valid", i.tally.valid},
                                   {"satisfied", i.tally.satisfied},
                                   {"index", Value(i.value)}});
    elements.push_back(json::object{{"code", e.code}, {"index", Value(e.value)}, {"items", items}});
  }
  return {{"responses", r.responses}, {"index", Value(r.index)}, {"elements", elements}};
}

json::array GroupsJson(const std::vector<GroupIndex>& groups, const char* key) {
  json::array out;
  for (const auto& g : groups) {
    json::object o = IndexJson(g.index);
    o.emplace(key, g.key);
    if (!g.name.empty()) o.emplace("name", g.name);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

Answers ReadAnswers(const Input& in, int levels, const std::set<std::string>& other_fields) {
  Answers out;
  const std::string max = std::to_string(levels);
  if (in.json()) {
    in.AllowOnly({"token", "kiosk", "answers", "dossier_code", "unit_id", "answered_on"});
    auto text = in.JsonText("answers");
    if (!text) return out;
    json::value v = json::parse(*text);
    if (!v.is_object()) throw Error(gen_errors::kWrongType, "answers");
    for (const auto& [item, level] : v.as_object()) {
      std::string code(item);
      if (!level.is_int64())
        throw Error(errors::kOutOfScale, code, {{"value", json::serialize(level)}, {"max", max}});
      out[code] = static_cast<int>(std::clamp<std::int64_t>(level.as_int64(), -1, 1000));
    }
    return out;
  }
  http::FieldProblems p;
  for (const auto& key : in.Keys()) {
    if (other_fields.count(key)) continue;
    std::string typed = p.Take([&] { return in.Str(key, 4, false).value_or(""); });
    if (typed.empty()) continue;  // left empty: not answered
    bool digits = typed.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
      p.Add(Error(errors::kOutOfScale, key, {{"value", typed}, {"max", max}}));
      continue;
    }
    out[key] = std::stoi(typed);
  }
  p.ThrowIfAny();
  return out;
}

IndexQuery ReadIndexQuery(const Ctx& ctx) {
  Date today = clock::Today();
  IndexQuery q;
  q.from = http::OptionalQueryDate(ctx.req, "from").value_or(*Date::FromYmd(today.year(), 1, 1));
  q.to = http::OptionalQueryDate(ctx.req, "to").value_or(today);
  q.unit_code = ctx.req.Query("unit");
  q.procedure_code = ctx.req.Query("procedure");
  q.questionnaire = ctx.req.Query("questionnaire");
  if (std::string c = ctx.req.Query("channel"); !c.empty()) {
    q.channel = ParseChannel(c);
    if (!q.channel) throw Error(errors::kUnknownChannel, "channel", {{"value", c}});
  }
  return q;
}

json::object IndicesJson(const Indices& x) {
  json::object o = IndexJson(x.all);
  o["from"] = x.query.from.ToIso();
  o["to"] = x.query.to.ToIso();
  o["questionnaire"] = x.questionnaire->set;
  o["questionnaire_file"] = x.questionnaire->file;
  o["target"] = x.target;
  o["above_target"] = x.above_target ? json::value(*x.above_target) : json::value(nullptr);
  o["dossiers"] = x.dossiers;
  o["sample_needed"] = x.sample_needed;
  o["sample_reached"] = x.sample_reached;
  o["by_month"] = GroupsJson(x.months, "month");
  o["by_channel"] = GroupsJson(x.channels, "channel");
  o["by_procedure"] = GroupsJson(x.procedures, "procedure");
  return o;
}

json::object QuestionnaireJson(const Questionnaire& q, const Method&) {
  json::array elements;
  for (const auto& e : q.elements) {
    json::array items;
    for (size_t i = 0; i < e.items.size(); ++i)
      items.push_back(
          json::object{{"code", e.code + "." + std::to_string(i + 1)}, {"text", e.items[i]}});
    elements.push_back(json::object{{"code", e.code},
                                    {"name", e.name},
                                    {"article", e.article},
                                    {"verified", e.verified},
                                    {"items", items}});
  }
  return {{"set", q.set}, {"file", q.file}, {"name", q.name}, {"elements", elements}};
}

void RegisterSipasRoutes(http::Router& router, SipasService& svc, const http::Layout& layout,
                         const documents::Layout30& doc_layout) {
  RegisterSipasApi(router, svc);
  RegisterSipasPages(router, svc, layout, doc_layout);
}

void RegisterSipasApi(http::Router& router, SipasService& svc) {
  const Access read{std::string(access::kSipasRead)};
  const Access write{std::string(access::kSipasWrite)};
  const Access open{"", false};  // the public answers: the link or the tablet is the permission
  router.Get("/api/v1/sipas/questionnaires", read, [&svc](Ctx&) {
    const Method& m = svc.method();
    json::array sets;
    for (const auto& [id, set] : svc.questionnaires()) {
      json::array versions;
      for (const auto& v : set.versions()) {
        json::object o = QuestionnaireJson(v.value, m);
        o["effective_from"] = v.meta.effective_from.ToIso();
        o["effective_to"] =
            v.meta.effective_to ? json::value(v.meta.effective_to->ToIso()) : json::value(nullptr);
        o["verified"] = v.meta.verified && v.value.verified;
        versions.push_back(std::move(o));
      }
      sets.push_back(json::object{{"set", id}, {"versions", versions}});
    }
    json::array levels;
    for (const auto& l : m.levels) levels.push_back(json::value(l));
    return http::JsonAnswer(json::object{
        {"in_use", m.questionnaire},
        {"scale", json::object{{"levels", levels},
                               {"satisfied_from", m.satisfied_from},
                               {"verified", m.scale_verified}}},
        {"aggregation",
         json::object{{"method", m.aggregation}, {"verified", m.aggregation_verified}}},
        {"target", m.target},
        {"items", sets}});
  });
  router.Get("/api/v1/sipas/indices", read, [&svc](Ctx& ctx) {
    return http::JsonAnswer(IndicesJson(svc.Compute(ctx.AsActor(), ReadIndexQuery(ctx))));
  });
  // An applicant's answer: {"token": <the slip's link>, "answers": {…}} or {"kiosk": <tablet>, …}.
  router.Post("/api/v1/sipas/answers", open, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    Answers answers = ReadAnswers(in, static_cast<int>(svc.method().levels.size()), {});
    std::string kiosk = in.Str("kiosk", 64, false).value_or("");
    long long id = kiosk.empty()
                       ? svc.AnswerByLink(in.ReqStr("token", 64), answers, ctx.req.remote_addr)
                       : svc.AnswerAtKiosk(kiosk, answers, ctx.req.remote_addr);
    return http::JsonAnswer(json::object{{"id", id}}, 201);
  });
  router.Post("/api/v1/sipas/paper", write, [&svc](Ctx& ctx) {
    Input in = Input::FromRequest(ctx.req);
    http::FieldProblems p;
    PaperEntry e;
    e.answers =
        p.Take([&] { return ReadAnswers(in, static_cast<int>(svc.method().levels.size()), {}); });
    e.dossier_code = p.Take([&] { return in.Str("dossier_code", 40, false).value_or(""); });
    e.unit_id = p.Take([&] { return in.Int("unit_id", false).value_or(0); });
    e.answered_on = p.Take([&] { return in.DateField("answered_on", false); });
    p.ThrowIfAny();
    return http::JsonAnswer(json::object{{"id", svc.EnterPaper(ctx.AsActor(), e)}}, 201);
  });
}

}  // namespace kientao::sipas
