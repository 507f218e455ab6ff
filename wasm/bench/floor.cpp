// The floors use the engine's own 4-wide kernels and libm-free sigmoid, so the ratio engine /
// floor measures the engine's overhead (structure, sampling, shuffling), not different maths.
#include "floor.hpp"

#include <cmath>

#include "det_math.hpp"
#include "error.hpp"
#include "kernels.hpp"
#include "rng.hpp"

namespace reel::bench {

namespace {
template <class Steps>
Steps steps_of(const Settings& s, const std::string& model) {
    const ModelSettings m(s, model);
    const bool bpr = model == "ranking";
    return Steps{m.whole("factors"),      bpr ? m.whole("negatives") : 0,
                 m.real("learning_rate"), bpr ? m.real("learning_rate") : m.real("bias_learning_rate"),
                 m.real("reg"),           m.real("reg_bias"),
                 m.real("init_scale"),    bpr ? m.real("min_positive") : 0.0f};
}
}  // namespace

Floor::Floor(const Engine& engine) : rc_(steps_of<Steps>(engine.settings(), "rating")), kc_(steps_of<Steps>(engine.settings(), "ranking")) {
    const Dataset& d = engine.data();
    const TrainIndex& index = engine.train_index();
    Rng rng(1234);
    std::vector<Rating> order = d.train;
    rng.shuffle(order);
    double sum = 0;
    for (const Rating& r : order) {
        user_.push_back(r.user), film_.push_back(r.film), value_.push_back(r.value);
        sum += r.value;
    }
    mu_ = static_cast<float>(sum / static_cast<double>(order.size()));
    // As many BPR steps as the engine takes: one per positive.
    std::vector<Rating> positives;
    for (const Rating& r : d.train)
        if (r.value >= kc_.min_positive) positives.push_back(r);
    const std::vector<int32_t>& films = index.rated_films();
    for (size_t s = 0; s < positives.size(); ++s) {
        const Rating& p = positives[rng.below(static_cast<uint32_t>(positives.size()))];
        t_user_.push_back(p.user), t_pos_.push_back(p.film);
        for (int c = 0; c < kc_.negatives; ++c) t_cand_.push_back(films[rng.below(static_cast<uint32_t>(films.size()))]);
    }
    auto random = [&](size_t n, float s) {
        std::vector<float> v(n);
        for (float& x : v) x = rng.uniform(-s, s);
        return v;
    };
    // Implicit ALS: the rated pairs by user and by film, and the same settings as the engine.
    const ModelSettings is(engine.settings(), "implicit");
    ik_ = is.whole("factors"), cg_steps_ = is.whole("cg_steps"), unobserved_ = is.real("unobserved"), ireg_ = is.real("reg");
    reg_exponent_ = is.real("reg_exponent"), negative_weight_ = is.real("negative_weight");
    const float liked = is.real("min_positive");
    std::vector<std::vector<std::pair<int32_t, char>>> film_users(d.films());
    by_user_off_.push_back(0);
    for (size_t u = 0; u < d.users(); ++u) {
        const float* v = index.values_begin(static_cast<int>(u));
        for (const int32_t* f = index.films_begin(static_cast<int>(u)); f != index.films_end(static_cast<int>(u)); ++f, ++v)
            if (*v >= liked || negative_weight_ > 0) {
                by_user_.push_back(*f), user_liked_.push_back(*v >= liked);
                film_users[static_cast<size_t>(*f)].emplace_back(static_cast<int32_t>(u), *v >= liked);
            }
        by_user_off_.push_back(by_user_.size());
    }
    by_film_off_.push_back(0);
    for (const auto& users : film_users) {
        for (const auto& [u, l] : users) by_film_.push_back(u), film_liked_.push_back(l);
        by_film_off_.push_back(by_film_.size());
    }
    X_.assign(d.users() * static_cast<size_t>(ik_), 0.0f);
    Y_ = random(d.films() * static_cast<size_t>(ik_), is.real("init_scale"));
    P_ = random(d.users() * rc_.factors, rc_.init_scale), Q_ = random(d.films() * rc_.factors, rc_.init_scale);
    U_ = random(d.users() * kc_.factors, kc_.init_scale), V_ = random(d.films() * kc_.factors, kc_.init_scale);
    bu_.assign(d.users(), 0), bi_.assign(d.films(), 0), b_.assign(d.films(), 0);
}

void Floor::epoch(const std::string& model) {
    if (model == "rating") return mf_epoch();
    if (model == "ranking") return bpr_epoch();
    if (model == "implicit") return ials_epoch();
    throw Error("the benchmark has no floor for the " + model + " model");
}

void Floor::mf_epoch() {
    const int k = rc_.factors;
    const float lr = rc_.learning_rate, lr_b = rc_.bias_learning_rate, reg = rc_.reg, reg_b = rc_.reg_bias;
    for (size_t s = 0; s < value_.size(); ++s) {
        const int u = user_[s], i = film_[s];
        float* p = &P_[static_cast<size_t>(u) * k];
        float* q = &Q_[static_cast<size_t>(i) * k];
        const float e = value_[s] - (mu_ + bu_[u] + bi_[i] + dot(p, q, k));
        bu_[u] += lr_b * (e - reg_b * bu_[u]);
        bi_[i] += lr_b * (e - reg_b * bi_[i]);
        for (int f = 0; f < k; f += 4) {
            const f32x4 pf = load4(p + f), qf = load4(q + f);
            store4(p + f, pf + lr * (e * qf - reg * pf));
            store4(q + f, qf + lr * (e * pf - reg * qf));
        }
    }
}

void Floor::bpr_epoch() {
    const int k = kc_.factors, m = kc_.negatives;
    const float lr = kc_.learning_rate, reg = kc_.reg, reg_b = kc_.reg_bias;
    for (size_t s = 0; s < t_user_.size(); ++s) {
        float* pu = &U_[static_cast<size_t>(t_user_[s]) * k];
        const int i = t_pos_[s];
        int j = -1;
        float best = 0;
        for (int c = 0; c < m; ++c) {
            const int cand = t_cand_[s * m + c];
            const float sc = b_[cand] + dot(pu, &V_[static_cast<size_t>(cand) * k], k);
            if (j < 0 || sc > best) best = sc, j = cand;
        }
        float* vi = &V_[static_cast<size_t>(i) * k];
        float* vj = &V_[static_cast<size_t>(j) * k];
        const float x = b_[i] + dot(pu, vi, k) - best;
        const float g = static_cast<float>(det_sigmoid(-x));
        b_[i] += lr * (g - reg_b * b_[i]);
        b_[j] += lr * (-g - reg_b * b_[j]);
        for (int f = 0; f < k; f += 4) {
            const f32x4 w = load4(pu + f), a = load4(vi + f), c = load4(vj + f);
            store4(pu + f, w + lr * (g * (a - c) - reg * w));
            store4(vi + f, a + lr * (g * w - reg * a));
            store4(vj + f, c + lr * (-g * w - reg * c));
        }
    }
}

void Floor::ials_half(std::vector<float>& rows, const std::vector<float>& other, const std::vector<size_t>& off,
                      const std::vector<int32_t>& cols, const std::vector<char>& liked, size_t n_other) {
    const int k = ik_;
    std::vector<float> g(static_cast<size_t>(k * k), 0.0f), r(static_cast<size_t>(k)), p(static_cast<size_t>(k)),
        ap(static_cast<size_t>(k));
    for (size_t o = 0; o < n_other; ++o) {
        const float* v = &other[o * static_cast<size_t>(k)];
        for (int a = 0; a < k; ++a)
            if (v[a] != 0.0f) axpy(&g[static_cast<size_t>(a * k)], v[a], v, k);
    }
    for (float& v : g) v *= unobserved_;
    auto times_a = [&](size_t from, size_t to, float reg, const float* v, float* out) {
        for (int a = 0; a < k; ++a) out[a] = dot(&g[static_cast<size_t>(a * k)], v, k) + reg * v[a];
        for (size_t c = from; c < to; ++c) {
            const float* y = &other[static_cast<size_t>(cols[c]) * static_cast<size_t>(k)];
            axpy(out, (liked[c] ? 1.0f : negative_weight_) * dot(y, v, k), y, k);
        }
    };
    for (size_t row = 0; row + 1 < off.size(); ++row) {
        if (off[row] == off[row + 1]) continue;
        float* x = &rows[row * static_cast<size_t>(k)];
        const double held = static_cast<double>(off[row + 1] - off[row]) + static_cast<double>(unobserved_) * static_cast<double>(n_other);
        const float reg = static_cast<float>(reg_exponent_ == 0 ? ireg_ : ireg_ * std::pow(held, static_cast<double>(reg_exponent_)));
        times_a(off[row], off[row + 1], reg, x, ap.data());
        for (int a = 0; a < k; ++a) r[static_cast<size_t>(a)] = -ap[static_cast<size_t>(a)];
        for (size_t c = off[row]; c < off[row + 1]; ++c)
            if (liked[c]) axpy(r.data(), 1.0f, &other[static_cast<size_t>(cols[c]) * static_cast<size_t>(k)], k);
        p = r;
        float rs = dot(r.data(), r.data(), k);
        for (int step = 0; step < cg_steps_ && rs > 1e-20f; ++step) {
            times_a(off[row], off[row + 1], reg, p.data(), ap.data());
            const float s = rs / dot(p.data(), ap.data(), k);
            axpy(x, s, p.data(), k);
            axpy(r.data(), -s, ap.data(), k);
            const float next = dot(r.data(), r.data(), k);
            for (int a = 0; a < k; ++a) p[static_cast<size_t>(a)] = r[static_cast<size_t>(a)] + (next / rs) * p[static_cast<size_t>(a)];
            rs = next;
        }
    }
}

void Floor::ials_epoch() {
    const size_t users = by_user_off_.size() - 1, films = by_film_off_.size() - 1;
    ials_half(X_, Y_, by_user_off_, by_user_, user_liked_, films);
    ials_half(Y_, X_, by_film_off_, by_film_, film_liked_, users);
}

}  // namespace reel::bench
