// Who rated what in training, indexed by user: for negative sampling, exclusion and support.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ratings.hpp"

namespace reel {

// The most a load may ask for in its index and models. WebAssembly's memory is 32-bit: the module
// may grow to 4 GiB, and 1 GiB of it is left for the file's bytes and what parsing holds for a
// while; natively the cap is generous, so that a wrong file is a clear error rather than
// swapping or a bare std::bad_alloc.
#ifdef __EMSCRIPTEN__
constexpr uint64_t kMaxDataBytes = uint64_t(3) << 30;
#else
constexpr uint64_t kMaxDataBytes = uint64_t(16) << 30;
#endif

// Bytes the structures of a load take, counted in 64 bits and saturating: users × ⌈films/64⌉
// words of the rated-films bitset wrap a 32-bit size_t long before memory runs out.
uint64_t index_bytes(uint64_t users, uint64_t films, uint64_t ratings);
// Every model's vectors and biases, `floats` per user or film summed over the models (and the
// films again for the unit vectors of "films like X").
uint64_t model_bytes(uint64_t users, uint64_t films, uint64_t floats);

// Refuse, before anything that size is allocated, data this build cannot hold: the first names
// `file`, the counts and the limit ("ratings.csv: 262,144 users × 1,048,576 films need 32 GiB for
// the rated-films index; this build holds at most 2 GiB"); the second counts the models too.
void check_index_fits(std::string_view file, uint64_t users, uint64_t films, uint64_t ratings);
void check_models_fit(uint64_t users, uint64_t films, uint64_t ratings, uint64_t floats);

class TrainIndex {
public:
    TrainIndex() = default;
    // Throws reel::Error when check_index_fits would.
    TrainIndex(const std::vector<Rating>& train, size_t users, size_t films);

    size_t users() const { return offsets_.size() - 1; }
    size_t films() const { return counts_.size(); }

    // The films user u rated in training, ascending by film index, and their ratings.
    const int32_t* films_begin(int u) const { return films_.data() + offsets_[u]; }
    const int32_t* films_end(int u) const { return films_.data() + offsets_[u + 1]; }
    const float* values_begin(int u) const { return values_.data() + offsets_[u]; }
    size_t count_of_user(int u) const { return offsets_[u + 1] - offsets_[u]; }

    // BPR asks this for every sampled negative: a bit per (user, film) while that costs at most
    // 16 bytes a rating, else a binary search in the user's sorted films.
    bool rated(int u, int film) const {
        if (rated_bits_.empty()) return std::binary_search(films_begin(u), films_end(u), film);
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
