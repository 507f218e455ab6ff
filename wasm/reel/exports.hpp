// A visitor's ratings and marks written out: Reel's own CSV, which Reel's import reads back
// unchanged, and the columns Letterboxd's importer reads, for the films seen and for a watchlist.
// Titles are display titles from the engine's title grammar: "The Shawshank Redemption", 1994.
#pragma once
#include <string>
#include <vector>

#include "catalog.hpp"
#include "imports.hpp"
#include "profile.hpp"

namespace reel {

// movieId,title,year,rating,mark — one row a film: its ratings first, in the order given, then the
// films only marked. rating is empty for a film only marked, mark for a film only rated. A film
// this catalogue lacks keeps its movieId with no title, so its row still reads back (and says so).
// Throws for a rating that is not a half star or a mark that is not one of is_mark's.
std::string reel_csv(const Catalog& catalog, const std::vector<ProfileEntry>& ratings, const std::vector<FilmMark>& marks);

// Title,Year,imdbID,tmdbID,Rating,WatchedDate, as Letterboxd's importer reads them: it matches a
// film by tmdbID or imdbID first, then by title and year. stars 0 is no rating (a film seen but
// not rated, or on a watchlist). WatchedDate stays empty: Reel knows when a film was rated, not
// when it was watched, and a date would make Letterboxd log a diary entry on that day. A film
// this catalogue lacks has nothing Letterboxd could match, so it is left out.
std::string letterboxd_csv(const Catalog& catalog, const Links& links, const std::vector<ProfileEntry>& films);

}  // namespace reel
