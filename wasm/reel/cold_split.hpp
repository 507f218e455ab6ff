// The new-visitor split of evaluation.md, made with Reel's own generator: a fifth of the users
// become visitors, every rating of the others is training; each visitor's ratings, shuffled once,
// go 80/20 to a profile and a hidden part. Used when the shared split is not beside the project
// (it was made by NumPy, whose generator this does not copy), so its files are Reel's own.
#pragma once
#include <cstdint>
#include <vector>

#include "ratings.hpp"

namespace reel {

struct ColdSplit {
    std::vector<RatingRow> train;    // in file order
    std::vector<RatingRow> profile;  // by visitor, each visitor's in shuffled order (so "the first N" is a prefix)
    std::vector<RatingRow> hidden;   // by visitor
};

ColdSplit cold_split(const std::vector<RatingRow>& rows, uint64_t seed);

// The first `n` profile ratings of every visitor: what a visitor who rated a handful tells the page.
std::vector<RatingRow> first_ratings(const std::vector<RatingRow>& profile, size_t n);

}  // namespace reel
