// The survey as documents officials receive: the indices and the raw answers as XLSX (numbers as
// numbers, dates as dates, names in Vietnamese, no dossier and no person), and the survey report of
// the period in the Decree 30/2020 layout.
#include <fmt/format.h>

#include <cmath>

#include "base/clock.hpp"
#include "base/text.hpp"
#include "modules/sipas/web/sipas_web.hpp"

namespace kientao::sipas {

using documents::XlsxCell;
using documents::XlsxDate;

namespace {

XlsxCell Count(long long n) { return static_cast<double>(n); }
XlsxCell Rate(const std::optional<double>& v) {
  return v ? XlsxCell(std::round(*v * 10) / 10) : XlsxCell{};
}
std::string Pct(const std::optional<double>& v) {
  return v ? text::VnNumber(*v, 1) + "%" : std::string("chưa có phiếu trả lời");
}
const char* ChannelVi(const std::string& c) {
  if (c == "qr") return "Mã QR trên phiếu hẹn";
  if (c == "kiosk") return "Máy tính bảng tại Bộ phận Một cửa";
  if (c == "paper") return "Phiếu giấy";
  return "Khác";
}

}  // namespace

std::vector<documents::XlsxSheet> IndicesSheets(const Indices& x, const http::Ctx&) {
  std::string period = x.query.from.ToVn() + " – " + x.query.to.ToVn();
  documents::XlsxSheet items;
  items.name = "Chỉ số";
  items.title = "CHỈ SỐ HÀI LÒNG TỪ " + period;
  items.header = {"Yếu tố / tiêu chí", "Số phiếu trả lời hợp lệ", "Số phiếu hài lòng",
                  "Chỉ số (%)"};
  items.widths = {70, 18, 16, 12};
  items.rows.push_back({"Chỉ số hài lòng chung (" + x.questionnaire->name + ")",
                        Count(x.all.responses), XlsxCell{}, Rate(x.all.index)});
  for (const auto& e : x.all.elements) {
    items.rows.push_back({e.name, XlsxCell{}, XlsxCell{}, Rate(e.value)});
    for (const auto& i : e.items)
      items.rows.push_back(
          {"    " + i.text, Count(i.tally.valid), Count(i.tally.satisfied), Rate(i.value)});
  }
  items.rows.push_back({"Mục tiêu (trên)", XlsxCell{}, XlsxCell{}, x.target});
  items.rows.push_back({"Hồ sơ tiếp nhận trong kỳ (N)", Count(x.dossiers), XlsxCell{}, XlsxCell{}});
  items.rows.push_back(
      {"Cỡ mẫu cần theo Yamane (e = 5%)", Count(x.sample_needed), XlsxCell{}, XlsxCell{}});
  documents::XlsxSheet groups;
  groups.name = "Theo tháng, kênh, thủ tục";
  groups.title = "CHỈ SỐ HÀI LÒNG THEO THÁNG, KÊNH VÀ THỦ TỤC, TỪ " + period;
  groups.header = {"Nhóm", "Giá trị", "Số phiếu", "Chỉ số (%)"};
  groups.widths = {14, 60, 12, 12};
  for (const auto& g : x.months) {
    auto d = Date::ParseIso(g.key + "-01");
    groups.rows.push_back({"Tháng", d ? XlsxCell(XlsxDate{*d, true}) : XlsxCell(g.key),
                           Count(g.index.responses), Rate(g.index.index)});
  }
  for (const auto& g : x.channels)
    groups.rows.push_back(
        {"Kênh", std::string(ChannelVi(g.key)), Count(g.index.responses), Rate(g.index.index)});
  for (const auto& g : x.procedures)
    groups.rows.push_back({"Thủ tục", g.name.empty() ? g.key : g.name, Count(g.index.responses),
                           Rate(g.index.index)});
  return {items, groups};
}

documents::XlsxSheet AnswersSheet(const Questionnaire& q, const Method& m,
                                  const std::vector<SipasStore::AnswerRow>& rows,
                                  const std::map<long long, services::Procedure>& procedures,
                                  const std::map<long long, std::string>& units) {
  documents::XlsxSheet s;
  s.name = "Phiếu trả lời";
  s.title = "CÁC PHIẾU TRẢ LỜI (MỨC 1 = " + text::ToUpper(m.levels.front()) + ", MỨC " +
            std::to_string(m.levels.size()) + " = " + text::ToUpper(m.levels.back()) + ")";
  s.header = {"STT", "Ngày trả lời", "Kênh", "Đơn vị", "Thủ tục"};
  s.widths = {6, 12, 22, 26, 40};
  auto codes = q.ItemCodes();
  int n = 0;
  for (const auto& e : q.elements)
    for (const auto& text : e.items) {
      (void)text;
      s.header.push_back("Câu " + std::to_string(++n));
      s.widths.push_back(8);
    }
  long long stt = 0;
  for (const auto& r : rows) {
    auto u = units.find(r.unit_id);
    auto p = r.procedure_id ? procedures.find(*r.procedure_id) : procedures.end();
    std::vector<XlsxCell> row;
    row.reserve(5 + codes.size());
    row.emplace_back(Count(++stt));
    row.emplace_back(XlsxDate{r.answered_on});
    row.emplace_back(std::string(ChannelVi(r.channel)));
    row.emplace_back(std::string(u == units.end() ? "" : u->second));
    row.emplace_back(std::string(p == procedures.end() ? "" : p->second.name));
    for (const auto& c : codes) {
      auto a = r.answers.find(c);
      if (a == r.answers.end())
        row.emplace_back(std::monostate{});
      else
        row.emplace_back(static_cast<double>(a->second));
    }
    s.rows.push_back(std::move(row));
  }
  return s;
}

documents::OfficialDocument SurveyReport(const Indices& x, const std::string& commune,
                                         const http::Ctx&) {
  documents::OfficialDocument d;
  documents::CommuneHeader(d, commune, clock::Today(), "BC");
  std::string period = "từ ngày " + x.query.from.ToVn() + " đến ngày " + x.query.to.ToVn();
  d.doc_type = "BÁO CÁO";
  d.subject_lines = {"Kết quả khảo sát sự hài lòng của người dân, tổ chức",
                     "đối với sự phục vụ của cơ quan hành chính " + period};
  d.body.push_back({"Thực hiện nhiệm vụ trọng tâm số 6 (chỉ số hài lòng của người dân trên " +
                        text::VnNumber(x.target, 0) + "%), Ủy ban nhân dân " +
                        documents::CommuneInSentence(commune) +
                        " báo cáo kết quả khảo sát sự hài lòng " + period + " như sau:",
                    false});
  d.body.push_back({"I. TỔ CHỨC KHẢO SÁT", true});
  d.body.push_back(
      {fmt::format("Phiếu khảo sát: {}. Người dân trả lời qua mã QR trên phiếu hẹn trả kết quả, "
                   "máy tính bảng tại Bộ phận Một cửa hoặc phiếu giấy; phiếu trả lời không ghi "
                   "tên người trả lời.",
                   x.questionnaire->name),
       false});
  d.body.push_back(
      {fmt::format("Số phiếu trả lời: {}; số hồ sơ tiếp nhận trong kỳ: {}; cỡ mẫu cần theo công "
                   "thức Yamane (sai số 5%): {} phiếu — {}.",
                   text::VnNumber(static_cast<double>(x.all.responses), 0),
                   text::VnNumber(static_cast<double>(x.dossiers), 0),
                   text::VnNumber(static_cast<double>(x.sample_needed), 0),
                   x.sample_reached ? "đã đạt" : "chưa đạt"),
       false});
  for (const auto& c : x.channels)
    d.body.push_back(
        {fmt::format("- {}: {} phiếu, chỉ số {}.", ChannelVi(c.key),
                     text::VnNumber(static_cast<double>(c.index.responses), 0), Pct(c.index.index)),
         false});
  d.body.push_back({"II. KẾT QUẢ", true});
  d.body.push_back({"Chỉ số hài lòng chung: " + Pct(x.all.index) +
                        (x.above_target ? (*x.above_target ? " (vượt mục tiêu trên "
                                                           : " (chưa đạt mục tiêu trên ") +
                                              text::VnNumber(x.target, 0) + "%)."
                                        : std::string(".")),
                    false});
  for (const auto& e : x.all.elements) {
    d.body.push_back({fmt::format("{}: {}.", e.name, Pct(e.value)), false});
    for (const auto& i : e.items)
      d.body.push_back({fmt::format("- {}: {}.", i.text, Pct(i.value)), false});
  }
  if (!x.procedures.empty()) {
    d.body.push_back({"Theo thủ tục hành chính (nhiều phiếu trả lời nhất):", false});
    size_t shown = 0;
    for (const auto& p : x.procedures) {
      if (++shown > 10) break;
      d.body.push_back({fmt::format("- {}: {} phiếu, {}.", p.name.empty() ? p.key : p.name,
                                    text::VnNumber(static_cast<double>(p.index.responses), 0),
                                    Pct(p.index.index)),
                        false});
    }
  }
  d.body.push_back({"III. PHƯƠNG PHÁP TÍNH", true});
  d.body.push_back(
      {"Chỉ số mỗi tiêu chí bằng số phiếu hài lòng và rất hài lòng chia cho số phiếu trả lời hợp "
       "lệ, nhân 100; chỉ số mỗi yếu tố là trung bình các tiêu chí; chỉ số chung là trung bình "
       "các yếu tố. Cách tổng hợp này chưa được đối chiếu với văn bản gốc của Quyết định "
       "1001/QĐ-BNV; dữ liệu trả lời gốc được lưu đủ để tính lại theo công thức chính thức.",
       false});
  d.recipients = {"UBND thành phố (Sở Nội vụ);", "Thường trực Đảng ủy, HĐND xã;",
                  "Các phòng, đơn vị;", "Lưu: VT."};
  d.authority = "TM. ỦY BAN NHÂN DÂN";
  d.title = "CHỦ TỊCH";
  return d;
}

}  // namespace kientao::sipas
