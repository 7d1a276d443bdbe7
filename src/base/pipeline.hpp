#pragma once
// Two stages on two cores: `produce` runs on a second thread and hands items, in batches, to
// `consume` on the calling thread (which keeps whatever it owns, such as a database connection
// and its transaction). Used by the imports: one core reads and checks the file while the other
// writes what was checked.
//
// RunPipeline(batch_size, produce, consume):
//   produce(emit)  — calls emit(T&&) for each item, in order;
//   consume(std::vector<T>&) — gets the items in the same order, batch by batch.
// At most a few batches wait between the two, so memory stays bounded whatever the input's size.
// An exception from either stage stops both and is rethrown on the calling thread (the
// consumer's first when both fail); nothing is consumed after the producer failed.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace kientao::pipeline {

namespace detail {

struct Cancelled {};  // unwinds the producer when the consumer has given up

template <typename T>
class Channel {
 public:
  explicit Channel(size_t max_waiting) : max_(max_waiting) {}

  void Push(std::vector<T> batch) {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return cancelled_ || waiting_.size() < max_; });
    if (cancelled_) throw Cancelled{};
    waiting_.push_back(std::move(batch));
    changed_.notify_all();
  }
  // False when the producer is done (or failed) and nothing is waiting.
  bool Pop(std::vector<T>& out) {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return done_ || !waiting_.empty(); });
    if (waiting_.empty() || failed_) return false;
    out = std::move(waiting_.front());
    waiting_.pop_front();
    changed_.notify_all();
    return true;
  }
  void Finish(std::exception_ptr error) {
    std::lock_guard lock(mu_);
    done_ = true;
    failed_ = error != nullptr;
    error_ = error;
    changed_.notify_all();
  }
  void Cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    changed_.notify_all();
  }
  std::exception_ptr Error() {
    std::lock_guard lock(mu_);
    return error_;
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::vector<T>> waiting_;
  size_t max_;
  bool done_ = false, failed_ = false, cancelled_ = false;
  std::exception_ptr error_;
};

}  // namespace detail

template <typename T, typename Produce, typename Consume>
void RunPipeline(size_t batch_size, Produce produce, Consume consume) {
  detail::Channel<T> channel(4);
  std::thread producer([&] {
    std::exception_ptr error;
    try {
      std::vector<T> batch;
      batch.reserve(batch_size);
      produce([&](T&& item) {
        batch.push_back(std::move(item));
        if (batch.size() >= batch_size) {
          channel.Push(std::move(batch));
          batch = {};
          batch.reserve(batch_size);
        }
      });
      if (!batch.empty()) channel.Push(std::move(batch));
    } catch (const detail::Cancelled&) {
    } catch (...) {
      error = std::current_exception();
    }
    channel.Finish(error);
  });
  std::exception_ptr consumer_error;
  try {
    std::vector<T> batch;
    while (channel.Pop(batch)) consume(batch);
  } catch (...) {
    consumer_error = std::current_exception();
    channel.Cancel();
  }
  producer.join();
  if (consumer_error) std::rethrow_exception(consumer_error);
  if (auto e = channel.Error()) std::rethrow_exception(e);
}

}  // namespace kientao::pipeline
