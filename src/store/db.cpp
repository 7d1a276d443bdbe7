#include "store/db.hpp"

#include "base/blocking.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include "base/error.hpp"

namespace kientao::store {

std::string Row::Str(size_t i) const {
  const Value& v = values_.at(i);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<long long>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::optional<std::string> Row::OptStr(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Str(i);
}

long long Row::Int(size_t i) const {
  const Value& v = values_.at(i);
  if (auto* n = std::get_if<long long>(&v)) return *n;
  if (auto* d = std::get_if<double>(&v)) return static_cast<long long>(*d);
  if (auto* s = std::get_if<std::string>(&v)) {
    long long out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Row::Num(size_t i) const {
  const Value& v = values_.at(i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* n = std::get_if<long long>(&v)) return static_cast<double>(*n);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string AdaptSql(const std::string& sql, Backend b) {
  std::string out = sql;
  const std::string id =
      b == Backend::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
  for (size_t p; (p = out.find("@ID@")) != std::string::npos;) out.replace(p, 4, id);
  return out;
}

namespace {

[[noreturn]] void Rethrow(const soci::soci_error& e) {
  std::string msg = e.what();
  bool unique = msg.find("UNIQUE constraint failed") != std::string::npos ||
                msg.find("duplicate key value") != std::string::npos;
  bool fk = msg.find("FOREIGN KEY constraint failed") != std::string::npos ||
            msg.find("foreign key constraint") != std::string::npos;
  throw DbError(msg, unique, fk);
}

// Numbered placeholders may repeat (":3 … :3" binds the third value twice) or come in any order
// (":3 … :1"). SOCI binds by position, so a statement whose placeholders are not :1, :2, … in the
// order they appear is rewritten with one placeholder per occurrence and the values in that
// order. Text in quotes and "::" casts are left alone.
bool ExpandRepeated(const std::string& sql, const std::vector<Value>& params, std::string& out_sql,
                    std::vector<Value>& out_params) {
  std::vector<std::pair<size_t, size_t>> spans;  // [start, end) of each ":N"
  std::vector<size_t> numbers;
  bool quoted = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (ch == '\'') quoted = !quoted;
    if (quoted || ch != ':' || (i > 0 && sql[i - 1] == ':') || i + 1 >= sql.size() ||
        sql[i + 1] < '0' || sql[i + 1] > '9')
      continue;
    size_t j = i + 1;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') ++j;
    spans.emplace_back(i, j);
    numbers.push_back(std::stoul(sql.substr(i + 1, j - i - 1)));
    i = j - 1;
  }
  bool in_order = true;
  for (size_t k = 0; k < numbers.size(); ++k) in_order = in_order && numbers[k] == k + 1;
  if (in_order) return false;
  out_sql.clear();
  out_params.clear();
  size_t at = 0;
  for (size_t k = 0; k < spans.size(); ++k) {
    if (numbers[k] == 0 || numbers[k] > params.size())
      throw DbError("placeholder :" + std::to_string(numbers[k]) + " has no value: " + sql, false,
                    false);
    out_sql += sql.substr(at, spans[k].first - at) + ":" + std::to_string(k + 1);
    out_params.push_back(params[numbers[k] - 1]);
    at = spans[k].second;
  }
  out_sql += sql.substr(at);
  return true;
}

// Storage that outlives the statement: SOCI binds by reference.
struct Binder {
  std::vector<long long> ints;
  std::vector<double> doubles;
  std::vector<std::string> strings;
  std::vector<soci::indicator> inds;

  explicit Binder(const std::vector<Value>& params) {
    ints.reserve(params.size());
    doubles.reserve(params.size());
    strings.reserve(params.size());
    inds.reserve(params.size());
  }

  void Bind(soci::details::prepare_temp_type& pt, const std::vector<Value>& params) {
    for (const Value& v : params) {
      if (auto* n = std::get_if<long long>(&v)) {
        ints.push_back(*n);
        pt, soci::use(ints.back());
      } else if (auto* d = std::get_if<double>(&v)) {
        doubles.push_back(*d);
        pt, soci::use(doubles.back());
      } else if (auto* s = std::get_if<std::string>(&v)) {
        strings.push_back(*s);
        pt, soci::use(strings.back());
      } else {
        strings.emplace_back();
        inds.push_back(soci::i_null);
        pt, soci::use(strings.back(), inds.back());
      }
    }
  }
};

Value ColumnValue(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::monostate{};
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return r.get<std::string>(i);
    case soci::dt_integer:
      return static_cast<long long>(r.get<int>(i));
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return r.get<double>(i);
    default:
      return r.get<std::string>(i);
  }
}

// libpq keyword/value form of a postgresql:// URL ("host=… port=… dbname=…"): SOCI 4.0 does not
// pass URLs through to libpq unchanged.
std::string PgConnInfo(const std::string& url) {
  auto decode = [](std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size()) {
        out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
        i += 2;
      } else {
        out.push_back(s[i]);
      }
    }
    return out;
  };
  auto quote = [](const std::string& v) {
    std::string q = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') q.push_back('\\');
      q.push_back(c);
    }
    return q + "'";
  };
  std::string rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string dbname;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    dbname = decode(rest.substr(slash + 1));
    rest = rest.substr(0, slash);
  }
  std::string info;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = userinfo.find(':');
    info += "user=" + quote(decode(userinfo.substr(0, colon))) + " ";
    if (colon != std::string::npos)
      info += "password=" + quote(decode(userinfo.substr(colon + 1))) + " ";
  }
  std::string host = rest, port;
  if (!rest.empty() && rest.front() == '[') {
    auto close = rest.find(']');
    host = rest.substr(1, close - 1);
    if (close + 1 < rest.size() && rest[close + 1] == ':') port = rest.substr(close + 2);
  } else if (auto colon = rest.rfind(':'); colon != std::string::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (!host.empty()) info += "host=" + quote(decode(host)) + " ";
  if (!port.empty()) info += "port=" + quote(port) + " ";
  if (!dbname.empty()) info += "dbname=" + quote(dbname) + " ";
  size_t pos = 0;
  while (pos < query.size()) {
    size_t end = query.find('&', pos);
    if (end == std::string::npos) end = query.size();
    std::string kv = query.substr(pos, end - pos);
    auto eq = kv.find('=');
    if (eq != std::string::npos)
      info += decode(kv.substr(0, eq)) + "=" + quote(decode(kv.substr(eq + 1))) + " ";
    pos = end + 1;
  }
  return info;
}

}  // namespace

