#include "base/blocking.hpp"

namespace kientao {
namespace {
thread_local bool t_non_blocking = false;
}

NonBlockingScope::NonBlockingScope() : previous_(t_non_blocking) { t_non_blocking = true; }

NonBlockingScope::~NonBlockingScope() { t_non_blocking = previous_; }

void MayBlock() {
  if (t_non_blocking) throw WouldBlock{};
}

}  // namespace kientao
