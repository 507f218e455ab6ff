// The list a viewer is given by default: a model's best candidates re-ranked so the list is the
// viewer's own — its genres calibrated to the films they liked (Steck 2018) and its films
// pulled away from the ones everybody rated. Chosen on validation data (scripts/tune lists).
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "catalog.hpp"
#include "model.hpp"
#include "settings.hpp"
#include "top_n.hpp"
#include "train_index.hpp"

namespace reel {

constexpr size_t kShownAtOnce = 10;  // a list is ordered in blocks this long: n films are the first n of a longer list

struct Personal {
    float calibration = 0;  // λ: the weight of the list's miscalibration against the films' relevance
    float popularity = 0;   // β: how much a film's log training count takes off its relevance
    size_t pool = 0;        // the model's best this many candidates are re-ranked (at least twice the list)
    float mix = 0;          // w: the share of a second model's scores in a first visitor's list (score_mix.hpp)

    static Personal of(const Settings& settings);  // the "lists.*" settings
    bool plain() const { return calibration == 0 && popularity == 0; }
    size_t pool_for(size_t n) const { return plain() ? n : std::max(pool, 2 * n); }
};

// The n films of a list from `pool` (candidates, best first by the model's score), for a viewer
// who gave `given`. Greedily, each next film maximises
//     (1 − λ)·(r_i − β·π_i) − λ·C_KL(p ‖ the list so far with i)
// where r_i is the film's score scaled to [0, 1] over the pool, π_i = log(1 + count_i) / log(1 +
// the largest count) and p the genres of the films they liked. The films chosen are then ordered
// by r_i − β·π_i (the pool's order when β is 0) in blocks of kShownAtOnce; scores are kept as the
// model gave them.
std::vector<Scored> personal_list(const std::vector<Scored>& pool, const std::vector<Rated>& given, const Catalog& catalog,
                                  const TrainIndex& index, size_t n, const Personal& personal);

}  // namespace reel
