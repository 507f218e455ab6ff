// Biased MF by per-rating SGD (Funk / Koren): the update below is the gradient of loss().
#include "rating_model.hpp"

#include <cmath>

#include "kernels.hpp"
#include "ridge.hpp"

namespace reel {

namespace {

// The defaults were chosen on validation data (scripts/tune; README "How the defaults were chosen").
constexpr SettingSpec kRatingSettings[] = {
    {"factors", 64, 4, 1024, SettingKind::Lanes, "length of the user and film vectors"},
    {"epochs", 40, 1, 1000, SettingKind::Whole, "passes over the training ratings"},
    {"learning_rate", 0.03, 1e-6, 10, SettingKind::Real, "SGD step γ for the vectors at epoch 0"},
    {"bias_learning_rate", 0.01, 1e-6, 10, SettingKind::Real, "SGD step γ_b for the biases: smaller, so they settle"},
    {"decay", 0.95, 0.01, 1, SettingKind::Real, "γ and γ_b shrink by this factor after every epoch"},
    {"reg", 0.1, 0, 100, SettingKind::Real, "λ on the vectors"},
    {"reg_bias", 0.05, 0, 100, SettingKind::Real, "λ_b on the biases"},
    {"init_scale", 0.1, 0, 10, SettingKind::Real, "vectors start uniform in [−s, s]"},
    {"fold_in_reg", 5, 1e-6, 1e6, SettingKind::Real, "λ on a folded-in viewer's vector"},
    {"fold_in_reg_bias", 5, 1e-6, 1e6, SettingKind::Real, "λ_b on a folded-in viewer's bias"},
};

}  // namespace

const ModelSpec kRatingModel = {
    "rating",
    "Rating model",
    "Biased matrix factorisation by SGD: predicts how many stars a viewer gives a film.",
    "training RMSE",
    "learning_rate",
    true,
    setting_list(kRatingSettings),
    make_model<RatingModel>,
};

RatingModel::RatingModel(const ModelSettings& s, const TrainingData& data, uint64_t seed)
    : Model(kRatingModel, s, data.index.users(), data.index.films()),
      reg_(s.real("reg")),
      reg_bias_(s.real("reg_bias")),
      decay_(s.real("decay")),
      fold_in_reg_(s.real("fold_in_reg")),
      fold_in_reg_bias_(s.real("fold_in_reg_bias")),
      learning_rate_(s.real("learning_rate")),
      bias_learning_rate_(s.real("bias_learning_rate")),
      grid_(SgdGrid::blocks_for(data.index.users(), data.index.films(), factors_)),
      order_(data.train) {
    cell_offsets_ = grid_.group(order_, [&](const Rating& r) { return grid_.cell_of(r.user, r.film); });
    // Cell 0's stream is the one a single cell (plain SGD) has always used.
    for (int c = 0; c < grid_.cells(); ++c) cell_rngs_.push_back(Rng::stream(seed, Rng::kRatingOrder | uint64_t(c) << 32));
    double sum = 0;
    for (const Rating& r : data.train) sum += r.value;
    mu_ = data.train.empty() ? 3.5f : static_cast<float>(sum / static_cast<double>(data.train.size()));

    // Only users and films seen in training get random vectors; the others keep zeros, so
    // their prediction is the global mean plus whatever bias is known (evaluation.md).
    const size_t users = data.index.users(), films = data.index.films();
    std::vector<char> user_seen(users, 0), film_seen(films, 0);
    for (const Rating& r : data.train) user_seen[r.user] = film_seen[r.film] = 1;
    Rng init = Rng::stream(seed, Rng::kRatingInit);
    const float scale = s.real("init_scale");
    for (size_t u = 0; u < users; ++u)
        if (user_seen[u])
            for (int f = 0; f < factors_; ++f) users_(u, f) = init.uniform(-scale, scale);
    for (size_t i = 0; i < films; ++i)
        if (film_seen[i])
            for (int f = 0; f < factors_; ++f) films_(i, f) = init.uniform(-scale, scale);
}

float RatingModel::sgd_step(int u, int i, float r, float lr, float lr_b) {
    const float lambda = reg_, lambda_b = reg_bias_;
    float* p = users_.row(u).data();
    float* q = films_.row(i).data();
    float& bu = user_bias_[u];
    float& bi = film_bias_[i];
    const float e = r - score(u, i);   // e = r − r̂
    bu += lr_b * (e - lambda_b * bu);  // b_u ← b_u + γ_b(e − λ_b b_u)
    bi += lr_b * (e - lambda_b * bi);  // b_i ← b_i + γ_b(e − λ_b b_i)
    for (int f = 0; f < factors_; f += 4) {
        const f32x4 pf = load4(p + f), qf = load4(q + f);
        store4(p + f, pf + lr * (e * qf - lambda * pf));  // p_u ← p_u + γ(e q_i − λ p_u)
        store4(q + f, qf + lr * (e * pf - lambda * qf));  // q_i ← q_i + γ(e p_u − λ q_i)
    }
    return e;
}

double RatingModel::fit_epoch() {
    // γ_t = γ_0 · decay^t, kept as a running product: pow() differs between libms.
    const float lr = learning_rate_, lr_b = bias_learning_rate_;
    learning_rate_ *= decay_;
    bias_learning_rate_ *= decay_;
    std::vector<double> sq(static_cast<size_t>(grid_.cells()), 0.0);  // summed in cell order below
    grid_.sweep(threads_, [&](int c) {
        Rating* first = order_.data() + cell_offsets_[static_cast<size_t>(c)];
        Rating* last = order_.data() + cell_offsets_[static_cast<size_t>(c) + 1];
        cell_rngs_[static_cast<size_t>(c)].shuffle(first, static_cast<size_t>(last - first));
        double cell_sq = 0;
        constexpr std::ptrdiff_t kAhead = 4;
        for (const Rating* r = first; r != last; ++r) {
            // Past the cache (25 M ratings) a step waits on its two vectors; asking for those of
            // a step a few ahead overlaps the waits. A hint only: the arithmetic is unchanged.
            if (last - r > kAhead)
                prefetch(users_.row(r[kAhead].user).data(), factors_), prefetch(films_.row(r[kAhead].film).data(), factors_);
            const float e = sgd_step(r->user, r->film, r->value, lr, lr_b);
            cell_sq += double(e) * e;
        }
        sq[static_cast<size_t>(c)] = cell_sq;
    });
    double total = 0;
    for (double x : sq) total += x;
    return order_.empty() ? 0.0 : std::sqrt(total / static_cast<double>(order_.size()));
}

double RatingModel::loss(int u, int i, float r) const {
    const double e = r - score(u, i);
    const float* p = users_.row(u).data();
    const float* q = films_.row(i).data();
    const double pp = dot(p, p, factors_), qq = dot(q, q, factors_);
    return 0.5 * e * e + 0.5 * reg_ * (pp + qq) +
           0.5 * reg_bias_ * (double(user_bias_[u]) * user_bias_[u] + double(film_bias_[i]) * film_bias_[i]);
}

Taste RatingModel::fold_in(const std::vector<Rated>& profile) const {
    // w = (b_u, p_u) minimises Σ_j (r_j − μ − b_j − w·x_j)² + λ_b b_u² + λ|p_u|² with x_j = (1, q_j):
    // (Σ_j x_j x_jᵀ + diag(λ_b, λ, …, λ)) w = Σ_j x_j (r_j − μ − b_j).
    const Eigen::Index n = static_cast<Eigen::Index>(profile.size()), d = factors_ + 1;
    Eigen::MatrixXd x(n, d);
    std::vector<double> a(profile.size(), 1.0), b(profile.size());
    for (Eigen::Index j = 0; j < n; ++j) {
        const Rated& r = profile[static_cast<size_t>(j)];
        x(j, 0) = 1.0;
        for (int f = 0; f < factors_; ++f) x(j, f + 1) = films_(r.film, f);
        b[static_cast<size_t>(j)] = double(r.stars) - mu_ - film_bias_[r.film];
    }
    Eigen::VectorXd lambda = Eigen::VectorXd::Constant(d, fold_in_reg_);
    lambda[0] = fold_in_reg_bias_;
    const RidgeFit fit = fit_ridge(Eigen::MatrixXd(), x, a, b, lambda);

    Taste t;
    t.base_offset = mu_;
    t.offset = mu_ + static_cast<float>(fit.w[0]);
    for (int f = 0; f < factors_; ++f) t.vector.push_back(static_cast<float>(fit.w[f + 1]));
    t.parts.resize(n, factors_);
    for (Eigen::Index j = 0; j < n; ++j) {
        t.part_offsets.push_back(static_cast<float>(fit.parts(j, 0)));
        for (int f = 0; f < factors_; ++f) t.parts(j, f) = static_cast<float>(fit.parts(j, f + 1));
    }
    return t;
}

}  // namespace reel
