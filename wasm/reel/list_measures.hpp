// Whether lists are the viewer's own or everyone's (evaluation.md, "Beyond accuracy"):
// miscalibration C_KL of their genres, popularity lift, the share of the 50 most-rated films,
// catalogue coverage and the overlap of two viewers' lists. Written once, for every protocol.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

#include "catalog.hpp"
#include "genre_mix.hpp"
#include "model.hpp"
#include "train_index.hpp"

namespace reel {

constexpr size_t kMostRated = 50;         // the "top-50" of the share and of popular intrusion
constexpr size_t kOverlapViewers = 1000;  // overlap over every pair of the first this many viewers

struct ListFigures {
    double miscalibration = NAN;   // C_KL, mean over viewers who liked a film they were given
    double popularity_lift = NAN;  // mean training count of the list ÷ of the films given − 1, averaged
    double top50_share = NAN;      // share of listed films among the 50 most-rated
    double coverage = NAN;         // distinct films listed ÷ films in training
    double overlap = NAN;          // mean Jaccard overlap of two viewers' lists
};

// The films of training by falling count, ties to the smaller film: the popularity ranking.
std::vector<int32_t> most_rated(const TrainIndex& index, size_t n);

class ListMeasures {
public:
    ListMeasures(const Catalog& catalog, const TrainIndex& index);
    // One viewer's list (film indices) and the ratings they were given (films in training).
    void add(const std::vector<int32_t>& list, const std::vector<Rated>& given);
    ListFigures figures() const;

private:
    const Catalog& catalog_;
    const TrainIndex& index_;
    std::vector<char> top50_;
    double kl_ = 0, lift_ = 0, top50_listed_ = 0, listed_ = 0;
    size_t calibrated_ = 0, lifted_ = 0;
    std::vector<char> covered_;
    std::vector<std::vector<int32_t>> overlap_lists_;  // sorted, for the first kOverlapViewers
};

}  // namespace reel
