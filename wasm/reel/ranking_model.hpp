// The ranking model: BPR (Rendle et al. 2009), x̂_ui = b_i + u_u·v_i, fitted by SGD on sampled
// (user, positive, negative) triples so that a user's films outrank the films they did not rate.
#pragma once
#include <vector>

#include "model.hpp"
#include "sgd_grid.hpp"
#include "rng.hpp"

namespace reel {

extern const ModelSpec kRankingModel;

class RankingModel : public Model {
public:
    RankingModel(const ModelSettings& settings, const TrainingData& data, uint64_t seed);

    // The viewer's vector by the same SGD as training, on the viewer's vector alone.
    Taste fold_in(const std::vector<Rated>& profile) const override;

    // One SGD step on a triple; returns e^−x̂ before the step (x̂ = x̂_ui − x̂_uj), from which
    // the step's loss is ln(1 + e^−x̂).
    double bpr_step(int u, int i, int j, float learning_rate);
    static constexpr int kMaxNegatives = 64;
    struct Negative {
        int film;     // -1: none
        float score;  // x̂_uj, as score(u, film) gives it
    };
    double bpr_step(int u, int i, Negative negative, float learning_rate);

    // −ln σ(x̂_uij) + ½λ(|u_u|² + |v_i|² + |v_j|²) + ½λ_b(b_i² + b_j²): what bpr_step descends.
    double loss(int u, int i, int j) const;

    using Model::film_bias;
    using Model::film_vector;
    using Model::user_vector;
    float& film_bias(int i) { return film_bias_[i]; }
    float* user_vector(int u) { return users_.row(u).data(); }
    float* film_vector(int i) { return films_.row(i).data(); }

private:
    // As many steps as there are positives; returns the mean BPR loss −ln σ(x̂_uij) of every
    // 16th step of the pass.
    double fit_epoch() override;

    // Draws `negatives_` films from `films` (those seen in training) into `out` and returns how
    // many: none when the viewer rated `rated_count` ≥ all of them, so no negative exists.
    int draw_first(Rng& rng, const std::vector<int32_t>& films, size_t rated_count, int32_t* out) const;
    // Keeps the `drawn` candidates in `out` for which `rated` says no, drawing more until there
    // are `negatives_`; returns how many (0 when none were drawn).
    template <class RatedFn>
    int keep_unrated(Rng& rng, const std::vector<int32_t>& films, RatedFn rated, int32_t* out, int drawn) const;
    // One cell's share of an epoch: its positives' count of steps, negatives from its film
    // block; adds its loss and how many steps it measured to `loss`.
    void fit_cell(int cell, float learning_rate, double& loss_sum, uint32_t& measured);
    struct Positive {
        int32_t user, film;
    };
    // A step drawn ahead: its positive and the first draw of its candidates.
    struct Upcoming {
        Positive pos;
        int drawn = 0;
        int32_t candidates[kMaxNegatives];
    };
    // The candidate with the highest `score`, with its score; film -1 when there is none.
    template <class ScoreFn>
    static Negative hardest(const int32_t* candidates, int count, ScoreFn score);

    const TrainIndex& index_;
    float reg_, reg_bias_, decay_, min_positive_;
    int negatives_, fold_in_epochs_;
    float fold_in_learning_rate_;
    uint32_t fold_in_min_steps_;
    float learning_rate_;  // this epoch's γ
    SgdGrid grid_;
    std::vector<Positive> positives_;                // every (user, film) rated at least min_positive, by cell
    std::vector<size_t> cell_offsets_;               // where each cell's positives start in positives_
    std::vector<std::vector<int32_t>> block_films_;  // the films of each film block seen in training
    // On a grid (blocks > 1), how many of each cell's film block each of its viewers rated: a
    // cell's viewers side by side (u at u / blocks), so their counts share a few cache lines
    // where the index's offsets would take a line each.
    std::vector<int32_t> rated_in_cell_;
    size_t users_per_block_ = 0;
    size_t rated_in_cell_slot(int cell, int u) const {
        return static_cast<size_t>(cell) * users_per_block_ + static_cast<size_t>(u / grid_.blocks());
    }
    std::vector<Rng> cell_rngs_;  // one stream a cell, so cells may run in any order
    // On a grid (blocks > 1), a filter of about 16 bits per training rating, a region of it per
    // cell, in which each rated pair's hash sets two bits of one word: both set says "maybe
    // rated", and only then are the viewer's films, far away in memory, searched. Two bits of one
    // word, not one bit, make a false "maybe" about four times rarer (about 1.5 % of lookups, not
    // 6 %) for the same one read of the cell's few hundred kilobytes.
    std::vector<uint64_t> filter_;
    std::vector<uint64_t> filter_start_, filter_mask_;  // each cell's first word and its region's word count − 1
    // SplitMix64's finaliser: every bit of the hash depends on every bit of the pair, so the
    // word (low bits) and the two bits in it (top twelve) are independent of each other.
    static uint64_t pair_hash(int u, int film) {
        uint64_t z = uint64_t(uint32_t(u)) << 32 | uint32_t(film);
        z = (z ^ z >> 30) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ z >> 27) * 0x94D049BB133111EBull;
        return z ^ z >> 31;
    }
    size_t filter_word(int cell, uint64_t h) const {
        return static_cast<size_t>(filter_start_[static_cast<size_t>(cell)] + (h & filter_mask_[static_cast<size_t>(cell)]));
    }
    static uint64_t filter_bits(uint64_t h) { return uint64_t(1) << (h >> 58) | uint64_t(1) << ((h >> 52) & 63); }
    bool maybe_rated(int cell, int u, int film) const {
        if (filter_.empty()) return true;
        const uint64_t h = pair_hash(u, film), bits = filter_bits(h);
        return (filter_[filter_word(cell, h)] & bits) == bits;
    }
    uint64_t seed_;
};

}  // namespace reel
