#pragma once
// The database: a pool of SOCI sessions over SQLite or PostgreSQL, with a small value-based query
// API that behaves the same on both. Thread-safe: any thread may Lease() a connection; a Conn is
// used, and destroyed, by the thread that leased it. A thread that already holds a connection of a
// database and leases again gets that same connection (so nested services never wait on each
// other), and a transaction begun inside another on it is a savepoint.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace soci {
class session;
}

namespace kientao::store {

enum class Backend { kSqlite, kPostgres };

// A bound parameter or a column value. Integers are 64-bit; text is UTF-8.
using Value = std::variant<std::monostate, long long, double, std::string>;

class Row {
 public:
  explicit Row(std::vector<Value> v) : values_(std::move(v)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  // Text of column i ("" when NULL; integers are formatted).
  std::string Str(size_t i) const;
  std::optional<std::string> OptStr(size_t i) const;
  // Integer of column i (0 when NULL; text is parsed).
  long long Int(size_t i) const;
  double Num(size_t i) const;

 private:
  std::vector<Value> values_;
};

// Thrown when the database refuses a statement; `unique_violation` is set for UNIQUE constraint
// failures so callers can answer 409, `foreign_key_violation` for FK failures.
class DbError : public std::runtime_error {
 public:
  DbError(const std::string& what, bool unique, bool fk)
      : std::runtime_error(what), unique_violation(unique), foreign_key_violation(fk) {}
  bool unique_violation;
  bool foreign_key_violation;
};

class Database;

// One leased connection; returns to the pool when destroyed. Placeholders are :1, :2 … numbering
// the values (a number may repeat: ":3 … :3"), or any other ":name", bound by position.
class Conn {
 public:
  Conn(Database* db, std::unique_ptr<soci::session> s);  // owns the session
  Conn(Database* db, soci::session* borrowed);           // the thread's held one
  Conn(Conn&&) noexcept;
  Conn& operator=(Conn&&) = delete;
  ~Conn();

  Backend backend() const;
  void Exec(const std::string& sql, const std::vector<Value>& params = {});
  std::vector<Row> Query(const std::string& sql, const std::vector<Value>& params = {});
  std::optional<Row> QueryOne(const std::string& sql, const std::vector<Value>& params = {});
  // A query of `columns` numeric, non-NULL columns fetched in bulk (many rows a call, no per-row
  // type handling): column-major, one vector per column. For the large numeric reads of the scores.
  std::vector<std::vector<double>> QueryNumbers(const std::string& sql, size_t columns,
                                                const std::vector<Value>& params = {});
  // Runs `sql` once for each of `rows` (each row's values bind :1, :2, … in that order; every row
  // the same width and, per column, integers, numbers or text and NULLs), prepared once per batch
  // of rows and sent in bulk: the writes of a large import.
  void ExecMany(const std::string& sql, const std::vector<std::vector<Value>>& rows);
  // Inserts many rows: `insert_into` is "INSERT INTO t (a, b, …)" and each row holds the columns'
  // values in that order. On SQLite many rows go in one statement, so a statement's fixed cost
  // (its AUTOINCREMENT bookkeeping and statement journal) is paid once per 64 rows; on PostgreSQL
  // it is ExecMany's bulk path.
  void InsertMany(const std::string& insert_into, const std::vector<std::vector<Value>>& rows);
  // Runs `sql` (an INSERT … RETURNING id) and returns the id.
  long long InsertId(const std::string& sql, const std::vector<Value>& params = {});
  // Executes a script of statements separated by ';' at line ends (migrations).
  void ExecScript(const std::string& script);
  soci::session& session() { return *session_; }

  // Transactions: SQLite takes the write lock at BEGIN (BEGIN IMMEDIATE) so two writers never
  // deadlock.
  void Begin();
  void Commit();
  void Rollback();
  // A change counter was bumped on this connection (store/change_counter.hpp): the counters' cache
  // of this process is invalidated now and again when the transaction ends, committed or not.
  void NoteCounterBumped();

 private:
  Database* db_;
  std::unique_ptr<soci::session> owned_;
  soci::session* session_;
};

// Commits on Commit(), rolls back when destroyed otherwise.
class Tx {
 public:
  explicit Tx(Conn& c) : c_(c) { c_.Begin(); }
  Tx(const Tx&) = delete;
  ~Tx();
  void Commit();

 private:
  Conn& c_;
  bool done_ = false;
};

struct PoolStats {
  int size = 0;
  int in_use = 0;
  long long waits = 0;
  long long timeouts = 0;  // leases refused after waiting the lease timeout (answered 503)
  long long nested = 0;    // leases served by the connection the thread already held
};

class Database {
 public:
  // `url` is an SQLite file path (created when missing; ":memory:" is refused because the pool
  // needs one shared database) or "postgresql://user@host:port/db". Throws std::runtime_error when
  // it cannot connect. A lease waits at most `lease_timeout` for a free connection.
  Database(const std::string& url, int pool_size,
           std::chrono::milliseconds lease_timeout = std::chrono::seconds(10));
  ~Database();
  Backend backend() const { return backend_; }
  const std::string& url() const { return url_; }
  // The connection this thread holds, else a free one: waits for one at most the lease timeout,
  // then throws Error(GEN-0026, 503), logged and counted (PoolStats::timeouts).
  Conn Lease();
  PoolStats Stats() const;
  // Closes every idle connection; for SQLite checkpoints the WAL. Called at shutdown.
  void Close();
  // Path of the SQLite file ("" on PostgreSQL).
  const std::string& sqlite_path() const { return sqlite_path_; }

  // The change counters' values as this process last read them (store/change_counter.hpp). `epoch`
  // moves whenever a write of this process that bumped a counter may have become visible.
  struct CounterCache {
    struct Entry {
      long long value = 0;
      std::chrono::steady_clock::time_point read_at;
      long long epoch = 0;
    };
    std::mutex mu;
    std::map<std::string, Entry, std::less<>> entries;
    std::atomic<long long> epoch{0};
  };
  CounterCache& counter_cache() { return counter_cache_; }

 private:
  friend class Conn;
  std::unique_ptr<soci::session> Open();
  void GiveBack(std::unique_ptr<soci::session> s);

  std::string url_;
  std::string sqlite_path_;
  Backend backend_;
  int size_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<soci::session>> idle_;
  std::chrono::milliseconds lease_timeout_;
  int in_use_ = 0;
  long long waits_ = 0;
  long long timeouts_ = 0;
  long long nested_ = 0;
  CounterCache counter_cache_;
};

// Backend-specific spellings used by migrations: "@ID@" becomes the auto-increment primary key.
std::string AdaptSql(const std::string& sql, Backend b);

}  // namespace kientao::store
