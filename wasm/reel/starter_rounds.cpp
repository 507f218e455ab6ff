// Visitors simulated round by round: the fixed starters, then the starters that learn.
#include "starter_rounds.hpp"

#include <algorithm>
#include <map>

#include "error.hpp"
#include "loaded_data.hpp"
#include "metrics.hpp"
#include "starters.hpp"

namespace reel {

StarterFigures evaluate_starters(const std::vector<const Model*>& models, const Model& starters, const VisitorProtocol& visitors,
                                 const Visitors& profile, const Visitors& hidden, size_t rounds, size_t per_round,
                                 const Personal& personal) {
    const Catalog& catalog = visitors.catalog();
    const TrainIndex& index = visitors.index();
    StarterFigures out;
    out.fixed.resize(rounds);
    out.adaptive.resize(rounds);
    std::vector<TopNScore> fixed(rounds, TopNScore(kListLength)), adaptive(rounds, TopNScore(kListLength));
    for (size_t v = 0; v < visitors.size(); ++v) {
        const int32_t user = visitors.user_id(v);
        std::vector<int32_t> relevant;
        if (const std::vector<ProfileEntry>* held = hidden.of(user))
            for (const ProfileEntry& e : *held)
                if (e.stars >= kRelevant) relevant.push_back(e.movie_id);
        if (relevant.empty()) continue;
        std::sort(relevant.begin(), relevant.end());
        ++out.viewers;
        std::map<int32_t, float> known;  // what the visitor would say of a film shown: their profile's stars
        for (const ProfileEntry& e : *profile.of(user)) known[e.movie_id] = e.stars;
        for (const bool learns : {false, true}) {
            std::vector<int32_t> shown;       // dense, sorted: never shown twice
            std::vector<ProfileEntry> given;  // the ratings gathered so far
            for (size_t r = 0; r < rounds; ++r) {
                const Prepared so_far = prepare_profile(given, catalog, index, Limits::max_profile);
                const std::vector<int32_t> round = learns ? next_starters(starters, index, per_round, shown, so_far.used)
                                                          : starter_films(starters, index, per_round, shown);
                for (int32_t film : round) {
                    shown.insert(std::upper_bound(shown.begin(), shown.end(), film), film);
                    const auto it = known.find(catalog.film(static_cast<size_t>(film)).movie_id);
                    if (it != known.end()) given.push_back(ProfileEntry{it->first, it->second});
                }
                const Prepared now = prepare_profile(given, catalog, index, Limits::max_profile);
                const std::vector<int32_t> list = visitors.own_list(v, now, models, kListLength, personal);
                (learns ? adaptive : fixed)[r].add(list, relevant);
                (learns ? out.adaptive : out.fixed)[r].rated += static_cast<double>(given.size());
            }
        }
    }
    if (out.viewers == 0) throw Error("no visitor has a hidden rating of 4 stars or more to measure on");
    for (size_t r = 0; r < rounds; ++r) {
        out.fixed[r].rated /= static_cast<double>(out.viewers);
        out.adaptive[r].rated /= static_cast<double>(out.viewers);
        out.fixed[r].recall10 = fixed[r].recall();
        out.adaptive[r].recall10 = adaptive[r].recall();
    }
    return out;
}

}  // namespace reel
