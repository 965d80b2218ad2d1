// planlint: argv → Options → command → exit code.
#include <malloc.h>
#include <unistd.h>

#include <exception>
#include <iostream>

#include "options.hpp"

int main(int argc, char* argv[]) {
  // Files are checked one after another, each built up and released whole.
  // glibc raises its threshold for mapping a block on its own each time such
  // a block is freed, so that after the first large file the next file's
  // syntax tree and sections come from the heap, and their holes stay
  // resident after release. A fixed threshold keeps large blocks mapped and
  // returned as soon as they are freed (a file of 100,000 headings: 55
  // instead of 65 MB at the peak).
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  try {
    std::ios::sync_with_stdio(false);
    const auto options = planlint::cli::parse_options(argc, argv, std::cout, std::cerr);
    if (!options) return planlint::kExitError;
    const auto* command = planlint::cli::find_command(options->command);
    if (!command) return planlint::kExitOk;  // help was asked for and given
    const planlint::cli::Io io{std::cin, std::cout, std::cerr, ::isatty(STDOUT_FILENO) != 0};
    return command->run(*options, io);
  } catch (const std::exception& e) {
    std::cerr << "planlint: internal error: " << e.what() << '\n';
    return planlint::kExitError;
  }
}
