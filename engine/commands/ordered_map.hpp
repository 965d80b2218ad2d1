// An ordered parallel map: work on items 0..count-1 with several threads,
// results handed on in the order of the items.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace planlint {

/// Calls `work(i)` for every i below `count` on `jobs` threads and hands each
/// result to `emit` in the order of i, whatever order they finish in; `emit`
/// is only ever called on the calling thread, one result at a time. The
/// calling thread is one of the `jobs`: it works on items too, and emits the
/// results that are next in order between them, so that no more than `jobs`
/// threads compete for the cores. An item is claimed at most `jobs` × 16
/// places ahead of the next one to be emitted, so the results waiting stay
/// few, whatever `count` is. An exception thrown by `work` stops the claiming
/// of items and is rethrown here once every thread has stopped; a thread the
/// system will not start is one helper fewer.
template <typename Work, typename Emit>
void map_in_order(std::size_t count, unsigned jobs, Work&& work, Emit&& emit) {
  using Result = std::invoke_result_t<Work&, std::size_t>;
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) emit(work(i));
    return;
  }
  // An item is claimed at most `window` places ahead of the next one to be
  // emitted, so that the results waiting stay few.
  const std::size_t window = static_cast<std::size_t>(jobs) * 16;
  std::mutex mutex;
  std::condition_variable ready;  // the next result in order has come (or a failure)
  std::condition_variable room;   // the window has moved on (or the run ends)
  std::map<std::size_t, Result> finished;
  std::size_t next_claim = 0;
  std::size_t next_emit = 0;
  std::exception_ptr failure;
  bool emitter_waiting = false;  // the calling thread waits for the next result
  // Works on one claimed item and files its result; false after a failure.
  const auto work_and_file = [&](std::size_t index) {
    try {
      Result result = work(index);
      bool wake;
      {
        std::lock_guard lock(mutex);
        wake = emitter_waiting && index == next_emit;
        finished.emplace(index, std::move(result));
      }
      if (wake) ready.notify_one();
      return true;
    } catch (...) {
      {
        std::lock_guard lock(mutex);
        failure = std::current_exception();
      }
      ready.notify_one();
      room.notify_all();
      return false;
    }
  };
  auto worker = [&] {
    for (;;) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return next_claim >= count || failure || next_claim < next_emit + window; });
        if (next_claim >= count || failure) return;
        index = next_claim++;
      }
      if (!work_and_file(index)) return;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) {
    // A thread the system will not start is one helper fewer, not a crash:
    // this thread works on items too.
    try {
      threads.emplace_back(worker);
    } catch (const std::system_error&) {
      break;
    }
  }
  std::vector<Result> batch;
  while (next_emit < count) {
    std::optional<std::size_t> mine;
    {
      std::unique_lock lock(mutex);
      // Every result that is next in order, in one turn of the lock; else
      // an item to work on here; else wait for the next result.
      for (;;) {
        if (failure) break;
        for (auto it = finished.find(next_emit); it != finished.end() && it->first == next_emit;
             it = finished.erase(it)) {
          batch.push_back(std::move(it->second));
          ++next_emit;
        }
        if (!batch.empty()) break;
        if (next_claim < count && next_claim < next_emit + window) {
          mine = next_claim++;
          break;
        }
        emitter_waiting = true;
        ready.wait(lock, [&] { return failure || finished.count(next_emit) != 0; });
        emitter_waiting = false;
      }
      if (failure) break;
    }
    if (!batch.empty()) {
      room.notify_all();
      bool emitted = true;
      try {
        for (auto& result : batch) emit(std::move(result));
      } catch (...) {
        emitted = false;
        std::lock_guard lock(mutex);
        failure = std::current_exception();
      }
      batch.clear();
      if (!emitted) break;
    }
    if (mine && !work_and_file(*mine)) break;
  }
  {
    std::lock_guard lock(mutex);
    if (!failure && next_emit < count) failure = std::make_exception_ptr(std::runtime_error("map_in_order stopped"));
    next_claim = count;
  }
  room.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace planlint
