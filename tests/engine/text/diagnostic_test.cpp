// Findings are reported by file, line, column and rule id; findings that tie
// keep the order the rules gave them.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "planlint/diagnostic.hpp"

namespace {

planlint::Diagnostic at(std::uint32_t line, std::uint32_t column, std::string rule, std::string message) {
  return planlint::Diagnostic{"plan.txt", {line, column}, std::move(rule), planlint::Severity::error,
                              std::move(message), ""};
}

std::vector<std::string> messages(const std::vector<planlint::Diagnostic>& list) {
  std::vector<std::string> out;
  for (const auto& d : list) out.push_back(d.message);
  return out;
}

/// The list as a file's findings come out: through a queue, sorted.
std::vector<planlint::Diagnostic> sorted(const std::vector<planlint::Diagnostic>& list) {
  planlint::DiagnosticQueue queue;
  for (const auto& d : list) queue.report(d);
  return queue.take_sorted();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(diagnostics)

BOOST_AUTO_TEST_CASE(sorted_by_place_then_rule_keeping_ties_in_order) {
  std::vector<planlint::Diagnostic> list{
      at(30, 1, "task.unit-missing", "a"), at(12, 5, "timeline.missing", "b"),
      at(12, 1, "target.unmeasured", "c"), at(30, 1, "task.unit-missing", "d"),
      at(12, 1, "goals.no-indicator", "e"),
  };
  const std::vector<std::string> expected{"e", "c", "b", "a", "d"};
  BOOST_TEST(messages(sorted(list)) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_sorted_list_stays_as_it_is) {
  std::vector<planlint::Diagnostic> list{at(1, 1, "x", "a"), at(2, 1, "x", "b")};
  BOOST_TEST(messages(sorted(list)) == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
  BOOST_TEST(sorted({}).empty());
}

BOOST_AUTO_TEST_CASE(a_queue_gives_its_findings_sorted_and_is_left_empty) {
  planlint::DiagnosticQueue queue;
  for (auto d : {at(30, 1, "task.unit-missing", "a"), at(12, 5, "timeline.missing", "b"),
                 at(12, 1, "target.unmeasured", "c"), at(30, 1, "task.unit-missing", "d"),
                 at(12, 1, "goals.no-indicator", "e")}) {
    queue.report(d);
  }
  BOOST_TEST(queue.size() == 5u);
  const auto sorted = queue.take_sorted();
  BOOST_TEST(messages(sorted) == (std::vector<std::string>{"e", "c", "b", "a", "d"}), boost::test_tools::per_element());
  BOOST_TEST(sorted.front().rule == "goals.no-indicator");
  BOOST_TEST(sorted.back().file == "plan.txt");
  BOOST_TEST(queue.size() == 0u);
  BOOST_TEST(queue.take_sorted().empty());
}

BOOST_AUTO_TEST_CASE(borrowed_names_are_copied_by_any_sink) {
  // The names lent to report_borrowed may go once the call returns: a list
  // (the default path) and a queue both keep copies.
  planlint::DiagnosticList list;
  planlint::DiagnosticQueue queue;
  {
    std::string file = "plan.txt", rule = "task.unit-missing", hint = "写明单位";
    for (planlint::DiagnosticSink* sink : {static_cast<planlint::DiagnosticSink*>(&list),
                                           static_cast<planlint::DiagnosticSink*>(&queue)}) {
      sink->report_borrowed(file, {3, 1}, rule, planlint::Severity::error, "m", hint);
      sink->report_borrowed(file, {2, 1}, rule, planlint::Severity::warning, "n", hint);
    }
    file.assign(40, 'x');
    rule.assign(40, 'y');
    hint.assign(40, 'z');
  }
  const auto queued = queue.take_sorted();
  BOOST_TEST_REQUIRE(list.items.size() == 2u);
  BOOST_TEST_REQUIRE(queued.size() == 2u);
  BOOST_TEST(list.items[0].file == "plan.txt");
  BOOST_TEST(list.items[0].rule == "task.unit-missing");
  BOOST_TEST(list.items[0].hint == "写明单位");
  BOOST_TEST(queued[0].message == "n");  // sorted by line
  BOOST_TEST(queued[0].severity == planlint::Severity::warning);
  BOOST_TEST(queued[1].file == "plan.txt");
  BOOST_TEST(queued[1].rule == "task.unit-missing");
  BOOST_TEST(queued[1].hint == "写明单位");
}

BOOST_AUTO_TEST_CASE(a_queue_with_many_names_keeps_each_with_its_finding) {
  // Past a few names the queue indexes them: each finding must still get its
  // own hint back, whether it was seen before the index was made or after.
  planlint::DiagnosticQueue queue;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 40; ++i) {
      queue.report(planlint::Diagnostic{"plan.txt", {static_cast<std::uint32_t>(i + 1), 1}, "r",
                                        planlint::Severity::info, std::to_string(i),
                                        "hint " + std::to_string(i % 25)});
    }
  }
  const auto sorted = queue.take_sorted();
  BOOST_TEST_REQUIRE(sorted.size() == 120u);
  for (const auto& d : sorted) BOOST_TEST(d.hint == "hint " + std::to_string(std::stoi(d.message) % 25));
}

BOOST_AUTO_TEST_CASE(a_queue_of_many_findings_keeps_ties_in_arrival_order) {
  planlint::DiagnosticQueue queue;
  for (int i = 0; i < 5000; ++i) {
    queue.report(at(static_cast<std::uint32_t>(5000 - i / 2), 1, "r", std::to_string(i)));
  }
  const auto sorted = queue.take_sorted();
  BOOST_TEST_REQUIRE(sorted.size() == 5000u);
  BOOST_TEST(sorted[0].message == "4998");
  BOOST_TEST(sorted[1].message == "4999");
  BOOST_TEST(sorted[4999].message == "1");
  BOOST_TEST(std::is_sorted(sorted.begin(), sorted.end()));
}

BOOST_AUTO_TEST_CASE(a_queue_keeps_files_and_rules_as_they_came) {
  planlint::DiagnosticQueue queue;
  queue.report(planlint::Diagnostic{"b.txt", {1, 1}, "x.rule", planlint::Severity::info, "m1", "h1"});
  queue.report(planlint::Diagnostic{"a.txt", {9, 2}, "y.rule", planlint::Severity::warning, "m2", ""});
  queue.report(planlint::Diagnostic{"a.txt", {9, 2}, "x.rule", planlint::Severity::error, "m3", "h3"});
  queue.report(planlint::Diagnostic{"b.txt", {1, 1}, "x.rule", planlint::Severity::info, "m4", "h4"});
  const auto sorted = queue.take_sorted();
  BOOST_TEST_REQUIRE(sorted.size() == 4u);
  // a.txt before b.txt; at the same place x.rule before y.rule; ties in arrival order.
  BOOST_TEST(messages(sorted) == (std::vector<std::string>{"m3", "m2", "m1", "m4"}), boost::test_tools::per_element());
  BOOST_TEST(sorted[0].file == "a.txt");
  BOOST_TEST(sorted[0].rule == "x.rule");
  BOOST_TEST((sorted[0].severity == planlint::Severity::error));
  BOOST_TEST(sorted[0].hint == "h3");
  BOOST_TEST(sorted[1].rule == "y.rule");
  BOOST_TEST(sorted[1].hint.empty());
  BOOST_TEST(sorted[2].file == "b.txt");
  BOOST_TEST((sorted[2].where == planlint::Location{1, 1}));
  // Emptied, it takes new findings with new names.
  queue.report(planlint::Diagnostic{"c.txt", {2, 3}, "z.rule", planlint::Severity::error, "m5", ""});
  const auto again = queue.take_sorted();
  BOOST_TEST_REQUIRE(again.size() == 1u);
  BOOST_TEST(again[0].file == "c.txt");
  BOOST_TEST(again[0].rule == "z.rule");
}

BOOST_AUTO_TEST_SUITE_END()
