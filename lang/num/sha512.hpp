// SHA-512 (FIPS 180-4), for random.seed(str), which CPython derives from
// the str's bytes followed by their SHA-512 digest.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace corolab::num {

// Digest of `data` (one shot; O(n), no allocation).
std::array<uint8_t, 64> sha512(std::string_view data);

}  // namespace corolab::num
