// Groups of new visitors, their joint lists and their own, scored member by member.
#include "together_figures.hpp"

#include <algorithm>
#include <string>

#include "error.hpp"
#include "metrics.hpp"
#include "models.hpp"
#include "rng.hpp"

namespace reel {

namespace {

double recall_of(const std::vector<int32_t>& list, const std::vector<int32_t>& relevant) {
    size_t hits = 0;
    for (size_t r = 0; r < std::min(kListLength, list.size()); ++r) hits += std::binary_search(relevant.begin(), relevant.end(), list[r]);
    return static_cast<double>(hits) / static_cast<double>(relevant.size());
}

}  // namespace

std::vector<Aggregator> together_candidates() {
    return {{Aggregation::average, 0},
            {Aggregation::least_misery, 0},
            {Aggregation::borda, 0},
            {Aggregation::without_misery, 50},
            {Aggregation::without_misery, 100},
            {Aggregation::without_misery, 200},
            {Aggregation::without_misery, 400},
            {Aggregation::fair, 10},
            {Aggregation::fair, 20},
            {Aggregation::fair, 30},
            {Aggregation::fair, 50},
            {Aggregation::fair, 100}};
}

TogetherFigures evaluate_together(const std::vector<const Model*>& models, const VisitorProtocol& visitors, const Visitors& hidden,
                                  size_t size, size_t shuffles, uint64_t seed) {
    if (size < kMinMembers || size > kMaxMembers)
        throw Error("a group holds " + std::to_string(kMinMembers) + " to " + std::to_string(kMaxMembers) + " people, not " +
                    std::to_string(size));
    const TrainIndex& index = visitors.index();
    const Catalog& catalog = visitors.catalog();
    const Model& popularity = trained_model(models, kPopularity);
    // Per visitor with a relevant hidden film: their likes, their taste and their own list's recall.
    std::vector<size_t> who;
    std::vector<std::vector<int32_t>> relevant;
    std::vector<MemberTaste> tastes;
    std::vector<double> own;
    for (size_t v = 0; v < visitors.size(); ++v) {
        std::vector<int32_t> liked;
        if (const std::vector<ProfileEntry>* held = hidden.of(visitors.user_id(v)))
            for (const ProfileEntry& e : *held)
                if (e.stars >= kRelevant) liked.push_back(e.movie_id);
        if (liked.empty()) continue;
        std::sort(liked.begin(), liked.end());
        const Model& chosen = chosen_for(models, visitors.prepared(v));
        who.push_back(v);
        relevant.push_back(liked);
        tastes.push_back(member_taste(chosen, popularity, visitors.prepared(v)));
        own.push_back(recall_of(visitors.list(v, *tastes.back().model, kListLength), liked));
    }
    if (who.size() < size) throw Error("too few visitors with a hidden rating of 4 stars or more to make a group");

    TogetherFigures out;
    out.group_size = size;
    const std::vector<Aggregator> candidates = together_candidates();
    for (const Aggregator& a : candidates) out.joint.push_back(JointFigure{a});
    Rng rng = Rng::stream(seed, Rng::kGroups);
    std::vector<size_t> order(who.size());
    for (size_t s = 0; s < shuffles; ++s) {
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        rng.shuffle(order);
        for (size_t g = 0; g + size <= order.size(); g += size) {
            const std::vector<size_t> group(order.begin() + static_cast<std::ptrdiff_t>(g),
                                            order.begin() + static_cast<std::ptrdiff_t>(g + size));
            // The group's candidates: training films no member rated, as on the page.
            std::vector<int32_t> seen;
            for (size_t m : group) seen.insert(seen.end(), visitors.seen(who[m]).begin(), visitors.seen(who[m]).end());
            std::sort(seen.begin(), seen.end());
            std::vector<int32_t> films;
            for (int32_t film : index.rated_films())
                if (!std::binary_search(seen.begin(), seen.end(), film)) films.push_back(film);
            std::vector<MemberTaste> members;
            std::vector<double> mine;
            for (size_t m : group) members.push_back(tastes[m]), mine.push_back(own[m]);
            const std::vector<std::vector<float>> scores = member_scores(members, films);
            ++out.groups;
            out.own_worse += *std::min_element(mine.begin(), mine.end());
            out.own_better += *std::max_element(mine.begin(), mine.end());
            for (double r : mine) out.own_mean += r / static_cast<double>(size);
            for (size_t a = 0; a < candidates.size(); ++a) {
                std::vector<int32_t> list;
                for (const Scored& x : joint_ranking(scores, kListLength, candidates[a]))
                    list.push_back(catalog.film(static_cast<size_t>(films[static_cast<size_t>(x.film)])).movie_id);
                std::vector<double> theirs;
                for (size_t m : group) theirs.push_back(recall_of(list, relevant[m]));
                out.joint[a].worse += *std::min_element(theirs.begin(), theirs.end());
                out.joint[a].better += *std::max_element(theirs.begin(), theirs.end());
                for (double r : theirs) out.joint[a].mean += r / static_cast<double>(size);
            }
        }
    }
    const double groups = static_cast<double>(out.groups);
    out.own_worse /= groups, out.own_better /= groups, out.own_mean /= groups;
    for (JointFigure& j : out.joint) j.worse /= groups, j.better /= groups, j.mean /= groups;
    return out;
}

}  // namespace reel
