// Every export goes through the strict CSV reader; Letterboxd's titles are found by FilmByTitle
// (as the search folds them, then loosely, then by a part of MovieLens's title).
#include "imports.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <functional>
#include <map>

#include "csv.hpp"
#include "error.hpp"
#include "film_by_title.hpp"
#include "search.hpp"
#include "text_encoding.hpp"

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

// Puts `item` in `list` once per film: a film met again keeps its later row, in its first place.
template <class T>
void keep_later(std::vector<T>& list, std::map<int32_t, size_t>& at, T item) {
    const auto [it, fresh] = at.emplace(item.movie_id, list.size());
    if (fresh)
        list.push_back(std::move(item));
    else
        list[it->second] = std::move(item);
}

// Whether an IMDb title type can be a MovieLens film. MovieLens holds documentaries, shorts and TV
// films as well as features ("Movie" today, "Feature Film" before 2017); series, their episodes,
// games and podcasts it never holds.
bool is_film(std::string_view type) {
    for (const char* never : {"Series", "Episode", "Game", "Podcast"})
        if (type.find(never) != std::string_view::npos) return false;
    return true;
}

// The number of an IMDb id, "tt0114709" → 114709, or 0 when it is not of that form.
int64_t imdb_number(std::string_view id) {
    int64_t n = 0;
    return id.size() > 2 && id.substr(0, 2) == "tt" && digits(id.substr(2), n) && n > 0 ? n : 0;
}

// A visitor's file row by row. A line the reader cannot read (a stray quote, a field too many: what a
// hand edit leaves) is reported among the rows that did not match and passed over, so that one line
// does not cost the file's other rows; a file with no readable row is refused with the first
// such line's message, as it would have been whole.
class Rows {
public:
    Rows(CsvReader& csv, Imported& out) : csv_(csv), out_(out) {}

    bool next(CsvRecord& rec) {
        for (;;) {
            try {
                if (!csv_.next(rec)) return false;
                ++read_;
                return true;
            } catch (const Error& e) {
                if (first_.empty()) first_ = e.what();
                const CsvReader::Unreadable& u = csv_.unreadable();
                out_.unmatched.push_back({u.line, "", 0, "the line could not be read: " + u.reason, true});
                csv_.skip_unreadable();
            }
        }
    }

    // Once every row is read: refuses a file none of whose rows could be read.
    void refuse_if_none_read() const {
        if (read_ == 0 && !first_.empty()) throw Error(first_);
    }

private:
    CsvReader& csv_;
    Imported& out_;
    size_t read_ = 0;
    std::string first_;
};

using AddRating = std::function<void(int32_t, float, size_t)>;
using AddMark = std::function<void(int32_t, const std::string&, size_t)>;

// Letterboxd's files, by title and year (and first by IMDb id where a column gives one and
// links.csv knows it): a row with a rating is rated, one without is `unrated` (seen, or to watch).
// Returns how many rows had no rating.
size_t import_by_title(CsvReader& csv, const Catalog& catalog, const std::unordered_map<int64_t, int32_t>& imdb_to_movie,
                       std::string_view title_column, const std::string& unrated, Imported& out, const AddRating& add,
                       const AddMark& add_mark) {
    out.format = "Letterboxd";
    const size_t c_title = csv.column(title_column);
    const int c_rating = csv.optional_column("Rating"), c_year = csv.optional_column("Year"), c_imdb = csv.optional_column("imdbID");
    const FilmByTitle by_title(catalog);
    Rows rows(csv, out);
    CsvRecord rec;
    size_t without_rating = 0;
    while (rows.next(rec)) {
        const int year = year_of(field(rec, c_year));
        Unmatched miss{rec.line, shown(rec.fields[c_title]), std::max(year, 0), ""};
        const std::string rating = field(rec, c_rating);
        without_rating += rating.empty();
        const float stars = rating.empty() ? 0.0f : half_stars(rating);
        const auto linked = imdb_to_movie.find(imdb_number(field(rec, c_imdb)));
        int film = linked != imdb_to_movie.end() ? catalog.index_of(linked->second) : -1;
        if (stars < 0)
            miss.reason = "rating " + quoted(rating) + " is not a half star from 0.5 to 5";
        else if (year < 0)
            miss.reason = not_a_year(field(rec, c_year));
        else if (film < 0 && (film = by_title.find(rec.fields[c_title], year)) < 0)
            miss.reason = "no film of that title and year in this MovieLens catalogue";
        else {
            const int32_t movie_id = catalog.film(static_cast<size_t>(film)).movie_id;
            if (stars > 0)
                add(movie_id, stars, rec.line);
            else
                add_mark(movie_id, unrated, rec.line);
            continue;
        }
        out.unmatched.push_back(std::move(miss));
    }
    rows.refuse_if_none_read();
    return without_rating;
}

