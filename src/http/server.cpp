#include "http/server.hpp"

#include <cerrno>
#include <chrono>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "base/blocking.hpp"

namespace kientao::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

struct Server::Impl {
  ServerOptions opts;
  Handler handler;
  Metrics* metrics;
  asio::thread_pool workers;
  std::atomic<bool> stopping{false};
  std::atomic<int> open_connections{0};

  // A log line that may repeat in a storm (accept failing while descriptors are exhausted):
  // written at most once per 10 s, with the number suppressed since.
  struct Throttled {
    std::mutex mu;
    std::chrono::steady_clock::time_point last{};
    long long suppressed = 0;
    template <typename... Args>
    void Warn(fmt::format_string<Args...> f, Args&&... args) {
      std::lock_guard g(mu);
      auto now = std::chrono::steady_clock::now();
      if (last != std::chrono::steady_clock::time_point{} &&
          now - last < std::chrono::seconds(10)) {
        ++suppressed;
        return;
      }
      std::string msg = fmt::format(f, std::forward<Args>(args)...);
      if (suppressed) msg += fmt::format(" ({} more like it not logged)", suppressed);
      spdlog::warn("{}", msg);
      last = now;
      suppressed = 0;
    }
  } accept_log, cap_log;

  // Open connections, so a stop can close the idle ones.
  struct Conn {
    beast::tcp_stream* stream;
    bool busy = false;
  };
  // One I/O thread with its own acceptor on the shared port (SO_REUSEPORT: the kernel spreads
  // connections). Its sessions, stop logic and connection list all run on that one thread, so no
  // socket is touched from another thread.
  struct Loop {
    asio::io_context ioc{1};
    tcp::acceptor acceptor{ioc};
    asio::steady_timer grace_timer{ioc};
    asio::steady_timer watcher{ioc};
    std::mutex conns_mu;
    std::list<Conn> conns;
  };
  std::vector<std::unique_ptr<Loop>> loops;
  std::unique_ptr<asio::signal_set> signals;

  Impl(ServerOptions o, Handler h, Metrics* m)
      : opts(std::move(o)),
        handler(std::move(h)),
        metrics(m),
        workers(static_cast<size_t>(opts.worker_threads)) {}

