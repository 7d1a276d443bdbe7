#pragma once
// The HTTP/1.1 server (Boost.Beast + Asio, C++20 coroutines). Keep-alive, a timeout on every read,
// header and body limits (413), handlers run on a worker pool so blocking database work never
// stalls the I/O threads (a read that needs nothing that waits is answered on its I/O thread), and
// a graceful stop on SIGINT/SIGTERM: stop accepting, finish in-flight requests, close idle
// connections, return from Run().
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "http/metrics.hpp"
#include "http/request.hpp"

namespace kientao::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int io_threads = 2;          // I/O threads, each with its own acceptor on the port
  int worker_threads = 4;
  std::chrono::milliseconds read_timeout{15000};
  std::chrono::milliseconds shutdown_grace{10000};
  size_t header_limit = 16 * 1024;
  size_t body_limit = 1024 * 1024;
  // Behind a reverse proxy on the same machine: take the client address from the last
  // X-Forwarded-For hop when the peer is loopback (for login throttling, the audit log and
  // /metrics).
  bool trust_forwarded_for = false;
  // Open connections at most (all I/O threads together): one more is answered 503 with
  // Retry-After and closed, so file descriptors never run out under a flood.
  int max_connections = 1000;
  // Try a GET or HEAD on its I/O thread first; it goes to the workers at the first thing that
  // would wait (a database connection: base/blocking.hpp). Saves two thread switches per request
  // answered from memory.
  bool reads_on_io_thread = true;
};

class Server {
 public:
  using Handler = std::function<Response(const Request&)>;
  Server(ServerOptions opts, Handler handler, Metrics* metrics);
  ~Server();
  // Binds, calls `on_listening` with the bound port, serves until a stop signal, then drains.
  // Returns 0 after a clean stop. Throws std::runtime_error when it cannot bind.
  int Run(const std::function<void(unsigned short)>& on_listening);
  // Starts the graceful stop from any thread (as SIGTERM does).
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kientao::http
