#define BOOST_TEST_MODULE planlint
#include <boost/test/unit_test.hpp>