namespace {
// The connections this thread holds, one per database, with the depth of transactions open on each:
// a Lease() on a thread that already holds one of that database's connections is served by it, so a
// service called by another while that one holds a connection never waits for a second one (with a
// small pool every worker could hold one and wait for another, for ever).
struct Held {
  const Database* db;
  soci::session* session;
  int tx_depth;
  bool bumped;  // a change counter was bumped in the open transaction
};
// Trivially destructible, so a Conn made or destroyed after the thread's thread_locals are gone (a
// static's destructor at exit) still finds valid memory. More than kMaxHeld databases' connections
// at once on one thread simply go unregistered (no reuse for those).
constexpr int kMaxHeld = 8;
thread_local Held t_held[kMaxHeld];
thread_local int t_held_count = 0;

Held* HeldBy(const Database* db) {
  for (int i = 0; i < t_held_count; ++i)
    if (t_held[i].db == db) return &t_held[i];
  return nullptr;
}
Held* HeldOf(const soci::session* s) {
  for (int i = 0; i < t_held_count; ++i)
    if (t_held[i].session == s) return &t_held[i];
  return nullptr;
}
void Hold(const Database* db, soci::session* s) {
  if (t_held_count < kMaxHeld) t_held[t_held_count++] = {db, s, 0, false};
}
void Release(const soci::session* s) {
  if (Held* h = HeldOf(s)) *h = t_held[--t_held_count];
}
}  // namespace

Conn::Conn(Database* db, std::unique_ptr<soci::session> s)
    : db_(db), owned_(std::move(s)), session_(owned_.get()) {
  Hold(db_, session_);
}
Conn::Conn(Database* db, soci::session* borrowed) : db_(db), session_(borrowed) {}
Conn::Conn(Conn&& o) noexcept : db_(o.db_), owned_(std::move(o.owned_)), session_(o.session_) {
  o.db_ = nullptr;
  o.session_ = nullptr;
}
Conn::~Conn() {
  if (!db_ || !owned_) return;
  Release(session_);
  db_->GiveBack(std::move(owned_));
}

Backend Conn::backend() const { return db_->backend(); }

