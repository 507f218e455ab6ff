// Little-endian bytes in and out, for saving trained models; reads are bounds-checked.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reel {

class ByteWriter {
public:
    void u32(uint32_t v);
    void u64(uint64_t v);
    void f32(float v);
    void f64(double v);
    void text(std::string_view s);  // u32 length, then the bytes
    void floats(const float* v, size_t n);
    void varint(uint64_t v);  // LEB128: 7 bits a byte, low bits first, so small numbers take one byte
    void raw(std::string_view bytes) { out_.append(bytes); }
    void reserve(size_t more) { out_.reserve(out_.size() + more); }  // a model's megabytes in one allocation
    const std::string& bytes() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// Every read throws reel::Error("… is cut short") past the end, so a truncated file is a
// clear error and never a read out of bounds.
class ByteReader {
public:
    ByteReader(std::string_view bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {}
    uint32_t u32();
    uint64_t u64();
    float f32();
    double f64();
    std::string text(size_t max_size = 4096);
    void floats(float* v, size_t n);
    std::string_view raw(size_t n);
    uint64_t varint();  // throws on more than 64 bits
    size_t left() const { return bytes_.size() - pos_; }

private:
    std::string_view bytes_;
    std::string what_;
    size_t pos_ = 0;
};

// FNV-1a, 64 bits: a checksum and a data fingerprint that is the same on every platform.
class Fnv64 {
public:
    void add(std::string_view bytes);
    void add_u64(uint64_t v);
    uint64_t value() const { return h_; }

private:
    uint64_t h_ = 0xcbf29ce484222325ull;
};

}  // namespace reel
