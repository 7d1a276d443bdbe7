#pragma once
// Change counters: one per module, bumped inside every write transaction of the module. A cache
// stores the generation it was filled at and is valid while the counter has not moved, whichever
// process wrote.
#include <chrono>
#include <string>

#include "store/db.hpp"

namespace kientao::store {

// The counter's current value (0 when it has never been bumped).
long long ReadCounter(Conn& c, const std::string& name);
// Increments the counter; call inside the write's transaction.
void BumpCounter(Conn& c, const std::string& name);

// How long CurrentCounter reuses a value it read: the longest another process's write can go
// unseen.
inline constexpr std::chrono::milliseconds kCounterCacheAge{1000};
// The counter through this process's cache, without a connection when the value is fresh: reused
// for kCounterCacheAge unless a write of this process that bumped a counter of `db` has ended since
// it was read, so this process always reads its own writes; another process's write is seen within
// kCounterCacheAge. For caches of lists read on every request (the staff list).
long long CurrentCounter(Database& db, const std::string& name);

}  // namespace kientao::store
