// Farthest-point sampling over a pool of well-known, well-liked films: each pick is the pool film
// least like every film picked so far, weighted by how well known it is.
#include "starters.hpp"

#include <algorithm>
#include <cmath>

#include "kernels.hpp"

namespace reel {

namespace {
constexpr size_t kPool = 150;            // the most-rated films form the pool…
constexpr float kLikedOnAverage = 3.5f;  // …those people rated this well on average
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

    const int d = model.factors();
    std::vector<float> unit(pool.size() * static_cast<size_t>(d));
    for (size_t p = 0; p < pool.size(); ++p) {
        float* row = &unit[p * static_cast<size_t>(d)];
        std::copy(model.film_vector(pool[p]), model.film_vector(pool[p]) + d, row);
        const float norm = std::sqrt(dot(row, row, d));
        if (norm > 0) scale(row, 1.0f / norm, d);
    }
    std::vector<int32_t> chosen;
    std::vector<float> nearest(pool.size(), 2.0f);  // each pool film's highest cosine to a chosen film, as 1 − cos
    std::vector<char> taken(pool.size(), 0);
    // Far from what is chosen, weighted towards the better known: farthest-point sampling alone
    // would reach for the least-seen edge of the pool.
    std::vector<float> known(pool.size());
    for (size_t p = 0; p < pool.size(); ++p)
        known[p] = std::sqrt(static_cast<float>(index.count(pool[p])) / static_cast<float>(index.count(pool[0])));
    for (size_t pick = 0; pick < std::min(k, pool.size()); ++pick) {
        size_t best = 0;
        for (size_t p = 1; p < pool.size(); ++p)  // ties keep the better-known film (earlier in the pool)
            if (!taken[p] && (taken[best] || nearest[p] * known[p] > nearest[best] * known[best])) best = p;
        taken[best] = 1;
        chosen.push_back(pool[best]);
        for (size_t p = 0; p < pool.size(); ++p)
            nearest[p] = std::min(nearest[p], 1.0f - dot(&unit[p * static_cast<size_t>(d)], &unit[best * static_cast<size_t>(d)], d));
    }
    return chosen;
}

}  // namespace reel
