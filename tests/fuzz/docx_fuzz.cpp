// libFuzzer target: one Word file, or its XML parts, through the .docx
// reader and on through the check path (harness.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  planlint::fuzz::check_docx(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
