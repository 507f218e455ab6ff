// Implicit ALS: each half-iteration solves, for every user (then every film),
//   (G + Σ_{i liked} α v_i v_iᵀ + λI) x = Σ_{i liked} (1 + α) v_i,   G = Σ_all v vᵀ,
// by conjugate gradients with G computed once per half (Takács et al. 2011; implicit's CG).
#include "implicit_model.hpp"

#include "error.hpp"
#include "kernels.hpp"
#include "ridge.hpp"
#include "rng.hpp"

namespace reel {

namespace {

enum : uint64_t { kInitStream = 7 };

constexpr SettingSpec kSettings[] = {
    {"factors", 64, 4, 1024, SettingKind::Lanes, "length of the user and film vectors"},
    {"epochs", 12, 1, 1000, SettingKind::Whole, "alternating passes: every user, then every film"},
    {"alpha", 10, 0, 1e6, SettingKind::Real, "a liked film counts 1 + α times as much as an unrated one"},
    {"reg", 30, 1e-6, 1e6, SettingKind::Real, "λ on the vectors"},
    {"fold_in_reg", 100, 1e-6, 1e6, SettingKind::Real, "λ on a folded-in visitor's vector"},
    {"min_positive", 3.5, 0.5, 5, SettingKind::Real, "a rating this high counts as liked"},
    {"cg_steps", 3, 1, 64, SettingKind::Whole, "conjugate-gradient steps per vector and pass"},
    {"init_scale", 0.01, 0, 10, SettingKind::Real, "film vectors start uniform in [−s, s]"},
};

std::unique_ptr<Model> make(const ModelSettings& settings, const TrainingData& data, uint64_t seed) {
    return std::make_unique<ImplicitModel>(settings, data, seed);
}

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
    setting_list(kSettings),
    make,
};

ImplicitModel::ImplicitModel(const ModelSettings& s, const TrainingData& data, uint64_t seed)
    : Model(kImplicitModel, s, data.index.users(), data.index.films()),
      alpha_(s.real("alpha")),
      reg_(s.real("reg")),
      fold_in_reg_(s.real("fold_in_reg")),
      min_positive_(s.real("min_positive")),
      cg_steps_(s.whole("cg_steps")) {
    const TrainIndex& index = data.index;
    std::vector<size_t> per_film(index.films() + 1, 0);
    for (size_t u = 0; u < index.users(); ++u) {
        const int uu = static_cast<int>(u);
        const float* value = index.values_begin(uu);
        for (const int32_t* f = index.films_begin(uu); f != index.films_end(uu); ++f, ++value)
            if (*value >= min_positive_) by_user_.columns.push_back(*f), ++per_film[static_cast<size_t>(*f) + 1];
        by_user_.offsets.push_back(by_user_.columns.size());
    }
    pairs_ = by_user_.columns.size();
    if (pairs_ == 0)
        throw Error("no training rating reaches implicit.min_positive = " + setting_text(min_positive_) +
                    ", so the implicit model has nothing to learn from");
    // The same likes by film: a counting sort keeps each film's users ascending.
    for (size_t i = 1; i < per_film.size(); ++i) per_film[i] += per_film[i - 1];
    by_film_.offsets = per_film;
    by_film_.columns.resize(pairs_);
    std::vector<size_t> next(per_film.begin(), per_film.end() - 1);
    for (size_t u = 0; u < index.users(); ++u)
        for (size_t p = by_user_.offsets[u]; p < by_user_.offsets[u + 1]; ++p)
            by_film_.columns[next[static_cast<size_t>(by_user_.columns[p])]++] = static_cast<int32_t>(u);

    // Users start at zero (the first half solves them); films liked by someone start random.
    Rng init = Rng::stream(seed, kInitStream);
    const float scale = s.real("init_scale");
    for (size_t i = 0; i < index.films(); ++i)
        if (by_film_.size(static_cast<int32_t>(i)) > 0)
            for (int f = 0; f < factors_; ++f) films_(static_cast<Eigen::Index>(i), f) = init.uniform(-scale, scale);
}

double ImplicitModel::solve_side(Embeddings& rows, const Embeddings& other, const Likes& likes, bool measure) {
    const int k = factors_;
    const std::vector<float> g = gram_of(other);
    const float confident = 1.0f + alpha_;
    constexpr size_t kAhead = 8;
    // A·v = G v + Σ_c α (y_c·v) y_c + λ v, for the liked columns c of one row, whose vectors
    // y_c sit one after another in `liked` (n of them).
    auto times_a = [&](const float* liked, size_t n, const float* v, float* out) {
        for (int a = 0; a < k; ++a) out[a] = dot(&g[static_cast<size_t>(a) * static_cast<size_t>(k)], v, k) + reg_ * v[a];
        for (size_t c = 0; c < n; ++c, liked += k) axpy(out, alpha_ * dot(liked, v, k), liked, k);
    };
    // Every row is its own solve against the fixed other side, so rows split across threads;
    // each row's loss is kept and summed in row order, the same sum for any split.
    std::vector<double> row_loss(measure ? static_cast<size_t>(rows.rows()) : 0, 0.0);
    for_slices(
        static_cast<size_t>(rows.rows()),
        [&](size_t first, size_t last) {
            std::vector<float> r(static_cast<size_t>(k)), p(static_cast<size_t>(k)), ap(static_cast<size_t>(k)), gathered;
            for (Eigen::Index row = static_cast<Eigen::Index>(first); row < static_cast<Eigen::Index>(last); ++row) {
                const int32_t* c = likes.columns.data() + likes.offsets[static_cast<size_t>(row)];
                const int32_t* end = likes.columns.data() + likes.offsets[static_cast<size_t>(row) + 1];
                if (c == end) continue;  // nothing liked: the solution is 0, which it already is
                float* x = rows.row(row).data();
                // The liked vectors are scattered over the other side (40 MB of user vectors at 25 M
                // ratings), and every CG step reads them all: they are gathered once, a few rows
                // asked for ahead, so the steps read them in order. Same arithmetic, same result.
                const size_t n = static_cast<size_t>(end - c);
                gathered.resize(n * static_cast<size_t>(k));
                for (size_t i = 0; i < n; ++i) {
                    if (i + kAhead < n) prefetch(other.row(c[i + kAhead]).data(), k);
                    const float* y = other.row(c[i]).data();
                    std::copy(y, y + k, gathered.data() + i * static_cast<size_t>(k));
                }
                const float* liked = gathered.data();
                // r = b − A x with b = Σ_c (1 + α) y_c; then conjugate directions from x.
                times_a(liked, n, x, ap.data());
                for (int a = 0; a < k; ++a) r[static_cast<size_t>(a)] = -ap[static_cast<size_t>(a)];
                for (size_t i = 0; i < n; ++i) axpy(r.data(), confident, liked + i * static_cast<size_t>(k), k);
                p = r;
                float rs = dot(r.data(), r.data(), k);
                for (int step = 0; step < cg_steps_ && rs > 1e-20f; ++step) {
                    times_a(liked, n, p.data(), ap.data());
                    const float step_size = rs / dot(p.data(), ap.data(), k);
                    axpy(x, step_size, p.data(), k);
                    axpy(r.data(), -step_size, ap.data(), k);
                    const float rs_next = dot(r.data(), r.data(), k);
                    for (int a = 0; a < k; ++a)
                        p[static_cast<size_t>(a)] = r[static_cast<size_t>(a)] + (rs_next / rs) * p[static_cast<size_t>(a)];
                    rs = rs_next;
                }
                if (measure) {
                    // Σ_all (0 − x·y)² = xᵀGx, then correct the liked pairs: c (1 − x·y)² instead of (x·y)².
                    for (int a = 0; a < k; ++a) ap[static_cast<size_t>(a)] = dot(&g[static_cast<size_t>(a) * static_cast<size_t>(k)], x, k);
                    double loss = dot(x, ap.data(), k);
                    for (size_t i = 0; i < n; ++i) {
                        const double s = dot(x, liked + i * static_cast<size_t>(k), k);
                        loss += confident * (1 - s) * (1 - s) - s * s;
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
    return loss / static_cast<double>(pairs_);
}

void ImplicitModel::on_trained() {
    const std::vector<float> g = gram_of(films_);
    gram_.resize(factors_, factors_);
    for (int a = 0; a < factors_; ++a)
        for (int b = 0; b < factors_; ++b) gram_(a, b) = g[static_cast<size_t>(a) * static_cast<size_t>(factors_) + static_cast<size_t>(b)];
}

Taste ImplicitModel::fold_in(const std::vector<Rated>& profile) const {
    // x = (G + Σ_j α v_j v_jᵀ + λI)⁻¹ Σ_j (1 + α) v_j over the liked films j: the user half of
    // training, solved exactly. Films rated below min_positive count as unrated (part 0).
    std::vector<size_t> liked;
    for (size_t j = 0; j < profile.size(); ++j)
        if (profile[j].stars >= min_positive_) liked.push_back(j);
    Eigen::MatrixXd x(static_cast<Eigen::Index>(liked.size()), factors_);
    for (size_t j = 0; j < liked.size(); ++j)
        for (int f = 0; f < factors_; ++f) x(static_cast<Eigen::Index>(j), f) = films_(profile[liked[j]].film, f);
    const RidgeFit fit = fit_ridge(gram_, x, std::vector<double>(liked.size(), alpha_), std::vector<double>(liked.size(), 1.0 + alpha_),
                                   Eigen::VectorXd::Constant(factors_, fold_in_reg_));
    Taste t;
    for (int f = 0; f < factors_; ++f) t.vector.push_back(static_cast<float>(fit.w[f]));
    t.part_offsets.assign(profile.size(), 0.0f);
    t.parts = Embeddings::Zero(static_cast<Eigen::Index>(profile.size()), factors_);
    for (size_t j = 0; j < liked.size(); ++j)
        for (int f = 0; f < factors_; ++f)
            t.parts(static_cast<Eigen::Index>(liked[j]), f) = static_cast<float>(fit.parts(static_cast<Eigen::Index>(j), f));
    return t;
}

}  // namespace reel
