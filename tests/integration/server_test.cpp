// The real kientao binary on loopback, against the backend under test: the HTTP server's limits and
// behaviour, and the command-line verbs scripts rely on.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "store/change_counter.hpp"
#include "store/db.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/test_db.hpp"
#include "tests/support/watchdog.hpp"

namespace kientao::testing {

class Server : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = RunKientao({"demo-data", "--db", tdb_.url()});
    ASSERT_EQ(r.code, 0) << r.err;
  }
  std::string LoginCookie(HttpClient& c, const std::string& user) {
    auto r = c.Send("POST", "/api/v1/session",
                    "{\"username\":\"" + user + "\",\"password\":\"LacPhuong@2026\"}",
                    {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 201) << r.body;
    std::string sc = r.Header("set-cookie");
    EXPECT_NE(sc.find("HttpOnly"), std::string::npos);
    EXPECT_NE(sc.find("SameSite=Lax"), std::string::npos);
    return sc.substr(0, sc.find(';'));
  }
  TestDb tdb_;
};

TEST_F(Server, AnswersOnKeepAliveConnectionsAndServesStaticFiles) {
  ServerProcess srv(tdb_.url());
  HttpClient c(srv.port());
  EXPECT_EQ(c.Send("GET", "/healthz").body, "{\"status\":\"ok\"}");
  EXPECT_TRUE(c.connected());
  std::string cookie = LoginCookie(c, "chutich");
  auto list = c.Send("GET", "/api/v1/staff", "", {{"Cookie", cookie}});
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Nguyễn Phú Trung"), std::string::npos);
  EXPECT_TRUE(c.connected());
  auto css = c.Send("GET", "/static/vendor/bootstrap/css/bootstrap.min.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.Header("cache-control"), "public, max-age=86400");
  EXPECT_GT(css.body.size(), 100000u);
  // Compressed for a client that accepts gzip (the same file, once compressed, kept).
  auto gz = c.Send("GET", "/static/vendor/bootstrap/css/bootstrap.min.css", "",
                   {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(gz.Header("content-encoding"), "gzip");
  EXPECT_EQ(gz.Header("vary"), "Accept-Encoding");
  EXPECT_LT(gz.body.size(), css.body.size() / 3);
  EXPECT_EQ(gz.body.substr(0, 2), "\x1f\x8b");  // a gzip member
  auto page = c.Send("GET", "/", "", {{"Cookie", cookie}});
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("10 nhiệm vụ trọng tâm"), std::string::npos);
}

TEST_F(Server, RefusesPathTraversalOnStaticFiles) {
  ServerProcess srv(tdb_.url());
  HttpClient c(srv.port());
  for (const char* target :
       {"/static/vendor/bootstrap/../../../../../../etc/passwd",
        "/static/vendor/bootstrap/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/app/..%2f..%2f..%2fCMakeLists.txt", "/static/app/%00kientao.css"}) {
    std::string raw =
        c.Raw(std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(raw.rfind("HTTP/1.1 404", 0) == 0 || raw.rfind("HTTP/1.1 400", 0) == 0)
        << target << "\n"
        << raw.substr(0, 80);
    EXPECT_EQ(raw.find("root:"), std::string::npos);
    EXPECT_EQ(raw.find("cmake_minimum_required"), std::string::npos);
  }
}

// Expect: 100-continue: the go-ahead comes before the body, and a body too large is refused
// before it is sent.
TEST_F(Server, AClientExpecting100ContinueGetsTheGoAheadOrTheRefusalFirst) {
  ServerProcess srv(tdb_.url());
  std::string body = R"({"username":"chutich","password":"LacPhuong@2026"})";
  std::string head =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nConnection: close\r\nContent-Length: ";
  std::string ok =
      HttpClient(srv.port()).Raw(head + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(ok.rfind("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201", 0), 0u) << ok.substr(0, 200);
  std::string big = HttpClient(srv.port()).Raw(head + "100000000\r\n\r\n");
  EXPECT_EQ(big.rfind("HTTP/1.1 413", 0), 0u) << big.substr(0, 200);
  EXPECT_EQ(big.find("100 Continue"), std::string::npos);
}

TEST_F(Server, OversizedBodiesGet413AndMalformedRequests400) {
  ServerProcess srv(tdb_.url(), {});
  HttpClient c(srv.port());
  std::string big =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nContent-Length: " +
      std::to_string(9 * 1024 * 1024) + "\r\n\r\n{";
  std::string raw = c.Raw(big);
  EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw.substr(0, 100);
  EXPECT_NE(raw.find("GEN-0007"), std::string::npos);
  std::string header_bomb =
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n";
  EXPECT_EQ(c.Raw(header_bomb).rfind("HTTP/1.1 431", 0), 0u);
  EXPECT_EQ(c.Raw("NOT A REQUEST\r\n\r\n").rfind("HTTP/1.1 400", 0), 0u);
  // HTTP/1.1 without Host is malformed (RFC 9112 §3.2); HTTP/1.0 without it is fine.
  std::string no_host = c.Raw("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(no_host.rfind("HTTP/1.1 400", 0), 0u) << no_host.substr(0, 200);
  std::string old = c.Raw("GET /healthz HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.rfind("HTTP/1.0 200", 0), 0u) << old.substr(0, 200);
  // A method nobody knows: 501; a known one the path does not take: 405 with what it takes.
  std::string brew = c.Raw("BREW /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(brew.rfind("HTTP/1.1 501", 0), 0u) << brew.substr(0, 200);
  std::string del = c.Raw("DELETE /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(del.rfind("HTTP/1.1 405", 0), 0u) << del.substr(0, 200);
  EXPECT_NE(del.find("Allow: GET, HEAD\r\n"), std::string::npos) << del.substr(0, 400);
  // Still serving afterwards.
  EXPECT_EQ(c.Send("GET", "/healthz").status, 200);
}

TEST_F(Server, MetricsCountRequestsByRouteAndStatus) {
  ServerProcess srv(tdb_.url());
  HttpClient c(srv.port());
  c.Send("GET", "/healthz");
  c.Send("GET", "/api/v1/staff");
  auto m = c.Send("GET", "/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find(
                "kientao_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1"),
            std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("route=\"/api/v1/staff\",status=\"401\"} 1"), std::string::npos);
  EXPECT_NE(m.body.find("kientao_http_request_duration_seconds_bucket{le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_NE(m.body.find("kientao_http_open_connections 1"), std::string::npos);
  EXPECT_NE(m.body.find("kientao_db_pool_in_use"), std::string::npos);
  EXPECT_NE(m.body.find("kientao_db_pool_timeouts_total 0\n"), std::string::npos);
}

// Eight clients on the ratings page at once (it asks the staff list while holding a connection)
// with four workers and one database connection: every request is answered and the server still
// answers afterwards. It used to deadlock for good within a second.
TEST_F(Server, EightClientsOnTheRatingsPageWithOneConnectionAllGetAnswers) {
  std::string cfg = tdb_.dir() + "/pool1.toml";
  std::ofstream(cfg) << "[server]\nworkers = 4\n[database]\npool_size = 1\n";
  ServerProcess srv(tdb_.url(), {"--config", cfg});
  std::string cookie;
  {
    HttpClient c(srv.port());
    cookie = LoginCookie(c, "vanphong");
  }
  std::atomic<int> answered{0}, failed{0};
  WithinSeconds(120, [&] {
    std::vector<std::thread> clients;
    for (int i = 0; i < 8; ++i)
      clients.emplace_back([&] {
        HttpClient c(srv.port());
        for (int k = 0; k < 15; ++k) {
          auto r = c.Send("GET", "/kpi/ratings", "", {{"Cookie", cookie}});
          (r.status == 200 ? answered : failed)++;
        }
      });
    for (auto& t : clients) t.join();
    HttpClient c(srv.port());
    EXPECT_EQ(c.Send("GET", "/healthz").status, 200);
  });
  EXPECT_EQ(answered.load(), 120);
  EXPECT_EQ(failed.load(), 0);
}

// Reads that need nothing that waits (static files, /metrics, a list already in memory) are
// answered on the I/O thread: with the only worker held by a sign-in waiting for the database
// (another connection holds the write lock), the page's style sheet and the metrics still come,
// and the sign-in completes once the lock goes. Handed through the workers, they would wait
// behind it.
TEST_F(Server, WhileTheWorkerWaitsForTheDatabaseReadsFromMemoryAreStillAnswered) {
  std::string cfg = tdb_.dir() + "/worker1.toml";
  std::ofstream(cfg) << "[server]\nworkers = 1\n";
  ServerProcess srv(tdb_.url(), {"--config", cfg});
  HttpClient warm(srv.port());
  std::string cookie = LoginCookie(warm, "vanphong");
  auto list = warm.Send("GET", "/api/v1/staff", "", {{"Cookie", cookie}});
  ASSERT_EQ(list.status, 200);
  auto metric = [&](const std::string& name) {
    std::string body = warm.Send("GET", "/metrics").body;
    auto at = body.find("\n" + name + " ");
    return at == std::string::npos ? -1 : std::atoll(body.c_str() + at + name.size() + 2);
  };
  long long inline_before = metric("kientao_http_reads_on_io_thread_total");
  EXPECT_EQ(warm.Send("GET", "/api/v1/staff", "", {{"Cookie", cookie}}).body, list.body);
  EXPECT_GT(metric("kientao_http_reads_on_io_thread_total"), inline_before)
      << "the list in memory went to the workers";

  store::Database db(tdb_.url(), 1);
  auto holder = std::make_unique<store::Conn>(db.Lease());
  auto lock = std::make_unique<store::Tx>(*holder);  // SQLite: BEGIN IMMEDIATE, the write lock
  if (holder->backend() == store::Backend::kPostgres)
    holder->Exec("LOCK TABLE sessions IN EXCLUSIVE MODE");  // writers wait, readers do not
  std::atomic<int> signed_in{0};
  WithinSeconds(60, [&] {
    std::thread login([&] {
      HttpClient c(srv.port());
      signed_in = c.Send("POST", "/api/v1/session",
                         "{\"username\":\"chutich\",\"password\":\"LacPhuong@2026\"}",
                         {{"Content-Type", "application/json"}})
                      .status;
    });
    // The sign-in holds the worker once it has its connection.
    while (metric("kientao_db_pool_in_use") < 1 && signed_in == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    HttpClient other(srv.port());
    auto css = other.Send("GET", "/static/app/kientao.css");
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(other.Send("GET", "/metrics").status, 200);
    EXPECT_EQ(signed_in.load(), 0) << "the sign-in did not wait for the lock";
    lock.reset();
    holder.reset();
    login.join();
  });
  EXPECT_EQ(signed_in.load(), 201);
}

TEST_F(Server, BehindAProxyTheClientAddressComesFromXForwardedFor) {
  std::string cfg = tdb_.dir() + "/proxy.toml";
  std::ofstream(cfg) << "[server]\ntrust_forwarded_for = true\n";
  ServerProcess srv(tdb_.url(), {"--config", cfg});
  HttpClient c(srv.port());
  EXPECT_EQ(c.Send("GET", "/metrics").status, 200);
  // A request relayed for an outside client is not "the machine itself".
  EXPECT_EQ(c.Send("GET", "/metrics", "", {{"X-Forwarded-For", "203.0.113.5"}}).status, 403);
}

TEST_F(Server, StopsCleanlyOnSigtermWithConnectionsOpen) {
  ServerProcess srv(tdb_.url());
  HttpClient idle(srv.port());
  EXPECT_EQ(idle.Send("GET", "/healthz").status, 200);  // leaves a keep-alive connection open
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(srv.Stop(SIGTERM), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_NE(srv.Log().find("kientao stopped cleanly"), std::string::npos) << srv.Log();
  // The database is consistent afterwards.
  auto v = RunKientao({"audit", "verify", "--db", tdb_.url()});
  EXPECT_EQ(v.code, 0) << v.out << v.err;
}

TEST_F(Server, CliManagesUsersAndTokensForScripts) {
  auto add = RunKientao({"user", "add", "ketoan", "--role", "staff", "--scope", "LP-KT",
                         "--password-stdin", "--db", tdb_.url()},
                        "So-sach-2026\n");
  ASSERT_EQ(add.code, 0) << add.err;
  auto weak = RunKientao({"user", "add", "yeu", "--role", "staff", "--scope", "LP-KT",
                          "--password-stdin", "--db", tdb_.url()},
                         "123\n");
  EXPECT_EQ(weak.code, 1);
  EXPECT_NE(weak.err.find("AUTH-3007"), std::string::npos) << weak.err;
  auto bad_scope = RunKientao({"user", "add", "xa-khac", "--role", "staff", "--scope", "NOPE",
                               "--password-stdin", "--db", tdb_.url()},
                              "So-sach-2026\n");
  EXPECT_NE(bad_scope.err.find("AUTH-3006"), std::string::npos) << bad_scope.err;
  auto token = RunKientao({"token", "create", "so-noi-vu", "--db", tdb_.url()});
  ASSERT_EQ(token.code, 0) << token.err;
  EXPECT_TRUE(std::regex_match(token.out, std::regex("kt_[0-9a-f]{64}\n")))
      << "'" << token.out << "'";
  std::string t = token.out.substr(0, 67);
  {
    ServerProcess srv(tdb_.url());
    HttpClient c(srv.port());
    EXPECT_EQ(c.Send("GET", "/api/v1/staff", "", {{"Authorization", "Bearer " + t}}).status, 200);
    auto login =
        c.Send("POST", "/api/v1/session", R"({"username":"ketoan","password":"So-sach-2026"})",
               {{"Content-Type", "application/json"}});
    EXPECT_EQ(login.status, 201);
    ASSERT_EQ(RunKientao({"token", "revoke", "so-noi-vu", "--db", tdb_.url()}).code, 0);
    ASSERT_EQ(RunKientao({"user", "disable", "ketoan", "--db", tdb_.url()}).code, 0);
    EXPECT_EQ(c.Send("GET", "/api/v1/staff", "", {{"Authorization", "Bearer " + t}}).status, 401);
    EXPECT_EQ(
        c.Send("POST", "/api/v1/session", R"({"username":"ketoan","password":"So-sach-2026"})",
               {{"Content-Type", "application/json"}})
            .status,
        401);
  }
  EXPECT_EQ(RunKientao({"token", "revoke", "so-noi-vu", "--db", tdb_.url()}).code, 1);
}

TEST_F(Server, CliImportsAndExportsStaffAllOrNothing) {
  std::string bad = tdb_.dir() + "/bad.csv";
  std::ofstream(bad)
      << "full_name,sex,birth_date,citizen_id,category,position,unit_code,start_date\n"
         "Mới Một,Nam,01/01/1990,000190000501,công chức,CV,LP-VP,01/01/2020\n"
         "Mới Hai,Nam,31/02/1990,000190000502,công chức,CV,LP-VP,01/01/2020\n";
  auto refused = RunKientao({"import", "staff", bad, "--db", tdb_.url()});
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.err.find("ORG-1012"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("Dòng 3"), std::string::npos) << refused.err;
  auto out = RunKientao({"export", "staff", "--db", tdb_.url()});
  ASSERT_EQ(out.code, 0);
  EXPECT_EQ(out.out.find("Mới Một"), std::string::npos);
  EXPECT_EQ(std::count(out.out.begin(), out.out.end(), '\n'), 61);
  std::string good = tdb_.dir() + "/good.csv";
  std::ofstream(good)
      << "full_name,sex,birth_date,citizen_id,category,position,unit_code,start_date\n"
         "Mới Một,Nam,01/01/1990,000190000501,công chức,CV,LP-VP,01/01/2020\n";
  auto ok = RunKientao({"import", "staff", good, "--db", tdb_.url()});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(RunKientao({"export", "staff", "--db", tdb_.url()}).out.find("Mới Một"),
            std::string::npos);
}

TEST_F(Server, ListsServedFromMemorySeeWritesFromAnotherProcessWithinASecond) {
  ServerProcess srv(tdb_.url());
  HttpClient c(srv.port());
  std::string cookie = LoginCookie(c, "vanphong");
  auto before = c.Send("GET", "/api/v1/staff", "", {{"Cookie", cookie}});
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body, c.Send("GET", "/api/v1/staff", "", {{"Cookie", cookie}}).body);
  EXPECT_EQ(before.body.find("Người Mới"), std::string::npos);
  std::string csv = tdb_.dir() + "/one.csv";
  std::ofstream(csv)
      << "full_name,sex,birth_date,citizen_id,category,position,unit_code,start_date\n"
         "Người Mới,Nữ,01/01/1995,000195000601,công chức,CV,LP-VP,01/01/2021\n";
  ASSERT_EQ(RunKientao({"import", "staff", csv, "--db", tdb_.url()}).code, 0);
  // Another process's write shows within the counters' cache age (store::kCounterCacheAge, 1 s);
  // the server is asked again for up to five times that, so a slow machine cannot fail it.
  auto deadline = std::chrono::steady_clock::now() + 5 * store::kCounterCacheAge;
  bool seen = false;
  while (!seen && std::chrono::steady_clock::now() < deadline) {
    seen = c.Send("GET", "/api/v1/staff", "", {{"Cookie", cookie}}).body.find("Người Mới") !=
           std::string::npos;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(seen) << "the other process's import never showed in the list";
}

TEST_F(Server, CliBacksUpRestoresAndVerifiesTheAuditLog) {
  std::string file = tdb_.dir() + "/sao-luu.kt";
  ASSERT_EQ(RunKientao({"backup", file, "--db", tdb_.url()}).code, 0);
  ASSERT_EQ(RunKientao({"user", "add", "sau-sao-luu", "--role", "staff", "--scope", "LP",
                        "--password-stdin", "--db", tdb_.url()},
                       "Da-chep-lai-1\n")
                .code,
            0);
  auto restored = RunKientao({"restore", file, "--db", tdb_.url()});
  ASSERT_EQ(restored.code, 0) << restored.err;
  auto again = RunKientao({"user", "add", "sau-sao-luu", "--role", "staff", "--scope", "LP",
                           "--password-stdin", "--db", tdb_.url()},
                          "Da-chep-lai-1\n");
  EXPECT_EQ(again.code, 0) << "the account made after the backup should be gone: " << again.err;
  auto verify = RunKientao({"audit", "verify", "--db", tdb_.url()});
  EXPECT_EQ(verify.code, 0) << verify.out;
  EXPECT_NE(verify.out.find("intact"), std::string::npos);
  // The head printed to keep elsewhere, and checked against later.
  auto anchor = RunKientao({"audit", "anchor", "--db", tdb_.url()});
  ASSERT_EQ(anchor.code, 0) << anchor.err;
  std::string head = anchor.out.substr(0, anchor.out.find('\n'));
  EXPECT_TRUE(std::regex_match(head, std::regex("[0-9]+:[0-9a-f]{64}"))) << head;
  auto held = RunKientao({"audit", "verify", "--anchor", head, "--db", tdb_.url()});
  EXPECT_EQ(held.code, 0) << held.out;
  EXPECT_NE(held.out.find("held"), std::string::npos) << held.out;
  EXPECT_EQ(RunKientao({"audit", "verify", "--anchor", "nonsense", "--db", tdb_.url()}).code, 2);
  auto key = RunKientao({"audit", "keygen"});
  EXPECT_EQ(key.code, 0);
  EXPECT_TRUE(std::regex_match(key.out, std::regex("[0-9a-f]{64}\n"))) << key.out;
  // A configured key file that is missing refuses the start, naming the key.
  std::string cfg = tdb_.dir() + "/audit.toml";
  std::ofstream(cfg) << "[audit]\nkey_file = \"" << tdb_.dir() << "/no-such.key\"\n";
  auto nokey = RunKientao({"audit", "verify", "--config", cfg, "--db", tdb_.url()});
  EXPECT_EQ(nokey.code, 1);
  EXPECT_NE(nokey.err.find("audit.key_file"), std::string::npos) << nokey.err;
  {
    store::Database db(tdb_.url(), 1);
    store::Conn c = db.Lease();
    c.Exec("UPDATE audit_log SET actor = 'ai-do' WHERE seq = 10");
  }
  auto broken = RunKientao({"audit", "verify", "--db", tdb_.url()});
  EXPECT_EQ(broken.code, 1);
  EXPECT_NE(broken.out.find("entry 10"), std::string::npos) << broken.out;
}

TEST_F(Server, ConfigurationRefusesUnknownKeysAndNonsense) {
  std::string cfg = tdb_.dir() + "/kientao.toml";
  std::ofstream(cfg) << "[server]\nlisten = \"127.0.0.1:0\"\nworkerz = 4\n";
  auto r = RunKientao({"migrate", "--config", cfg, "--db", tdb_.url()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("server.workerz"), std::string::npos) << r.err;
  std::ofstream(cfg) << "[database]\npool_size = 0\n";
  r = RunKientao({"migrate", "--config", cfg, "--db", tdb_.url()});
  EXPECT_NE(r.err.find("database.pool_size"), std::string::npos) << r.err;
  std::ofstream(cfg) << "[server]\nlisten = \"nowhere\"\n";
  r = RunKientao({"migrate", "--config", cfg, "--db", tdb_.url()});
  EXPECT_NE(r.err.find("server.listen"), std::string::npos) << r.err;
  // The sample configuration in the repository is valid.
  EXPECT_EQ(
      RunKientao({"migrate", "--config", KIENTAO_SOURCE_DIR "/kientao.toml", "--db", tdb_.url()})
          .code,
      0);
}

// Connections beyond server.max_connections are answered 503 and closed at once; once one of the
// open ones closes, new ones are served again.
TEST_F(Server, ConnectionsBeyondTheCapAreAnswered503) {
  std::string cfg = tdb_.dir() + "/cap.toml";
  std::ofstream(cfg) << "[server]\nmax_connections = 2\n";
  ServerProcess srv(tdb_.url(), {"--config", cfg});
  HttpClient a(srv.port()), b(srv.port());
  EXPECT_EQ(a.Send("GET", "/healthz").status, 200);
  EXPECT_EQ(b.Send("GET", "/healthz").status, 200);
  ASSERT_TRUE(a.connected() && b.connected());
  std::string third = HttpClient(srv.port()).Raw("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(third.rfind("HTTP/1.1 503", 0), 0u) << third.substr(0, 120);
  EXPECT_NE(third.find("Retry-After: 5"), std::string::npos);
  EXPECT_NE(third.find("GEN-0026"), std::string::npos);
  a.Close();
  std::string again;
  for (int i = 0; i < 200; ++i) {  // the close is noticed on the server's own thread
    again =
        HttpClient(srv.port()).Raw("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    if (again.rfind("HTTP/1.1 200", 0) == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(again.rfind("HTTP/1.1 200", 0), 0u) << again.substr(0, 120);
  srv.Stop();
  EXPECT_NE(srv.Log().find("connection cap of 2 reached"), std::string::npos);
}

// With its file descriptors exhausted the server neither spins nor floods its log: accept backs off
// and says so at most once per 10 s; when connections close it serves again.
TEST_F(Server, OutOfFileDescriptorsTheAcceptLoopBacksOff) {
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit low = saved;
  low.rlim_cur = 64;  // inherited by the server started next; this process gets its own back
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
  std::unique_ptr<ServerProcess> srv;
  try {
    srv = std::make_unique<ServerProcess>(tdb_.url());
  } catch (...) {
    ::setrlimit(RLIMIT_NOFILE, &saved);
    throw;
  }
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
  auto cpu_seconds = [&] {
    std::ifstream stat("/proc/" + std::to_string(srv->pid()) + "/stat");
    std::string line;
    std::getline(stat, line);
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field;
    long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
      if (i == 14) utime = std::stoll(field);
      if (i == 15) stime = std::stoll(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  };
  // Plain connections that send nothing: the server accepts what its descriptors allow and the
  // rest wait in the listen queue.
  std::vector<int> sockets;
  for (int i = 0; i < 100; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(srv->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    sockets.push_back(fd);
  }
  double before = cpu_seconds();
  std::this_thread::sleep_for(std::chrono::seconds(3));
  double spent = cpu_seconds() - before;
  EXPECT_LT(spent, 1.5) << "the server spent " << spent << " s of CPU in 3 s";
  for (int fd : sockets) ::close(fd);
  HttpClient after(srv->port());
  HttpResponse ok;
  for (int i = 0; i < 100 && ok.status != 200; ++i) {
    ok = after.Send("GET", "/healthz");
    if (ok.status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(ok.status, 200);
  srv->Stop();
  std::string log = srv->Log();
  size_t lines = 0;
  for (size_t at = 0; (at = log.find("accept failed", at)) != std::string::npos; ++at) ++lines;
  EXPECT_GE(lines, 1u) << "descriptors were not exhausted: the test did not test";
  EXPECT_LE(lines, 2u) << log.substr(0, 2000);
}

TEST_F(Server, TheClockIsPinnedByConfigurationAndSaysSo) {
  // The test command pins every process through KIENTAO_CLOCK_TODAY; this test sets it itself.
  std::string saved = std::getenv("KIENTAO_CLOCK_TODAY") ? std::getenv("KIENTAO_CLOCK_TODAY") : "";
  ::unsetenv("KIENTAO_CLOCK_TODAY");
  std::string cfg = tdb_.dir() + "/clock.toml";
  std::ofstream(cfg) << "[clock]\ntoday = \"2031-06-30\"\n";
  {
    ServerProcess srv(tdb_.url(), {"--config", cfg});
    HttpClient c(srv.port());
    auto page = c.Send("GET", "/login");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("data-clock-pinned=\"2031-06-30\""), std::string::npos);
    EXPECT_NE(page.body.find("30/06/2031"), std::string::npos);
    srv.Stop();
    EXPECT_NE(srv.Log().find("the clock is pinned: today is 2031-06-30"), std::string::npos)
        << srv.Log();
  }
  {
    ServerProcess srv(tdb_.url());  // the system clock: no notice
    HttpClient c(srv.port());
    EXPECT_EQ(c.Send("GET", "/login").body.find("data-clock-pinned"), std::string::npos);
    srv.Stop();
    EXPECT_EQ(srv.Log().find("pinned"), std::string::npos);
  }
  // A nonsense day is refused at start, naming the key, from the file and from the environment.
  std::ofstream(cfg) << "[clock]\ntoday = \"2026-02-30\"\n";
  auto r = RunKientao({"migrate", "--config", cfg, "--db", tdb_.url()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("clock.today"), std::string::npos) << r.err;
  ::setenv("KIENTAO_CLOCK_TODAY", "30/06/2031", 1);
  r = RunKientao({"migrate", "--db", tdb_.url()});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("clock.today"), std::string::npos) << r.err;
  r = RunKientao({"demo-data", "--today", "tomorrow", "--db", tdb_.url()});
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find("clock.today"), std::string::npos) << r.err;
  if (saved.empty())
    ::unsetenv("KIENTAO_CLOCK_TODAY");
  else
    ::setenv("KIENTAO_CLOCK_TODAY", saved.c_str(), 1);
}

// A year's holidays as a province adds them, without rebuilding: the send deadline of March 2028
// (cut-off Tuesday 14/03, two working days after) moves past the day off it declares.
TEST_F(Server, AProvinceHolidayFileMovesTheDeadlinesOfItsYear) {
  namespace fs = std::filesystem;
  std::string dir = tdb_.dir() + "/rules";
  fs::create_directories(dir + "/reporting");
  std::string cfg = tdb_.dir() + "/rules.toml";
  std::ofstream(cfg) << "[paths]\nrules_dir = \"" << dir << "\"\n";
  auto deadline = [&]() {
    ServerProcess srv(tdb_.url(), {"--config", cfg});
    HttpClient c(srv.port());
    std::string cookie = LoginCookie(c, "vanphong");
    auto r = c.Send("GET", "/api/v1/periods?year=2028&type=month", "", {{"Cookie", cookie}});
    EXPECT_EQ(r.status, 200) << r.body;
    std::smatch m;
    std::regex re(
        R"re("id":"2028M03"[^}]*"deadline":"([0-9-]+)"[^}]*"holidays_known":(true|false))re");
    EXPECT_TRUE(std::regex_search(r.body, m, re)) << r.body.substr(0, 600);
    return m.size() > 2 ? m[1].str() + " " + m[2].str() : std::string();
  };
  EXPECT_EQ(deadline(), "2028-03-16 false");  // no 2028 file: weekdays only, and it says so
  std::ofstream(dir + "/reporting/holidays-2028.toml")
      << "[rule]\nset = \"holidays\"\narticle = \"Quyết định của tỉnh\"\nverified = false\n"
         "effective_from = 2028-01-01\neffective_to = 2028-12-31\n"
         "[occasions.ngay_cua_tinh]\nname = \"Ngày của tỉnh\"\narticle = \"Quyết định của tỉnh\"\n"
         "verified = false\ndays_off = [2028-03-15]\n";
  EXPECT_EQ(deadline(), "2028-03-17 true");
}

TEST_F(Server, AProvinceRuleFileIsReadAtStartAndABadOneRefusedWithItsName) {
  namespace fs = std::filesystem;
  std::string dir = tdb_.dir() + "/rules";
  fs::create_directories(dir + "/staffing");
  std::string cfg = tdb_.dir() + "/rules.toml";
  std::ofstream(cfg) << "[paths]\nrules_dir = \"" << dir << "\"\n";
  auto salary = [](const std::string& from) {
    return "[rule]\nset = \"base-salary\"\ntitle = \"Mức lương cơ sở\"\narticle = \"Nghị định "
           "mới\"\nverified = false\neffective_from = " +
           from + "\n[amount]\narticle = \"Điều 3\"\nverified = false\nvnd_per_month = 2530000\n";
  };
  // A new amount from 1/7/2026 as a province would add it: in force from that day.
  std::ofstream(dir + "/staffing/base-salary-2026.toml") << salary("2026-07-01");
  {
    ServerProcess srv(tdb_.url(), {"--config", cfg});
    HttpClient c(srv.port());
    std::string cookie = LoginCookie(c, "vanphong");
    auto r = c.Send("GET", "/api/v1/rules?on=2026-07-01", "", {{"Cookie", cookie}});
    EXPECT_NE(r.body.find("base-salary-2026.toml"), std::string::npos) << r.body;
  }
  // A second version from the same day: refused at start, both files named.
  std::ofstream(dir + "/staffing/base-salary-2026b.toml") << salary("2026-07-01");
  auto bad = RunKientao({"migrate", "--config", cfg, "--db", tdb_.url()});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("base-salary-2026.toml"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("base-salary-2026b.toml"), std::string::npos) << bad.err;
  // A header with a typing mistake: refused, naming the file and the key.
  fs::remove(dir + "/staffing/base-salary-2026b.toml");
  std::ofstream(dir + "/staffing/base-salary-2027.toml")
      << "[rule]\narticle = \"x\"\nverified = true\neffective_form = 2027-01-01\n";
  bad = RunKientao({"migrate", "--config", cfg, "--db", tdb_.url()});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("base-salary-2027.toml"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("effective_f"), std::string::npos) << bad.err;
}

}  // namespace kientao::testing
