// The ranking model: BPR (Rendle et al. 2009), x̂_ui = b_i + u_u·v_i, fitted by SGD on sampled
// (user, positive, negative) triples so that a user's films outrank the films they did not rate.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "config.hpp"
#include "rating_model.hpp"
#include "rng.hpp"
#include "train_index.hpp"

namespace reel {

class RankingModel {
public:
    // `index` must outlive the model.
    RankingModel(const RankingConfig& config, const TrainIndex& index, uint64_t seed);

    // As many steps as there are positives; returns the mean BPR loss −ln σ(x̂_uij) of the pass.
    double train_epoch();
    int epochs_done() const { return epochs_done_; }
    const RankingConfig& config() const { return config_; }

    // One SGD step on a triple; returns its BPR loss −ln σ(x̂_ui − x̂_uj) before the step.
    double bpr_step(int u, int i, int j, float learning_rate);

    float score(int u, int i) const;
    int factors() const { return config_.factors; }
    const float* film_vector(int i) const { return V_.row(i).data(); }

    // −ln σ(x̂_uij) + ½λ(|u_u|² + |v_i|² + |v_j|²) + ½λ_b(b_i² + b_j²): what bpr_step descends.
    double loss(int u, int i, int j) const;

    float& film_bias(int i) { return b_[i]; }
    float* user_vector(int u) { return U_.row(u).data(); }
    float* film_vector(int i) { return V_.row(i).data(); }

private:
    int sample_negative(int u);

    RankingConfig config_;
    const TrainIndex* index_;
    std::vector<Rating> positives_;
    Rng rng_;
    int epochs_done_ = 0;
    float learning_rate_;
    Eigen::VectorXf b_;
    Embeddings U_, V_;
};

}  // namespace reel
