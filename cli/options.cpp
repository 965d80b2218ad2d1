#include "options.hpp"

#include <algorithm>

#include "planlint/report.hpp"

#include <boost/program_options.hpp>

#include <charconv>
#include <cstdint>
#include <ostream>
#include <string>
#include <thread>

namespace planlint::cli {

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "usage: planlint <command> [options] [FILE|DIR|-]...\n"
    "\n"
    "commands:\n"
    "  check FILE|DIR|-...   check plans against the rules (directories: their .txt, .md and .docx files)\n"
    "  outline FILE...       show the structure planlint reads from each plan\n"
    "  extract FILE...       print the text planlint reads from each file (Word numbering included)\n"
    "  baseline FILE|DIR...  write the findings of a check to .planlint-baseline.json (--prune: drop stale ones)\n"
    "  config FILE           print the .planlint.toml settings that apply to FILE, and where each comes from\n"
    "  graph FILE            write the plan graph (who is responsible for what)\n"
    "  rules                 list the active rules; --explain ID shows one rule's page\n"
    "\n"
    "exit codes: 0 no finding at --fail-on, 1 findings, 2 usage, unreadable input or bad rule file\n"
    "\n";

bool one_of(const std::string& value, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (value == a) return true;
  }
  return false;
}

/// A whole number without sign or blanks, as typed; nothing when it is not one.
std::optional<std::uint64_t> whole_number(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

/// A size in bytes: a whole number with an optional K, M or G (powers of 1024).
std::optional<std::size_t> byte_size(std::string_view text) {
  std::uint64_t scale = 1;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K': case 'k': scale = std::uint64_t{1} << 10; break;
      case 'M': case 'm': scale = std::uint64_t{1} << 20; break;
      case 'G': case 'g': scale = std::uint64_t{1} << 30; break;
      default: break;
    }
    if (scale != 1) text.remove_suffix(1);
  }
  const auto n = whole_number(text);
  if (!n || *n > (std::uint64_t{1} << 40) / scale) return std::nullopt;  // at most 1 TiB
  return static_cast<std::size_t>(*n * scale);
}

}  // namespace

