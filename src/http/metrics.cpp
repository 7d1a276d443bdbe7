#include "http/metrics.hpp"

#include <tuple>

#include <fmt/format.h>

#include "http/request.hpp"

namespace kientao::http {

void Metrics::Record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  std::lock_guard g(mu_);
  // The label takes the known methods only, so a client inventing methods cannot grow the series.
  ++requests_[{KnownMethod(method) ? method : "other", route, status}];
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  ++histogram_[i];
  latency_sum_ += seconds;
  ++latency_count_;
}

namespace {
std::string LabelEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}
}  // namespace

std::string Metrics::Render() const {
  std::string out;
  {
    std::lock_guard g(mu_);
    out +=
        "# HELP kientao_http_requests_total HTTP requests answered, by route pattern and status.\n";
    out += "# TYPE kientao_http_requests_total counter\n";
    for (auto& [key, n] : requests_) {
      auto& [method, route, status] = key;
      out += fmt::format(
          "kientao_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method,
          LabelEscape(route), status, n);
    }
    out +=
        "# HELP kientao_http_request_duration_seconds Time from request read to response ready.\n";
    out += "# TYPE kientao_http_request_duration_seconds histogram\n";
    long long cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += histogram_[i];
      out += fmt::format("kientao_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                         kBuckets[i], cumulative);
    }
    cumulative += histogram_[kBuckets.size()];
    out +=
        fmt::format("kientao_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", cumulative);
    out += fmt::format("kientao_http_request_duration_seconds_sum {}\n", latency_sum_);
    out += fmt::format("kientao_http_request_duration_seconds_count {}\n", latency_count_);
  }
  out += "# HELP kientao_http_open_connections Client connections open now.\n";
  out += "# TYPE kientao_http_open_connections gauge\n";
  out += fmt::format("kientao_http_open_connections {}\n", open_connections_.load());
  out +=
      "# HELP kientao_http_reads_on_io_thread_total Reads (GET, HEAD) answered on an I/O "
      "thread without waiting.\n";
  out += "# TYPE kientao_http_reads_on_io_thread_total counter\n";
  out += fmt::format("kientao_http_reads_on_io_thread_total {}\n", reads_inline_.load());
  out +=
      "# HELP kientao_http_reads_to_workers_total Reads handed to the worker pool because they "
      "needed to wait (the database).\n";
  out += "# TYPE kientao_http_reads_to_workers_total counter\n";
  out += fmt::format("kientao_http_reads_to_workers_total {}\n", reads_to_workers_.load());
  if (extra_) out += extra_();
  return out;
}

}  // namespace kientao::http
