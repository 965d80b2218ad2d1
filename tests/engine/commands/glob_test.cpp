// Globs of the configuration: fnmatch's syntax with wildcards stopping at
// `/`, `**` segments, and `?` as one character even when it is Chinese.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>

#include "glob.hpp"

namespace {

struct Case {
  std::string pattern, text;
  bool match;
};
std::ostream& operator<<(std::ostream& out, const Case& c) {
  return out << c.pattern << " ~ " << c.text << " → " << c.match;
}

const Case kGlobs[] = {
    {"task.*", "task.unit-missing", true},
    {"task.*", "target.unmeasured", false},
    {"*", "timeline.no-acceptance", true},
    {"t?sk.*", "task.unit-missing", true},
    {"*.txt", "a.txt", true},
    {"*.txt", "plans/a.txt", false},  // * stops at /
    {"plans/*.txt", "plans/a.txt", true},
    {"plans/*.txt", "plans/sub/a.txt", false},
    {"plans/**/*.txt", "plans/a.txt", true},  // ** is zero or more folders
    {"plans/**/*.txt", "plans/sub/deeper/a.txt", true},
    {"**/*.txt", "a.txt", true},
    {"**", "a/b/c.txt", true},
    {"a/**", "a/b/c.txt", true},
    {"**/b/**", "a/b/c.txt", true},
    {"**/b/**", "a/c/c.txt", false},
    {"a**.txt", "abc.txt", true},  // ** inside a segment is *
    {"a**.txt", "a/bc.txt", false},
    {"[abc].txt", "b.txt", true},
    {"[!abc].txt", "b.txt", false},
    {"[^abc].txt", "d.txt", true},
    {"[a-c]?.txt", "c9.txt", true},
    {"[]].txt", "].txt", true},
    {"\\*.txt", "*.txt", true},
    {"\\*.txt", "a.txt", false},
    {"方案?.txt", "方案一.txt", true},  // one code point, not one byte
    {"方案?.txt", "方案十一.txt", false},
    {"[一二三]、*", "二、任务", true},
    {"[一-三]*", "四", false},
    {"*方案*", "某区实施方案2021", true},
    {"a*b*c", "aXXbYYc", true},
    {"a*b*c", "aXXbYY", false},
    {".drafts/*", ".drafts/d.txt", true},
    {"*", ".hidden", true},  // dots are plain; hidden folders are the configuration's rule
    {"[abc", "[abc", true},  // a class never closed is literal (the configuration refuses it)
};

const Case kPaths[] = {
    {"archive", "archive/2020/old.txt", true},  // a folder matches what it holds
    {"archive/", "archive/old.txt", true},
    {"./archive", "archive/old.txt", true},
    {"/archive", "archive/old.txt", true},
    {"archive", "plans/archive.txt", false},
    {"archive", "plans/archive/old.txt", false},  // anchored at the config's folder
    {"**/archive", "plans/archive/old.txt", true},
    {"**/*.bak.txt", "plans/x.bak.txt", true},
    {"plans/*.txt", "plans/a.txt", true},
    {"plans/*.txt", "plans/sub/a.txt", false},
    {"*", "plans/sub/a.txt", true},  // matches the folder plans
};

}  // namespace

BOOST_AUTO_TEST_SUITE(globs)

BOOST_DATA_TEST_CASE(glob_match, boost::unit_test::data::make(kGlobs), c) {
  BOOST_TEST(planlint::glob_match(c.pattern, c.text) == c.match);
}

BOOST_DATA_TEST_CASE(path_glob_match, boost::unit_test::data::make(kPaths), c) {
  BOOST_TEST(planlint::path_glob_match(c.pattern, c.text) == c.match);
}

BOOST_AUTO_TEST_CASE(malformed_patterns_are_named) {
  BOOST_TEST(!planlint::glob_problem("plans/**/*.txt"));
  BOOST_TEST(!planlint::glob_problem("[]]"));
  BOOST_TEST(planlint::glob_problem("[abc").value() == "a [ with no ] to close it");
  BOOST_TEST(planlint::glob_problem("abc\\").value() == "a pattern ending in a lone \\");
  BOOST_TEST(planlint::glob_problem("").value() == "an empty pattern");
}

BOOST_AUTO_TEST_CASE(many_stars_do_not_take_exponential_time) {
  const std::string text(200, 'a');
  BOOST_TEST(!planlint::glob_match("*a*a*a*a*a*a*a*a*a*a*b", text));
  BOOST_TEST(!planlint::glob_match("**/**/**/**/**/**/**/x", "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/y"));
}

BOOST_AUTO_TEST_SUITE_END()
