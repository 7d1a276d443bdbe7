#include "modules/poverty/registry.hpp"

#include "base/access.hpp"
#include "base/clock.hpp"
#include "base/json_writer.hpp"
#include "modules/org/directory.hpp"
#include "modules/poverty/errors.hpp"
#include "modules/poverty/permissions.hpp"
#include "store/audit_log.hpp"
#include "store/scope.hpp"

namespace kientao::poverty {

using store::Conn;
using store::Tx;

namespace {

Household ForClassifying(const HouseholdDraft& d, const std::vector<Deprivation>& deprived) {
  Household h{d.area, d.income_per_capita, {}, d.agricultural};
  for (const Deprivation& x : deprived) h.deprived.insert(x.code);
  return h;
}

std::vector<Member> Facts(const HouseholdDraft& d) {
  std::vector<Member> out;
  for (const MemberDraft& m : d.members) out.push_back(m.facts);
  return out;
}

bool IsVillage(const org::OrgUnit& u) {
  return u.kind == org::OrgKind::kVillage || u.kind == org::OrgKind::kResidentialGroup;
}

}  // namespace

HouseholdView RegistryService::Classified(HouseholdRow row, std::string village_name) const {
  HouseholdView v;
  Date today = clock::Today();
  v.year = today.year();
  v.village_name = std::move(village_name);
  std::vector<Member> members = Facts(row.d);
  if (const auto* now = standards_.national().On(*Date::FromYmd(v.year, 1, 1))) {
    v.deprivations = DeriveDeprivations(now->value, members, row.d.house, today);
    v.classification = standards_.Classify(v.year, ForClassifying(row.d, v.deprivations));
  }
  if (const auto* goal = standards_.national().On(*Date::FromYmd(kGoalYear, 1, 1))) {
    v.deprivations_2028 = DeriveDeprivations(goal->value, members, row.d.house, today);
    v.in_2028 = StandardClassification{
        goal, poverty::Classify(goal->value, ForClassifying(row.d, v.deprivations_2028))};
  }
  v.row = std::move(row);
  return v;
}

long long RegistryService::Create(const Actor& a, const HouseholdDraft& d) {
  std::vector<FieldError> problems = ValidateHousehold(d, clock::Today());
  Conn c = db_.Lease();
  Tx tx(c);
  auto village = org::Directory::Unit(c, d.village_id);
  if (!village || !IsVillage(*village) || !village->active()) {
    problems.push_back({"village_id",
                        std::string(errors::kNotAVillage.code),
                        {{"value", std::to_string(d.village_id)}},
                        0});
    ThrowIfProblems(problems);
  }
  if (!access::Permits(a.who, access::kHouseholdWrite, village->path))
    throw Error(gen_errors::kOutOfScope, "village_id");
  long long commune = village->commune_id;
  if (!d.code.empty() && PovertyStore::CodeTaken(c, commune, d.code))
    problems.push_back(
        {"code", std::string(errors::kHouseholdCodeTaken.code), {{"value", d.code}}, 0});
  // One person, one household: an ID held elsewhere in the commune is refused without saying where.
  for (size_t i = 0; i < d.members.size(); ++i)
    if (!d.members[i].citizen_id.empty() &&
        PovertyStore::HouseholdOfCitizen(c, commune, d.members[i].citizen_id))
      problems.push_back({"members[" + std::to_string(i) + "].citizen_id",
                          std::string(errors::kCitizenIdTaken.code),
                          {},
                          0});
  ThrowIfProblems(problems);
  long long id = PovertyStore::InsertHousehold(c, commune, d, a.audit_name, clock::NowIsoUtc());
  store::AppendAudit(c, a, "create", "household", id, commune, std::nullopt,
                     JsonObject()
                         .Str("code", d.code)
                         .Int("village_id", d.village_id)
                         .Int("members", static_cast<long long>(d.members.size()))
                         .Build());
  tx.Commit();
  return id;
}

HouseholdView RegistryService::Get(const Actor& a, long long id) {
  Conn c = db_.Lease();
  auto row = PovertyStore::Household(c, id);
  auto village = row ? org::Directory::Unit(c, row->d.village_id) : std::nullopt;
  if (!row || !village || !access::Permits(a.who, access::kHouseholdRead, village->path))
    throw Error(errors::kHouseholdNotFound, "id");
  return Classified(std::move(*row), village->name);
}

std::vector<HouseholdView> RegistryService::List(const Actor& a) {
  Conn c = db_.Lease();
  long long commune = store::ActorCommune(c, a.who, access::kHouseholdRead);
  std::vector<HouseholdView> out;
  if (!commune) return out;
  auto rows = PovertyStore::Households(c, commune);
  std::set<long long> village_ids;
  for (auto& r : rows) village_ids.insert(r.d.village_id);
  auto villages = org::Directory::Units(c, village_ids);
  for (auto& r : rows) {
    auto v = villages.find(r.d.village_id);
    if (v == villages.end() || !access::Permits(a.who, access::kHouseholdRead, v->second.path))
      continue;
    out.push_back(Classified(std::move(r), v->second.name));
  }
  return out;
}

}  // namespace kientao::poverty
