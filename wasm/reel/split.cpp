// One Fisher–Yates shuffle with the project's generator, so a seed splits alike everywhere.
#include "split.hpp"

#include "rng.hpp"

namespace reel {

enum : uint64_t { kSplitStream = 1 };

Split split_ratings(std::vector<Rating> all, uint64_t seed) {
    Rng rng = Rng::stream(seed, kSplitStream);
    rng.shuffle(all);
    const size_t n_train = all.size() - all.size() / 5;
    Split s;
    s.train.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n_train));
    s.test.assign(all.begin() + static_cast<std::ptrdiff_t>(n_train), all.end());
    return s;
}

}  // namespace reel
