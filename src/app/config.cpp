#include "app/config.hpp"

#include <cstdlib>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>

#include <toml++/toml.h>

namespace kientao::app {

namespace {

struct Field {
  std::string section, key;
  std::function<void(Config&, const toml::node&)> from_toml;
  std::function<void(Config&, const std::string&)> from_env;
};

template <typename T>
Field Make(std::string section, std::string key, T Config::*member) {
  std::string name = section + "." + key;
  Field f{section, key, {}, {}};
  f.from_toml = [member, name](Config& c, const toml::node& n) {
    if constexpr (std::is_same_v<T, std::string>) {
      auto v = n.value<std::string>();
      if (!v) throw std::runtime_error(name + " must be a string");
      c.*member = *v;
    } else if constexpr (std::is_same_v<T, bool>) {
      auto v = n.value<bool>();
      if (!v) throw std::runtime_error(name + " must be true or false");
      c.*member = *v;
    } else {
      if (!n.is_integer()) throw std::runtime_error(name + " must be a whole number");
      c.*member = static_cast<T>(*n.value<int64_t>());
    }
  };
  f.from_env = [member, name](Config& c, const std::string& s) {
    if constexpr (std::is_same_v<T, std::string>) {
      c.*member = s;
    } else if constexpr (std::is_same_v<T, bool>) {
      if (s != "true" && s != "false")
        throw std::runtime_error(name + " (environment) must be true or false");
      c.*member = s == "true";
    } else {
      char* end = nullptr;
      long long v = std::strtoll(s.c_str(), &end, 10);
      if (s.empty() || *end)
        throw std::runtime_error(name + " (environment) must be a whole number, not '" + s + "'");
      c.*member = static_cast<T>(v);
    }
  };
  return f;
}

const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      Make("server", "listen", &Config::listen),
      Make("server", "io_threads", &Config::io_threads),
      Make("server", "workers", &Config::workers),
      Make("server", "read_timeout_seconds", &Config::read_timeout_seconds),
      Make("server", "max_connections", &Config::max_connections),
      Make("server", "max_body_bytes", &Config::max_body_bytes),
      Make("server", "secure_cookies", &Config::secure_cookies),
      Make("server", "trust_forwarded_for", &Config::trust_forwarded_for),
      Make("server", "shutdown_grace_seconds", &Config::shutdown_grace_seconds),
      Make("server", "reads_on_io_thread", &Config::reads_on_io_thread),
      Make("database", "url", &Config::database_url),
      Make("database", "pool_size", &Config::pool_size),
      Make("database", "lease_timeout_ms", &Config::lease_timeout_ms),
      Make("session", "idle_minutes", &Config::idle_minutes),
      Make("session", "absolute_hours", &Config::absolute_hours),
      Make("login", "max_failures_per_account", &Config::max_failures_per_account),
      Make("login", "max_failures_per_address", &Config::max_failures_per_address),
      Make("login", "throttle_window_minutes", &Config::throttle_window_minutes),
      Make("paths", "web_dir", &Config::web_dir),
      Make("paths", "rules_dir", &Config::rules_dir),
      Make("audit", "key_file", &Config::audit_key_file),
      Make("log", "level", &Config::log_level),
      Make("clock", "today", &Config::clock_today),
      Make("smtp", "url", &Config::smtp_url),
      Make("smtp", "from", &Config::smtp_from),
      Make("smtp", "username", &Config::smtp_username),
      Make("smtp", "password", &Config::smtp_password),
  };
  return kFields;
}

std::string EnvName(const Field& f) {
  std::string n = "KIENTAO_" + f.section + "_" + f.key;
  for (auto& c : n) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return n;
}

}  // namespace

Clock Config::MakeClock() const {
  if (clock_today.empty()) return Clock::System();
  auto d = Date::ParseIso(clock_today);
  if (!d)
    throw std::runtime_error("configuration: clock.today must be a day YYYY-MM-DD, not '" +
                             clock_today + "'");
  return Clock::Pinned(*d);
}

std::string Config::host() const { return listen.substr(0, listen.rfind(':')); }
unsigned short Config::port() const {
  return static_cast<unsigned short>(std::atoi(listen.substr(listen.rfind(':') + 1).c_str()));
}

