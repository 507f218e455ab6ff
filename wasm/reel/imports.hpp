// A visitor's ratings brought from elsewhere: an IMDb "Your ratings" export or watchlist (matched
// by IMDb id through MovieLens's links.csv), a Letterboxd ratings.csv, diary.csv, watched.csv or
// watchlist.csv (matched by title and year, film_by_title.hpp), or Reel's own export (ratings and
// marks, by movieId). A film watched or to watch but not rated is a mark. Nothing is dropped in
// silence: every row is matched or reported.
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

// A film marked, not (or not only) rated: "seen", "not interested" or "watchlist".
struct FilmMark {
    int32_t movie_id;
    std::string mark;
    size_t line = 0;  // in the file it came from; 0 when it came from none
};

// The marks a visitor can give a film, as Reel's files spell them.
bool is_mark(std::string_view text);
extern const char* const kMarkNames;  // "seen, not interested or watchlist", for messages

// How much of a file's title a report echoes (bytes): a 1 MB title made a line 1 MB wide.
constexpr size_t kShownTitle = 120;

struct Unmatched {
    size_t line;
    std::string title;        // as the file gives it, cut to kShownTitle bytes, control characters escaped
    int year;                 // 0 when the file gives none or no year (1870 to 2100)
    std::string reason;       // "not in this MovieLens catalogue", "rating 11 is not 1 to 10", …
    bool unreadable = false;  // the line could not be read as a row: it may not have been a film at all
};

// What a list's films without a rating are. Letterboxd's watched.csv and watchlist.csv share one
// header, as IMDb's watchlist does with its other lists, so only the file's name tells, unless the
// visitor says.
enum class Unrated {
    by_name,   // "watchlist" in the name: to watch; "watched": seen; else a guess (Letterboxd's seen, IMDb's left out)
    seen,      // films the visitor has seen
    to_watch,  // films on the visitor's watchlist
};

// "seen" or "watchlist" (the marks the films become), "" for by_name; reel::Error for any other word.
Unrated unrated_from(std::string_view word);

struct Imported {
    std::string format;  // "IMDb", "Letterboxd" or "Reel"
    std::vector<ImportedRating> matched;
    std::vector<FilmMark> marks;  // films marked, or watched or to watch but not rated
    std::vector<Unmatched> unmatched;
    // A list had films without a rating and its name said neither "watched" nor "watchlist": what
    // they were taken for, by a guess the visitor may correct ("seen" for Letterboxd's, "not rated"
    // for IMDb's, which are then left out); "" when nothing was guessed.
    std::string unrated_guess;
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

// Reads any of the four (IMDb's export, Letterboxd's export and its import columns, Reel's own),
// told apart by its header; `file`, the file's name, tells a watchlist from the lists that share
// its header unless `unrated` says. Throws reel::Error for a file that is none. A film rated (or
// marked) twice keeps its later row.
Imported import_ratings(std::string_view csv, std::string_view file, const Catalog& catalog,
                        const std::unordered_map<int64_t, int32_t>& imdb_to_movie, Unrated unrated = Unrated::by_name);

}  // namespace reel
