// A compressed-row index of the training ratings, built with one counting sort.
#include "train_index.hpp"

#include <algorithm>
#include <numeric>

namespace reel {

TrainIndex::TrainIndex(const std::vector<Rating>& train, size_t users, size_t films)
    : offsets_(users + 1, 0), films_(train.size()), values_(train.size()), counts_(films, 0) {
    for (const Rating& r : train) {
        ++offsets_[r.user + 1];
        ++counts_[r.film];
    }
    std::partial_sum(offsets_.begin(), offsets_.end(), offsets_.begin());
    std::vector<size_t> next(offsets_.begin(), offsets_.end() - 1);
    for (const Rating& r : train) {
        films_[next[r.user]] = r.film;
        values_[next[r.user]++] = r.value;
    }
    for (size_t u = 0; u < users; ++u) {
        // Sort each user's films (with their values) by film index for binary search.
        std::vector<std::pair<int32_t, float>> row;
        for (size_t p = offsets_[u]; p < offsets_[u + 1]; ++p) row.emplace_back(films_[p], values_[p]);
        std::sort(row.begin(), row.end());
        for (size_t p = offsets_[u], q = 0; p < offsets_[u + 1]; ++p, ++q) {
            films_[p] = row[q].first;
            values_[p] = row[q].second;
        }
    }
    for (size_t i = 0; i < films; ++i)
        if (counts_[i] > 0) rated_films_.push_back(static_cast<int32_t>(i));
    words_per_user_ = (films + 63) / 64;
    rated_bits_.assign(users * words_per_user_, 0);
    for (const Rating& r : train) rated_bits_[static_cast<size_t>(r.user) * words_per_user_ + (r.film >> 6)] |= uint64_t(1) << (r.film & 63);
}



}  // namespace reel
