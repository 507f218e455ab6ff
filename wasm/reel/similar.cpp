// Brute force over unit vectors: 9,724 × 64 floats is a quarter-millisecond pass, so an
// approximate index would add error and code for no gain.
#include "similar.hpp"

#include <algorithm>
#include <cmath>

#include "det_math.hpp"
#include "error.hpp"
#include "kernels.hpp"

namespace reel {

namespace {
void normalise(float* v, int k) {
    const float norm = std::sqrt(dot(v, v, k));
    if (norm > 0) scale(v, 1.0f / norm, k);
}

// x^a for x ≥ 0, the same bits natively and in the browser (det_math.hpp); √x at a = ½ exactly.
float power(float x, float a) {
    if (a == 0.5f) return std::sqrt(x);
    return x > 0 ? static_cast<float>(det_exp(double(a) * det_log(double(x)))) : 0.0f;
}
}  // namespace

float SimilarIndex::liked_x_of(int film) const { return likers_ ? power(static_cast<float>(likers_->of(film)), asymmetry_) : 0.0f; }

SimilarIndex::SimilarIndex(const float* vectors, int factors, const TrainIndex& index, int min_support, float shrinkage,
                           const Likers* likers, float co_liking, float asymmetry)
    : factors_(factors),
      source_(vectors),
      all_films_(index.films()),
      likers_(co_liking > 0 ? likers : nullptr),
      co_liking_(co_liking),
      asymmetry_(asymmetry) {
    const int k = factors;
    row_of_.assign(index.films(), -1);
    // Rows go by falling weight, so that a pass over every film can stop where the weight falls
    // below what a list still needs.
    auto weight_of = [&](int32_t film) {
        const float n = static_cast<float>(index.count(film));
        return n / (n + shrinkage);
    };
    for (int32_t film : index.rated_films())
        if (index.count(film) >= min_support) films_.push_back(film);
    std::stable_sort(films_.begin(), films_.end(), [&](int32_t a, int32_t b) { return weight_of(a) > weight_of(b); });
    for (size_t r = 0; r < films_.size(); ++r) {
        row_of_[static_cast<size_t>(films_[r])] = static_cast<int32_t>(r);
        weight_.push_back(weight_of(films_[r]));
        if (likers_) liked_.push_back(power(static_cast<float>(likers_->of(films_[r])), 1 - asymmetry_));
    }
    max_weight_ = films_.empty() ? 0.0 : double(weight_.front());
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
    const float liked_x = liked_x_of(film);
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
    const size_t count = quad.count;
    const int* x = quad.x;
    std::vector<float> query[kQuad];
    double floor[kQuad];  // numerators below it cannot get into the list (see numerator_floor)
    std::vector<TopN> tops(count, TopN(k));
    float liked_x[kQuad];
    for (size_t j = 0; j < kQuad; ++j) query[j] = unit_query(x[j]), floor[j] = -HUGE_VAL, liked_x[j] = liked_x_of(x[j]);
    auto offer = [&](size_t j, size_t r, float shrunk_cosine) {
        float s = shrunk_cosine;
        if (likers_) {
            const float numerator = blend_numerator(s, quad.both[j][static_cast<size_t>(films_[r])], liked_x[j], r);
            if (numerator < floor[j]) return;
            s = numerator / (1 + co_liking_);
        }
        tops[j].offer(films_[r], s);
        if (tops[j].full()) floor[j] = numerator_floor(tops[j].worst().score);
    };
    // First the films co-liked with each of the four; then, for the lists that still need them,
    // the films not co-liked with x. Such a film's numerator is w_y · cos ≤ w_y, so a list full
    // of numerators above every w needs none of them.
    bool every_film[kQuad] = {};
    for (size_t j = 0; j < count; ++j) {
        if (likers_)
            offer_co_liked(quad, j, query[j].data(), liked_x[j], floor[j],
                           [&](size_t r, float shrunk_cosine) { offer(j, r, shrunk_cosine); });
        every_film[j] = !(likers_ && tops[j].full() && floor[j] > max_weight_ * kCosineMost);
    }
    // The rows go by falling w, so the pass ends where no list still open can take a row's w.
    for (size_t r = 0; r < films_.size(); ++r) {
        const double most = double(weight_[r]) * kCosineMost;
        bool open[kQuad] = {}, any = false;
        for (size_t j = 0; j < count; ++j) any |= open[j] = every_film[j] && floor[j] <= most;
        if (!any) break;
        // dot()'s lane order for each of the four, so each cosine is neighbours()'s to the bit.
        const float* u = unit_.row(static_cast<Eigen::Index>(r)).data();
        f32x4 acc[kQuad] = {};
        for (int f = 0; f < factors_; f += 4) {
            const f32x4 uf = load4(u + f);
            for (size_t j = 0; j < kQuad; ++j) acc[j] += load4(query[j].data() + f) * uf;
        }
        for (size_t j = 0; j < count; ++j)
            if (open[j] && films_[r] != x[j] && !(likers_ && quad.both[j][static_cast<size_t>(films_[r])] > 0))
                offer(j, r, weight_[r] * lane_sum(acc[j]));
    }
    for (size_t j = 0; j < count; ++j) out[j] = tops[j].take();
}

template <class Offer>
void SimilarIndex::offer_co_liked(const Quad& quad, size_t j, const float* query, float liked_x, const double& floor, Offer offer) const {
    // A cosine is at most 1, so a film's numerator is at most its blend with cosine 1, known
    // without reading its vector; most co-liked films share a liker or two, the list's films
    // many, so the vectors of most never need reading. The films with the highest such bound go
    // first, to raise the list's floor early.
    constexpr size_t kAhead = 8, kFirst = 32;
    struct Bound {
        float most;
        int32_t row;
    };
    std::vector<Bound> bounds;
    bounds.reserve(quad.touched[j].size());
    for (int32_t y : quad.touched[j]) {
        const int32_t r = row_of_[static_cast<size_t>(y)];
        if (r < 0 || y == quad.x[j]) continue;
        const size_t row = static_cast<size_t>(r);
        bounds.push_back(Bound{blend_numerator(weight_[row] * kCosineMost, quad.both[j][static_cast<size_t>(y)], liked_x, row), r});
    }
    auto higher = [](const Bound& a, const Bound& b) { return a.most > b.most; };
    const size_t first = std::min(kFirst, bounds.size());
    std::nth_element(bounds.begin(), bounds.begin() + static_cast<std::ptrdiff_t>(first), bounds.end(), higher);
    auto score = [&](const Bound& b) {
        offer(static_cast<size_t>(b.row), weight_[static_cast<size_t>(b.row)] * dot(query, unit_.row(b.row).data(), factors_));
    };
    for (size_t t = 0; t < first; ++t) prefetch(unit_.row(bounds[t].row).data(), factors_);
    for (size_t t = 0; t < first; ++t) score(bounds[t]);
    // The rest that can still reach the list, gathered so that each row can be asked for a few
    // ahead of its scoring (they come in no order).
    size_t kept = first;
    for (size_t t = first; t < bounds.size(); ++t)
        if (bounds[t].most >= floor) bounds[kept++] = bounds[t];
    for (size_t t = first; t < kept; ++t) {
        if (t + kAhead < kept) prefetch(unit_.row(bounds[t + kAhead].row).data(), factors_);
        if (bounds[t].most >= floor) score(bounds[t]);
    }
}

}  // namespace reel
