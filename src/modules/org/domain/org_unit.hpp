#pragma once
// Org units: city → commune/ward/special zone → offices, centres, units, villages and residential
// groups.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.hpp"
#include "base/error.hpp"

namespace kientao::org {

enum class OrgKind {
  kCity,
  kCommune,
  kWard,
  kSpecialZone,
  kOffice,
  kCentre,
  kUnit,
  kVillage,
  kResidentialGroup
};

std::string_view KindCode(OrgKind k);  // "city", "commune", …
std::optional<OrgKind> ParseKind(std::string_view code);
const std::vector<OrgKind>& AllKinds();
// Whether a unit of kind `child` may sit directly under one of kind `parent` (nullopt parent: the
// root).
bool KindAllowedUnder(OrgKind child, std::optional<OrgKind> parent);
// Communes, wards and special zones: the tenant of every commune-owned row.
bool IsCommuneLevel(OrgKind k);
// Units staff can belong to (everything but the city).
bool HoldsStaff(OrgKind k);

struct OrgUnit {
  long long id = 0;
  std::string code;
  std::string name;
  OrgKind kind = OrgKind::kUnit;
  long long parent_id = 0;   // 0 for the root
  std::string path;          // "/1/4/9/"
  long long commune_id = 0;  // 0 above commune level
  Date active_from;
  std::optional<Date> active_to;
  bool active() const { return !active_to.has_value(); }
  int Depth() const;
};

// What a user submits to create or edit a unit.
struct OrgUnitDraft {
  std::string code;
  std::string name;
  OrgKind kind = OrgKind::kUnit;
  long long parent_id = 0;
  Date active_from;
};

// Unit codes: 2–32 of A–Z, 0–9, '-' and '_', starting with a letter or digit.
bool ValidUnitCode(std::string_view code);
// Throws Error on an invalid code (ORG-1013) or a kind not allowed under `parent` (ORG-1004), or an
// inactive parent (ORG-1010).
void ValidateUnit(const OrgUnitDraft& d, const OrgUnit* parent);

// The path of a unit with `id` under `parent_path` ("/" for the root).
std::string ChildPath(std::string_view parent_path, long long id);

}  // namespace kientao::org
