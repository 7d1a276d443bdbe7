// The demo commune's org units and staff: Hải Phòng → xã Lạc Phương with its post-2025 structure,
// 15 villages and about 60 staff. Villages and people are invented (illustrative); citizen IDs
// start with 000, which no province has.
#include <fmt/format.h>

#include <algorithm>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/module.hpp"

namespace kientao::app {

using org::OrgKind;

namespace {

struct UnitSpec {
  const char* code;
  const char* name;
  OrgKind kind;
  const char* parent;
};

// Names of villages are illustrative, not the real villages of any commune.
const UnitSpec kUnits[] = {
    {"HP", "Thành phố Hải Phòng", OrgKind::kCity, nullptr},
    {"LP", "Xã Lạc Phương", OrgKind::kCommune, "HP"},
    {"LP-LD", "Lãnh đạo UBND xã", OrgKind::kUnit, "LP"},
    {"LP-VP", "Văn phòng HĐND và UBND", OrgKind::kOffice, "LP"},
    {"LP-KT", "Phòng Kinh tế", OrgKind::kOffice, "LP"},
    {"LP-VHXH", "Phòng Văn hóa – Xã hội", OrgKind::kOffice, "LP"},
    {"LP-TTHCC", "Trung tâm Phục vụ hành chính công", OrgKind::kCentre, "LP"},
    {"LP-TTDV", "Trung tâm Dịch vụ tổng hợp", OrgKind::kCentre, "LP"},
    {"LP-T01", "Thôn Đông Hải", OrgKind::kVillage, "LP"},
    {"LP-T02", "Thôn Đoài Lạc", OrgKind::kVillage, "LP"},
    {"LP-T03", "Thôn An Phú", OrgKind::kVillage, "LP"},
    {"LP-T04", "Thôn Bắc Sơn", OrgKind::kVillage, "LP"},
    {"LP-T05", "Thôn Trung Hòa", OrgKind::kVillage, "LP"},
    {"LP-T06", "Thôn Phú Lương", OrgKind::kVillage, "LP"},
    {"LP-T07", "Thôn An Lạc", OrgKind::kVillage, "LP"},
    {"LP-T08", "Thôn Hòa Bình", OrgKind::kVillage, "LP"},
    {"LP-T09", "Thôn Tân Lập", OrgKind::kVillage, "LP"},
    {"LP-T10", "Thôn Cẩm Lạc", OrgKind::kVillage, "LP"},
    {"LP-T11", "Thôn Lạc Thiện", OrgKind::kVillage, "LP"},
    {"LP-T12", "Thôn Phương Mỹ", OrgKind::kVillage, "LP"},
    {"LP-T13", "Thôn Đồng Tâm", OrgKind::kVillage, "LP"},
    {"LP-T14", "Thôn Quyết Tiến", OrgKind::kVillage, "LP"},
    {"LP-T15", "Thôn Thắng Lợi", OrgKind::kVillage, "LP"},
};

struct StaffSpec {
  const char* name;
  org::Sex sex;
  int birth_year;
  org::StaffCategory cat;
  const char* position;
  const char* unit;
};

using org::Sex;
using SC = org::StaffCategory;

// Invented people. Positions follow the post-2025 commune structure.
const StaffSpec kStaff[] = {
    {"Nguyễn Phú Trung", Sex::kMale, 1972, SC::kCadre, "Chủ tịch UBND xã", "LP-LD"},
    {"Trần Thị Thu Hà", Sex::kFemale, 1978, SC::kCadre, "Phó Chủ tịch UBND xã", "LP-LD"},
    {"Lê Văn Đức", Sex::kMale, 1975, SC::kCadre, "Phó Chủ tịch UBND xã", "LP-LD"},
    {"Phạm Thị Lan", Sex::kFemale, 1982, SC::kCivilServant, "Chánh Văn phòng HĐND và UBND",
     "LP-VP"},
    {"Đỗ Minh Tuấn", Sex::kMale, 1986, SC::kCivilServant, "Phó Chánh Văn phòng", "LP-VP"},
    {"Vũ Thị Hồng", Sex::kFemale, 1990, SC::kCivilServant, "Chuyên viên tổng hợp", "LP-VP"},
    {"Bùi Quang Huy", Sex::kMale, 1992, SC::kCivilServant, "Chuyên viên văn thư – lưu trữ",
     "LP-VP"},
    {"Ngô Thị Mai", Sex::kFemale, 1988, SC::kCivilServant, "Chuyên viên tư pháp – hộ tịch",
     "LP-VP"},
    {"Hoàng Văn Nam", Sex::kMale, 1984, SC::kCivilServant, "Chuyên viên nội vụ", "LP-VP"},
    {"Đặng Thị Ngọc Ánh", Sex::kFemale, 1995, SC::kCivilServant, "Chuyên viên công nghệ thông tin",
     "LP-VP"},
    {"Nguyễn Văn Bình", Sex::kMale, 1991, SC::kContract, "Nhân viên lái xe", "LP-VP"},
    {"Trịnh Thị Loan", Sex::kFemale, 1983, SC::kCivilServant, "Trưởng phòng Kinh tế", "LP-KT"},
    {"Lương Văn Thắng", Sex::kMale, 1987, SC::kCivilServant, "Phó Trưởng phòng Kinh tế", "LP-KT"},
    {"Phan Thị Thảo", Sex::kFemale, 1993, SC::kCivilServant, "Chuyên viên địa chính", "LP-KT"},
    {"Cao Văn Khải", Sex::kMale, 1985, SC::kCivilServant, "Chuyên viên xây dựng – hạ tầng",
     "LP-KT"},
    {"Đinh Thị Yến", Sex::kFemale, 1994, SC::kCivilServant, "Chuyên viên nông nghiệp – môi trường",
     "LP-KT"},
    {"Tạ Quang Vinh", Sex::kMale, 1989, SC::kCivilServant, "Chuyên viên tài chính – kế hoạch",
     "LP-KT"},
    {"Hà Thị Phương", Sex::kFemale, 1990, SC::kCivilServant, "Chuyên viên kế toán ngân sách",
     "LP-KT"},
    {"Mai Văn Sơn", Sex::kMale, 1966, SC::kCivilServant, "Trưởng phòng Văn hóa – Xã hội",
     "LP-VHXH"},
    {"Lý Thị Hương", Sex::kFemale, 1988, SC::kCivilServant, "Phó Trưởng phòng Văn hóa – Xã hội",
     "LP-VHXH"},
    {"Kiều Văn Long", Sex::kMale, 1991, SC::kCivilServant,
     "Chuyên viên lao động – thương binh – xã hội", "LP-VHXH"},
    {"Đoàn Thị Nga", Sex::kFemale, 1996, SC::kCivilServant, "Chuyên viên văn hóa – thông tin",
     "LP-VHXH"},
    {"Quách Văn Hiếu", Sex::kMale, 1993, SC::kCivilServant, "Chuyên viên giáo dục – y tế",
     "LP-VHXH"},
    {"Vương Thị Hạnh", Sex::kFemale, 1971, SC::kCivilServant,
     "Chuyên viên giảm nghèo – bảo trợ xã hội", "LP-VHXH"},
    {"Chu Văn Hải", Sex::kMale, 1968, SC::kPublicEmployee,
     "Giám đốc Trung tâm Phục vụ hành chính công", "LP-TTHCC"},
    {"Tô Thị Bích", Sex::kFemale, 1990, SC::kCivilServant, "Chuyên viên tiếp nhận hồ sơ",
     "LP-TTHCC"},
    {"Hồ Văn Toàn", Sex::kMale, 1994, SC::kCivilServant, "Chuyên viên tiếp nhận hồ sơ", "LP-TTHCC"},
    {"La Thị Diệu", Sex::kFemale, 1997, SC::kPublicEmployee, "Viên chức hỗ trợ số hóa", "LP-TTHCC"},
    {"Âu Văn Phong", Sex::kMale, 1992, SC::kCivilServant, "Chuyên viên một cửa", "LP-TTHCC"},
    {"Ninh Thị Xuân", Sex::kFemale, 1998, SC::kContract, "Nhân viên hướng dẫn", "LP-TTHCC"},
    {"Giáp Văn Tài", Sex::kMale, 1981, SC::kPublicEmployee, "Giám đốc Trung tâm Dịch vụ tổng hợp",
     "LP-TTDV"},
    {"Khúc Thị Dung", Sex::kFemale, 1989, SC::kPublicEmployee, "Viên chức khuyến nông", "LP-TTDV"},
    {"Lò Văn Hưng", Sex::kMale, 1995, SC::kPublicEmployee, "Viên chức văn hóa – thể thao",
     "LP-TTDV"},
    {"Ông Thị Hoa", Sex::kFemale, 1987, SC::kPublicEmployee, "Viên chức truyền thanh", "LP-TTDV"},
    {"Nguyễn Thị Thanh", Sex::kFemale, 1990, SC::kPartTime,
     "Người hoạt động không chuyên trách – văn thư", "LP-VP"},
    {"Trần Văn Lực", Sex::kMale, 1976, SC::kPartTime,
     "Người hoạt động không chuyên trách – thủ quỹ", "LP-KT"},
    {"Phạm Văn Tiến", Sex::kMale, 1970, SC::kPartTime,
     "Người hoạt động không chuyên trách – văn hóa", "LP-VHXH"},
    {"Lê Thị Vân", Sex::kFemale, 1985, SC::kPartTime, "Người hoạt động không chuyên trách – dân số",
     "LP-VHXH"},
    {"Nguyễn Văn Chiến", Sex::kMale, 1965, SC::kPartTime, "Trưởng thôn", "LP-T01"},
    {"Trần Văn Dũng", Sex::kMale, 1968, SC::kPartTime, "Trưởng thôn", "LP-T02"},
    {"Lê Thị Hằng", Sex::kFemale, 1972, SC::kPartTime, "Trưởng thôn", "LP-T03"},
    {"Phạm Văn Hùng", Sex::kMale, 1963, SC::kPartTime, "Trưởng thôn", "LP-T04"},
    {"Hoàng Thị Liên", Sex::kFemale, 1970, SC::kPartTime, "Trưởng thôn", "LP-T05"},
    {"Vũ Văn Mạnh", Sex::kMale, 1966, SC::kPartTime, "Trưởng thôn", "LP-T06"},
    {"Đặng Văn Nghĩa", Sex::kMale, 1969, SC::kPartTime, "Trưởng thôn", "LP-T07"},
    {"Bùi Thị Oanh", Sex::kFemale, 1974, SC::kPartTime, "Trưởng thôn", "LP-T08"},
    {"Đỗ Văn Quang", Sex::kMale, 1967, SC::kPartTime, "Trưởng thôn", "LP-T09"},
    {"Ngô Văn Sáng", Sex::kMale, 1971, SC::kPartTime, "Trưởng thôn", "LP-T10"},
    {"Dương Thị Tâm", Sex::kFemale, 1975, SC::kPartTime, "Trưởng thôn", "LP-T11"},
    {"Lại Văn Uy", Sex::kMale, 1964, SC::kPartTime, "Trưởng thôn", "LP-T12"},
    {"Mạc Văn Việt", Sex::kMale, 1973, SC::kPartTime, "Trưởng thôn", "LP-T13"},
    {"Hứa Thị Xoan", Sex::kFemale, 1977, SC::kPartTime, "Trưởng thôn", "LP-T14"},
    {"Nông Văn Yên", Sex::kMale, 1962, SC::kPartTime, "Trưởng thôn", "LP-T15"},
    {"Phùng Văn An", Sex::kMale, 1986, SC::kPartTime, "Công an viên", "LP-T01"},
    {"Triệu Thị Bé", Sex::kFemale, 1991, SC::kPartTime, "Chi hội trưởng phụ nữ", "LP-T02"},
    {"Đàm Văn Cường", Sex::kMale, 1983, SC::kPartTime, "Công an viên", "LP-T05"},
    {"Tăng Thị Đào", Sex::kFemale, 1989, SC::kPartTime, "Nhân viên y tế thôn", "LP-T07"},
    {"Lục Văn Giang", Sex::kMale, 1990, SC::kPartTime, "Công an viên", "LP-T09"},
    {"Thân Thị Hiền", Sex::kFemale, 1993, SC::kPartTime, "Nhân viên y tế thôn", "LP-T12"},
    {"Bạch Văn Kiên", Sex::kMale, 1988, SC::kPartTime, "Công an viên", "LP-T14"},
};

}  // namespace

void LoadOrgDemo(App& app, DemoContext& demo) {
  const DemoCalendar& cal = demo.calendar;
  // The two-level local government began on 1/7/2025; a demo loaded before that day still has
  // its units founded before the dispatch.
  Date founded = std::min(*Date::FromYmd(2025, 7, 1), cal.Shift("2025-07-01"));
  for (const UnitSpec& u : kUnits) {
    org::OrgUnitDraft d;
    d.code = u.code;
    d.name = u.name;
    d.kind = u.kind;
    d.parent_id = u.parent ? demo.unit_ids.at(u.parent) : 0;
    d.active_from = u.kind == OrgKind::kCity ? *Date::FromYmd(1955, 5, 13) : founded;
    demo.unit_ids[u.code] = app.org().CreateUnit(demo.actor, d).id;
  }
  int n = 0;
  for (const StaffSpec& s : kStaff) {
    ++n;
    org::StaffDraft d;
    d.unit_id = demo.unit_ids.at(s.unit);
    d.full_name = s.name;
    d.sex = s.sex;
    // Ages stay as on the anchor, so the same people near retirement in any year.
    int birth_year = cal.Year(s.birth_year);
    d.birth_date = *Date::FromYmd(birth_year, 1 + (n * 5) % 12, 1 + (n * 7) % 28);
    // 000 (no province) + sex/century digit + two-digit birth year + six digits.
    int century_digit = (birth_year >= 2000 ? 2 : 0) + (s.sex == Sex::kFemale ? 1 : 0);
    d.citizen_id =
        fmt::format("000{}{:02}{:06}", century_digit, birth_year % 100, 100000 + n * 7919 % 900000);
    d.category = s.cat;
    d.position = s.position;
    int start_year = std::max(s.birth_year + 22, 2005 + n % 15);
    d.start_date = *Date::FromYmd(cal.Year(std::min(start_year, 2025)), 1 + n % 12, 1);
    demo.staff_ids[s.name] = app.org().CreateStaff(demo.actor, d);
  }
}

}  // namespace kientao::app
