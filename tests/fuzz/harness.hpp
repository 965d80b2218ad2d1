// The bodies of the fuzz harnesses, shared by the libFuzzer targets
// (check_fuzz.cpp, rules_fuzz.cpp, docx_fuzz.cpp) and by the unit test that replays every
// input the fuzzers once found a fault with (fixtures/fuzz/).
//
// Each body runs one input through a whole path of planlint and aborts when
// an output breaks a promise (an XML output that is not well-formed, a text
// output with a raw control character); the sanitizers catch the rest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace planlint::fuzz {

/// One plan file: read (BOM, UTF-8 check), grammar, plan model, graph, the
/// built-in rules, and every output into memory: the text and XML reports,
/// the text and XML outlines, DOT and GraphML. Each XML output must parse
/// back with tinyxml2 and hold only characters XML 1.0 allows; the text
/// outputs must hold no control character but tab and line feed.
void check_plan(std::string_view bytes);

/// One rule file, loaded after the built-in ones: syntax, checks,
/// compilation; a rule file that loads is then applied to a small plan.
void check_rule_file(std::string_view bytes);

/// One Word file. Bytes that begin as a zip go through refused_format and
/// read_docx; other bytes are split at each "\0\0" into document.xml,
/// numbering.xml and styles.xml and go through read_wordml, so that the XML
/// readers are reached without the fuzzer having to make deflate streams.
/// An error must be one line; a text must have one origin per line, each its
/// paragraph, and (when small) goes on through check_plan.
void check_docx(std::string_view bytes);

/// Aborts with a message when `xml` is not a well-formed document: it
/// parses with tinyxml2 and holds no character XML 1.0 forbids.
void require_well_formed_xml(std::string_view xml, const char* what);
/// Aborts when `text` holds a control character other than tab and line
/// feed (an escape sequence from a plan reaching a terminal).
void require_terminal_safe(std::string_view text, const char* what);

}  // namespace planlint::fuzz
