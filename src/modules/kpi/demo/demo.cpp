// The demo commune's KPI monitoring: each office's product catalogue, the products assigned to its
// cadres and civil servants over the last two months (completed, confirmed with a few errors and
// delays, the head's general score given) and the current month (in progress: one awaiting
// confirmation). Invented figures, made to give a believable spread: one excellent, one completed,
// the others good.
#include <fmt/format.h>

#include <algorithm>
#include <random>
#include "app/demo_data.hpp"
#include "app/module.hpp"
#include "base/access.hpp"

#include "base/clock.hpp"
#include "modules/kpi/service.hpp"

namespace kientao::app {

namespace {

struct ProductSpec {
  const char* code;
  const char* name;
  const char* measure;
  double factor;
};

const ProductSpec kProducts[] = {
    {"VB", "Văn bản tham mưu (công văn, tờ trình, kế hoạch)", "văn bản", 1.0},
    {"BC", "Báo cáo chuyên đề, báo cáo định kỳ", "báo cáo", 1.5},
    {"HS", "Hồ sơ thủ tục hành chính giải quyết", "hồ sơ", 0.5},
    {"KT", "Kiểm tra, xác minh hiện trường", "lần", 1.0},
    {"HN", "Tổ chức hội nghị, cuộc họp", "cuộc", 2.0},
};

}  // namespace

void LoadEarlierRatings(App& app, DemoContext& demo);

namespace {

// The cadres and civil servants in post, from the staff registry, in the order they were created.
std::vector<org::StaffRow> CadresAndCivilServants(App& app, const Actor& actor) {
  std::vector<org::StaffRow> out;
  for (const auto& r : app.org().ListStaff(actor, org::StaffFilter{})->rows)
    if (r.staff.category == org::StaffCategory::kCadre ||
        r.staff.category == org::StaffCategory::kCivilServant)
      out.push_back(r);
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.staff.id < b.staff.id; });
  return out;
}

}  // namespace

void LoadKpiDemo(App& app, DemoContext& demo) {
  const Actor& actor = demo.actor;
  const auto& unit_ids = demo.unit_ids;
  kpi::KpiService& svc = app.kpi();
  std::map<long long, std::map<std::string, long long>> products;  // unit → code → id
  for (const char* code : {"LP-LD", "LP-VP", "LP-KT", "LP-VHXH", "LP-TTHCC"}) {
    long long unit = unit_ids.at(code);
    for (const ProductSpec& p : kProducts) {
      kpi::ProductDraft d{unit, "", p.code, p.name, p.measure, p.factor};
      products[unit][p.code] = svc.SaveProduct(actor, d);
    }
  }
  struct Person {
    long long id, unit;
    std::string name;
  };
  std::vector<Person> people;
  for (const org::StaffRow& r : CadresAndCivilServants(app, demo.actor))
    people.push_back({r.staff.id, r.staff.unit_id, r.staff.full_name});
  long long leaders = unit_ids.at("LP-LD");
  Date today = clock::Today();
  auto month = [&](int back) {
    int y = today.year(), m = today.month() - back;
    while (m < 1) m += 12, --y;
    return Period::Of(PeriodType::kMonth, y, m);
  };
  const char* codes[] = {"VB", "BC", "HS", "KT", "HN"};
  for (const Person& p : people) {
    // Everything right for the one "excellent"; the last item not done by the others, and one
    // more by the one "completed".
    bool excellent = p.name == "Vũ Thị Hồng";
    bool weak = p.name == "Tạ Quang Vinh";
    Principal self;
    self.staff_id = p.id;
    self.username = "demo";
    Actor as_self{self, "cli:demo-data", ""};
    for (int back = 2; back >= 0; --back) {
      Period per = month(back);
      auto [first, last] = kpi::KpiService::Days(per);
      for (int i = 0; i < 5; ++i) {
        kpi::AssignmentDraft d;
        d.staff_id = p.id;
        d.product_id = products[p.unit].count(codes[i]) ? products[p.unit][codes[i]] : 0;
        if (!d.product_id) continue;
        d.quantity = i == 2 ? 6 : 1 + (i % 2);
        d.assigned_on = first;
        d.deadline = *Date::FromYmd(first.year(), first.month(), std::min(10 + 4 * i, 28));
        long long id = svc.Assign(actor, d);
        if (back == 0) {
          // The current month: the first item done and confirmed, the second awaiting
          // confirmation when its day has come, the rest in progress.
          Date done = std::min(d.deadline, today);
          if (i == 0) {
            svc.ReportDone(as_self, id, done, "");
            svc.Review(actor, id, {true, true, 0, 0, false, ""});
          } else if (i == 1 && done >= d.assigned_on) {
            svc.ReportDone(as_self, id, done, "Đã gửi báo cáo");
          }
          continue;
        }
        bool skip = !excellent && (i == 4 || (weak && i == 3));
        if (skip) continue;  // not done
        bool slip = !excellent && i == 1 && (p.id + back) % 3 == 0;
        Date done = slip ? *Date::FromYmd(last.year(), last.month(), last.day()) : d.deadline;
        svc.ReportDone(as_self, id, done, "");
        svc.Review(
            actor, id,
            {true, true, slip ? 1 : 0, slip ? 1 : 0, false, slip ? "Cần bổ sung số liệu" : ""});
      }
      if (back > 0) {
        double general = excellent           ? 28
                         : weak              ? 21
                         : p.unit == leaders ? 24
                                             : 24 + static_cast<double>(p.id % 4);
        svc.SetGeneral(actor, p.id, per, general, "");
      }
    }
  }
  LoadEarlierRatings(app, demo);
}

// Earlier years' ratings as the office recorded them (before this system), for the streamlining
// ranking.
void LoadEarlierRatings(App& app, DemoContext& demo) {
  const DemoCalendar& cal = demo.calendar;
  long long vinh = demo.staff_ids.at("Tạ Quang Vinh");
  auto people = CadresAndCivilServants(app, demo.actor);
  store::Conn c = app.db().Lease();
  {
    store::Tx tx(c);
    std::mt19937 rng(11);
    for (const org::StaffRow& p : people)
      for (int year : {cal.Year(2024), cal.Year(2025)}) {
        const org::Staff& r = p.staff;
        double avg = 72 + static_cast<double>(rng() % 200) / 10;  // 72–92
        if (r.id == vinh) avg = 61;
        std::string rating = avg >= 90 ? "excellent" : avg >= 70 ? "good" : "completed";
        c.Exec(
            "INSERT INTO kpi_annual_ratings (staff_id, year, commune_id, unit_id, position, "
            "average, periods, rating, veto_reason, approved_by, approved_at) VALUES (:1, :2, :3, "
            ":4, :5, :6, 12, :7, NULL, 'Nguyễn Phú Trung', :8)",
            {r.id, static_cast<long long>(year), r.commune_id, r.unit_id, r.position, avg, rating,
             fmt::format("{}-12-10T09:00:00+07:00", year)});
      }
    tx.Commit();
  }
}

}  // namespace kientao::app
