// The store core against the backend under test (SQLite or the throwaway PostgreSQL): migrations,
// values, constraint errors, the audit chain, and backup/restore.
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "base/error.hpp"
#include "store/audit_log.hpp"
#include "store/backup.hpp"
#include "store/change_counter.hpp"
#include "store/db.hpp"
#include "store/migrations.hpp"
#include "tests/support/test_db.hpp"
#include "tests/support/watchdog.hpp"

namespace kientao::testing {

using store::Conn;
using store::Database;

TEST(Store, MigrationsApplyOnceAndRecordTheirVersion) {
  TestDb tdb;
  Database db(tdb.url(), 2);
  auto first = store::Migrate(db, app::App::AllMigrations());
  EXPECT_EQ(first.applied.size(), app::App::AllMigrations().size());
  auto second = store::Migrate(db, app::App::AllMigrations());
  EXPECT_TRUE(second.applied.empty());
  auto applied = store::AppliedMigrations(db);
  EXPECT_EQ(applied.size(), first.applied.size());
}

TEST(Store, AFailingMigrationLeavesTheDatabaseAsItWas) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  std::vector<store::Migration> ms = {
      {"t", 1, "0001_ok", "CREATE TABLE good_one (id @ID@, name TEXT NOT NULL);\n"},
      {"t", 2, "0002_broken",
       "CREATE TABLE half_done (id @ID@);\nINSERT INTO good_one (nope) VALUES (1);\n"},
  };
  EXPECT_THROW(store::Migrate(db, ms), std::runtime_error);
  {
    Conn c = db.Lease();
    EXPECT_NO_THROW(c.Query("SELECT * FROM good_one"));
    EXPECT_THROW(c.Query("SELECT * FROM half_done"), store::DbError);
  }
  auto applied = store::AppliedMigrations(db);
  ASSERT_EQ(applied.size(), 1u);
  EXPECT_EQ(applied[0].second, 1);
}

TEST(Store, ValuesRoundTripIncludingVietnameseNullsAndMetaCharacters) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  Conn c = db.Lease();
  c.Exec(store::AdaptSql("CREATE TABLE v (id @ID@, s TEXT, n BIGINT, d DOUBLE PRECISION)",
                         c.backend()));
  std::string text = "Nguyễn Thị Ánh'; DROP TABLE v;-- \"%_\\";
  long long id = c.InsertId("INSERT INTO v (s, n, d) VALUES (:1, :2, :3) RETURNING id",
                            {text, 9007199254740993LL, 1.5});
  c.Exec("INSERT INTO v (s, n, d) VALUES (:1, :2, :3)",
         {store::Value(), store::Value(), store::Value()});
  auto r = c.QueryOne("SELECT s, n, d FROM v WHERE id = :1", {id});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Str(0), text);
  EXPECT_EQ(r->Int(1), 9007199254740993LL);
  EXPECT_DOUBLE_EQ(r->Num(2), 1.5);
  auto nulls = c.QueryOne("SELECT s, n FROM v WHERE s IS NULL");
  ASSERT_TRUE(nulls);
  EXPECT_TRUE(nulls->IsNull(0));
  EXPECT_TRUE(nulls->IsNull(1));
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM v")->Int(0), 2);
}

TEST(Store, ANumberedPlaceholderMayRepeatOnBothBackends) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  Conn c = db.Lease();
  c.Exec(store::AdaptSql("CREATE TABLE r (id @ID@, a TEXT, b TEXT, n BIGINT)", c.backend()));
  c.Exec("INSERT INTO r (a, b, n) VALUES (:2, :2, :1)", {7LL, std::string("x':2")});
  auto row = c.QueryOne("SELECT a, b, n FROM r WHERE a = :1 AND b = :1 AND n >= :2 AND n <= :2",
                        {std::string("x':2"), 7LL});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Str(0), "x':2");
  EXPECT_EQ(row->Str(1), "x':2");
  EXPECT_EQ(row->Int(2), 7);
  // A literal holding ":1" is not a placeholder.
  EXPECT_EQ(
      c.QueryOne("SELECT COUNT(*) FROM r WHERE a <> ':1' AND n = :1 AND n = :1", {7LL})->Int(0), 1);
  // Placeholders out of order, none repeated: each binds its own value, not the next by position.
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM r WHERE a = :2 AND n = :1", {7LL, std::string("x':2")})
                ->Int(0),
            1);
}

