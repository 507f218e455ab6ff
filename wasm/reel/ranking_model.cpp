// BPR by SGD with uniformly drawn positives and the hardest of a few sampled negatives
// (dynamic negative sampling, Zhang et al. 2013), cell by cell of an SgdGrid: a positive in a
// cell takes its negatives from the cell's film block, so cells of a stratum stay apart.
#include "ranking_model.hpp"

#include <algorithm>

#include "det_math.hpp"
#include "error.hpp"
#include "kernels.hpp"

namespace reel {

namespace {

constexpr SettingSpec kRankingSettings[] = {
    {"factors", 64, 4, 1024, SettingKind::Lanes, "length of the user and film vectors"},
    {"epochs", 30, 1, 1000, SettingKind::Whole, "passes, each as many steps as there are positives"},
    {"learning_rate", 0.15, 1e-6, 10, SettingKind::Real, "SGD step γ at epoch 0"},
    {"decay", 0.93, 0.01, 1, SettingKind::Real, "γ shrinks by this factor after every epoch"},
    {"reg", 0.03, 0, 100, SettingKind::Real, "λ on the vectors"},
    {"reg_bias", 0.01, 0, 100, SettingKind::Real, "λ_b on the film biases"},
    {"init_scale", 0.1, 0, 10, SettingKind::Real, "vectors start uniform in [−s, s]"},
    {"min_positive", 3.5, 0.5, 5, SettingKind::Real, "a rating this high counts as a positive"},
    {"negatives", 4, 1, RankingModel::kMaxNegatives, SettingKind::Whole, "negatives drawn per step; the best-scoring one is used"},
    {"fold_in_epochs", 30, 1, 1000, SettingKind::Whole, "passes over a folded-in viewer's positives"},
    {"fold_in_learning_rate", 0.1, 1e-6, 10, SettingKind::Real, "SGD step γ for a folded-in viewer's vector"},
    {"fold_in_min_steps", 50, 1, 100000, SettingKind::Whole, "SGD steps per fold-in pass, at least"},
};

}  // namespace

const ModelSpec kRankingModel = {
    "ranking",
    "Ranking model",
    "BPR by SGD: learns which films each viewer picks over others, for top-N lists.",
    "BPR loss",
    "learning_rate",
    false,
    setting_list(kRankingSettings),
    make_model<RankingModel>,
};

RankingModel::RankingModel(const ModelSettings& s, const TrainingData& data, uint64_t seed)
    : Model(kRankingModel, s, data.index.users(), data.index.films()),
      index_(data.index),
      reg_(s.real("reg")),
      reg_bias_(s.real("reg_bias")),
      decay_(s.real("decay")),
      min_positive_(s.real("min_positive")),
      negatives_(s.whole("negatives")),
      fold_in_epochs_(s.whole("fold_in_epochs")),
      fold_in_learning_rate_(s.real("fold_in_learning_rate")),
      fold_in_min_steps_(static_cast<uint32_t>(s.whole("fold_in_min_steps"))),
      learning_rate_(s.real("learning_rate")),
      grid_(SgdGrid::blocks_for(data.index.users(), data.index.films(), factors_)),
      seed_(seed) {
    std::vector<char> has_positive(index_.users(), 0);
    for (size_t u = 0; u < index_.users(); ++u) {
        const int uu = static_cast<int>(u);
        const float* value = index_.values_begin(uu);
        for (const int32_t* f = index_.films_begin(uu); f != index_.films_end(uu); ++f, ++value)
            if (*value >= min_positive_) positives_.push_back(Positive{uu, *f}), has_positive[u] = 1;
    }
    cell_offsets_ = grid_.group(positives_, [&](const Positive& p) { return grid_.cell_of(p.user, p.film); });
    // Cell 0's stream is the one a single cell (plain SGD) has always used.
    for (int c = 0; c < grid_.cells(); ++c) cell_rngs_.push_back(Rng::stream(seed, Rng::kRankingSample | uint64_t(c) << 32));
    const int blocks = grid_.blocks();
    block_films_.resize(static_cast<size_t>(blocks));
    for (int32_t film : index_.rated_films()) block_films_[static_cast<size_t>(film % blocks)].push_back(film);
    if (blocks > 1) {
        users_per_block_ = (index_.users() + static_cast<size_t>(blocks) - 1) / static_cast<size_t>(blocks);
        rated_in_cell_.assign(users_per_block_ * static_cast<size_t>(grid_.cells()), 0);
        std::vector<uint64_t> in_cell(static_cast<size_t>(grid_.cells()), 0);
        for (size_t u = 0; u < index_.users(); ++u)
            for (const int32_t* f = index_.films_begin(static_cast<int>(u)); f != index_.films_end(static_cast<int>(u)); ++f) {
                const int cell = grid_.cell_of(static_cast<int>(u), *f);
                ++rated_in_cell_[rated_in_cell_slot(cell, static_cast<int>(u))];
                ++in_cell[static_cast<size_t>(cell)];
            }
        uint64_t words = 0;
        for (uint64_t count : in_cell) {
            uint64_t region = 1;  // words, a power of two of at least 16 bits a rating
            while (64 * region < 16 * count) region *= 2;
            filter_start_.push_back(words);
            filter_mask_.push_back(region - 1);
            words += region;
        }
        filter_.assign(static_cast<size_t>(words), 0);
        for (size_t u = 0; u < index_.users(); ++u)
            for (const int32_t* f = index_.films_begin(static_cast<int>(u)); f != index_.films_end(static_cast<int>(u)); ++f) {
                const uint64_t h = pair_hash(static_cast<int>(u), *f);
                filter_[filter_word(grid_.cell_of(static_cast<int>(u), *f), h)] |= filter_bits(h);
            }
    }
    if (positives_.empty())
        throw Error("no training rating reaches ranking.min_positive = " + setting_text(min_positive_) +
                    ", so the ranking model has nothing to learn from");
    // A user with no positive gets no steps: their vector stays zero, so their score is the
    // film bias alone (popularity as BPR learned it), not a random start.
    Rng init = Rng::stream(seed, Rng::kRankingInit);
    const float scale = s.real("init_scale");
    for (size_t u = 0; u < index_.users(); ++u)
        if (index_.count_of_user(static_cast<int>(u)) > 0) {
            for (int f = 0; f < factors_; ++f) {
                const float v = init.uniform(-scale, scale);  // drawn for every rater, so streams stay aligned
                if (has_positive[u]) users_(static_cast<Eigen::Index>(u), f) = v;
            }
        }
    for (int32_t i : index_.rated_films())
        for (int f = 0; f < factors_; ++f) films_(i, f) = init.uniform(-scale, scale);
}

int RankingModel::draw_first(Rng& rng, const std::vector<int32_t>& films, size_t rated_count, int32_t* out) const {
    // Negatives are drawn from `films` (seen in training) that the viewer did not rate;
    // `rated_count` of them they did.
    if (rated_count >= films.size()) return 0;  // every film is rated: no negative exists
    for (int c = 0; c < negatives_; ++c) out[c] = films[rng.below(static_cast<uint32_t>(films.size()))];
    return negatives_;
}

template <class RatedFn>
int RankingModel::keep_unrated(Rng& rng, const std::vector<int32_t>& films, RatedFn rated, int32_t* out, int drawn) const {
    // The candidates still needed are drawn together and then tested, so that the memory reads
    // of their tests overlap rather than wait on one another. This draws exactly what drawing
    // and testing one at a time would, in the same order: a batch is never larger than the
    // number of candidates still missing.
    if (drawn == 0) return 0;
    int found = 0;
    for (int c = 0; c < drawn; ++c)
        if (!rated(out[c])) out[found++] = out[c];
    while (found < negatives_) {
        const int batch = negatives_ - found;
        int32_t* more = out + found;
        for (int c = 0; c < batch; ++c) more[c] = films[rng.below(static_cast<uint32_t>(films.size()))];
        for (int c = 0; c < batch; ++c)
            if (!rated(more[c])) out[found++] = more[c];
    }
    return found;
}

template <class ScoreFn>
RankingModel::Negative RankingModel::hardest(const int32_t* candidates, int count, ScoreFn score) {
    // With more than one candidate, the best-scoring one is the most informative to push down.
    // Its score comes back too, so the step need not compute it again.
    Negative best{-1, 0};
    for (int c = 0; c < count; ++c) {
        const float s = score(candidates[c]);
        if (best.film < 0 || s > best.score) best = Negative{candidates[c], s};
    }
    return best;
}

double RankingModel::bpr_step(int u, int i, int j, float lr) { return bpr_step(u, i, Negative{j, score(u, j)}, lr); }

double RankingModel::bpr_step(int u, int i, Negative neg, float lr) {
    const int j = neg.film;
    const float lambda = reg_, lambda_b = reg_bias_;
    float* pu = users_.row(u).data();
    float* vi = films_.row(i).data();
    float* vj = films_.row(j).data();
    float& bi = film_bias_[i];
    float& bj = film_bias_[j];
    const float x = score(u, i) - neg.score;                    // x̂_uij
    const double t = det_exp(-x);                               // e^−x̂, shared by the gradient and the loss
    const float g = static_cast<float>(1.0 / (1.0 + 1.0 / t));  // −∂(−ln σ(x̂))/∂x̂ = σ(−x̂) = t / (1 + t)
    bi += lr * (g - lambda_b * bi);                             // b_i ← b_i + γ(g − λ_b b_i)
    bj += lr * (-g - lambda_b * bj);                            // b_j ← b_j + γ(−g − λ_b b_j)
    for (int f = 0; f < factors_; f += 4) {
        const f32x4 w = load4(pu + f), a = load4(vi + f), c = load4(vj + f);
        store4(pu + f, w + lr * (g * (a - c) - lambda * w));  // u ← u + γ(g(v_i − v_j) − λu)
        store4(vi + f, a + lr * (g * w - lambda * a));        // v_i ← v_i + γ(g u − λ v_i)
        store4(vj + f, c + lr * (-g * w - lambda * c));       // v_j ← v_j + γ(−g u − λ v_j)
    }
    return t;
}

double RankingModel::fit_epoch() {
    const float lr = learning_rate_;
    learning_rate_ *= decay_;
    // The loss −ln σ(x̂) = ln(1 + e^−x̂) is for the progress bar, so every 16th step's is enough:
    // a logarithm per step would cost more than the step's other arithmetic. Summed cell by
    // cell in cell order, so the figure does not depend on which cells ran at once.
    std::vector<double> loss_sum(static_cast<size_t>(grid_.cells()), 0.0);
    std::vector<uint32_t> measured(static_cast<size_t>(grid_.cells()), 0);
    grid_.sweep(threads_, [&](int c) { fit_cell(c, lr, loss_sum[static_cast<size_t>(c)], measured[static_cast<size_t>(c)]); });
    double sum = 0;
    uint32_t count = 0;
    for (int c = 0; c < grid_.cells(); ++c) sum += loss_sum[static_cast<size_t>(c)], count += measured[static_cast<size_t>(c)];
    return count == 0 ? 0.0 : sum / count;
}

void RankingModel::fit_cell(int cell, float lr, double& loss_sum, uint32_t& measured) {
    const Positive* positives = positives_.data() + cell_offsets_[static_cast<size_t>(cell)];
    const uint32_t n = static_cast<uint32_t>(cell_offsets_[static_cast<size_t>(cell) + 1] - cell_offsets_[static_cast<size_t>(cell)]);
    if (n == 0) return;
    Rng& rng = cell_rngs_[static_cast<size_t>(cell)];
    const std::vector<int32_t>& films = block_films_[static_cast<size_t>(grid_.film_block(cell))];
    const bool on_grid = grid_.blocks() > 1;
    // Past the cache (25 M ratings) a step mostly waits on memory: the positive, the viewer's
    // vector, and each candidate's vector, bias and filter word. So the next step's
    // positive and first candidates are drawn before this step's update (the same draws in the
    // same order: they come next in the stream whenever they are drawn) and their memory is asked
    // for then, to arrive while the update computes. Hints only: what a step computes is unchanged.
    auto draw_step = [&](Upcoming& up) {
        up.pos = positives[rng.below(n)];
        const int u = up.pos.user;
        const size_t rated_here = !on_grid ? index_.count_of_user(u) : rated_in_cell_[rated_in_cell_slot(cell, u)];
        up.drawn = draw_first(rng, films, rated_here, up.candidates);
        // The positive after this one, if no candidate is redrawn (nearly always): a copy of the
        // stream says which, without drawing it.
        Rng peek = rng;
        __builtin_prefetch(&positives[peek.below(n)]);
        prefetch(users_.row(u).data(), factors_);
        prefetch(films_.row(up.pos.film).data(), factors_);
        for (int c = 0; c < up.drawn; ++c) {
            prefetch(films_.row(up.candidates[c]).data(), factors_);
            __builtin_prefetch(&film_bias_[up.candidates[c]]);
            if (!filter_.empty()) __builtin_prefetch(&filter_[filter_word(cell, pair_hash(u, up.candidates[c]))]);
        }
    };
    Upcoming steps[2];  // this step and the next, in turn
    draw_step(steps[0]);
    for (uint32_t step = 0; step < n; ++step) {
        Upcoming& now = steps[step & 1];
        const int u = now.pos.user;
        const int count = keep_unrated(
            rng, films, [&](int film) { return maybe_rated(cell, u, film) && index_.rated(u, film); }, now.candidates, now.drawn);
        const Negative neg = hardest(now.candidates, count, [&](int film) { return score(u, film); });
        if (step + 1 < n) draw_step(steps[(step + 1) & 1]);
        if (neg.film < 0) continue;
        const double t = bpr_step(u, now.pos.film, neg, lr);
        if ((step & 15) == 0) loss_sum += det_log(1.0 + t), ++measured;
    }
}

double RankingModel::loss(int u, int i, int j) const {
    const float* pu = users_.row(u).data();
    const float* vi = films_.row(i).data();
    const float* vj = films_.row(j).data();
    const double x = double(score(u, i)) - score(u, j);
    return det_softplus(-x) + 0.5 * reg_ * (double(dot(pu, pu, factors_)) + dot(vi, vi, factors_) + dot(vj, vj, factors_)) +
           0.5 * reg_bias_ * (double(film_bias_[i]) * film_bias_[i] + double(film_bias_[j]) * film_bias_[j]);
}

Taste RankingModel::fold_in(const std::vector<Rated>& profile) const {
    // The training step with the films frozen: u ← (1 − γλ)u + γ g (v_i − v_j), from u = 0.
    // So that a score can be split over the profile, u is kept as the sum of one part per
    // positive film: every step shrinks all parts by (1 − γλ) and adds γ g (v_i − v_j) to the
    // part of the positive i. The shared shrink is kept as one factor `shrink` (part = shrink ·
    // stored), so a step costs O(k), not O(k · profile).
    std::vector<int32_t> seen;
    std::vector<size_t> positives;
    for (size_t p = 0; p < profile.size(); ++p) {
        seen.push_back(profile[p].film);
        if (profile[p].stars >= min_positive_) positives.push_back(p);
    }
    std::sort(seen.begin(), seen.end());
    auto rated = [&](int film) { return std::binary_search(seen.begin(), seen.end(), film); };

    Taste t;
    t.vector.assign(static_cast<size_t>(factors_), 0.0f);
    t.part_offsets.assign(profile.size(), 0.0f);
    t.parts = Embeddings::Zero(static_cast<Eigen::Index>(profile.size()), factors_);
    if (positives.empty()) return t;  // nothing liked: the film bias alone ranks

    Rng rng = Rng::stream(seed_, Rng::kRankingFoldIn);
    float* u = t.vector.data();
    auto score_of = [&](int film) { return film_bias_[film] + dot(u, film_vector(film), factors_); };
    float lr = fold_in_learning_rate_, shrink = 1.0f;
    const uint32_t n = static_cast<uint32_t>(positives.size());
    const uint32_t steps = std::max(n, fold_in_min_steps_);  // a short profile is passed over several times a pass
    for (int epoch = 0; epoch < fold_in_epochs_; ++epoch, lr *= decay_) {
        for (uint32_t step = 0; step < steps; ++step) {
            const size_t p = positives[rng.below(n)];
            const int i = profile[p].film;
            int32_t candidates[kMaxNegatives];
            const int drawn = draw_first(rng, index_.rated_films(), seen.size(), candidates);
            const Negative neg = hardest(candidates, keep_unrated(rng, index_.rated_films(), rated, candidates, drawn), score_of);
            const int j = neg.film;
            if (j < 0) {  // the viewer rated every film: nothing to rank below
                t.parts *= shrink;
                return t;
            }
            const float x = score_of(i) - neg.score;
            const double e = det_exp(-x);
            const float g = static_cast<float>(1.0 / (1.0 + 1.0 / e));  // σ(−x̂)
            const float keep = 1.0f - lr * reg_;
            shrink *= keep;
            float* part = t.parts.row(static_cast<Eigen::Index>(p)).data();
            const float* vi = film_vector(i);
            const float* vj = film_vector(j);
            for (int f = 0; f < factors_; f += 4) {
                const f32x4 step4 = lr * g * (load4(vi + f) - load4(vj + f));  // γ g (v_i − v_j)
                store4(u + f, keep * load4(u + f) + step4);                    // u ← (1 − γλ)u + γ g (v_i − v_j)
                store4(part + f, load4(part + f) + step4 / shrink);
            }
            if (shrink < 1e-6f) {  // fold the shared factor back in before it underflows
                t.parts *= shrink;
                shrink = 1.0f;
            }
        }
    }
    t.parts *= shrink;
    return t;
}

}  // namespace reel
