#include "base/throttle.hpp"

namespace kientao {

void Throttle::Prune(std::deque<long long>& q, long long now) const {
  while (!q.empty() && q.front() <= now - window_) q.pop_front();
}

long Throttle::RetryAfter(const std::string& key, long long now) {
  std::lock_guard g(mu_);
  auto it = events_.find(key);
  if (it == events_.end()) return 0;
  Prune(it->second, now);
  if (static_cast<int>(it->second.size()) < max_) return 0;
  return static_cast<long>(it->second.front() + window_ - now);
}

void Throttle::Record(const std::string& key, long long now) {
  std::lock_guard g(mu_);
  auto& q = events_[key];
  Prune(q, now);
  q.push_back(now);
  // Bound memory under an address-spraying storm: forget keys whose events have all expired.
  if (events_.size() > 100000) {
    for (auto i = events_.begin(); i != events_.end();) {
      Prune(i->second, now);
      i = i->second.empty() ? events_.erase(i) : std::next(i);
    }
  }
}

void Throttle::Clear(const std::string& key) {
  std::lock_guard g(mu_);
  events_.erase(key);
}

}  // namespace kientao