TEST(Store, ManyRowsAreWrittenInBulkWithTheirNullsOnBothBackends) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  Conn c = db.Lease();
  c.Exec(store::AdaptSql(
      "CREATE TABLE m (id @ID@, code TEXT NOT NULL, n BIGINT, w DOUBLE PRECISION, t TEXT)",
      c.backend()));
  std::vector<std::vector<store::Value>> rows;
  for (long long i = 0; i < 1234; ++i)  // more than two batches
    rows.push_back(
        {std::string("C-") + std::to_string(i), i % 3 == 0 ? store::Value{} : store::Value{i},
         i % 2 ? store::Value{i * 0.5} : store::Value{i},
         i % 5 == 0 ? store::Value{} : store::Value{std::string("Nguyễn ") + std::to_string(i)}});
  {
    store::Tx tx(c);
    c.ExecMany("INSERT INTO m (code, n, w, t) VALUES (:1, :2, :3, :4)", rows);
    tx.Commit();
  }
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM m")->Int(0), 1234);
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM m WHERE n IS NULL")->Int(0), 412);
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM m WHERE t IS NULL")->Int(0), 247);
  auto r = c.QueryOne("SELECT n, w, t FROM m WHERE code = 'C-1001'");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Int(0), 1001);
  EXPECT_DOUBLE_EQ(r->Num(1), 500.5);
  EXPECT_EQ(r->Str(2), "Nguyễn 1001");
  // A failing row fails the statement (the caller's transaction rolls it all back).
  c.Exec("CREATE UNIQUE INDEX m_code ON m (code)");
  store::Tx tx(c);
  EXPECT_THROW(c.ExecMany("INSERT INTO m (code) VALUES (:1)",
                          {{std::string("NEW-1")}, {std::string("C-5")}}),
               store::DbError);
}

TEST(Store, InsertManyWritesEveryRowInOrderWithNullsOnBothBackends) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  Conn c = db.Lease();
  c.Exec(store::AdaptSql(
      "CREATE TABLE m (id @ID@, code TEXT NOT NULL UNIQUE, n BIGINT, w DOUBLE PRECISION, t TEXT)",
      c.backend()));
  // 64 rows a statement on SQLite: full statements and a shorter last one.
  std::vector<std::vector<store::Value>> rows;
  for (long long i = 0; i < 1000; ++i)
    rows.push_back({std::string("C-") + std::to_string(i),
                    i % 3 == 0 ? store::Value{} : store::Value{i}, store::Value{i * 0.25},
                    i % 5 == 0 ? store::Value{} : store::Value{"Lê " + std::to_string(i)}});
  {
    store::Tx tx(c);
    c.InsertMany("INSERT INTO m (code, n, w, t)", rows);
    tx.Commit();
  }
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM m")->Int(0), 1000);
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM m WHERE n IS NULL")->Int(0), 334);
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM m WHERE t IS NULL")->Int(0), 200);
  // Ids follow the rows' order; the last row of the short statement is whole.
  auto last = c.QueryOne("SELECT code, n, w, t FROM m ORDER BY id DESC LIMIT 1");
  ASSERT_TRUE(last);
  EXPECT_EQ(last->Str(0), "C-999");
  EXPECT_TRUE(last->IsNull(1));  // 999 is a multiple of 3
  EXPECT_DOUBLE_EQ(last->Num(2), 249.75);
  EXPECT_EQ(last->Str(3), "Lê 999");
  EXPECT_EQ(c.QueryOne("SELECT code FROM m ORDER BY id LIMIT 1 OFFSET 640")->Str(0), "C-640");
  // A row that breaks a constraint fails the call; the caller's transaction rolls it all back.
  {
    store::Tx tx(c);
    EXPECT_THROW(
        c.InsertMany("INSERT INTO m (code, n, w, t)",
                     {{std::string("NEW-1"), store::Value{}, store::Value{}, store::Value{}},
                      {std::string("C-5"), store::Value{}, store::Value{}, store::Value{}}}),
        store::DbError);
  }
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM m")->Int(0), 1000);
}

