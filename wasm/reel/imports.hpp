// A visitor's ratings brought from elsewhere: an IMDb "Your ratings" export (matched by IMDb id
// through MovieLens's links.csv) or a Letterboxd ratings.csv (matched by title and year through
// the engine's title grammar). Nothing is dropped in silence: every row is matched or reported.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog.hpp"

namespace reel {

struct ImportedRating {
    int32_t movie_id;
    float stars;
    size_t line;
};

struct Unmatched {
    size_t line;
    std::string title;   // as the file gives it
    int year;            // 0 when the file gives none
    std::string reason;  // "not in this MovieLens catalogue", "rating 11 is not 1 to 10", …
};

struct Imported {
    std::string format;  // "IMDb" or "Letterboxd"
    std::vector<ImportedRating> matched;
    std::vector<Unmatched> unmatched;
};

// A film's ids elsewhere, 0 where links.csv gives none (some films have no tmdbId).
struct FilmLinks {
    int64_t imdb = 0;  // the number of "tt0114709"
    int64_t tmdb = 0;  // themoviedb.org's movie id
};

// MovieLens's links.csv both ways: IMDb ids to movieIds (for imports), movieIds to both ids (for
// the page's links out).
struct Links {
    std::unordered_map<int64_t, int32_t> imdb_to_movie;
    std::unordered_map<int32_t, FilmLinks> by_movie;
};

Links parse_links(std::string_view links_csv, std::string_view file = "links.csv");

// Reads either export, told apart by its header; throws reel::Error for a file that is neither.
// A film rated twice keeps its later row.
Imported import_ratings(std::string_view csv, std::string_view file, const Catalog& catalog,
                        const std::unordered_map<int64_t, int32_t>& imdb_to_movie);

}  // namespace reel
