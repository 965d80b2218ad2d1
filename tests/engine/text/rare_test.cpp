// Rare<T>: reads as an empty T until written, one allocation once written,
// and a deep copy (a copied section owns its lists).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "planlint/rare.hpp"

namespace {

struct Lists {
  std::vector<std::string> units;
  std::vector<int> numbers;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rare)

BOOST_AUTO_TEST_CASE(reads_as_empty_until_written) {
  planlint::Rare<Lists> lists;
  BOOST_TEST(!lists.has_value());
  BOOST_TEST(lists.get().units.empty());
  BOOST_TEST(lists.get().numbers.empty());
  BOOST_TEST(!lists.has_value());  // reading makes nothing
  lists.make().units.push_back("区科委");
  lists.make().units.emplace_back("区市场监管局");
  BOOST_TEST(lists.has_value());
  BOOST_TEST(lists.get().units.size() == 2u);
  BOOST_TEST(lists.get().units.back() == "区市场监管局");
  BOOST_TEST(&lists.get() == &lists.make());  // made once
}

BOOST_AUTO_TEST_CASE(empty_values_are_shared_and_stay_empty) {
  planlint::Rare<Lists> a;
  planlint::Rare<Lists> b;
  BOOST_TEST(&a.get() == &b.get());
  b.make().numbers.push_back(7);
  BOOST_TEST(a.get().numbers.empty());
  BOOST_TEST(&a.get() != &b.get());
}

BOOST_AUTO_TEST_CASE(copies_are_deep_and_moves_leave_it_empty) {
  planlint::Rare<Lists> a;
  a.make().units = {"一", "二"};
  planlint::Rare<Lists> b = a;
  b.make().units.push_back("三");
  BOOST_TEST(a.get().units.size() == 2u);
  BOOST_TEST(b.get().units.size() == 3u);
  planlint::Rare<Lists> c = std::move(b);
  BOOST_TEST(c.get().units.size() == 3u);
  BOOST_TEST(!b.has_value());  // NOLINT(bugprone-use-after-move): a moved-from value is empty
  a = c;
  BOOST_TEST(a.get().units.size() == 3u);
  BOOST_TEST(&a.get().units[0] != &c.get().units[0]);
  planlint::Rare<Lists> empty;
  a = empty;
  BOOST_TEST(!a.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
