// BPR by SGD with uniformly drawn positives and (optionally) the hardest of a few sampled
// negatives (dynamic negative sampling, Zhang et al. 2013).
#include "ranking_model.hpp"

#include "det_math.hpp"
#include "kernels.hpp"

namespace reel {

enum : uint64_t { kInitStream = 4, kSampleStream = 5 };

RankingModel::RankingModel(const RankingConfig& config, const TrainIndex& index, uint64_t seed)
    : config_(config),
      index_(&index),
      rng_(Rng::stream(seed, kSampleStream)),
      learning_rate_(config.learning_rate),
      b_(Eigen::VectorXf::Zero(static_cast<Eigen::Index>(index.films()))),
      U_(Embeddings::Zero(static_cast<Eigen::Index>(index.users()), config.factors)),
      V_(Embeddings::Zero(static_cast<Eigen::Index>(index.films()), config.factors)) {
    for (size_t u = 0; u < index.users(); ++u) {
        const float* value = index.values_begin(static_cast<int>(u));
        for (const int32_t* f = index.films_begin(static_cast<int>(u)); f != index.films_end(static_cast<int>(u)); ++f, ++value)
            if (*value >= config.min_positive) positives_.push_back(Rating{static_cast<int32_t>(u), *f, *value});
    }
    Rng init = Rng::stream(seed, kInitStream);
    const float s = config.init_scale;
    for (Eigen::Index u = 0; u < U_.rows(); ++u)
        if (index.count_of_user(static_cast<int>(u)) > 0)
            for (int f = 0; f < config.factors; ++f) U_(u, f) = init.uniform(-s, s);
    for (int32_t i : index.rated_films())
        for (int f = 0; f < config.factors; ++f) V_(i, f) = init.uniform(-s, s);
}

float RankingModel::score(int u, int i) const { return b_[i] + dot(U_.row(u).data(), V_.row(i).data(), config_.factors); }

int RankingModel::sample_negative(int u) {
    // Negatives are drawn from the films seen in training that u did not rate; with more than
    // one candidate the best-scoring one is the most informative to push down.
    const std::vector<int32_t>& films = index_->rated_films();
    if (index_->count_of_user(u) >= films.size()) return -1;  // u rated every film: no negative exists
    int best = -1;
    float best_score = 0;
    for (int c = 0; c < config_.negatives; ++c) {
        int j;
        do j = films[rng_.below(static_cast<uint32_t>(films.size()))];
        while (index_->rated(u, j));
        if (config_.negatives == 1) return j;
        const float s = score(u, j);
        if (best < 0 || s > best_score) best = j, best_score = s;
    }
    return best;
}

double RankingModel::bpr_step(int u, int i, int j, float lr) {
    const float lambda = config_.reg, lambda_b = config_.reg_bias;
    float* pu = U_.row(u).data();
    float* vi = V_.row(i).data();
    float* vj = V_.row(j).data();
    const float x = score(u, i) - score(u, j);  // x̂_uij
    const double t = det_exp(-x);                // e^−x̂, shared by the gradient and the loss
    const float g = static_cast<float>(1.0 / (1.0 + 1.0 / t));  // −∂(−ln σ(x̂))/∂x̂ = σ(−x̂) = t / (1 + t)
    b_[i] += lr * (g - lambda_b * b_[i]);                // b_i ← b_i + γ(g − λ_b b_i)
    b_[j] += lr * (-g - lambda_b * b_[j]);               // b_j ← b_j + γ(−g − λ_b b_j)
    for (int f = 0; f < config_.factors; f += 4) {
        const f32x4 w = load4(pu + f), a = load4(vi + f), c = load4(vj + f);
        store4(pu + f, w + lr * (g * (a - c) - lambda * w));  // u ← u + γ(g(v_i − v_j) − λu)
        store4(vi + f, a + lr * (g * w - lambda * a));        // v_i ← v_i + γ(g u − λ v_i)
        store4(vj + f, c + lr * (-g * w - lambda * c));       // v_j ← v_j + γ(−g u − λ v_j)
    }
    return det_log(1.0 + t);  // −ln σ(x̂) = ln(1 + e^−x̂)
}

double RankingModel::train_epoch() {
    const float lr = learning_rate_;
    learning_rate_ *= config_.decay;
    double loss_sum = 0;
    const uint32_t n = static_cast<uint32_t>(positives_.size());
    for (uint32_t step = 0; step < n; ++step) {
        const Rating& pos = positives_[rng_.below(n)];
        const int j = sample_negative(pos.user);
        if (j < 0) continue;
        loss_sum += bpr_step(pos.user, pos.film, j, lr);
    }
    ++epochs_done_;
    return n == 0 ? 0.0 : loss_sum / n;
}

double RankingModel::loss(int u, int i, int j) const {
    const int k = config_.factors;
    const float* pu = U_.row(u).data();
    const float* vi = V_.row(i).data();
    const float* vj = V_.row(j).data();
    const double x = double(score(u, i)) - score(u, j);
    return det_softplus(-x) + 0.5 * config_.reg * (double(dot(pu, pu, k)) + dot(vi, vi, k) + dot(vj, vj, k)) +
           0.5 * config_.reg_bias * (double(b_[i]) * b_[i] + double(b_[j]) * b_[j]);
}

}  // namespace reel
