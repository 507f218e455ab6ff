// The figures of evaluation.md: RMSE over every test rating, and Recall@k and NDCG@k against
// held-out likes.
#pragma once
#include <cmath>
#include <vector>

#include "ratings.hpp"
#include "recommend.hpp"
#include "train_index.hpp"

namespace reel {

constexpr float kRelevant = 4.0f;  // a held-out rating this high marks a film the viewer liked

// √(mean (r − r̂)²) over every test rating; `predict` clips to the star scale.
template <class PredictFn>
double rmse(const std::vector<Rating>& test, PredictFn predict) {
    double sq = 0;
    for (const Rating& r : test) {
        const double e = r.value - predict(r.user, r.film);
        sq += e * e;
    }
    return test.empty() ? NAN : std::sqrt(sq / static_cast<double>(test.size()));
}

// Each user's relevant films: their test ratings ≥ 4.0, grouped by dense user index.
std::vector<std::vector<int32_t>> relevant_films(const std::vector<Rating>& test, size_t users);

// Recall@k and NDCG@k (binary gains), averaged over the viewers added with a relevant film.
class TopNScore {
public:
    explicit TopNScore(size_t k) : k_(k) {}
    // `top`: the viewer's list, best first; `relevant`: sorted; both in the same ids.
    void add(const std::vector<int32_t>& top, const std::vector<int32_t>& relevant);
    double recall() const { return viewers_ ? recall_ / static_cast<double>(viewers_) : NAN; }
    double ndcg() const { return viewers_ ? ndcg_ / static_cast<double>(viewers_) : NAN; }
    size_t viewers() const { return viewers_; }

private:
    size_t k_, viewers_ = 0;
    double recall_ = 0, ndcg_ = 0;
};

// Recall@k and NDCG@k of a scorer for the trained users, as evaluation.md has it.
template <class ScoreFn>
TopNScore score_top_n(size_t k, const TrainIndex& index, const std::vector<std::vector<int32_t>>& relevant, ScoreFn score) {
    TopNScore s(k);
    std::vector<int32_t> top;
    for (size_t u = 0; u < relevant.size(); ++u) {
        if (relevant[u].empty()) continue;
        top.clear();
        for (const Scored& x : recommend(index, static_cast<int>(u), k, score)) top.push_back(x.film);
        s.add(top, relevant[u]);
    }
    return s;
}

// Mean over users with a relevant film of |top k ∩ relevant| / |relevant|.
template <class ScoreFn>
double recall_at(size_t k, const TrainIndex& index, const std::vector<std::vector<int32_t>>& relevant, ScoreFn score) {
    return score_top_n(k, index, relevant, score).recall();
}

}  // namespace reel
