// Grammar: rule files (rules/*.rules).
#pragma once

#include "planlint/ast/rules.hpp"
#include "rule_config.hpp"

namespace planlint::grammar {

namespace parser {
struct rule_file_class;
using rule_file_type = x3::rule<rule_file_class, ast::RuleFile>;
BOOST_SPIRIT_DECLARE(rule_file_type)
}  // namespace parser
parser::rule_file_type const& rule_file();

}  // namespace planlint::grammar
