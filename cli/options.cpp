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


int run_check_command(const Options& o, const Io& io) { return run_check(o, io.in, io.out, io.err, io.out_is_terminal); }
int run_outline_command(const Options& o, const Io& io) { return run_outline(o, io.out, io.err); }
int run_extract_command(const Options& o, const Io& io) { return run_extract(o, io.out, io.err); }
int run_config_command(const Options& o, const Io& io) { return run_config(o, io.out, io.err); }
int run_graph_command(const Options& o, const Io& io) { return run_graph(o, io.out, io.err); }
int run_rules_command(const Options& o, const Io& io) { return run_rules(o, io.out, io.err); }

constexpr unsigned kChecking = kRuleOptions | kReadOptions | kRunOptions;

constexpr Command kCommands[] = {
    {"check", "FILE|DIR|-...", "check plans against the rules (directories: their .txt, .md and .docx files)",
     kChecking | kOutputOption | kReportOptions, "", run_check_command},
    {"outline", "FILE...", "show the structure planlint reads from each plan",
     kRuleOptions | kReadOptions | kOutputOption | kViewFormat, "text xml", run_outline_command},
    {"extract", "FILE...", "print the text planlint reads from each file (Word numbering included)",
     kReadOptions | kOutputOption, "", run_extract_command},
    {"baseline", "FILE|DIR...",
     "write the findings of a check to .planlint-baseline.json (--prune: drop stale ones)",
     kChecking | kPruneOption, "", run_check_command},
    {"config", "FILE", "print the .planlint.toml settings that apply to FILE, and where each comes from",
     kOutputOption, "", run_config_command},
    {"graph", "FILE", "write the plan graph (who is responsible for what)",
     kRuleOptions | kReadOptions | kOutputOption | kViewFormat, "dot graphml", run_graph_command},
    {"rules", "", "list the active rules; --explain ID shows one rule's page",
     kRuleOptions | kOutputOption | kExplainOption, "", run_rules_command},
};

constexpr const char* kExitCodes =
    "exit codes: 0 no finding at --fail-on, 1 findings, 2 usage, unreadable input or bad rule file\n";

/// `planlint --help`: the commands.
void general_usage(std::ostream& out) {
  out << "usage: planlint <command> [options] [FILE|DIR|-]...\n\ncommands:\n";
  for (const auto& c : kCommands) {
    std::string head = std::string(c.name) + (c.operands.empty() ? "" : " ") + std::string(c.operands);
    head.resize(std::max<std::size_t>(head.size() + 1, 22), ' ');
    out << "  " << head << c.summary << '\n';
  }
  out << "\nplanlint COMMAND --help shows the options of a command.\n" << kExitCodes;
}

