#include "base/clock.hpp"

#include <atomic>
#include <chrono>
#include <ctime>
#include <memory>
#include <mutex>

namespace kientao {

namespace {

constexpr long long kVietnamOffset = 7 * 3600;

long long RealUnix() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string Format(long long unix_seconds, const char* pattern) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, pattern, &tm);
  return buf;
}

}  // namespace

Clock Clock::System() { return Clock(); }

Clock Clock::Pinned(Date day) {
  Clock c;
  c.pinned_ = day;
  c.pinned_at_real_ = RealUnix();
  long long time_of_day = (c.pinned_at_real_ + kVietnamOffset) % 86400;
  c.pinned_start_ = day.DaysSinceEpoch() * 86400LL - kVietnamOffset + time_of_day;
  return c;
}

long long Clock::NowUnix() const {
  long long real = RealUnix();
  if (!pinned_) return real;
  long long last_second = pinned_->DaysSinceEpoch() * 86400LL - kVietnamOffset + 86399;
  long long now = pinned_start_ + (real - pinned_at_real_);
  return now < last_second ? now : last_second;
}

Date Clock::Today() const {
  if (pinned_) return *pinned_;
  long long local = NowUnix() + kVietnamOffset;
  return Date::FromDaysSinceEpoch(static_cast<long>(local / 86400));
}

std::string Clock::NowIsoUtc() const { return Format(NowUnix(), "%Y-%m-%dT%H:%M:%SZ"); }

std::string Clock::NowIsoVn() const {
  return Format(NowUnix() + kVietnamOffset, "%Y-%m-%dT%H:%M:%S+07:00");
}

namespace clock {

namespace {
// Installed once at start and replaced only by tests between suites; readers take a shared
// reference so a replacement never frees a clock in use.
std::mutex g_mutex;
std::shared_ptr<const Clock> g_clock = std::make_shared<const Clock>(Clock::System());
}  // namespace

void Install(const Clock& c) {
  auto next = std::make_shared<const Clock>(c);
  std::lock_guard lock(g_mutex);
  g_clock = std::move(next);
}

const Clock& Current() {
  // A thread keeps the clock it last read alive until it reads again.
  thread_local std::shared_ptr<const Clock> mine;
  std::lock_guard lock(g_mutex);
  mine = g_clock;
  return *mine;
}

}  // namespace clock

}  // namespace kientao