// Reel's own export (exports.hpp): by movieId, the title and year only for the visitor's eyes. A
// row may carry a rating, a mark, or both; an empty rating is no rating.
void import_reel(CsvReader& csv, const Catalog& catalog, Imported& out, const AddRating& add, const AddMark& add_mark) {
    out.format = "Reel";
    const size_t c_movie = csv.column("movieId");
    const int c_rating = csv.optional_column("rating"), c_mark = csv.optional_column("mark"), c_title = csv.optional_column("title"),
              c_year = csv.optional_column("year");
    Rows rows(csv, out);
    CsvRecord rec;
    while (rows.next(rec)) {
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
            if (!mark.empty()) add_mark(id, mark, rec.line);
            continue;
        }
        out.unmatched.push_back(std::move(miss));
    }
    rows.refuse_if_none_read();
}

}  // namespace

const char* const kMarkNames = "seen, not interested or watchlist";

bool is_mark(std::string_view text) { return text == "seen" || text == "not interested" || text == "watchlist"; }

Unrated unrated_from(std::string_view word) {
    if (word.empty()) return Unrated::by_name;
    if (word == "seen") return Unrated::seen;
    if (word == "watchlist") return Unrated::to_watch;
    throw Error("unrated " + quoted(word) + " is neither seen nor watchlist");
}

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
                        const std::unordered_map<int64_t, int32_t>& imdb_to_movie, Unrated unrated) {
    // Letterboxd sends its export as one zip of CSVs: say which of them to choose.
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4))
        throw Error(std::string(file) +
                    " is a zip: unzip it and import one of its files, such as ratings.csv, watched.csv or watchlist.csv");
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
        throw Error(std::string(file) + " is UTF-16 text: save it again as CSV in UTF-8 (Excel: \"CSV UTF-8\") and import that");
    // Not UTF-8: what Excel on Windows saves, Windows-1252, so that "Amélie" still matches.
    const std::string transcoded = valid_utf8(bytes) ? std::string() : utf8_repaired(bytes);
    CsvReader csv(transcoded.empty() ? bytes : std::string_view(transcoded), file);
    Imported out;
    std::map<int32_t, size_t> seen, marked;  // movieId → position in out.matched, in out.marks
    const AddRating add = [&](int32_t movie_id, float stars, size_t line) {
        keep_later(out.matched, seen, ImportedRating{movie_id, stars, line});
    };
    const AddMark add_mark = [&](int32_t movie_id, const std::string& mark, size_t line) {
        keep_later(out.marks, marked, FilmMark{movie_id, mark, line});
    };
    // A list's films without a rating: the visitor's word, else the file's name (as Letterboxd and
    // IMDb name their exports), else a guess, said in unrated_guess.
    const size_t slash = file.find_last_of("/\\");  // the CLI passes a path: its folders say nothing
    const std::string name = fold(file.substr(slash == std::string_view::npos ? 0 : slash + 1));
    if (unrated == Unrated::by_name && name.find("watchlist") != std::string::npos) unrated = Unrated::to_watch;
    if (unrated == Unrated::by_name && name.find("watched") != std::string::npos) unrated = Unrated::seen;
    const char* const unrated_mark = unrated == Unrated::to_watch ? "watchlist" : "seen";  // Letterboxd's guess: seen
    CsvRecord rec;
    // IMDb's export since 2017 names its columns Const, Your Rating, Title Type; the one before it
    // (still in people's folders) const, You rated, Title type, with "Feature Film" for a film.
    const bool imdb_before_2017 = csv.optional_column("const") >= 0 && csv.optional_column("You rated") >= 0;
    if ((csv.optional_column("Const") >= 0 && csv.optional_column("Your Rating") >= 0) || imdb_before_2017) {
        out.format = "IMDb";
        const size_t c_const = csv.column(imdb_before_2017 ? "const" : "Const"),
                     c_rating = csv.column(imdb_before_2017 ? "You rated" : "Your Rating");
        const int c_title = csv.optional_column("Title"), c_year = csv.optional_column("Year"),
                  c_type = csv.optional_column(imdb_before_2017 ? "Title type" : "Title Type");
        Rows rows(csv, out);
        while (rows.next(rec)) {
            const int year = year_of(field(rec, c_year));
            Unmatched miss{rec.line, shown(field(rec, c_title)), std::max(year, 0), ""};
            const std::string& id = rec.fields[c_const];
            const int64_t imdb = imdb_number(id);
            int64_t rating = 0;
            const bool rated = !rec.fields[c_rating].empty();
            // Without links.csv no row can match, read either way: nothing to offer reading again.
            if (!rated && unrated == Unrated::by_name && !imdb_to_movie.empty()) out.unrated_guess = "not rated";
            if (imdb == 0)
                miss.reason = "IMDb id " + quoted(id) + " is not of the form tt0114709";
            else if (!rated && unrated == Unrated::by_name)  // IMDb's guess: a list of films, not ratings
                miss.reason = "not rated (a list of films, not your ratings)";
            else if (rated && (!digits(rec.fields[c_rating], rating) || rating < 1 || rating > 10))
                miss.reason = "rating " + quoted(rec.fields[c_rating]) + " is not a whole number from 1 to 10";
            else if (year < 0)
                miss.reason = not_a_year(field(rec, c_year));
            else if (imdb_to_movie.empty())  // not "not in this catalogue": nothing could match, Toy Story included
                miss.reason = "no links.csv in this MovieLens ties its films to IMDb ids";
            else if (const auto it = imdb_to_movie.find(imdb); it == imdb_to_movie.end() || catalog.index_of(it->second) < 0) {
                const std::string type = field(rec, c_type);
                miss.reason = is_film(type) ? "not in this MovieLens catalogue" : "a " + type + ", not a film in MovieLens";
            } else {
                if (rating > 0)
                    add(it->second, static_cast<float>(rating) * 0.5f, rec.line);  // 1–10 → 0.5–5 stars
                else
                    add_mark(it->second, unrated_mark, rec.line);  // a list's film not rated
                continue;
            }
            out.unmatched.push_back(std::move(miss));
        }
        rows.refuse_if_none_read();
        return out;
    }
    // ratings.csv and diary.csv carry a Rating (empty for a film logged unrated: seen); watched.csv
    // and watchlist.csv none: every film in them is seen, or to watch.
    if (csv.optional_column("Name") >= 0 && csv.optional_column("Letterboxd URI") >= 0) {
        const bool rated = csv.optional_column("Rating") >= 0;
        const size_t without_rating =
            import_by_title(csv, catalog, imdb_to_movie, "Name", rated ? "seen" : unrated_mark, out, add, add_mark);
        if (!rated && without_rating > 0 && unrated == Unrated::by_name) out.unrated_guess = "seen";
        // A film rated in one row and logged unrated in another (a diary) is rated, not only seen.
        out.marks.erase(std::remove_if(out.marks.begin(), out.marks.end(),
                                       [&](const FilmMark& m) { return m.mark == "seen" && seen.count(m.movie_id) > 0; }),
                        out.marks.end());
        return out;
    }
    // Letterboxd's import columns, as Reel's "Download for Letterboxd" writes them: by IMDb id where
    // links.csv knows it, else by title and year; a film with no rating is seen (or to watch).
    if (csv.optional_column("Title") >= 0 && csv.optional_column("imdbID") >= 0 && csv.optional_column("Rating") >= 0) {
        const size_t without_rating = import_by_title(csv, catalog, imdb_to_movie, "Title", unrated_mark, out, add, add_mark);
        if (without_rating > 0 && unrated == Unrated::by_name) out.unrated_guess = "seen";
        return out;
    }
    // A MovieLens ratings.csv has movieId and rating too, but holds many people's ratings: not one visitor's file.
    if (csv.optional_column("movieId") >= 0 && csv.optional_column("userId") < 0 &&
        (csv.optional_column("rating") >= 0 || csv.optional_column("mark") >= 0)) {
        import_reel(csv, catalog, out, add, add_mark);
        return out;
    }
    // Excel in much of Europe separates columns with semicolons.
    const std::string_view header = bytes.substr(0, bytes.find_first_of("\r\n"));
    if (header.find(';') != std::string_view::npos && header.find(',') == std::string_view::npos)
        throw Error(std::string(file) + " separates its columns with semicolons: save it again as CSV with commas and import that");
    throw Error(std::string(file) +
                " is neither an IMDb export (Const, Your Rating, …) nor a Letterboxd ratings.csv, watched.csv or "
                "watchlist.csv (Date, Name, Year, Letterboxd URI…) nor Reel's own export (movieId, rating, mark)");
}

}  // namespace reel
