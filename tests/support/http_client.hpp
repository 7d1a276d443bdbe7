#pragma once
// A small blocking HTTP/1.1 client for tests over loopback: one keep-alive connection,
// Content-Length bodies (what kientao sends). Not for production use.
#include <map>
#include <string>

namespace kientao::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; Set-Cookie values joined by "\n"
  std::string body;
  std::string Header(const std::string& name) const;
};

class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}
  ~HttpClient();
  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::string& body = {}, std::map<std::string, std::string> headers = {});
  // Sends raw bytes on a new connection and reads until the server closes it (or `timeout_ms`).
  std::string Raw(const std::string& bytes, int timeout_ms = 5000);
  // Whether the last answer kept the connection open.
  bool connected() const { return fd_ >= 0; }
  void Close();

 private:
  void Connect();
  int port_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace kientao::testing
