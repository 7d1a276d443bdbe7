#include "app/cli.hpp"
#include "app/digest.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <sodium.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "base/clock.hpp"
#include "base/text.hpp"
#include "http/server.hpp"
#include "store/audit_log.hpp"
#include "store/backup.hpp"

namespace kientao::app {

namespace {

std::string ReadPasswordStdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

void PrepareSqliteDir(const Config& cfg) {
  if (cfg.database_url.rfind("postgres", 0) == 0) return;
  auto parent = std::filesystem::path(cfg.database_url).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App cli{
      "kientao — hệ thống điều hành nhiệm vụ của UBND xã (the commune People's Committee's task "
      "system)"};
  cli.require_subcommand(1);
  cli.fallthrough();
  std::string config_file, db_url, listen;
  cli.add_option("--config", config_file, "configuration file (kientao.toml)")
      ->check(CLI::ExistingFile);
  cli.add_option("--db", db_url,
                 "database: an SQLite file path or a postgresql:// URL (default var/kientao.db)");

  auto* serve = cli.add_subcommand("serve", "serve the web pages and the API");
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  auto* migrate = cli.add_subcommand("migrate", "apply pending database migrations");
  auto* demo = cli.add_subcommand("demo-data",
                                  "load the demo commune (xã Lạc Phương) into an empty database");
  std::string demo_today;
  demo->add_option("--today", demo_today,
                   "the day the demo is laid out around, YYYY-MM-DD (default: today, or [clock] "
                   "today); the load runs on that day")
      ->type_name("YYYY-MM-DD");

  auto* user = cli.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  std::string user_name, role, scope, display_name;
  long long staff_id = 0;
  bool password_stdin = false;
  auto* user_add = user->add_subcommand("add", "create an account");
  user_add->add_option("NAME", user_name, "user name")->required();
  user_add
      ->add_option("--role", role,
                   "admin, leader, office, unit_head, staff, village_head or supervisor")
      ->required();
  user_add->add_option("--scope", scope, "code of the org unit the role covers (with its subtree)")
      ->required();
  user_add->add_option("--display-name", display_name, "name shown in the top bar");
  user_add->add_option("--staff-id", staff_id, "the staff member this account belongs to");
  user_add->add_flag("--password-stdin", password_stdin, "read the password from standard input")
      ->required();
  auto* user_passwd = user->add_subcommand("passwd", "set an account's password");
  user_passwd->add_option("NAME", user_name, "user name")->required();
  user_passwd->add_flag("--password-stdin", password_stdin, "read the password from standard input")
      ->required();
  auto* user_disable = user->add_subcommand("disable", "disable an account and end its sessions");
  user_disable->add_option("NAME", user_name, "user name")->required();
  std::string email;
  auto* user_email = user->add_subcommand(
      "email", "set the e-mail address that receives the daily reminder digest");
  user_email->add_option("NAME", user_name, "user name")->required();
  user_email->add_option("ADDRESS", email, "e-mail address (\"\" to remove it)")->required();

  bool digest_send = false;
  auto* digest = cli.add_subcommand(
      "digest",
      "print each account's reminder digest (overdue and due-soon tasks, reports not sent)");
  digest->add_flag("--send", digest_send, "send them by e-mail through [smtp] instead of printing");

  auto* token = cli.add_subcommand("token", "manage API tokens for other systems");
  token->require_subcommand(1);
  std::string token_name, token_role = "supervisor", token_scope;
  auto* token_create =
      token->add_subcommand("create", "create a token and print it (alone) on standard output");
  token_create->add_option("NAME", token_name, "token name")->required();
  token_create->add_option("--role", token_role,
                           "role the token acts with (default supervisor: read-only)");
  token_create->add_option("--scope", token_scope,
                           "org unit code the role covers (default: the root unit)");
  auto* token_revoke = token->add_subcommand("revoke", "revoke a token");
  token_revoke->add_option("NAME", token_name, "token name")->required();

  std::string file;
  auto* import = cli.add_subcommand("import", "import data");
  import->require_subcommand(1);
  auto* import_staff =
      import->add_subcommand("staff", "import staff from a CSV file (all rows or none)");
  import_staff->add_option("FILE", file, "CSV file, UTF-8")->required()->check(CLI::ExistingFile);
  auto* export_cmd = cli.add_subcommand("export", "export data");
  export_cmd->require_subcommand(1);
  std::string output;
  auto* export_staff =
      export_cmd->add_subcommand("staff", "export staff as CSV (with full citizen IDs; audited)");
  export_staff->add_option("--output,-o", output, "file to write (default: standard output)");

  auto* backup = cli.add_subcommand("backup", "write a consistent copy of the database to FILE");
  backup->add_option("FILE", file, "backup file")->required();
  auto* restore =
      cli.add_subcommand("restore", "replace the database's content with the backup in FILE");
  restore->add_option("FILE", file, "backup file")->required()->check(CLI::ExistingFile);
  auto* audit = cli.add_subcommand("audit", "audit log");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand(
      "verify", "check the audit log's hash chain and seals, and report every broken entry");
  std::string anchor_text;
  audit_verify->add_option(
      "--anchor", anchor_text,
      "SEQ:HASH printed earlier by `audit anchor`: check the log still holds it");
  auto* audit_anchor = audit->add_subcommand(
      "anchor", "print the newest entry as SEQ:HASH, to keep somewhere the database is not");
  auto* audit_keygen = audit->add_subcommand(
      "keygen", "print a new random audit key for [audit] key_file (64 hex digits)");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  if (audit_keygen->parsed()) {
    // 32 random bytes from the system's generator, as 64 hex digits.
    if (sodium_init() < 0) return 1;
    unsigned char key[32];
    randombytes_buf(key, sizeof key);
    std::cout << text::Hex(std::string_view(reinterpret_cast<const char*>(key), sizeof key))
              << "\n";
    return 0;
  }

  auto console = spdlog::stderr_color_mt("kientao");
  spdlog::set_default_logger(console);
  Config cfg;
  std::unique_ptr<App> app;
  try {
    LoadConfig(cfg, config_file);
    if (!db_url.empty()) cfg.database_url = db_url;
    if (!listen.empty()) cfg.listen = listen;
    if (!demo_today.empty()) cfg.clock_today = demo_today;
    Validate(cfg);
    spdlog::set_level(spdlog::level::from_str(cfg.log_level));
    PrepareSqliteDir(cfg);

    if (restore->parsed()) {
      // Restore works on the database as it is: migrations run after, on the restored content.
      App bare(cfg, /*migrate=*/false);
      store::Restore(bare.db(), file);
      std::cerr << "restored " << file << "\n";
      return 0;
    }
    app = std::make_unique<App>(cfg);
    Principal su = App::Superuser();
    Actor actor{su, "cli", ""};

    if (serve->parsed()) {
      http::ServerOptions so;
      so.host = cfg.host();
      so.port = cfg.port();
      so.worker_threads = cfg.workers;
      so.io_threads = cfg.io_threads;
      so.read_timeout = std::chrono::seconds(cfg.read_timeout_seconds);
      so.max_connections = cfg.max_connections;
      so.body_limit = static_cast<size_t>(cfg.max_body_bytes);
      so.shutdown_grace = std::chrono::seconds(cfg.shutdown_grace_seconds);
      so.trust_forwarded_for = cfg.trust_forwarded_for;
      so.reads_on_io_thread = cfg.reads_on_io_thread;
      http::Server server(
          so, [&app](const http::Request& r) { return app->Handle(r); }, &app->metrics());
      server.Run([&](unsigned short port) {
        std::cout << "kientao đang phục vụ tại http://" << so.host << ":" << port << "/"
                  << std::endl;
      });
      app.reset();
      std::cerr << "kientao stopped cleanly\n";
      return 0;
    }
    if (migrate->parsed()) {
      std::cerr << "database is at the newest schema\n";
      return 0;
    }
    if (demo->parsed()) {
      auto accounts = LoadDemoData(*app);
      std::cout << "Demo commune loaded: xã Lạc Phương, thành phố Hải Phòng (illustrative data).\n"
                << "Accounts (password for all: " << DemoPassword() << "):\n";
      for (auto& a : accounts)
        std::cout << "  " << a.username << "  (" << a.role << ", " << a.scope << ")\n";
      return 0;
    }
    if (user_add->parsed()) {
      auth::NewUser u{user_name, display_name, ReadPasswordStdin(), staff_id, role, scope};
      app->auth().CreateUser(actor, u);
      std::cerr << "created user " << user_name << "\n";
      return 0;
    }
    if (user_passwd->parsed()) {
      app->auth().SetPassword(actor, user_name, ReadPasswordStdin());
      std::cerr << "password changed for " << user_name << "\n";
      return 0;
    }
    if (user_disable->parsed()) {
      app->auth().DisableUser(actor, user_name);
      std::cerr << "disabled " << user_name << "\n";
      return 0;
    }
    if (user_email->parsed()) {
      app->auth().SetEmail(actor, user_name, email);
      std::cerr << "e-mail of " << user_name << (email.empty() ? " removed" : " set to " + email)
                << "\n";
      return 0;
    }
    if (digest->parsed()) {
      auto digests = BuildDigests(*app, clock::Today());
      if (digest_send) {
        if (cfg.smtp_url.empty()) {
          std::cerr << "smtp.url is not set: nothing sent (see kientao.toml [smtp])\n";
          return 2;
        }
        std::cerr << "sent " << SendDigests(cfg, digests) << " digest(s)\n";
        return 0;
      }
      for (auto& d : digests)
        std::cout << "To: " << d.email << "\nSubject: " << d.subject << "\n\n"
                  << (d.empty ? "(không có việc cần nhắc)\n" : d.body) << "\n";
      return 0;
    }
    if (token_create->parsed()) {
      if (token_scope.empty()) {
        store::Conn c = app->db().Lease();
        auto r =
            c.QueryOne("SELECT code FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1");
        if (!r) throw std::runtime_error("there is no org unit yet; give --scope");
        token_scope = r->Str(0);
      }
      std::cout << app->auth().CreateToken(actor, token_name, token_role, token_scope) << std::endl;
      return 0;
    }
    if (token_revoke->parsed()) {
      app->auth().RevokeToken(actor, token_name);
      std::cerr << "revoked " << token_name << "\n";
      return 0;
    }
    if (import_staff->parsed()) {
      auto res = app->org().ImportStaffCsv(actor, ReadFile(file));
      std::cerr << "imported " << file << ": " << res.created << " created, " << res.updated
                << " updated\n";
      return 0;
    }
    if (export_staff->parsed()) {
      std::string csv = app->org().ExportStaffCsv(actor);
      if (output.empty()) {
        std::cout << csv;
      } else {
        std::ofstream out(output, std::ios::binary);
        out << csv;
        if (!out) throw std::runtime_error("cannot write " + output);
      }
      return 0;
    }
    if (backup->parsed()) {
      store::Backup(app->db(), file);
      std::cerr << "backed up to " << file << "\n";
      return 0;
    }
    if (audit_anchor->parsed()) {
      store::Conn c = app->db().Lease();
      std::cout << store::AuditHead(c).ToString() << "\n";
      return 0;
    }
    if (audit_verify->parsed()) {
      std::optional<store::AuditAnchor> anchor;
      if (!anchor_text.empty()) {
        anchor = store::ParseAuditAnchor(anchor_text);
        if (!anchor) {
          std::cerr << "--anchor: expected SEQ:HASH as `audit anchor` prints it\n";
          return 2;
        }
      }
      store::Conn c = app->db().Lease();
      auto v = store::VerifyAudit(c, anchor);
      if (v.ok) {
        std::cout << "audit log intact: " << v.entries << " entries";
        if (store::AuditKeySet()) std::cout << ", " << v.sealed << " seals checked";
        if (anchor) std::cout << ", anchor " << anchor->seq << " held";
        std::cout << "\n";
        return 0;
      }
      std::cout << "audit log BROKEN: " << v.problems.size() << " problem(s)\n";
      for (auto& p : v.problems) std::cout << "  entry " << p.seq << ": " << p.problem << "\n";
      return 1;
    }
  } catch (const Error& e) {
    std::cerr << (app ? app->Message(e) : std::string(e.what())) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace kientao::app
