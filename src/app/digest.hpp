#pragma once
// The daily reminder digest: for each account with an e-mail address, its overdue and due-soon
// tasks and the reports its units have not sent for the last closed month — the same lists as the
// "My tasks" and "Periodic reports" pages — sent by e-mail when [smtp] is configured.
#include <string>
#include <vector>

#include "app/app.hpp"

namespace kientao::app {

struct Digest {
  std::string username;
  std::string email;
  std::string subject;
  std::string body;   // plain text, Vietnamese
  bool empty = true;  // nothing to remind of
};

// Digests of every account with an e-mail address, as of `today`.
std::vector<Digest> BuildDigests(App& app, Date today);
// Sends the non-empty digests through cfg's SMTP server (libcurl); returns how many were sent.
// Throws std::runtime_error naming the recipient and libcurl's message when sending fails.
int SendDigests(const Config& cfg, const std::vector<Digest>& digests);

}  // namespace kientao::app
