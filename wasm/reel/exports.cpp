// Both files are plain RFC 4180 CSV: every title quoted (titles hold commas), quotes doubled.
#include "exports.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "error.hpp"
#include "title.hpp"

namespace reel {

namespace {

std::string quoted_field(std::string_view text) {
    std::string q = "\"";
    for (char c : text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// "4.5", or "" for no rating (0); throws for anything else.
std::string rating_text(const ProfileEntry& e, bool none_allowed) {
    if (none_allowed && e.stars == 0.0f) return "";
    if (!(e.stars >= 0.5f && e.stars <= 5.0f && e.stars * 2 == std::floor(e.stars * 2)))
        throw Error("the rating of movieId " + std::to_string(e.movie_id) + " is " + stars_text(e.stars) +
                    ", not a half star from 0.5 to 5");
    return stars_text(e.stars);
}

// The display title and year of a film of the catalogue, or nothing for one it lacks.
TitleParts shown(const Catalog& catalog, int32_t movie_id) {
    const int f = catalog.index_of(movie_id);
    return f < 0 ? TitleParts{} : parse_title(catalog.film(static_cast<size_t>(f)).title);
}

std::string year_text(int year) { return year > 0 ? std::to_string(year) : ""; }

}  // namespace

std::string reel_csv(const Catalog& catalog, const std::vector<ProfileEntry>& ratings, const std::vector<FilmMark>& marks) {
    std::set<int32_t> rated;
    for (const ProfileEntry& e : ratings) rated.insert(e.movie_id);
    std::map<int32_t, std::string> mark_of;
    for (const FilmMark& m : marks) {
        if (!is_mark(m.mark))
            throw Error("the mark of movieId " + std::to_string(m.movie_id) + " is " + quoted(m.mark) + ", not " + kMarkNames);
        mark_of[m.movie_id] = m.mark;
    }
    std::string out = "movieId,title,year,rating,mark\n";
    auto row = [&](int32_t movie_id, const std::string& rating, const std::string& mark) {
        const TitleParts t = shown(catalog, movie_id);
        out += std::to_string(movie_id) + "," + quoted_field(t.name) + "," + year_text(t.year) + "," + rating + "," + mark + "\n";
    };
    for (const ProfileEntry& e : ratings) {
        const auto it = mark_of.find(e.movie_id);
        row(e.movie_id, rating_text(e, false), it == mark_of.end() ? "" : it->second);
    }
    for (const FilmMark& m : marks)
        if (!rated.count(m.movie_id)) row(m.movie_id, "", m.mark);
    return out;
}

std::string letterboxd_csv(const Catalog& catalog, const Links& links, const std::vector<ProfileEntry>& films) {
    std::string out = "Title,Year,imdbID,tmdbID,Rating,WatchedDate\n";
    for (const ProfileEntry& e : films) {
        const std::string rating = rating_text(e, true);
        if (catalog.index_of(e.movie_id) < 0) continue;
        const TitleParts t = shown(catalog, e.movie_id);
        const auto it = links.by_movie.find(e.movie_id);
        const FilmLinks ids = it == links.by_movie.end() ? FilmLinks{} : it->second;
        char imdb[32] = "";
        if (ids.imdb > 0) std::snprintf(imdb, sizeof imdb, "tt%07lld", static_cast<long long>(ids.imdb));  // IMDb's own spelling
        out += quoted_field(t.name) + "," + year_text(t.year) + "," + imdb + "," + (ids.tmdb > 0 ? std::to_string(ids.tmdb) : "") + "," +
               rating + ",\n";
    }
    return out;
}

}  // namespace reel
