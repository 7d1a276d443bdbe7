#pragma once
// Runs the real kientao binary for tests: one-off CLI verbs, and `serve` as a child process on a
// free loopback port.
#include <string>
#include <vector>

namespace kientao::testing {

// Path of the kientao binary under test (set by CMake).
const char* KientaoBinary();

struct CliResult {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs `kientao ARGS…` with `input` on standard input; waits for it to end.
CliResult RunKientao(const std::vector<std::string>& args, const std::string& input = {});

class ServerProcess {
 public:
  // Starts `kientao serve --db URL --listen 127.0.0.1:0 ARGS…` and waits until it prints its
  // address.
  explicit ServerProcess(const std::string& db_url, const std::vector<std::string>& extra = {});
  ~ServerProcess();
  int port() const { return port_; }
  int pid() const { return pid_; }
  // Sends `signal` and waits; returns the exit status (128 + signal when killed by it).
  int Stop(int signal = 15);
  // Everything the server wrote to standard error so far (after Stop: all of it).
  std::string Log();

 private:
  int pid_ = -1;
  int port_ = 0;
  int out_fd_ = -1;
  std::string err_file_;
};

}  // namespace kientao::testing
