#include "modules/reporting/report_documents.hpp"

#include <sstream>

#include <fmt/format.h>

#include "base/clock.hpp"
#include "base/period.hpp"
#include "base/text.hpp"
#include "modules/documents/xlsx.hpp"

namespace kientao::reporting {

namespace {

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

const char* kRoman[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

}  // namespace

std::string ReportFileStem(const CommuneReport& r) {
  return text::Slug(r.commune_name) + "-bao-cao-" + r.period_id;
}

documents::OfficialDocument ReportDocument(const CommuneReport& r,
                                           const std::map<int, std::string>& task_titles,
                                           const std::string& dispatch) {
  documents::OfficialDocument d;
  documents::CommuneHeader(d, r.commune_name, r.issued_on.value_or(clock::Today()), "BC",
                           r.doc_no ? std::optional<int>(r.doc_no) : std::nullopt);
  d.doc_type = "BÁO CÁO";
  d.subject_lines = {r.subject};
  auto p = Period::Parse(r.period_id);
  d.body.push_back(
      {fmt::format(
           "Thực hiện {}, Ủy ban nhân dân {} báo cáo kết quả thực hiện 10 nhiệm vụ trọng "
           "tâm {} (số liệu từ ngày {} đến ngày {}) như sau:",
           dispatch.empty() ? "Công văn của Ủy ban nhân dân xã về 10 nhiệm vụ trọng tâm" : dispatch,
           r.commune_name.empty() ? "xã" : documents::CommuneInSentence(r.commune_name),
           p ? text::ToLowerFirst(p->LabelVi()) : r.period_id, p ? p->WindowStart().ToVn() : "",
           p ? p->WindowEnd().ToVn() : ""),
       false});
  for (auto& [k, body] : r.sections) {
    auto t = task_titles.find(k);
    d.body.push_back(
        {fmt::format("{}. {}", kRoman[k >= 1 && k <= 10 ? k : 0],
                     t == task_titles.end() ? "Nhiệm vụ " + std::to_string(k) : t->second),
         true});
    for (auto& line : Lines(body)) d.body.push_back({line, false});
  }
  d.body.push_back({fmt::format("Trên đây là báo cáo kết quả thực hiện {} của Ủy ban nhân dân {}",
                                p ? text::ToLowerFirst(p->LabelVi()) : r.period_id,
                                documents::CommuneInSentence(r.commune_name)),
                    false});
  for (auto& line : Lines(r.recipients)) d.recipients.push_back(line);
  d.authority = r.signer_authority;
  d.title = r.signer_title;
  d.signer = r.signer;
  return d;
}

std::string ReportAnnexXlsx(const CommuneReport& r, const std::map<int, std::string>& task_titles,
                            const std::function<std::string(const std::string&)>& source_label) {
  // Task groups as the dispatch orders them: organisation (1–3), digital government (4–6),
  // society and development (7–10).
  const std::vector<std::pair<std::string, std::vector<int>>> groups = {
      {"NV1-3 Tổ chức bộ máy", {1, 2, 3}},
      {"NV4-6 Chính quyền số", {4, 5, 6}},
      {"NV7-10 Phát triển", {7, 8, 9, 10}}};
  std::vector<documents::XlsxSheet> sheets;
  auto p = Period::Parse(r.period_id);
  for (auto& [name, tasks] : groups) {
    documents::XlsxSheet s;
    s.name = name;
    s.title = "Phụ lục: Chỉ tiêu " + (p ? p->LabelVi() : r.period_id) + " — " + r.commune_name;
    s.header = {"Nhiệm vụ", "Chỉ tiêu",      "Đơn vị tính", "Tử số",        "Mẫu số",
                "Giá trị",  "Chỉ tiêu giao", "Đánh giá",    "Nguồn số liệu"};
    s.widths = {28, 44, 12, 10, 10, 10, 12, 12, 24};
    for (int k : tasks)
      for (auto& l : r.indicators) {
        if (l.def.key_no != k) continue;
        auto t = task_titles.find(k);
        std::vector<documents::XlsxCell> row;
        row.push_back(std::to_string(k) + ". " + (t == task_titles.end() ? "" : t->second));
        row.push_back(l.def.name_vi);
        row.push_back(l.def.kind == indicator::Kind::kPercent ? std::string("%") : l.def.unit);
        row.push_back(l.numerator ? documents::XlsxCell(*l.numerator) : documents::XlsxCell{});
        row.push_back(l.denominator ? documents::XlsxCell(*l.denominator) : documents::XlsxCell{});
        row.push_back(l.value ? documents::XlsxCell(std::round(*l.value * 10) / 10)
                              : documents::XlsxCell{});
        row.push_back(l.target ? documents::XlsxCell(*l.target) : documents::XlsxCell{});
        std::string verdict = "Chưa có số liệu";
        if (l.value && l.target)
          verdict = (indicator::MeetsTarget(l.def, *l.value, *l.target)) ? "Đạt" : "Chưa đạt";
        else if (l.value)
          verdict = "Không giao chỉ tiêu";
        row.push_back(verdict);
        row.push_back(source_label(l.source));
        s.rows.push_back(std::move(row));
        // The breakdown of a disaggregated indicator, one row per combination.
        for (auto& [label, n, d] : l.parts) {
          std::vector<documents::XlsxCell> part(9);
          part[1] = "    " + label;
          part[3] = n;
          if (indicator::HasDenominator(l.def.kind)) part[4] = d;
          s.rows.push_back(std::move(part));
        }
      }
    sheets.push_back(std::move(s));
  }
  return documents::RenderXlsx(sheets, documents::CommuneIssuer(r.commune_name));
}

}  // namespace kientao::reporting
