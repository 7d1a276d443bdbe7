#include "modules/org/domain/org_unit.hpp"

#include <algorithm>

#include "modules/org/errors.hpp"

namespace kientao::org {

namespace {
struct KindInfo {
  OrgKind kind;
  std::string_view code;
};
constexpr KindInfo kKinds[] = {
    {OrgKind::kCity, "city"},
    {OrgKind::kCommune, "commune"},
    {OrgKind::kWard, "ward"},
    {OrgKind::kSpecialZone, "special_zone"},
    {OrgKind::kOffice, "office"},
    {OrgKind::kCentre, "centre"},
    {OrgKind::kUnit, "unit"},
    {OrgKind::kVillage, "village"},
    {OrgKind::kResidentialGroup, "residential_group"},
};
}  // namespace

std::string_view KindCode(OrgKind k) {
  for (auto& i : kKinds)
    if (i.kind == k) return i.code;
  return "unit";
}

std::optional<OrgKind> ParseKind(std::string_view code) {
  for (auto& i : kKinds)
    if (i.code == code) return i.kind;
  return std::nullopt;
}

const std::vector<OrgKind>& AllKinds() {
  static const std::vector<OrgKind> kAll = [] {
    std::vector<OrgKind> v;
    for (auto& i : kKinds) v.push_back(i.kind);
    return v;
  }();
  return kAll;
}

bool IsCommuneLevel(OrgKind k) {
  return k == OrgKind::kCommune || k == OrgKind::kWard || k == OrgKind::kSpecialZone;
}
bool HoldsStaff(OrgKind k) { return k != OrgKind::kCity; }

bool KindAllowedUnder(OrgKind child, std::optional<OrgKind> parent) {
  if (!parent) return child == OrgKind::kCity || IsCommuneLevel(child);
  switch (*parent) {
    case OrgKind::kCity:
      return IsCommuneLevel(child);
    case OrgKind::kCommune:
    case OrgKind::kWard:
    case OrgKind::kSpecialZone:
      return !IsCommuneLevel(child) && child != OrgKind::kCity;
    case OrgKind::kOffice:
    case OrgKind::kCentre:
      return child == OrgKind::kUnit;
    case OrgKind::kVillage:
    case OrgKind::kResidentialGroup:
    case OrgKind::kUnit:
      return false;
  }
  return false;
}

int OrgUnit::Depth() const {
  return static_cast<int>(std::count(path.begin(), path.end(), '/')) - 1;
}

bool ValidUnitCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 32) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && !(i > 0 && (c == '-' || c == '_'))) return false;
  }
  return true;
}

void ValidateUnit(const OrgUnitDraft& d, const OrgUnit* parent) {
  if (!ValidUnitCode(d.code)) throw Error(errors::kInvalidCode, "code", {{"value", d.code}});
  if (parent && !parent->active()) throw Error(errors::kUnitInactive, "parent_id");
  if (!KindAllowedUnder(d.kind, parent ? std::optional<OrgKind>(parent->kind) : std::nullopt))
    throw Error(errors::kParentKindNotAllowed, "kind", {{"kind", std::string(KindCode(d.kind))}});
}

std::string ChildPath(std::string_view parent_path, long long id) {
  std::string p(parent_path.empty() ? "/" : parent_path);
  return p + std::to_string(id) + "/";
}

}  // namespace kientao::org
