// UTF-8 checked by its byte patterns (RFC 3629's table); Windows-1252 mapped through its one
// table of 32 code points, the rest of its upper half being Latin-1's.
#include "text_encoding.hpp"

#include <cstdint>

namespace reel {

namespace {

// U+ code points of bytes 0x80–0x9F in Windows-1252; 0xFFFD where it defines none.
constexpr uint16_t kHigh[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

bool valid_utf8(std::string_view bytes) {
    size_t i = 0;
    const size_t n = bytes.size();
    auto at = [&](size_t k) { return static_cast<uint8_t>(bytes[k]); };
    auto tail = [&](size_t k, uint8_t lo = 0x80, uint8_t hi = 0xBF) { return k < n && at(k) >= lo && at(k) <= hi; };
    while (i < n) {
        const uint8_t b = at(i);
        if (b < 0x80) {
            i += 1;
        } else if (b >= 0xC2 && b <= 0xDF) {
            if (!tail(i + 1)) return false;
            i += 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            // E0 needs A0–BF next (no overlong form), ED 80–9F (no surrogate).
            const uint8_t lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
            if (!tail(i + 1, lo, hi) || !tail(i + 2)) return false;
            i += 3;
        } else if (b >= 0xF0 && b <= 0xF4) {
            // F0 needs 90–BF next (no overlong form), F4 80–8F (nothing past U+10FFFF).
            const uint8_t lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
            if (!tail(i + 1, lo, hi) || !tail(i + 2) || !tail(i + 3)) return false;
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

std::string utf8_from_windows1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char c : bytes) {
        const auto b = static_cast<uint8_t>(c);
        append_utf8(out, b < 0x80 ? b : b < 0xA0 ? kHigh[b - 0x80] : b);
    }
    return out;
}

}  // namespace reel
