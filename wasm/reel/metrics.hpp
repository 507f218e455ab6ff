// The figures of evaluation.md: RMSE over every test rating and Recall@k against held-out likes.
#pragma once
#include <cmath>
#include <vector>

#include "ratings.hpp"
#include "recommend.hpp"
#include "train_index.hpp"

namespace reel {

constexpr float kRelevant = 4.0f;  // a test rating this high marks a film the user liked

// √(mean (r − r̂)²) over every test rating; `predict` clips to the star scale.
template <class PredictFn>
double rmse(const std::vector<Rating>& test, PredictFn predict) {
    double sq = 0;
    for (const Rating& r : test) {
        const double e = r.value - predict(r.user, r.film);
        sq += e * e;
    }
    return test.empty() ? 0.0 : std::sqrt(sq / static_cast<double>(test.size()));
}

// Each user's relevant films: their test ratings ≥ 4.0, grouped by dense user index.
std::vector<std::vector<int32_t>> relevant_films(const std::vector<Rating>& test, size_t users);

// Mean over users with a relevant film of |top k ∩ relevant| / |relevant|.
template <class ScoreFn>
double recall_at(size_t k, const TrainIndex& index, const std::vector<std::vector<int32_t>>& relevant, ScoreFn score) {
    double sum = 0;
    size_t users = 0;
    for (size_t u = 0; u < relevant.size(); ++u) {
        if (relevant[u].empty()) continue;
        size_t hits = 0;
        for (const Scored& s : recommend(index, static_cast<int>(u), k, score))
            hits += std::binary_search(relevant[u].begin(), relevant[u].end(), s.film);
        sum += static_cast<double>(hits) / static_cast<double>(relevant[u].size());
        ++users;
    }
    return users == 0 ? 0.0 : sum / static_cast<double>(users);
}

}  // namespace reel
