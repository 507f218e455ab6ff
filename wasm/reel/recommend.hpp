// Top-N for a user: every film seen in training that the user has not rated, best first.
#pragma once
#include <vector>

#include "top_n.hpp"
#include "train_index.hpp"

namespace reel {

// `score(u, film)` is any model's score; the candidates are those of evaluation.md.
template <class ScoreFn>
std::vector<Scored> recommend(const TrainIndex& index, int u, size_t n, ScoreFn score) {
    TopN top(n);
    const int32_t* seen = index.films_begin(u);
    const int32_t* seen_end = index.films_end(u);
    for (int32_t film : index.rated_films()) {
        // Both lists ascend, so one merge-like walk skips the user's own films.
        while (seen != seen_end && *seen < film) ++seen;
        if (seen != seen_end && *seen == film) continue;
        top.offer(film, score(u, film));
    }
    return top.take();
}

}  // namespace reel