void Conn::Exec(const std::string& sql_in, const std::vector<Value>& params_in) {
  std::string expanded_sql;
  std::vector<Value> expanded;
  bool rewritten = ExpandRepeated(sql_in, params_in, expanded_sql, expanded);
  const std::string& sql = rewritten ? expanded_sql : sql_in;
  const std::vector<Value>& params = rewritten ? expanded : params_in;
  try {
    Binder b(params);
    soci::details::prepare_temp_type pt = (session_->prepare << sql);
    b.Bind(pt, params);
    soci::statement st(pt);
    st.execute(true);
  } catch (const soci::soci_error& e) {
    Rethrow(e);
  }
}

std::vector<Row> Conn::Query(const std::string& sql_in, const std::vector<Value>& params_in) {
  std::string expanded_sql;
  std::vector<Value> expanded;
  bool rewritten = ExpandRepeated(sql_in, params_in, expanded_sql, expanded);
  const std::string& sql = rewritten ? expanded_sql : sql_in;
  const std::vector<Value>& params = rewritten ? expanded : params_in;
  try {
    Binder b(params);
    soci::details::prepare_temp_type pt = (session_->prepare << sql);
    b.Bind(pt, params);
    soci::rowset<soci::row> rs(pt);
    std::vector<Row> out;
    for (const soci::row& r : rs) {
      std::vector<Value> vals;
      vals.reserve(r.size());
      for (std::size_t i = 0; i < r.size(); ++i) vals.push_back(ColumnValue(r, i));
      out.emplace_back(std::move(vals));
    }
    return out;
  } catch (const soci::soci_error& e) {
    Rethrow(e);
  }
}

std::vector<std::vector<double>> Conn::QueryNumbers(const std::string& sql_in, size_t columns,
                                                    const std::vector<Value>& params_in) {
  std::string expanded_sql;
  std::vector<Value> expanded;
  bool rewritten = ExpandRepeated(sql_in, params_in, expanded_sql, expanded);
  const std::string& sql = rewritten ? expanded_sql : sql_in;
  const std::vector<Value>& params = rewritten ? expanded : params_in;
  constexpr size_t kBatch = 512;
  std::vector<std::vector<double>> out(columns), batch(columns, std::vector<double>(kBatch));
  try {
    Binder b(params);
    soci::details::prepare_temp_type pt = (session_->prepare << sql);
    for (auto& col : batch) pt, soci::into(col);
    b.Bind(pt, params);
    soci::statement st(pt);
    st.execute();
    while (st.fetch()) {
      for (size_t i = 0; i < columns; ++i) {
        out[i].insert(out[i].end(), batch[i].begin(), batch[i].end());
        batch[i].resize(kBatch);
      }
    }
    return out;
  } catch (const soci::soci_error& e) {
    Rethrow(e);
  }
}

