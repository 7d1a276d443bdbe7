// The receipt and appointment slip (Circular 03/2025/TT-VPCP, Mẫu 01) as a Decree 30 document, with
// the QR code of the applicant's own page (its status, and once the result is returned, its
// satisfaction questionnaire when the survey module is installed).
#include "modules/services/web/services_slip.hpp"

#include <fmt/format.h>

#include "base/text.hpp"
#include "modules/documents/qr.hpp"

namespace kientao::services {

std::string SlipUrl(const http::Ctx& ctx, ServicesService& svc, long long id) {
  bool https = ctx.req.Header("x-forwarded-proto") == "https";
  return (https ? "https://" : "http://") + ctx.req.Header("host") +
         svc.SlipPath(ctx.AsActor(), id);
}

documents::OfficialDocument SlipDocument(const DossierRow& r, const std::string& unit,
                                         const std::string& commune, const std::string& url) {
  documents::OfficialDocument d;
  d.agency_parent = text::ToUpper("Ủy ban nhân dân " + commune);
  d.agency = text::ToUpper(unit);
  d.number = "Mã hồ sơ: " + r.d.code;
  Date on = r.d.received_on;
  d.place_date =
      documents::PlaceDate(documents::PlaceName(commune), on.year(), on.month(), on.day());
  d.doc_type = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
  std::string time = r.d.received_time.size() == 5 ? r.d.received_time.substr(0, 2) + " giờ " +
                                                         r.d.received_time.substr(3, 2) + " phút, "
                                                   : std::string();
  const char* channel = r.d.channel == Channel::kOnline ? "trực tuyến"
                        : r.d.channel == Channel::kPost ? "qua dịch vụ bưu chính công ích"
                                                        : "trực tiếp tại Bộ phận Một cửa";
  d.body = {
      {unit + " tiếp nhận hồ sơ của: " + r.d.applicant_name + ".", false},
      {"Nội dung yêu cầu giải quyết: " + r.procedure_name + ".", false},
      {std::string("Hình thức nộp hồ sơ: ") + channel + ".", false},
      {fmt::format("Thời gian nhận hồ sơ: {}ngày {:02} tháng {:02} năm {}.", time, on.day(),
                   on.month(), on.year()),
       false},
      {"Thời gian trả kết quả giải quyết hồ sơ: ngày " + r.d.due_on.ToVn() + ".", false},
      {"Quét mã QR dưới đây (hoặc mở địa chỉ " + url +
           ") để xem tình trạng hồ sơ và, sau khi nhận kết quả, đánh giá sự hài lòng",
       false},
  };
  if (auto png = documents::QrPng(url, 8))
    d.picture =
        documents::OfficialDocument::Picture{*png, 32, 32, "Mã QR: tình trạng hồ sơ " + r.d.code};
  d.left_signature = documents::OfficialDocument::Signature{"NGƯỜI NỘP HỒ SƠ", r.d.applicant_name};
  d.title = "NGƯỜI TIẾP NHẬN HỒ SƠ";
  d.signer = r.d.handler;
  return d;
}

std::optional<documents::OfficialDocument> StepNotice(const DossierRow& r, const DossierEvent& e,
                                                      const std::string& unit,
                                                      const std::string& commune) {
  // The forms' titles as Appendix I of Circular 03/2025/TT-VPCP (15/9/2025) names them — read in
  // a listing of the Appendix (thuviennhadat.vn), not in the gazette; the bodies' wording was not
  // read (MODULE.md).
  const char* title = e.form == "02"   ? "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
                      : e.form == "03" ? "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
                      : e.form == "04" ? "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
                      : e.form == "05" ? "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
                                       : nullptr;
  if (!title) return std::nullopt;
  documents::OfficialDocument d;
  d.agency_parent = text::ToUpper("Ủy ban nhân dân " + commune);
  d.agency = text::ToUpper(unit);
  d.number = "Mã hồ sơ: " + r.d.code;
  Date on = e.day.value_or(r.d.received_on);
  d.place_date =
      documents::PlaceDate(documents::PlaceName(commune), on.year(), on.month(), on.day());
  d.doc_type = title;
  d.subject_lines = {"(Mẫu " + e.form + ", Thông tư 03/2025/TT-VPCP)"};
  d.body = {
      {"Kính gửi: " + (r.d.applicant_name.empty() ? std::string("ông/bà") : r.d.applicant_name) +
           ".",
       false},
      {unit + " tiếp nhận hồ sơ của ông/bà ngày " + r.d.received_on.ToVn() + ", mã hồ sơ " +
           r.d.code + ", về thủ tục: " + r.procedure_name + ".",
       false},
  };
  if (e.form == "02")
    d.body.push_back({"Hồ sơ cần được bổ sung, hoàn thiện: " + e.note +
                          ". Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ theo nội dung trên; thời hạn "
                          "giải quyết được tính lại từ ngày nhận đủ hồ sơ.",
                      false});
  if (e.form == "03") d.body.push_back({"Hồ sơ không được giải quyết vì: " + e.note + ".", false});
  if (e.form == "04") {
    d.body.push_back({"Hồ sơ chưa được giải quyết đúng hẹn (" + r.d.due_on.ToVn() +
                          ") vì: " + e.note + ". Chúng tôi xin lỗi ông/bà về sự chậm trễ này.",
                      false});
    if (e.due_on)
      d.body.push_back({"Ngày hẹn trả kết quả mới: ngày " + e.due_on->ToVn() + ".", false});
  }
  if (e.form == "05")
    d.body.push_back({"Việc giải quyết hồ sơ tạm dừng từ ngày " + on.ToVn() + " vì: " + e.note +
                          ". Chúng tôi sẽ thông báo khi tiếp tục giải quyết.",
                      false});
  d.title = "NGƯỜI GIẢI QUYẾT HỒ SƠ";
  d.signer = e.actor;
  return d;
}

}  // namespace kientao::services
