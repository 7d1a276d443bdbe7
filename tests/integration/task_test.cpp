// Evidence files of tasks through the router on the backend under test: what is accepted (by
// content, not by name), stored once per content, downloaded only by those who see the task and
// always as an attachment; what is refused, with a code and nothing written.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include <boost/json.hpp>

#include "app/digest.hpp"

#include "base/clock.hpp"
#include "modules/documents/docx.hpp"
#include "tests/integration/app_fixture.hpp"

namespace kientao::testing {

namespace json = boost::json;

class Tasks : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    office_ = Login("vanphong");
  }
  static long long KeyTaskId(int n) {
    store::Conn c = app_->db().Lease();
    return c.QueryOne("SELECT id FROM tasks WHERE key_no = :1", {static_cast<long long>(n)})
        ->Int(0);
  }
  static std::string Multipart(const std::string& filename, const std::string& data,
                               std::string& type) {
    std::string boundary = "----kientao-test-boundary";
    type = "multipart/form-data; boundary=" + boundary;
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
           filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + "\r\n--" +
           boundary + "--\r\n";
  }
  static http::Response Upload(const Session& s, long long task, const std::string& name,
                               const std::string& data) {
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

  // Names that would run as a program, or hide their real end behind a right-to-left override or
  // bytes that are not UTF-8, are stored under the sniffed type's extension; the audit log, which
  // records the name, still answers.
  auto exe = Upload(office_, task, "bao-cao.pdf.exe", pdf);
  ASSERT_EQ(exe.status, 201) << exe.body;
  EXPECT_EQ(json::parse(exe.body).at("file_name").as_string(), "bao-cao.pdf");
  auto rlo = Upload(office_, task,
                    "ke-hoach\xE2\x80\xAE"
                    "fdp.hta\xFF",
                    pdf);
  ASSERT_EQ(rlo.status, 201) << rlo.body;
  EXPECT_EQ(json::parse(rlo.body).at("file_name").as_string(), "ke-hoachfdp.pdf");
  auto audit = Call(office_, "GET", "/api/v1/audit?limit=5");
  EXPECT_EQ(audit.status, 200) << audit.body.substr(0, 300);
  EXPECT_NE(audit.body.find("ke-hoachfdp.pdf"), std::string::npos);

  auto list =
      json::parse(Call(office_, "GET", "/api/v1/tasks/" + std::to_string(task) + "/evidence").body);
  EXPECT_EQ(list.at("items").as_array().size(), 5u);

  std::string href = std::string(e.at("href").as_string());
  long long before_read = AuditSeq();
  auto got = Call(office_, "GET", href);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(AuditSeq(), before_read + 1);  // every download is logged
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
  refused(Upload(office_, task, "hop-le.pdf",
                 std::string("\x7f"
                             "ELF\x02\x01\x01",
                             7)),
          415, "DIR-2015");
  refused(Upload(office_, task, "trang.pdf", "<html><script>alert(1)</script></html>"), 415,
          "DIR-2015");
  refused(Upload(office_, task, "lon.pdf", "%PDF-" + std::string(6 * 1024 * 1024, 'x')), 413,
          "DIR-2014");
  refused(Upload(office_, task, "rong.pdf", ""), 422, "DIR-2017");
  refused(Upload(village, task, "a.pdf", pdf), 403, "GEN-0011");

  // The key task's page lists the files and offers the upload form.
  auto page = Call(office_, "GET", "/tasks/5");
  EXPECT_NE(page.body.find("data-testid=\"evidence\""), std::string::npos);
  EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
}

