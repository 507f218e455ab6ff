// Beyond accuracy: each measure from evaluation.md, summed viewer by viewer in the order added.
#include "list_measures.hpp"

#include <algorithm>

namespace reel {

std::vector<int32_t> most_rated(const TrainIndex& index, size_t n) {
    std::vector<int32_t> ranking = index.rated_films();
    std::stable_sort(ranking.begin(), ranking.end(), [&](int32_t a, int32_t b) { return index.count(a) > index.count(b); });
    if (ranking.size() > n) ranking.resize(n);
    return ranking;
}

ListMeasures::ListMeasures(const Catalog& catalog, const TrainIndex& index)
    : catalog_(catalog), index_(index), top50_(index.films(), 0), covered_(index.films(), 0) {
    for (int32_t film : most_rated(index, kMostRated)) top50_[static_cast<size_t>(film)] = 1;
}

void ListMeasures::add(const std::vector<int32_t>& list, const std::vector<Rated>& given) {
    // C_KL = KL(p ‖ 0.99 q + 0.01 p): p the genres of the films liked, q those of the list.
    const bool liked = std::any_of(given.begin(), given.end(), [](const Rated& r) { return r.stars >= kLiked; });
    if (liked && !list.empty()) {
        GenreMix q{};
        for (int32_t film : list) add_genres(catalog_, film, 1.0 / static_cast<double>(list.size()), q);
        kl_ += miscalibration(liked_mix(catalog_, given), q);
        ++calibrated_;
    }
    // Popularity lift: how much more often the listed films were rated than the viewer's own.
    double own = 0, listed = 0;
    for (const Rated& r : given) own += index_.count(r.film);
    for (int32_t film : list) listed += index_.count(film);
    if (!given.empty() && own > 0 && !list.empty()) {
        lift_ += (listed / static_cast<double>(list.size())) / (own / static_cast<double>(given.size())) - 1;
        ++lifted_;
    }
    for (int32_t film : list) {
        top50_listed_ += top50_[static_cast<size_t>(film)];
        covered_[static_cast<size_t>(film)] = 1;
    }
    listed_ += static_cast<double>(list.size());
    if (overlap_lists_.size() < kOverlapViewers) {
        std::vector<int32_t> sorted = list;
        std::sort(sorted.begin(), sorted.end());
        overlap_lists_.push_back(std::move(sorted));
    }
}

ListFigures ListMeasures::figures() const {
    ListFigures f;
    if (calibrated_) f.miscalibration = kl_ / static_cast<double>(calibrated_);
    if (lifted_) f.popularity_lift = lift_ / static_cast<double>(lifted_);
    if (listed_ > 0) f.top50_share = top50_listed_ / listed_;
    if (!index_.rated_films().empty())
        f.coverage =
            static_cast<double>(std::count(covered_.begin(), covered_.end(), 1)) / static_cast<double>(index_.rated_films().size());
    double jaccard = 0, pairs = 0;
    std::vector<int32_t> both;
    for (size_t a = 0; a < overlap_lists_.size(); ++a)
        for (size_t b = a + 1; b < overlap_lists_.size(); ++b) {
            both.clear();
            std::set_intersection(overlap_lists_[a].begin(), overlap_lists_[a].end(), overlap_lists_[b].begin(), overlap_lists_[b].end(),
                                  std::back_inserter(both));
            const double either = static_cast<double>(overlap_lists_[a].size() + overlap_lists_[b].size() - both.size());
            jaccard += either > 0 ? static_cast<double>(both.size()) / either : 0;
            ++pairs;
        }
    if (pairs > 0) f.overlap = jaccard / pairs;
    return f;
}

}  // namespace reel
