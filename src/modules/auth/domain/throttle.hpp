#pragma once
// Login throttling: after `max_failures` failed logins within `window_seconds` for one key (an
// account or a remote address), further attempts for that key are refused until the oldest failure
// leaves the window. Thread-safe.
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace kientao::auth {

class LoginThrottle {
 public:
  LoginThrottle(int max_failures, long window_seconds)
      : max_(max_failures), window_(window_seconds) {}
  // Seconds until `key` may try again; 0 when it may try now.
  long RetryAfter(const std::string& key, long long now);
  void Failure(const std::string& key, long long now);
  void Success(const std::string& key);

 private:
  void Prune(std::deque<long long>& q, long long now) const;
  int max_;
  long window_;
  std::mutex mu_;
  std::map<std::string, std::deque<long long>> failures_;
};

}  // namespace kientao::auth
