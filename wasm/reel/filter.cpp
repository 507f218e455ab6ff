// A film passes when every part of the filter that is set lets it through.
#include "filter.hpp"

#include <algorithm>

#include "error.hpp"

namespace reel {

bool Filter::keeps(const Film& film, int32_t ratings) const {
    if (any_genre && !(film.genres & any_genre)) return false;
    if (film.genres & no_genre) return false;
    if ((from_year || to_year) && film.year == 0) return false;
    if (from_year && film.year < from_year) return false;
    if (to_year && film.year > to_year) return false;
    if (ratings < min_ratings) return false;
    if (max_ratings && ratings > max_ratings) return false;
    return true;
}

bool Filter::empty() const { return !any_genre && !no_genre && !from_year && !to_year && !min_ratings && !max_ratings && !other_genres; }

void Filter::check() const {
    if (from_year < 0 || to_year < 0 || min_ratings < 0 || max_ratings < 0)
        throw Error("a filter's years and rating counts cannot be negative");
    if (from_year && to_year && from_year > to_year)
        throw Error("the filter's years run backwards (from " + std::to_string(from_year) + " to " + std::to_string(to_year) + ")");
    if (max_ratings && min_ratings > max_ratings)
        throw Error("the filter asks for at least " + std::to_string(min_ratings) + " and at most " + std::to_string(max_ratings) +
                    " ratings");
    if (any_genre & no_genre) throw Error("the filter both includes and excludes a genre");
}

GenreMask genre_mask(const Catalog& catalog, const std::vector<std::string>& names) {
    GenreMask mask = 0;
    const std::vector<std::string>& all = catalog.genre_names();
    for (const std::string& name : names) {
        const auto it = std::find(all.begin(), all.end(), name);
        if (it == all.end()) {
            std::string known;
            for (const std::string& g : all) known += (known.empty() ? "" : ", ") + g;
            throw Error("no genre " + quoted(name) + " (the genres are " + known + ")");
        }
        mask |= GenreMask(1) << (it - all.begin());
    }
    return mask;
}

}  // namespace reel
