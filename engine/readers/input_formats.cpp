// A plan's bytes as the text planlint checks, whatever the format they came
// in: a Word document, Markdown, or text in UTF-8, UTF-16 or GB18030
// (docs/input-formats.md). The readers themselves are docx_reader.cpp,
// markdown_reader.cpp and encoding.cpp; this file only chooses among them.
#include <algorithm>
#include <array>
#include <cctype>

#include "docx_reader.hpp"
#include "encoding.hpp"
#include "markdown_reader.hpp"
#include "planlint/source.hpp"

namespace planlint {

namespace {

/// The extension of a file name, lower-cased: "plan.DOCX" → ".docx".
std::string extension_of(std::string_view name) {
  const std::size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(name.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_markdown(const std::string& ext) { return ext == ".md" || ext == ".markdown"; }

/// A view whose text holds nothing but blanks is refused as an empty text is.
bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::optional<SourceFile> from_docx(const std::string& path, std::string_view bytes, LoadError& error) {
  DocxError docx_error;
  auto docx = read_docx(bytes, docx_error);
  if (!docx) {
    error = LoadError{docx_error.message};
    return std::nullopt;
  }
  if (blank(docx->text)) {
    error = LoadError{"empty: the Word document holds no text"};
    return std::nullopt;
  }
  // A line of the view is a paragraph of the document: positions name the
  // paragraph, and its column in the view.
  TextView view;
  view.format = "docx";
  view.origins.reserve(docx->origins.size());
  for (const auto& o : docx->origins) view.origins.push_back(LineOrigin{o.paragraph, 0, 0});
  return SourceFile(path, std::move(docx->text), std::move(view));
}

}  // namespace

bool is_plan_file_name(std::string_view name) {
  const std::string ext = extension_of(name);
  return ext == ".txt" || ext == ".docx" || is_markdown(ext);
}

std::optional<SourceFile> plan_from_bytes(const std::string& path, std::string bytes, const PlanReading& reading,
                                          LoadError& error) {
  if (auto refused = refused_format(bytes)) {
    error = LoadError{*refused};
    return std::nullopt;
  }
  const std::string ext = extension_of(path);
  if (looks_like_zip(bytes) || ext == ".docx") return from_docx(path, bytes, error);

  // Text: UTF-8 as it stands (most plans, read without a copy), else decoded.
  std::string encoding = "UTF-8";
  if (reading.encoding || check_utf8_text(bytes)) {
    DecodeError decode_error;
    auto decoded = decode_text(bytes, reading.encoding, decode_error);
    if (!decoded) {
      error = LoadError{decode_error.message, decode_error.where};
      return std::nullopt;
    }
    bytes = std::move(decoded->utf8);
    encoding = std::move(decoded->encoding);
  }
  if (is_markdown(ext)) {
    std::string markdown_error;
    auto markdown = read_markdown(bytes, markdown_error);
    if (!markdown) {
      error = LoadError{markdown_error};
      return std::nullopt;
    }
    if (blank(markdown->text)) {
      error = LoadError{"empty: the Markdown holds no text planlint reads"};
      return std::nullopt;
    }
    TextView view;
    view.format = "markdown";
    view.encoding = std::move(encoding);
    view.origins = std::move(markdown->origins);
    view.original = std::move(bytes);
    return SourceFile(path, std::move(markdown->text), std::move(view));
  }
  if (encoding == "UTF-8") return source_from_bytes(path, std::move(bytes), error);
  auto source = source_from_bytes(path, std::move(bytes), error);
  if (!source) return std::nullopt;
  TextView view;
  view.encoding = std::move(encoding);
  return SourceFile(path, std::string(source->text()), std::move(view));
}

std::optional<SourceFile> load_plan(const std::string& path, LoadError& error, const ReadLimits& limits,
                                    const PlanReading& reading) {
  auto bytes = read_file_bytes(path, error, limits);
  if (!bytes) return std::nullopt;
  return plan_from_bytes(path, std::move(*bytes), reading, error);
}

}  // namespace planlint
