#include "modules/auth/domain/throttle.hpp"

namespace kientao::auth {

void LoginThrottle::Prune(std::deque<long long>& q, long long now) const {
  while (!q.empty() && q.front() <= now - window_) q.pop_front();
}

long LoginThrottle::RetryAfter(const std::string& key, long long now) {
  std::lock_guard g(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  Prune(it->second, now);
  if (static_cast<int>(it->second.size()) < max_) return 0;
  return static_cast<long>(it->second.front() + window_ - now);
}

void LoginThrottle::Failure(const std::string& key, long long now) {
  std::lock_guard g(mu_);
  auto& q = failures_[key];
  Prune(q, now);
  q.push_back(now);
  // Bound memory under an address-spraying storm: forget keys whose failures have all expired.
  if (failures_.size() > 100000) {
    for (auto i = failures_.begin(); i != failures_.end();) {
      Prune(i->second, now);
      i = i->second.empty() ? failures_.erase(i) : std::next(i);
    }
  }
}

void LoginThrottle::Success(const std::string& key) {
  std::lock_guard g(mu_);
  failures_.erase(key);
}

}  // namespace kientao::auth
