#include "store/change_counter.hpp"

namespace kientao::store {

long long ReadCounter(Conn& c, const std::string& name) {
  auto r = c.QueryOne("SELECT generation FROM change_counters WHERE name = :1", {name});
  return r ? r->Int(0) : 0;
}

void BumpCounter(Conn& c, const std::string& name) {
  c.Exec("UPDATE change_counters SET generation = generation + 1 WHERE name = :1", {name});
}

}  // namespace kientao::store
