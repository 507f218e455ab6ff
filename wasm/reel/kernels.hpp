// Small float-vector kernels over 4-wide lanes (SSE natively, SIMD128 in WebAssembly).
// The lane layout fixes the order of every sum, so both builds round identically.
#pragma once
#include <cstring>

namespace reel {

typedef float f32x4 __attribute__((vector_size(16)));

inline f32x4 load4(const float* p) {
    f32x4 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store4(float* p, f32x4 v) { std::memcpy(p, &v, sizeof v); }
inline float lane_sum(f32x4 v) { return (v[0] + v[1]) + (v[2] + v[3]); }

// a·b for k a multiple of 4 (the models pad their widths to one).
inline float dot(const float* a, const float* b, int k) {
    f32x4 acc = {0, 0, 0, 0};
    for (int f = 0; f < k; f += 4) acc += load4(a + f) * load4(b + f);
    return lane_sum(acc);
}

// y ← y + a·x.
inline void axpy(float* y, float a, const float* x, int k) {
    const f32x4 a4 = {a, a, a, a};
    for (int f = 0; f < k; f += 4) store4(y + f, load4(y + f) + a4 * load4(x + f));
}

// Asks for the cache lines of a k-float vector soon to be read (nothing in WebAssembly).
inline void prefetch(const float* v, int k) {
    for (int f = 0; f < k; f += 16) __builtin_prefetch(v + f);
}

// y ← s·y, used to give film vectors unit length for cosine search.
inline void scale(float* y, float s, int k) {
    for (int f = 0; f < k; f += 4) store4(y + f, load4(y + f) * s);
}

}  // namespace reel