/// The words of a space-separated list.
std::vector<std::string> words(std::string_view list) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < list.size()) {
    const std::size_t end = std::min(list.find(' ', at), list.size());
    if (end > at) out.emplace_back(list.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

/// Everything a command line can hold, before it is checked.
struct Raw {
  std::vector<std::string> formats;
  std::string fail_on = "error";
  std::string color = "auto";
  std::string jobs;
  std::string max_input_size;
  std::string input_timeout;
  std::string encoding;
  std::string max_warnings;
};

/// The options `command` takes.
po::options_description options_of(const Command& command, Options& options, Raw& raw) {
  po::options_description d("options of planlint " + std::string(command.name));
  d.add_options()("help,h", "show this help");
  const unsigned g = command.options;
  if (g & kReportOptions) {
    d.add_options()
        ("format,f", po::value<std::vector<std::string>>(&raw.formats)->composing()->value_name("NAME[=FILE]"),
         "NAME or NAME=FILE, repeatable: text (default), xml, json, sarif, junit, checkstyle, github, gitlab")
        ("fail-on", po::value<std::string>(&raw.fail_on)->value_name("LEVEL"),
         "exit 1 when a finding is at least: error (default), warning, info, or never")
        ("max-warnings", po::value<std::string>(&raw.max_warnings)->value_name("N"),
         "exit 1 when there are more than N warnings (with no error at --fail-on)")
        ("quiet,q", po::bool_switch(&options.quiet), "report errors only")
        ("timestamp", po::bool_switch(&options.timestamp),
         "say in the xml, sarif and junit reports when they were made (off: a report depends on its inputs only)")
        ("color", po::value<std::string>(&raw.color)->value_name("WHEN"), "auto (default), always or never");
  }
  if (g & kViewFormat) {
    const auto names = words(command.formats);
    std::string help;
    for (std::size_t i = 0; i < names.size(); ++i) {
      help += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i] + (i == 0 ? " (default)" : "");
    }
    d.add_options()("format,f", po::value<std::vector<std::string>>(&raw.formats)->composing()->value_name("NAME"), help.c_str());
  }
  if (g & kOutputOption) {
    d.add_options()("output,o", po::value<std::string>(&options.output)->value_name("FILE"),
                    "write to FILE (a regular file is replaced whole, when the output is complete)");
  }
  if (g & kRunOptions) {
    d.add_options()
        ("baseline", po::value<std::string>(&options.baseline)->value_name("FILE"),
         command.name == "baseline" ? "the baseline file to write (default .planlint-baseline.json)"
                                    : "report only findings the baseline FILE does not hold")
        ("files-from", po::value<std::string>(&options.files_from)->value_name("FILE"),
         "read more inputs from FILE, one per line (- for standard input)")
        ("stdin-filename", po::value<std::string>(&options.stdin_filename)->value_name("NAME"),
         "the name standard input goes by in reports (its extension says its format)")
        ("jobs,j", po::value<std::string>(&raw.jobs)->value_name("N"), "files checked at once (default: the number of cores)")
        ("verbose,v", po::bool_switch(&options.verbose), "log what is loaded and how long each stage takes");
  }
  if (g & kPruneOption) d.add_options()("prune", po::bool_switch(&options.prune), "drop the entries that match nothing");
  if (g & kExplainOption) d.add_options()("explain", po::value<std::string>(&options.explain)->value_name("ID"), "show the page of rule ID");
  if (g & kRuleOptions) {
    d.add_options()
        ("rules", po::value<std::vector<std::string>>(&options.rule_files)->value_name("FILE")->composing(),
         "add a rule file: its rules and lexicons replace those of the same name (repeatable)")
        ("disable", po::value<std::vector<std::string>>()->value_name("ID")->composing(), "switch a rule off (repeatable)")
        ("enable", po::value<std::vector<std::string>>()->value_name("ID")->composing(), "switch a rule on (repeatable)");
  }
  if (g & kReadOptions) {
    d.add_options()
        ("encoding", po::value<std::string>(&raw.encoding)->value_name("NAME"),
         "read text plans in this encoding (GB18030, GBK, UTF-16LE …) instead of deciding")
        ("max-input-size", po::value<std::string>(&raw.max_input_size)->value_name("SIZE"),
         "refuse an input (plan or rule file) larger than SIZE bytes; K, M, G suffixes (default 64M)")
        ("input-timeout", po::value<std::string>(&raw.input_timeout)->value_name("SECONDS"),
         "give up on a pipe or FIFO that sends nothing for SECONDS (default 10)");
  }
  return d;
}

/// `planlint COMMAND --help`.
void command_usage(const Command& command, const po::options_description& options, std::ostream& out) {
  out << "usage: planlint " << command.name << " [options]" << (command.operands.empty() ? "" : " ")
      << command.operands << "\n\n" << command.summary << "\n\n" << options << '\n' << kExitCodes;
}

}  // namespace

std::span<const Command> commands() { return kCommands; }

