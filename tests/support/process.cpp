#include "tests/support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kientao::testing {

const char* KientaoBinary() { return KIENTAO_BINARY; }

namespace {

std::vector<char*> Argv(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(KientaoBinary()));
  for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

std::string ReadAll(int fd) {
  std::string out;
  char buf[8192];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

int ExitCode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

CliResult RunKientao(const std::vector<std::string>& args, const std::string& input) {
  int in[2], out[2], err[2];
  if (::pipe(in) || ::pipe(out) || ::pipe(err)) throw std::runtime_error("pipe failed");
  auto argv = Argv(args);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  if (!input.empty()) {
    ssize_t ignored = ::write(in[1], input.data(), input.size());
    (void)ignored;
  }
  ::close(in[1]);
  // Read stderr in full after stdout; outputs here are small enough not to fill a pipe.
  CliResult r;
  r.out = ReadAll(out[0]);
  r.err = ReadAll(err[0]);
  ::close(out[0]);
  ::close(err[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.code = ExitCode(status);
  return r;
}

ServerProcess::ServerProcess(const std::string& db_url, const std::vector<std::string>& extra) {
  static int n = 0;
  err_file_ =
      "/tmp/kientao-server-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".log";
  int out[2];
  if (::pipe(out)) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = {"serve", "--db", db_url, "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto argv = Argv(args);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], 1);
    int errfd = ::open(err_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(errfd, 2);
    ::close(out[0]);
    ::close(out[1]);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  out_fd_ = out[0];
  std::string seen;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out_fd_, POLLIN, 0};
    if (::poll(&p, 1, 200) > 0) {
      char buf[512];
      ssize_t k = ::read(out_fd_, buf, sizeof buf);
      if (k <= 0) break;
      seen.append(buf, static_cast<size_t>(k));
      auto pos = seen.find("http://127.0.0.1:");
      if (pos != std::string::npos && seen.find('/', pos + 17) != std::string::npos) {
        port_ = std::stoi(seen.substr(pos + 17));
        return;
      }
    }
  }
  Stop(SIGKILL);
  throw std::runtime_error("the server did not start: " + seen + Log());
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop(SIGKILL);
  if (out_fd_ >= 0) ::close(out_fd_);
  ::unlink(err_file_.c_str());
}

int ServerProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return ExitCode(status);
}

std::string ServerProcess::Log() {
  std::ifstream in(err_file_);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

}  // namespace kientao::testing