void LoadConfig(Config& cfg, const std::string& file) {
  if (!file.empty()) {
    toml::table t;
    try {
      t = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
      std::ostringstream os;
      os << e.description() << " (line " << e.source().begin.line << ")";
      throw std::runtime_error("configuration " + file + ": " + os.str());
    }
    for (auto& [section, node] : t) {
      auto* tbl = node.as_table();
      bool known_section = false;
      for (auto& f : Fields()) known_section = known_section || f.section == section.str();
      if (!known_section || !tbl)
        throw std::runtime_error("configuration " + file + ": unknown section [" +
                                 std::string(section.str()) + "]");
      for (auto& [key, value] : *tbl) {
        const Field* field = nullptr;
        for (auto& f : Fields())
          if (f.section == section.str() && f.key == key.str()) field = &f;
        if (!field)
          throw std::runtime_error("configuration " + file + ": unknown key " +
                                   std::string(section.str()) + "." + std::string(key.str()));
        try {
          field->from_toml(cfg, value);
        } catch (const std::runtime_error& e) {
          throw std::runtime_error("configuration " + file + ": " + e.what());
        }
      }
    }
  }
  for (auto& f : Fields())
    if (const char* v = std::getenv(EnvName(f).c_str())) f.from_env(cfg, v);
}

void Validate(const Config& c) {
  auto fail = [](const std::string& key, const std::string& why) {
    throw std::runtime_error("configuration: " + key + " " + why);
  };
  if (!c.smtp_url.empty() && c.smtp_url.rfind("smtp://", 0) != 0 &&
      c.smtp_url.rfind("smtps://", 0) != 0)
    fail("smtp.url", "must start with smtp:// or smtps://, not '" + c.smtp_url + "'");
  if (!c.smtp_url.empty() && c.smtp_from.empty())
    fail("smtp.from", "is needed when smtp.url is set");
  auto colon = c.listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    fail("server.listen", "must be HOST:PORT, not '" + c.listen + "'");
  {
    std::string port = c.listen.substr(colon + 1);
    char* end = nullptr;
    long p = std::strtol(port.c_str(), &end, 10);
    if (port.empty() || *end || p < 0 || p > 65535)
      fail("server.listen", "has a bad port: '" + port + "'");
  }
  if (c.workers < 1 || c.workers > 256) fail("server.workers", "must be between 1 and 256");
  if (c.io_threads < 1 || c.io_threads > 64) fail("server.io_threads", "must be between 1 and 64");
  if (c.max_connections < 1 || c.max_connections > 1000000)
    fail("server.max_connections", "must be between 1 and 1000000");
  if (c.read_timeout_seconds < 1 || c.read_timeout_seconds > 3600)
    fail("server.read_timeout_seconds", "must be between 1 and 3600");
  if (c.max_body_bytes < 1024 || c.max_body_bytes > 1024L * 1024 * 1024)
    fail("server.max_body_bytes", "must be between 1024 and 1073741824");
  if (c.shutdown_grace_seconds < 0 || c.shutdown_grace_seconds > 600)
    fail("server.shutdown_grace_seconds", "must be between 0 and 600");
  if (c.database_url.empty()) fail("database.url", "must not be empty");
  if (c.pool_size < 1 || c.pool_size > 256) fail("database.pool_size", "must be between 1 and 256");
  if (c.lease_timeout_ms < 1 || c.lease_timeout_ms > 600000)
    fail("database.lease_timeout_ms", "must be between 1 and 600000");
  if (c.idle_minutes < 1 || c.idle_minutes > 24 * 60)
    fail("session.idle_minutes", "must be between 1 and 1440");
  if (c.absolute_hours < 1 || c.absolute_hours > 24 * 30)
    fail("session.absolute_hours", "must be between 1 and 720");
  if (c.max_failures_per_account < 1) fail("login.max_failures_per_account", "must be at least 1");
  if (c.max_failures_per_address < 1) fail("login.max_failures_per_address", "must be at least 1");
  if (c.throttle_window_minutes < 1) fail("login.throttle_window_minutes", "must be at least 1");
  if (!c.clock_today.empty() && !Date::ParseIso(c.clock_today))
    fail("clock.today",
         "must be a real day written YYYY-MM-DD (e.g. 2026-12-02), not '" + c.clock_today + "'");
  static const std::set<std::string> kLevels = {"trace", "debug", "info", "warn", "error"};
  if (!kLevels.count(c.log_level))
    fail("log.level", "must be one of trace, debug, info, warn, error");
}

}  // namespace kientao::app
