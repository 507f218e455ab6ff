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

SimilarIndex::SimilarIndex(const float* vectors, int factors, const TrainIndex& index, int min_support)
    : factors_(factors), source_(vectors) {
    for (int32_t film : index.rated_films())
        if (index.count(film) >= min_support) films_.push_back(film);
    unit_.resize(static_cast<Eigen::Index>(films_.size()), factors);
    for (size_t r = 0; r < films_.size(); ++r) {
        float* row = unit_.row(static_cast<Eigen::Index>(r)).data();
        std::copy(vectors + static_cast<size_t>(films_[r]) * factors, vectors + static_cast<size_t>(films_[r] + 1) * factors, row);
        normalise(row, factors);
    }
}

std::vector<Scored> SimilarIndex::neighbours(int film, size_t k) const {
    std::vector<float> query(source_ + static_cast<size_t>(film) * factors_, source_ + static_cast<size_t>(film + 1) * factors_);
    normalise(query.data(), factors_);
    TopN top(k);
    for (size_t r = 0; r < films_.size(); ++r)
        if (films_[r] != film) top.offer(films_[r], dot(query.data(), unit_.row(static_cast<Eigen::Index>(r)).data(), factors_));
    return top.take();
}

}  // namespace reel
