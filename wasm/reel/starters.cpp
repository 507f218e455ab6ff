// Farthest-point sampling over a pool of well-known, well-liked films: each pick is the pool film
// least like every film picked so far, weighted by how well known it is.
#include "starters.hpp"

#include <algorithm>
#include <cmath>

#include "kernels.hpp"
#include "top_n.hpp"

namespace reel {

namespace {
constexpr size_t kPool = 150;            // the most-rated films form the pool…
constexpr float kLikedOnAverage = 3.5f;  // …those people rated this well on average
constexpr int32_t kKnown = 20;           // a later starter has at least this many ratings: likely recognised

// Greedy farthest-point sampling of k films of `pool`: each pick maximises (1 − its highest
// cosine to a film picked or `placed`) × its weight; ties keep the earlier pool film.
std::vector<int32_t> spread(const Model& model, const std::vector<int32_t>& pool, const std::vector<float>& weight,
                            const std::vector<int32_t>& placed, size_t k) {
    const int d = model.factors();
    auto unit_of = [&](int32_t film) {
        std::vector<float> row(model.film_vector(film), model.film_vector(film) + d);
        const float norm = std::sqrt(dot(row.data(), row.data(), d));
        if (norm > 0) scale(row.data(), 1.0f / norm, d);
        return row;
    };
    std::vector<std::vector<float>> unit;
    for (int32_t film : pool) unit.push_back(unit_of(film));
    std::vector<float> nearest(pool.size(), 2.0f);  // each pool film's highest cosine to a chosen film, as 1 − cos
    auto place = [&](const std::vector<float>& at) {
        for (size_t p = 0; p < pool.size(); ++p) nearest[p] = std::min(nearest[p], 1.0f - dot(unit[p].data(), at.data(), d));
    };
    for (int32_t film : placed) place(unit_of(film));
    std::vector<int32_t> chosen;
    std::vector<char> taken(pool.size(), 0);
    for (size_t pick = 0; pick < std::min(k, pool.size()); ++pick) {
        size_t best = 0;
        for (size_t p = 1; p < pool.size(); ++p)
            if (!taken[p] && (taken[best] || nearest[p] * weight[p] > nearest[best] * weight[best])) best = p;
        taken[best] = 1;
        chosen.push_back(pool[best]);
        place(unit[best]);
    }
    return chosen;
}

}  // namespace

std::vector<int32_t> starter_films(const Model& model, const TrainIndex& index, size_t k, const std::vector<int32_t>& exclude) {
    std::vector<double> sum(index.films(), 0.0);
    for (size_t u = 0; u < index.users(); ++u) {
        const float* v = index.values_begin(static_cast<int>(u));
        for (const int32_t* f = index.films_begin(static_cast<int>(u)); f != index.films_end(static_cast<int>(u)); ++f, ++v)
            sum[static_cast<size_t>(*f)] += *v;
    }
    std::vector<int32_t> by_count;
    for (int32_t f : index.rated_films())
        if (!std::binary_search(exclude.begin(), exclude.end(), f) && sum[static_cast<size_t>(f)] >= kLikedOnAverage * index.count(f))
            by_count.push_back(f);
    std::stable_sort(by_count.begin(), by_count.end(), [&](int32_t a, int32_t b) { return index.count(a) > index.count(b); });
    // A pool that grows past kPool only when the exclusions have used it up.
    const size_t pool_size = std::min(by_count.size(), std::max(kPool, k + exclude.size()));
    std::vector<int32_t> pool(by_count.begin(), by_count.begin() + static_cast<std::ptrdiff_t>(pool_size));

    // Far from what is chosen, weighted towards the better known: farthest-point sampling alone
    // would reach for the least-seen edge of the pool.
    std::vector<float> known(pool.size());
    for (size_t p = 0; p < pool.size(); ++p)
        known[p] = std::sqrt(static_cast<float>(index.count(pool[p])) / static_cast<float>(index.count(pool[0])));
    const std::vector<int32_t> chosen = spread(model, pool, known, {}, k);
    return chosen;
}

std::vector<int32_t> next_starters(const Model& model, const TrainIndex& index, size_t k, const std::vector<int32_t>& exclude,
                                   const std::vector<Rated>& rated) {
    if (rated.empty()) return starter_films(model, index, k, exclude);
    const Taste taste = model.fold_in(rated);
    // The pool: the films the model most expects them to have seen, among those enough people
    // rated to be recognised, none rated or excluded.
    std::vector<char> skip(index.films(), 0);
    for (int32_t f : exclude) skip[static_cast<size_t>(f)] = 1;
    for (const Rated& r : rated) skip[static_cast<size_t>(r.film)] = 1;
    TopN top(std::max(kPool, k));
    for (int32_t f : index.rated_films())
        if (!skip[static_cast<size_t>(f)] && index.count(f) >= kKnown) top.offer(f, model.score(taste, f));
    const std::vector<Scored> best = top.take();
    if (best.empty()) return {};
    std::vector<int32_t> pool;
    std::vector<float> likely;  // the score scaled to (0, 1] over the pool: how likely seen
    const float span = best.front().score - best.back().score;
    for (const Scored& s : best) {
        pool.push_back(s.film);
        likely.push_back(span > 0 ? 0.05f + 0.95f * (s.score - best.back().score) / span : 1.0f);
    }
    std::vector<int32_t> placed;
    for (const Rated& r : rated) placed.push_back(r.film);
    return spread(model, pool, likely, placed, k);
}

}  // namespace reel
