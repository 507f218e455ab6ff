// "Rate a few you know": films most visitors will have seen and liked, spread across the space
// of taste, so a handful of ratings says as much as it can.
#pragma once
#include <cstdint>
#include <vector>

#include "model.hpp"
#include "train_index.hpp"

namespace reel {

// k films (dense indices) among the most-rated that were rated 3.5 or more on average, chosen
// greedily farthest apart by the cosine of `model`'s film vectors, starting from the most
// rated, the better known preferred; films in `exclude` (sorted) are never chosen, so a page
// can ask for a fresh set.
std::vector<int32_t> starter_films(const Model& model, const TrainIndex& index, size_t k, const std::vector<int32_t>& exclude);

}  // namespace reel
