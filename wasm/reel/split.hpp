// The seeded 80/20 split of evaluation.md: shuffle every rating once, the last fifth is test.
#pragma once
#include <cstdint>
#include <vector>

#include "ratings.hpp"

namespace reel {

struct Split {
    std::vector<Rating> train, test;
};

// test gets ⌊n/5⌋ ratings (20,167 of MovieLens latest-small's 100,836), train the rest.
Split split_ratings(std::vector<Rating> all, uint64_t seed);

}  // namespace reel
