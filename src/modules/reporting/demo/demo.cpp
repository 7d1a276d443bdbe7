// The demo's indicators, report forms, targets, validation rules and three months of reports: the
// two months before the last closed one fully approved, the last closed one (the period users see
// first) in a realistic mix — approved, awaiting review, returned, missing — and the commune's
// report of the month before issued as No. 01. Figures are illustrative, computed from each unit's
// position so every run gives the same demo.
#include <cmath>

#include "app/demo_data.hpp"
#include "app/module.hpp"
#include "base/clock.hpp"
#include "modules/reporting/web/report_web.hpp"

namespace kientao::app {

namespace {

using indicator::Aggregation;
using indicator::Direction;
using indicator::Kind;

struct IndicatorSpec {
  int key_no;
  const char* code;
  const char* vi;
  const char* en;
  const char* unit;
  Kind kind;
  Direction direction;
  const char* provider;
};

const IndicatorSpec kIndicators[] = {
    {1, "BOUNDARY_MARKERS_CHECKED", "Mốc địa giới hành chính đã kiểm tra, cập nhật hồ sơ",
     "Boundary markers checked and recorded", "mốc", Kind::kCount, Direction::kHigher, ""},
    {2, "PTW_PAID", "Người hoạt động không chuyên trách ở thôn được chi trả đúng chế độ",
     "Village part-time workers paid as the policy sets", "người", Kind::kPercent,
     Direction::kHigher, ""},
    {3, "KPI_ASSESSED", "Công chức được đánh giá theo KPI trong kỳ",
     "Civil servants assessed by KPI", "người", Kind::kPercent, Direction::kHigher, ""},
    {3, "STAFF_TOTAL", "Cán bộ, công chức đang làm việc", "Staff in post", "người", Kind::kCount,
     Direction::kHigher, "org.staff"},
    {4, "DIGITAL_TRAINED", "Cán bộ, công chức được bồi dưỡng kỹ năng số",
     "Cadres and civil servants trained in digital skills", "người", Kind::kPercent,
     Direction::kHigher, ""},
    {4, "DIGITAL_RESIDENTS", "Người dân được hướng dẫn kỹ năng số cơ bản",
     "Residents guided in basic digital skills", "người", Kind::kCount, Direction::kHigher, ""},
    // Computed from the dossier register (module services), no longer typed by the centre.
    {5, "ONLINE_FULL", "Hồ sơ thủ tục hành chính trực tuyến toàn trình",
     "Administrative dossiers handled fully online", "hồ sơ", Kind::kPercent, Direction::kHigher,
     "services.full_process_online"},
    {5, "DOSSIERS_ON_TIME", "Hồ sơ thủ tục hành chính giải quyết đúng hạn",
     "Administrative dossiers handled on time", "hồ sơ", Kind::kPercent, Direction::kHigher,
     "services.on_time"},
    {5, "ONLINE_FULL_OF_DVC",
     "Hồ sơ trực tuyến toàn trình trên hồ sơ của thủ tục có DVC toàn trình",
     "Full-process online dossiers among those of procedures with a full-process service", "hồ sơ",
     Kind::kPercent, Direction::kHigher, "services.full_process_online_procedures"},
    {5, "FEES_PAID_ONLINE", "Hồ sơ có phí, lệ phí được thanh toán trực tuyến",
     "Dossiers with a fee paid online", "hồ sơ", Kind::kPercent, Direction::kHigher,
     "services.online_payment"},
    // Computed from the satisfaction survey's answers (module sipas), no longer typed by the
    // centre.
    {6, "SIPAS", "Chỉ số hài lòng của người dân (SIPAS)", "Citizens' satisfaction index (SIPAS)",
     "phiếu", Kind::kPercent, Direction::kHigher, "sipas.index"},
    {7, "HOUSEHOLDS", "Tổng số hộ dân", "Households", "hộ", Kind::kCount, Direction::kHigher, ""},
    {7, "POOR_HH", "Số hộ nghèo", "Poor households", "hộ", Kind::kCount, Direction::kLower, ""},
    {8, "BULLETINS", "Bản tin phát trên hệ thống truyền thanh cơ sở",
     "Bulletins broadcast on the grassroots radio", "bản tin", Kind::kCount, Direction::kHigher,
     ""},
    {9, "PROJECTS_ON_SCHEDULE", "Dự án, công trình thực hiện đúng tiến độ", "Projects on schedule",
     "dự án", Kind::kPercent, Direction::kHigher, ""},
    {10, "WASTE_SORTED", "Hộ phân loại rác thải sinh hoạt tại nguồn",
     "Households sorting waste at source", "hộ", Kind::kPercent, Direction::kHigher, ""},
    {3, "HEADCOUNT_VS_QUOTA", "Biên chế đã sử dụng so với được giao",
     "Posts filled against the quota", "người", Kind::kPercent, Direction::kLower,
     "staffing.quota"},
    {3, "STREAMLINING_DEPARTURES", "Số người tinh giản trong năm",
     "People leaving under the plan this year", "người", Kind::kCount, Direction::kLower,
     "staffing.departures"},
    {3, "KPI_ON_TIME", "Sản phẩm KPI hoàn thành đúng hạn", "KPI products done on time", "sản phẩm",
     Kind::kPercent, Direction::kHigher, "kpi.on_time"},
    {0, "KEY_TASKS_ON_TRACK", "Nhiệm vụ trọng tâm đúng tiến độ", "Key tasks on track", "nhiệm vụ",
     Kind::kPercent, Direction::kHigher, "directive.key_tasks"},
};

const char* kVillages[] = {"LP-T01", "LP-T02", "LP-T03", "LP-T04", "LP-T05",
                           "LP-T06", "LP-T07", "LP-T08", "LP-T09", "LP-T10",
                           "LP-T11", "LP-T12", "LP-T13", "LP-T14", "LP-T15"};
const char* kOffices[] = {"LP-VP", "LP-KT", "LP-VHXH", "LP-TTHCC", "LP-TTDV"};

Date AddDays(Date d, long n) { return Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + n); }

reporting::EnteredValue V(double numerator, std::optional<double> denominator = std::nullopt) {
  reporting::EnteredValue v;
  v.numerator = numerator;
  v.denominator = denominator;
  return v;
}

reporting::Draft VillageDraft(int i, int age) {
  // `age` 2 = two periods before the last closed one, 0 = the last closed one.
  reporting::Draft d;
  double households = 180 + 17 * i;
  double poor = std::max(0, 6 - i % 4 - (2 - age) + (i == 3 ? 2 : 0));
  d.values["HOUSEHOLDS"] = V(households, std::nullopt);
  d.values["POOR_HH"] = V(poor, std::nullopt);
  d.values["PTW_PAID"] = V(i == 6 && age == 0 ? 2.0 : 3.0, 3.0);
  double guided = 20 + 3 * i + 6 * (2 - age);
  d.values["DIGITAL_RESIDENTS"] = V(guided);
  d.values["DIGITAL_RESIDENTS"].parts = {
      {"male", {std::floor(guided * 0.45), std::nullopt}},
      {"female", {guided - std::floor(guided * 0.45), std::nullopt}}};
  d.values["BULLETINS"] = V(static_cast<double>(8 + i % 4), std::nullopt);
  d.values["WASTE_SORTED"] =
      V(std::floor(households * (0.58 + 0.03 * (2 - age) + 0.01 * (i % 7))), households);
  d.narratives[7] = {
      "Rà soát " + std::to_string(static_cast<int>(poor)) +
          " hộ nghèo, phân công cán bộ thôn kèm cặp từng hộ; giới thiệu 2 lao động đi làm tại khu "
          "công nghiệp.",
      i % 5 == 0 ? "Một số hộ nghèo là người cao tuổi, không còn khả năng lao động." : "",
      i % 5 == 0 ? "Đề nghị xã hỗ trợ chuyển các hộ này sang diện bảo trợ xã hội." : ""};
  d.narratives[10] = {
      "Tổ chức ra quân vệ sinh đường làng, hướng dẫn hộ dân phân loại rác tại nguồn.", "",
      i % 6 == 2 ? "Đề nghị bổ sung thùng chứa rác phân loại tại nhà văn hóa thôn." : ""};
  d.narratives[8] = {"Phát " + std::to_string(8 + i % 4) + " bản tin trên loa truyền thanh thôn.",
                     "", ""};
  return d;
}

reporting::Draft OfficeDraft(const std::string& code, double staff, int age) {
  reporting::Draft d;
  int p = 2 - age;  // 0, 1, 2: older to newer
  if (staff > 0) {
    d.values["DIGITAL_TRAINED"] = V(std::min(staff, std::floor(staff * (0.62 + 0.12 * p))), staff);
    d.values["KPI_ASSESSED"] = V(staff, staff);
  }
  if (code == "LP-KT") {
    d.values["BOUNDARY_MARKERS_CHECKED"] = V(static_cast<double>(12 + 3 * p), std::nullopt);
    d.values["PROJECTS_ON_SCHEDULE"] = V(4.0 + (p > 1 ? 1 : 0), 6.0);
    d.narratives[1] = {"Kiểm tra thực địa các mốc địa giới với xã giáp ranh, cập nhật hồ sơ số.",
                       "", ""};
    d.narratives[9] = {"Theo dõi 6 dự án trên địa bàn; hoàn thành bàn giao mặt bằng đường trục xã.",
                       "Dự án nhà văn hóa thôn Đồng Tâm chậm do vướng giải phóng mặt bằng.",
                       "Đề nghị thành phố sớm phê duyệt giá đất bồi thường."};
  }
  if (code == "LP-TTHCC") {
    d.narratives[5] = {"Hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa.",
                       "Nhiều người cao tuổi chưa có tài khoản định danh điện tử mức 2.", ""};
    d.narratives[6] = {
        "Mời người dân đánh giá qua mã QR trên phiếu hẹn và máy tại quầy sau khi nhận kết quả.", "",
        ""};
  }
  if (code == "LP-VP") {
    d.narratives[3] = {"Hoàn thành đánh giá KPI tháng cho toàn bộ công chức.", "", ""};
    d.narratives[4] = {"Tổ chức lớp bồi dưỡng kỹ năng số cho cán bộ, công chức.", "",
                       "Đề nghị thành phố cấp tài khoản học trực tuyến cho công chức mới."};
  }
  return d;
}

}  // namespace