  static Request Convert(bhttp::request<bhttp::string_body>& r, const std::string& remote,
                         bool trust_forwarded) {
    std::map<std::string, std::string> headers;
    for (auto& f : r.base()) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, inserted] = headers.emplace(name, std::string(f.value()));
      if (!inserted) it->second += (name == "cookie" ? "; " : ", ") + std::string(f.value());
    }
    Request req = Request::Make(std::string(r.method_string()), std::string(r.target()),
                                std::move(r.body()), std::move(headers));
    req.remote_addr = remote;
    if (trust_forwarded && (remote == "127.0.0.1" || remote == "::1")) {
      std::string xff = req.Header("x-forwarded-for");
      auto comma = xff.rfind(',');
      std::string last = comma == std::string::npos ? xff : xff.substr(comma + 1);
      while (!last.empty() && last.front() == ' ') last.erase(0, 1);
      if (!last.empty()) req.remote_addr = last;
    }
    return req;
  }

  static bhttp::response<bhttp::string_body> ToBeast(Response& resp, unsigned version,
                                                     bool keep_alive, bool head) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(resp.status), version};
    res.set(bhttp::field::server, "kientao");
    res.set(bhttp::field::content_type, resp.content_type);
    for (auto& [k, v] : resp.headers) res.insert(k, v);
    res.keep_alive(keep_alive && !resp.close);
    if (head) {
      res.content_length(resp.body.size());
    } else {
      res.body() = std::move(resp.body);
      res.prepare_payload();
    }
    return res;
  }

  Response SimpleError(int status, const char* code, const char* message) {
    return Response::Json(
        std::string("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + message + "\"}}",
        status);
  }

  // The handler on this I/O thread, or nothing when it would have waited (it is then run again
  // from the start on a worker).
  std::optional<Response> TryWithoutBlocking(const Request& req) {
    NonBlockingScope scope;
    try {
      Response r = handler(req);
      if (metrics) metrics->ReadOnIoThread();
      return r;
    } catch (const WouldBlock&) {
      if (metrics) metrics->HandedToWorkers();
      return std::nullopt;
    }
  }

  awaitable<void> Session(Loop& loop, tcp::socket socket) {
    std::string remote;
    {
      boost::system::error_code ec;
      auto ep = socket.remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    beast::tcp_stream stream(std::move(socket));
    std::list<Conn>::iterator self;
    {
      std::lock_guard g(loop.conns_mu);
      loop.conns.push_front({&stream, false});
      self = loop.conns.begin();
    }
    if (metrics) metrics->ConnectionOpened();
    beast::flat_buffer buffer;
    for (;;) {
      // A connection accepted or kept alive after a stop began takes no further request.
      if (stopping.load()) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(opts.header_limit));
      parser.body_limit(opts.body_limit);
      stream.expires_after(opts.read_timeout);
      boost::system::error_code ec;
      std::size_t n = 0;
      std::tie(ec, n) = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      if (!ec && !parser.is_done()) {
        // Expect: 100-continue (RFC 9110 §10.1.1): the client waits for a go-ahead before it sends
        // the body; one too large is refused before it is sent.
        if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
          auto length = parser.content_length();
          if (length && *length > opts.body_limit) {
            ec = bhttp::error::body_limit;
          } else {
            bhttp::response<bhttp::empty_body> go_ahead{bhttp::status::continue_,
                                                        parser.get().version()};
            auto [wec, wn] = co_await bhttp::async_write(stream, go_ahead, kTuple);
            if (wec) ec = wec;
          }
        }
        if (!ec) std::tie(ec, n) = co_await bhttp::async_read(stream, buffer, parser, kTuple);
      }
      // A request that is refused before it reaches the router: answered, then the connection
      // closes. A read that ended without a request (the peer left) is not answered.
      Response err;
      if (ec == bhttp::error::body_limit) {
        err = SimpleError(413, "GEN-0007", "Dữ liệu gửi lên vượt quá giới hạn cho phép.");
      } else if (ec == bhttp::error::header_limit) {
        err = SimpleError(431, "GEN-0020", "Phần đầu yêu cầu quá lớn.");
      } else if (ec &&
                 ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
                 ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
        // Any other parse error (bad method, target, version, header or chunk).
        err = SimpleError(400, "GEN-0020", "Yêu cầu không hợp lệ.");
      } else if (!ec && parser.get().version() == 11 &&
                 parser.get().find(bhttp::field::host) == parser.get().end()) {
        // HTTP/1.1 requires Host (RFC 9112 §3.2).
        err = SimpleError(400, "GEN-0020", "Yêu cầu không hợp lệ: thiếu trường Host.");
      }
      if (err.status != 200) {
        err.close = true;
        auto res = ToBeast(err, 11, false, false);
        stream.expires_after(opts.read_timeout);
        co_await bhttp::async_write(stream, res, kTuple);
        if (metrics) metrics->Record("?", "(rejected)", err.status, 0);
        break;
      }
      if (ec) break;
      {
        std::lock_guard g(loop.conns_mu);
        self->busy = true;
      }
      auto& breq = parser.get();
      unsigned version = breq.version();
      bool keep_alive = breq.keep_alive() && !stopping.load();
      bool head = breq.method() == bhttp::verb::head;
      Request req = Convert(breq, remote, opts.trust_forwarded_for);
      // A read is first answered here if it needs nothing that waits (base/blocking.hpp);
      // blocking work (the database) runs on the worker pool, and the coroutine resumes on the
      // I/O thread.
      std::optional<Response> answered;
      if (opts.reads_on_io_thread && (head || breq.method() == bhttp::verb::get))
        answered = TryWithoutBlocking(req);
      // (Not a conditional expression around co_await: GCC 12 miscompiles that.)
      if (!answered)
        answered = co_await asio::co_spawn(
            workers, [this, &req]() -> awaitable<Response> { co_return handler(req); },
            use_awaitable);
      Response& resp = *answered;
      if (stopping.load()) keep_alive = false;
      auto res = ToBeast(resp, version, keep_alive, head);
      stream.expires_after(opts.read_timeout);
      auto [wec, wn] = co_await bhttp::async_write(stream, res, kTuple);
      {
        std::lock_guard g(loop.conns_mu);
        self->busy = false;
      }
      // A stop that began while this answer was being written closes the connection now.
      if (wec || !res.keep_alive() || stopping.load()) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    {
      std::lock_guard g(loop.conns_mu);
      loop.conns.erase(self);
    }
    --open_connections;
    if (metrics) metrics->ConnectionClosed();
  }

  // Over the connection cap: a short 503 and the connection closes.
  awaitable<void> Refuse(tcp::socket socket) {
    static const std::string kBody =
        "{\"error\":{\"code\":\"GEN-0026\",\"message\":\"Hệ thống đang bận. Vui lòng thử lại sau "
        "ít giây.\"}}";
    static const std::string kBusy =
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Type: application/json; "
        "charset=utf-8\r\nConnection: close\r\nContent-Length: " +
        std::to_string(kBody.size()) + "\r\n\r\n" + kBody;
    beast::tcp_stream stream(std::move(socket));
    stream.expires_after(std::chrono::seconds(2));
    co_await asio::async_write(stream, asio::buffer(kBusy), kTuple);
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    if (metrics) metrics->Record("?", "(rejected)", 503, 0);
  }

  awaitable<void> Accept(Loop& loop) {
    asio::steady_timer backoff(loop.ioc);
    auto pause = std::chrono::milliseconds(0);
    for (;;) {
      auto [ec, socket] = co_await loop.acceptor.async_accept(kTuple);
      if (ec) {
        if (stopping.load() || ec == asio::error::operation_aborted) co_return;
        // Out of file descriptors (or memory): the pending connection stays queued and accept
        // would fail again at once, spinning a core and flooding the log. Wait, longer each time
        // up to a second, while open connections finish.
        bool exhausted = ec == asio::error::no_descriptors || ec.value() == ENFILE ||
                         ec == asio::error::no_buffer_space || ec == asio::error::no_memory;
        accept_log.Warn("accept failed: {}{}", ec.message(),
                        exhausted ? "; waiting before accepting again" : "");
        if (exhausted) {
          pause = std::min(std::chrono::milliseconds(1000),
                           std::max(std::chrono::milliseconds(50), pause * 2));
          backoff.expires_after(pause);
          co_await backoff.async_wait(kTuple);
        }
        continue;
      }
      pause = std::chrono::milliseconds(0);
      if (open_connections.load() >= opts.max_connections) {
        cap_log.Warn("connection cap of {} reached: a new connection was answered 503",
                     opts.max_connections);
        asio::co_spawn(loop.ioc, Refuse(std::move(socket)), asio::detached);
        continue;
      }
      socket.set_option(tcp::no_delay(true));
      ++open_connections;  // counted here, so connections accepted together cannot pass the cap
      asio::co_spawn(loop.ioc, Session(loop, std::move(socket)), asio::detached);
    }
  }

  // Called on any thread: each loop stops itself on its own thread.
  void BeginStop() {
    if (stopping.exchange(true)) return;
    spdlog::info("stopping: finishing requests in flight");
    for (auto& l : loops) asio::post(l->ioc, [this, &loop = *l] { StopLoop(loop); });
  }

  void StopLoop(Loop& loop) {
    boost::system::error_code ec;
    loop.acceptor.close(ec);
    if (signals && &loop == loops.front().get()) signals->cancel(ec);
    {
      std::lock_guard g(loop.conns_mu);
      for (auto& c : loop.conns)
        if (!c.busy) c.stream->socket().cancel(ec);
    }
    loop.grace_timer.expires_after(opts.shutdown_grace);
    loop.grace_timer.async_wait([&loop](boost::system::error_code e) {
      if (!e) {
        spdlog::warn("stop grace period over; closing remaining connections");
        loop.ioc.stop();
      }
    });
  }

  // Once stopping and every session of the loop has ended, the grace timer is cancelled and run()
  // returns.
  void Watch(Loop& loop) {
    loop.watcher.expires_after(std::chrono::milliseconds(50));
    loop.watcher.async_wait([this, &loop](boost::system::error_code e) {
      if (e) return;
      if (stopping.load()) {
        std::lock_guard g(loop.conns_mu);
        if (loop.conns.empty()) {
          loop.grace_timer.cancel();
          return;
        }
      }
      Watch(loop);
    });
  }
};

