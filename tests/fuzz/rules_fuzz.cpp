// libFuzzer target: one rule file through the rule language (harness.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  planlint::fuzz::check_rule_file(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