void LoadReportingDemo(App& app, DemoContext& demo) {
  const Actor& actor = demo.actor;
  const auto& unit_ids = demo.unit_ids;
  auto& ind = app.indicators();
  long long commune = unit_ids.at("LP");
  {
    store::Conn c = app.db().Lease();
    store::Tx tx(c);
    for (const IndicatorSpec& s : kIndicators) {
      indicator::Definition d;
      d.code = s.code;
      d.name_vi = s.vi;
      d.name_en = s.en;
      d.unit = s.unit;
      d.kind = s.kind;
      d.direction = s.direction;
      d.aggregation = s.kind == Kind::kPercent ? Aggregation::kRatioOfSums : Aggregation::kSum;
      d.key_no = s.key_no;
      d.provider = s.provider;
      if (std::string(s.code) == "DIGITAL_RESIDENTS")  // disaggregated by sex
        d.categories = {{"sex", "Giới tính", {{"male", "Nam"}, {"female", "Nữ"}}}};
      ind.Create(c, d);
    }
    ind.AddRule(c, "Số hộ nghèo không vượt quá tổng số hộ",
                "Poor households do not exceed households", "POOR_HH",
                indicator::Operator::kLessEqual, "HOUSEHOLDS");
    ind.AddRule(c, "Số hộ được theo dõi phân loại rác không vượt quá tổng số hộ",
                "Households followed for waste sorting do not exceed households",
                "WASTE_SORTED.den", indicator::Operator::kLessEqual, "HOUSEHOLDS");
    tx.Commit();
  }
  reporting::Form village;
  village.commune_id = commune;
  village.code = "BC-THON-THANG";
  village.name = "Báo cáo tháng của thôn";
  village.period_type = PeriodType::kMonth;
  village.deadline_working_days = 2;
  for (const char* v : kVillages) village.units.emplace_back(unit_ids.at(v), "");
  village.key_nos = {2, 4, 7, 8, 10};
  village.required = {"HOUSEHOLDS", "POOR_HH"};  // the poverty figures every village must send
  long long village_form = app.reports().CreateForm(
      actor, village,
      {"HOUSEHOLDS", "POOR_HH", "PTW_PAID", "DIGITAL_RESIDENTS", "BULLETINS", "WASTE_SORTED"});
  reporting::Form office;
  office.commune_id = commune;
  office.code = "BC-DONVI-THANG";
  office.name = "Báo cáo tháng của cơ quan, đơn vị";
  office.period_type = PeriodType::kMonth;
  office.deadline_working_days = 2;
  for (const char* o : kOffices) office.units.emplace_back(unit_ids.at(o), "");
  office.key_nos = {1, 3, 4, 5, 6, 9};
  long long office_form = app.reports().CreateForm(
      actor, office,
      {"BOUNDARY_MARKERS_CHECKED", "KPI_ASSESSED", "DIGITAL_TRAINED", "PROJECTS_ON_SCHEDULE"});

  Date today = clock::Today();
  Period last = reporting::DefaultPeriod(PeriodType::kMonth, today);
  std::vector<Period> periods = {reporting::PreviousPeriod(reporting::PreviousPeriod(last)),
                                 reporting::PreviousPeriod(last), last};
  {
    store::Conn c = app.db().Lease();
    store::Tx tx(c);
    auto target = [&](const char* code, const Period& p, double v) {
      ind.SetTarget(c, ind.Find(c, code)->id, commune, p.Id(), v);
    };
    for (size_t k = 0; k < periods.size(); ++k) {
      const Period& p = periods[k];
      target("DIGITAL_TRAINED", p, 100);
      target("ONLINE_FULL", p, 55 + 2.5 * static_cast<double>(k));
      target("DOSSIERS_ON_TIME", p, 95);
      target("SIPAS", p, 90);
      target("POOR_HH", p, 60);
      target("WASTE_SORTED", p, 70);
      target("PTW_PAID", p, 100);
      target("KPI_ASSESSED", p, 100);
      target("PROJECTS_ON_SCHEDULE", p, 80);
      target("KEY_TASKS_ON_TRACK", p, 100);
    }
    tx.Commit();
  }
  std::map<std::string, double> staff;  // each office's staff in post, from the staff registry
  for (const char* o : kOffices) {
    org::StaffFilter f;
    f.unit_id = unit_ids.at(o);
    staff[o] = static_cast<double>(app.org().ListStaff(actor, f)->rows.size());
  }
  auto& rep = app.reports();
  for (size_t k = 0; k < periods.size(); ++k) {
    const Period& p = periods[k];
    int age = static_cast<int>(periods.size() - 1 - k);
    Date sent = AddDays(p.WindowEnd(), 1);
    if (sent > today) sent = today;
    Date decided = std::min(AddDays(sent, 3), today);
    for (int i = 0; i < 15; ++i) {
      std::string code = kVillages[i];
      long long unit = unit_ids.at(code);
      if (age == 0 && (code == "LP-T01" || code == "LP-T14" || code == "LP-T15"))
        continue;                          // missing
      if (age == 0 && code == "LP-T09") {  // a draft not yet sent
        rep.Save(actor, village_form, unit, p.Id(), VillageDraft(i, age), sent);
        continue;
      }
      Date when = code == "LP-T10" ? std::min(AddDays(sent, 6), today) : sent;  // one late report
      auto s = rep.Submit(actor, village_form, unit, p.Id(), VillageDraft(i, age), when);
      if (age == 0 && (code == "LP-T11" || code == "LP-T12")) continue;  // awaiting review
      if (age == 0 && code == "LP-T13") {
        rep.Return(actor, s.id,
                   "Số hộ nghèo chưa khớp với danh sách rà soát của xã; đề nghị kiểm tra lại.",
                   decided);
        continue;
      }
      rep.Approve(actor, s.id, std::max(when, decided));
    }
    for (const char* code : kOffices) {
      long long unit = unit_ids.at(code);
      auto s =
          rep.Submit(actor, office_form, unit, p.Id(), OfficeDraft(code, staff[code], age), sent);
      if (age == 0 && std::string(code) == "LP-TTDV") continue;  // awaiting review
      rep.Approve(actor, s.id, decided);
    }
  }
  // The month before the last closed one: consolidated, signed and issued as No. 01 of the year.
  const Period& prev = periods[1];
  long long report = rep.Consolidate(actor, commune, prev.Id(), today);
  reporting::CommuneReport r = rep.GetReport(actor, report);
  rep.EditReport(actor, report,
                 {r.subject, "Nguyễn Phú Trung", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", r.recipients},
                 {});
  rep.Issue(actor, report, std::min(AddDays(prev.WindowEnd(), 7), today));
  // A reminder to the villages still missing in the last closed month.
  rep.Remind(actor, village_form, last.Id(), {}, today);
}

}  // namespace kientao::app
