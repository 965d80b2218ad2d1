// The files a command reads for its inputs: files as given, directories
// walked for plan files. Every entry that cannot be read is kept, with why,
// so that it is named in the report rather than passed over.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include "planlint/commands.hpp"
#include "planlint/source.hpp"

namespace planlint {

namespace fs = std::filesystem;

namespace {

/// Directories below a directory given on the command line at most; deeper
/// ones are named as not walked.
constexpr std::size_t kMaxDepth = 128;

struct DirId {
  dev_t dev;
  ino_t ino;
  friend bool operator==(const DirId&, const DirId&) = default;
};

class Walker {
 public:
  explicit Walker(std::vector<InputFile>& found) : found_(found) {}

  void walk(const fs::path& dir, const struct stat& status) {
    const DirId id{status.st_dev, status.st_ino};
    // Links to directories are not followed; a bind mount can still lead back.
    if (std::find(ancestors_.begin(), ancestors_.end(), id) != ancestors_.end()) {
      found_.push_back(InputFile{dir.string(), "directory loop: leads back to a directory above it"});
      return;
    }
    if (ancestors_.size() >= kMaxDepth) {
      found_.push_back(InputFile{dir.string(), "directory nested too deep, not walked"});
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      found_.push_back(InputFile{dir.string(), "cannot read directory: " + ec.message()});
      return;
    }
    ancestors_.push_back(id);
    for (const fs::directory_iterator end; it != end;) {
      entry(it->path());
      it.increment(ec);
      if (ec) {
        found_.push_back(InputFile{dir.string(), "cannot read directory: " + ec.message()});
        break;
      }
    }
    ancestors_.pop_back();
  }

 private:
  /// One directory entry: a plan file, a directory to walk, or an entry that
  /// cannot be resolved (a dangling link, a link loop, no permission). A link
  /// to a directory is not followed (as find and ripgrep do by default): it
  /// may lead out of the tree, up to its root, or round in a circle.
  void entry(const fs::path& p) {
    // Hidden entries (.git, .cache, .planlint-baseline.json) are not plans:
    // a walk passes over them, as linters do; name one to check it.
    if (const std::string name = p.filename().string(); !name.empty() && name[0] == '.') return;
    // One lstat tells most entries apart; only a link needs a stat of its
    // target as well.
    struct stat status {};
    const bool seen = ::lstat(p.c_str(), &status) == 0;
    const bool is_link = seen && S_ISLNK(status.st_mode);
    if ((!seen || is_link) && ::stat(p.c_str(), &status) != 0) {
      const int err = errno;
      std::string why = err == ELOOP                  ? "symbolic link loop"
                        : is_link && err == ENOENT    ? "broken symbolic link (its target does not exist)"
                                                      : std::string("cannot read: ") + std::strerror(err);
      found_.push_back(InputFile{p.string(), std::move(why)});
      return;
    }
    if (S_ISDIR(status.st_mode) && is_link) {
      found_.push_back(InputFile{p.string(), "symbolic link to a directory, not followed (name it to check it)", true, true});
    } else if (S_ISDIR(status.st_mode)) {
      walk(p, status);
    } else if (S_ISREG(status.st_mode) && is_plan_file_name(p.filename().string())) {
      found_.push_back(InputFile{p.string(), {}, true, false, false, FileId{status.st_dev, status.st_ino}});
    } else if (S_ISREG(status.st_mode)) {
      found_.push_back(InputFile{p.string(), "not a plan file (.txt, .md, .markdown and .docx are read), passed over",
                                 true, false, true});
    }
  }

  std::vector<InputFile>& found_;
  std::vector<DirId> ancestors_;  // the directories being walked, outermost first
};

}  // namespace

std::vector<InputFile> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<InputFile> files;
  for (const auto& input : inputs) {
    struct stat status {};
    if (input == "-" || ::stat(input.c_str(), &status) != 0 || !S_ISDIR(status.st_mode)) {
      files.push_back(InputFile{input, {}});  // a file; reading it says what is wrong
      continue;
    }
    std::vector<InputFile> found;
    Walker(found).walk(input, status);
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    std::move(found.begin(), found.end(), std::back_inserter(files));
  }
  return files;
}

}  // namespace planlint
