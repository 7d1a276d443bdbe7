// The household registry's JSON API: a household entered with its members and house, read back with
// the deprivations derived from them and its class now and under the 2028 standard. Citizen IDs
// are masked in every answer.
#include <boost/json.hpp>

#include "base/citizen_id.hpp"
#include "http/input.hpp"
#include "modules/poverty/errors.hpp"
#include "modules/poverty/permissions.hpp"
#include "modules/poverty/web/poverty_web.hpp"

namespace kientao::poverty {

namespace json = boost::json;
using http::Access;
using http::Ctx;
using http::Input;

namespace {

// Reads a member's or the house's field into the problems, its name under `prefix`.
template <typename F>
auto Under(http::FieldProblems& p, const std::string& prefix, F read) -> decltype(read()) {
  try {
    return read();
  } catch (const Error& e) {
    if (e.field().empty() || e.status() == 403 || e.status() == 404) throw;
    p.Add(Error(e.def(), prefix + e.field(), e.params()));
    return {};
  }
}

HouseholdDraft ReadHousehold(const Input& in) {
  in.AllowOnly(
      {"village_id", "code", "area", "agricultural", "income_per_capita", "house", "members"});
  HouseholdDraft d;
  http::FieldProblems p;  // every problem at once, each naming its field
  d.village_id = p.Take([&] { return in.Int("village_id", true); }).value_or(0);
  d.code = p.Take([&] { return in.Str("code", 20, true); }).value_or("");
  d.area = ParseArea(p.Take([&] {
                        return in.Enum("area", {"rural", "urban"}, true);
                      }).value_or("rural"))
               .value_or(Area::kRural);
  d.agricultural = p.Take([&] { return in.Bool("agricultural"); }).value_or(false);
  d.income_per_capita = p.Take([&] { return in.Num("income_per_capita", true); }).value_or(0);
  if (auto text = p.Take([&] { return in.JsonText("house"); })) {
    Input house = Input::FromJson(*text);
    Under(p, "house.", [&] {
      house.AllowOnly({"durable", "floor_area_m2", "safe_water", "hygienic_latrine",
                       "waste_treated", "information_assets"});
      return 0;
    });
    d.house.durable_house =
        Under(p, "house.", [&] { return house.Bool("durable"); }).value_or(true);
    d.house.floor_area_m2 =
        Under(p, "house.", [&] { return house.Num("floor_area_m2", true); }).value_or(0);
    d.house.safe_water =
        Under(p, "house.", [&] { return house.Bool("safe_water"); }).value_or(true);
    d.house.hygienic_latrine =
        Under(p, "house.", [&] { return house.Bool("hygienic_latrine"); }).value_or(true);
    d.house.waste_treated =
        Under(p, "house.", [&] { return house.Bool("waste_treated"); }).value_or(true);
    if (auto assets = Under(p, "house.", [&] { return house.JsonText("information_assets"); })) {
      json::value v = json::parse(*assets);
      if (!v.is_array())
        p.Add(Error(gen_errors::kWrongType, "house.information_assets"));
      else
        for (auto& x : v.as_array()) {
          if (!x.is_string()) {
            p.Add(Error(gen_errors::kWrongType, "house.information_assets"));
            break;
          }
          d.house.information_assets.insert(std::string(x.as_string()));
        }
    }
  } else {
    p.Add(Error(gen_errors::kRequired, "house"));
  }
  std::vector<Input> members = p.Take([&] { return in.Objects("members"); });
  for (size_t i = 0; i < members.size(); ++i) {
    const Input& m = members[i];
    std::string at = "members[" + std::to_string(i) + "].";
    MemberDraft md;
    Under(p, at, [&] {
      m.AllowOnly({"full_name", "relationship", "sex", "birth_date", "citizen_id", "work",
                   "health_insurance", "monthly_social_allowance", "malnourished", "qualified",
                   "in_school", "uses_internet"});
      return 0;
    });
    md.facts.name = Under(p, at, [&] { return m.Str("full_name", 100, true); }).value_or("");
    md.relationship = Under(p, at, [&] { return m.Str("relationship", 20, true); }).value_or("");
    md.sex = Under(p, at, [&] { return m.Str("sex", 10, true); }).value_or("");
    md.facts.birth = Under(p, at, [&] { return m.DateField("birth_date", true); }).value_or(Date());
    md.citizen_id = Under(p, at, [&] { return m.Str("citizen_id", 12, false); }).value_or("");
    std::string work =
        Under(p, at, [&] { return m.Str("work", 40, false); }).value_or("not_in_labour_force");
    if (auto w = ParseWork(work))
      md.facts.work = *w;
    else
      p.Add(Error(errors::kUnknownChoice, at + "work", {{"value", work}}));
    auto flag = [&](const char* field, bool def) {
      return Under(p, at, [&] { return m.Bool(field); }).value_or(def);
    };
    md.facts.health_insurance = flag("health_insurance", false);
    md.facts.monthly_social_allowance = flag("monthly_social_allowance", false);
    md.facts.malnourished = flag("malnourished", false);
    md.facts.qualified = flag("qualified", false);
    md.facts.in_school = flag("in_school", false);
    md.facts.uses_internet = flag("uses_internet", false);
    d.members.push_back(std::move(md));
  }
  p.ThrowIfAny();
  return d;
}

json::array DeprivationsJson(const std::vector<Deprivation>& ds, const HouseholdDraft& d) {
  json::array out;
  for (const Deprivation& x : ds) {
    json::array who;
    for (size_t i : x.members) who.push_back(json::value(d.members.at(i).facts.name));
    out.push_back({{"code", x.code}, {"members", who}});
  }
  return out;
}

json::object ClassJson(const StandardClassification& c) {
  const std::string& file = c.standard->value.meta.file;
  return {{"classification", std::string(ClassCode(c.result.cls))},
          {"deprivations", c.result.deprivations},
          {"poverty_line", c.result.poverty_line},
          {"standard", file.substr(0, file.rfind('.'))}};
}

json::object HouseholdJson(const HouseholdView& v, bool with_members) {
  const HouseholdDraft& d = v.row.d;
  json::object o{{"id", v.row.id},
                 {"code", d.code},
                 {"village_id", d.village_id},
                 {"village", v.village_name},
                 {"area", std::string(AreaCode(d.area))},
                 {"agricultural", d.agricultural},
                 {"income_per_capita", d.income_per_capita},
                 {"members_count", static_cast<long long>(d.members.size())},
                 {"year", v.year},

                 {"deprived", DeprivationsJson(v.deprivations, d)}};
  o["now"] =
      v.classification ? json::value(ClassJson(v.classification->national)) : json::value(nullptr);
  o["in_2028"] = v.in_2028 ? json::value(ClassJson(*v.in_2028)) : json::value(nullptr);
  o["deprived_2028"] = DeprivationsJson(v.deprivations_2028, d);
  if (with_members) {
    json::array members;
    for (const MemberDraft& m : d.members)
      members.push_back(
          {{"full_name", m.facts.name},
           {"relationship", m.relationship},
           {"sex", m.sex},
           {"birth_date", m.facts.birth.ToIso()},
           {"citizen_id_masked",
            m.citizen_id.empty() ? json::value(nullptr) : json::value(MaskCitizenId(m.citizen_id))},
           {"work", std::string(WorkCode(m.facts.work))}});
    o["members"] = std::move(members);
  }
  return o;
}

}  // namespace

void RegisterHouseholdRoutes(http::Router& router, RegistryService& registry) {
  Access read{std::string(access::kHouseholdRead)};
  Access write{std::string(access::kHouseholdWrite)};
  router.Post("/api/v1/poverty/households", write, [&registry](Ctx& ctx) {
    long long id = registry.Create(ctx.AsActor(), ReadHousehold(Input::FromRequest(ctx.req)));
    return http::JsonAnswer(HouseholdJson(registry.Get(ctx.AsActor(), id), true), 201);
  });
  router.Get("/api/v1/poverty/households", read, [&registry](Ctx& ctx) {
    json::array items;
    for (const HouseholdView& v : registry.List(ctx.AsActor()))
      items.push_back(HouseholdJson(v, false));
    return http::JsonAnswer(json::object{{"items", items}});
  });
  router.Get("/api/v1/poverty/households/{id}", read, [&registry](Ctx& ctx) {
    return http::JsonAnswer(HouseholdJson(registry.Get(ctx.AsActor(), ctx.Id("id")), true));
  });
}

}  // namespace kientao::poverty
