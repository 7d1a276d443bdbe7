#include "tests/support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace kientao::testing {

std::string HttpResponse::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

HttpClient::~HttpClient() { Close(); }

void HttpClient::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  buffer_.clear();
}

void HttpClient::Connect() {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    Close();
    throw std::runtime_error("cannot connect to port " + std::to_string(port_));
  }
}

namespace {
void SendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed");
    sent += static_cast<size_t>(n);
  }
}
}  // namespace

HttpResponse HttpClient::Send(const std::string& method, const std::string& target,
                              const std::string& body, std::map<std::string, std::string> headers) {
  if (fd_ < 0) Connect();
  std::string req =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH")
    headers.emplace("Content-Length", std::to_string(body.size()));
  for (auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  req += "\r\n" + body;
  SendAll(fd_, req);
  auto fill = [this]() {
    char buf[65536];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) throw std::runtime_error("connection closed before the answer was complete");
    buffer_.append(buf, static_cast<size_t>(n));
  };
  size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) fill();
  HttpResponse r;
  std::string head = buffer_.substr(0, end);
  buffer_.erase(0, end + 4);
  size_t line_end = head.find("\r\n");
  r.status = std::stoi(head.substr(9, 3));
  size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    size_t e = head.find("\r\n", pos);
    if (e == std::string::npos) e = head.size();
    std::string line = head.substr(pos, e - pos);
    auto colon = line.find(':');
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    auto [it, inserted] = r.headers.emplace(name, value);
    if (!inserted) it->second += "\n" + value;
    pos = e + 2;
  }
  size_t len = std::stoul(r.Header("content-length").empty() ? "0" : r.Header("content-length"));
  if (method != "HEAD") {
    while (buffer_.size() < len) fill();
    r.body = buffer_.substr(0, len);
    buffer_.erase(0, len);
  }
  if (r.Header("connection") == "close") Close();
  return r;
}

std::string HttpClient::Raw(const std::string& bytes, int timeout_ms) {
  Close();
  Connect();
  SendAll(fd_, bytes);
  std::string out;
  for (;;) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) break;
    char buf[65536];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  Close();
  return out;
}

}  // namespace kientao::testing
