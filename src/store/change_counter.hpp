#pragma once
// Change counters: one per module, bumped inside every write transaction of the module. A cache
// stores the generation it was filled at and is valid while the counter has not moved, whichever
// process wrote.
#include <string>

#include "store/db.hpp"

namespace kientao::store {

// The counter's current value (0 when it has never been bumped).
long long ReadCounter(Conn& c, const std::string& name);
// Increments the counter; call inside the write's transaction.
void BumpCounter(Conn& c, const std::string& name);

}  // namespace kientao::store
