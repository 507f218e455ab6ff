// Brute force over unit vectors: 9,724 × 64 floats is a quarter-millisecond pass, so an
// approximate index would add error and code for no gain.
#include "similar.hpp"

#include <algorithm>
#include <cmath>

#include "error.hpp"
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
    row_of_.assign(index.films(), -1);
    for (int32_t film : index.rated_films())
        if (index.count(film) >= min_support) {
            row_of_[static_cast<size_t>(film)] = static_cast<int32_t>(films_.size());
            films_.push_back(film);
            const float n = static_cast<float>(index.count(film));
            weight_.push_back(n / (n + shrinkage));
            max_weight_ = std::max(max_weight_, double(weight_.back()));
            if (likers_) liked_.push_back(static_cast<float>(likers_->of(film)));
        }
    unit_.resize(static_cast<Eigen::Index>(films_.size()), k);
    for (size_t r = 0; r < films_.size(); ++r) {
        float* row = unit_.row(static_cast<Eigen::Index>(r)).data();
        const float* v = vectors + static_cast<size_t>(films_[r]) * static_cast<size_t>(k);
        std::copy(v, v + k, row);
        normalise(row, k);
    }
}

std::vector<float> SimilarIndex::unit_query(int film) const {
    const float* v = source_ + static_cast<size_t>(film) * static_cast<size_t>(factors_);
    std::vector<float> query(v, v + factors_);
    normalise(query.data(), factors_);
    return query;
}

std::vector<Scored> SimilarIndex::neighbours(int film, size_t k, const std::function<bool(int)>& keep) const {
    const std::vector<float> query = unit_query(film);
    std::vector<int32_t> both;
    if (likers_) both.assign(all_films_, 0), likers_->both_all(film, both);
    const float liked_x = likers_ ? static_cast<float>(likers_->of(film)) : 0.0f;
    TopN top(k);
    for (size_t r = 0; r < films_.size(); ++r) {
        if (films_[r] == film || !keep(films_[r])) continue;
        float s = weight_[r] * dot(query.data(), unit_.row(static_cast<Eigen::Index>(r)).data(), factors_);
        if (likers_) s = blend(s, both[static_cast<size_t>(films_[r])], liked_x, r);
        top.offer(films_[r], s);
    }
    return top.take();
}

std::vector<std::vector<std::vector<Scored>>> SimilarIndex::neighbours_of_each(const std::vector<const SimilarIndex*>& indexes,
                                                                              const std::vector<int32_t>& films, size_t k) {
    std::vector<std::vector<std::vector<Scored>>> out(indexes.size(), std::vector<std::vector<Scored>>(films.size()));
    const Likers* likers = nullptr;
    for (const SimilarIndex* index : indexes) {
        if (likers && index->likers_ && index->likers_ != likers) throw Error("neighbours_of_each: the indexes count likers differently");
        if (index->likers_) likers = index->likers_;
    }
    Quad quad;
    quad.both.assign(kQuad, std::vector<int32_t>(likers ? indexes.front()->all_films_ : 0, 0));
    for (size_t from = 0; from < films.size(); from += kQuad) {
        quad.count = std::min(kQuad, films.size() - from);
        for (size_t j = 0; j < kQuad; ++j) {
            quad.x[j] = films[from + std::min(j, quad.count - 1)];  // a short quad repeats its last film
            quad.liked_x[j] = likers ? static_cast<float>(likers->of(quad.x[j])) : 0.0f;
            quad.touched[j].clear();
            if (likers && j < quad.count) quad.touched[j] = likers->both_all(quad.x[j], quad.both[j]);
        }
        for (size_t i = 0; i < indexes.size(); ++i) indexes[i]->lists_of(quad, k, &out[i][from]);
        for (size_t j = 0; j < quad.count; ++j)
            for (int32_t y : quad.touched[j]) quad.both[j][static_cast<size_t>(y)] = 0;
    }
    return out;
}

void SimilarIndex::lists_of(const Quad& quad, size_t k, std::vector<Scored>* out) const {
    constexpr size_t kAhead = 8;
    const size_t count = quad.count;
    const int* x = quad.x;
    const std::vector<int32_t>* touched = quad.touched;
    const std::vector<std::vector<int32_t>>& both = quad.both;
    // A film that shares no liker with x has the numerator w_y · cos ≤ max w (a cosine is at most
    // 1, and its rounding far less than this margin), so once x's list is full of numerators above
    // that, only the films co-liked with x can still get in.
    const double unshared_most = max_weight_ * (1 + 1e-4);
    std::vector<float> query[kQuad];
    double floor[kQuad];  // numerators below it cannot get into the list (see numerator_floor)
    std::vector<TopN> tops(count, TopN(k));
    for (size_t j = 0; j < kQuad; ++j) query[j] = unit_query(x[j]), floor[j] = -HUGE_VAL;
    auto offer = [&](size_t j, size_t r, float shrunk_cosine) {
        float s = shrunk_cosine;
        if (likers_) {
            const float numerator = blend_numerator(s, both[j][static_cast<size_t>(films_[r])], quad.liked_x[j], r);
            if (numerator < floor[j]) return;
            s = numerator / (1 + co_liking_);
        }
        tops[j].offer(films_[r], s);
        if (tops[j].full()) floor[j] = numerator_floor(tops[j].worst().score);
    };
    // First the films co-liked with each of the four: at 5 M ratings an eighth of them, and
    // the best of the rest, so their lists fill with numerators no other film can reach.
    bool every_film[kQuad] = {}, any = false;
    for (size_t j = 0; j < count; ++j) {
        const std::vector<int32_t>& mine = touched[j];
        for (size_t t = 0; likers_ && t < mine.size(); ++t) {
            // The rows come in no order (sorting them cost more than it saved): ask for one
            // a few ahead while this one is scored.
            if (t + kAhead < mine.size() && row_of_[static_cast<size_t>(mine[t + kAhead])] >= 0) {
                const int32_t ahead = row_of_[static_cast<size_t>(mine[t + kAhead])];
                prefetch(unit_.row(ahead).data(), factors_);
                __builtin_prefetch(&liked_[static_cast<size_t>(ahead)]);
            }
            const int32_t r = row_of_[static_cast<size_t>(mine[t])];
            if (r >= 0 && mine[t] != x[j]) offer(j, static_cast<size_t>(r), weight_[static_cast<size_t>(r)] * dot(query[j].data(), unit_.row(r).data(), factors_));
        }
        any |= every_film[j] = !(likers_ && tops[j].full() && floor[j] > unshared_most);
    }
    // Then, for the lists that still need them, every film not co-liked with x.
    for (size_t r = 0; any && r < films_.size(); ++r) {
        // dot()'s lane order for each of the four, so each cosine is neighbours()'s to the bit.
        const float* u = unit_.row(static_cast<Eigen::Index>(r)).data();
        f32x4 acc[kQuad] = {};
        for (int f = 0; f < factors_; f += 4) {
            const f32x4 uf = load4(u + f);
            for (size_t j = 0; j < kQuad; ++j) acc[j] += load4(query[j].data() + f) * uf;
        }
        for (size_t j = 0; j < count; ++j)
            if (every_film[j] && films_[r] != x[j] && !(likers_ && both[j][static_cast<size_t>(films_[r])] > 0))
                offer(j, r, weight_[r] * lane_sum(acc[j]));
    }
    for (size_t j = 0; j < count; ++j) out[j] = tops[j].take();
}

}  // namespace reel
