// The yardstick for the HTTP path (bench/RESULTS.md, issue 10): a bare Boost.Beast server with
// C++20 coroutines on one thread, answering every request with the same bytes — a file's contents
// as application/json, keep-alive — and doing nothing else: no routing, no authentication, no
// database. kientao's authenticated list is measured beside it with wrk, the same body served by
// both.
//   bare_server PORT BODY_FILE
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;

namespace {

asio::awaitable<void> Session(tcp::socket socket, const std::string& body) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
  for (;;) {
    bhttp::request<bhttp::string_body> req;
    auto [ec, n] = co_await bhttp::async_read(stream, buffer, req, kTuple);
    if (ec) break;
    bhttp::response<bhttp::string_body> res{bhttp::status::ok, req.version()};
    res.set(bhttp::field::content_type, "application/json");
    res.keep_alive(req.keep_alive());
    res.body() = body;
    res.prepare_payload();
    auto [wec, wn] = co_await bhttp::async_write(stream, res, kTuple);
    if (wec || !res.keep_alive()) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Accept(tcp::acceptor& acceptor, const std::string& body) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
    if (ec) continue;
    asio::co_spawn(acceptor.get_executor(), Session(std::move(socket), body), asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bare_server PORT BODY_FILE\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string body = ss.str();
  asio::io_context ioc(1);
  tcp::acceptor acceptor(
      ioc, {asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::stoi(argv[1]))});
  asio::co_spawn(ioc, Accept(acceptor, body), asio::detached);
  std::cout << "bare server on 127.0.0.1:" << argv[1] << ", " << body.size() << " bytes a request"
            << std::endl;
  ioc.run();
}
