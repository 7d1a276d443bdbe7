// The register and the statistics as spreadsheets officials receive: dates as real dates (shown
// dd/mm/yyyy), numbers as numbers, names in Vietnamese, the commune's header and print setup
// (documents/xlsx).
#include "modules/services/web/services_xlsx.hpp"

#include <cmath>

#include "base/text.hpp"

namespace kientao::services {

namespace {

using documents::XlsxCell;
using documents::XlsxDate;

XlsxCell Count(long long n) { return static_cast<double>(n); }
XlsxCell Rate(const std::optional<double>& v) {
  // A percentage to one decimal, as the page shows it; empty when there is no denominator.
  return v ? XlsxCell(std::round(*v * 10) / 10) : XlsxCell{};
}

}  // namespace

documents::XlsxSheet RegisterSheet(const std::vector<DossierRow>& rows, long long total,
                                   const http::Ctx& ctx) {
  documents::XlsxSheet s;
  s.name = "Sổ theo dõi hồ sơ";
  s.title = "SỔ THEO DÕI HỒ SƠ";
  if (total > static_cast<long long>(rows.size()))
    s.title += " (" + text::VnNumber(static_cast<double>(rows.size()), 0) + " trên " +
               text::VnNumber(static_cast<double>(total), 0) + " hồ sơ; chọn khoảng ngày hẹp hơn)";
  s.header = {"STT",
              "Mã hồ sơ",
              "Thủ tục hành chính",
              "Lĩnh vực",
              "Người nộp",
              "Ngày tiếp nhận",
              "Kênh nộp",
              "Toàn trình",
              "Ngày hẹn trả",
              "Ngày trả kết quả",
              "Kết quả",
              "Trạng thái",
              "Công chức giải quyết"};
  s.widths = {6, 24, 40, 14, 24, 13, 20, 10, 13, 13, 11, 16, 22};
  long long n = 0;
  for (const auto& r : rows) {
    const DossierDraft& d = r.d;
    std::string timeliness;
    if (d.returned_on) {
      Timeliness t = TimelinessOf(d.due_on, *d.returned_on);
      timeliness = ctx.T(t == Timeliness::kEarly    ? "services.stat.early"
                         : t == Timeliness::kOnTime ? "services.stat.on_time"
                                                    : "services.stat.late");
    }
    s.rows.push_back(
        {Count(++n), d.code, r.procedure_name, r.sector, d.applicant_name, XlsxDate{d.received_on},
         ctx.T("services.channel." + std::string(ChannelCode(d.channel))),
         ctx.T(d.full_process_online ? "services.yes" : "services.no"), XlsxDate{d.due_on},
         d.returned_on ? XlsxCell(XlsxDate{*d.returned_on}) : XlsxCell{}, timeliness,
         ctx.T("services.status." + std::string(StatusCode(d.status))), d.handler});
  }
  return s;
}

std::vector<documents::XlsxSheet> StatsSheets(const Stats& st, const http::Ctx& ctx) {
  const StatsCounts& c = st.counts;
  std::string period = st.from.ToVn() + " – " + st.to.ToVn();
  documents::XlsxSheet sum;
  sum.name = "Tổng hợp";
  sum.title = "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TỪ " + period;
  sum.header = {"Chỉ tiêu", "Số liệu"};
  sum.widths = {64, 14};
  auto line = [&](const char* key, XlsxCell v) {
    sum.rows.push_back({ctx.T(std::string("services.stat.") + key), std::move(v)});
  };
  line("received", Count(c.received));
  line("online", Count(c.online));
  line("full_process_online", Count(c.full_process_online));
  line("full_process_rate_all", Rate(st.rates.full_process_rate_all));
  line("full_process_rate_online_procedures", Rate(st.rates.full_process_rate_online_procedures));
  line("online_payment_rate", Rate(st.rates.online_payment_rate));
  line("resolved", Count(c.resolved));
  line("early", Count(c.early));
  line("on_time", Count(c.on_time));
  line("late", Count(c.late));
  line("on_time_rate", Rate(st.rates.on_time_rate));
  line("late_rate_to_handle", Rate(st.rates.late_rate_to_handle));
  line("overdue_open", Count(c.overdue_open));
  documents::XlsxSheet months;
  months.name = "Theo tháng";
  months.title = "THEO THÁNG, TỪ " + period;
  months.header = {
      "Tháng",          "Hồ sơ tiếp nhận",   "Trực tuyến toàn trình", "Tỷ lệ toàn trình (%)",
      "Đã trả kết quả", "Tỷ lệ đúng hạn (%)"};
  months.widths = {10, 16, 20, 18, 16, 18};
  for (const auto& m : st.months) {
    auto d = Date::ParseIso(m.month + "-01");
    months.rows.push_back({d ? XlsxCell(XlsxDate{*d, true}) : XlsxCell(m.month), Count(m.received),
                           Count(m.full_process_online),
                           Rate(Percent(m.full_process_online, m.received)), Count(m.resolved),
                           Rate(Percent(m.in_time, m.resolved))});
  }
  documents::XlsxSheet procs;
  procs.name = "Theo thủ tục";
  procs.title = "THEO THỦ TỤC HÀNH CHÍNH, TỪ " + period;
  procs.header = {"Thủ tục hành chính", "Lĩnh vực", "Hồ sơ tiếp nhận",   "Tỷ lệ toàn trình (%)",
                  "Đã trả kết quả",     "Trễ hạn",  "Tỷ lệ đúng hạn (%)"};
  procs.widths = {44, 16, 16, 18, 16, 10, 18};
  for (const auto& p : st.procedures)
    procs.rows.push_back({p.name, p.sector, Count(p.received),
                          Rate(Percent(p.full_process_online, p.received)), Count(p.resolved),
                          Count(p.late), Rate(Percent(p.in_time, p.resolved))});
  return {sum, months, procs};
}

}  // namespace kientao::services
