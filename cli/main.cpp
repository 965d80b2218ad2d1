// planlint: argv → Options → command → exit code.
#include <unistd.h>

#include <exception>
#include <iostream>

#include "options.hpp"

int main(int argc, char* argv[]) {
  try {
    std::ios::sync_with_stdio(false);
    const auto options = planlint::cli::parse_options(argc, argv, std::cout, std::cerr);
    if (!options) return planlint::kExitError;
    const std::string& c = options->command;
    if (c == "help") return planlint::kExitOk;
    if (c == "outline") return planlint::run_outline(*options, std::cout, std::cerr);
    if (c == "graph") return planlint::run_graph(*options, std::cout, std::cerr);
    if (c == "rules") return planlint::run_rules(*options, std::cout, std::cerr);
    return planlint::run_check(*options, std::cin, std::cout, std::cerr, ::isatty(STDOUT_FILENO) != 0);
  } catch (const std::exception& e) {
    std::cerr << "planlint: internal error: " << e.what() << '\n';
    return planlint::kExitError;
  }
}