// The directive page's task form shows every mistake at once, each beside its field, keeping what
// was typed; nothing is written.
TEST_F(Tasks, EveryMistakeOfTheTaskFormIsShownAtOnceBesideItsField) {
  long long directive = 0;
  {
    store::Conn c = app_->db().Lease();
    directive = c.QueryOne("SELECT MIN(id) FROM directives")->Int(0);
  }
  long long n = Count("tasks"), seq = AuditSeq();
  auto page = Call(office_, "POST", "/directives/" + std::to_string(directive) + "/tasks",
                   "code=sai+ma%21&title=&lead_unit_id=" + std::to_string(UnitId("LP-VP")) +
                       "&deadline=31%2F02%2F2027",
                   "application/x-www-form-urlencoded");
  EXPECT_EQ(page.status, 422);
  for (const char* f : {"code", "title", "deadline"})
    EXPECT_NE(page.body.find(std::string("id=\"") + f + "-msg\""), std::string::npos) << f;
  EXPECT_EQ(page.body.find("id=\"lead_unit_id-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"31/02/2027\""), std::string::npos);  // kept as typed
  EXPECT_EQ(Count("tasks"), n);
  EXPECT_EQ(AuditSeq(), seq);
}

// The directive entry and the forms of a key task's page: the problem beside the field, in the form
// that was sent only (the key task's page has four forms, two with a deadline and two with a
// reason).
TEST_F(Tasks, ARefusedDirectiveOrProgressReportSaysBesideTheFieldWhatIsWrong) {
  const char* form = "application/x-www-form-urlencoded";
  long long seq = AuditSeq();
  auto page = Call(office_, "POST", "/directives",
                   "number_symbol=12%2FKH-UBND&issued_on=31%2F02%2F2026&issuer=UBND+x%C3%A3&"
                   "signer=Nguy%E1%BB%85n+Ph%C3%BA+Trung&subject=R%C3%A0+so%C3%A1t",
                   form);
  EXPECT_GE(page.status, 400);
  EXPECT_NE(page.body.find("id=\"issued_on-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("aria-describedby=\"issued_on-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"31/02/2026\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"Rà soát\""), std::string::npos);
  // Every problem at once: a missing signer as well as the impossible date, both beside their
  // fields.
  page = Call(office_, "POST", "/directives",
              "number_symbol=12%2FKH-UBND&issued_on=31%2F02%2F2026&issuer=UBND+x%C3%A3&signer=&"
              "subject=R%C3%A0+so%C3%A1t",
              form);
  EXPECT_NE(page.body.find("id=\"issued_on-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"signer-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("href=\"#signer\""), std::string::npos) << "listed at the top too";
  // A progress report of 150%: beside the percentage of the progress form.
  page = Call(office_, "POST", "/tasks/7/updates",
              "percent=150&narrative=%C4%90%C3%A3+r%C3%A0+so%C3%A1t+3+th%C3%B4n", form);
  EXPECT_GE(page.status, 400) << page.body.substr(0, 200);
  EXPECT_NE(page.body.find("id=\"percent-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("Đã rà soát 3 thôn"), std::string::npos) << "the narrative as typed";
  page = Call(office_, "POST", "/tasks/7/updates", "on_date=32%2F11%2F2026&percent=150", form);
  EXPECT_NE(page.body.find("id=\"percent-msg\""), std::string::npos);
  EXPECT_NE(page.body.find("id=\"on_date-msg\""), std::string::npos);
  // A new deadline without a reason: beside the reason of the deadline form, not the stop form's.
  page = Call(office_, "POST", "/tasks/7/deadline", "deadline=15%2F01%2F2027&reason=", form);
  EXPECT_GE(page.status, 400);
  EXPECT_NE(page.body.find("id=\"dl_reason-msg\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"stop_reason-msg\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"st_deadline-msg\""), std::string::npos);
  // The new deadline as typed stays in its form, and only there.
  EXPECT_NE(page.body.find("id=\"dl_deadline\" name=\"deadline\" value=\"15/01/2027\""),
            std::string::npos);
  EXPECT_EQ(page.body.find("id=\"st_deadline\" name=\"deadline\" value=\"15/01/2027\""),
            std::string::npos);
  // A sub-task with several problems: each listed at the top with a link to its field's id.
  page = Call(office_, "POST", "/tasks/7/subtasks", "code=&title=&deadline=abc", form);
  EXPECT_GE(page.status, 400);
  for (const char* id : {"st_code", "st_title", "st_deadline"}) {
    EXPECT_NE(page.body.find("href=\"#" + std::string(id) + "\""), std::string::npos) << id;
    EXPECT_NE(page.body.find("id=\"" + std::string(id) + "\""), std::string::npos) << id;
  }
  EXPECT_EQ(page.body.find("href=\"#code\""), std::string::npos);
  EXPECT_EQ(AuditSeq(), seq) << "nothing written";
}

TEST_F(Tasks, DirectivesAreEnteredTasksSplitStoppedAndRescheduledWithReasons) {
  // A new directive of the office's commune.
  long long seq = AuditSeq();
  auto bad = Call(office_, "POST", "/api/v1/directives",
                  R"({"number_symbol": "12/UBND-VP", "issued_on": "31/02/2026",
      "issuer": "UBND xã Lạc Phương", "signer": "Nguyễn Phú Trung", "subject": "Về việc rà soát hộ nghèo"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(ErrorCode(bad.body), "GEN-0008");
  EXPECT_EQ(AuditSeq(), seq);
  auto made = Call(office_, "POST", "/api/v1/directives",
                   R"({"number_symbol": "12/UBND-VP", "issued_on": "02/11/2026",
      "issuer": "UBND xã Lạc Phương", "signer": "Nguyễn Phú Trung", "signer_authority": "CHỦ TỊCH",
      "subject": "Về việc rà soát hộ nghèo cuối năm 2026", "full_text": "Điều 1.\nĐiều 2."})");
  ASSERT_EQ(made.status, 201) << made.body;
  long long directive = json::parse(made.body).at("id").as_int64();
  auto full =
      json::parse(Call(office_, "GET", "/api/v1/directives/" + std::to_string(directive)).body);
  EXPECT_EQ(full.at("full_text").as_string(), "Điều 1.\nĐiều 2.");  // line breaks kept
  EXPECT_NE(Call(office_, "GET", "/directives").body.find("Về việc rà soát hộ nghèo cuối năm 2026"),
            std::string::npos);

  // The signed scan is attached to the directive; a program is not.
  std::string type;
  std::string scan = "%PDF-1.7\n%signed scan\n%%EOF\n";
  auto attached =
      Call(office_, "POST", "/api/v1/directives/" + std::to_string(directive) + "/attachments",
           Multipart("12-UBND-VP.pdf", scan, type), type);
  ASSERT_EQ(attached.status, 201) << attached.body;
  auto bad_attach =
      Call(office_, "POST", "/api/v1/directives/" + std::to_string(directive) + "/attachments",
           Multipart("x.pdf", "MZ\x90", type), type);
  EXPECT_EQ(ErrorCode(bad_attach.body), "DIR-2015");
  auto file = Call(office_, "GET", std::string(json::parse(attached.body).at("href").as_string()));
  EXPECT_EQ(file.body, scan);
  EXPECT_NE(
      Call(office_, "GET", "/directives/" + std::to_string(directive)).body.find("12-UBND-VP.pdf"),
      std::string::npos);

  // The head of the economic office splits key task 10 (led by that office, open) for a colleague.
  long long task = KeyTaskId(10);
  auto parent = json::parse(Call(office_, "GET", "/api/v1/tasks/" + std::to_string(task)).body);
  ASSERT_FALSE(parent.at("deadline").is_null());
  Session head = Login("truongphong");
  long long kt = UnitId("LP-KT");
  long long person = StaffIdByName("Phan Thị Thảo");
  std::string deadline = std::string(parent.at("deadline").as_string());
  auto sub = [&](const std::string& code, const std::string& when, long long who,
                 long long lead = 0) {
    return Call(head, "POST", "/api/v1/tasks/" + std::to_string(task) + "/subtasks",
                json::serialize(json::object{{"code", code},
                                             {"title", "Hướng dẫn phân loại rác tại 3 thôn"},
                                             {"lead_unit_id", lead ? lead : kt},
                                             {"deadline", when},
                                             {"responsible_staff_id", who}}));
  };
  seq = AuditSeq();
  auto late = sub("NV10-01", "2099-01-01", person);
  EXPECT_EQ(ErrorCode(late.body), "DIR-2018") << late.body;  // later than its task
  auto stranger = sub("NV10-01", deadline, 999999);
  EXPECT_EQ(ErrorCode(stranger.body), "DIR-2019") << stranger.body;
  // A sub-task led by another office is beyond what the head of this one delegates: refused
  // beside the field, nothing written (it used to be created and answered 404).
  long long tasks_before = Count("tasks");
  auto elsewhere = sub("NV10-01", deadline, person, UnitId("LP-VHXH"));
  EXPECT_EQ(elsewhere.status, 403) << elsewhere.body;
  EXPECT_EQ(ErrorCode(elsewhere.body), "GEN-0017");
  EXPECT_EQ(ErrorField(elsewhere.body), "lead_unit_id");
  EXPECT_EQ(Count("tasks"), tasks_before);
  EXPECT_EQ(AuditSeq(), seq);
  auto ok = sub("NV10-01", deadline, person);
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto st = json::parse(ok.body);
  EXPECT_EQ(st.at("parent_id").as_int64(), task);
  EXPECT_EQ(st.at("responsible").at("name").as_string(), "Phan Thị Thảo");
  auto with = json::parse(Call(office_, "GET", "/api/v1/tasks/" + std::to_string(task)).body);
  EXPECT_EQ(with.at("subtasks").as_array().size(), 1u);
  // A civil servant cannot split tasks; the office can.
  Session staff = Login("congchuc");
  EXPECT_EQ(Call(staff, "POST", "/api/v1/tasks/" + std::to_string(task) + "/subtasks", "{}").status,
            403);

  // The deadline moves with a reason; the status follows the new date.
  long long sub_id = st.at("id").as_int64();
  std::string path = "/api/v1/tasks/" + std::to_string(sub_id);
  seq = AuditSeq();
  EXPECT_EQ(
      ErrorCode(Call(office_, "POST", path + "/deadline", R"({"deadline": "2026-01-01"})").body),
      "GEN-0004");
  EXPECT_EQ(AuditSeq(), seq);
  auto before = Call(office_, "POST", path + "/deadline",
                     R"({"deadline": "2020-11-01", "reason": "Nhầm ngày"})");
  EXPECT_EQ(ErrorCode(before.body), "DIR-2001") << before.body;  // before the sub-task starts
  EXPECT_EQ(AuditSeq(), seq);
  auto moved =
      Call(office_, "POST", path + "/deadline",
           json::serialize(json::object{{"deadline", nullptr}, {"reason", "Làm thường xuyên"}}));
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(json::parse(moved.body).at("status").as_string(), "no_deadline");
  EXPECT_EQ(AuditSeq(), seq + 1);
  // Stopped with a reason; then nothing more can be reported on it.
  auto stopped = Call(office_, "POST", path + "/stop", R"({"reason": "Dự án điều chỉnh phạm vi"})");
  ASSERT_EQ(stopped.status, 200) << stopped.body;
  EXPECT_EQ(json::parse(stopped.body).at("status").as_string(), "stopped");
  EXPECT_EQ(json::parse(stopped.body).at("stop_reason").as_string(), "Dự án điều chỉnh phạm vi");
  EXPECT_EQ(ErrorCode(Call(office_, "POST", path + "/stop", R"({"reason": "lần nữa"})").body),
            "DIR-2005");
  EXPECT_EQ(ErrorCode(Call(office_, "POST", path + "/updates", R"({"percent": 50})").body),
            "DIR-2005");

  // The digest: the office sees the overdue key tasks it reports for.
  auto mine = Call(office_, "GET", "/my-tasks");
  EXPECT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("data-testid=\"my-tasks\""), std::string::npos);
  // The task's page shows the indicators that measure it, against their targets.
  auto page6 = Call(office_, "GET", "/tasks/6");
  EXPECT_NE(page6.body.find("data-testid=\"task-indicators\""), std::string::npos);
  EXPECT_NE(page6.body.find("SIPAS"), std::string::npos);
  auto page = Call(head, "GET", "/tasks/10");
  EXPECT_NE(page.body.find("data-testid=\"subtask\""), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/tasks/10/subtasks\""), std::string::npos);
}

namespace {

// A one-message SMTP server on loopback that keeps what it was sent.
class SmtpSink {
 public:
  SmtpSink() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::listen(fd_, 1);
    thread_ = std::thread([this] { Serve(); });
  }
  ~SmtpSink() {
    thread_.join();
    ::close(fd_);
  }
  int port() const { return port_; }
  const std::string& transcript() const { return transcript_; }

 private:
  void Serve() {
    int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    auto say = [&](const std::string& s) { (void)!::write(c, s.data(), s.size()); };
    say("220 sink ESMTP\r\n");
    std::string buf;
    bool data = false;
    char chunk[4096];
    for (;;) {
      ssize_t n = ::read(c, chunk, sizeof chunk);
      if (n <= 0) break;
      buf.append(chunk, static_cast<size_t>(n));
      transcript_.append(chunk, static_cast<size_t>(n));
      for (size_t end;
           (end = data ? buf.find("\r\n.\r\n") : buf.find("\r\n")) != std::string::npos;) {
        if (data) {
          buf.erase(0, end + 5);
          data = false;
          say("250 queued\r\n");
          continue;
        }
        std::string line = buf.substr(0, end);
        buf.erase(0, end + 2);
        if (line.rfind("EHLO", 0) == 0 || line.rfind("HELO", 0) == 0)
          say("250 sink\r\n");
        else if (line.rfind("DATA", 0) == 0) {
          say("354 go on\r\n");
          data = true;
        } else if (line.rfind("QUIT", 0) == 0) {
          say("221 bye\r\n");
          ::close(c);
          return;
        } else
          say("250 ok\r\n");
      }
    }
    ::close(c);
  }
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::string transcript_;
};

}  // namespace

