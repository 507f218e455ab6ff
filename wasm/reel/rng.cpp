// xoshiro128** (Blackman & Vigna) with Lemire's multiply-and-reject bounded integers.
#include "rng.hpp"

namespace reel {

namespace {
uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
}  // namespace

Rng::Rng(uint64_t seed) {
    uint64_t a = splitmix64(seed), b = splitmix64(seed);
    s_[0] = static_cast<uint32_t>(a);
    s_[1] = static_cast<uint32_t>(a >> 32);
    s_[2] = static_cast<uint32_t>(b);
    s_[3] = static_cast<uint32_t>(b >> 32);
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // the all-zero state is a fixed point
}

Rng Rng::stream(uint64_t seed, uint64_t purpose) {
    uint64_t x = seed ^ (purpose * 0xD1B54A32D192ED03ull);
    return Rng(splitmix64(x));
}

uint32_t Rng::next() {
    const uint32_t result = rotl(s_[1] * 5, 7) * 9;
    const uint32_t t = s_[1] << 9;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 11);
    return result;
}

uint32_t Rng::below(uint32_t n) {
    uint64_t m = uint64_t(next()) * n;
    uint32_t low = static_cast<uint32_t>(m);
    if (low < n) {
        const uint32_t threshold = (0u - n) % n;  // 2^32 mod n: the biased low values
        while (low < threshold) {
            m = uint64_t(next()) * n;
            low = static_cast<uint32_t>(m);
        }
    }
    return static_cast<uint32_t>(m >> 32);
}

float Rng::uniform() { return static_cast<float>(next() >> 8) * (1.0f / 16777216.0f); }

}  // namespace reel
