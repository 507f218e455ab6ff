// Viewers' ratings: read from a file, checked, and matched to the films the models know.
#include "profile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "error.hpp"
#include "ratings.hpp"

namespace reel {

const std::vector<ProfileEntry>* Visitors::of(int32_t user_id) const {
    const auto it = std::lower_bound(user_ids.begin(), user_ids.end(), user_id);
    return it != user_ids.end() && *it == user_id ? &profiles[static_cast<size_t>(it - user_ids.begin())] : nullptr;
}

Visitors parse_visitors(std::string_view ratings_csv, std::string_view name) {
    const RatingRows rows = parse_ratings(ratings_csv, name);
    std::vector<const RatingRow*> sorted;
    for (const RatingRow& r : rows.rows) sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(), [](const RatingRow* a, const RatingRow* b) { return a->user_id < b->user_id; });
    Visitors v;
    for (const RatingRow* r : sorted) {
        if (v.user_ids.empty() || v.user_ids.back() != r->user_id) v.user_ids.push_back(r->user_id), v.profiles.emplace_back();
        v.profiles.back().push_back(ProfileEntry{r->movie_id, r->value});
    }
    return v;
}

std::string stars_text(float stars) {
    char buf[32];
    for (int digits = 1; digits <= 9; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(stars));
        if (std::strtof(buf, nullptr) == stars) break;
    }
    return buf;
}

Prepared prepare_profile(const std::vector<ProfileEntry>& profile, const Catalog& catalog, const TrainIndex& index, size_t max_profile) {
    if (profile.size() > max_profile)
        throw Error("a profile holds at most " + std::to_string(max_profile) + " ratings, not " + std::to_string(profile.size()));
    Prepared p;
    std::vector<std::pair<int32_t, float>> known;  // (film, stars)
    for (const ProfileEntry& e : profile) {
        if (!(e.stars >= 0.5f && e.stars <= 5.0f && e.stars * 2 == std::floor(e.stars * 2)))
            throw Error("the rating of movieId " + std::to_string(e.movie_id) + " is " + stars_text(e.stars) +
                        ", not a half star from 0.5 to 5");
        const int film = catalog.index_of(e.movie_id);
        if (film < 0)
            p.unknown.push_back(e.movie_id);
        else
            known.emplace_back(film, e.stars);
    }
    std::stable_sort(known.begin(), known.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t j = 0; j < known.size(); ++j) {
        if (j + 1 < known.size() && known[j + 1].first == known[j].first) continue;
        p.seen.push_back(known[j].first);
        if (index.count(known[j].first) > 0)
            p.used.push_back(Rated{known[j].first, known[j].second});
        else
            p.unrated.push_back(catalog.film(static_cast<size_t>(known[j].first)).movie_id);
    }
    std::sort(p.unknown.begin(), p.unknown.end());
    p.unknown.erase(std::unique(p.unknown.begin(), p.unknown.end()), p.unknown.end());
    return p;
}

}  // namespace reel
