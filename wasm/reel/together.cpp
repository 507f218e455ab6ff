// Watch together: the members' scores on one scale, combined, and each pick's reasons per member.
#include "together.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <string>

#include "error.hpp"
#include "models.hpp"
#include "personal.hpp"
#include "reasons.hpp"

namespace reel {

namespace {

// A member's scores as z-scores over the candidates: BPR's and iALS's scores live on different
// scales, and a member served by one must not outweigh a member served by the other.
std::vector<float> standardised(const std::vector<float>& s) {
    double mean = 0, sq = 0;
    for (float x : s) mean += x;
    mean /= static_cast<double>(std::max<size_t>(s.size(), 1));
    for (float x : s) sq += (x - mean) * (x - mean);
    const double sd = std::sqrt(sq / static_cast<double>(std::max<size_t>(s.size(), 1)));
    std::vector<float> z(s.size(), 0.0f);
    if (sd > 0)
        for (size_t c = 0; c < s.size(); ++c) z[c] = static_cast<float>((s[c] - mean) / sd);
    return z;
}

// Each candidate's rank among a member's scores (0 = their best; ties to the smaller position),
// exact for the best `depth`; every other candidate ranks `depth`, all a pool that deep asks.
// Sorting only the pool, not every film, made `reel eval --together 2` 2.6 times faster.
std::vector<size_t> ranks(const std::vector<float>& s, size_t depth) {
    depth = std::min(depth, s.size());
    std::vector<size_t> order(s.size());
    std::iota(order.begin(), order.end(), size_t{0});
    const auto better = [&](size_t a, size_t b) { return s[a] > s[b] || (s[a] == s[b] && a < b); };
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(depth), order.end(), better);
    std::vector<size_t> rank(s.size(), depth);
    for (size_t r = 0; r < depth; ++r) rank[order[r]] = r;
    return rank;
}

}  // namespace

std::string_view aggregation_name(Aggregation how) {
    switch (how) {
        case Aggregation::average:
            return "average";
        case Aggregation::least_misery:
            return "least misery";
        case Aggregation::without_misery:
            return "average without misery";
        case Aggregation::borda:
            return "Borda count";
        case Aggregation::fair:
            return "greedy fair (GFAR)";
    }
    return "?";
}

namespace {

// GFAR: p_m(c) = (pool − rank) / Σ over the pool, for films in member m's best `pool`; greedily,
// gain(c) = Σ_m p_m(c) · Π_{chosen j} (1 − p_m(j)). The rest, once no film gains, by average.
std::vector<Scored> fair_ranking(const std::vector<std::vector<float>>& scores, size_t n, size_t pool) {
    const size_t members = scores.size(), candidates = scores[0].size();
    const size_t depth = std::min(pool, candidates);
    const double total = static_cast<double>(depth) * static_cast<double>(depth + 1) / 2;
    std::vector<std::vector<double>> p(members, std::vector<double>(candidates, 0.0));
    std::vector<size_t> in_a_pool;  // candidates in any member's pool
    std::vector<char> pooled(candidates, 0);
    for (size_t m = 0; m < members; ++m) {
        const std::vector<size_t> rank = ranks(scores[m], depth);
        for (size_t c = 0; c < candidates; ++c)
            if (rank[c] < depth) {
                p[m][c] = static_cast<double>(depth - rank[c]) / total;
                if (!pooled[c]) pooled[c] = 1, in_a_pool.push_back(c);
            }
    }
    std::sort(in_a_pool.begin(), in_a_pool.end());
    std::vector<double> unserved(members, 1.0);  // Π (1 − p_m(j)) over the films chosen so far
    std::vector<Scored> out;
    while (out.size() < n) {
        double best = 0;
        size_t pick = candidates;
        for (size_t c : in_a_pool) {
            if (!pooled[c]) continue;  // chosen already
            double gain = 0;
            for (size_t m = 0; m < members; ++m) gain += p[m][c] * unserved[m];
            if (gain > best) best = gain, pick = c;  // ties: the smaller position, met first
        }
        if (pick == candidates) break;
        pooled[pick] = 0;
        for (size_t m = 0; m < members; ++m) unserved[m] *= 1.0 - p[m][pick];
        out.push_back(Scored{static_cast<int32_t>(pick), static_cast<float>(best)});
    }
    return out;
}

}  // namespace

std::vector<Scored> joint_ranking(const std::vector<std::vector<float>>& scores, size_t n, const Aggregator& how) {
    if (scores.empty()) return {};
    if (how.how == Aggregation::fair) {
        std::vector<Scored> out = fair_ranking(scores, n, how.pool);
        if (out.size() < n) {  // every pooled film taken: the others by their average
            std::vector<char> taken(scores[0].size(), 0);
            for (const Scored& s : out) taken[static_cast<size_t>(s.film)] = 1;
            for (const Scored& s : joint_ranking(scores, n + out.size(), Aggregator{Aggregation::average, 0}))
                if (out.size() < n && !taken[static_cast<size_t>(s.film)]) out.push_back(Scored{s.film, 0.0f});
        }
        return out;
    }
    const size_t members = scores.size(), candidates = scores[0].size();
    std::vector<std::vector<float>> z;
    for (const std::vector<float>& s : scores) z.push_back(standardised(s));
    std::vector<std::vector<size_t>> rank;
    if (how.how == Aggregation::borda || how.how == Aggregation::without_misery)  // Borda counts every rank
        for (const std::vector<float>& s : scores) rank.push_back(ranks(s, how.how == Aggregation::borda ? candidates : how.pool));
    TopN first(n), rest(n);  // without misery: films in every member's pool, then the others
    for (size_t c = 0; c < candidates; ++c) {
        float joint = 0;
        bool in_every_pool = true;
        switch (how.how) {
            case Aggregation::least_misery:
                joint = z[0][c];
                for (size_t m = 1; m < members; ++m) joint = std::min(joint, z[m][c]);
                break;
            case Aggregation::borda: {
                double sum = 0;
                for (size_t m = 0; m < members; ++m) sum += static_cast<double>(rank[m][c]);
                joint = -static_cast<float>(sum / static_cast<double>(members));
                break;
            }
            case Aggregation::average:
            case Aggregation::fair:  // ranked above; never reached
            case Aggregation::without_misery: {
                double sum = 0;
                for (size_t m = 0; m < members; ++m) sum += z[m][c];
                joint = static_cast<float>(sum / static_cast<double>(members));
                if (how.how == Aggregation::without_misery)
                    for (size_t m = 0; m < members; ++m) in_every_pool = in_every_pool && rank[m][c] < how.pool;
                break;
            }
        }
        (in_every_pool ? first : rest).offer(static_cast<int32_t>(c), joint);
    }
    std::vector<Scored> out = first.take();
    for (const Scored& s : rest.take())
        if (out.size() < n) out.push_back(s);
    return out;
}

