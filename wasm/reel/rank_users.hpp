// Every trained user's top N at once, for evaluation at any scale: model scores four users at a
// time against each film (the film's vector read once for four), films in chunks most promising
// first so that a user stops once no later chunk can beat their n-th best, popularity by walking
// one global ranking, and natively the users split across threads. Each score is computed
// exactly as Model::score computes it and no film that could enter a list is skipped, so the
// lists — and the figures — are those of the one-at-a-time code to the last digit.
#pragma once
#include <cstdint>
#include <vector>

#include "model.hpp"
#include "train_index.hpp"

namespace reel {

// The n best films for each user with `wanted[u]` (empty list otherwise), among the films in
// training that u did not rate there; ties go to the smaller film index.
std::vector<std::vector<int32_t>> top_n_by_model(const Model& model, const TrainIndex& index, size_t n, const std::vector<char>& wanted);
std::vector<std::vector<int32_t>> top_n_by_popularity(const TrainIndex& index, size_t n, const std::vector<char>& wanted);

}  // namespace reel
