// movies.csv to Catalog; titles are kept as shown, the year and genres are parsed out.
#include "catalog.hpp"

#include <algorithm>
#include <charconv>

#include "csv.hpp"
#include "error.hpp"

namespace reel {

namespace {
std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}
bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
// Titles and genres are printed on one line and quoted in messages, so a newline or a NUL in one
// would break a list or cut a message short.
bool has_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}
}  // namespace

int32_t parse_id(std::string_view text, std::string_view what, const std::string& where) {
    int32_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id <= 0)
        throw Error(where + ": " + std::string(what) + " " + quoted(text) + " is not a positive whole number");
    return id;
}

int parse_year(std::string_view title) {
    title = trim_blanks(title);
    if (title.size() < 6 || title.back() != ')') return 0;
    const size_t open = title.rfind('(');
    if (open == std::string_view::npos) return 0;
    const std::string_view inside = title.substr(open + 1, title.size() - open - 2);
    // "1995", or a range such as "2006–2007" / "2006-2007" / "2006-": the first year counts.
    if (inside.size() < 4 || !all_digits(inside.substr(0, 4))) return 0;
    std::string_view rest = inside.substr(4);
    if (!rest.empty()) {
        if (rest[0] == '-')
            rest.remove_prefix(1);
        else if (rest.substr(0, 3) == "\xE2\x80\x93")
            rest.remove_prefix(3);  // en dash
        else
            return 0;
        if (!rest.empty() && !(rest.size() == 4 && all_digits(rest))) return 0;
    }
    return std::stoi(std::string(inside.substr(0, 4)));
}

Catalog Catalog::parse(std::string_view movies_csv, std::string_view file) {
    CsvReader csv(movies_csv, file);
    const size_t c_id = csv.column("movieId"), c_title = csv.column("title");
    const int c_genres = csv.optional_column("genres");
    Catalog catalog;
    CsvRecord rec;
    while (csv.next(rec)) {
        const std::string where = csv.where(rec.line);
        Film film;
        film.movie_id = parse_id(trim_blanks(rec.fields[c_id]), "movieId", where);
        if (catalog.index_of(film.movie_id) >= 0) throw Error(where + ": movieId " + std::to_string(film.movie_id) + " appears twice");
        film.title = std::string(trim_blanks(rec.fields[c_title]));
        if (film.title.empty()) throw Error(where + ": movieId " + std::to_string(film.movie_id) + " has an empty title");
        if (has_control(film.title))
            throw Error(where + ": the title of movieId " + std::to_string(film.movie_id) + ", " + quoted(film.title) +
                        ", holds a control character");
        film.year = parse_year(film.title);
        if (c_genres >= 0) {
            std::string_view genres = rec.fields[static_cast<size_t>(c_genres)];
            while (!genres.empty()) {
                const size_t bar = genres.find('|');
                const std::string_view g = trim_blanks(genres.substr(0, bar));
                genres = bar == std::string_view::npos ? std::string_view() : genres.substr(bar + 1);
                if (g.empty() || g == "(no genres listed)") continue;
                if (has_control(g)) throw Error(where + ": genre " + quoted(g) + " holds a control character");
                auto it = std::find(catalog.genre_names_.begin(), catalog.genre_names_.end(), g);
                if (it == catalog.genre_names_.end()) {
                    if (catalog.genre_names_.size() == 32)
                        throw Error(where + ": genre " + quoted(g) + " is one more than the 32 Reel supports");
                    catalog.genre_names_.emplace_back(g);
                    it = catalog.genre_names_.end() - 1;
                }
                film.genres |= GenreMask(1) << (it - catalog.genre_names_.begin());
            }
        }
        catalog.add(std::move(film));
    }
    // Dense indices ascend with movieId, so "ties go to the smaller index" means the smaller movieId.
    std::vector<Film> films = std::move(catalog.films_);
    std::stable_sort(films.begin(), films.end(), [](const Film& a, const Film& b) { return a.movie_id < b.movie_id; });
    catalog.films_.clear();
    catalog.index_.clear();
    for (Film& f : films) catalog.add(std::move(f));
    return catalog;
}

Catalog Catalog::of(std::vector<std::string> genre_names, std::vector<Film> films, const std::string& what) {
    if (genre_names.size() > 32) throw Error(what + ": " + std::to_string(genre_names.size()) + " genres, more than the 32 Reel supports");
    for (const std::string& g : genre_names)
        if (g.empty() || has_control(g)) throw Error(what + ": genre " + quoted(g) + " is empty or holds a control character");
    const GenreMask known = genre_names.size() == 32 ? ~GenreMask(0) : (GenreMask(1) << genre_names.size()) - 1;
    Catalog catalog;
    catalog.genre_names_ = std::move(genre_names);
    for (Film& f : films) {
        const std::string film = what + ": movieId " + std::to_string(f.movie_id);
        if (f.movie_id <= 0 || (!catalog.films_.empty() && f.movie_id <= catalog.films_.back().movie_id))
            throw Error(film + " is not positive or not above the film before it");
        if (f.title.empty() || has_control(f.title)) throw Error(film + " has an empty title or one with a control character");
        if ((f.genres & ~known) != 0) throw Error(film + " has a genre the file does not name");
        f.year = parse_year(f.title);
        catalog.add(std::move(f));
    }
    return catalog;
}

Catalog Catalog::from_ids(std::vector<int32_t> movie_ids) {
    std::sort(movie_ids.begin(), movie_ids.end());
    movie_ids.erase(std::unique(movie_ids.begin(), movie_ids.end()), movie_ids.end());
    Catalog catalog;
    for (int32_t id : movie_ids) catalog.add(Film{id, "movie " + std::to_string(id), 0, 0});
    return catalog;
}

void Catalog::add(Film film) {
    index_.emplace(film.movie_id, static_cast<int>(films_.size()));
    films_.push_back(std::move(film));
}

int Catalog::index_of(int32_t movie_id) const {
    const auto it = index_.find(movie_id);
    return it == index_.end() ? -1 : it->second;
}

}  // namespace reel
