// A set of films as a distribution over genres (Steck 2018): what calibration compares, in the
// measures of a list and in the re-ranking that makes a list calibrated.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "catalog.hpp"
#include "model.hpp"

namespace reel {

constexpr float kLiked = 3.5f;  // a given rating this high says which genres a viewer likes

// Up to 32 genres, and "no genre" as one of its own; unnormalised weights.
using GenreMix = std::array<double, 33>;

// Adds `weight` for a film, spread evenly over its genres.
void add_genres(const Catalog& catalog, int32_t film, double weight, GenreMix& mix);
// p: the films among `given` rated kLiked or more, each weighing 1/(their number); all zero when none is.
GenreMix liked_mix(const Catalog& catalog, const std::vector<Rated>& given);
// KL(p ‖ 0.99·q + 0.01·p), p and q normalised mixes: the smoothing keeps it finite when q lacks a genre p has.
double miscalibration(const GenreMix& p, const GenreMix& q);

}  // namespace reel