TEST_F(Tasks, TheDailyDigestListsWhatIsLateAndGoesOutByEmail) {
  Principal su = app::App::Superuser();
  Actor admin{su, "cli", ""};
  long long seq = AuditSeq();
  EXPECT_THROW(app_->auth().SetEmail(admin, "truongthon", "khong phai thu"), Error);
  EXPECT_EQ(AuditSeq(), seq);
  app_->auth().SetEmail(admin, "truongthon", "truongthon@lacphuong.example.vn");
  app_->auth().SetEmail(admin, "vanphong", "vanphong@lacphuong.example.vn");
  auto digests = app::BuildDigests(*app_, clock::Today());
  ASSERT_EQ(digests.size(), 2u);
  const app::Digest* village = nullptr;
  for (auto& d : digests)
    if (d.username == "truongthon") village = &d;
  ASSERT_TRUE(village);
  EXPECT_FALSE(village->empty);
  EXPECT_NE(village->body.find("Báo cáo tháng của thôn — Thôn Đông Hải"), std::string::npos)
      << village->body;

  SmtpSink sink;
  app::Config cfg;
  cfg.smtp_url = "smtp://127.0.0.1:" + std::to_string(sink.port());
  cfg.smtp_from = "kientao@lacphuong.example.vn";
  EXPECT_EQ(app::SendDigests(cfg, {*village}), 1);
  std::string t = sink.transcript();
  EXPECT_NE(t.find("RCPT TO:<truongthon@lacphuong.example.vn>"), std::string::npos) << t;
  EXPECT_NE(t.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(t.find("Thôn Đông Hải"), std::string::npos);
}

}  // namespace kientao::testing
