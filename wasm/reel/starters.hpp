// "Rate a few you know": films a visitor is likely to have seen, spread across the space of
// taste, so each handful of ratings says as much as it can — the first handful the same for
// everyone, every later one chosen for this visitor from what they have rated so far.
#pragma once
#include <cstdint>
#include <vector>

#include "model.hpp"
#include "train_index.hpp"

namespace reel {

constexpr size_t kStartersShown = 12;  // films the page offers to rate at a time

// k films (dense indices) among the most-rated that were rated 3.5 or more on average, chosen
// greedily farthest apart by the cosine of `model`'s film vectors, starting from the most
// rated, the better known preferred; films in `exclude` (sorted) are never chosen, so a page
// can ask for a fresh set.
std::vector<int32_t> starter_films(const Model& model, const TrainIndex& index, size_t k, const std::vector<int32_t>& exclude);

// The next k for a visitor who has rated `rated` (films in training; none: starter_films): the
// films `model` (folded in from them) most expects them to have seen, chosen greedily farthest
// from each other and from every film they rated — the regions of taste their ratings do not
// place yet — the likelier seen preferred; never one of `exclude` (sorted) or `rated`.
std::vector<int32_t> next_starters(const Model& model, const TrainIndex& index, size_t k, const std::vector<int32_t>& exclude,
                                   const std::vector<Rated>& rated);

}  // namespace reel
