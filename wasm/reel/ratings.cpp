// Parsing ratings.csv strictly and resolving repeated (user, film) pairs by the documented policy.
#include "ratings.hpp"

#include <charconv>
#include <unordered_map>

#include "catalog.hpp"
#include "csv.hpp"
#include "error.hpp"

namespace reel {

float parse_half_star(std::string_view t) {
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    if (t.empty() || t.size() > 8) return -1;
    const size_t dot = t.find('.');
    const std::string_view whole = t.substr(0, dot);
    if (whole.size() != 1 || whole[0] < '0' || whole[0] > '5') return -1;
    int half_stars = 2 * (whole[0] - '0');
    if (dot != std::string_view::npos) {
        std::string_view frac = t.substr(dot + 1);
        while (frac.size() > 1 && frac.back() == '0') frac.remove_suffix(1);
        if (frac == "5") half_stars += 1;
        else if (frac != "0") return -1;
    }
    if (half_stars < 1 || half_stars > 10) return -1;
    return half_stars * 0.5f;
}

RatingRows parse_ratings(std::string_view ratings_csv, std::string_view file) {
    CsvReader csv(ratings_csv, file);
    const size_t c_user = csv.column("userId"), c_movie = csv.column("movieId"), c_rating = csv.column("rating");
    const int c_time = csv.optional_column("timestamp");
    RatingRows out;
    out.file = std::string(file);
    std::unordered_map<uint64_t, size_t> seen;  // (user, film) → position in out.rows
    CsvRecord rec;
    while (csv.next(rec)) {
        const std::string where = csv.where(rec.line);
        RatingRow row;
        if (rec.line > UINT32_MAX) throw Error(where + ": Reel reads at most " + std::to_string(UINT32_MAX) + " lines of a ratings file");
        row.line = static_cast<uint32_t>(rec.line);
        row.user_id = parse_id(rec.fields[c_user], "userId", where);
        row.movie_id = parse_id(rec.fields[c_movie], "movieId", where);
        row.value = parse_half_star(rec.fields[c_rating]);
        if (row.value < 0)
            throw Error(where + ": rating " + quoted(rec.fields[c_rating]) + " is not a half star from 0.5 to 5.0");
        if (c_time >= 0) {
            const std::string& t = rec.fields[static_cast<size_t>(c_time)];
            const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), row.timestamp);
            if (t.empty() || ec != std::errc() || end != t.data() + t.size())
                throw Error(where + ": timestamp " + quoted(t) + " is not a whole number of seconds");
        }
        const uint64_t key = (uint64_t(uint32_t(row.user_id)) << 32) | uint32_t(row.movie_id);
        const auto [it, fresh] = seen.emplace(key, out.rows.size());
        if (fresh) {
            out.rows.push_back(row);
        } else {
            ++out.duplicates;
            RatingRow& kept = out.rows[it->second];
            if (row.timestamp >= kept.timestamp) kept = row;
        }
    }
    return out;
}

}  // namespace reel
