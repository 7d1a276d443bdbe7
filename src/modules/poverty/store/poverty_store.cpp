#include "modules/poverty/store/poverty_store.hpp"

#include <map>
#include <sstream>

#include "store/in_list.hpp"

namespace kientao::poverty {

using store::Conn;
using store::Row;
using store::Value;

namespace {

std::string Assets(const std::set<std::string>& a) {
  std::string out;
  for (auto& x : a) out += (out.empty() ? "" : ",") + x;
  return out;
}

std::set<std::string> ParseAssets(const std::string& s) {
  std::set<std::string> out;
  std::stringstream ss(s);
  for (std::string x; std::getline(ss, x, ',');)
    if (!x.empty()) out.insert(x);
  return out;
}

const char* kHouseholdCols =
    "id, commune_id, village_id, code, area, agricultural, income_per_capita, durable_house, "
    "floor_area_m2, safe_water, hygienic_latrine, waste_treated, information_assets, updated_by, "
    "updated_at FROM poverty_households ";

HouseholdRow HouseholdOf(const Row& r) {
  HouseholdRow h;
  h.id = r.Int(0);
  h.commune_id = r.Int(1);
  h.d.village_id = r.Int(2);
  h.d.code = r.Str(3);
  h.d.area = ParseArea(r.Str(4)).value_or(Area::kRural);
  h.d.agricultural = r.Int(5) != 0;
  h.d.income_per_capita = r.Num(6);
  h.d.house.durable_house = r.Int(7) != 0;
  h.d.house.floor_area_m2 = r.Num(8);
  h.d.house.safe_water = r.Int(9) != 0;
  h.d.house.hygienic_latrine = r.Int(10) != 0;
  h.d.house.waste_treated = r.Int(11) != 0;
  h.d.house.information_assets = ParseAssets(r.Str(12));
  h.updated_by = r.Str(13);
  h.updated_at = r.Str(14);
  return h;
}

const char* kMemberCols =
    "household_id, full_name, relationship, sex, birth_date, COALESCE(citizen_id, ''), work, "
    "health_insurance, monthly_social_allowance, malnourished, qualified, in_school, "
    "uses_internet FROM poverty_members ";

MemberDraft MemberOf(const Row& r) {
  MemberDraft m;
  m.facts.name = r.Str(1);
  m.relationship = r.Str(2);
  m.sex = r.Str(3);
  m.facts.birth = Date::ParseIso(r.Str(4)).value_or(Date());
  m.citizen_id = r.Str(5);
  m.facts.work = ParseWork(r.Str(6)).value_or(Work::kNotInLabourForce);
  m.facts.health_insurance = r.Int(7) != 0;
  m.facts.monthly_social_allowance = r.Int(8) != 0;
  m.facts.malnourished = r.Int(9) != 0;
  m.facts.qualified = r.Int(10) != 0;
  m.facts.in_school = r.Int(11) != 0;
  m.facts.uses_internet = r.Int(12) != 0;
  return m;
}

// Each household's active members, in their order.
void AddMembers(Conn& c, std::vector<HouseholdRow>& rows) {
  std::map<long long, HouseholdRow*> by_id;
  std::vector<long long> ids;
  for (auto& h : rows) {
    by_id[h.id] = &h;
    ids.push_back(h.id);
  }
  store::ForEachIdSlice(ids, {}, [&](const std::vector<Value>& params, const std::string& in) {
    for (auto& r :
         c.Query(std::string("SELECT ") + kMemberCols + "WHERE active = 1 AND household_id IN (" +
                     in + ") ORDER BY household_id, position",
                 params))
      by_id[r.Int(0)]->d.members.push_back(MemberOf(r));
  });
}

Value Flag(bool b) { return static_cast<long long>(b ? 1 : 0); }

}  // namespace

long long PovertyStore::InsertHousehold(Conn& c, long long commune_id, const HouseholdDraft& d,
                                        const std::string& by, const std::string& at) {
  long long id = c.InsertId(
      "INSERT INTO poverty_households (commune_id, village_id, code, area, agricultural, "
      "income_per_capita, durable_house, floor_area_m2, safe_water, hygienic_latrine, "
      "waste_treated, information_assets, updated_by, updated_at) VALUES (:1, :2, :3, :4, :5, :6, "
      ":7, :8, :9, :10, :11, :12, :13, :14) RETURNING id",
      {commune_id, d.village_id, d.code, std::string(AreaCode(d.area)), Flag(d.agricultural),
       d.income_per_capita, Flag(d.house.durable_house), d.house.floor_area_m2,
       Flag(d.house.safe_water), Flag(d.house.hygienic_latrine), Flag(d.house.waste_treated),
       Assets(d.house.information_assets), by, at});
  for (size_t i = 0; i < d.members.size(); ++i) {
    const MemberDraft& m = d.members[i];
    c.Exec(
        "INSERT INTO poverty_members (household_id, commune_id, position, full_name, relationship, "
        "sex, birth_date, citizen_id, work, health_insurance, monthly_social_allowance, "
        "malnourished, qualified, in_school, uses_internet) VALUES (:1, :2, :3, :4, :5, :6, :7, "
        ":8, "
        ":9, :10, :11, :12, :13, :14, :15)",
        {id, commune_id, static_cast<long long>(i), m.facts.name, m.relationship, m.sex,
         m.facts.birth.ToIso(), m.citizen_id.empty() ? Value() : Value(m.citizen_id),
         std::string(WorkCode(m.facts.work)), Flag(m.facts.health_insurance),
         Flag(m.facts.monthly_social_allowance), Flag(m.facts.malnourished),
         Flag(m.facts.qualified), Flag(m.facts.in_school), Flag(m.facts.uses_internet)});
  }
  return id;
}

std::optional<HouseholdRow> PovertyStore::Household(Conn& c, long long id) {
  auto r =
      c.QueryOne(std::string("SELECT ") + kHouseholdCols + "WHERE id = :1 AND active = 1", {id});
  if (!r) return std::nullopt;
  std::vector<HouseholdRow> one{HouseholdOf(*r)};
  AddMembers(c, one);
  return one.front();
}

std::vector<HouseholdRow> PovertyStore::Households(Conn& c, long long commune_id) {
  std::vector<HouseholdRow> out;
  for (auto& r : c.Query(std::string("SELECT ") + kHouseholdCols +
                             "WHERE commune_id = :1 AND active = 1 ORDER BY village_id, code",
                         {commune_id}))
    out.push_back(HouseholdOf(r));
  AddMembers(c, out);
  return out;
}

bool PovertyStore::CodeTaken(Conn& c, long long commune_id, const std::string& code) {
  return c
      .QueryOne("SELECT 1 FROM poverty_households WHERE commune_id = :1 AND code = :2",
                {commune_id, code})
      .has_value();
}

std::optional<long long> PovertyStore::HouseholdOfCitizen(Conn& c, long long commune_id,
                                                          const std::string& citizen_id) {
  auto r = c.QueryOne(
      "SELECT household_id FROM poverty_members WHERE commune_id = :1 AND citizen_id = :2",
      {commune_id, citizen_id});
  if (!r) return std::nullopt;
  return r->Int(0);
}

}  // namespace kientao::poverty