MemberTaste member_taste(const Model& chosen, const Model& popularity, const Prepared& member) {
    MemberTaste out{&chosen, chosen.fold_in(member.used), false};
    if (chosen.has_vectors() && std::all_of(out.taste.vector.begin(), out.taste.vector.end(), [](float x) { return x == 0.0f; }))
        out = MemberTaste{&popularity, Taste(), true};
    return out;
}

std::vector<std::vector<float>> member_scores(const std::vector<MemberTaste>& members, const std::vector<int32_t>& candidates) {
    std::vector<std::vector<float>> out;
    for (const MemberTaste& m : members) {
        std::vector<float> s;
        s.reserve(candidates.size());
        for (int32_t film : candidates) s.push_back(m.model->score(m.taste, film));
        out.push_back(std::move(s));
    }
    return out;
}

JointPicks together_picks(const LoadedData& d, const ModelSet& models, const std::vector<Member>& members, size_t n, const Filter& filter,
                          const Aggregator& how) {
    if (members.size() < kMinMembers || members.size() > kMaxMembers)
        throw Error("watching together takes " + std::to_string(kMinMembers) + " to " + std::to_string(kMaxMembers) + " people, not " +
                    std::to_string(members.size()));
    filter.check();
    checked_count(n);
    std::vector<Prepared> prepared;
    std::vector<int32_t> seen;  // every film any member rated or marked: never offered
    for (const Member& m : members) {
        prepared.push_back(d.prepare(m.ratings));
        seen.insert(seen.end(), prepared.back().seen.begin(), prepared.back().seen.end());
        const std::vector<int32_t> marked = d.prepare(checked_marks(m.marked)).seen;
        seen.insert(seen.end(), marked.begin(), marked.end());
    }
    std::sort(seen.begin(), seen.end());
    std::vector<int32_t> candidates;
    for (int32_t film : d.index.rated_films())
        if (!std::binary_search(seen.begin(), seen.end(), film) &&
            filter.keeps(d.data.catalog.film(static_cast<size_t>(film)), d.index.count(film)))
            candidates.push_back(film);

    JointPicks out;
    std::vector<MemberTaste> tastes;
    for (const Prepared& p : prepared) {
        tastes.push_back(member_taste(models.trained(model_choices().visitor_model(p.used.size())), models.trained(kPopularity), p));
        out.models.push_back(tastes.back().from_popularity ? nullptr : &tastes.back().model->spec());
    }
    const std::vector<std::vector<float>> scores = member_scores(tastes, candidates);
    const std::vector<Scored> joint = joint_ranking(scores, n, how);
    for (const Scored& s : joint)
        out.picks.push_back(
            JointPick{d.data.catalog.film(static_cast<size_t>(candidates[static_cast<size_t>(s.film)])).movie_id, s.score, {}});
    // Each member's reasons, as for one visitor: their rated films that pushed this pick more than
    // they pushed the list's other picks; named only for the members the pick is there for — among
    // their own best (the fair pool, or the list's length), as a film near the top of one member's
    // list also draws small positive shares from everyone else's ratings.
    const size_t own_best = std::max(how.pool, n);
    for (size_t m = 0; m < members.size(); ++m) {
        std::vector<float> sorted = scores[m];
        const size_t k = std::min(own_best, sorted.size());
        float bar = -std::numeric_limits<float>::infinity();  // the k-th best score: a pick at or above it is theirs
        if (k > 0) {
            std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(k - 1), sorted.end(), std::greater<float>());
            bar = sorted[k - 1];
        }
        std::vector<std::vector<float>> shares;
        for (const Scored& s : joint)
            shares.push_back(tastes[m].from_popularity
                                 ? std::vector<float>()
                                 : tastes[m].model->explain(tastes[m].taste, candidates[static_cast<size_t>(s.film)]).shares);
        const std::vector<std::vector<size_t>> reasons = discriminating_reasons(shares, kReasonsPerMember, kShownAtOnce);
        for (size_t i = 0; i < out.picks.size(); ++i) {
            out.picks[i].because.emplace_back();
            if (scores[m][static_cast<size_t>(joint[i].film)] < bar) continue;
            for (size_t j : reasons[i])
                out.picks[i].because.back().push_back(
                    Reason{d.data.catalog.film(static_cast<size_t>(prepared[m].used[j].film)).movie_id, shares[i][j]});
        }
    }
    return out;
}

}  // namespace reel
