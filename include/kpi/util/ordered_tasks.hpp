#pragma once
// Inputs handed over one at a time while they are being made (a stream cut into pieces),
// each turned into a result on `workers` threads; the results come back in the order the
// inputs were given. At most `window` inputs wait for a thread, so that a fast producer holds
// a few inputs in memory, never all of them. work must not throw. Generic: knows nothing of
// kpi-report.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace kpi::util {

template <typename Input, typename Result, typename Work>
class OrderedTasks {
 public:
  OrderedTasks(unsigned workers, std::size_t window, Work work)
      : window_(window < 1 ? 1 : window), work_(std::move(work)) {
    try {
      for (unsigned w = 0; w < workers; ++w) pool_.emplace_back([this] { serve(); });
    } catch (...) {  // no thread to be had: the inputs are worked on when given
    }
  }
  ~OrderedTasks() { stop(); }
  OrderedTasks(const OrderedTasks&) = delete;
  OrderedTasks& operator=(const OrderedTasks&) = delete;

  // Queues the next input; waits while `window` inputs are already waiting.
  void give(Input input) {
    std::unique_lock lock(mutex_);
    std::size_t index = results_.size();
    results_.emplace_back();
    if (pool_.empty()) {
      lock.unlock();
      Result result = work_(std::move(input));
      lock.lock();
      results_[index] = std::move(result);
      return;
    }
    room_.wait(lock, [&] { return waiting_.size() < window_; });
    waiting_.emplace_back(index, std::move(input));
    lock.unlock();
    ready_.notify_one();
  }

  // Every result, in the order of the inputs, once all are done.
  std::vector<Result> finish() {
    stop();
    std::vector<Result> out;
    out.reserve(results_.size());
    for (auto& result : results_) out.push_back(std::move(*result));
    results_.clear();
    return out;
  }

 private:
  void serve() {
    for (;;) {
      std::pair<std::size_t, Input> task;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
        if (waiting_.empty()) return;
        task = std::move(waiting_.front());
        waiting_.pop_front();
      }
      room_.notify_one();
      Result result = work_(std::move(task.second));
      std::lock_guard lock(mutex_);
      results_[task.first] = std::move(result);
    }
  }

  // Lets the threads finish what is queued, then joins them.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& thread : pool_) thread.join();
    pool_.clear();
  }

  std::size_t window_;
  Work work_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<std::pair<std::size_t, Input>> waiting_;
  std::deque<std::optional<Result>> results_;
  bool stopping_ = false;
  std::vector<std::thread> pool_;
};

}  // namespace kpi::util
