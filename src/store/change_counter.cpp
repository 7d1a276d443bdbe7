#include "store/change_counter.hpp"

namespace kientao::store {

long long ReadCounter(Conn& c, const std::string& name) {
  auto r = c.QueryOne("SELECT generation FROM change_counters WHERE name = :1", {name});
  return r ? r->Int(0) : 0;
}

void BumpCounter(Conn& c, const std::string& name) {
  c.Exec("UPDATE change_counters SET generation = generation + 1 WHERE name = :1", {name});
  c.NoteCounterBumped();
}

long long CurrentCounter(Database& db, const std::string& name) {
  Database::CounterCache& cache = db.counter_cache();
  auto now = std::chrono::steady_clock::now();
  // Taken before reading: a write that ends while we read moves it, so what we store is not reused.
  long long epoch = cache.epoch.load();
  {
    std::lock_guard lock(cache.mu);
    auto it = cache.entries.find(name);
    if (it != cache.entries.end() && it->second.epoch == epoch &&
        now - it->second.read_at < kCounterCacheAge)
      return it->second.value;
  }
  long long value;
  {
    Conn c = db.Lease();
    value = ReadCounter(c, name);
  }
  std::lock_guard lock(cache.mu);
  cache.entries[name] = {value, now, epoch};
  return value;
}

}  // namespace kientao::store
