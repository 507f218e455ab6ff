// The rating model: biased matrix factorisation r̂ = μ + b_u + b_i + p_u·q_i, fitted by SGD.
#pragma once
#include <vector>

#include "model.hpp"
#include "sgd_grid.hpp"
#include "rng.hpp"

namespace reel {

extern const ModelSpec kRatingModel;

class RatingModel : public Model {
public:
    RatingModel(const ModelSettings& settings, const TrainingData& data, uint64_t seed);

    // The viewer's bias and vector by ridge regression against the frozen film side.
    Taste fold_in(const std::vector<Rated>& profile) const override;

    // One SGD step on one rating with step sizes γ (factors) and γ_b (biases); returns the
    // error e = r − r̂ before the step.
    float sgd_step(int u, int i, float r, float lr, float lr_bias);

    // The objective of one rating, ½e² + ½λ(|p_u|² + |q_i|²) + ½λ_b(b_u² + b_i²), whose
    // gradient sgd_step follows; used to check the step against finite differences.
    double loss(int u, int i, float r) const;

    // Parameters, for the gradient test.
    float& user_bias(int u) { return user_bias_[u]; }
    using Model::film_bias;
    using Model::film_vector;
    using Model::user_vector;
    float& film_bias(int i) { return film_bias_[i]; }
    float* user_vector(int u) { return users_.row(u).data(); }
    float* film_vector(int i) { return films_.row(i).data(); }

private:
    // One pass over the training ratings, cell by cell of the grid, each cell in a fresh
    // shuffled order; returns the RMSE of the pass (each rating's error measured just before
    // its update).
    double fit_epoch() override;

    float reg_, reg_bias_, decay_, fold_in_reg_, fold_in_reg_bias_;
    float learning_rate_, bias_learning_rate_;  // this epoch's γ and γ_b
    SgdGrid grid_;
    std::vector<Rating> order_;         // the training ratings by cell, each cell reshuffled every epoch
    std::vector<size_t> cell_offsets_;  // where each cell starts in order_
    std::vector<Rng> cell_rngs_;        // one stream a cell, so cells may run in any order
};

}  // namespace reel
