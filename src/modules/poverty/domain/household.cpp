#include "modules/poverty/domain/household.hpp"

#include <algorithm>
#include <set>

#include "base/citizen_id.hpp"
#include "modules/poverty/errors.hpp"

namespace kientao::poverty {

namespace {

const std::vector<std::pair<Work, std::string>>& Works() {
  static const std::vector<std::pair<Work, std::string>> kWorks = {
      {Work::kNotInLabourForce, "not_in_labour_force"},
      {Work::kUnemployed, "unemployed"},
      {Work::kWageWithContract, "wage_with_contract"},
      {Work::kWageWithoutContract, "wage_without_contract"},
      {Work::kSelfEmployed, "self_employed"}};
  return kWorks;
}

}  // namespace

const std::vector<std::string>& RelationshipCodes() {
  static const std::vector<std::string> kCodes = {"head",   "spouse",     "child",
                                                  "parent", "grandchild", "other"};
  return kCodes;
}

const std::vector<std::string>& WorkCodes() {
  static const std::vector<std::string> kCodes = [] {
    std::vector<std::string> out;
    for (auto& [w, code] : Works()) out.push_back(code);
    return out;
  }();
  return kCodes;
}

std::optional<Work> ParseWork(std::string_view code) {
  for (auto& [w, c] : Works())
    if (c == code) return w;
  return std::nullopt;
}

std::string_view WorkCode(Work w) {
  for (auto& [x, c] : Works())
    if (x == w) return c;
  return "not_in_labour_force";
}

std::vector<FieldError> ValidateHousehold(const HouseholdDraft& h, Date today) {
  std::vector<FieldError> out;
  auto problem = [&](std::string field, ErrorDef def, std::map<std::string, std::string> p = {}) {
    out.push_back({std::move(field), std::string(def.code), std::move(p), 0});
  };
  if (h.code.empty()) problem("code", gen_errors::kRequired);
  if (h.code.size() > 20) problem("code", gen_errors::kTooLong, {{"max", "20"}});
  if (h.income_per_capita < 0) problem("income_per_capita", errors::kNegativeFact);
  if (h.house.floor_area_m2 < 0) problem("floor_area_m2", errors::kNegativeFact);
  if (h.members.empty()) problem("members", errors::kNoMembers);
  for (const std::string& asset : h.house.information_assets)
    if (asset.empty() || asset.find(',') != std::string::npos || asset.size() > 40)
      problem("house.information_assets", gen_errors::kInvalidValue, {{"value", asset}});
  int heads = 0;
  std::set<std::string> ids;
  for (size_t i = 0; i < h.members.size(); ++i) {
    const MemberDraft& m = h.members[i];
    std::string at = "members[" + std::to_string(i) + "].";
    if (m.relationship == "head") ++heads;
    auto& rel = RelationshipCodes();
    if (std::find(rel.begin(), rel.end(), m.relationship) == rel.end())
      problem(at + "relationship", errors::kUnknownChoice, {{"value", m.relationship}});
    if (m.sex != "male" && m.sex != "female")
      problem(at + "sex", errors::kUnknownChoice, {{"value", m.sex}});
    if (m.facts.birth > today)
      problem(at + "birth_date", errors::kBornInFuture, {{"date", m.facts.birth.ToVn()}});
    if (!m.citizen_id.empty()) {
      if (!CitizenId::Parse(m.citizen_id))
        problem(at + "citizen_id", gen_errors::kInvalidValue,
                {{"value", MaskCitizenId(m.citizen_id)}});
      else if (!ids.insert(m.citizen_id).second)
        problem(at + "citizen_id", errors::kCitizenIdTaken);
    }
  }
  if (!h.members.empty() && heads != 1)
    problem("members", errors::kNotOneHead, {{"count", std::to_string(heads)}});
  return out;
}

}  // namespace kientao::poverty
