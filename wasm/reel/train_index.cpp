// A compressed-row index of the training ratings, built with one counting sort, and the
// arithmetic that decides, before allocating, whether a dataset fits this build.
#include "train_index.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>

#include "error.hpp"

namespace reel {

namespace {

// Saturating, so an absurd count reads as "too big" instead of wrapping to something small.
uint64_t mul(uint64_t a, uint64_t b) {
    uint64_t r;
    return __builtin_mul_overflow(a, b, &r) ? UINT64_MAX : r;
}
uint64_t add(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

uint64_t bitset_words(uint64_t users, uint64_t films) { return mul(users, films / 64 + (films % 64 != 0)); }

// The bitset answers "did u rate j" in one load, but its size grows with users × films: it is
// kept only while it costs no more than 16 bytes a rating (MovieLens latest-small: 9; a
// generated 25 M: 63), so memory grows with the ratings; beyond that a binary search in the
// user's sorted films answers.
bool bitset_pays(uint64_t users, uint64_t films, uint64_t ratings) { return mul(bitset_words(users, films), 8) <= mul(ratings, 16); }

std::string grouped(uint64_t n) {  // 262144 → "262,144"
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string gib(uint64_t bytes) {  // "2 GiB", "35.3 GiB", "8,192 GiB"
    const double g = static_cast<double>(bytes) / double(uint64_t(1) << 30);
    if (g >= 1000) return grouped(static_cast<uint64_t>(g + 0.5)) + " GiB";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g GiB", g);
    return buf;
}

// "need 32 GiB …; this build holds at most 2 GiB", never "need 2 GiB; … at most 2 GiB".
std::string need_text(uint64_t bytes) {
    const std::string need = gib(bytes), limit = gib(kMaxDataBytes);
    return need == limit ? "more than " + limit : need;
}

}  // namespace

uint64_t index_bytes(uint64_t users, uint64_t films, uint64_t ratings) {
    // The bitset (when it pays), the row offsets, each rating's film and value, and two per-film arrays.
    const uint64_t bits = bitset_pays(users, films, ratings) ? mul(bitset_words(users, films), 8) : 0;
    return add(add(bits, mul(add(users, 1), 8)), add(mul(ratings, 8), mul(films, 8)));
}

uint64_t model_bytes(uint64_t users, uint64_t films, uint64_t floats) { return mul(mul(add(users, mul(films, 2)), floats), sizeof(float)); }

void check_index_fits(std::string_view file, uint64_t users, uint64_t films, uint64_t ratings) {
    const uint64_t need = index_bytes(users, films, ratings);
    if (need > kMaxDataBytes)
        throw Error(std::string(file) + ": " + grouped(users) + " users × " + grouped(films) + " films need " + need_text(need) +
                    " for the rated-films index; this build holds at most " + gib(kMaxDataBytes));
}

void check_models_fit(uint64_t users, uint64_t films, uint64_t ratings, uint64_t floats) {
    const uint64_t need = add(index_bytes(users, films, ratings), model_bytes(users, films, floats));
    if (need > kMaxDataBytes)
        throw Error(grouped(users) + " users and " + grouped(films) + " films need " + need_text(need) +
                    " for the models at these settings and the rated-films index; this build holds at most " + gib(kMaxDataBytes) +
                    " (fewer factors need less)");
}

namespace {
size_t checked_offsets(size_t users, size_t films, size_t ratings) {
    check_index_fits("the training ratings", users, films, ratings);
    return users + 1;
}
}  // namespace

TrainIndex::TrainIndex(const std::vector<Rating>& train, size_t users, size_t films)
    : offsets_(checked_offsets(users, films, train.size()), 0), films_(train.size()), values_(train.size()), counts_(films, 0) {
    for (const Rating& r : train) {
        ++offsets_[static_cast<size_t>(r.user) + 1];
        ++counts_[static_cast<size_t>(r.film)];
    }
    std::partial_sum(offsets_.begin(), offsets_.end(), offsets_.begin());
    std::vector<size_t> next(offsets_.begin(), offsets_.end() - 1);
    for (const Rating& r : train) {
        films_[next[static_cast<size_t>(r.user)]] = r.film;
        values_[next[static_cast<size_t>(r.user)]++] = r.value;
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
    if (!bitset_pays(users, films, train.size())) return;
    // Checked above to fit in memory, so this product fits in size_t.
    words_per_user_ = (films + 63) / 64;
    rated_bits_.assign(static_cast<size_t>(bitset_words(users, films)), 0);
    for (const Rating& r : train)
        rated_bits_[static_cast<size_t>(r.user) * words_per_user_ + (static_cast<size_t>(r.film) >> 6)] |= uint64_t(1) << (r.film & 63);
}

}  // namespace reel
