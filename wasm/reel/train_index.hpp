// Who rated what in training, indexed by user: for negative sampling, exclusion and support.
#pragma once
#include <cstdint>
#include <vector>

#include "ratings.hpp"

namespace reel {

class TrainIndex {
public:
    TrainIndex() = default;
    TrainIndex(const std::vector<Rating>& train, size_t users, size_t films);

    size_t users() const { return offsets_.size() - 1; }
    size_t films() const { return counts_.size(); }

    // The films user u rated in training, ascending by film index, and their ratings.
    const int32_t* films_begin(int u) const { return films_.data() + offsets_[u]; }
    const int32_t* films_end(int u) const { return films_.data() + offsets_[u + 1]; }
    const float* values_begin(int u) const { return values_.data() + offsets_[u]; }
    size_t count_of_user(int u) const { return offsets_[u + 1] - offsets_[u]; }

    // O(1): BPR asks this for every sampled negative, so it is a bit per (user, film).
    bool rated(int u, int film) const {
        return (rated_bits_[static_cast<size_t>(u) * words_per_user_ + (static_cast<size_t>(film) >> 6)] >> (film & 63)) & 1;
    }
    int32_t count(int film) const { return counts_[film]; }  // training ratings of a film
    const std::vector<int32_t>& counts() const { return counts_; }

    // Films with at least one training rating: the candidates of evaluation.md.
    const std::vector<int32_t>& rated_films() const { return rated_films_; }

private:
    std::vector<size_t> offsets_{0};
    std::vector<int32_t> films_;
    std::vector<float> values_;
    std::vector<int32_t> counts_;
    std::vector<int32_t> rated_films_;
    size_t words_per_user_ = 0;
    std::vector<uint64_t> rated_bits_;
};

}  // namespace reel
