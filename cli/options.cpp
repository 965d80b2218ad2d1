#include "options.hpp"

#include <boost/program_options.hpp>

#include <ostream>
#include <string>

namespace planlint::cli {

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "usage: planlint <command> [options] FILE...\n"
    "\n"
    "commands:\n"
    "  outline FILE...   show the structure planlint reads from each plan\n"
    "\n"
    "options:\n";

}  // namespace

std::optional<Options> parse_options(int argc, const char* const argv[], std::ostream& out,
                                     std::ostream& err) {
  Options options;
  std::string format = "text";
  po::options_description visible("options");
  visible.add_options()
      ("help,h", "show this help")
      ("format,f", po::value<std::string>(&format)->default_value("text"), "text or xml")
      ("rules", po::value<std::vector<std::string>>(&options.rule_files)->composing(),
       "add a rule file (repeatable)")
      ("verbose,v", po::bool_switch(&options.verbose), "log what is loaded and how long it takes");
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
    if (vm.count("help") || options.command == "help") {
      out << kUsage << visible;
      options.command = "help";
      return options;
    }
  } catch (const po::error& e) {
    err << "planlint: " << e.what() << " (see planlint --help)\n";
    return std::nullopt;
  }
  if (options.command.empty()) {
    err << "planlint: no command given (see planlint --help)\n";
    return std::nullopt;
  }
  if (options.command != "outline") {
    err << "planlint: unknown command '" << options.command << "' (see planlint --help)\n";
    return std::nullopt;
  }
  if (format == "text") {
    options.format = Format::text;
  } else if (format == "xml") {
    options.format = Format::xml;
  } else {
    err << "planlint: --format must be text or xml, not '" << format << "'\n";
    return std::nullopt;
  }
  return options;
}

}  // namespace planlint::cli
