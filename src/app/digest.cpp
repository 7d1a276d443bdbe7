#include "app/digest.hpp"

#include <cstring>
#include <stdexcept>

#include <curl/curl.h>
#include <fmt/format.h>

#include "base/access.hpp"
#include "base/text.hpp"
#include "modules/directive/permissions.hpp"
#include "modules/reporting/permissions.hpp"
#include "modules/reporting/web/report_web.hpp"

namespace kientao::app {

std::vector<Digest> BuildDigests(App& app, Date today) {
  std::vector<Digest> out;
  Period last = reporting::DefaultPeriod(PeriodType::kMonth, today);
  for (auto& [principal, email] : app.auth().DigestRecipients()) {
    Actor actor{principal, principal.username, "digest"};
    Digest d;
    d.username = principal.username;
    d.email = email;
    std::string body = fmt::format("Kính gửi {},\n\nTình hình công việc đến ngày {}:\n",
                                   principal.display_name, today.ToVn());
    if (access::HasPermission(principal, access::kTaskRead)) {
      auto tasks = app.directives().MyTasks(actor, today);
      if (!tasks.empty()) {
        d.empty = false;
        body += "\nNhiệm vụ quá hạn, sắp đến hạn hoặc chưa báo cáo kỳ này:\n";
        for (auto& v : tasks)
          body += fmt::format(
              "- {} {} ({}{})\n", v.row.task.code, v.row.task.title,
              v.row.task.deadline ? "thời hạn " + v.row.task.deadline->ToVn() : "thường xuyên",
              v.days_overdue    ? fmt::format(", quá hạn {} ngày", v.days_overdue)
              : v.missed_report ? ", chưa báo cáo " + text::ToLowerFirst(v.missed_report->LabelVi())
                                : "");
      }
    }
    if (access::HasPermission(principal, access::kReportSubmit)) {
      std::string missing;
      for (auto& f : app.reports().Forms(actor)) {
        if (f.period_type != PeriodType::kMonth) continue;
        auto st = app.reports().Status(actor, f.id, last.Id());
        for (auto& u : st.units)
          if (!u.current || !u.current->first_submitted_on)
            missing +=
                fmt::format("- {} — {} (hạn gửi {})\n", f.name, u.unit_name, st.deadline.ToVn());
      }
      if (!missing.empty()) {
        d.empty = false;
        body += "\nBáo cáo " + text::ToLowerFirst(last.LabelVi()) + " chưa gửi:\n" + missing;
      }
    }
    body += "\nXem chi tiết: trang \"Việc của tôi\" và \"Báo cáo định kỳ\" trên kientao.\n";
    d.subject = fmt::format("[kientao] Nhắc việc ngày {}", today.ToVn());
    d.body = body;
    out.push_back(std::move(d));
  }
  return out;
}

namespace {

struct Upload {
  std::string data;
  size_t pos = 0;
};

size_t ReadMessage(char* buf, size_t size, size_t n, void* user) {
  auto* u = static_cast<Upload*>(user);
  size_t len = std::min(size * n, u->data.size() - u->pos);
  std::memcpy(buf, u->data.data() + u->pos, len);
  u->pos += len;
  return len;
}

// RFC 2047 encoded-word, so the Vietnamese subject arrives intact.
std::string EncodeHeader(const std::string& s) {
  static const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(s[i]) << 16) |
                 (static_cast<unsigned char>(s[i + 1]) << 8) | static_cast<unsigned char>(s[i + 2]);
    out += {kB64[(v >> 18) & 63], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], kB64[v & 63]};
  }
  if (i + 1 == s.size()) {
    unsigned v = static_cast<unsigned char>(s[i]) << 16;
    out += {kB64[(v >> 18) & 63], kB64[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == s.size()) {
    unsigned v =
        (static_cast<unsigned char>(s[i]) << 16) | (static_cast<unsigned char>(s[i + 1]) << 8);
    out += {kB64[(v >> 18) & 63], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], '='};
  }
  return "=?UTF-8?B?" + out + "?=";
}

}  // namespace

int SendDigests(const Config& cfg, const std::vector<Digest>& digests) {
  if (cfg.smtp_url.empty()) return 0;
  int sent = 0;
  for (const Digest& d : digests) {
    if (d.empty) continue;
    CURL* curl = curl_easy_init();
    if (!curl) throw std::runtime_error("smtp: cannot start libcurl");
    Upload msg;
    msg.data = "From: <" + cfg.smtp_from + ">\r\nTo: <" + d.email +
               ">\r\nSubject: " + EncodeHeader(d.subject) +
               "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
               "Content-Transfer-Encoding: 8bit\r\n\r\n";
    for (char ch : d.body) {
      if (ch == '\n')
        msg.data += "\r\n";
      else
        msg.data += ch;
    }
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + d.email + ">").c_str());
    std::string from = "<" + cfg.smtp_from + ">";
    curl_easy_setopt(curl, CURLOPT_URL, cfg.smtp_url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &msg);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    if (!cfg.smtp_username.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, cfg.smtp_username.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, cfg.smtp_password.c_str());
      curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK)
      throw std::runtime_error("smtp: sending to " + d.email +
                               " failed: " + curl_easy_strerror(rc));
    ++sent;
  }
  return sent;
}

}  // namespace kientao::app
