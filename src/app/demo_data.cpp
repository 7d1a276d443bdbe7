#include "app/demo_data.hpp"
#include "base/clock.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>
#include <vector>

namespace kientao::app {

using org::OrgKind;

const std::string& DemoPassword() {
  static const std::string kPassword = "LacPhuong@2026";
  return kPassword;
}

DemoCalendar::DemoCalendar(Date t) : today(t) {
  days = t.DaysSinceEpoch() - Date::FromYmd(kAnchorYear, kAnchorMonth, kAnchorDay)->DaysSinceEpoch();
  years = t.year() - kAnchorYear;
}

Date DemoCalendar::Shift(const char* iso) const {
  return Date::FromDaysSinceEpoch(Date::ParseIso(iso)->DaysSinceEpoch() + days);
}

Date DemoCalendar::ShiftYears(int y, int m, int d) const {
  return *Date::FromYmd(y + years, m, std::min(d, DaysInMonth(y + years, m)));
}

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

struct AccountSpec {
  const char* username;
  const char* display;
  const char* role;
  const char* scope;
  const char* staff_name;  // linked staff member, or nullptr
};

const AccountSpec kAccounts[] = {
    {"quantri", "Quản trị hệ thống", "admin", "HP", nullptr},
    {"chutich", "Nguyễn Phú Trung", "leader", "LP", "Nguyễn Phú Trung"},
    {"vanphong", "Phạm Thị Lan", "office", "LP", "Phạm Thị Lan"},
    {"truongphong", "Trịnh Thị Loan", "unit_head", "LP-KT", "Trịnh Thị Loan"},
    {"congchuc", "Phan Thị Thảo", "staff", "LP-KT", "Phan Thị Thảo"},
    {"truongthon", "Nguyễn Văn Chiến", "village_head", "LP-T01", "Nguyễn Văn Chiến"},
    {"giamsat", "Sở Nội vụ thành phố", "supervisor", "HP", nullptr},
};

struct KeyTaskSpec {
  int n;
  const char* lead;
  std::vector<const char*> cooperators;
  const char* start;
  const char* deadline;  // nullptr: continuous, reported every quarter
  const char* outputs;
  // Progress reports: date, percent, narrative, difficulties, proposals; the last may complete the
  // task.
  struct Update {
    const char* on;
    int percent;
    const char* narrative;
    const char* difficulties;
    const char* proposals;
    bool completed;
  };
  std::vector<Update> updates;
};

// The ten tasks of the dispatch, each with a plausible lead and cooperating units, schedule and
// progress (illustrative), so the dashboard shows a realistic mix of statuses on 28/11/2026 — and,
// moved by DemoCalendar, on the day the demo is loaded: one done on time, one done late, one
// overdue, one due within three days, the continuous task reported for the last closed quarter.
const std::vector<KeyTaskSpec>& KeyTasks() {
  static const std::vector<KeyTaskSpec> kTasks = {
      {1,
       "LP-VP",
       {"LP-KT"},
       "2026-04-20",
       "2026-09-30",
       "Hồ sơ đề án phân loại đơn vị hành chính xã; bộ hồ sơ địa giới hành chính mới",
       {{"2026-06-15", 50,
         "Đã thu thập số liệu các tiêu chí phân loại, phối hợp Sở Nội vụ rà soát.", "", "", false},
        {"2026-09-25", 100, "Hoàn thành hồ sơ đề án và hồ sơ địa giới, đã gửi Sở Nội vụ thẩm định.",
         "", "", true}}},
      {2,
       "LP-VP",
       {"LP-KT"},
       "2026-04-20",
       nullptr,
       "Danh sách, chế độ phụ cấp người hoạt động không chuyên trách được chi trả đúng, đủ hằng "
       "tháng",
       {{"2026-09-14", 75,
         "Đã chi trả phụ cấp quý III cho 26 người hoạt động không chuyên trách ở xã và thôn.",
         "Chưa có hướng dẫn mức khoán quỹ phụ cấp mới của thành phố.",
         "Đề nghị thành phố sớm ban hành hướng dẫn.", false}}},
      {3,
       "LP-VP",
       {"LP-KT", "LP-VHXH", "LP-TTHCC"},
       "2026-05-01",
       "2026-10-31",
       "Phần mềm đánh giá KPI vận hành; kế hoạch tinh giản biên chế 2026–2031 được phê duyệt",
       {{"2026-07-20", 30, "Đã xây dựng danh mục sản phẩm theo vị trí việc làm của các phòng.", "",
         "", false},
        {"2026-10-20", 60,
         "Đã thử nghiệm chấm điểm KPI tháng 9; dự thảo kế hoạch tinh giản đang lấy ý kiến.",
         "Một số vị trí việc làm chưa có hệ số quy đổi sản phẩm.",
         "Đề nghị Sở Nội vụ hướng dẫn hệ số quy đổi.", false}}},
      {4,
       "LP-VP",
       {"LP-VHXH", "LP-TTDV"},
       "2026-04-20",
       "2026-12-31",
       "100% cán bộ, công chức xã hoàn thành bồi dưỡng kỹ năng số",
       {{"2026-11-14", 86, "52/60 cán bộ, công chức đã hoàn thành khóa bồi dưỡng kỹ năng số.", "",
         "", false}}},
      {5,
       "LP-TTHCC",
       {"LP-VP"},
       "2026-04-20",
       "2026-12-15",
       "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình tăng so với năm 2025",
       {{"2026-11-14", 46, "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 46%.",
         "Người dân cao tuổi còn ngại nộp trực tuyến.",
         "Tăng cường tổ công nghệ số cộng đồng hỗ trợ tại thôn.", false}}},
      {6,
       "LP-TTHCC",
       {"LP-VP"},
       "2026-04-20",
       "2026-12-14",
       "Chỉ số hài lòng SIPAS trên 90%",
       {{"2026-11-14", 70, "Khảo sát quý III: mức hài lòng 88%.", "", "", false}}},
      {7,
       "LP-VHXH",
       {"LP-T01", "LP-T02", "LP-T03", "LP-T04", "LP-T05"},
       "2026-04-20",
       "2028-12-31",
       "Không còn hộ nghèo theo chuẩn nghèo đa chiều vào năm 2028",
       {{"2026-10-14", 40, "Hỗ trợ sinh kế cho 12 hộ nghèo; còn 41 hộ nghèo.", "", "", false}}},
      {8,
       "LP-VHXH",
       {"LP-TTDV"},
       "2026-05-01",
       "2026-11-30",
       "Hệ thống truyền thanh cơ sở ứng dụng công nghệ thông tin – viễn thông ở 100% thôn",
       {{"2026-11-14", 80, "Đã lắp đặt cụm loa thông minh ở 12/15 thôn.", "", "", false}}},
      {9,
       "LP-KT",
       {"LP-VP"},
       "2026-04-20",
       "2026-08-31",
       "Hoàn thành giải phóng mặt bằng dự án đường liên xã và kênh tưới",
       {{"2026-07-14", 70, "Đã chi trả bồi thường cho 38/45 hộ.",
         "Ba hộ chưa đồng ý phương án bồi thường.", "", false},
        {"2026-09-10", 100, "Bàn giao toàn bộ mặt bằng cho chủ đầu tư.", "", "", true}}},
      {10,
       "LP-KT",
       {"LP-TTDV", "LP-T06", "LP-T07"},
       "2026-05-01",
       "2026-12-31",
       "Kế hoạch chuyển đổi xanh; phân loại rác tại nguồn ở các thôn",
       {{"2026-10-14", 35, "Triển khai phân loại rác tại nguồn thí điểm ở 2 thôn.", "", "",
         false}}},
  };
  return kTasks;
}

void LoadDemoDispatch(App& app, const Actor& actor, const DemoCalendar& cal,
                      const std::map<std::string, long long>& unit_ids) {
  std::string text(App::Resource("src/app/demo/cong-van-10-nhiem-vu.vi.txt"));
  // The ten task sentences, verbatim from the dispatch.
  std::map<int, std::string> sentences;
  size_t pos = 0;
  while ((pos = text.find('\n', pos)) != std::string::npos) {
    ++pos;
    size_t dot = text.find(". ", pos);
    if (dot == std::string::npos || dot - pos > 2) continue;
    int n = std::atoi(text.substr(pos, dot - pos).c_str());
    if (n < 1 || n > 10) continue;
    size_t end = text.find('\n', dot);
    sentences[n] = text.substr(dot + 2, end - dot - 2);
  }
  if (sentences.size() != 10) throw std::runtime_error("the demo dispatch does not list ten tasks");
  directive::Directive d;
  d.commune_id = unit_ids.at("LP");
  d.number_symbol = "Số: /UBND-VP";
  d.issued_on = cal.Shift("2026-04-20");
  d.issuer = "UBND xã Lạc Phương";
  d.signer = "Nguyễn Phú Trung";
  d.signer_authority = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH";
  d.subject = "V/v triển khai Kế hoạch số 130/KH-UBND của UBND thành phố Hải Phòng";
  d.legal_basis = "Kế hoạch số 130/KH-UBND ngày " + cal.Shift("2026-04-14").ToVn() +
                  " của UBND thành phố Hải Phòng";
  d.recipients =
      "Các phòng chuyên môn, các trung tâm thuộc UBND xã; các đơn vị trực thuộc UBND xã; các "
      "Trưởng thôn";
  d.full_text = text;
  std::vector<directive::NewTask> tasks;
  for (const KeyTaskSpec& k : KeyTasks()) {
    directive::NewTask t;
    t.task.key_no = k.n;
    t.task.code = "NV" + std::string(k.n < 10 ? "0" : "") + std::to_string(k.n);
    t.task.title = sentences.at(k.n);
    while (!t.task.title.empty() && (t.task.title.back() == '\r' || t.task.title.back() == ' '))
      t.task.title.pop_back();
    t.task.lead_unit_id = unit_ids.at(k.lead);
    t.task.start_on = cal.Shift(k.start);
    if (k.deadline) t.task.deadline = cal.Shift(k.deadline);
    t.task.recurrence = k.deadline ? "none" : "quarter";
    t.task.expected_outputs = k.outputs;
    for (const char* c : k.cooperators) t.cooperator_unit_ids.push_back(unit_ids.at(c));
    tasks.push_back(std::move(t));
  }
  long long directive_id = app.directives().CreateDirective(actor, d, tasks);
  Date today = cal.today;
  // The continuous task reports on the last day of the last closed quarter (14/09 on the anchor).
  Date quarter_report = Date::FromDaysSinceEpoch(
      Period::Containing(PeriodType::kQuarter, today).WindowStart().DaysSinceEpoch() - 1);
  for (const KeyTaskSpec& k : KeyTasks()) {
    auto all = app.directives().ListTasks(actor, "", directive_id, today);
    long long task_id = 0;
    for (auto& v : all)
      if (v.row.task.key_no == k.n) task_id = v.row.task.id;
    if (!task_id) throw std::runtime_error("the demo dispatch lost key task " + std::to_string(k.n));
    for (auto& u : k.updates) {
      Date on = k.deadline ? cal.Shift(u.on) : quarter_report;
      app.directives().AddUpdate(
          actor, task_id,
          {on, u.percent, u.narrative, "", u.difficulties, u.proposals, u.completed}, today);
    }
  }
}

}  // namespace

