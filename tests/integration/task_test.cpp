// Evidence files of tasks through the router on the backend under test: what is accepted (by content,
// not by name), stored once per content, downloaded only by those who see the task and always as an
// attachment; what is refused, with a code and nothing written.
#include <boost/json.hpp>

#include "modules/documents/docx.hpp"
#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace json = boost::json;

class Tasks : public AppTest {
 protected:
  void SetUp() override {
    if (office_.cookie.empty()) office_ = Login("vanphong");
  }
  static long long KeyTaskId(int n) {
    store::Conn c = app_->db().Lease();
    return c.QueryOne("SELECT id FROM tasks WHERE key_no = :1", {static_cast<long long>(n)})->Int(0);
  }
  static std::string Multipart(const std::string& filename, const std::string& data, std::string& type) {
    std::string boundary = "----kientao-test-boundary";
    type = "multipart/form-data; boundary=" + boundary;
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n--" + boundary + "--\r\n";
  }
  static http::Response Upload(const Session& s, long long task, const std::string& name, const std::string& data) {
    std::string type;
    std::string body = Multipart(name, data, type);
    return Call(s, "POST", "/api/v1/tasks/" + std::to_string(task) + "/evidence", body, type);
  }
  static Session office_;
};
Session Tasks::office_;

TEST_F(Tasks, EvidenceFilesAreCheckedByContentStoredOnceAndDownloadedAsAttachments) {
  long long task = KeyTaskId(5);
  std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
  long long blobs = Count("file_blobs");
  auto up = Upload(office_, task, "Báo cáo\\tiến độ.pdf", pdf);
  ASSERT_EQ(up.status, 201) << up.body;
  auto e = json::parse(up.body).as_object();
  EXPECT_EQ(e.at("media_type").as_string(), "application/pdf");
  EXPECT_EQ(e.at("file_name").as_string(), "tiến độ.pdf");  // the path part is dropped
  auto again = Upload(office_, task, "ban-sao.pdf", pdf);
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(Count("file_blobs"), blobs + 1);  // the same bytes are kept once

  // A real DOCX is recognised from the parts inside its ZIP.
  documents::OfficialDocument doc;
  doc.body = {{"Biên bản kiểm tra.", false}};
  std::string docx = documents::RenderDocx(doc, documents::Layout30{});
  auto word = Upload(office_, task, "bien-ban.docx", docx);
  ASSERT_EQ(word.status, 201) << word.body;
  EXPECT_EQ(json::parse(word.body).at("media_type").as_string(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  auto list = json::parse(Call(office_, "GET", "/api/v1/tasks/" + std::to_string(task) + "/evidence").body);
  EXPECT_EQ(list.at("items").as_array().size(), 3u);

  std::string href = std::string(e.at("href").as_string());
  auto got = Call(office_, "GET", href);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(got.content_type, "application/pdf");
  EXPECT_NE(got.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(got.Header("X-Content-Type-Options"), "nosniff");
  // The village head does not see this task, nor its files.
  Session village = Login("truongthon");
  EXPECT_EQ(Call(village, "GET", href).status, 404);

  long long seq = AuditSeq(), rows = Count("task_evidence");
  auto refused = [&](const http::Response& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(ErrorCode(r.body), code) << r.body;
    EXPECT_EQ(AuditSeq(), seq);
    EXPECT_EQ(Count("task_evidence"), rows);
  };
  refused(Upload(office_, task, "hop-le.pdf", std::string("\x7f" "ELF\x02\x01\x01", 7)), 415, "DIR-2015");
  refused(Upload(office_, task, "trang.pdf", "<html><script>alert(1)</script></html>"), 415, "DIR-2015");
  refused(Upload(office_, task, "lon.pdf", "%PDF-" + std::string(6 * 1024 * 1024, 'x')), 413, "DIR-2014");
  refused(Upload(office_, task, "rong.pdf", ""), 422, "DIR-2017");
  refused(Upload(village, task, "a.pdf", pdf), 403, "GEN-0011");

  // The key task's page lists the files and offers the upload form.
  auto page = Call(office_, "GET", "/tasks/5");
  EXPECT_NE(page.body.find("data-testid=\"evidence\""), std::string::npos);
  EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
}

}  // namespace kientao::testing
