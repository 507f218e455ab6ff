// The data the models learn from: the catalog, dense users, and the train/test ratings.
#pragma once
#include <cstdint>
#include <vector>

#include "catalog.hpp"
#include "ratings.hpp"

namespace reel {

struct Dataset {
    Catalog catalog;
    std::vector<int32_t> user_ids;  // dense index → MovieLens userId, ascending
    std::vector<Rating> train, test;
    size_t duplicates = 0;  // rating rows dropped by the duplicate policy

    size_t users() const { return user_ids.size(); }
    size_t films() const { return catalog.size(); }
    int user_index(int32_t user_id) const;  // -1 when unknown

    // All ratings, split 80/20 by `seed` (evaluation.md).
    static Dataset from_ratings(Catalog catalog, const RatingRows& all, uint64_t seed);
    // A split given as two files (e.g. the canonical one).
    static Dataset from_split(Catalog catalog, const RatingRows& train, const RatingRows& test);
};

// A catalog of the films the rows name, for ratings that come without movies.csv.
Catalog catalog_of(const std::vector<const RatingRows*>& files);

}  // namespace reel