std::optional<Row> Conn::QueryOne(const std::string& sql, const std::vector<Value>& params) {
  auto rows = Query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

namespace {

using namespace sqlite_api;  // NOLINT(google-build-using-namespace): SOCI wraps sqlite3.h there

sqlite3* SqliteHandle(soci::session& session) {
  return static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
}

// A statement prepared on SQLite's own API, finalised when it goes; errors thrown as DbError.
class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr) !=
        SQLITE_OK)
      Fail("prepare");
  }
  ~SqliteStatement() { sqlite3_finalize(st_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  int Slot(const std::string& name) {
    int i = sqlite3_bind_parameter_index(st_, name.c_str());
    if (!i) Fail("no placeholder " + name);
    return i;
  }
  // Text is bound without a copy: `v` must outlive the step.
  void Bind(int slot, const Value& v) {
    int rc = SQLITE_OK;
    if (auto* n = std::get_if<long long>(&v))
      rc = sqlite3_bind_int64(st_, slot, *n);
    else if (auto* d = std::get_if<double>(&v))
      rc = sqlite3_bind_double(st_, slot, *d);
    else if (auto* t = std::get_if<std::string>(&v))
      rc = sqlite3_bind_text(st_, slot, t->data(), static_cast<int>(t->size()), SQLITE_STATIC);
    else
      rc = sqlite3_bind_null(st_, slot);
    if (rc != SQLITE_OK) Fail("bind");
  }
  void Step() {
    if (sqlite3_step(st_) != SQLITE_DONE) Fail("step");
    sqlite3_reset(st_);
  }
  [[noreturn]] void Fail(const std::string& what) {
    std::string msg = what + ": " + sqlite3_errmsg(db_);
    int code = sqlite3_extended_errcode(db_);
    bool unique = code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
    bool fk = code == SQLITE_CONSTRAINT_FOREIGNKEY;
    throw DbError(msg, unique, fk);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

// SQLite: one prepared statement, each row's values bound by type and stepped. SOCI's bulk path
// for SQLite turns every value into text first, which made an import's writes three times slower.
void ExecManySqlite(soci::session& session, const std::string& sql,
                    const std::vector<std::vector<Value>>& rows) {
  SqliteStatement st(SqliteHandle(session), sql);
  const size_t width = rows.front().size();
  std::vector<int> slot(width);
  for (size_t k = 0; k < width; ++k) slot[k] = st.Slot(":" + std::to_string(k + 1));
  for (const auto& r : rows) {
    if (r.size() != width) st.Fail("ExecMany: rows of different widths");
    for (size_t k = 0; k < width; ++k) st.Bind(slot[k], r[k]);
    st.Step();
  }
}

// "VALUES (?, ?), (?, ?)" for `rows` rows of `width` values: anonymous parameters, which SQLite
// numbers in order (numbered ones cost a search per parameter when the statement is prepared).
std::string ValuesList(size_t rows, size_t width) {
  std::string group = "(";
  for (size_t k = 0; k < width; ++k) group += k ? ", ?" : "?";
  group += ")";
  std::string out = " VALUES ";
  for (size_t r = 0; r < rows; ++r) out += (r ? ", " : "") + group;
  return out;
}

void InsertManySqlite(soci::session& session, const std::string& insert_into,
                      const std::vector<std::vector<Value>>& rows) {
  const size_t width = rows.front().size();
  // 64 rows a statement, within SQLite's 32,766 parameters for any table.
  const size_t per = std::max<size_t>(1, std::min<size_t>(64, 32766 / std::max<size_t>(width, 1)));
  sqlite3* db = SqliteHandle(session);
  std::unique_ptr<SqliteStatement> full;
  for (size_t at = 0; at < rows.size(); at += per) {
    size_t n = std::min(per, rows.size() - at);
    std::unique_ptr<SqliteStatement> rest;
    SqliteStatement* st;
    if (n == per) {
      if (!full) full = std::make_unique<SqliteStatement>(db, insert_into + ValuesList(per, width));
      st = full.get();
    } else {
      rest = std::make_unique<SqliteStatement>(db, insert_into + ValuesList(n, width));
      st = rest.get();
    }
    for (size_t r = 0; r < n; ++r) {
      const auto& row = rows[at + r];
      if (row.size() != width) st->Fail("InsertMany: rows of different widths");
      for (size_t k = 0; k < width; ++k) st->Bind(static_cast<int>(r * width + k + 1), row[k]);
    }
    st->Step();
  }
}

}  // namespace

void Conn::InsertMany(const std::string& insert_into, const std::vector<std::vector<Value>>& rows) {
  if (rows.empty()) return;
  if (backend() == Backend::kSqlite) return InsertManySqlite(*session_, insert_into, rows);
  std::string sql = insert_into + " VALUES (";
  for (size_t k = 0; k < rows.front().size(); ++k) sql += (k ? ", :" : ":") + std::to_string(k + 1);
  ExecMany(sql + ")", rows);
}

void Conn::ExecMany(const std::string& sql, const std::vector<std::vector<Value>>& rows) {
  if (rows.empty()) return;
  if (backend() == Backend::kSqlite) return ExecManySqlite(*session_, sql, rows);
  constexpr size_t kBatch = 500;
  const size_t width = rows.front().size();
  // One vector per column, of the column's type; SOCI binds vectors by reference.
  enum class Kind { kInt, kDouble, kText };
  std::vector<Kind> kinds(width, Kind::kInt);
  for (size_t k = 0; k < width; ++k) {
    bool ints = true, numbers = true;
    for (const auto& r : rows) {
      if (r.size() != width)
        throw DbError("ExecMany: rows of different widths: " + sql, false, false);
      const Value& v = r[k];
      if (std::holds_alternative<std::monostate>(v)) continue;
      ints = ints && std::holds_alternative<long long>(v);
      numbers =
          numbers && (std::holds_alternative<long long>(v) || std::holds_alternative<double>(v));
    }
    kinds[k] = ints ? Kind::kInt : numbers ? Kind::kDouble : Kind::kText;
  }
  std::vector<std::vector<long long>> ints(width);
  std::vector<std::vector<double>> doubles(width);
  std::vector<std::vector<std::string>> texts(width);
  std::vector<std::vector<soci::indicator>> inds(width);
  try {
    for (size_t at = 0; at < rows.size(); at += kBatch) {
      size_t end = std::min(rows.size(), at + kBatch);
      for (size_t k = 0; k < width; ++k) {
        ints[k].clear();
        doubles[k].clear();
        texts[k].clear();
        inds[k].clear();
        for (size_t r = at; r < end; ++r) {
          const Value& v = rows[r][k];
          bool null = std::holds_alternative<std::monostate>(v);
          inds[k].push_back(null ? soci::i_null : soci::i_ok);
          switch (kinds[k]) {
            case Kind::kInt:
              ints[k].push_back(null ? 0 : std::get<long long>(v));
              break;
            case Kind::kDouble:
              doubles[k].push_back(null ? 0.0
                                   : std::holds_alternative<double>(v)
                                       ? std::get<double>(v)
                                       : static_cast<double>(std::get<long long>(v)));
              break;
            case Kind::kText:
              texts[k].push_back(null                                     ? std::string()
                                 : std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
                                 : std::holds_alternative<long long>(v)
                                     ? std::to_string(std::get<long long>(v))
                                     : fmt::format("{}", std::get<double>(v)));
              break;
          }
        }
      }
      soci::details::prepare_temp_type pt = (session_->prepare << sql);
      for (size_t k = 0; k < width; ++k) {
        if (kinds[k] == Kind::kInt)
          pt, soci::use(ints[k], inds[k]);
        else if (kinds[k] == Kind::kDouble)
          pt, soci::use(doubles[k], inds[k]);
        else
          pt, soci::use(texts[k], inds[k]);
      }
      soci::statement st(pt);
      st.execute(true);
    }
  } catch (const soci::soci_error& e) {
    Rethrow(e);
  }
}

long long Conn::InsertId(const std::string& sql, const std::vector<Value>& params) {
  auto rows = Query(sql, params);
  if (rows.empty()) throw DbError("INSERT returned no id: " + sql, false, false);
  return rows.front().Int(0);
}

void Conn::ExecScript(const std::string& script) {
  std::string sql = AdaptSql(script, backend());
  size_t start = 0;
  while (start < sql.size()) {
    size_t end = sql.find(";\n", start);
    if (end == std::string::npos) end = sql.size();
    std::string stmt = sql.substr(start, end - start);
    start = end + 1;
    bool blank = true;
    std::string no_comments;
    for (size_t i = 0; i < stmt.size();) {
      size_t nl = stmt.find('\n', i);
      if (nl == std::string::npos) nl = stmt.size();
      std::string line = stmt.substr(i, nl - i);
      i = nl + 1;
      auto first = line.find_first_not_of(" \t\r");
      if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
      blank = false;
      no_comments += line + "\n";
    }
    if (!blank) Exec(no_comments);
  }
}

// A transaction begun inside another on the same connection (a service called by another inside
// its transaction) is a savepoint: its rollback undoes only its own writes, its commit keeps them
// for the outer transaction to commit or roll back.
void Conn::Begin() {
  Held* h = HeldOf(session_);
  int depth = h ? h->tx_depth : 0;
  if (depth == 0)
    Exec(backend() == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  else
    Exec("SAVEPOINT kt_sp" + std::to_string(depth));
  if (h) ++h->tx_depth;
}
void Conn::NoteCounterBumped() {
  ++db_->counter_cache().epoch;
  if (Held* h = HeldOf(session_); h && h->tx_depth > 0) h->bumped = true;
}
namespace {
// The outermost transaction ended: what it bumped is visible now (or never will be).
void EndOfTransaction(Database* db, Held* h) {
  if (h && h->bumped) {
    h->bumped = false;
    ++db->counter_cache().epoch;
  }
}
}  // namespace
void Conn::Commit() {
  Held* h = HeldOf(session_);
  int depth = h ? h->tx_depth : 1;
  if (h && h->tx_depth > 0) --h->tx_depth;
  if (depth <= 1) {
    Exec("COMMIT");
    EndOfTransaction(db_, h);
  } else
    Exec("RELEASE SAVEPOINT kt_sp" + std::to_string(depth - 1));
}
void Conn::Rollback() {
  Held* h = HeldOf(session_);
  int depth = h ? h->tx_depth : 1;
  if (h && h->tx_depth > 0) --h->tx_depth;
  if (depth <= 1) {
    Exec("ROLLBACK");
    EndOfTransaction(db_, h);
  } else {
    Exec("ROLLBACK TO SAVEPOINT kt_sp" + std::to_string(depth - 1));
    Exec("RELEASE SAVEPOINT kt_sp" + std::to_string(depth - 1));
  }
}

Tx::~Tx() {
  if (!done_) {
    try {
      c_.Rollback();
    } catch (...) {
      // The connection is broken; the database has rolled back on its own.
    }
  }
}

void Tx::Commit() {
  c_.Commit();
  done_ = true;
}

Database::Database(const std::string& url, int pool_size, std::chrono::milliseconds lease_timeout)
    : url_(url), size_(pool_size < 1 ? 1 : pool_size), lease_timeout_(lease_timeout) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    backend_ = Backend::kPostgres;
  } else {
    backend_ = Backend::kSqlite;
    if (url.empty() || url == ":memory:")
      throw std::runtime_error("the database path must name a file");
    sqlite_path_ = url.rfind("sqlite://", 0) == 0 ? url.substr(9) : url;
  }
  // Open one connection at once so a bad URL fails at start; the rest open lazily.
  idle_.push_back(Open());
}

Database::~Database() { Close(); }

std::unique_ptr<soci::session> Database::Open() {
  try {
    if (backend_ == Backend::kPostgres) {
      auto s = std::make_unique<soci::session>(*soci::factory_postgresql(), PgConnInfo(url_));
      *s << "SET client_min_messages TO WARNING";
      return s;
    }
    auto s = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                             "db=\"" + sqlite_path_ + "\" timeout=10");
    *s << "PRAGMA journal_mode=WAL";
    *s << "PRAGMA foreign_keys=ON";
    *s << "PRAGMA busy_timeout=10000";
    *s << "PRAGMA synchronous=NORMAL";
    // 32 MB of page cache per connection (the default is 2 MB): a large import keeps its indexes
    // in memory instead of reading them back from disk for every row.
    *s << "PRAGMA cache_size=-32768";
    return s;
  } catch (const soci::soci_error& e) {
    throw std::runtime_error(std::string("cannot open the database: ") + e.what());
  }
}

