#include "planlint/source.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <istream>
#include <sstream>

#include "utf8.hpp"

namespace planlint {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

std::size_t code_points(std::string_view utf8) {
  // Every byte but a continuation byte starts a code point. A plain loop
  // with a narrow counter, which the compiler turns into vector code.
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  std::size_t total = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t end = std::min(utf8.size(), i + 65535);
    std::uint32_t n = 0;
    for (; i < end; ++i) n += (p[i] & 0xC0u) != 0x80u;
    total += n;
  }
  return total;
}

std::uint32_t origin_column(const LineOrigin& origin, std::uint32_t view_column) {
  if (view_column <= origin.prefix) view_column = origin.prefix + 1;
  const std::int64_t column = std::int64_t{view_column} + origin.column_shift;
  return column < 1 ? 1u : static_cast<std::uint32_t>(column);
}

SourceFile::SourceFile(std::string path, std::string bytes, TextView view)
    : path_(std::move(path)), bytes_(std::move(bytes)), view_(std::move(view)) {
  if (!view_.original.empty()) {
    original_line_starts_.push_back(0);
    for (std::size_t i = 0; i < view_.original.size(); ++i) {
      if (view_.original[i] == '\n') original_line_starts_.push_back(i + 1);
    }
  }
  if (std::string_view(bytes_).substr(0, kBom.size()) == kBom) bom_ = kBom.size();
  const std::string_view all = text();
  // Lines end with \n, \r\n or a lone \r, as in the grammar. Most files
  // have no lone \r: a memchr for \n is enough for them.
  line_starts_.push_back(0);
  if (all.find('\r') == std::string_view::npos) {
    for (const char* p = all.data(), *end = all.data() + all.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));) {
      ++p;
      line_starts_.push_back(static_cast<std::size_t>(p - all.data()));
    }
  } else {
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i] == '\n' || (all[i] == '\r' && (i + 1 == all.size() || all[i + 1] != '\n'))) {
        line_starts_.push_back(i + 1);
      }
    }
  }
  // The table of code points per block serves only lines too long to count
  // directly (see location()); most files have none.
  std::size_t longest = 0;
  for (std::size_t k = 1; k <= line_starts_.size(); ++k) {
    const std::size_t end = k < line_starts_.size() ? line_starts_[k] : all.size();
    longest = std::max(longest, end - line_starts_[k - 1]);
  }
  if (longest <= kDirectCount) return;
  block_code_points_.reserve(all.size() / kBlock + 1);
  std::size_t count = 0;
  for (std::size_t block = 0; block < all.size(); block += kBlock) {
    block_code_points_.push_back(count);
    count += code_points(all.substr(block, kBlock));
  }
}

std::size_t SourceFile::code_points_before(std::size_t offset) const {
  const std::string_view all = text();
  const std::size_t block = offset / kBlock;
  if (block >= block_code_points_.size()) return planlint::code_points(all.substr(0, offset));
  return block_code_points_[block] + planlint::code_points(all.substr(block * kBlock, offset - block * kBlock));
}

Location SourceFile::location(std::size_t offset) const {
  const Location at = view_location(offset);
  if (view_.origins.empty() || at.line == 0 || at.line > view_.origins.size()) return at;
  const LineOrigin& origin = view_.origins[at.line - 1];
  return Location{origin.line, origin_column(origin, at.column)};
}

Location SourceFile::view_location(std::size_t offset) const {
  const std::string_view all = text();
  offset = std::min(offset, all.size());
  // The last line start at or before offset (the first is 0): a binary
  // search whose steps the compiler turns into conditional moves, since the
  // branches of a plain one are as good as random.
  const std::size_t* base = line_starts_.data();
  for (std::size_t n = line_starts_.size(); n > 1;) {
    const std::size_t half = n / 2;
    base = base[half] <= offset ? base + half : base;
    n -= half;
  }
  const auto index = static_cast<std::size_t>(base - line_starts_.data());
  const std::size_t start = *base;
  // Short stretches are counted directly; long lines use the block table, so
  // no lookup scans more than a few KiB.
  const std::size_t column = offset - start <= kDirectCount
                                 ? code_points(all.substr(start, offset - start))
                                 : code_points_before(offset) - code_points_before(start);
  return Location{static_cast<std::uint32_t>(index + 1), static_cast<std::uint32_t>(column + 1)};
}

Location SourceFile::location(std::string_view piece) const {
  const std::string_view all = text();
  const char* base = all.data();
  if (piece.data() < base || piece.data() > base + all.size()) return Location{};
  return location(static_cast<std::size_t>(piece.data() - base));
}

