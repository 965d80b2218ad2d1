// The plan graph: vertices and edges of a real plan, and its DOT text.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "planlint/graph.hpp"
#include "support/golden.hpp"

namespace {

std::size_t vertices_of(const planlint::PlanGraph& g, planlint::NodeKind kind) {
  std::size_t n = 0;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) n += g[*it].kind == kind;
  return n;
}

std::size_t edges_of(const planlint::PlanGraph& g, planlint::EdgeKind kind) {
  std::size_t n = 0;
  for (auto [it, end] = boost::edges(g); it != end; ++it) n += g[*it].kind == kind;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_graph)

BOOST_AUTO_TEST_CASE(mentougou_tasks_units_and_stages) {
  const auto plan = planlint::testing::plan_from_fixture("fixtures/plans/mentougou-ip-pilot-2020.txt");
  const auto g = planlint::build_graph(plan);
  BOOST_TEST(vertices_of(g, planlint::NodeKind::plan) == 1u);
  BOOST_TEST(vertices_of(g, planlint::NodeKind::task) == 18u);
  BOOST_TEST(vertices_of(g, planlint::NodeKind::target) == 8u);
  BOOST_TEST(vertices_of(g, planlint::NodeKind::stage) == 3u);
  BOOST_TEST(edges_of(g, planlint::EdgeKind::next_stage) == 2u);
  // One vertex per distinct unit name.
  BOOST_TEST(vertices_of(g, planlint::NodeKind::unit) == 19u);
  std::size_t responsible = 0;
  planlint::for_each_section(plan.sections, [&](const planlint::Section& s, const planlint::Section*) {
    responsible += s.task_units().size();
  });
  BOOST_TEST(edges_of(g, planlint::EdgeKind::responsible) == responsible);
  // Every task reaches the plan through contains edges.
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    if (g[*it].kind != planlint::NodeKind::task) continue;
    auto v = *it;
    std::size_t steps = 0;
    while (v != 0 && steps++ < 10) {
      auto [in, in_end] = boost::in_edges(v, g);
      BOOST_TEST_REQUIRE((in != in_end));
      v = boost::source(*in, g);
    }
    BOOST_TEST(v == 0u);
  }
}

BOOST_AUTO_TEST_CASE(dot_names_units_and_tasks) {
  const auto plan = planlint::testing::plan_from_fixture("fixtures/plans/beichen-ip-pilot-2022.txt");
  std::ostringstream dot;
  planlint::write_dot(dot, planlint::build_graph(plan));
  const std::string s = dot.str();
  BOOST_TEST(s.rfind("digraph G {", 0) == 0u);
  BOOST_TEST(s.find("label=\"区知识产权战略领导小组成员单位\"") != std::string::npos);
  BOOST_TEST(s.find("label=\"八. 厚植知识产权文化理念\"") != std::string::npos);
  BOOST_TEST(s.find("label=lead") != std::string::npos);
  std::ostringstream graphml;
  planlint::write_graphml(graphml, planlint::build_graph(plan));
  BOOST_TEST(graphml.str().find("<graphml") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