std::vector<DemoAccount> LoadDemoData(App& app) {
  {
    store::Conn c = app.db().Lease();
    if (c.QueryOne("SELECT COUNT(*) FROM org_units")->Int(0) > 0)
      throw std::runtime_error(
          "the database already holds org units; demo data goes only into an empty database");
  }
  Principal su = App::Superuser();
  Actor actor{su, "cli:demo-data", ""};
  const DemoCalendar cal(clock::Today());
  std::map<std::string, long long> unit_ids;
  // The two-level local government began on 1/7/2025; a demo loaded before that day still has
  // its units founded before the dispatch.
  Date founded = std::min(*Date::FromYmd(2025, 7, 1), cal.Shift("2025-07-01"));
  for (const UnitSpec& u : kUnits) {
    org::OrgUnitDraft d;
    d.code = u.code;
    d.name = u.name;
    d.kind = u.kind;
    d.parent_id = u.parent ? unit_ids.at(u.parent) : 0;
    d.active_from = u.kind == OrgKind::kCity ? *Date::FromYmd(1955, 5, 13) : founded;
    unit_ids[u.code] = app.org().CreateUnit(actor, d).id;
  }
  std::map<std::string, long long> staff_ids;
  int n = 0;
  for (const StaffSpec& s : kStaff) {
    ++n;
    org::StaffDraft d;
    d.unit_id = unit_ids.at(s.unit);
    d.full_name = s.name;
    d.sex = s.sex;
    // Ages stay as on the anchor, so the same people near retirement in any year.
    int birth_year = cal.Year(s.birth_year);
    d.birth_date = *Date::FromYmd(birth_year, 1 + (n * 5) % 12, 1 + (n * 7) % 28);
    // 000 (no province) + sex/century digit + two-digit birth year + six digits.
    int century_digit = (birth_year >= 2000 ? 2 : 0) + (s.sex == Sex::kFemale ? 1 : 0);
    d.citizen_id = fmt::format("000{}{:02}{:06}", century_digit, birth_year % 100,
                               100000 + n * 7919 % 900000);
    d.category = s.cat;
    d.position = s.position;
    int start_year = std::max(s.birth_year + 22, 2005 + n % 15);
    d.start_date = *Date::FromYmd(cal.Year(std::min(start_year, 2025)), 1 + n % 12, 1);
    staff_ids[s.name] = app.org().CreateStaff(actor, d);
  }
  LoadDemoDispatch(app, actor, cal, unit_ids);
  LoadDemoReports(app, actor, unit_ids);
  // Staffing quotas of the 2026–2031 plan (its years are the law's, not the demo's) for the offices
  // and centres: today's headcount, one post fewer from 2028 (illustrative figures for the
  // streamlining plan).
  for (const char* code : {"LP-VP", "LP-KT", "LP-VHXH", "LP-TTHCC", "LP-TTDV"}) {
    store::Conn c = app.db().Lease();
    long long unit = unit_ids.at(code);
    int headcount = static_cast<int>(
        c.QueryOne("SELECT COUNT(*) FROM staff WHERE unit_id = :1", {unit})->Int(0));
    for (int year = 2026; year <= 2031; ++year)
      app.staffing().SetQuota(actor, unit, year,
                              year >= 2028 ? std::max(0, headcount - 1) : headcount);
  }
  LoadDemoKpi(app, actor, unit_ids);
  LoadDemoStreamlining(app, actor, cal);
  std::vector<DemoAccount> out;
  for (const AccountSpec& a : kAccounts) {
    auth::NewUser u{a.username,     a.display,
                    DemoPassword(), a.staff_name ? staff_ids.at(a.staff_name) : 0,
                    a.role,         a.scope};
    app.auth().CreateUser(actor, u);
    out.push_back({a.username, DemoPassword(), a.role, a.scope});
  }
  return out;
}

}  // namespace kientao::app
