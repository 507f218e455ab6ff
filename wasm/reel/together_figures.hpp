// Watch together, measured on new visitors: groups of visitors drawn from the protocol, each
// member folded in from their own profile, the group's one list scored against each member's
// hidden ratings, the worse-served member first, beside each member's own list.
#pragma once
#include <cstdint>
#include <vector>

#include "evaluation.hpp"
#include "together.hpp"

namespace reel {

constexpr size_t kTogetherShuffles = 10;  // how many ways the visitors are grouped: about 480 pairs on one split

struct JointFigure {
    Aggregator how;
    double worse = 0, better = 0, mean = 0;  // Recall@10 of the group's list: its worst-served member, best-served, every member
};

struct TogetherFigures {
    size_t group_size = 0, groups = 0;
    double own_worse = 0, own_better = 0, own_mean = 0;  // the same for each member's own list (their model's own ranking)
    std::vector<JointFigure> joint;                      // in the order of together_candidates()
};

// The aggregations measured: each kind, and average without misery at several pools.
std::vector<Aggregator> together_candidates();

// Visitors with a hidden rating of 4 or more, shuffled `shuffles` times by `seed` and each time cut
// into groups of `size` (a remainder sits out). A member's candidates skip what every member rated
// (visitors.seen), as on the page; `models` are the registry's, the popularity model among them.
TogetherFigures evaluate_together(const std::vector<const Model*>& models, const VisitorProtocol& visitors, const Visitors& hidden,
                                  size_t size, size_t shuffles, uint64_t seed);

}  // namespace reel
