#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>

#include "planlint/commands.hpp"
#include "text_util.hpp"

namespace planlint {

namespace {

namespace fs = std::filesystem;

std::string reason(int err) { return err ? std::string(": ") + std::strerror(err) : std::string(); }

/// Flushes `out` and says whether every write to it succeeded.
bool flushed(std::ostream& out, int& err) {
  errno = 0;
  out.flush();
  err = errno;
  return static_cast<bool>(out);
}

/// Flushes and closes `file`, written at `path`: false, with why in `error`,
/// when any write to it failed.
template <typename File>
bool close_written(File& file, const std::string& path, std::string& error) {
  int err = 0;
  bool written = flushed(file, err);
  file.close();
  if (!file && written) err = errno;
  written = written && static_cast<bool>(file);
  if (!written) error = "cannot write " + path + reason(err);
  return written;
}

/// Standard output (or any stream the caller owns).
class StreamOutput final : public Output {
 public:
  explicit StreamOutput(std::ostream& out) : out_(out) {}
  std::ostream& stream() override { return out_; }
  bool commit(std::string& error) override {
    int err = 0;
    if (flushed(out_, err)) return true;
    error = "cannot write to standard output" + reason(err);
    return false;
  }

 private:
  std::ostream& out_;
};

/// A device, FIFO or other special file (/dev/null, /dev/stdout): written
/// into, never replaced.
class DeviceOutput final : public Output {
 public:
  DeviceOutput(std::string path, std::ofstream file) : path_(std::move(path)), file_(std::move(file)) {}
  std::ostream& stream() override { return file_; }
  bool commit(std::string& error) override { return close_written(file_, path_, error); }

 private:
  std::string path_;
  std::ofstream file_;
};

/// Puts the complete file `from` in the place of `to` in one step: a reader
/// of `to` finds the whole old report or the whole new one. A previous report
/// (a regular file) is swapped with the new one and then removed. A plain
/// rename over it costs 6-40 ms for a 5.9 MB report on ext4, whose guard
/// for files replaced by rename (auto_da_alloc) writes the new file out and
/// releases the old one's blocks inside the call; the swap and the removal
/// take under 1 ms. Anything else at `to` (no file, a link) and a file
/// system that cannot swap get a plain rename.
bool replace(const std::string& from, const std::string& to) {
#ifdef RENAME_EXCHANGE
  struct stat existing {};
  if (::lstat(to.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
      ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0) {
    ::unlink(from.c_str());  // the old report, now under the temporary name
    return true;
  }
#endif
  return std::rename(from.c_str(), to.c_str()) == 0;
}

/// A temporary file beside the target that replaces it on commit().
class ReplacedFile final : public Output {
 public:
  ReplacedFile(std::string path, std::string temp) : path_(std::move(path)), temp_(std::move(temp)) {
    // Opened without truncating it: ext4 writes out at close a file that was
    // truncated to nothing (the same guard as for rename).
    file_.open(temp_, std::ios::binary | std::ios::in | std::ios::out);
  }
  ~ReplacedFile() override {
    if (!temp_.empty()) std::remove(temp_.c_str());
  }
  ReplacedFile(const ReplacedFile&) = delete;
  ReplacedFile& operator=(const ReplacedFile&) = delete;

  std::ostream& stream() override { return file_; }
  bool commit(std::string& error) override {
    if (!close_written(file_, path_, error)) return false;
    if (!replace(temp_, path_)) {
      error = "cannot write " + path_ + reason(errno);
      return false;
    }
    temp_.clear();
    return true;
  }

 private:
  std::string path_;
  std::string temp_;
  std::fstream file_;
};

/// The input among `inputs` and `files` that `output` is (the same file,
/// through links or hard links too), if any: writing the output would
/// destroy it.
std::optional<std::string> output_among_inputs(const std::string& output, const std::vector<std::string>& inputs,
                                               std::span<const InputFile> files) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return std::nullopt;
  const FileId target{out.st_dev, out.st_ino};
  const auto same = [&target](const std::string& input) {
    struct stat in {};
    return input != "-" && ::stat(input.c_str(), &in) == 0 && FileId{in.st_dev, in.st_ino} == target;
  };
  for (const auto& input : inputs) {
    if (same(input)) return input;
  }
  for (const auto& file : files) {
    if (file.id ? *file.id == target : same(file.path)) return file.path;
  }
  return std::nullopt;
}

/// The output at `path` (not empty); on failure, why in `error`.
std::unique_ptr<Output> open_file_output(const std::string& path, std::string& error) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    if (S_ISDIR(existing.st_mode)) {
      error = "cannot write " + path + ": is a directory";
      return nullptr;
    }
    std::ofstream file(path, std::ios::binary | std::ios::out);
    if (!file) {
      error = "cannot write " + path + reason(errno);
      return nullptr;
    }
    return std::make_unique<DeviceOutput>(path, std::move(file));
  }
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot create a temporary file in " + dir.string() + reason(errno);
    return nullptr;
  }
  // mkstemp makes the file private; a report gets the usual mode.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  auto output = std::make_unique<ReplacedFile>(path, temp);
  if (!output->stream()) {
    error = "cannot write " + temp + reason(errno);
    return nullptr;
  }
  return output;
}

}  // namespace

std::unique_ptr<Output> open_output(const std::string& path, const std::vector<std::string>& inputs,
                                    std::ostream& standard_output, std::ostream& err, std::span<const InputFile> files) {
  if (path.empty()) return std::make_unique<StreamOutput>(standard_output);
  if (const auto same = output_among_inputs(path, inputs, files)) {
    err << "planlint: " << text::terminal_safe(path) << ": error: the output would replace the input "
        << text::terminal_safe(*same) << "; choose another --output\n";
    return nullptr;
  }
  std::string error;
  auto output = open_file_output(path, error);
  if (!output) err << "planlint: " << text::terminal_safe(error) << '\n';
  return output;
}

int finish_output(Output& output, int status, std::ostream& err) {
  std::string error;
  if (!output.commit(error)) {
    err << "planlint: " << text::terminal_safe(error) << '\n';
    return kExitError;
  }
  return status;
}

}  // namespace planlint
