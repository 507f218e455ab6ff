// Visitors simulated film by film: the fixed starters, those that learn a round at a time, and one rating at a time.
#include "starter_rounds.hpp"

#include <algorithm>
#include <map>

#include "error.hpp"
#include "loaded_data.hpp"
#include "metrics.hpp"
#include "starters.hpp"

namespace reel {

namespace {

enum class Choice { fixed, rounds, each };  // the order of StarterFigures' lists

}  // namespace

StarterFigures evaluate_starters(const std::vector<const Model*>& models, const Model& starters, const VisitorProtocol& visitors,
                                 const Visitors& profile, const Visitors& hidden, size_t rounds, size_t per_round,
                                 const Personal& personal) {
    const Catalog& catalog = visitors.catalog();
    const TrainIndex& index = visitors.index();
    StarterFigures out;
    std::vector<RoundFigures>* figures[] = {&out.fixed, &out.adaptive, &out.each};
    std::vector<std::vector<TopNScore>> scores(3, std::vector<TopNScore>(rounds, TopNScore(kListLength)));
    for (std::vector<RoundFigures>* f : figures) f->resize(rounds);
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
        for (const Choice how : {Choice::fixed, Choice::rounds, Choice::each}) {
            std::vector<int32_t> shown;       // dense, sorted: never shown twice
            std::vector<ProfileEntry> given;  // the ratings gathered so far
            std::vector<int32_t> grid;        // films on screen not yet looked at, in the order they will be
            auto show = [&](const std::vector<int32_t>& films, bool first) {
                for (int32_t film : films) shown.insert(std::upper_bound(shown.begin(), shown.end(), film), film);
                grid.insert(first ? grid.begin() : grid.end(), films.begin(), films.end());
            };
            for (size_t r = 0; r < rounds; ++r) {
                for (size_t looked = 0; looked < per_round; ++looked) {
                    if (grid.empty())  // "Show others": a fresh set, from the ratings so far when it learns
                        show(how == Choice::fixed ? starter_films(starters, index, per_round, shown)
                                                  : next_starters(starters, index, per_round, shown,
                                                                  prepare_profile(given, catalog, index, Limits::max_profile).used),
                             false);
                    if (grid.empty()) break;  // every starter shown
                    const int32_t film = grid.front();
                    grid.erase(grid.begin());
                    const auto it = known.find(catalog.film(static_cast<size_t>(film)).movie_id);
                    if (it == known.end()) continue;
                    given.push_back(ProfileEntry{it->first, it->second});
                    if (how == Choice::each)
                        show(next_starters(starters, index, 1, shown, prepare_profile(given, catalog, index, Limits::max_profile).used),
                             true);
                }
                const Prepared now = prepare_profile(given, catalog, index, Limits::max_profile);
                scores[static_cast<size_t>(how)][r].add(visitors.own_list(v, now, models, kListLength, personal), relevant);
                figures[static_cast<size_t>(how)]->at(r).rated += static_cast<double>(given.size());
            }
        }
    }
    if (out.viewers == 0) throw Error("no visitor has a hidden rating of 4 stars or more to measure on");
    for (size_t how = 0; how < 3; ++how)
        for (size_t r = 0; r < rounds; ++r) {
            figures[how]->at(r).rated /= static_cast<double>(out.viewers);
            figures[how]->at(r).recall10 = scores[how][r].recall();
        }
    return out;
}

}  // namespace reel