TEST(Store, NumbersComeInBulkAcrossBatchesOnBothBackends) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  Conn c = db.Lease();
  c.Exec(store::AdaptSql("CREATE TABLE n (id @ID@, k BIGINT NOT NULL, w DOUBLE PRECISION NOT NULL)",
                         c.backend()));
  {
    store::Tx tx(c);
    for (long long i = 0; i < 5000; ++i)
      c.Exec("INSERT INTO n (k, w) VALUES (:1, :2)", {i % 7, i * 0.5});
    tx.Commit();
  }
  // More rows than one batch, a BIGINT and a DOUBLE column, a bound parameter used twice.
  auto cols =
      c.QueryNumbers("SELECT k, w FROM n WHERE k >= :1 AND k < :1 + 7 ORDER BY id", 2, {0LL});
  ASSERT_EQ(cols.size(), 2u);
  ASSERT_EQ(cols[0].size(), 5000u);
  ASSERT_EQ(cols[1].size(), 5000u);
  EXPECT_DOUBLE_EQ(cols[0][4999], 4999 % 7);
  EXPECT_DOUBLE_EQ(cols[1][4999], 4999 * 0.5);
  EXPECT_DOUBLE_EQ(cols[1][2048], 1024);  // past the first batches
  EXPECT_TRUE(c.QueryNumbers("SELECT k FROM n WHERE k > :1", 1, {100LL})[0].empty());
}

TEST(Store, UniqueAndForeignKeyViolationsAreRecognised) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  store::Migrate(db, app::App::AllMigrations());
  Conn c = db.Lease();
  c.Exec(
      "INSERT INTO org_units (code, name, kind, path, active_from, search_key, created_at, "
      "updated_at) "
      "VALUES ('HP', 'x', 'city', '/1/', '2025-07-01', 'x', 'now', 'now')");
  try {
    c.Exec(
        "INSERT INTO org_units (code, name, kind, path, active_from, search_key, created_at, "
        "updated_at) "
        "VALUES ('HP', 'y', 'city', '/2/', '2025-07-01', 'y', 'now', 'now')");
    FAIL() << "duplicate code accepted";
  } catch (const store::DbError& e) {
    EXPECT_TRUE(e.unique_violation) << e.what();
  }
  try {
    c.Exec(
        "INSERT INTO staff (commune_id, unit_id, full_name, sex, birth_date, citizen_id, category, "
        "position, "
        "start_date, status, search_key, sort_key, created_at, updated_at) VALUES (999, 999, 'a', "
        "'male', "
        "'1990-01-01', '000190000001', 'cadre', 'x', '2020-01-01', 'active', 'a', '00', 'now', "
        "'now')");
    FAIL() << "dangling foreign key accepted";
  } catch (const store::DbError& e) {
    EXPECT_TRUE(e.foreign_key_violation) << e.what();
  }
}

TEST(Store, ATransactionNotCommittedLeavesNothing) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  store::Migrate(db, app::App::AllMigrations());
  Conn c = db.Lease();
  {
    store::Tx tx(c);
    store::AppendAudit(c, {0, "", "t", "create", "x", "1", std::nullopt, std::nullopt, std::nullopt,
                           "", "", "", std::nullopt});
  }
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM audit_log")->Int(0), 0);
  EXPECT_EQ(c.QueryOne("SELECT last_seq FROM audit_head")->Int(0), 0);
}

