// A viewer's own ratings as the engine takes them: checked, matched to the catalogue, and split
// into what the models can fold in and what is only to be kept out of their lists.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "model.hpp"
#include "train_index.hpp"

namespace reel {

// A rating a viewer gives: MovieLens ids and half stars from 0.5 to 5.
struct ProfileEntry {
    int32_t movie_id;
    float stars;
};

// Visitors read from a ratings file: user ids ascending and each one's ratings.
struct Visitors {
    std::vector<int32_t> user_ids;
    std::vector<std::vector<ProfileEntry>> profiles;
    const std::vector<ProfileEntry>* of(int32_t user_id) const;  // null when absent
};

// A ratings file grouped by user, ids as written (a film need not be in the catalogue).
Visitors parse_visitors(std::string_view ratings_csv, std::string_view name);

// A profile as the models take it: films they can place, and what was set aside.
struct Prepared {
    std::vector<Rated> used;       // films with training ratings, ascending by film index
    std::vector<int32_t> seen;     // every catalogue film rated, ascending: never offered back
    std::vector<int32_t> unknown;  // movieIds not in the catalogue
    std::vector<int32_t> unrated;  // movieIds nobody rated in training
};

// Throws for a profile over the size limit or a rating that is not a half star from 0.5 to 5;
// a film rated twice keeps its later stars.
Prepared prepare_profile(const std::vector<ProfileEntry>& profile, const Catalog& catalog, const TrainIndex& index, size_t max_profile);

// The shortest text that reads back as the same float: 4.2f prints as 4.2, not 4.19999981.
std::string stars_text(float stars);

}  // namespace reel
