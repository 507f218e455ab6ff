// The project's own seeded generator (xoshiro128** seeded by SplitMix64), with its own
// bounded integers and shuffle, so a seed gives the same stream natively and in WebAssembly.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace reel {

class Rng {
public:
    explicit Rng(uint64_t seed);

    uint32_t next();                 // 32 uniform bits
    uint32_t below(uint32_t n);      // uniform in [0, n), n > 0, without modulo bias
    float uniform();                 // uniform in [0, 1), 24 bits of precision
    float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }

    // Fisher–Yates with this generator; std::shuffle's sequence differs between standard libraries.
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(static_cast<uint32_t>(i))]);
    }

    // A generator for one purpose (split, initialisation, sampling) derived from a seed,
    // so that changing one stage's use of randomness does not shift the others.
    static Rng stream(uint64_t seed, uint64_t purpose);

private:
    uint32_t s_[4];
};

}  // namespace reel
