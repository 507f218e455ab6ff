// A map of the space of taste: every film with enough training ratings placed in 2-D so that
// films whose vectors point the same way sit together. A UMAP-style layout (McInnes et al.
// 2018): a k-nearest-neighbour graph by cosine with fuzzy weights, a PCA start, then epochs of
// attraction along the graph's edges and repulsion from sampled films. The kernel 1 / (1 + d²)
// (UMAP's a = b = 1) keeps every step to + − × ÷, so the map is the same bit for bit natively
// and in WebAssembly.
#pragma once
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "model.hpp"
#include "rng.hpp"
#include "train_index.hpp"

namespace reel {

class FilmMap {
public:
    // Films with at least `min_support` training ratings, placed by `model`'s film vectors. The
    // nearest-neighbour graph is built by run_epoch() a few rows at a time before the first epoch,
    // so no single call holds a page's worker for long (the whole graph took 0.4 s in wasm).
    FilmMap(const Model& model, const TrainIndex& index, int min_support, int epochs, uint64_t seed);

    int epochs() const { return epochs_; }
    int epochs_done() const { return epochs_done_; }
    bool done() const { return graph_whole() && epochs_done_ >= epochs_; }
    void run_epoch();  // the next rows of the graph while it is not whole, then one pass over its edges

    const std::vector<int32_t>& films() const { return films_; }  // dense indices, ascending
    const std::vector<float>& xy() const { return xy_; }          // x0, y0, x1, y1, …

    // How many of each film's 10 nearest by cosine are among its 10 nearest on the map, averaged
    // (1 = every neighbourhood kept). `xy` may be any layout of films(): the map, random, PCA.
    double preservation(const std::vector<float>& xy) const;
    // Baselines for preservation(): uniform random positions, and the first two principal components.
    std::vector<float> random_layout(uint64_t seed) const;
    const std::vector<float>& pca_layout() const { return pca_; }

    // preservation() of the map, PCA and random layouts in steps of `rows` films each, so a page can
    // answer between them (the three in one call took 0.23 s in wasm); the share done, 1 at the end.
    // The same sums in the same order: figure(i) equals preservation() of layout i bit for bit.
    double figures_step(size_t rows, uint64_t seed);
    bool figures_done() const { return figure_rows_ == films_.size(); }
    double figure(int layout) const { return kept_[layout] / static_cast<double>(films_.size()); }  // 0 map, 1 PCA, 2 random

private:
    bool graph_whole() const { return rows_done_ == films_.size(); }
    // Adds preservation's terms for films [from, to) to `kept`, one by one, so steps sum as one call does.
    void kept_in(const std::vector<float>& xy, size_t from, size_t to, double& kept) const;
    void graph_rows(size_t rows);  // each film's nearest and its edges' fuzzy weights, for the next `rows` films
    void graph_finished();         // the edges from the weights, and the PCA start

    struct Edge {
        int32_t a, b;
        float every;  // processed once per this many epochs (UMAP's epochs_per_sample)
        float next;   // the epoch it is next due
    };

    std::vector<int32_t> films_;
    int dims_;
    std::vector<float> unit_;  // films_.size() × dims_, unit length
    std::vector<Edge> edges_;
    std::vector<float> pca_, xy_;
    std::vector<std::vector<int32_t>> near_;                // each film's 10 nearest by cosine, as rows of films_
    std::map<std::pair<int32_t, int32_t>, double> weight_;  // (a < b) → symmetrised weight, while the graph is built
    size_t rows_done_ = 0;
    int epochs_, epochs_done_ = 0;
    size_t figure_rows_ = 0;  // films whose neighbourhoods figures_step() has compared
    double kept_[3] = {0, 0, 0};
    std::vector<float> random_;
    Rng rng_;
};

}  // namespace reel
