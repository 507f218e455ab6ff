// Biased MF by per-rating SGD (Funk / Koren): the update below is the gradient of loss().
#include "rating_model.hpp"

#include <algorithm>
#include <cmath>

#include "kernels.hpp"

namespace reel {

enum : uint64_t { kInitStream = 2, kOrderStream = 3 };

RatingModel::RatingModel(const RatingConfig& config, const std::vector<Rating>& train, size_t users, size_t films,
                         uint64_t seed)
    : config_(config),
      order_(train),
      rng_(Rng::stream(seed, kOrderStream)),
      learning_rate_(config.learning_rate),
      bias_learning_rate_(config.bias_learning_rate),
      bu_(Eigen::VectorXf::Zero(static_cast<Eigen::Index>(users))),
      bi_(Eigen::VectorXf::Zero(static_cast<Eigen::Index>(films))),
      P_(Embeddings::Zero(static_cast<Eigen::Index>(users), config.factors)),
      Q_(Embeddings::Zero(static_cast<Eigen::Index>(films), config.factors)) {
    double sum = 0;
    for (const Rating& r : train) sum += r.value;
    mu_ = train.empty() ? 3.5f : static_cast<float>(sum / static_cast<double>(train.size()));

    // Only users and films seen in training get random vectors; the others keep zeros, so
    // their prediction is the global mean plus whatever bias is known (evaluation.md).
    std::vector<char> user_seen(users, 0), film_seen(films, 0);
    for (const Rating& r : train) user_seen[r.user] = film_seen[r.film] = 1;
    Rng init = Rng::stream(seed, kInitStream);
    const float s = config.init_scale;
    for (size_t u = 0; u < users; ++u)
        if (user_seen[u])
            for (int f = 0; f < config.factors; ++f) P_(u, f) = init.uniform(-s, s);
    for (size_t i = 0; i < films; ++i)
        if (film_seen[i])
            for (int f = 0; f < config.factors; ++f) Q_(i, f) = init.uniform(-s, s);
}

float RatingModel::score(int u, int i) const {
    return mu_ + bu_[u] + bi_[i] + dot(P_.row(u).data(), Q_.row(i).data(), config_.factors);
}

float RatingModel::predict(int u, int i) const { return std::clamp(score(u, i), 0.5f, 5.0f); }

float RatingModel::sgd_step(int u, int i, float r, float lr, float lr_b) {
    const float lambda = config_.reg, lambda_b = config_.reg_bias;
    float* p = P_.row(u).data();
    float* q = Q_.row(i).data();
    const float e = r - score(u, i);  // e = r − r̂
    bu_[u] += lr_b * (e - lambda_b * bu_[u]);  // b_u ← b_u + γ_b(e − λ_b b_u)
    bi_[i] += lr_b * (e - lambda_b * bi_[i]);  // b_i ← b_i + γ_b(e − λ_b b_i)
    for (int f = 0; f < config_.factors; f += 4) {
        const f32x4 pf = load4(p + f), qf = load4(q + f);
        store4(p + f, pf + lr * (e * qf - lambda * pf));  // p_u ← p_u + γ(e q_i − λ p_u)
        store4(q + f, qf + lr * (e * pf - lambda * qf));  // q_i ← q_i + γ(e p_u − λ q_i)
    }
    return e;
}

double RatingModel::train_epoch() {
    // γ_t = γ_0 · decay^t, kept as a running product: pow() differs between libms.
    const float lr = learning_rate_, lr_b = bias_learning_rate_;
    learning_rate_ *= config_.decay;
    bias_learning_rate_ *= config_.decay;
    rng_.shuffle(order_);
    double sq = 0;
    for (const Rating& r : order_) {
        const float e = sgd_step(r.user, r.film, r.value, lr, lr_b);
        sq += double(e) * e;
    }
    ++epochs_done_;
    return order_.empty() ? 0.0 : std::sqrt(sq / static_cast<double>(order_.size()));
}

double RatingModel::loss(int u, int i, float r) const {
    const double e = r - score(u, i);
    const int k = config_.factors;
    const double pp = dot(P_.row(u).data(), P_.row(u).data(), k), qq = dot(Q_.row(i).data(), Q_.row(i).data(), k);
    return 0.5 * e * e + 0.5 * config_.reg * (pp + qq) +
           0.5 * config_.reg_bias * (double(bu_[u]) * bu_[u] + double(bi_[i]) * bi_[i]);
}

}  // namespace reel
