// The demo's household registry: eight households in three villages of Lạc Phương, laid out around
// the demo's day (ages stay the same whatever the year it is made): one poor (an unemployed head,
// an uninsured spouse, no safe water, low income), one near-poor, one above today's line but poor
// under the 2027–2030 line (the 2028 view), one agricultural household of average living standard,
// and four not poor. Citizen IDs start with 000 (no province has that code).
#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/module.hpp"
#include "modules/poverty/registry.hpp"

namespace kientao::app {

namespace {

using poverty::HouseholdDraft;
using poverty::MemberDraft;
using poverty::Work;

MemberDraft Person(Date today, const char* name, const char* rel, const char* sex, int age,
                   const std::string& cid, Work work) {
  MemberDraft m;
  m.facts.name = name;
  m.relationship = rel;
  m.sex = sex;
  m.facts.birth = *Date::FromYmd(today.year() - age, 3 + age % 9, 1 + age % 27);
  m.citizen_id = cid;
  m.facts.work = work;
  m.facts.health_insurance = true;
  m.facts.qualified = true;
  m.facts.in_school = age >= 3 && age <= 15;
  m.facts.uses_internet = age >= 15 && age <= 60;
  return m;
}

}  // namespace

void LoadPovertyDemo(App& app, DemoContext& demo) {
  auto& registry = app.Kept<poverty::RegistryService>("poverty.registry");
  Date t = demo.calendar.today;
  auto house = [](double m2, bool water, bool latrine) {
    poverty::HouseFacts h;
    h.floor_area_m2 = m2;
    h.safe_water = water;
    h.hygienic_latrine = latrine;
    h.information_assets = {"tv", "smartphone"};
    return h;
  };
  auto add = [&](const char* village, const char* code, double income, bool agricultural,
                 poverty::HouseFacts h, std::vector<MemberDraft> members) {
    HouseholdDraft d;
    d.village_id = demo.unit_ids.at(village);
    d.code = code;
    d.area = poverty::Area::kRural;
    d.agricultural = agricultural;
    d.income_per_capita = income;
    d.house = std::move(h);
    d.members = std::move(members);
    registry.Create(demo.actor, d);
  };
  // Poor: income under the line, three deprivations.
  {
    auto head = Person(t, "Đỗ Văn Hải", "head", "male", 38, "000088000101", Work::kUnemployed);
    auto wife =
        Person(t, "Lê Thị Mai", "spouse", "female", 36, "000186000102", Work::kSelfEmployed);
    wife.facts.health_insurance = false;
    add("LP-T01", "LP-H001", 1200000, true, house(42, false, true),
        {head, wife, Person(t, "Đỗ Minh An", "child", "male", 12, "", Work::kNotInLabourForce),
         Person(t, "Đỗ Thu Hà", "child", "female", 8, "", Work::kNotInLabourForce)});
  }
  // Near-poor: income under the line, one deprivation (the latrine).
  add("LP-T01", "LP-H002", 1400000, true, house(50, true, false),
      {Person(t, "Nguyễn Văn Tài", "head", "male", 52, "000072000103", Work::kSelfEmployed),
       Person(t, "Nguyễn Thị Lan", "spouse", "female", 49, "000175000104", Work::kSelfEmployed)});
  // Above today's line, three deprivations: poor under the 2027–2030 line.
  {
    auto head =
        Person(t, "Phạm Văn Bình", "head", "male", 45, "000079000105", Work::kWageWithoutContract);
    auto wife =
        Person(t, "Trần Thị Hoa", "spouse", "female", 43, "000181000106", Work::kSelfEmployed);
    wife.facts.health_insurance = false;
    add("LP-T02", "LP-H003", 1900000, false, house(60, true, false), {head, wife});
  }
  // Agricultural, above the line up to 2,250,000: average living standard (2022–2026).
  add("LP-T02", "LP-H004", 2100000, true, house(70, true, true),
      {Person(t, "Vũ Văn Lộc", "head", "male", 60, "000066000107", Work::kSelfEmployed),
       Person(t, "Vũ Thị Sen", "spouse", "female", 58, "000168000108", Work::kSelfEmployed)});
  // Not poor.
  add("LP-T02", "LP-H005", 4500000, false, house(90, true, true),
      {Person(t, "Hoàng Văn Đức", "head", "male", 41, "000085000109", Work::kWageWithContract),
       Person(t, "Hoàng Thị Yến", "spouse", "female", 39, "000187000110", Work::kWageWithContract),
       Person(t, "Hoàng Gia Bảo", "child", "male", 10, "", Work::kNotInLabourForce)});
  add("LP-T03", "LP-H006", 3800000, true, house(80, true, true),
      {Person(t, "Bùi Văn Khánh", "head", "male", 47, "000079000111", Work::kSelfEmployed),
       Person(t, "Bùi Thị Thu", "spouse", "female", 44, "000182000112", Work::kSelfEmployed)});
  add("LP-T03", "LP-H007", 5200000, false, house(100, true, true),
      {Person(t, "Đinh Văn Nam", "head", "male", 35, "000091000113", Work::kWageWithContract)});
  add("LP-T01", "LP-H008", 3000000, false, house(65, true, true),
      {Person(t, "Lý Thị Ngọc", "head", "female", 55, "000171000114", Work::kSelfEmployed),
       Person(t, "Lý Văn Sơn", "child", "male", 30, "000096000115", Work::kWageWithContract)});
}

}  // namespace kientao::app
