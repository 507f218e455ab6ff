// "Rate a few you know", measured on new visitors: each looks at starters one at a time and rates
// those they rated in their profile; after each round of `per_round` films looked at, their
// default list is measured on their hidden ratings. Three ways to choose the films: the same for
// everyone; a fresh set a round chosen from the ratings so far; and, as the page does, each rated
// film's place taken at once by one chosen from the ratings so far, which they look at next.
#pragma once
#include <cstddef>
#include <vector>

#include "evaluation.hpp"

namespace reel {

struct RoundFigures {
    double rated = 0;     // mean ratings gathered so far, per visitor
    double recall10 = 0;  // mean Recall@10 of the default list from them
};

struct StarterFigures {
    std::vector<RoundFigures> fixed, adaptive, each;  // after round 1, 2, …
    size_t viewers = 0;                               // visitors with a hidden rating of 4 or more
};

// `visitors` holds each visitor's whole profile (their candidates skip all of it); `starters` is
// the model that places the starters (the registry's neighbours model), `models` what the lists
// are chosen from as the page does.
StarterFigures evaluate_starters(const std::vector<const Model*>& models, const Model& starters, const VisitorProtocol& visitors,
                                 const Visitors& profile, const Visitors& hidden, size_t rounds, size_t per_round,
                                 const Personal& personal);

}  // namespace reel
