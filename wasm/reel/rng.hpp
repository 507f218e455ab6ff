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

    // Both sit in the header: BPR draws five of them per step, and a call each would cost
    // more than the draw.
    uint32_t next() {  // 32 uniform bits
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
    uint32_t below(uint32_t n) {  // uniform in [0, n), n > 0, without modulo bias (Lemire)
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
    float uniform();  // uniform in [0, 1), 24 bits of precision
    float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }

    // Fisher–Yates with this generator; std::shuffle's sequence differs between standard libraries.
    template <class T>
    void shuffle(T* v, std::size_t n) {
        for (std::size_t i = n; i > 1; --i) std::swap(v[i - 1], v[below(static_cast<uint32_t>(i))]);
    }
    template <class T>
    void shuffle(std::vector<T>& v) {
        shuffle(v.data(), v.size());
    }

    // A generator for one purpose (split, initialisation, sampling) derived from a seed,
    // so that changing one stage's use of randomness does not shift the others.
    static Rng stream(uint64_t seed, uint64_t purpose);
    // Every purpose, each with its own number: two stages that shared one would draw the same numbers.
    enum Stream : uint64_t {
        kSplit = 1,          // the 80/20 split (split.cpp)
        kRatingInit = 2,     // the rating model's starting vectors
        kRatingOrder = 3,    // the order of its SGD steps, one stream per grid cell (cell << 32)
        kRankingInit = 4,    // the ranking model's starting vectors
        kRankingSample = 5,  // BPR's draws, one stream per grid cell (cell << 32)
        kRankingFoldIn = 6,  // a visitor's BPR fold-in
        kImplicitInit = 7,   // the implicit model's starting film vectors
        kMapLayout = 8,      // the map's layout steps
        kMapStart = 9,       // the map's random start
        kColdSplit = 10,     // which MovieLens users become new visitors (cold_split.cpp)
        kGroups = 11,        // who watches with whom (together_figures.cpp)
    };

private:
    static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
    uint32_t s_[4];
};

}  // namespace reel
