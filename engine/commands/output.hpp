// Where a command's output goes: standard output, a special file written
// into, or a regular file replaced whole when the output is complete.
#pragma once

#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "planlint/commands.hpp"

namespace planlint {

/// A command's output. Everything is written to stream(); commit() checks
/// every write and, for a file replaced atomically, puts the new file in
/// place. An output destroyed without commit() leaves no trace (a
/// temporary file is removed, the old file is kept).
class Output {
 public:
  virtual ~Output() = default;
  virtual std::ostream& stream() = 0;
  /// False, with why in `error`, when anything could not be written.
  virtual bool commit(std::string& error) = 0;
};

/// An output at `path`: empty for `standard_output`; a device, FIFO or
/// other special file, written into as it is; otherwise a temporary file
/// beside `path` that replaces it (a regular file, a link, or nothing yet)
/// in one step on commit(). Refused, with one line on `err`, when `path` is
/// one of `inputs` or `files` (the same file, through links or hard links
/// too), a directory, or cannot be created. A file of `files` that a walk
/// found is known by the identity the walk saw, without a stat of its own.
std::unique_ptr<Output> open_output(const std::string& path, const std::vector<std::string>& inputs,
                                    std::ostream& standard_output, std::ostream& err,
                                    std::span<const InputFile> files = {});

/// Commits `output`; a failed write is one line on `err` and exit code 2,
/// else `status`.
int finish_output(Output& output, int status, std::ostream& err);

}  // namespace planlint
