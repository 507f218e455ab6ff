// UTF-8 checked by its byte patterns (RFC 3629's table); a byte that starts no UTF-8 sequence is
// Windows-1252's, mapped through its one table of 32 code points, the rest being Latin-1's.
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

// The length of the well-formed UTF-8 sequence at `i` (RFC 3629's table: no overlong form,
// surrogate or code point past U+10FFFF), or 0 when none starts there.
size_t sequence_at(std::string_view bytes, size_t i) {
    const size_t n = bytes.size();
    auto at = [&](size_t k) { return static_cast<uint8_t>(bytes[k]); };
    auto tail = [&](size_t k, uint8_t lo = 0x80, uint8_t hi = 0xBF) { return k < n && at(k) >= lo && at(k) <= hi; };
    const uint8_t b = at(i);
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) return tail(i + 1) ? 2 : 0;
    if (b >= 0xE0 && b <= 0xEF) {
        const uint8_t lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
        return tail(i + 1, lo, hi) && tail(i + 2) ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        const uint8_t lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        return tail(i + 1, lo, hi) && tail(i + 2) && tail(i + 3) ? 4 : 0;
    }
    return 0;
}

}  // namespace

bool valid_utf8(std::string_view bytes) {
    for (size_t i = 0, len = 0; i < bytes.size(); i += len)
        if ((len = sequence_at(bytes, i)) == 0) return false;
    return true;
}

std::string utf8_repaired(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (size_t i = 0; i < bytes.size();) {
        if (const size_t len = sequence_at(bytes, i); len > 0) {
            out.append(bytes.substr(i, len));
            i += len;
        } else {
            const auto b = static_cast<uint8_t>(bytes[i++]);  // ≥ 0x80: ASCII is always a sequence
            append_utf8(out, b < 0xA0 ? kHigh[b - 0x80] : b);
        }
    }
    return out;
}

}  // namespace reel
