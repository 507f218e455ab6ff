// Calibrated, popularity-aware re-ranking of a model's candidates into a viewer's list.
#include "personal.hpp"

#include <algorithm>
#include <cmath>

#include "genre_mix.hpp"

namespace reel {

Personal Personal::of(const Settings& settings) {
    return Personal{static_cast<float>(settings.get("lists.calibration")), static_cast<float>(settings.get("lists.popularity")),
                    static_cast<size_t>(settings.whole("lists.pool")), static_cast<float>(settings.get("lists.mix"))};
}

std::vector<Scored> personal_list(const std::vector<Scored>& pool, const std::vector<Rated>& given, const Catalog& catalog,
                                  const TrainIndex& index, size_t n, const Personal& personal) {
    if (personal.plain() || pool.size() <= 1) return {pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(std::min(n, pool.size()))};
    const double lambda = personal.calibration, beta = personal.popularity;
    // a_i = r_i − β·π_i: relevance scaled over the pool, less the film's share of the crowd.
    const double top = pool.front().score, span = pool.front().score - pool.back().score;
    double most = 0;
    for (int32_t film : index.rated_films()) most = std::max(most, static_cast<double>(index.count(film)));
    std::vector<double> adjusted;
    std::vector<GenreMix> mixes(pool.size(), GenreMix{});
    for (size_t i = 0; i < pool.size(); ++i) {
        const double r = span > 0 ? 1 - (top - pool[i].score) / span : 1;
        adjusted.push_back(r - beta * std::log1p(index.count(pool[i].film)) / std::log1p(most));
        add_genres(catalog, pool[i].film, 1.0, mixes[i]);
    }
    const GenreMix p = liked_mix(catalog, given);
    const bool calibrate = lambda > 0 && std::any_of(p.begin(), p.end(), [](double w) { return w > 0; });

    std::vector<size_t> list;
    std::vector<char> taken(pool.size(), 0);
    GenreMix chosen{};  // the genres of the list so far, unnormalised
    while (list.size() < std::min(n, pool.size())) {
        size_t best = pool.size();
        double best_value = -INFINITY;
        for (size_t i = 0; i < pool.size(); ++i) {
            if (taken[i]) continue;
            double value = adjusted[i];
            if (calibrate) {
                GenreMix q;
                for (size_t g = 0; g < q.size(); ++g) q[g] = (chosen[g] + mixes[i][g]) / static_cast<double>(list.size() + 1);
                value = (1 - lambda) * adjusted[i] - lambda * miscalibration(p, q);
            }
            if (value > best_value) best = i, best_value = value;  // ties keep the better-scored film
        }
        taken[best] = 1;
        for (size_t g = 0; g < chosen.size(); ++g) chosen[g] += mixes[best][g];
        list.push_back(best);
    }
    // Chosen as a set, shown best first, so a list opens with the film the viewer is likeliest to
    // love; ten at a time, so a longer list (greedy, its first films the same) only adds below.
    for (size_t from = 0; from < list.size(); from += kShownAtOnce)
        std::stable_sort(list.begin() + static_cast<std::ptrdiff_t>(from),
                         list.begin() + static_cast<std::ptrdiff_t>(std::min(list.size(), from + kShownAtOnce)),
                         [&](size_t a, size_t b) { return adjusted[a] > adjusted[b]; });
    std::vector<Scored> out;
    for (size_t i : list) out.push_back(pool[i]);
    return out;
}

}  // namespace reel
