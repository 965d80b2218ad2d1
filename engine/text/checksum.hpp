// The SHA-256 of a file's bytes, as reports name the exact file they judged.
#pragma once

#include <string>
#include <string_view>

namespace planlint {

/// SHA-256 (FIPS 180-4) of `bytes` as 64 lowercase hex digits (Nettle,
/// which uses the processor's SHA instructions where it has them).
std::string sha256_hex(std::string_view bytes);

}  // namespace planlint
