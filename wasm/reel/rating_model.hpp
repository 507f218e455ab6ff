// The rating model: biased matrix factorisation r̂ = μ + b_u + b_i + p_u·q_i, fitted by SGD.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "config.hpp"
#include "ratings.hpp"
#include "rng.hpp"

namespace reel {

using Embeddings = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;  // one row a vector

class RatingModel {
public:
    RatingModel(const RatingConfig& config, const std::vector<Rating>& train, size_t users, size_t films,
                uint64_t seed);

    // One pass over the training ratings in a fresh shuffled order; returns the RMSE of the
    // pass (each rating's error measured just before its update).
    double train_epoch();
    int epochs_done() const { return epochs_done_; }
    const RatingConfig& config() const { return config_; }

    // One SGD step on one rating with step sizes γ (factors) and γ_b (biases); returns the
    // error e = r − r̂ before the step.
    float sgd_step(int u, int i, float r, float lr, float lr_bias);

    // The model's estimate before clipping (for ranking) and clipped to the star scale.
    float score(int u, int i) const;
    float predict(int u, int i) const;

    int factors() const { return config_.factors; }
    const float* film_vector(int i) const { return Q_.row(i).data(); }

    // The objective of one rating, ½e² + ½λ(|p_u|² + |q_i|²) + ½λ_b(b_u² + b_i²), whose
    // gradient sgd_step follows; used to check the step against finite differences.
    double loss(int u, int i, float r) const;

    float& user_bias(int u) { return bu_[u]; }
    float& film_bias(int i) { return bi_[i]; }
    float* user_vector(int u) { return P_.row(u).data(); }
    float* film_vector(int i) { return Q_.row(i).data(); }

private:
    RatingConfig config_;
    std::vector<Rating> order_;  // the training ratings, reshuffled every epoch
    Rng rng_;
    int epochs_done_ = 0;
    float learning_rate_, bias_learning_rate_;
    float mu_ = 0;
    Eigen::VectorXf bu_, bi_;
    Embeddings P_, Q_;
};

}  // namespace reel
