// Both checks are set lookups over the visitors' files; training's user ids are sorted already.
#include "visitor_checks.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "error.hpp"

namespace reel {

namespace {

void check_unseen(const Dataset& training, std::string_view training_name, const Visitors& visitors, std::string_view name) {
    size_t in_training = 0;
    int32_t first = 0;
    for (const int32_t user : visitors.user_ids)
        if (std::binary_search(training.user_ids.begin(), training.user_ids.end(), user) && in_training++ == 0) first = user;
    if (in_training > 0)
        throw Error(std::string(name) + ": user " + std::to_string(first) + " (and " + std::to_string(in_training - 1) + " more of its " +
                    std::to_string(visitors.user_ids.size()) + ") also rates in " + std::string(training_name) +
                    ": new-visitor figures need visitors the models did not train on");
}

}  // namespace

void check_new_visitors(const Dataset& training, std::string_view training_name, const Visitors& profile, std::string_view profile_name,
                        const Visitors& hidden, std::string_view hidden_name) {
    check_unseen(training, training_name, profile, profile_name);
    check_unseen(training, training_name, hidden, hidden_name);
    size_t repeats = 0, all = 0;
    std::string first;
    for (size_t v = 0; v < hidden.user_ids.size(); ++v) {
        const std::vector<ProfileEntry>* given = profile.of(hidden.user_ids[v]);
        std::unordered_set<int32_t> films;
        if (given)
            for (const ProfileEntry& e : *given) films.insert(e.movie_id);
        for (const ProfileEntry& e : hidden.profiles[v]) {
            ++all;
            if (films.count(e.movie_id) && repeats++ == 0)
                first = "user " + std::to_string(hidden.user_ids[v]) + "'s rating of movieId " + std::to_string(e.movie_id);
        }
    }
    if (repeats > 0)
        throw Error(std::string(hidden_name) + ": " + first + " is in " + std::string(profile_name) + " too (" + std::to_string(repeats) +
                    " of its " + std::to_string(all) +
                    " hidden ratings repeat profile ratings): hidden ratings must be ones the "
                    "profile does not give");
}

}  // namespace reel
