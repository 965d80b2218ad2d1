// Word (.docx) files read into the plain text planlint checks: one line per
// body paragraph, automatic numbering rebuilt as Word shows it, so that a
// numbered heading reads exactly as a typed one (docs/docx.md). Internal: the
// zip and XML libraries stay inside docx_reader.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planlint {

/// Where one line of the text view came from.
struct TextLineOrigin {
  /// 1-based body paragraph of word/document.xml; a table row counts as one
  /// paragraph (its number in document order among paragraphs and rows).
  std::uint32_t paragraph = 0;
};

/// The text view of a Word document.
struct DocxText {
  std::string text;                     // UTF-8 as the parts hold it; one line per paragraph, '\n' ends
  std::vector<TextLineOrigin> origins;  // one per line of text
};

/// Why a document was not read: one line, without the file's path.
struct DocxError {
  std::string message;
};

/// Bounds on what one document may cost. The defaults suit the command
/// line; the fuzz harness uses smaller ones.
struct DocxLimits {
  /// Uncompressed bytes read from the package in all, and the size of the
  /// text view; a part whose declared or actual size passes what is left is
  /// refused.
  std::size_t max_bytes = std::size_t{256} << 20;
};

/// True when the bytes begin as a zip file does ("PK\x03\x04").
bool looks_like_zip(std::string_view bytes);

/// The text view of a .docx file held in memory, or nullopt with `error` set
/// (not a zip, no word/document.xml, encrypted or unsupported entries, a part
/// over the bound, XML errors). Never throws for bad input.
std::optional<DocxText> read_docx(std::string_view bytes, DocxError& error, const DocxLimits& limits = {});

/// The text view from the parts themselves (what read_docx does once it has
/// read them from the package): word/document.xml, and word/numbering.xml and
/// word/styles.xml, each empty when the package has none. For the fuzz
/// harness, which reaches the XML readers without going through deflate.
std::optional<DocxText> read_wordml(std::string_view document_xml, std::string_view numbering_xml,
                                    std::string_view styles_xml, DocxError& error, const DocxLimits& limits = {});

/// For a file of a format planlint does not read but a converter does
/// (.doc/.wps, .pdf, .odt, a password-protected Office file): one line
/// naming it and the conversion that works. nullopt for anything else.
std::optional<std::string> refused_format(std::string_view bytes);

/// One list number as Word writes it in the number format `num_fmt` of
/// WordprocessingML (decimal, chineseCounting, upperRoman, …); unknown
/// formats and values a format cannot show are written in decimal, `none`
/// is empty. Exposed for the tests.
std::string format_list_number(std::int64_t value, std::string_view num_fmt);

}  // namespace planlint