const Command* find_command(std::string_view name) {
  for (const auto& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::optional<Options> parse_options(int argc, const char* const argv[], std::ostream& out,
                                     std::ostream& err) {
  Options options;
  options.command = "help";
  const std::string first = argc > 1 ? argv[1] : "";
  if (first == "--help" || first == "-h" || (first == "help" && argc <= 2)) {
    general_usage(out);
    return options;
  }
  if (first.empty()) {
    err << "planlint: no command given (see planlint --help)\n";
    return std::nullopt;
  }
  if (first.front() == '-') {
    err << "planlint: give a command first: planlint COMMAND [options] FILE... (see planlint --help)\n";
    return std::nullopt;
  }
  const bool asks_help = first == "help";
  const std::string name = asks_help ? std::string(argv[2]) : first;
  const Command* command = find_command(name);
  if (!command) {
    err << "planlint: unknown command '" << name << "' (see planlint --help)\n";
    return std::nullopt;
  }
  Raw raw;
  const po::options_description visible = options_of(*command, options, raw);
  if (asks_help) {
    command_usage(*command, visible, out);
    return options;
  }
  options.command = command->name;
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(&options.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  try {
    // The command's own options, after its name.
    const auto parsed = po::command_line_parser(argc - 1, argv + 1).options(all).positional(positional).run();
    po::variables_map vm;
    po::store(parsed, vm);
    po::notify(vm);
    for (const auto& [key, value] : vm) {
      if (!value.defaulted()) options.given.push_back(key);
    }
    if (vm.count("help")) {
      command_usage(*command, visible, out);
      options.command = "help";
      return options;
    }
    // --disable and --enable apply in the order given.
    for (const auto& opt : parsed.options) {
      if (opt.string_key == "disable" || opt.string_key == "enable") {
        for (const auto& id : opt.value) options.switches.emplace_back(id, opt.string_key == "enable");
      }
    }
  } catch (const po::error& e) {
    err << "planlint " << command->name << ": " << e.what() << " (see planlint " << command->name << " --help)\n";
    return std::nullopt;
  }
  if (command->options & kReportOptions) {
    // NAME or NAME=FILE, any number; at most one without a file (it goes to
    // standard output, or --output).
    if (!raw.formats.empty()) options.reports.clear();
    std::size_t to_stdout = 0;
    for (const auto& f : raw.formats) {
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
  }
  if (command->options & kViewFormat) {
    if (raw.formats.size() > 1) {
      err << "planlint: --format for " << command->name << " is given once\n";
      return std::nullopt;
    }
    const auto names = words(command->formats);
    const std::string format = raw.formats.empty() ? names.front() : raw.formats[0];
    if (std::find(names.begin(), names.end(), format) == names.end()) {
      err << "planlint: --format for " << command->name << " must be " << names[0];
      for (std::size_t i = 1; i < names.size(); ++i) err << (i + 1 == names.size() ? " or " : ", ") << names[i];
      err << ", not '" << format << "'\n";
      return std::nullopt;
    }
    options.format = format == "xml"       ? Format::xml
                     : format == "dot"     ? Format::dot
                     : format == "graphml" ? Format::graphml
                                           : Format::text;
  }
  if (raw.fail_on == "never") {
    options.fail_on.reset();
  } else if (raw.fail_on == "error") {
    options.fail_on = Severity::error;
  } else if (raw.fail_on == "warning") {
    options.fail_on = Severity::warning;
  } else if (raw.fail_on == "info") {
    options.fail_on = Severity::info;
  } else {
    err << "planlint: --fail-on must be error, warning, info or never, not '" << raw.fail_on << "'\n";
    return std::nullopt;
  }
  if (!one_of(raw.color, {"auto", "always", "never"})) {
    err << "planlint: --color must be auto, always or never, not '" << raw.color << "'\n";
    return std::nullopt;
  }
  options.color = raw.color == "always" ? ColorMode::always : raw.color == "never" ? ColorMode::never : ColorMode::automatic;
  if (raw.jobs.empty()) {
    options.jobs = std::max(1u, std::thread::hardware_concurrency());
  } else if (const auto n = whole_number(raw.jobs); n && *n >= 1) {
    options.jobs = static_cast<unsigned>(std::min<std::uint64_t>(*n, kMaxJobs));
  } else {
    err << "planlint: -j must be a whole number of at least 1, not '" << raw.jobs << "'\n";
    return std::nullopt;
  }
  if (!raw.max_input_size.empty()) {
    const auto n = byte_size(raw.max_input_size);
    if (!n || *n == 0) {
      err << "planlint: --max-input-size must be a number of bytes with an optional K, M or G, not '"
          << raw.max_input_size << "'\n";
      return std::nullopt;
    }
    options.limits.max_bytes = *n;
  }
  if (!raw.input_timeout.empty()) {
    const auto n = whole_number(raw.input_timeout);
    if (!n || *n == 0 || *n > 86400) {
      err << "planlint: --input-timeout must be a whole number of seconds from 1 to 86400, not '"
          << raw.input_timeout << "'\n";
      return std::nullopt;
    }
    options.limits.idle_seconds = static_cast<int>(*n);
  }
  if (!raw.max_warnings.empty()) {
    const auto n = whole_number(raw.max_warnings);
    if (!n) {
      err << "planlint: --max-warnings must be a whole number, not '" << raw.max_warnings << "'\n";
      return std::nullopt;
    }
    options.max_warnings = static_cast<std::size_t>(*n);
  }
  // The name is checked where it is used: iconv knows the names.
  if (!raw.encoding.empty()) options.reading.encoding = raw.encoding;
  return options;
}

}  // namespace planlint::cli
