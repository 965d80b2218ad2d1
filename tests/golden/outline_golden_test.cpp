// Golden files: the outline (text and XML) of each real plan, byte for byte.
// Regenerate with PLANLINT_UPDATE_GOLDEN=1 after a reviewed change.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

#include "planlint/outline.hpp"
#include "support/golden.hpp"

namespace data = boost::unit_test::data;

namespace {

const std::string kPlans[] = {"beichen-ip-pilot-2022", "beijing-ip-14th-fyp-2021",
                              "mentougou-ip-pilot-2020", "sancheng-yiqu-ip-action-2020",
                              "tongzhou-ip-pilot-2024"};

}  // namespace

BOOST_AUTO_TEST_SUITE(golden_outline)

BOOST_DATA_TEST_CASE(text_and_xml_match_the_golden_files, data::make(kPlans), name) {
  const std::string path = "fixtures/plans/" + name + ".txt";
  auto plan = planlint::testing::plan_from_fixture(path);
  std::ostringstream text;
  planlint::write_outline_text(text, plan);
  const std::string text_diff =
      planlint::testing::compare_golden("fixtures/golden/" + name + ".outline.txt", text.str());
  BOOST_TEST(text_diff.empty(), text_diff);

  std::ostringstream xml;
  std::vector<planlint::OutlineEntry> entries;
  entries.push_back(planlint::OutlineEntry{path, std::move(plan)});
  planlint::write_outline_xml(xml, entries);
  const std::string xml_diff =
      planlint::testing::compare_golden("fixtures/golden/" + name + ".outline.xml", xml.str());
  BOOST_TEST(xml_diff.empty(), xml_diff);
}

BOOST_AUTO_TEST_SUITE_END()
