// Fixed-width little-endian encoding, written byte by byte so it does not depend on the host.
#include "bytes.hpp"

#include <cstring>

#include "error.hpp"

namespace reel {

void ByteWriter::u32(uint32_t v) {
    for (int b = 0; b < 4; ++b) out_ += static_cast<char>((v >> (8 * b)) & 0xFF);
}
void ByteWriter::u64(uint64_t v) {
    for (int b = 0; b < 8; ++b) out_ += static_cast<char>((v >> (8 * b)) & 0xFF);
}
void ByteWriter::f32(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u32(bits);
}
void ByteWriter::f64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
}
void ByteWriter::text(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out_.append(s);
}
// A model's vectors are millions of floats: sized once and filled in place, not appended a byte at
// a time (saving the page's models took 0.2 s in wasm that way, holding every query behind it).
void ByteWriter::floats(const float* v, size_t n) {
    const size_t at = out_.size();
    out_.resize(at + 4 * n);
    char* p = out_.data() + at;
    for (size_t i = 0; i < n; ++i, p += 4) {
        uint32_t bits;
        std::memcpy(&bits, v + i, sizeof bits);
        for (int b = 0; b < 4; ++b) p[b] = static_cast<char>((bits >> (8 * b)) & 0xFF);
    }
}
void ByteWriter::varint(uint64_t v) {
    for (; v >= 0x80; v >>= 7) out_ += static_cast<char>((v & 0x7F) | 0x80);
    out_ += static_cast<char>(v);
}

std::string_view ByteReader::raw(size_t n) {
    if (n > left()) throw Error(what_ + " is cut short (" + std::to_string(bytes_.size()) + " bytes)");
    const std::string_view s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
}
uint32_t ByteReader::u32() {
    const std::string_view s = raw(4);
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= uint32_t(static_cast<unsigned char>(s[b])) << (8 * b);
    return v;
}
uint64_t ByteReader::u64() {
    const std::string_view s = raw(8);
    uint64_t v = 0;
    for (int b = 0; b < 8; ++b) v |= uint64_t(static_cast<unsigned char>(s[b])) << (8 * b);
    return v;
}
uint64_t ByteReader::varint() {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const auto byte = static_cast<unsigned char>(raw(1)[0]);
        // The tenth byte may hold only the 64th bit: anything more cannot be a 64-bit number.
        if (shift == 63 && byte > 1) throw Error(what_ + " is damaged (a number of more than 64 bits)");
        v |= uint64_t(byte & 0x7F) << shift;
        if (byte < 0x80) return v;
    }
}
float ByteReader::f32() {
    const uint32_t bits = u32();
    float v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}
double ByteReader::f64() {
    const uint64_t bits = u64();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}
std::string ByteReader::text(size_t max_size) {
    const uint32_t n = u32();
    if (n > max_size) throw Error(what_ + " is damaged (a name of " + std::to_string(n) + " bytes)");
    return std::string(raw(n));
}
void ByteReader::floats(float* v, size_t n) {
    if (n > left() / 4) throw Error(what_ + " is cut short (" + std::to_string(bytes_.size()) + " bytes)");
    const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes_.data()) + pos_;
    for (size_t i = 0; i < n; ++i, p += 4) {
        const uint32_t bits = static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
                              static_cast<uint32_t>(p[3]) << 24;
        std::memcpy(v + i, &bits, sizeof bits);
    }
    pos_ += 4 * n;
}

void Fnv64::add(std::string_view bytes) {
    for (const char c : bytes) {
        h_ ^= static_cast<unsigned char>(c);
        h_ *= 0x100000001b3ull;
    }
}
void Fnv64::add_u64(uint64_t v) {
    for (int b = 0; b < 8; ++b) {
        h_ ^= (v >> (8 * b)) & 0xFF;
        h_ *= 0x100000001b3ull;
    }
}

}  // namespace reel
