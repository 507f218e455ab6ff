// Watch together: one list for two to four people, each folded in from their own ratings, none of
// it a film any of them rated or marked, each pick with whose ratings led to it. How the members'
// scores are combined was chosen on validation data (reel eval --together N, scripts/tune together).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "filter.hpp"
#include "loaded_data.hpp"
#include "model.hpp"
#include "model_set.hpp"
#include "profile.hpp"
#include "queries.hpp"
#include "top_n.hpp"

namespace reel {

constexpr size_t kMinMembers = 2, kMaxMembers = 4;
constexpr size_t kReasonsPerMember = 2;  // a joint pick names at most this many films of each member

// How the members' scores become one. Each member's scores are first put on one scale (a z-score
// over the candidates), as members may be served by different models.
enum class Aggregation {
    average,         // the mean of the members' scores
    least_misery,    // the lowest member's score
    without_misery,  // the mean, among films every member has in their best `pool` (the rest after)
    borda,           // the mean of the members' ranks
    // Greedy fair aggregation (GFAR, Kaya, Bridge & Tintarev, RecSys 2020): each member's best
    // `pool` films carry a Borda share of relevance; each next film is the one most likely to be
    // relevant to a member the list so far has not yet served.
    fair,
};
struct Aggregator {
    Aggregation how = Aggregation::fair;
    size_t pool = 10;  // without_misery and fair: how deep into each member's ranking a film counts
};
std::string_view aggregation_name(Aggregation how);

// The default, chosen on validation (`scripts/tune together`, five new-visitor splits): the best
// Recall@10 for the worse-served member of a pair, with whole profiles and from five ratings; it
// also serves every member best, and groups of three and four too (README, "Watch together").
constexpr Aggregator kTogether{Aggregation::fair, 10};

// scores[m][c]: member m's score for candidate c (every member scores the same candidates). The
// n best candidates by the aggregation, as (candidate position, joint score), best first; ties to
// the smaller position.
std::vector<Scored> joint_ranking(const std::vector<std::vector<float>>& scores, size_t n, const Aggregator& how);

// A member as the engine takes them: the model chosen for their number of ratings, folded in from
// them; the most-rated films when that model has nothing to go on (as for one visitor).
struct MemberTaste {
    const Model* model = nullptr;
    Taste taste;
    bool from_popularity = false;
};
MemberTaste member_taste(const Model& chosen, const Model& popularity, const Prepared& member);

// Every member's scores for `candidates` (film indices), for joint_ranking.
std::vector<std::vector<float>> member_scores(const std::vector<MemberTaste>& members, const std::vector<int32_t>& candidates);

// A member of the group: their ratings, and the films they marked (seen, not interested,
// watchlist), which are kept out of the list but not folded in.
struct Member {
    std::vector<ProfileEntry> ratings;
    std::vector<ProfileEntry> marked;
};

struct JointPick {
    int32_t movie_id;
    float score;  // the aggregation's
    // Per member, in the members' order: their rated films that led to it; empty for a member it
    // is not there for (not among their own best: the fair pool, or the list's length).
    std::vector<std::vector<Reason>> because;
};

struct JointPicks {
    std::vector<JointPick> picks;
    std::vector<const ModelSpec*> models;  // per member; null: the most-rated films (nothing to go on)
};

// The group's list: n films none of the members rated or marked, kept by `filter`, combined as
// `how` says. Throws for fewer than kMinMembers or more than kMaxMembers members.
JointPicks together_picks(const LoadedData& d, const ModelSet& models, const std::vector<Member>& members, size_t n, const Filter& filter,
                          const Aggregator& how = kTogether);

}  // namespace reel
