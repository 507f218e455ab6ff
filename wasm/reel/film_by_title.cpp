// Three indexes of (key, year), tried from the strictest: a title as written would never match a
// part of another film's title while a whole one exists.
#include "film_by_title.hpp"

#include <algorithm>
#include <climits>
#include <initializer_list>
#include <set>
#include <vector>

#include "search.hpp"
#include "title.hpp"

namespace reel {

namespace {

// British spellings in titles Letterboxd keeps and MovieLens writes the American way.
const char* const kAmerican[][2] = {{"colour", "color"},       {"colours", "colors"}, {"honour", "honor"},
                                    {"favourite", "favorite"}, {"centre", "center"},  {"theatre", "theater"},
                                    {"armour", "armor"},       {"harbour", "harbor"}, {"grey", "gray"}};

// "Star Wars: Episode IV - A New Hope" → its parts, "Star Wars", "Episode IV", "A New Hope".
std::vector<std::string> parts_of(const std::string& title) {
    std::vector<std::string> parts;
    size_t p = 0;
    while (p <= title.size()) {
        const size_t colon = title.find(": ", p), dash = title.find(" - ", p);
        const size_t end = std::min({colon, dash, title.size()});
        parts.push_back(title.substr(p, end - p));
        p = end == title.size() ? end + 1 : end + (end == colon ? 2 : 3);
    }
    return parts;
}

// Whether a part names a film, not a place in a series: two words or more beside articles,
// sequel words and numbers ("A New Hope", "Infinity War"; not "Part I", "Episode IV", "Blue",
// "Awakening", which a different film's whole title would match).
bool names_a_film(const std::string& part) {
    static const std::set<std::string> kSeriesWords = {"the",     "a",   "an",     "and",     "of",    "part", "pt",
                                                       "chapter", "vol", "volume", "episode", "movie", "film"};
    int words = 0;
    for (const std::string& w : numbered(words_of(fold(part))))
        if (!kSeriesWords.count(w) && w.find_first_not_of("0123456789") != std::string::npos) ++words;
    return words >= 2;
}

// A title's shorter names: each part, the first part with the last ("Star Wars: The Force
// Awakens"), and all but the last ("Avengers: Infinity War" of "… - Part I").
std::vector<std::string> shorter_names(const std::string& title) {
    const std::vector<std::string> parts = parts_of(title);
    if (parts.size() < 2) return {};
    std::vector<std::string> names = parts;
    names.push_back(parts.front() + " " + parts.back());
    std::string but_last = parts.front();
    for (size_t i = 1; i + 1 < parts.size(); ++i) but_last += " " + parts[i];
    names.push_back(but_last);
    return names;
}

}  // namespace

std::string FilmByTitle::loose(std::string_view text) {
    std::vector<std::string> words = numbered(words_of(fold(text)));
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        std::string& w = words[i];
        if ((i == 0 && (w == "the" || w == "a" || w == "an")) || w == "and" || w == "vol" || w == "volume") continue;
        for (const auto& [british, american] : kAmerican)
            if (w == british) w = american;
        out += w;  // no spaces: "Oldboy" is MovieLens's "Old Boy", as the search finds it
    }
    return out;
}

FilmByTitle::FilmByTitle(const Catalog& catalog) : catalog_(catalog) {
    for (size_t i = 0; i < catalog.size(); ++i) latest_ = std::max(latest_, catalog.film(i).year);
    for (size_t i = 0; i < catalog.size(); ++i) {
        const TitleParts t = parse_title(catalog.film(i).title);
        const int film = static_cast<int>(i);
        std::vector<std::string> names{t.name};
        names.insert(names.end(), t.aliases.begin(), t.aliases.end());
        for (const std::string& name : names) {
            exact_.emplace(std::pair{fold(name), t.year}, film);
            loose_.emplace(std::pair{loose(name), t.year}, film);
            for (const std::string& part : shorter_names(name))
                if (names_a_film(part)) parts_.emplace(std::pair{loose(part), t.year}, film);
        }
    }
}

int FilmByTitle::in(const Index& index, const std::string& key, std::initializer_list<int> years, bool alone) const {
    for (const int y : years) {
        std::set<int> films;
        const auto [lo, hi] = index.equal_range({key, y});
        for (auto it = lo; it != hi; ++it) films.insert(it->second);
        if (films.empty()) continue;
        if (alone && films.size() > 1) return -1;
        return *std::min_element(films.begin(), films.end(), [&](int a, int b) {
            return catalog_.film(static_cast<size_t>(a)).movie_id < catalog_.film(static_cast<size_t>(b)).movie_id;
        });
    }
    return -1;
}

int FilmByTitle::find(std::string_view name, int year) const {
    const std::string exact = fold(name), key = loose(name);
    int film = in(exact_, exact, {year, year - 1, year + 1}, false);
    if (film < 0) film = in(loose_, key, {year, year - 1, year + 1}, false);
    // A title with a bracketed part, as MovieLens brackets its other titles: "Birdman or (The
    // Unexpected Virtue of Ignorance)" is MovieLens's "Birdman: Or", a.k.a. the rest.
    if (film < 0 && name.find('(') != std::string_view::npos) {
        const TitleParts t = parse_title(name);
        for (size_t a = 0; film < 0 && a <= t.aliases.size(); ++a)
            film = in(loose_, loose(a == 0 ? t.name : t.aliases[a - 1]), {year, year - 1, year + 1}, false);
    }
    // A part of a title only in the film's own year: a year either side let "The Awakening" (2011)
    // find "Underworld: Awakening" (2012) when the catalogue lacks it.
    if (film < 0) film = in(parts_, key, {year}, true);
    // A film MovieLens gives no year is a recent one, added before its year was known: only a
    // recent row may be it ("Moonlight", 2016; not the 2002 film of that name).
    if (film < 0 && year >= latest_ - 3) film = in(exact_, exact, {0}, false);
    if (film < 0 && year >= latest_ - 3) film = in(loose_, key, {0}, false);
    // A row with no year: the one film of that title, whatever its year, loosely (so "Oldboy" names
    // both MovieLens's "Old Boy" and the remake, "Oldboy", and matches neither).
    if (film < 0 && year == 0) film = only(loose_, key);
    return film;
}

int FilmByTitle::only(const Index& index, const std::string& key) const {
    std::set<int> films;
    for (auto it = index.lower_bound({key, INT_MIN}); it != index.end() && it->first.first == key; ++it) films.insert(it->second);
    return films.size() == 1 ? *films.begin() : -1;
}

}  // namespace reel
