// What a visitor narrows a list to: genres in and out, a span of years, and how well known a
// film is. Applied inside the engine, so a filtered top ten is still ten films.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "catalog.hpp"

namespace reel {

struct Filter {
    GenreMask any_genre = 0;    // keep a film with at least one of these (none set: any film)
    GenreMask no_genre = 0;     // drop a film with any of these
    int from_year = 0;          // keep films from this year on (0: no bound); a film without a year is dropped
    int to_year = 0;            // … up to this year (0: no bound)
    int min_ratings = 0;        // at least this many training ratings: towards the crowd-pleasers
    int max_ratings = 0;        // at most this many (0: no bound): towards the hidden gems
    bool other_genres = false;  // films like X only: drop films sharing any genre with X ("same feel, different label")

    bool keeps(const Film& film, int32_t ratings) const;
    bool empty() const;
    // Throws reel::Error for a range that cannot hold any film (e.g. from 2000 to 1990).
    void check() const;
};

// The mask of genre names as the catalog spells them; throws naming an unknown one.
GenreMask genre_mask(const Catalog& catalog, const std::vector<std::string>& names);

}  // namespace reel
