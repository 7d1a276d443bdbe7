#pragma once
// Runs `body` on a thread and waits for it at most `seconds`: a body still running then is taken
// for a deadlock, and the test program stops with a message (a hung thread cannot be joined), so a
// regression fails the suite instead of hanging it until CI's timeout.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <thread>
#include <utility>

#include <gtest/gtest.h>

namespace kientao::testing {

template <typename F>
void WithinSeconds(int seconds, F&& body) {
  auto done = std::make_shared<std::promise<void>>();
  auto fut = done->get_future();
  std::thread t([done, body = std::forward<F>(body)]() mutable {
    body();
    done->set_value();
  });
  if (fut.wait_for(std::chrono::seconds(seconds)) != std::future_status::ready) {
    ADD_FAILURE() << "still waiting after " << seconds << " s: a deadlock";
    std::fprintf(stderr, "watchdog: still waiting after %d s (a deadlock); stopping\n", seconds);
    std::fflush(stderr);
    std::_Exit(2);
  }
  t.join();
}

}  // namespace kientao::testing