Server::Server(ServerOptions opts, Handler handler, Metrics* metrics)
    : impl_(std::make_unique<Impl>(std::move(opts), std::move(handler), metrics)) {}

Server::~Server() { impl_->workers.join(); }

void Server::Stop() { impl_->BeginStop(); }

int Server::Run(const std::function<void(unsigned short)>& on_listening) {
  auto& im = *impl_;
  boost::system::error_code ec;
  auto addr = asio::ip::make_address(im.opts.host, ec);
  if (ec) throw std::runtime_error("listen address is not an IP address: " + im.opts.host);
  unsigned short port = im.opts.port;
  using reuse_port = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;
  int count = std::max(1, im.opts.io_threads);
  for (int i = 0; i < count; ++i) {
    auto loop = std::make_unique<Impl::Loop>();
    tcp::endpoint ep(addr, port);
    loop->acceptor.open(ep.protocol());
    loop->acceptor.set_option(asio::socket_base::reuse_address(true));
    loop->acceptor.set_option(reuse_port(true));
    loop->acceptor.bind(ep, ec);
    if (ec)
      throw std::runtime_error("cannot listen on " + im.opts.host + ":" + std::to_string(port) +
                               ": " + ec.message());
    loop->acceptor.listen(asio::socket_base::max_listen_connections);
    port = loop->acceptor.local_endpoint().port();  // the first picks the port when asked for 0
    im.loops.push_back(std::move(loop));
  }
  im.signals = std::make_unique<asio::signal_set>(im.loops.front()->ioc, SIGINT, SIGTERM);
  im.signals->async_wait([&im](boost::system::error_code e, int) {
    if (!e) im.BeginStop();
  });
  for (auto& l : im.loops) {
    asio::co_spawn(l->ioc, im.Accept(*l), asio::detached);
    im.Watch(*l);
  }
  if (on_listening) on_listening(port);
  std::vector<std::thread> threads;
  for (size_t i = 1; i < im.loops.size(); ++i)
    threads.emplace_back([&l = *im.loops[i]] { l.ioc.run(); });
  im.loops.front()->ioc.run();
  for (auto& t : threads) t.join();
  im.workers.join();
  return 0;
}

}  // namespace kientao::http