std::optional<Options> parse_options(int argc, const char* const argv[], std::ostream& out,
                                     std::ostream& err) {
  Options options;
  std::vector<std::string> formats;
  std::string fail_on = "error";
  std::string color = "auto";
  std::string jobs;
  std::string max_input_size;
  std::string input_timeout;
  std::string encoding;
  std::string max_warnings;
  po::options_description visible("options");
  visible.add_options()
      ("help,h", "show this help")
      ("format,f", po::value<std::vector<std::string>>(&formats)->composing(),
       "check: NAME or NAME=FILE, repeatable: text (default), xml, json, sarif, junit, checkstyle, github, "
       "gitlab; outline: text or xml; graph: dot (default) or graphml")
      ("rules", po::value<std::vector<std::string>>(&options.rule_files)->composing(),
       "add a rule file: its rules and lexicons replace those of the same name (repeatable)")
      ("disable", po::value<std::vector<std::string>>()->composing(), "switch a rule off (repeatable)")
      ("enable", po::value<std::vector<std::string>>()->composing(), "switch a rule on (repeatable)")
      ("fail-on", po::value<std::string>(&fail_on),
       "exit 1 when a finding is at least: error (default), warning, info, or never")
      ("output,o", po::value<std::string>(&options.output), "write the report to FILE (atomically)")
      ("color", po::value<std::string>(&color), "auto (default), always or never")
      ("explain", po::value<std::string>(&options.explain), "rules: show the page of rule ID")
      ("jobs,j", po::value<std::string>(&jobs), "check: files checked at once (default: the number of cores)")
      ("max-input-size", po::value<std::string>(&max_input_size),
       "refuse an input (plan or rule file) larger than SIZE bytes; K, M, G suffixes (default 64M)")
      ("input-timeout", po::value<std::string>(&input_timeout),
       "give up on a pipe or FIFO that sends nothing for SECONDS (default 10)")
      ("max-warnings", po::value<std::string>(&max_warnings),
       "check: exit 1 when there are more than N warnings (with no error at --fail-on)")
      ("quiet,q", po::bool_switch(&options.quiet), "check: report errors only")
      ("files-from", po::value<std::string>(&options.files_from),
       "check: read more inputs from FILE, one per line (- for standard input)")
      ("baseline", po::value<std::string>(&options.baseline),
       "check: report only findings the baseline FILE does not hold; baseline: the file to write")
      ("prune", po::bool_switch(&options.prune), "baseline: drop the entries that match nothing")
      ("encoding", po::value<std::string>(&encoding),
       "read text plans in this encoding (GB18030, GBK, UTF-16LE …) instead of deciding")
      ("stdin-filename", po::value<std::string>(&options.stdin_filename),
       "the name standard input goes by in reports (its extension says its format)")
      ("verbose,v", po::bool_switch(&options.verbose), "log what is loaded and how long each stage takes");
  po::options_description hidden;
  hidden.add_options()
      ("command", po::value<std::string>(&options.command))
      ("input", po::value<std::vector<std::string>>(&options.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("command", 1).add("input", -1);

  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    for (const auto& [name, value] : vm) {
      if (!value.defaulted()) options.given.push_back(name);
    }
    if (vm.count("help") || options.command == "help") {
      out << kUsage << visible;
      options.command = "help";
      return options;
    }
    // --disable and --enable apply in the order given.
    for (const auto& opt : po::command_line_parser(argc, argv).options(all).positional(positional).run().options) {
      if (opt.string_key == "disable" || opt.string_key == "enable") {
        for (const auto& id : opt.value) options.switches.emplace_back(id, opt.string_key == "enable");
      }
    }
  } catch (const po::error& e) {
    err << "planlint: " << e.what() << " (see planlint --help)\n";
    return std::nullopt;
  }
  if (options.command.empty()) {
    err << "planlint: no command given (see planlint --help)\n";
    return std::nullopt;
  }
  if (!one_of(options.command, {"check", "outline", "graph", "rules", "extract", "config", "baseline"})) {
    err << "planlint: unknown command '" << options.command << "' (see planlint --help)\n";
    return std::nullopt;
  }
  const bool is_graph = options.command == "graph";
  if (options.command == "check" || options.command == "baseline") {
    // NAME or NAME=FILE, any number; at most one without a file (it goes to
    // standard output, or --output).
    if (!formats.empty()) options.reports.clear();
    std::size_t to_stdout = 0;
    for (const auto& f : formats) {
      const std::size_t eq = f.find('=');
      ReportRequest r{f.substr(0, eq), eq == std::string::npos ? std::string() : f.substr(eq + 1)};
      const auto& names = report_format_names();
      if (std::find(names.begin(), names.end(), r.name) == names.end()) {
        err << "planlint: --format for check must be text, xml, json, sarif, junit, checkstyle, github or gitlab "
               "(NAME or NAME=FILE), not '" << f << "'\n";
        return std::nullopt;
      }
      if (eq != std::string::npos && r.file.empty()) {
        err << "planlint: --format " << f << ": no file after '='\n";
        return std::nullopt;
      }
      if (r.file.empty()) ++to_stdout;
      options.reports.push_back(std::move(r));
    }
    if (to_stdout > 1) {
      err << "planlint: only one --format may go to standard output (give the others =FILE)\n";
      return std::nullopt;
    }
  } else {
    if (formats.size() > 1) {
      err << "planlint: --format for " << options.command << " is given once\n";
      return std::nullopt;
    }
    std::string format = formats.empty() ? std::string() : formats[0];
    if (format.empty()) format = is_graph ? "dot" : "text";
    if (is_graph ? !one_of(format, {"dot", "graphml"}) : !one_of(format, {"text", "xml"})) {
      err << "planlint: --format for " << options.command << " must be "
          << (is_graph ? "dot or graphml" : "text or xml") << ", not '" << format << "'\n";
      return std::nullopt;
    }
    options.format = format == "xml"       ? Format::xml
                     : format == "dot"     ? Format::dot
                     : format == "graphml" ? Format::graphml
                                           : Format::text;
  }
  if (fail_on == "never") {
    options.fail_on.reset();
  } else if (fail_on == "error") {
    options.fail_on = Severity::error;
  } else if (fail_on == "warning") {
    options.fail_on = Severity::warning;
  } else if (fail_on == "info") {
    options.fail_on = Severity::info;
  } else {
    err << "planlint: --fail-on must be error, warning, info or never, not '" << fail_on << "'\n";
    return std::nullopt;
  }
  if (!one_of(color, {"auto", "always", "never"})) {
    err << "planlint: --color must be auto, always or never, not '" << color << "'\n";
    return std::nullopt;
  }
  options.color = color == "always" ? ColorMode::always : color == "never" ? ColorMode::never : ColorMode::automatic;
  if (jobs.empty()) {
    options.jobs = std::max(1u, std::thread::hardware_concurrency());
  } else if (const auto n = whole_number(jobs); n && *n >= 1) {
    options.jobs = static_cast<unsigned>(std::min<std::uint64_t>(*n, kMaxJobs));
  } else {
    err << "planlint: -j must be a whole number of at least 1, not '" << jobs << "'\n";
    return std::nullopt;
  }
  if (!max_input_size.empty()) {
    const auto n = byte_size(max_input_size);
    if (!n || *n == 0) {
      err << "planlint: --max-input-size must be a number of bytes with an optional K, M or G, not '"
          << max_input_size << "'\n";
      return std::nullopt;
    }
    options.limits.max_bytes = *n;
  }
  if (!input_timeout.empty()) {
    const auto n = whole_number(input_timeout);
    if (!n || *n == 0 || *n > 86400) {
      err << "planlint: --input-timeout must be a whole number of seconds from 1 to 86400, not '"
          << input_timeout << "'\n";
      return std::nullopt;
    }
    options.limits.idle_seconds = static_cast<int>(*n);
  }
  if (!max_warnings.empty()) {
    const auto n = whole_number(max_warnings);
    if (!n) {
      err << "planlint: --max-warnings must be a whole number, not '" << max_warnings << "'\n";
      return std::nullopt;
    }
    options.max_warnings = static_cast<std::size_t>(*n);
  }
  // The name is checked where it is used: iconv knows the names.
  if (!encoding.empty()) options.reading.encoding = encoding;
  return options;
}

}  // namespace planlint::cli
