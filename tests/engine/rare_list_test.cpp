// RareList: one pointer while empty, a vector's behaviour once filled, and a
// deep copy (a copied plan owns its lists).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "planlint/rare_list.hpp"

BOOST_AUTO_TEST_SUITE(rare_list)

BOOST_AUTO_TEST_CASE(reads_like_a_vector) {
  planlint::RareList<std::string> list;
  BOOST_TEST(list.empty());
  BOOST_TEST(list.size() == 0u);
  BOOST_TEST((list.begin() == list.end()));
  list.push_back("区科委");
  list.emplace_back("区市场监管局");
  BOOST_TEST(list.size() == 2u);
  BOOST_TEST(list[0] == "区科委");
  BOOST_TEST(list.back() == "区市场监管局");
  BOOST_TEST(list.at(1) == "区市场监管局");
  BOOST_CHECK_THROW(list.at(2), std::out_of_range);
  std::vector<std::string> seen(list.begin(), list.end());
  BOOST_TEST(seen.size() == 2u);
}

BOOST_AUTO_TEST_CASE(copies_are_deep_and_moves_leave_it_empty) {
  planlint::RareList<std::string> a = std::vector<std::string>{"一", "二"};
  planlint::RareList<std::string> b = a;
  b.push_back("三");
  BOOST_TEST(a.size() == 2u);
  BOOST_TEST(b.size() == 3u);
  planlint::RareList<std::string> c = std::move(b);
  BOOST_TEST(c.size() == 3u);
  BOOST_TEST(b.empty());  // a moved-from list is empty, not half-owned
  a = std::vector<std::string>{};
  BOOST_TEST(a.empty());
  a = c;
  BOOST_TEST(a.size() == 3u);
  BOOST_TEST(&a[0] != &c[0]);
}

BOOST_AUTO_TEST_SUITE_END()
