#pragma once

#include <type_traits>

#include "annotation.hpp"
#include "ast_adapted.hpp"
#include "common.hpp"
#include "document.hpp"
#include "labelled.hpp"
#include "numbering.hpp"

namespace planlint::grammar::parser {

namespace document_detail {

using namespace common;
using x3::attr;
using x3::raw;
using x3::repeat;

// ---------------------------------------------------------------- Rule IDs
struct heading_class : annotate_source {};
struct labelled_line_class : annotate_source {};
struct bullet_class : annotate_source {};
struct box_header_class : annotate_source {};
struct table_row_class : annotate_source {};
struct toc_header_class : annotate_source {};
struct page_number_class : annotate_source {};
struct blank_class : annotate_source {};
struct text_class : annotate_source {};

// ---------------------------------------------------------------- Rules
x3::rule<heading_class, ast::Heading> const heading = "heading";
x3::rule<labelled_line_class, ast::LabelledLine> const labelled_line = "labelled line";
x3::rule<struct labelled_groups_class, std::vector<ast::Labelled>> const labelled_groups = "labelled lists";
x3::rule<bullet_class, ast::Bullet> const bullet = "bullet";
x3::rule<box_header_class, ast::BoxHeader> const box_header = "box header";
x3::rule<table_row_class, ast::TableRow> const table_row = "table row";
x3::rule<toc_header_class, ast::TocHeader> const toc_header = "table of contents";
x3::rule<page_number_class, ast::PageNumber> const page_number = "page number";
x3::rule<blank_class, ast::Blank> const blank = "blank line";
x3::rule<text_class, ast::Text> const text = "text line";
x3::rule<struct line_class, ast::Line> const line = "line";

// ---------------------------------------------------------------- Grammar
auto const rest_of_line = raw[to_line_end];
auto const trailing = *(hspace | lit("**"));
auto const period = lit("。");

// 1.实施专利质量提升行动。推动… : the title runs to the first 。, the rest is body.
auto const heading_tail = *hspace >> raw[*(bytes_except("\xE3\r\n") | (char_ - period - eol_char))] >>
                          ((period >> rest_of_line) | attr(std::string_view()));
auto const heading_def = marker() >> heading_tail;
// 1突破… read as a heading; tried only on lines the plan builder picks.
auto const bare_heading_expr = bare_marker() >> heading_tail;

auto const labelled_groups_def = labelled() % *(hspace | lit("，"));
auto const labelled_line_def = -open_paren >> labelled_groups >> -close_paren >> *hspace >> &line_end;

auto const dash = lit("——") | lit("—") | lit("－－") | lit("--");
auto const bullet_mark = lit("•") | lit("●") | lit("▪") | lit("◆");
auto const bullet_def = (dash | (bullet_mark >> *hspace)) >> rest_of_line;

auto const box_header_def = lit("专栏") >> *hspace >> raw[+digit] >> *hspace >>
                            raw[*(char_ - '\t' - eol_char)] >> *(hspace) >> &line_end;

auto const cell = raw[bytes_except("\t\r\n")];
x3::rule<struct cells_class, std::vector<std::string_view>> const cells = "cells";
// A quick scan for a tab first: most lines have none.
auto const cells_def = tab_ahead >> &(cell >> +lit('\t') >> cell) >>
                       (cell % +lit('\t')) >> *lit('\t');
auto const table_row_def = cells >> &line_end;
// Every cell of a row, empty ones too (a merged cell, an empty column), so
// that cells stay under their headers: split only where a table is read.
auto const all_cells_expr = raw[-bytes_except("\t\r\n")] % lit('\t');

auto const toc_header_def = raw[lit("目") >> *hspace >> lit("录")] >> *hspace >> &line_end;

auto const leader = +(lit('.') | lit("…") | lit("·") | lit("．")) >> *hspace;
auto const page = raw[+digit];
auto const toc_tail = (leader | +lit('\t')) >> page >> *hspace >> &line_end;
// Only a dot, a tab or the lead byte of …, ·, ． can begin the tail.
auto const not_tail_start = bytes_except("\t.\xC2\xE2\xEF\r\n");
auto const toc_entry_expr = lead >> raw[*(not_tail_start | (char_ - toc_tail - eol_char))] >> toc_tail;

auto const dash_char = lit('-') | lit("—") | lit("－");
auto const page_number_def = -(dash_char >> *hspace) >> raw[repeat(1, 4)[digit]] >> *hspace >>
                             -dash_char >> *hspace >> &line_end;

// A run of blank lines is one node: a text of a million empty lines costs
// the syntax tree one node, not a million (each node is the size of the
// largest kind of line).
auto const blank_def = raw[x3::eps] >> &line_end >> *(x3::eol >> lead >> &line_end);
auto const text_def = rest_of_line;

// Order matters: a heading or labelled line would otherwise be taken for
// plain text. A blank line (a third of a plan's lines) is none of the others,
// so it is tried first. Table-of-contents entries look like headings; the
// plan builder reads them with toc_entry() after a 目录 line.
auto const line_def = lead >> (blank | page_number | toc_header | box_header | heading |
                               labelled_line | bullet | table_row | text) >>
                      trailing >> line_end;

auto const document_expr = *(!x3::eoi >> line);

BOOST_SPIRIT_DEFINE(cells, labelled_groups, heading, labelled_line, bullet, box_header, table_row, toc_header, page_number, blank, text, line)

}  // namespace document_detail

struct document_class {};
document_type const document = "plan";
auto const document_def = document_detail::document_expr;
struct toc_entry_class : annotate_source {};
toc_entry_type const toc_entry = "table of contents entry";
auto const toc_entry_def = document_detail::toc_entry_expr;
struct bare_heading_class : annotate_source {};
bare_heading_type const bare_heading = "bare-numbered heading";
auto const bare_heading_def = document_detail::bare_heading_expr;
struct all_cells_class {};
all_cells_type const all_cells = "table cells";
auto const all_cells_def = document_detail::all_cells_expr;
BOOST_SPIRIT_DEFINE(document, toc_entry, bare_heading, all_cells)

}  // namespace planlint::grammar::parser

namespace planlint::grammar {

parser::document_type const& document() { return parser::document; }
parser::toc_entry_type const& toc_entry() { return parser::toc_entry; }
parser::bare_heading_type const& bare_heading() { return parser::bare_heading; }
parser::all_cells_type const& all_cells() { return parser::all_cells; }

}  // namespace planlint::grammar
