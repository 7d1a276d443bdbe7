#include "modules/org/domain/staff.hpp"

#include "base/text.hpp"
#include "modules/org/errors.hpp"

namespace kientao::org {

std::string_view SexCode(Sex s) { return s == Sex::kMale ? "male" : "female"; }

std::optional<Sex> SexFromCode(std::string_view code) {
  if (code == "male") return Sex::kMale;
  if (code == "female") return Sex::kFemale;
  return std::nullopt;
}

std::optional<Sex> ParseSex(std::string_view s) {
  std::string f = text::Fold(s);
  if (f == "male" || f == "nam" || f == "m") return Sex::kMale;
  if (f == "female" || f == "nu" || f == "f") return Sex::kFemale;
  return std::nullopt;
}

namespace {
struct CategoryInfo {
  StaffCategory c;
  std::string_view code;
  std::string_view folded_vi;
};
constexpr CategoryInfo kCategories[] = {
    {StaffCategory::kCadre, "cadre", "can bo"},
    {StaffCategory::kCivilServant, "civil_servant", "cong chuc"},
    {StaffCategory::kPublicEmployee, "public_employee", "vien chuc"},
    {StaffCategory::kPartTime, "part_time", "nguoi hoat dong khong chuyen trach"},
    {StaffCategory::kContract, "contract", "hop dong lao dong"},
};
}  // namespace

std::optional<StaffCategory> CategoryFromCode(std::string_view code) {
  for (auto& i : kCategories)
    if (i.code == code) return i.c;
  return std::nullopt;
}

std::string_view CategoryCode(StaffCategory c) {
  for (auto& i : kCategories)
    if (i.c == c) return i.code;
  return "civil_servant";
}

std::optional<StaffCategory> ParseCategory(std::string_view s) {
  std::string f = text::Fold(text::NormalizeSpace(s));
  for (auto& i : kCategories)
    if (i.code == s || i.folded_vi == f) return i.c;
  return std::nullopt;
}

const std::vector<StaffCategory>& AllCategories() {
  static const std::vector<StaffCategory> kAll = {
      StaffCategory::kCadre, StaffCategory::kCivilServant, StaffCategory::kPublicEmployee,
      StaffCategory::kPartTime, StaffCategory::kContract};
  return kAll;
}

std::string_view StatusCode(StaffStatus s) {
  return s == StaffStatus::kActive ? "active" : "inactive";
}

namespace {
Date AddYears(Date d, int years) {
  int y = d.year() + years;
  int day = d.day();
  if (d.month() == 2 && day == 29 && !IsLeapYear(y)) day = 28;
  return *Date::FromYmd(y, d.month(), day);
}
}  // namespace

std::vector<FieldError> ValidateStaff(const StaffDraft& d, Date today) {
  std::vector<FieldError> errs;
  if (!CitizenId::Parse(d.citizen_id))
    errs.push_back({"citizen_id", std::string(errors::kInvalidCitizenId.code), {}});
  Date earliest = *Date::FromYmd(1940, 1, 1);
  Date latest = AddYears(today, -15);
  if (d.birth_date < earliest || d.birth_date > latest)
    errs.push_back({"birth_date",
                    std::string(errors::kBirthDateOutOfRange.code),
                    {{"min", earliest.ToVn()}, {"max", latest.ToVn()}}});
  else if (d.start_date < AddYears(d.birth_date, 15) || d.start_date > AddYears(today, 1))
    errs.push_back({"start_date", std::string(errors::kStartDateInvalid.code), {}});
  return errs;
}

}  // namespace kientao::org