Conn Database::Lease() {
  if (Held* h = HeldBy(this)) {
    std::lock_guard g(mu_);
    ++nested_;
    return Conn(this, h->session);
  }
  MayBlock();  // a read tried on an HTTP I/O thread goes to the workers (base/blocking.hpp)
  std::unique_lock lock(mu_);
  auto free = [&] { return !idle_.empty() || in_use_ + static_cast<int>(idle_.size()) < size_; };
  if (!free()) {
    ++waits_;
    if (!cv_.wait_for(lock, lease_timeout_, free)) {
      ++timeouts_;
      int in_use = in_use_;
      lock.unlock();
      spdlog::warn("no database connection came free within {} ms ({} of {} in use): answering 503",
                   lease_timeout_.count(), in_use, size_);
      throw Error(gen_errors::kBusy, {}, {}, "no free database connection");
    }
  }
  ++in_use_;
  if (!idle_.empty()) {
    auto s = std::move(idle_.back());
    idle_.pop_back();
    return Conn(this, std::move(s));
  }
  lock.unlock();
  try {
    return Conn(this, Open());
  } catch (...) {
    std::lock_guard g(mu_);
    --in_use_;
    cv_.notify_one();
    throw;
  }
}

void Database::GiveBack(std::unique_ptr<soci::session> s) {
  std::lock_guard g(mu_);
  --in_use_;
  idle_.push_back(std::move(s));
  cv_.notify_one();
}

PoolStats Database::Stats() const {
  std::lock_guard g(mu_);
  return {size_, in_use_, waits_, timeouts_, nested_};
}

void Database::Close() {
  std::lock_guard g(mu_);
  if (backend_ == Backend::kSqlite && !idle_.empty()) {
    try {
      *idle_.front() << "PRAGMA wal_checkpoint(TRUNCATE)";
    } catch (const soci::soci_error&) {
      // Another process holds the database; its last connection will checkpoint.
    }
  }
  idle_.clear();
}

}  // namespace kientao::store
