// planlint: argv → Options → command → exit code.
#include <exception>
#include <iostream>

#include "options.hpp"

int main(int argc, char* argv[]) {
  try {
    const auto options = planlint::cli::parse_options(argc, argv, std::cout, std::cerr);
    if (!options) return planlint::kExitError;
    if (options->command == "help") return planlint::kExitOk;
    return planlint::run_outline(*options, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "planlint: internal error: " << e.what() << '\n';
    return planlint::kExitError;
  }
}
