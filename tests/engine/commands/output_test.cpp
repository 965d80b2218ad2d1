// open_output: standard output, special files written into, regular files
// replaced whole only when the output is complete, inputs never replaced.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <unistd.h>

#include "output.hpp"
#include "planlint/commands.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fresh directory of its own for each test.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("planlint-output-" + std::to_string(::getpid()));
  Scratch() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(output)

BOOST_AUTO_TEST_CASE(no_path_writes_to_the_stream_given) {
  std::ostringstream out, err;
  auto o = planlint::open_output("", {}, out, err);
  BOOST_TEST_REQUIRE(o);
  o->stream() << "report\n";
  BOOST_TEST(planlint::finish_output(*o, 1, err) == 1);
  BOOST_TEST(out.str() == "report\n");
  BOOST_TEST(err.str().empty());
}

BOOST_AUTO_TEST_CASE(a_failed_write_to_the_stream_is_exit_code_2) {
  std::ostringstream out, err;
  auto o = planlint::open_output("", {}, out, err);
  out.setstate(std::ios::badbit);
  BOOST_TEST(planlint::finish_output(*o, 0, err) == planlint::kExitError);
  BOOST_TEST(err.str().find("cannot write to standard output") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_file_is_replaced_only_on_commit) {
  Scratch s;
  const fs::path report = s.dir / "report.xml";
  std::ofstream(report) << "old";
  std::ostringstream out, err;
  auto o = planlint::open_output(report.string(), {}, out, err);
  BOOST_TEST_REQUIRE(o);
  o->stream() << "new";
  o->stream().flush();
  BOOST_TEST(slurp(report) == "old");  // a reader meanwhile finds the whole old report
  BOOST_TEST(planlint::finish_output(*o, 0, err) == 0);
  BOOST_TEST(slurp(report) == "new");
  BOOST_TEST(s.entries() == 1u);  // no temporary file left
  BOOST_TEST(out.str().empty());
}

BOOST_AUTO_TEST_CASE(an_output_given_up_leaves_the_old_file_and_no_temporary) {
  Scratch s;
  const fs::path report = s.dir / "report.xml";
  std::ofstream(report) << "old";
  {
    std::ostringstream out, err;
    auto o = planlint::open_output(report.string(), {}, out, err);
    BOOST_TEST_REQUIRE(o);
    o->stream() << "half";
  }
  BOOST_TEST(slurp(report) == "old");
  BOOST_TEST(s.entries() == 1u);
}

BOOST_AUTO_TEST_CASE(a_new_file_is_created) {
  Scratch s;
  std::ostringstream out, err;
  auto o = planlint::open_output((s.dir / "new.txt").string(), {}, out, err);
  BOOST_TEST_REQUIRE(o);
  o->stream() << "x";
  BOOST_TEST(planlint::finish_output(*o, 0, err) == 0);
  BOOST_TEST(slurp(s.dir / "new.txt") == "x");
}

BOOST_AUTO_TEST_CASE(an_input_is_never_the_output_even_through_a_link) {
  Scratch s;
  const fs::path plan = s.dir / "plan.txt";
  std::ofstream(plan) << "plan";
  fs::create_symlink(plan, s.dir / "link.txt");
  for (const auto& path : {plan, s.dir / "link.txt"}) {
    std::ostringstream out, err;
    BOOST_TEST(!planlint::open_output(path.string(), {plan.string()}, out, err));
    BOOST_TEST(err.str().find("would replace the input") != std::string::npos);
  }
  BOOST_TEST(slurp(plan) == "plan");
}

BOOST_AUTO_TEST_CASE(a_walked_file_is_known_by_the_identity_its_walk_saw) {
  Scratch s;
  fs::create_directories(s.dir / "plans");
  const fs::path plan = s.dir / "plans" / "plan.txt";
  std::ofstream(plan) << "plan";
  fs::create_hard_link(plan, s.dir / "hard.txt");
  const auto walked = planlint::expand_inputs({(s.dir / "plans").string()});
  BOOST_TEST_REQUIRE(walked.size() == 1u);
  BOOST_TEST_REQUIRE(walked[0].id.has_value());
  // The walk's identity alone finds the hard link: the path list is empty.
  std::ostringstream out, err;
  BOOST_TEST(!planlint::open_output((s.dir / "hard.txt").string(), {}, out, err, walked));
  BOOST_TEST(err.str().find("would replace the input " + plan.string()) != std::string::npos);
  // A file named without an identity is looked up by its path.
  const std::vector<planlint::InputFile> named{planlint::InputFile{plan.string(), {}}};
  std::ostringstream out2, err2;
  BOOST_TEST(!planlint::open_output((s.dir / "hard.txt").string(), {}, out2, err2, named));
  // Another file is not refused.
  std::ostringstream out3, err3;
  BOOST_TEST(planlint::open_output((s.dir / "report.xml").string(), {}, out3, err3, walked));
  BOOST_TEST(slurp(plan) == "plan");
}

BOOST_AUTO_TEST_CASE(a_directory_is_refused_in_one_line) {
  Scratch s;
  std::ostringstream out, err;
  BOOST_TEST(!planlint::open_output(s.dir.string(), {}, out, err));
  BOOST_TEST(err.str().find("is a directory") != std::string::npos);
  const std::string said = err.str();
  BOOST_TEST(std::count(said.begin(), said.end(), '\n') == 1);
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_refused_in_one_line) {
  Scratch s;
  std::ostringstream out, err;
  BOOST_TEST(!planlint::open_output((s.dir / "no" / "such" / "r.xml").string(), {}, out, err));
  BOOST_TEST(err.str().find("cannot create a temporary file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_device_is_written_into_and_kept) {
  std::ostringstream out, err;
  auto o = planlint::open_output("/dev/null", {}, out, err);
  BOOST_TEST_REQUIRE(o);
  o->stream() << "gone";
  BOOST_TEST(planlint::finish_output(*o, 0, err) == 0);
  BOOST_TEST(fs::is_character_file("/dev/null"));
}

BOOST_AUTO_TEST_CASE(a_full_device_is_exit_code_2) {
  if (!fs::exists("/dev/full")) return;
  std::ostringstream out, err;
  auto o = planlint::open_output("/dev/full", {}, out, err);
  BOOST_TEST_REQUIRE(o);
  o->stream() << std::string(1 << 16, 'x');
  BOOST_TEST(planlint::finish_output(*o, 0, err) == planlint::kExitError);
  BOOST_TEST(err.str().find("/dev/full") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
