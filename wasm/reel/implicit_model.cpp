// Implicit ALS, revisited: each half-iteration solves, for every user (then every film),
//   (α0·G + Σ_{i rated} w_i v_i v_iᵀ + λ_u I) x = Σ_{i liked} v_i,   G = Σ_all v vᵀ,
// with w_i = 1 for a liked film and negative_weight for a disliked one and
// λ_u = λ·(n_u + α0·n_films)^ν, by conjugate gradients with G computed once per half
// (Takács et al. 2011; Rendle et al. 2022).
#include "implicit_model.hpp"

#include <cmath>

#include "error.hpp"
#include "kernels.hpp"
#include "ridge.hpp"
#include "rng.hpp"

namespace reel {

namespace {

constexpr SettingSpec kImplicitSettings[] = {
    {"factors", 128, 4, 1024, SettingKind::Lanes, "length of the user and film vectors"},
    {"epochs", 8, 1, 1000, SettingKind::Whole, "alternating passes: every user, then every film"},
    {"unobserved", 0.3, 0, 1e6, SettingKind::Real, "α0: every (viewer, film) pair is pulled toward 0 with this weight"},
    {"reg", 0.005, 1e-6, 1e6, SettingKind::Real, "λ on the vectors, times (pairs rated + α0·other side)^ν"},
    {"reg_exponent", 1, 0, 2, SettingKind::Real, "ν: how fast a vector's λ grows with what its row holds"},
    {"min_positive", 3.5, 0.5, 5, SettingKind::Real, "a rating this high counts as liked (a 1), lower as disliked"},
    {"negative_weight", 0, 0, 1e6, SettingKind::Real, "weight of a disliked film's pull toward 0 (0: as if unrated)"},
    {"cg_steps", 3, 1, 64, SettingKind::Whole, "conjugate-gradient steps per vector and pass"},
    {"init_scale", 0.01, 0, 10, SettingKind::Real, "film vectors start uniform in [−s, s]"},
};

// Σ_r y_r y_rᵀ over the rows, k × k, row-major, in float: one axpy per row and coordinate.
std::vector<float> gram_of(const Embeddings& y) {
    const int k = static_cast<int>(y.cols());
    std::vector<float> g(static_cast<size_t>(k) * static_cast<size_t>(k), 0.0f);
    for (Eigen::Index r = 0; r < y.rows(); ++r) {
        const float* v = y.row(r).data();
        for (int a = 0; a < k; ++a)
            if (v[a] != 0.0f) axpy(&g[static_cast<size_t>(a) * static_cast<size_t>(k)], v[a], v, k);
    }
    return g;
}

}  // namespace

const ModelSpec kImplicitModel = {
    "implicit",
    "Implicit model",
    "Implicit ALS: learns which films go together in what people like, for new visitors' lists.",
    "weighted squared error",
    "reg",
    false,
    setting_list(kImplicitSettings),
    make_model<ImplicitModel>,
};

ImplicitModel::ImplicitModel(const ModelSettings& s, const TrainingData& data, uint64_t seed)
    : Model(kImplicitModel, s, data.index.users(), data.index.films()),
      unobserved_(s.real("unobserved")),
      reg_(s.real("reg")),
      reg_exponent_(s.real("reg_exponent")),
      min_positive_(s.real("min_positive")),
      negative_weight_(s.real("negative_weight")),
      cg_steps_(s.whole("cg_steps")) {
    const TrainIndex& index = data.index;
    std::vector<size_t> per_film(index.films() + 1, 0);
    size_t liked = 0;
    for (size_t u = 0; u < index.users(); ++u) {
        const int uu = static_cast<int>(u);
        const float* value = index.values_begin(uu);
        for (const int32_t* f = index.films_begin(uu); f != index.films_end(uu); ++f, ++value) {
            const bool likes = *value >= min_positive_;
            if (!likes && negative_weight_ == 0) continue;  // weight 0: the same as unrated, and cheaper
            by_user_.columns.push_back(*f), by_user_.liked.push_back(likes), ++per_film[static_cast<size_t>(*f) + 1];
            liked += likes;
        }
        by_user_.offsets.push_back(by_user_.columns.size());
    }
    if (liked == 0)
        throw Error("no training rating reaches implicit.min_positive = " + setting_text(min_positive_) +
                    ", so the implicit model has nothing to learn from");
    // The same pairs by film: a counting sort keeps each film's users ascending.
    for (size_t i = 1; i < per_film.size(); ++i) per_film[i] += per_film[i - 1];
    by_film_.offsets = per_film;
    by_film_.columns.resize(by_user_.columns.size());
    by_film_.liked.resize(by_user_.columns.size());
    std::vector<size_t> next(per_film.begin(), per_film.end() - 1);
    for (size_t u = 0; u < index.users(); ++u)
        for (size_t p = by_user_.offsets[u]; p < by_user_.offsets[u + 1]; ++p) {
            const size_t at = next[static_cast<size_t>(by_user_.columns[p])]++;
            by_film_.columns[at] = static_cast<int32_t>(u), by_film_.liked[at] = by_user_.liked[p];
        }

    // Users start at zero (the first half solves them); films someone rated start random.
    Rng init = Rng::stream(seed, Rng::kImplicitInit);
    const float scale = s.real("init_scale");
    for (size_t i = 0; i < index.films(); ++i)
        if (by_film_.size(static_cast<int32_t>(i)) > 0)
            for (int f = 0; f < factors_; ++f) films_(static_cast<Eigen::Index>(i), f) = init.uniform(-scale, scale);
}

double ImplicitModel::reg_of(size_t rated, size_t others) const {
    // ν = 0 is the classic constant λ; pow is exact there and at ν = 1 on every platform.
    const double held = static_cast<double>(rated) + static_cast<double>(unobserved_) * static_cast<double>(others);
    return reg_exponent_ == 0 ? reg_ : reg_ * std::pow(held, static_cast<double>(reg_exponent_));
}

double ImplicitModel::solve_side(Embeddings& rows, const Embeddings& other, const Pairs& pairs, bool measure) {
    const int k = factors_;
    std::vector<float> g = gram_of(other);
    for (float& v : g) v *= unobserved_;  // α0·G
    constexpr size_t kAhead = 8;
    // A·v = α0 G v + Σ_c w_c (y_c·v) y_c + λ_r v, for the rated columns c of one row, whose
    // vectors y_c sit one after another in `rated` (n of them), weights in `w`.
    auto times_a = [&](const float* rated, const float* w, size_t n, float reg, const float* v, float* out) {
        for (int a = 0; a < k; ++a) out[a] = dot(&g[static_cast<size_t>(a) * static_cast<size_t>(k)], v, k) + reg * v[a];
        for (size_t c = 0; c < n; ++c, rated += k) axpy(out, w[c] * dot(rated, v, k), rated, k);
    };
    // Every row is its own solve against the fixed other side, so rows split across threads;
    // each row's loss is kept and summed in row order, the same sum for any split.
    std::vector<double> row_loss(measure ? static_cast<size_t>(rows.rows()) : 0, 0.0);
    for_slices(
        static_cast<size_t>(rows.rows()),
        [&](size_t first, size_t last) {
            std::vector<float> r(static_cast<size_t>(k)), p(static_cast<size_t>(k)), ap(static_cast<size_t>(k)), gathered, w;
            for (Eigen::Index row = static_cast<Eigen::Index>(first); row < static_cast<Eigen::Index>(last); ++row) {
                const size_t from = pairs.offsets[static_cast<size_t>(row)], n = pairs.offsets[static_cast<size_t>(row) + 1] - from;
                if (n == 0) continue;  // nothing rated: the solution is 0, which it already is
                const int32_t* c = pairs.columns.data() + from;
                const char* liked = pairs.liked.data() + from;
                float* x = rows.row(row).data();
                const float reg = static_cast<float>(reg_of(n, static_cast<size_t>(other.rows())));
                // The rated vectors are scattered over the other side (40 MB of user vectors at 25 M
                // ratings), and every CG step reads them all: they are gathered once, a few rows
                // asked for ahead, so the steps read them in order. Same arithmetic, same result.
                gathered.resize(n * static_cast<size_t>(k));
                w.resize(n);
                for (size_t i = 0; i < n; ++i) {
                    if (i + kAhead < n) prefetch(other.row(c[i + kAhead]).data(), k);
                    const float* y = other.row(c[i]).data();
                    std::copy(y, y + k, gathered.data() + i * static_cast<size_t>(k));
                    w[i] = liked[i] ? 1.0f : negative_weight_;
                }
                const float* rated = gathered.data();
                // r = b − A x with b = Σ_{c liked} y_c; then conjugate directions from x.
                times_a(rated, w.data(), n, reg, x, ap.data());
                for (int a = 0; a < k; ++a) r[static_cast<size_t>(a)] = -ap[static_cast<size_t>(a)];
                for (size_t i = 0; i < n; ++i)
                    if (liked[i]) axpy(r.data(), 1.0f, rated + i * static_cast<size_t>(k), k);
                p = r;
                float rs = dot(r.data(), r.data(), k);
                for (int step = 0; step < cg_steps_ && rs > 1e-20f; ++step) {
                    times_a(rated, w.data(), n, reg, p.data(), ap.data());
                    const float step_size = rs / dot(p.data(), ap.data(), k);
                    axpy(x, step_size, p.data(), k);
                    axpy(r.data(), -step_size, ap.data(), k);
                    const float rs_next = dot(r.data(), r.data(), k);
                    for (int a = 0; a < k; ++a)
                        p[static_cast<size_t>(a)] = r[static_cast<size_t>(a)] + (rs_next / rs) * p[static_cast<size_t>(a)];
                    rs = rs_next;
                }
                if (measure) {
                    // α0 Σ_all (x·y)² = xᵀ(α0 G)x; then Σ_rated w (t − x·y)².
                    for (int a = 0; a < k; ++a) ap[static_cast<size_t>(a)] = dot(&g[static_cast<size_t>(a) * static_cast<size_t>(k)], x, k);
                    double loss = dot(x, ap.data(), k);
                    for (size_t i = 0; i < n; ++i) {
                        const double miss = (liked[i] ? 1.0 : 0.0) - dot(x, rated + i * static_cast<size_t>(k), k);
                        loss += w[i] * miss * miss;
                    }
                    row_loss[static_cast<size_t>(row)] = loss;
                }
            }
        },
        threads_);
    double data_loss = 0;
    for (double loss : row_loss) data_loss += loss;
    return data_loss;
}

double ImplicitModel::fit_epoch() {
    const double loss = solve_side(users_, films_, by_user_, true);
    solve_side(films_, users_, by_film_, false);
    return loss / static_cast<double>(by_user_.columns.size());
}

void ImplicitModel::on_trained() {
    const std::vector<float> g = gram_of(films_);
    gram_.resize(factors_, factors_);
    for (int a = 0; a < factors_; ++a)
        for (int b = 0; b < factors_; ++b)
            gram_(a, b) =
                static_cast<double>(unobserved_) * g[static_cast<size_t>(a) * static_cast<size_t>(factors_) + static_cast<size_t>(b)];
}

Taste ImplicitModel::fold_in(const std::vector<Rated>& profile) const {
    // x = (α0 G + Σ_j w_j v_j v_jᵀ + λ_u I)⁻¹ Σ_{j liked} v_j over the rated films j: the user
    // half of training, solved exactly. A liked film's part is A⁻¹ v_j; a disliked one shapes A
    // and has no part of its own.
    std::vector<size_t> rated;
    for (size_t j = 0; j < profile.size(); ++j)
        if (profile[j].stars >= min_positive_ || negative_weight_ > 0) rated.push_back(j);
    Eigen::MatrixXd x(static_cast<Eigen::Index>(rated.size()), factors_);
    std::vector<double> weight, target;
    for (size_t j = 0; j < rated.size(); ++j) {
        for (int f = 0; f < factors_; ++f) x(static_cast<Eigen::Index>(j), f) = films_(profile[rated[j]].film, f);
        const bool liked = profile[rated[j]].stars >= min_positive_;
        weight.push_back(liked ? 1.0 : static_cast<double>(negative_weight_));
        target.push_back(liked ? 1.0 : 0.0);
    }
    const RidgeFit fit =
        fit_ridge(gram_, x, weight, target, Eigen::VectorXd::Constant(factors_, reg_of(rated.size(), static_cast<size_t>(films_.rows()))));
    Taste t;
    for (int f = 0; f < factors_; ++f) t.vector.push_back(static_cast<float>(fit.w[f]));
    t.part_offsets.assign(profile.size(), 0.0f);
    t.parts = Embeddings::Zero(static_cast<Eigen::Index>(profile.size()), factors_);
    for (size_t j = 0; j < rated.size(); ++j)
        for (int f = 0; f < factors_; ++f)
            t.parts(static_cast<Eigen::Index>(rated[j]), f) = static_cast<float>(fit.parts(static_cast<Eigen::Index>(j), f));
    return t;
}

}  // namespace reel
