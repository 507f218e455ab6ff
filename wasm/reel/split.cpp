// One Fisher–Yates shuffle with the project's generator, so a seed splits alike everywhere.
#include "split.hpp"

#include "rng.hpp"

namespace reel {

Split split_ratings(std::vector<Rating> all, uint64_t seed) {
    Rng rng = Rng::stream(seed, Rng::kSplit);
    rng.shuffle(all);
    const size_t n_train = all.size() - all.size() / 5;
    Split s;
    // The test part is copied out and the train part keeps the shuffled array: one copy of a
    // fifth of the ratings at a time, not of all of them.
    s.test.assign(all.begin() + static_cast<std::ptrdiff_t>(n_train), all.end());
    all.resize(n_train);
    s.train = std::move(all);
    return s;
}

}  // namespace reel
