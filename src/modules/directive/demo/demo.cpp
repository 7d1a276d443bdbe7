// The demo's dispatch: the real text of the ten key tasks, each assigned to a lead unit with a
// schedule and progress laid out around the day the demo is loaded.
#include <map>
#include <stdexcept>
#include <vector>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/module.hpp"

namespace kientao::app {

namespace {

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

}  // namespace

void LoadDirectiveDemo(App& app, DemoContext& demo) {
  const Actor& actor = demo.actor;
  const DemoCalendar& cal = demo.calendar;
  const auto& unit_ids = demo.unit_ids;
  std::string text(App::Resource("src/modules/directive/demo/cong-van-10-nhiem-vu.vi.txt"));
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
    std::string lead_name;
    for (auto& v : all)
      if (v.row.task.key_no == k.n) task_id = v.row.task.id, lead_name = v.row.lead_unit_name;
    if (!task_id)
      throw std::runtime_error("the demo dispatch lost key task " + std::to_string(k.n));
    // The lead unit reports its progress: the updates are signed with its name, as a person of it
    // would sign them, not with the loader's.
    Principal as_unit = actor.who;
    as_unit.display_name = lead_name;
    const Actor by_lead{as_unit, actor.audit_name, ""};
    for (auto& u : k.updates) {
      Date on = k.deadline ? cal.Shift(u.on) : quarter_report;
      app.directives().AddUpdate(
          by_lead, task_id,
          {on, u.percent, u.narrative, "", u.difficulties, u.proposals, u.completed}, today);
    }
  }
}

}  // namespace kientao::app