// A service called by another while that one holds a connection (KpiService::RatedPeople →
// OrgService::ListStaff) leases again: on a pool of one connection it must get the one its thread
// holds, not wait for ever. Under a watchdog, so a regression fails instead of hanging the suite.
// The counters' per-process cache (CurrentCounter): this process's writes are seen at once —
// committed, rolled back, from another thread — and another process's (a second Database on the
// same data) within kCounterCacheAge.
TEST(Counters, ThisProcessReadsItsOwnWritesAtOnceAndAnotherProcesssWithinTheCacheAge) {
  TestDb tdb;
  Database db(tdb.url(), 2);
  store::Migrate(db, app::App::AllMigrations());
  long long start = store::CurrentCounter(db, "org");
  {
    Conn c = db.Lease();
    store::Tx tx(c);
    store::BumpCounter(c, "org");
    tx.Commit();
  }
  EXPECT_EQ(store::CurrentCounter(db, "org"), start + 1);
  {
    Conn c = db.Lease();
    store::Tx tx(c);
    store::BumpCounter(c, "org");
    // Read inside the transaction on its connection: its own bump.
    EXPECT_EQ(store::CurrentCounter(db, "org"), start + 2);
  }  // rolled back
  EXPECT_EQ(store::CurrentCounter(db, "org"), start + 1);
  std::thread([&] {
    Conn c = db.Lease();
    store::BumpCounter(c, "org");  // outside a transaction: visible when it returns
  }).join();
  EXPECT_EQ(store::CurrentCounter(db, "org"), start + 2);

  Database other(tdb.url(), 1);  // another server on the same database
  {
    Conn c = other.Lease();
    store::BumpCounter(c, "org");
  }
  std::this_thread::sleep_for(store::kCounterCacheAge + std::chrono::milliseconds(100));
  EXPECT_EQ(store::CurrentCounter(db, "org"), start + 3);
}

TEST(Pool, ANestedLeaseOnTheSameThreadGetsTheConnectionItHolds) {
  TestDb tdb;
  Database db(tdb.url(), 1, std::chrono::milliseconds(2000));
  store::Migrate(db, app::App::AllMigrations());
  WithinSeconds(20, [&] {
    Conn outer = db.Lease();
    store::Tx tx(outer);
    store::AppendAudit(outer, {0, "", "t", "create", "x", "1", std::nullopt, std::nullopt,
                               std::nullopt, "", "", "", std::nullopt});
    {
      Conn inner = db.Lease();  // would wait for ever on a pool of one
      // The same connection: it sees the outer transaction's uncommitted row.
      EXPECT_EQ(inner.QueryOne("SELECT COUNT(*) FROM audit_log")->Int(0), 1);
    }
    tx.Commit();
    EXPECT_EQ(outer.QueryOne("SELECT COUNT(*) FROM audit_log")->Int(0), 1);
  });
  EXPECT_EQ(db.Stats().nested, 1);
  EXPECT_EQ(db.Stats().in_use, 0);
}

TEST(Pool, ATransactionInsideAnotherIsASavepoint) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  Conn c = db.Lease();
  c.Exec("CREATE TABLE t (v INTEGER)");
  {
    store::Tx outer(c);
    c.Exec("INSERT INTO t (v) VALUES (1)");
    {
      Conn inner = db.Lease();
      store::Tx tx(inner);
      inner.Exec("INSERT INTO t (v) VALUES (2)");
      // not committed: its own write alone is undone
    }
    {
      Conn inner = db.Lease();
      store::Tx tx(inner);
      inner.Exec("INSERT INTO t (v) VALUES (3)");
      tx.Commit();  // kept, for the outer transaction to commit
    }
    EXPECT_EQ(c.QueryOne("SELECT COALESCE(SUM(v), 0) FROM t")->Int(0), 4);
    outer.Commit();
  }
  EXPECT_EQ(c.QueryOne("SELECT COALESCE(SUM(v), 0) FROM t")->Int(0), 4);
  {
    store::Tx outer(c);
    c.Exec("INSERT INTO t (v) VALUES (10)");
    {
      Conn inner = db.Lease();
      store::Tx tx(inner);
      inner.Exec("INSERT INTO t (v) VALUES (20)");
      tx.Commit();
    }
    // the outer one rolls back: the inner commit goes with it
  }
  EXPECT_EQ(c.QueryOne("SELECT COALESCE(SUM(v), 0) FROM t")->Int(0), 4);
}

TEST(Pool, ALeaseWaitsAtMostTheTimeoutThenAnswersBusy) {
  TestDb tdb;
  Database db(tdb.url(), 1, std::chrono::milliseconds(200));
  std::promise<void> held, release;
  auto release_fut = release.get_future();
  std::thread other([&] {
    Conn c = db.Lease();
    held.set_value();
    release_fut.wait();
  });
  held.get_future().wait();
  WithinSeconds(20, [&] {
    try {
      Conn c = db.Lease();
      ADD_FAILURE() << "a second connection was leased from a pool of one";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "GEN-0026");
      EXPECT_EQ(e.status(), 503);
    }
  });
  EXPECT_EQ(db.Stats().timeouts, 1);
  release.set_value();
  other.join();
  // Once it is given back, the next lease gets it.
  Conn c = db.Lease();
  EXPECT_EQ(c.QueryOne("SELECT 1")->Int(0), 1);
}

