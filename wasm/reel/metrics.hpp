// Recall@k and NDCG@k of one viewer's list against their held-out likes, averaged over viewers
// (evaluation.md); evaluation.hpp runs them over every model.
#pragma once
#include <cmath>
#include <vector>

#include "ratings.hpp"
#include "train_index.hpp"

namespace reel {

constexpr float kRelevant = 4.0f;  // a held-out rating this high marks a film the viewer liked

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

}  // namespace reel
