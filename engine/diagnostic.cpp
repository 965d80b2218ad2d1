#include "planlint/diagnostic.hpp"

#include <ostream>
#include <tuple>

namespace planlint {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

std::ostream& operator<<(std::ostream& out, Severity s) { return out << to_string(s); }

bool operator<(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.where, a.rule) < std::tie(b.file, b.where, b.rule);
}

}  // namespace planlint
