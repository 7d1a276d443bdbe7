#pragma once
// Content digests and base64 for stored files and packages (libsodium).
#include <string>
#include <string_view>

namespace kientao::store {

// BLAKE2b-256 of `bytes` as 64 lower-case hex digits.
std::string ContentDigest(std::string_view bytes);
std::string ToBase64(std::string_view bytes);
// Throws std::runtime_error on text that is not base64.
std::string FromBase64(std::string_view text);
// `bytes` random bytes (libsodium's generator) as lower-case hex: keys that must not be guessed.
std::string RandomHex(size_t bytes);

}  // namespace kientao::store