class AuditChain : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Database>(tdb_.url(), 1);
    store::Migrate(*db_, app::App::AllMigrations());
    Conn c = db_->Lease();
    for (int i = 1; i <= 5; ++i) {
      store::Tx tx(c);
      store::AppendAudit(c, {0, "", "vanphong", "update", "staff", std::to_string(i), 2,
                             "{\"a\":1}", "{\"a\":2}", "10.0.0.1", "", "", std::nullopt});
      tx.Commit();
    }
  }
  TestDb tdb_;
  std::unique_ptr<Database> db_;
};

TEST_F(AuditChain, AnIntactChainVerifies) {
  Conn c = db_->Lease();
  auto v = store::VerifyAudit(c);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, 5);
}

TEST_F(AuditChain, AChangedEntryIsFound) {
  Conn c = db_->Lease();
  c.Exec("UPDATE audit_log SET after_json = '{\"a\":3}' WHERE seq = 3");
  auto v = store::VerifyAudit(c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 3);
}

TEST_F(AuditChain, ADeletedEntryIsFound) {
  Conn c = db_->Lease();
  c.Exec("DELETE FROM audit_log WHERE seq = 2");
  auto v = store::VerifyAudit(c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 2);
}

TEST_F(AuditChain, RemovingTheNewestEntryIsFound) {
  Conn c = db_->Lease();
  c.Exec("DELETE FROM audit_log WHERE seq = 5");
  auto v = store::VerifyAudit(c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 5);
}

TEST_F(AuditChain, EveryBrokenEntryIsReportedNotOnlyTheFirst) {
  Conn c = db_->Lease();
  c.Exec("UPDATE audit_log SET after_json = '{\"a\":3}' WHERE seq = 2");
  c.Exec("UPDATE audit_log SET actor = 'ai-do' WHERE seq = 4");
  auto v = store::VerifyAudit(c);
  EXPECT_FALSE(v.ok);
  ASSERT_EQ(v.problems.size(), 2u);
  EXPECT_EQ(v.problems[0].seq, 2);
  EXPECT_EQ(v.problems[1].seq, 4);
}

// Someone with the database file deletes the newest entries and rewrites the head to match: the
// chain alone looks intact, the anchor printed earlier does not.
TEST_F(AuditChain, ARewoundLogIsCaughtByTheAnchorKeptElsewhere) {
  Conn c = db_->Lease();
  store::AuditAnchor anchor = store::AuditHead(c);
  EXPECT_EQ(anchor.seq, 5);
  EXPECT_EQ(store::ParseAuditAnchor(anchor.ToString())->hash, anchor.hash);
  EXPECT_FALSE(store::ParseAuditAnchor("5:xyz"));
  EXPECT_FALSE(store::ParseAuditAnchor(":" + anchor.hash));
  EXPECT_TRUE(store::VerifyAudit(c, anchor).ok);
  auto three = c.QueryOne("SELECT hash FROM audit_log WHERE seq = 3")->Str(0);
  c.Exec("DELETE FROM audit_log WHERE seq > 3");
  c.Exec("UPDATE audit_head SET last_seq = 3, last_hash = :1", {three});
  EXPECT_TRUE(store::VerifyAudit(c).ok);  // without the anchor the rewind is invisible
  auto v = store::VerifyAudit(c, anchor);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.problem.find("rewound"), std::string::npos) << v.problem;
}

