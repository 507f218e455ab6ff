// The films: MovieLens ids, display titles, years and genres, with dense indices both ways.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reel {

using GenreMask = uint32_t;  // bit g set: the film has genre_names[g]

struct Film {
    int32_t movie_id = 0;
    std::string title;  // as MovieLens shows it, e.g. "Usual Suspects, The (1995)"
    int year = 0;       // first year in the title's trailing "(1995)" or "(2006–2007)"; 0 when absent
    GenreMask genres = 0;
};

class Catalog {
public:
    // Parses movies.csv (columns movieId, title, genres found by name). Throws reel::Error
    // naming the file, line and value for a bad id, a repeated id or too many genres.
    static Catalog parse(std::string_view movies_csv, std::string_view file = "movies.csv");

    // A catalog from films already read (a packed bundle): ids must ascend, titles be non-empty
    // and free of control characters, genre bits name genres; the year is parsed from the
    // title as parse() does. Throws reel::Error naming `what` and the film otherwise.
    static Catalog of(std::vector<std::string> genre_names, std::vector<Film> films, const std::string& what);

    // A catalog of bare ids, for ratings that come without a movies.csv.
    static Catalog from_ids(std::vector<int32_t> movie_ids);

    size_t size() const { return films_.size(); }
    const Film& film(size_t index) const { return films_[index]; }
    const std::vector<Film>& films() const { return films_; }
    const std::vector<std::string>& genre_names() const { return genre_names_; }

    // The dense index of a MovieLens id, or -1.
    int index_of(int32_t movie_id) const;

private:
    void add(Film film);

    std::vector<Film> films_;
    std::vector<std::string> genre_names_;
    std::unordered_map<int32_t, int> index_;
};

// The year at the end of a MovieLens title, or 0.
int parse_year(std::string_view title);

// A strictly positive decimal integer id; throws naming `where` and the text otherwise.
int32_t parse_id(std::string_view text, std::string_view what, const std::string& where);

}  // namespace reel
