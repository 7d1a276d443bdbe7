#pragma once
// A sliding-window throttle: after `max_events` events within `window_seconds` for one key (an
// account's failed sign-ins, a remote address's survey answers, a kiosk's), further attempts for
// that key are refused until the oldest event leaves the window. Thread-safe.
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace kientao {

class Throttle {
 public:
  Throttle(int max_events, long window_seconds) : max_(max_events), window_(window_seconds) {}
  // Seconds until `key` may try again; 0 when it may try now.
  long RetryAfter(const std::string& key, long long now);
  void Record(const std::string& key, long long now);
  void Clear(const std::string& key);

 private:
  void Prune(std::deque<long long>& q, long long now) const;
  int max_;
  long window_;
  std::mutex mu_;
  std::map<std::string, std::deque<long long>> events_;
};

}  // namespace kientao
