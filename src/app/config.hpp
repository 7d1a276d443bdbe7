#pragma once
// kientao's configuration: in-class defaults that run the demo, then the TOML file (--config), then
// environment variables (KIENTAO_<SECTION>_<KEY>, e.g. KIENTAO_DATABASE_URL), then command-line
// flags. Validate() refuses unknown keys and nonsense values with a message naming the key.
#include <string>
#include <vector>

#include "base/clock.hpp"

namespace kientao::app {

struct Config {
  // [server]
  std::string listen = "127.0.0.1:8080";  // HOST:PORT to serve on
  int io_threads = 2;                     // threads reading and writing connections
  int workers = 4;                        // threads for request handlers (database work)
  int read_timeout_seconds = 15;          // per read of a request
  int max_connections = 1000;             // open connections at most; one more gets 503
  long max_body_bytes = 8 * 1024 * 1024;  // larger bodies get 413
  bool secure_cookies = false;            // true behind a TLS proxy
  bool trust_forwarded_for =
      false;                        // client address from X-Forwarded-For when the peer is loopback
  int shutdown_grace_seconds = 10;  // time allowed to finish requests on stop
  bool reads_on_io_thread = true;   // answer a read needing no database on its I/O thread
  // [database]
  std::string database_url = "var/kientao.db";  // SQLite file path or postgresql:// URL
  int pool_size = 4;                            // open database connections
  int lease_timeout_ms = 10000;  // a request waits this long for a free connection, then 503
  // [session]
  int idle_minutes = 30;
  int absolute_hours = 12;
  // [login]
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
  int throttle_window_minutes = 15;
  // [paths]
  std::string web_dir;    // folder holding static/ and node_modules/; "" = the source tree's web/
  std::string rules_dir;  // a province's own rule files, <dir>/<module>/<file>.toml; "" = none
  // [audit]
  std::string
      audit_key_file;  // the key that seals each audit entry (outside the database); "" = none
  // [smtp] — the daily reminder digest by e-mail; off while url is ""
  std::string smtp_url;       // "smtp://mail.example.vn:587" or "smtps://…:465"
  std::string smtp_from;      // "kientao@xa.example.vn"
  std::string smtp_username;  // "" = no login
  std::string smtp_password;
  // [log]
  std::string log_level = "info";  // trace, debug, info, warn, error
  // [clock]
  std::string
      clock_today;  // "YYYY-MM-DD" pins the app's today (demo, training, tests); "" = system

  // The app's clock: pinned to clock_today when set, else the system clock in Vietnam's time.
  // Validate() has refused a clock_today that is not a real day.

  Clock MakeClock() const;
  std::string host() const;
  unsigned short port() const;
};

// Reads `file` ("" = none) and the environment into `cfg`. Throws std::runtime_error naming the
// file, key and problem.
void LoadConfig(Config& cfg, const std::string& file);
// Throws std::runtime_error naming the first bad value.
void Validate(const Config& cfg);

}  // namespace kientao::app
