// Seeding for the project's generator: SplitMix64 spreads one seed over xoshiro128**'s state.
#include "rng.hpp"

namespace reel {

namespace {
uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
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

float Rng::uniform() { return static_cast<float>(next() >> 8) * (1.0f / 16777216.0f); }

}  // namespace reel
