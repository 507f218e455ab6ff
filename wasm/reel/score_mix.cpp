// Two models' scores for a visitor, mixed in proportion to their spread (score_mix.hpp).
#include "score_mix.hpp"

#include <cmath>
#include <utility>

namespace reel {

namespace {

struct Spread {
    double mean = 0, sd = 0;
};

// Each film scored once, then two passes in double in index order: the same bits natively and in wasm.
Spread spread_of(const Model& m, const Taste& taste, const std::vector<int32_t>& films) {
    Spread s;
    if (films.empty()) return s;
    std::vector<double> scores;
    scores.reserve(films.size());
    for (int32_t f : films) scores.push_back(m.score(taste, f));
    for (double x : scores) s.mean += x;
    s.mean /= static_cast<double>(films.size());
    double squares = 0;
    for (double x : scores) squares += (x - s.mean) * (x - s.mean);
    s.sd = std::sqrt(squares / static_cast<double>(films.size()));
    return s;
}

}  // namespace

ScoreMix::ScoreMix(const Model& main, Taste main_taste, const Model* second, const std::vector<Rated>& profile, float share,
                   const TrainIndex& index)
    : main_(main), main_taste_(std::move(main_taste)) {
    if (second == nullptr || share <= 0 || share >= 1) return;
    Taste taste = second->fold_in(profile);
    const Spread a = spread_of(main_, main_taste_, index.rated_films());
    const Spread b = spread_of(*second, taste, index.rated_films());
    if (a.sd == 0 || b.sd == 0) return;  // one of them cannot tell films apart: nothing to weigh
    second_ = second;
    second_taste_ = std::move(taste);
    c_ = share * a.sd / ((1 - static_cast<double>(share)) * b.sd);
    mean_ = b.mean;
}

float ScoreMix::score(int film) const {
    const float s = main_.score(main_taste_, film);
    if (!mixed()) return s;
    return static_cast<float>(s + c_ * (second_->score(second_taste_, film) - mean_));
}

Explanation ScoreMix::explain(int film) const {
    Explanation e = main_.explain(main_taste_, film);
    if (!mixed()) return e;
    const Explanation o = second_->explain(second_taste_, film);
    e.base = static_cast<float>(e.base + c_ * (o.base - mean_));
    for (size_t j = 0; j < e.shares.size() && j < o.shares.size(); ++j) e.shares[j] = static_cast<float>(e.shares[j] + c_ * o.shares[j]);
    return e;
}

}  // namespace reel
