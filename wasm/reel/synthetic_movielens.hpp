// MovieLens-shaped data at any size, with planted taste, for measuring Reel at the scale of
// ML-25M without downloading it: heavy-tailed film popularity, every user with at least 20
// ratings, half stars, and taste groups whose structure a good ranker must find.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>

namespace reel {

struct MovieLensShape {
    uint64_t ratings = 1000000;  // exactly this many: users' drawn counts are scaled to add up to it
    int groups = 20;             // planted taste groups
    uint64_t seed = 1;
    // ML-25M's proportions: 154 ratings per user on average, 0.38 films per user; and films enough
    // that a user rates at most half of them with room to spare (with 102 films, 1000 asked gave 328).
    uint64_t users() const { return ratings / 154 + 1; }
    uint64_t films() const { return std::max(users() * 384 / 1000 + 100, 4 * ratings / users() + 1); }
};

enum class SyntheticFile { Movies, Ratings };

// Writes movies.csv and ratings.csv, chunk by chunk through `emit`, so 25 M ratings never sit in
// memory at once. Film f (movieId f + 1) and user u (userId u + 1) belong to group f % groups and
// u % groups; 70 % of a user's ratings fall in their group and are about 1.3 stars higher there.
void write_movielens_like(const MovieLensShape& shape, const std::function<void(SyntheticFile, std::string_view)>& emit);

}  // namespace reel
