// libFuzzer: a visitor's file (IMDb, Letterboxd, Reel's own) on any bytes, under any name and any word
// for its unrated films. Every row is matched, marked or reported: films of the catalogue, half
// stars, marks Reel knows, a guess only when the visitor said nothing, and messages a person can read.
#include <map>
#include <set>

#include "catalog.hpp"
#include "fuzz.hpp"
#include "imports.hpp"

namespace {

const reel::Catalog& films() {
    static const reel::Catalog c = reel::Catalog::parse(
        "movieId,title,genres\n"
        "1,Toy Story (1995),Animation|Comedy\n"
        "6,Heat (1995),Action|Crime|Thriller\n"
        "260,Star Wars: Episode IV - A New Hope (1977),Action|Adventure|Sci-Fi\n"
        "4973,\"Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)\",Comedy|Romance\n");
    return c;
}

const std::unordered_map<int64_t, int32_t> kLinks{{114709, 1}, {113277, 6}, {76759, 260}, {211915, 4973}};

}  // namespace

// The first byte chooses the file's name and what the visitor said; the rest is the file.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    static const char* const kNames[] = {"ratings.csv", "watchlist.csv", "watched.csv", "list.csv"};
    const char* const name = kNames[data[0] & 3];
    const auto said = static_cast<reel::Unrated>((data[0] >> 2) % 3);
    reel::Imported r;
    try {
        r = reel::import_ratings(fuzz::text(data + 1, size - 1), name, films(), kLinks, said);
    } catch (const reel::Error& e) {
        fuzz::check_message(e);
        return 0;
    }
    REEL_CHECK(r.format == "IMDb" || r.format == "Letterboxd" || r.format == "Reel");
    std::set<int32_t> rated, marked;
    for (const reel::ImportedRating& m : r.matched) {
        REEL_CHECK(films().index_of(m.movie_id) >= 0);
        REEL_CHECK(m.stars >= 0.5f && m.stars <= 5.0f && m.stars * 2 == static_cast<float>(static_cast<int>(m.stars * 2)));
        REEL_CHECK(m.line >= 2);
        REEL_CHECK(rated.insert(m.movie_id).second);  // a film rated twice keeps one row
    }
    for (const reel::FilmMark& m : r.marks) {
        REEL_CHECK(films().index_of(m.movie_id) >= 0);
        REEL_CHECK(reel::is_mark(m.mark));
        REEL_CHECK(m.line >= 2);
        REEL_CHECK(marked.insert(m.movie_id).second);
    }
    for (const reel::Unmatched& u : r.unmatched) {
        REEL_CHECK(u.line >= 2);
        REEL_CHECK(!u.reason.empty());
        REEL_CHECK(u.year == 0 || (u.year >= 1870 && u.year <= 2100));
        REEL_CHECK(u.title.size() <= 4 * reel::kShownTitle + 8);  // cut, then its control bytes escaped
        for (const char c : u.title) REEL_CHECK(static_cast<unsigned char>(c) >= 0x20);
        REEL_CHECK(!u.unreadable || (u.title.empty() && u.year == 0));
    }
    REEL_CHECK(r.unrated_guess.empty() || r.unrated_guess == "seen" || r.unrated_guess == "not rated");
    REEL_CHECK(said == reel::Unrated::by_name || r.unrated_guess.empty());  // the visitor's word is no guess
    return 0;
}
