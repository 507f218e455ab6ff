// ratings.csv to rows: strict half-star values, ids as MovieLens gives them, duplicates resolved.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reel {

class CsvReader;

// One rating with dense indices (user into Dataset::user_ids, film into the Catalog).
struct Rating {
    int32_t user = 0;
    int32_t film = 0;
    float value = 0;
};

struct RatingRow {                      // 24 bytes: 25 M of them are held while a load resolves repeats
    int32_t user_id = 0, movie_id = 0;  // MovieLens ids
    int64_t timestamp = 0;
    float value = 0;
    uint32_t line = 0;  // where it stood, for messages about it later
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

// The same, fed the file's bytes as they arrive, split anywhere: only the rows and the one
// unfinished record are held, never the whole text (ML-25M's is 678 MB). `total_bytes`, when
// known, lets the rows be reserved once instead of regrown.
class RatingsParser {
public:
    explicit RatingsParser(std::string_view file = "ratings.csv", size_t total_bytes = 0);
    ~RatingsParser();
    void feed(std::string_view bytes);
    RatingRows finish();  // the rows, repeats resolved; throws as parse_ratings does

private:
    void parse(std::string_view whole_records);

    size_t total_bytes_;
    std::string pending_;              // bytes after the last record known to be whole
    bool odd_quotes_ = false;          // inside a quoted field at the end of pending_
    std::unique_ptr<CsvReader> last_;  // the reader of the previous piece: header, columns, line
    size_t c_user_ = 0, c_movie_ = 0, c_rating_ = 0;
    int c_time_ = -1;
    RatingRows out_;
};

// "3.5" → 3.5f for half stars 0.5..5.0; -1 for anything else. Parsed as whole half-stars, so
// exact, and free of the floating-point from_chars that Emscripten's libc++ lacks.
float parse_half_star(std::string_view text);

}  // namespace reel
