// What every libFuzzer harness shares: reel::Error is an answer, anything else is a crash, and a
// check that fails aborts so libFuzzer keeps the input.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "error.hpp"

#define REEL_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            std::fprintf(stderr, "check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            std::abort();                                                                  \
        }                                                                                  \
    } while (0)

namespace fuzz {

inline std::string_view text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// A message a person can read: short whatever the input, and every control byte in a value
// escaped by reel::quoted() (a candidate list's own line breaks are the one exception).
inline void check_message(const reel::Error& e) {
    const std::string_view m = e.what();
    REEL_CHECK(!m.empty());
    if (m.size() >= 4096) std::fprintf(stderr, "message of %zu bytes: %.200s…\n", m.size(), e.what());
    REEL_CHECK(m.size() < 4096);
    for (const char c : m) {
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n') std::fprintf(stderr, "control byte in: %s\n", e.what());
        REEL_CHECK(static_cast<unsigned char>(c) >= 0x20 || c == '\n');
    }
}

}  // namespace fuzz
