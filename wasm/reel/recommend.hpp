// Top-N for a viewer: the films seen in training, minus every film the viewer rated, kept by
// a filter, best first.
#pragma once
#include <vector>

#include "top_n.hpp"
#include "train_index.hpp"

namespace reel {

// `seen` is sorted ascending; `score(film)` is any model's score; `keep(film)` a filter.
template <class ScoreFn, class KeepFn>
std::vector<Scored> top_unseen(const std::vector<int32_t>& candidates, const int32_t* seen, const int32_t* seen_end, size_t n,
                               ScoreFn score, KeepFn keep) {
    TopN top(n);
    for (int32_t film : candidates) {
        // Both lists ascend, so one merge-like walk skips the viewer's own films.
        while (seen != seen_end && *seen < film) ++seen;
        if (seen != seen_end && *seen == film) continue;
        if (keep(film)) top.offer(film, score(film));
    }
    return top.take();
}

// The candidates of evaluation.md for trained user u: films in training that u did not rate there.
template <class ScoreFn>
std::vector<Scored> recommend(const TrainIndex& index, int u, size_t n, ScoreFn score) {
    return top_unseen(
        index.rated_films(), index.films_begin(u), index.films_end(u), n, [&](int film) { return score(u, film); },
        [](int) { return true; });
}

}  // namespace reel