Location SourceFile::location_after(std::string_view earlier, Location at, std::string_view later) const {
  const std::string_view all = text();
  const bool inside = earlier.data() >= all.data() && later.data() <= all.data() + all.size();
  // A view's columns are not the original's everywhere (a prefix the reader
  // wrote): place each piece on its own.
  if (!inside || later.data() < earlier.data() || at.line == 0 || !view_.origins.empty()) return location(later);
  const auto n = static_cast<std::size_t>(later.data() - earlier.data());
  if (std::memchr(earlier.data(), '\n', n) || std::memchr(earlier.data(), '\r', n)) return location(later);
  return Location{at.line, at.column + static_cast<std::uint32_t>(planlint::code_points(std::string_view(earlier.data(), n)))};
}

std::string_view SourceFile::line(std::uint32_t number) const {
  if (!original_line_starts_.empty()) {
    if (number == 0 || number > original_line_starts_.size()) return {};
    const std::string_view all = view_.original;
    const std::size_t start = original_line_starts_[number - 1];
    std::size_t end = number < original_line_starts_.size() ? original_line_starts_[number] : all.size();
    if (end > start && all[end - 1] == '\n') --end;
    if (end > start && all[end - 1] == '\r') --end;
    return all.substr(start, end - start);
  }
  const std::string_view all = text();
  if (number == 0 || number > line_starts_.size()) return {};
  const std::size_t start = line_starts_[number - 1];
  // Without its line end: \n, \r\n or \r.
  std::size_t end = number < line_starts_.size() ? line_starts_[number] : all.size();
  if (end > start && all[end - 1] == '\n') --end;
  if (end > start && all[end - 1] == '\r') --end;
  return all.substr(start, end - start);
}

std::string_view SourceFile::line_around(std::string_view piece) const {
  const std::string_view all = text();
  if (piece.data() < all.data() || piece.data() > all.data() + all.size()) return {};
  const auto offset = static_cast<std::size_t>(piece.data() - all.data());
  const std::size_t before = offset == 0 ? std::string_view::npos : all.find_last_of("\r\n", offset - 1);
  const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
  const std::size_t end = std::min(all.find_first_of("\r\n", offset), all.size());
  return all.substr(start, end - start);
}

std::optional<LoadError> check_utf8_text(std::string_view bytes) {
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  if (utf8::valid_text(bytes)) return std::nullopt;  // the fast check; positions only when it fails
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      std::ostringstream out;
      out << "not text: NUL byte at line " << line << ", column " << column;
      return LoadError{out.str(), Location{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)}};
    }
    const std::size_t n = utf8::sequence_length(bytes, i);
    if (n == 0) {
      std::ostringstream out;
      out << "not UTF-8 text: invalid byte 0x" << std::hex << std::uppercase
          << static_cast<unsigned>(c) << std::dec << " at line " << line << ", column " << column;
      return LoadError{out.str(), Location{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)}};
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
  return std::nullopt;
}

