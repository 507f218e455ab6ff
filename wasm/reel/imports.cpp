// Both exports go through the strict CSV reader; titles are compared as the search folds them
// (case, accents, punctuation), with MovieLens's moved articles and aliases read by parse_title.
#include "imports.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <functional>
#include <map>

#include "csv.hpp"
#include "error.hpp"
#include "search.hpp"
#include "title.hpp"

namespace reel {

namespace {

bool whole(std::string_view text, int64_t& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

// Digits alone (no sign: "-0" read as 0 made a rating of -0.5 a half star), few enough for int64.
bool digits(std::string_view text, int64_t& out) {
    if (text.empty() || text.size() > 18) return false;
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return whole(text, out);
}

// The years a film of these files can have: a year outside them is no year (a Year of 2³² + 2001
// once matched Amélie, and year ± 1 of INT64_MAX overflowed).
constexpr int64_t kFirstYear = 1870, kLastYear = 2100;

// A file's year: 0 for none given, -1 for a value that is not a year.
int year_of(std::string_view text) {
    int64_t year = 0;
    if (text.empty()) return 0;
    return digits(text, year) && year >= kFirstYear && year <= kLastYear ? static_cast<int>(year) : -1;
}

std::string not_a_year(std::string_view text) {
    return "year " + quoted(text) + " is not a year from " + std::to_string(kFirstYear) + " to " + std::to_string(kLastYear);
}

// A title as a message shows it: cut to a readable length, control characters escaped.
std::string shown(std::string_view title) {
    const std::string q = quoted(title, kShownTitle);
    return q.substr(1, q.size() - 2);
}

// "4", "4.0", "4.5" as half stars of 0.5 to 5, or −1.
float half_stars(std::string_view text) {
    int64_t whole_part = 0;
    const size_t dot = text.find('.');
    if (!digits(text.substr(0, dot), whole_part)) return -1;
    int half = static_cast<int>(std::min<int64_t>(whole_part, 100)) * 2;
    if (dot != std::string_view::npos) {
        const std::string_view frac = text.substr(dot + 1);
        if (frac == "5")
            ++half;
        else if (frac != "0" && frac != "00")
            return -1;
    }
    return half >= 1 && half <= 10 ? half * 0.5f : -1;
}

std::string field(const CsvRecord& rec, int column) { return column < 0 ? std::string() : rec.fields[static_cast<size_t>(column)]; }

// Titles by folded name and year: every film's main title and each alias.
std::multimap<std::pair<std::string, int>, int> titles_by_name(const Catalog& catalog) {
    std::multimap<std::pair<std::string, int>, int> by_name;
    for (size_t i = 0; i < catalog.size(); ++i) {
        const TitleParts parts = parse_title(catalog.film(i).title);
        by_name.emplace(std::pair{fold(parts.name), parts.year}, static_cast<int>(i));
        for (const std::string& alias : parts.aliases) by_name.emplace(std::pair{fold(alias), parts.year}, static_cast<int>(i));
    }
    return by_name;
}

// Reel's own export (exports.hpp): by movieId, the title and year only for the visitor's eyes. A
// row may carry a rating, a mark, or both; an empty rating is no rating.
void import_reel(CsvReader& csv, const Catalog& catalog, Imported& out, const std::function<void(int32_t, float, size_t)>& add) {
    out.format = "Reel";
    const size_t c_movie = csv.column("movieId");
    const int c_rating = csv.optional_column("rating"), c_mark = csv.optional_column("mark"), c_title = csv.optional_column("title"),
              c_year = csv.optional_column("year");
    std::map<int32_t, size_t> marked;  // movieId → position in out.marks
    CsvRecord rec;
    while (csv.next(rec)) {
        int64_t movie = 0;
        const int year = year_of(field(rec, c_year));
        Unmatched miss{rec.line, shown(field(rec, c_title)), std::max(year, 0), ""};
        const std::string rating = field(rec, c_rating), mark = field(rec, c_mark);
        const float stars = rating.empty() ? 0.0f : half_stars(rating);
        if (!digits(rec.fields[c_movie], movie) || movie <= 0 || movie > INT32_MAX)
            miss.reason = "movieId " + quoted(rec.fields[c_movie]) + " is not a positive whole number";
        else if (stars < 0)
            miss.reason = "rating " + quoted(rating) + " is not a half star from 0.5 to 5";
        else if (!mark.empty() && !is_mark(mark))
            miss.reason = "mark " + quoted(mark) + " is not " + kMarkNames;
        else if (rating.empty() && mark.empty())
            miss.reason = "neither a rating nor a mark";
        else if (year < 0)
            miss.reason = not_a_year(field(rec, c_year));
        else if (catalog.index_of(static_cast<int32_t>(movie)) < 0)
            miss.reason = "not in this MovieLens catalogue";
        else {
            const auto id = static_cast<int32_t>(movie);
            if (stars > 0) add(id, stars, rec.line);
            if (!mark.empty()) {
                const auto [it, fresh] = marked.emplace(id, out.marks.size());
                if (fresh)
                    out.marks.push_back(FilmMark{id, mark, rec.line});
                else
                    out.marks[it->second] = FilmMark{id, mark, rec.line};
            }
            continue;
        }
        out.unmatched.push_back(std::move(miss));
    }
}

}  // namespace

const char* const kMarkNames = "seen, not interested or watchlist";

bool is_mark(std::string_view text) { return text == "seen" || text == "not interested" || text == "watchlist"; }

Links parse_links(std::string_view links_csv, std::string_view file) {
    CsvReader csv(links_csv, file);
    const size_t c_movie = csv.column("movieId"), c_imdb = csv.column("imdbId");
    const int c_tmdb = csv.optional_column("tmdbId");
    Links out;
    CsvRecord rec;
    while (csv.next(rec)) {
        const std::string where = csv.where(rec.line);
        const int32_t movie = parse_id(rec.fields[c_movie], "movieId", where);
        FilmLinks ids;
        if (!whole(rec.fields[c_imdb], ids.imdb) || ids.imdb <= 0)
            throw Error(where + ": imdbId " + quoted(rec.fields[c_imdb]) + " is not a positive whole number");
        // An empty tmdbId is MovieLens's way of saying TMDB has no such film: no link, not an error.
        const std::string tmdb = field(rec, c_tmdb);
        if (!tmdb.empty() && (!whole(tmdb, ids.tmdb) || ids.tmdb <= 0))
            throw Error(where + ": tmdbId " + quoted(tmdb) + " is not a positive whole number");
        out.imdb_to_movie.emplace(ids.imdb, movie);
        out.by_movie.emplace(movie, ids);
    }
    return out;
}

Imported import_ratings(std::string_view bytes, std::string_view file, const Catalog& catalog,
                        const std::unordered_map<int64_t, int32_t>& imdb_to_movie) {
    CsvReader csv(bytes, file);
    Imported out;
    std::map<int32_t, size_t> seen;  // movieId → position in out.matched
    auto add = [&](int32_t movie_id, float stars, size_t line) {
        const auto [it, fresh] = seen.emplace(movie_id, out.matched.size());
        if (fresh)
            out.matched.push_back(ImportedRating{movie_id, stars, line});
        else
            out.matched[it->second] = ImportedRating{movie_id, stars, line};
    };
    CsvRecord rec;
    if (csv.optional_column("Const") >= 0 && csv.optional_column("Your Rating") >= 0) {
        out.format = "IMDb";
        const size_t c_const = csv.column("Const"), c_rating = csv.column("Your Rating");
        const int c_title = csv.optional_column("Title"), c_year = csv.optional_column("Year"), c_type = csv.optional_column("Title Type");
        while (csv.next(rec)) {
            const int year = year_of(field(rec, c_year));
            Unmatched miss{rec.line, shown(field(rec, c_title)), std::max(year, 0), ""};
            const std::string& id = rec.fields[c_const];
            int64_t imdb = 0, rating = 0;
            if (id.size() < 3 || id.compare(0, 2, "tt") != 0 || !digits(std::string_view(id).substr(2), imdb) || imdb <= 0)
                miss.reason = "IMDb id " + quoted(id) + " is not of the form tt0114709";
            else if (!digits(rec.fields[c_rating], rating) || rating < 1 || rating > 10)
                miss.reason = "rating " + quoted(rec.fields[c_rating]) + " is not a whole number from 1 to 10";
            else if (year < 0)
                miss.reason = not_a_year(field(rec, c_year));
            else if (imdb_to_movie.empty())  // not "not in this catalogue": nothing could match, Toy Story included
                miss.reason = "no links.csv in this MovieLens ties its films to IMDb ids";
            else if (const auto it = imdb_to_movie.find(imdb); it == imdb_to_movie.end() || catalog.index_of(it->second) < 0) {
                const std::string type = field(rec, c_type);
                miss.reason = !type.empty() && type != "movie" && type != "Movie" ? "a " + type + ", not a film in MovieLens"
                                                                                  : "not in this MovieLens catalogue";
            } else {
                add(it->second, static_cast<float>(rating) * 0.5f, rec.line);  // 1–10 → 0.5–5 stars
                continue;
            }
            out.unmatched.push_back(std::move(miss));
        }
        return out;
    }
    if (csv.optional_column("Name") >= 0 && csv.optional_column("Rating") >= 0 && csv.optional_column("Letterboxd URI") >= 0) {
        out.format = "Letterboxd";
        const size_t c_name = csv.column("Name"), c_rating = csv.column("Rating");
        const int c_year = csv.optional_column("Year");
        const auto by_name = titles_by_name(catalog);
        while (csv.next(rec)) {
            const int year = year_of(field(rec, c_year));
            Unmatched miss{rec.line, shown(rec.fields[c_name]), std::max(year, 0), ""};
            const float stars = half_stars(rec.fields[c_rating]);
            if (rec.fields[c_rating].empty())
                miss.reason = "no rating (logged or reviewed only)";
            else if (stars < 0)
                miss.reason = "rating " + quoted(rec.fields[c_rating]) + " is not a half star from 0.5 to 5";
            else if (year < 0)
                miss.reason = not_a_year(field(rec, c_year));
            else {
                // The same year first; release years differ by one between sites now and then.
                int film = -1;
                for (const int y : {year, year - 1, year + 1}) {
                    const auto [lo, hi] = by_name.equal_range({fold(rec.fields[c_name]), y});
                    for (auto it = lo; it != hi; ++it)
                        if (film < 0 ||
                            catalog.film(static_cast<size_t>(it->second)).movie_id < catalog.film(static_cast<size_t>(film)).movie_id)
                            film = it->second;
                    if (film >= 0) break;
                }
                if (film >= 0) {
                    add(catalog.film(static_cast<size_t>(film)).movie_id, stars, rec.line);
                    continue;
                }
                miss.reason = "no film of that title and year in this MovieLens catalogue";
            }
            out.unmatched.push_back(std::move(miss));
        }
        return out;
    }
    // A MovieLens ratings.csv has movieId and rating too, but holds many people's ratings: not one visitor's file.
    if (csv.optional_column("movieId") >= 0 && csv.optional_column("userId") < 0 &&
        (csv.optional_column("rating") >= 0 || csv.optional_column("mark") >= 0)) {
        import_reel(csv, catalog, out, add);
        return out;
    }
    throw Error(std::string(file) +
                " is neither an IMDb ratings export (Const, Your Rating, …) nor a Letterboxd ratings.csv "
                "(Date, Name, Year, Letterboxd URI, Rating) nor Reel's own export (movieId, rating, mark)");
}

}  // namespace reel
