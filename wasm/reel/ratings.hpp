// ratings.csv to rows: strict half-star values, ids as MovieLens gives them, duplicates resolved.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reel {

// One rating with dense indices (user into Dataset::user_ids, film into the Catalog).
struct Rating {
    int32_t user = 0;
    int32_t film = 0;
    float value = 0;
};

struct RatingRow {
    int32_t user_id = 0, movie_id = 0;  // MovieLens ids
    float value = 0;
    int64_t timestamp = 0;
    uint32_t line = 0;                  // where it stood, for messages about it later
};

struct RatingRows {
    std::string file;
    std::vector<RatingRow> rows;  // in file order
    size_t duplicates = 0;        // rows dropped because a (user, film) pair came again
};

// Parses ratings.csv (columns userId, movieId, rating, optional timestamp, found by name).
// A rating must be a half star from 0.5 to 5.0, written as MovieLens writes it ("4", "4.0",
// "3.5"); anything else throws reel::Error naming the file, line and value.
// Duplicate policy: when a (user, film) pair appears more than once, the row with the latest
// timestamp stands (the user's current opinion); on equal timestamps the later line stands.
RatingRows parse_ratings(std::string_view ratings_csv, std::string_view file = "ratings.csv");

// "3.5" → 3.5f for half stars 0.5..5.0; -1 for anything else. Parsed as whole half-stars, so
// exact, and free of the floating-point from_chars that Emscripten's libc++ lacks.
float parse_half_star(std::string_view text);

}  // namespace reel