// With a key outside the database each entry is sealed: a chain changed and recomputed from start
// to end (hashes and head all consistent) fails on the seals.
TEST_F(AuditChain, AChainRecomputedWithoutTheKeyFailsOnItsSeals) {
  store::SetAuditKey(std::string(32, 'k'));
  Conn c = db_->Lease();
  for (int i = 0; i < 3; ++i) {
    store::Tx tx(c);
    store::AppendAudit(c, {0, "", "vanphong", "update", "staff", "9", 2, "{\"a\":1}", "{\"a\":2}",
                           "10.0.0.1", "", "", std::nullopt});
    tx.Commit();
  }
  auto fine = store::VerifyAudit(c);
  EXPECT_TRUE(fine.ok) << fine.problem;
  EXPECT_EQ(fine.sealed, 3);
  // Rewrite entry 7 and recompute every hash after it, as someone without the key would.
  c.Exec("UPDATE audit_log SET after_json = '{\"a\":9}' WHERE seq = 7");
  std::string prev = c.QueryOne("SELECT hash FROM audit_log WHERE seq = 6")->Str(0);
  for (long long seq = 7; seq <= 8; ++seq) {
    auto e = store::ListAudit(c, {"", "", {}, seq + 1, 1}).front();
    e.prev_hash = prev;
    // The hash a forger recomputes: the same canonical form, published in the source.
    store::AuditEntry copy = e;
    store::Tx tx(c);
    c.Exec("DELETE FROM audit_log WHERE seq = :1", {seq});
    c.Exec("UPDATE audit_head SET last_seq = :1, last_hash = :2", {seq - 1, prev});
    store::SetAuditKey("");  // the forger has no key: appends unsealed…
    copy.seq = 0;
    store::AppendAudit(c, copy);
    tx.Commit();
    prev = store::AuditHead(c).hash;
    c.Exec("UPDATE audit_log SET mac = :1 WHERE seq = :2",
           {std::string(64, 'a'), seq});  // …and makes up a seal
  }
  store::SetAuditKey(std::string(32, 'k'));
  auto v = store::VerifyAudit(c);
  store::SetAuditKey("");
  EXPECT_FALSE(v.ok);
  ASSERT_GE(v.problems.size(), 2u);
  for (auto& p : v.problems) EXPECT_NE(p.problem.find("seal"), std::string::npos) << p.problem;
}

TEST(Backup, BackUpChangeRestoreCompare) {
  TestDb tdb;
  auto snapshot = [](Database& db) {
    Conn c = db.Lease();
    std::string s;
    for (auto& r : c.Query("SELECT seq, actor, entity_id, hash FROM audit_log ORDER BY seq"))
      s += r.Str(0) + "|" + r.Str(1) + "|" + r.Str(2) + "|" + r.Str(3) + "\n";
    return s;
  };
  std::string file = tdb.dir() + "/backup.kt";
  std::string before;
  {
    Database db(tdb.url(), 2);
    store::Migrate(db, app::App::AllMigrations());
    Conn c = db.Lease();
    for (int i = 0; i < 3; ++i) {
      store::Tx tx(c);
      store::AppendAudit(c, {0, "", "a", "create", "staff", std::to_string(i), std::nullopt,
                             std::nullopt, std::nullopt, "", "", "", std::nullopt});
      tx.Commit();
    }
    before = snapshot(db);
    store::Backup(db, file);
    store::Tx tx(c);
    store::AppendAudit(c, {0, "", "b", "create", "staff", "after-backup", std::nullopt,
                           std::nullopt, std::nullopt, "", "", "", std::nullopt});
    tx.Commit();
    EXPECT_NE(snapshot(db), before);
  }
  {
    Database db(tdb.url(), 1);
    store::Restore(db, file);
  }
  Database db(tdb.url(), 1);
  EXPECT_EQ(snapshot(db), before);
  Conn c = db.Lease();
  EXPECT_TRUE(store::VerifyAudit(c).ok);
}

TEST(Backup, RestoringSomethingThatIsNotABackupChangesNothing) {
  TestDb tdb;
  Database db(tdb.url(), 1);
  store::Migrate(db, app::App::AllMigrations());
  std::string junk = tdb.dir() + "/junk.kt";
  FILE* f = std::fopen(junk.c_str(), "w");
  std::fputs("not a database", f);
  std::fclose(f);
  EXPECT_THROW(store::Restore(db, junk), std::runtime_error);
  Conn c = db.Lease();
  EXPECT_EQ(c.QueryOne("SELECT COUNT(*) FROM schema_version")->Int(0),
            static_cast<long long>(app::App::AllMigrations().size()));
}

}  // namespace kientao::testing
