// Brute force over unit vectors: 9,724 × 64 floats is a quarter-millisecond pass, so an
// approximate index would add error and code for no gain.
#include "similar.hpp"

#include <cmath>

#include "kernels.hpp"

namespace reel {

namespace {
void normalise(float* v, int k) {
    const float norm = std::sqrt(dot(v, v, k));
    if (norm > 0) scale(v, 1.0f / norm, k);
}
}  // namespace

SimilarIndex::SimilarIndex(const float* vectors, int factors, const TrainIndex& index, int min_support, float shrinkage,
                           const Likers* likers, float co_liking)
    : factors_(factors), source_(vectors), all_films_(index.films()), likers_(co_liking > 0 ? likers : nullptr), co_liking_(co_liking) {
    const int k = factors;
    for (int32_t film : index.rated_films())
        if (index.count(film) >= min_support) {
            films_.push_back(film);
            const float n = static_cast<float>(index.count(film));
            weight_.push_back(n / (n + shrinkage));
        }
    unit_.resize(static_cast<Eigen::Index>(films_.size()), k);
    for (size_t r = 0; r < films_.size(); ++r) {
        float* row = unit_.row(static_cast<Eigen::Index>(r)).data();
        const float* v = vectors + static_cast<size_t>(films_[r]) * static_cast<size_t>(k);
        std::copy(v, v + k, row);
        normalise(row, k);
    }
}

std::vector<Scored> SimilarIndex::neighbours(int film, size_t k, const std::function<bool(int)>& keep) const {
    const int factors = factors_;
    const float* v = source_ + static_cast<size_t>(film) * static_cast<size_t>(factors);
    std::vector<float> query(v, v + factors);
    normalise(query.data(), factors);
    std::vector<int32_t> both;
    if (likers_) both.assign(all_films_, 0), likers_->both_all(film, both);
    const float liked_x = likers_ ? static_cast<float>(likers_->of(film)) : 0.0f;
    TopN top(k);
    for (size_t r = 0; r < films_.size(); ++r) {
        if (films_[r] == film || !keep(films_[r])) continue;
        float s = weight_[r] * dot(query.data(), unit_.row(static_cast<Eigen::Index>(r)).data(), factors);
        if (likers_) {
            const float n = static_cast<float>(both[static_cast<size_t>(films_[r])]);
            const float liked_y = static_cast<float>(likers_->of(films_[r]));
            s = (s + co_liking_ * (n > 0 ? n / std::sqrt(liked_x * liked_y) : 0.0f)) / (1 + co_liking_);
        }
        top.offer(films_[r], s);
    }
    return top.take();
}

}  // namespace reel
