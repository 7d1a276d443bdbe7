// The demo's public services: a catalogue of twelve procedures (invented codes; names of common
// commune procedures) and about 1,300 dossiers received over the 15 months before the demo's day,
// loaded through the same CSV import the provincial one-stop system's export uses. Most results
// came early, some on the day, a few late; the last weeks' dossiers are partly still in process,
// two of them overdue; the full-process share grows month by month. Applicants are invented; their
// citizen IDs start with 000. Every run gives the same demo (a fixed pseudo-random sequence).
#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/module.hpp"
#include "base/csv.hpp"
#include "modules/services/service.hpp"

namespace kientao::app {

namespace {

struct DemoProcedure {
  const char* code;
  const char* name;
  const char* sector;
  const char* level;
  int days;
  long long fee;
  int weight;  // dossiers per 100
};

const DemoProcedure kProcedures[] = {
    {"DEMO-HT-01", "Đăng ký khai sinh", "Hộ tịch", "full", 0, 0, 22},
    {"DEMO-HT-02", "Đăng ký kết hôn", "Hộ tịch", "partial", 0, 0, 6},
    {"DEMO-HT-03", "Đăng ký khai tử", "Hộ tịch", "full", 0, 0, 5},
    {"DEMO-HT-04", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "full", 0, 8000, 10},
    {"DEMO-HT-05", "Xác nhận tình trạng hôn nhân", "Hộ tịch", "full", 3, 0, 9},
    {"DEMO-CT-01", "Chứng thực bản sao từ bản chính", "Chứng thực", "partial", 0, 2000, 18},
    {"DEMO-CT-02", "Chứng thực chữ ký trong giấy tờ, văn bản", "Chứng thực", "none", 0, 10000, 8},
    {"DEMO-DD-01", "Đăng ký biến động quyền sử dụng đất", "Đất đai", "partial", 10, 0, 6},
    {"DEMO-XD-01", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", "partial", 15, 75000, 4},
    {"DEMO-BTXH-01", "Trợ cấp xã hội hằng tháng cho người cao tuổi", "Bảo trợ xã hội", "full", 7, 0,
     5},
    {"DEMO-NCC-01", "Hỗ trợ mai táng phí", "Bảo trợ xã hội", "full", 5, 0, 3},
    {"DEMO-KT-01", "Đăng ký hộ kinh doanh", "Kinh tế", "full", 3, 100000, 4},
};

const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
const char* kMiddle[] = {"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Hồng"};
const char* kGiven[] = {"An",   "Bình", "Châu", "Dũng", "Giang", "Hà",  "Hải",
                        "Hạnh", "Hùng", "Lan",  "Linh", "Long",  "Mai", "Nam",
                        "Nga",  "Phúc", "Quân", "Sơn",  "Thảo",  "Tú"};

// A fixed sequence, so every load gives the same demo.
struct Sequence {
  unsigned long long s = 20261128;
  unsigned Next(unsigned n) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>((s >> 33) % n);
  }
};

Date AddDays(Date d, long n) { return Date::FromDaysSinceEpoch(d.DaysSinceEpoch() + n); }

}  // namespace

void LoadServicesDemo(App& app, DemoContext& demo) {
  auto& svc = app.Kept<services::ServicesService>("services");
  const WorkingCalendar& cal = app.reporting_rules().calendar();
  Date today = demo.calendar.today;
  std::string procedures =
      CsvLine({"code", "name", "sector", "online_level", "handling_days", "fee"});
  int total_weight = 0;
  for (const auto& p : kProcedures) {
    procedures += CsvLine({p.code, p.name, p.sector, p.level, std::to_string(p.days),
                           p.fee ? std::to_string(p.fee) : ""});
    total_weight += p.weight;
  }
  svc.ImportProceduresCsv(demo.actor, procedures, "", "LP");

  Sequence rnd;
  std::string dossiers = CsvLine({"code", "procedure_code", "received_on", "channel",
                                  "full_process_online", "due_on", "returned_on", "applicant_name",
                                  "citizen_id", "fee_paid_online", "handler", "unit_code"});
  // The centre's civil servants who receive and handle dossiers (the org module's demo staff).
  const char* handlers[] = {"Tô Thị Bích", "Hồ Văn Toàn", "Âu Văn Phong"};
  int seq = 0, overdue = 0;
  for (long back = 455; back >= 1; --back) {
    Date day = AddDays(today, -back);
    bool working = cal.IsWorkingDay(day);
    // Months ago (0–15): the full-process share grows from about 30% to about 60%.
    double age = static_cast<double>(back) / 455.0;
    int count = working ? 3 + static_cast<int>(rnd.Next(4)) : (rnd.Next(3) == 0 ? 1 : 0);
    for (int k = 0; k < count; ++k) {
      unsigned pick = rnd.Next(static_cast<unsigned>(total_weight));
      const DemoProcedure* p = &kProcedures[0];
      for (const auto& q : kProcedures) {
        if (pick < static_cast<unsigned>(q.weight)) {
          p = &q;
          break;
        }
        pick -= static_cast<unsigned>(q.weight);
      }
      std::string level = p->level;
      int online_pct = level == "full"      ? static_cast<int>(85 - 40 * age)
                       : level == "partial" ? 25
                                            : 0;
      bool online = !working || static_cast<int>(rnd.Next(100)) < online_pct;
      if (level == "none") online = false;
      std::string channel = online ? "online" : (rnd.Next(20) == 0 ? "post" : "counter");
      bool fpo = online && level == "full";
      Date due = services::DueDate(cal, day, p->days);
      // Results: mostly before the appointment, some on the day, about one in twelve late; the
      // last weeks' dossiers partly still open, two of them past due.
      std::string returned;
      unsigned r = rnd.Next(100);
      long slack = due.DaysSinceEpoch() - day.DaysSinceEpoch();
      Date ret =
          r < 70
              ? AddDays(day,
                        slack > 0 ? static_cast<long>(rnd.Next(static_cast<unsigned>(slack))) : 0)
          : r < 92 ? due
                   : cal.AddWorkingDays(due, 1 + static_cast<int>(rnd.Next(3)));
      bool open = ret >= today || (back < 12 && rnd.Next(3) == 0);
      // At most two dossiers still open past their appointment date.
      if (open && due < today && overdue < 2)
        ++overdue;
      else if (open && due < today)
        open = false, ret = std::min(ret, AddDays(today, -1));
      if (!open) returned = ret.ToIso();
      ++seq;
      std::string iso = day.ToIso();
      std::string code = "LP-" + iso.substr(2, 2) + iso.substr(5, 2) + iso.substr(8, 2) + "-" +
                         std::to_string(1000 + seq);
      std::string name = std::string(kFamily[rnd.Next(10)]) + " " + kMiddle[rnd.Next(8)] + " " +
                         kGiven[rnd.Next(20)];
      std::string cid = "000" + std::to_string(100000000 + seq * 7919 % 900000000);
      bool paid = p->fee > 0 && online && rnd.Next(2) == 0;
      dossiers += CsvLine(
          {code, p->code,
           iso + "T" + (rnd.Next(2) ? "08" : "14") + ":" + std::to_string(10 + rnd.Next(50)),
           channel, fpo ? "1" : "0", due.ToIso(), returned, name, cid, paid ? "1" : "0",
           handlers[rnd.Next(3)], "LP-TTHCC"});
    }
  }
  svc.ImportDossiersCsv(demo.actor, dossiers, "", "LP");
}

}  // namespace kientao::app
