// A film found from another site's title and year (a Letterboxd export's), where MovieLens often
// writes it otherwise: "Star Wars" is "Star Wars: Episode IV - A New Hope", "Lock, Stock and Two
// Smoking Barrels" has "&", "Three Colours: Blue" is spelt "Colors", "The Intouchables" has no
// article, "Guardians of the Galaxy Vol. 2" no "Vol.", "Oldboy" is "Old Boy", and some recent
// films have no year.
#pragma once
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "catalog.hpp"

namespace reel {

class FilmByTitle {
public:
    explicit FilmByTitle(const Catalog& catalog);

    // The catalogue index of the film `name` and `year` (0: none given) name, or -1. Tried in turn,
    // each in the same year, then a year either side (sites differ by one now and then): the title
    // as search folds it; then loosely (no article, "and" or "vol", sequel numbers as digits,
    // American spelling, no spaces), also by its bracketed parts; then, in its own year only, a part
    // of MovieLens's title that names a film ("A New Hope" of "Star Wars: Episode IV - A New Hope").
    // Last, for a row of the catalogue's last few years, a film MovieLens gives no year; and for a
    // row with no year, the one film of its loose title in any year. Among several films of one
    // title, the lowest movieId (the original before a remake of the same year); a part of a title
    // must name one film alone.
    int find(std::string_view name, int year) const;

    // `text` as loose matching compares it, its words run together: "The Lock, Stock & Two Smoking
    // Barrels Vol. II" → "lockstocktwosmokingbarrels2".
    static std::string loose(std::string_view text);

private:
    using Index = std::multimap<std::pair<std::string, int>, int>;  // (key, year) → catalogue index
    // The film of `key` in the first of `years` that has one; alone: only if it has just one.
    int in(const Index& index, const std::string& key, std::initializer_list<int> years, bool alone) const;
    int only(const Index& index, const std::string& key) const;  // the one film of `key` in any year, or -1

    const Catalog& catalog_;
    Index exact_, loose_, parts_;
    int latest_ = 0;  // the catalogue's last year
};

}  // namespace reel
