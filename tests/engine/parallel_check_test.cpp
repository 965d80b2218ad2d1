// `planlint check -jN`: whatever the number of threads, the report, the
// messages on standard error and the exit code are those of -j1, byte for
// byte (files are reported in the order given, whichever finishes first).
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "planlint/commands.hpp"

namespace {

struct Run {
  int status = 0;
  std::string out, err;
};

Run check(const std::vector<std::string>& inputs, unsigned jobs, planlint::Format format) {
  planlint::Options options;
  options.command = "check";
  options.inputs = inputs;
  options.format = format;
  options.color = planlint::ColorMode::never;
  options.jobs = jobs;
  std::istringstream in;
  std::ostringstream out, err;
  Run r;
  r.status = planlint::run_check(options, in, out, err, false);
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// The fixture plans and layouts, a file that cannot be read and one that is
/// not text among them, the whole list three times over: more files than
/// any thread count below, finishing at different times.
std::vector<std::string> inputs() {
  std::vector<std::string> one{"fixtures/plans",       "fixtures/bad/no-such-file.txt",
                               "fixtures/layouts",     "fixtures/bad/binary.bin",
                               "fixtures/user-rules/../plans/beichen-ip-pilot-2022.txt"};
  std::vector<std::string> all;
  for (int i = 0; i < 3; ++i) all.insert(all.end(), one.begin(), one.end());
  return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parallel_check)

BOOST_AUTO_TEST_CASE(reports_do_not_depend_on_the_number_of_threads) {
  for (const auto format : {planlint::Format::xml, planlint::Format::text}) {
    const Run one = check(inputs(), 1, format);
    BOOST_TEST_REQUIRE(one.status == planlint::kExitError);  // the unreadable files
    BOOST_TEST(one.out.find("fixtures/layouts/chapters.txt") != std::string::npos);
    BOOST_TEST(one.err.find("no-such-file.txt: error: no such file") != std::string::npos);
    for (const unsigned jobs : {2u, 3u, 8u}) {
      const Run many = check(inputs(), jobs, format);
      BOOST_TEST(many.status == one.status, "-j" << jobs);
      BOOST_TEST(many.out == one.out, "-j" << jobs << ": the report differs from -j1");
      BOOST_TEST(many.err == one.err, "-j" << jobs << ": standard error differs from -j1");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