namespace {

/// Closes a file descriptor when it goes out of scope.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

/// Reads up to `size` bytes into `out` from its current end; false on an error.
bool read_into(int fd, std::string& out, std::size_t size) {
  const std::size_t start = out.size();
  out.resize(start + size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, out.data() + start + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(start + done);
  return true;
}

/// Makes room in `bytes` for `more` bytes, growing by doubling as a string
/// does but never past the bound (+1, to see that an input is over it): an
/// input at the bound costs the bound, not twice it.
void make_room(std::string& bytes, std::size_t more, const ReadLimits& limits) {
  const std::size_t needed = bytes.size() + more;
  if (needed <= bytes.capacity()) return;
  // The step that would pass the bound goes to the bound exactly (a string
  // grows to at least twice its capacity, so a step just past it would cost
  // twice the bound).
  const std::size_t doubled = 2 * bytes.capacity();
  bytes.reserve(doubled >= limits.max_bytes ? limits.max_bytes + 1 : std::max(needed, doubled));
}

std::string human_size(std::size_t bytes) {
  std::ostringstream out;
  if (bytes % (std::size_t{1} << 20) == 0) {
    out << (bytes >> 20) << " MiB";
  } else if (bytes % 1024 == 0) {
    out << (bytes >> 10) << " KiB";
  } else {
    out << bytes << " bytes";
  }
  return out.str();
}

/// Reads what a pipe, FIFO or device gives, in chunks, until its end, the
/// size limit, or `idle_seconds` without a byte. The descriptor is
/// non-blocking: a FIFO that no writer has opened yet reads as an end, and
/// is waited for (poll) like a silent pipe rather than taken for empty.
std::optional<std::string> read_stream_fd(int fd, bool fifo, LoadError& error, const ReadLimits& limits) {
  constexpr std::size_t kChunk = 65536;
  std::string bytes;
  bool writer_seen = !fifo;
  for (;;) {
    const std::size_t room = std::min(kChunk, limits.max_bytes + 1 - bytes.size());
    const std::size_t before = bytes.size();
    make_room(bytes, room, limits);
    bytes.resize(before + room);
    const ssize_t n = ::read(fd, bytes.data() + before, room);
    const int read_errno = errno;
    bytes.resize(before + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n > 0) {
      writer_seen = true;
      if (bytes.size() > limits.max_bytes) {
        error = LoadError{too_large_message(limits)};
        return std::nullopt;
      }
      continue;
    }
    if (n < 0 && read_errno == EINTR) continue;
    if (n < 0 && read_errno != EAGAIN && read_errno != EWOULDBLOCK) {
      error = LoadError{std::string("read error: ") + std::strerror(read_errno)};
      return std::nullopt;
    }
    if (n == 0 && writer_seen) return bytes;  // the end
    // Nothing yet: wait for data or for the writer to come and go.
    pollfd p{fd, POLLIN, 0};
    int ready;
    do {
      ready = ::poll(&p, 1, limits.idle_seconds * 1000);
    } while (ready < 0 && errno == EINTR);
    if (ready < 0) {
      error = LoadError{std::string("cannot wait for input: ") + std::strerror(errno)};
      return std::nullopt;
    }
    if (ready == 0) {
      std::ostringstream out;
      out << "nothing to read for " << limits.idle_seconds << " s (a pipe or FIFO with no writer?"
          << " see --input-timeout)";
      error = LoadError{out.str()};
      return std::nullopt;
    }
    if (p.revents & (POLLIN | POLLHUP)) writer_seen = true;
  }
}

}  // namespace

std::string too_large_message(const ReadLimits& limits) {
  return "larger than the " + human_size(limits.max_bytes) + " an input may be (see --max-input-size)";
}

std::optional<std::string> read_file_bytes(const std::string& path, LoadError& error, const ReadLimits& limits) {
  // Non-blocking, so that opening a FIFO with no writer returns at once.
  const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (file.fd < 0) {
    error = errno == ENOENT || errno == ENOTDIR ? LoadError{"no such file"}
            : errno == ELOOP                    ? LoadError{"symbolic link loop"}
                                                : LoadError{std::string("cannot open: ") + std::strerror(errno)};
    return std::nullopt;
  }
  struct stat status {};
  if (::fstat(file.fd, &status) != 0) {
    error = LoadError{std::string("cannot open: ") + std::strerror(errno)};
    return std::nullopt;
  }
  if (S_ISDIR(status.st_mode)) {
    error = LoadError{"is a directory, not a plan file"};
    return std::nullopt;
  }
  // A pipe, FIFO or device, and a file whose size is not known (/proc says 0).
  if (!S_ISREG(status.st_mode) || status.st_size == 0) {
    return read_stream_fd(file.fd, S_ISFIFO(status.st_mode), error, limits);
  }
  // A regular file: open, fstat and one read, the fewest system calls for a
  // file of known size.
  if (static_cast<std::size_t>(status.st_size) > limits.max_bytes) {
    error = LoadError{too_large_message(limits)};
    return std::nullopt;
  }
  std::string bytes;
  if (!read_into(file.fd, bytes, static_cast<std::size_t>(status.st_size))) {
    error = LoadError{std::string("read error: ") + std::strerror(errno)};
    return std::nullopt;
  }
  return bytes;
}

std::optional<SourceFile> load_source(const std::string& path, LoadError& error, const ReadLimits& limits) {
  auto bytes = read_file_bytes(path, error, limits);
  if (!bytes) return std::nullopt;
  return source_from_bytes(path, std::move(*bytes), error);
}

std::optional<std::string> read_stream_bytes(std::istream& in, LoadError& error, const ReadLimits& limits) {
  constexpr std::size_t kChunk = 65536;
  std::string bytes;
  while (in) {
    const std::size_t before = bytes.size();
    const std::size_t room = std::min(kChunk, limits.max_bytes + 1 - before);
    make_room(bytes, room, limits);
    bytes.resize(before + room);
    in.read(bytes.data() + before, static_cast<std::streamsize>(room));
    bytes.resize(before + static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > limits.max_bytes) {
      error = LoadError{too_large_message(limits)};
      return std::nullopt;
    }
  }
  if (in.bad()) {
    error = LoadError{"read error"};
    return std::nullopt;
  }
  return bytes;
}

std::optional<SourceFile> source_from_bytes(const std::string& path, std::string bytes, LoadError& error) {
  std::string_view content = bytes;
  if (content.substr(0, kBom.size()) == kBom) content.remove_prefix(kBom.size());
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    error = LoadError{"empty file"};
    return std::nullopt;
  }
  if (auto bad = check_utf8_text(bytes)) {
    error = *bad;
    return std::nullopt;
  }
  return SourceFile(path, std::move(bytes));
}

}  // namespace planlint
