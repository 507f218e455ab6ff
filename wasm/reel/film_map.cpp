// The layout: a fuzzy 15-nearest-neighbour graph, a PCA start, then UMAP's epochs with the
// Cauchy kernel, clipped gradients and a learning rate falling to zero.
#include "film_map.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "det_math.hpp"
#include "error.hpp"
#include "kernels.hpp"
#include "top_n.hpp"

namespace reel {

namespace {

constexpr size_t kGraphNeighbours = 15;  // UMAP's default n_neighbors
constexpr size_t kCompared = 10;         // neighbourhoods compared by preservation()
constexpr size_t kRowsPerStep = 16;      // graph rows per run_epoch(): about 3 ms in wasm for MovieLens's 1,939 films
constexpr int kNegatives = 5;            // repulsive samples per attractive step
constexpr float kSpread = 10;            // the start spans [−10, 10], as UMAP's does

float clip(float g) { return std::max(-4.0f, std::min(4.0f, g)); }

// The two leading principal components of the rows by power iteration from a fixed start,
// the second after deflating the first; each row's projection, scaled to span ±kSpread.
std::vector<float> pca_2d(const std::vector<float>& rows, size_t n, int d) {
    std::vector<double> mean(static_cast<size_t>(d), 0.0);
    for (size_t i = 0; i < n; ++i)
        for (int f = 0; f < d; ++f) mean[static_cast<size_t>(f)] += rows[i * static_cast<size_t>(d) + static_cast<size_t>(f)];
    for (double& m : mean) m /= static_cast<double>(n);
    auto centred = [&](size_t i, int f) {
        return rows[i * static_cast<size_t>(d) + static_cast<size_t>(f)] - mean[static_cast<size_t>(f)];
    };
    std::vector<std::vector<double>> axes;
    for (int axis = 0; axis < 2; ++axis) {
        std::vector<double> v(static_cast<size_t>(d));
        for (int f = 0; f < d; ++f)
            v[static_cast<size_t>(f)] = (f % 2 == axis % 2) ? 1.0 : -0.5;  // any fixed start not orthogonal to the answer
        for (int iter = 0; iter < 100; ++iter) {
            std::vector<double> next(static_cast<size_t>(d), 0.0);
            for (size_t i = 0; i < n; ++i) {  // Cᵀ(C v) without forming the covariance
                double p = 0;
                for (int f = 0; f < d; ++f) p += centred(i, f) * v[static_cast<size_t>(f)];
                for (int f = 0; f < d; ++f) next[static_cast<size_t>(f)] += centred(i, f) * p;
            }
            for (const std::vector<double>& a : axes) {  // stay orthogonal to the axes found
                double p = 0;
                for (int f = 0; f < d; ++f) p += next[static_cast<size_t>(f)] * a[static_cast<size_t>(f)];
                for (int f = 0; f < d; ++f) next[static_cast<size_t>(f)] -= p * a[static_cast<size_t>(f)];
            }
            double norm = 0;
            for (double x : next) norm += x * x;
            norm = std::sqrt(norm);
            if (norm == 0) break;
            for (int f = 0; f < d; ++f) v[static_cast<size_t>(f)] = next[static_cast<size_t>(f)] / norm;
        }
        axes.push_back(v);
    }
    std::vector<float> xy(2 * n);
    double extent = 0;
    for (size_t i = 0; i < n; ++i)
        for (int axis = 0; axis < 2; ++axis) {
            double p = 0;
            for (int f = 0; f < d; ++f) p += centred(i, f) * axes[static_cast<size_t>(axis)][static_cast<size_t>(f)];
            xy[2 * i + static_cast<size_t>(axis)] = static_cast<float>(p);
            extent = std::max(extent, std::fabs(p));
        }
    if (extent > 0)
        for (float& c : xy) c = static_cast<float>(c * (kSpread / extent));
    return xy;
}

}  // namespace

FilmMap::FilmMap(const Model& model, const TrainIndex& index, int min_support, int epochs, uint64_t seed)
    : dims_(model.factors()), epochs_(epochs), rng_(Rng::stream(seed, Rng::kMapLayout)) {
    for (int32_t f : index.rated_films())
        if (index.count(f) >= min_support) films_.push_back(f);
    const size_t n = films_.size();
    if (n < kGraphNeighbours + 2) throw Error("too few films with " + std::to_string(min_support) + " ratings to draw a map");
    unit_.resize(n * static_cast<size_t>(dims_));
    for (size_t i = 0; i < n; ++i) {
        float* row = &unit_[i * static_cast<size_t>(dims_)];
        std::copy(model.film_vector(films_[i]), model.film_vector(films_[i]) + dims_, row);
        const float norm = std::sqrt(dot(row, row, dims_));
        if (norm > 0) scale(row, 1.0f / norm, dims_);
    }
    near_.resize(n);
}

void FilmMap::graph_rows(size_t rows) {
    // Each film's nearest by cosine, and the fuzzy weight of each edge: exp(−(d − ρ)/σ) with
    // d = 1 − cos, ρ the distance to the nearest, σ such that the weights sum to log2(15).
    const size_t n = films_.size();
    const size_t end = std::min(n, rows_done_ + rows);
    for (size_t i = rows_done_; i < end; ++i) {
        TopN top(kGraphNeighbours);
        for (size_t j = 0; j < n; ++j)
            if (j != i)
                top.offer(static_cast<int32_t>(j),
                          dot(&unit_[i * static_cast<size_t>(dims_)], &unit_[j * static_cast<size_t>(dims_)], dims_));
        const std::vector<Scored> nearest = top.take();
        for (size_t k = 0; k < kCompared; ++k) near_[i].push_back(nearest[k].film);
        const double rho = 1.0 - nearest[0].score, target = det_log(double(kGraphNeighbours)) / det_log(2.0);
        double lo = 0, hi = 1e6, sigma = 1;
        for (int iter = 0; iter < 64; ++iter) {
            double sum = 0;
            for (const Scored& s : nearest) sum += det_exp(-std::max(0.0, (1.0 - s.score) - rho) / sigma);
            if (sum > target)
                hi = sigma;
            else
                lo = sigma;
            sigma = hi == 1e6 ? sigma * 2 : (lo + hi) / 2;
        }
        for (const Scored& s : nearest) {
            const double w = det_exp(-std::max(0.0, (1.0 - s.score) - rho) / sigma);
            const int32_t a = static_cast<int32_t>(i), b = s.film;
            const auto [it, fresh] = weight_.emplace(std::pair<int32_t, int32_t>(std::min(a, b), std::max(a, b)), w);
            if (!fresh) it->second = it->second + w - it->second * w;  // fuzzy union: a + b − ab
        }
    }
    rows_done_ = end;
    if (graph_whole()) graph_finished();
}

void FilmMap::graph_finished() {
    double max_weight = 0;
    for (const auto& [edge, w] : weight_) max_weight = std::max(max_weight, w);
    for (const auto& [edge, w] : weight_) {
        if (w <= 0) continue;
        const float every = static_cast<float>(max_weight / w);
        edges_.push_back(Edge{edge.first, edge.second, every, every});
    }
    std::map<std::pair<int32_t, int32_t>, double>().swap(weight_);
    pca_ = pca_2d(unit_, films_.size(), dims_);
    xy_ = pca_;
}

void FilmMap::run_epoch() {
    if (done()) throw Error("the map has run all its epochs");
    if (!graph_whole()) {
        graph_rows(kRowsPerStep);
        return;
    }
    const float epoch = static_cast<float>(epochs_done_ + 1);
    const float alpha = 1.0f - static_cast<float>(epochs_done_) / static_cast<float>(epochs_);  // UMAP's falling rate
    const uint32_t n = static_cast<uint32_t>(films_.size());
    for (Edge& e : edges_) {
        if (e.next > epoch) continue;
        e.next += e.every;
        float* a = &xy_[2 * static_cast<size_t>(e.a)];
        float* b = &xy_[2 * static_cast<size_t>(e.b)];
        // Attraction along the edge: −∂/∂y_a of ln(1 + d²) pulls a and b together.
        const float dx = a[0] - b[0], dy = a[1] - b[1], d2 = dx * dx + dy * dy;
        const float pull = -2.0f / (1.0f + d2);
        const float gx = clip(pull * dx) * alpha, gy = clip(pull * dy) * alpha;
        a[0] += gx, a[1] += gy;
        b[0] -= gx, b[1] -= gy;
        // Repulsion from films drawn at random: the graph's absent edges, sampled.
        for (int s = 0; s < kNegatives; ++s) {
            const uint32_t k = rng_.below(n);
            if (k == static_cast<uint32_t>(e.a)) continue;
            const float* c = &xy_[2 * static_cast<size_t>(k)];
            const float ex = a[0] - c[0], ey = a[1] - c[1], e2 = ex * ex + ey * ey;
            const float push = 2.0f / ((0.001f + e2) * (1.0f + e2));
            a[0] += clip(push * ex) * alpha, a[1] += clip(push * ey) * alpha;
        }
    }
    ++epochs_done_;
}

double FilmMap::preservation(const std::vector<float>& xy) const {
    double kept = 0;
    kept_in(xy, 0, films_.size(), kept);
    return kept / static_cast<double>(films_.size());
}

double FilmMap::figures_step(size_t rows, uint64_t seed) {
    if (figure_rows_ == 0 && random_.empty()) random_ = random_layout(seed);
    const size_t end = std::min(films_.size(), figure_rows_ + std::max<size_t>(rows, 1));
    kept_in(xy_, figure_rows_, end, kept_[0]);
    kept_in(pca_, figure_rows_, end, kept_[1]);
    kept_in(random_, figure_rows_, end, kept_[2]);
    figure_rows_ = end;
    return films_.empty() ? 1.0 : static_cast<double>(figure_rows_) / static_cast<double>(films_.size());
}

void FilmMap::kept_in(const std::vector<float>& xy, size_t from, size_t to, double& kept) const {
    const size_t n = films_.size();
    for (size_t i = from; i < to; ++i) {
        TopN top(kCompared);
        for (size_t j = 0; j < n; ++j) {
            if (j == i) continue;
            const float dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1];
            top.offer(static_cast<int32_t>(j), -(dx * dx + dy * dy));
        }
        size_t both = 0;
        for (const Scored& s : top.take()) both += std::count(near_[i].begin(), near_[i].end(), s.film);
        kept += static_cast<double>(both) / kCompared;
    }
}

std::vector<float> FilmMap::random_layout(uint64_t seed) const {
    Rng rng = Rng::stream(seed, Rng::kMapStart);
    std::vector<float> xy(2 * films_.size());
    for (float& c : xy) c = rng.uniform(-kSpread, kSpread);
    return xy;
}

}  // namespace reel
