#pragma once
// Prometheus metrics: requests by route and status, a latency histogram, open connections, database
// pool use. Thread-safe.
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace kientao::http {

class Metrics {
 public:
  static constexpr std::array<double, 11> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0};
  void Record(const std::string& method, const std::string& route, int status, double seconds);
  void ConnectionOpened() { ++open_connections_; }
  void ConnectionClosed() { --open_connections_; }
  long OpenConnections() const { return open_connections_.load(); }
  // A read answered on its I/O thread, or handed to the workers because it needed to wait.
  void ReadOnIoThread() { ++reads_inline_; }
  void HandedToWorkers() { ++reads_to_workers_; }
  // Extra gauges appended to the exposition (database pool), supplied by the app.
  void SetExtra(std::function<std::string()> extra) { extra_ = std::move(extra); }
  // The Prometheus text exposition format, version 0.0.4.
  std::string Render() const;

 private:
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, long long> requests_;
  std::array<long long, kBuckets.size() + 1> histogram_{};
  double latency_sum_ = 0;
  long long latency_count_ = 0;
  std::atomic<long> open_connections_{0};
  std::atomic<long long> reads_inline_{0};
  std::atomic<long long> reads_to_workers_{0};
  std::function<std::string()> extra_;
};

}  // namespace kientao::http
