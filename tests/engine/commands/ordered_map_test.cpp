// map_in_order: results in the order of the items, whatever order the
// threads finish in; few results waiting; failures stop the map and reach
// the caller.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "ordered_map.hpp"

using planlint::map_in_order;

BOOST_AUTO_TEST_SUITE(ordered_map)

BOOST_AUTO_TEST_CASE(results_come_in_the_order_of_the_items_for_any_number_of_threads) {
  for (const unsigned jobs : {1u, 2u, 3u, 8u, 64u}) {
    for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{500}}) {
      std::vector<std::size_t> emitted;
      map_in_order(
          count, jobs,
          [](std::size_t i) {
            // Later items finish first now and then.
            if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
            return i * 3;
          },
          [&](std::size_t r) { emitted.push_back(r); });
      BOOST_TEST_CONTEXT("jobs " << jobs << ", count " << count) {
        BOOST_TEST_REQUIRE(emitted.size() == count);
        for (std::size_t i = 0; i < count; ++i) BOOST_TEST(emitted[i] == i * 3);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_item_is_worked_on_once) {
  std::vector<std::atomic<int>> seen(1000);
  std::size_t emitted = 0;
  map_in_order(
      seen.size(), 4, [&](std::size_t i) { return ++seen[i]; }, [&](int) { ++emitted; });
  BOOST_TEST(emitted == seen.size());
  for (const auto& s : seen) BOOST_TEST(s.load() == 1);
}

BOOST_AUTO_TEST_CASE(emit_runs_on_the_calling_thread_only) {
  const auto caller = std::this_thread::get_id();
  bool elsewhere = false;
  map_in_order(
      200, 4, [](std::size_t i) { return i; },
      [&](std::size_t) { elsewhere = elsewhere || std::this_thread::get_id() != caller; });
  BOOST_TEST(!elsewhere);
}

BOOST_AUTO_TEST_CASE(no_item_is_claimed_far_ahead_of_the_next_one_emitted) {
  // The first item is slow: while nothing is emitted, the others may run
  // ahead only within the window (jobs × 16), so the results waiting stay few.
  const unsigned jobs = 4;
  std::atomic<std::size_t> highest{0};
  std::size_t ahead_when_the_first_is_done = 0;
  map_in_order(
      2000, jobs,
      [&](std::size_t i) {
        if (i == 0) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          ahead_when_the_first_is_done = highest.load();
        }
        std::size_t h = highest.load();
        while (i > h && !highest.compare_exchange_weak(h, i)) {
        }
        return i;
      },
      [](std::size_t) {});
  BOOST_TEST(ahead_when_the_first_is_done > 0u);  // the others did run meanwhile
  BOOST_TEST(ahead_when_the_first_is_done < std::size_t{jobs} * 16);
}

BOOST_AUTO_TEST_CASE(an_exception_in_work_reaches_the_caller_and_stops_the_map) {
  for (const unsigned jobs : {1u, 4u}) {
    std::atomic<std::size_t> worked{0};
    std::size_t emitted = 0;
    BOOST_CHECK_THROW(map_in_order(
                          10000, jobs,
                          [&](std::size_t i) {
                            ++worked;
                            if (i == 30) throw std::runtime_error("item 30");
                            return i;
                          },
                          [&](std::size_t) { ++emitted; }),
                      std::runtime_error);
    BOOST_TEST(emitted <= 30u);
    BOOST_TEST(worked.load() < 10000u);  // the rest were never claimed
  }
}

BOOST_AUTO_TEST_CASE(an_exception_in_emit_reaches_the_caller_after_the_threads_stop) {
  std::atomic<std::size_t> worked{0};
  BOOST_CHECK_THROW(map_in_order(
                        10000, 4,
                        [&](std::size_t i) {
                          ++worked;
                          return i;
                        },
                        [&](std::size_t r) {
                          if (r == 5) throw std::logic_error("emit 5");
                        }),
                    std::logic_error);
  BOOST_TEST(worked.load() < 10000u);
}

BOOST_AUTO_TEST_CASE(move_only_results_are_moved_through) {
  std::vector<int> got;
  map_in_order(
      50, 3, [](std::size_t i) { return std::make_unique<int>(static_cast<int>(i)); },
      [&](std::unique_ptr<int> p) { got.push_back(*p); });
  BOOST_TEST_REQUIRE(got.size() == 50u);
  for (int i = 0; i < 50; ++i) BOOST_TEST(got[static_cast<std::size_t>(i)] == i);
}

BOOST_AUTO_TEST_SUITE_END()
