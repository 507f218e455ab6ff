// Parsing ratings.csv strictly and resolving repeated (user, film) pairs by the documented policy.
#include "ratings.hpp"

#include <charconv>
#include <algorithm>
#include <utility>

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
        if (frac == "5")
            half_stars += 1;
        else if (frac != "0")
            return -1;
    }
    if (half_stars < 1 || half_stars > 10) return -1;
    return half_stars * 0.5f;
}

namespace {

// A (user, film) pair rated more than once keeps one row, where the pair first appears, holding
// the latest rating (the later line on equal timestamps). Found by sorting positions, not with
// a hash map: 4 bytes a row instead of about 50, which matters at 25 M ratings.
void drop_repeats(RatingRows& r) {
    std::vector<RatingRow>& rows = r.rows;
    std::vector<uint32_t> order(rows.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    auto key = [&](uint32_t i) { return std::pair(rows[i].user_id, rows[i].movie_id); };
    auto before = [&](uint32_t a, uint32_t b) { return key(a) < key(b); };
    // MovieLens files come grouped by user: then sorting each user's rows is the whole sort, and
    // each one fits in cache, where one sort of 25 M positions reads rows all over memory.
    if (std::is_sorted(rows.begin(), rows.end(), [](const RatingRow& a, const RatingRow& b) { return a.user_id < b.user_id; })) {
        for (size_t from = 0, to; from < rows.size(); from = to) {
            for (to = from + 1; to < rows.size() && rows[to].user_id == rows[from].user_id;) ++to;
            std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(from), order.begin() + static_cast<std::ptrdiff_t>(to), before);
        }
    } else {
        std::stable_sort(order.begin(), order.end(), before);
    }
    std::vector<bool> repeat(rows.size(), false);
    for (size_t g = 0; g < order.size();) {
        size_t end = g + 1, latest = g;
        for (; end < order.size() && key(order[end]) == key(order[g]); ++end)
            if (rows[order[end]].timestamp >= rows[order[latest]].timestamp) latest = end;  // ≥: the later line wins a tie
        if (latest != g) rows[order[g]] = rows[order[latest]];  // the group's first position holds the latest rating
        for (size_t p = g + 1; p < end; ++p) repeat[order[p]] = true;
        r.duplicates += end - g - 1;
        g = end;
    }
    if (r.duplicates == 0) return;
    size_t kept = 0;
    for (size_t i = 0; i < rows.size(); ++i)
        if (!repeat[i]) rows[kept++] = rows[i];
    rows.resize(kept);
}

}  // namespace

RatingsParser::RatingsParser(std::string_view file, size_t total_bytes) : total_bytes_(total_bytes) { out_.file = std::string(file); }

RatingsParser::~RatingsParser() = default;

void RatingsParser::feed(std::string_view bytes) {
    // Cut after the last newline that ends a record: one outside quotes, where the quotes seen
    // so far are even (RFC 4180's doubled quote counts twice, so it keeps the parity).
    bool odd = odd_quotes_;
    size_t cut = std::string_view::npos;
    if (bytes.find('"') == std::string_view::npos) {
        if (!odd) cut = bytes.rfind('\n');
    } else {
        for (size_t i = 0; i < bytes.size(); ++i) {
            if (bytes[i] == '"')
                odd = !odd;
            else if (bytes[i] == '\n' && !odd)
                cut = i;
        }
    }
    odd_quotes_ = odd;
    if (cut == std::string_view::npos) {
        pending_.append(bytes);
        return;
    }
    if (pending_.empty()) {
        parse(bytes.substr(0, cut + 1));  // no copy when the bytes come whole
    } else {
        pending_.append(bytes.substr(0, cut + 1));
        parse(pending_);
    }
    pending_.assign(bytes.substr(cut + 1));
}

void RatingsParser::parse(std::string_view whole) {
    std::unique_ptr<CsvReader> csv = last_ ? std::make_unique<CsvReader>(whole, *last_) : std::make_unique<CsvReader>(whole, out_.file);
    if (!last_) {
        c_user_ = csv->column("userId"), c_movie_ = csv->column("movieId"), c_rating_ = csv->column("rating");
        c_time_ = csv->optional_column("timestamp");
    }
    const size_t before = out_.rows.size();
    CsvRecord rec;
    while (csv->next(rec)) {
        const std::string where = csv->where(rec.line);
        RatingRow row;
        if (rec.line > UINT32_MAX) throw Error(where + ": Reel reads at most " + std::to_string(UINT32_MAX) + " lines of a ratings file");
        row.line = static_cast<uint32_t>(rec.line);
        row.user_id = parse_id(rec.fields[c_user_], "userId", where);
        row.movie_id = parse_id(rec.fields[c_movie_], "movieId", where);
        row.value = parse_half_star(rec.fields[c_rating_]);
        if (row.value < 0) throw Error(where + ": rating " + quoted(rec.fields[c_rating_]) + " is not a half star from 0.5 to 5.0");
        if (c_time_ >= 0) {
            const std::string& t = rec.fields[static_cast<size_t>(c_time_)];
            const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), row.timestamp);
            if (t.empty() || ec != std::errc() || end != t.data() + t.size())
                throw Error(where + ": timestamp " + quoted(t) + " is not a whole number of seconds");
        }
        out_.rows.push_back(row);
    }
    // From the first piece's bytes per row, room for the whole file at once: growing a vector
    // of 25 M rows by doubling would hold one and a half times it while it moves.
    if (!last_ && total_bytes_ > 2 * whole.size() && out_.rows.size() - before >= 1000)
        out_.rows.reserve(static_cast<size_t>(static_cast<double>(total_bytes_) / static_cast<double>(whole.size()) *
                                              static_cast<double>(out_.rows.size()) * 1.02));
    last_ = std::move(csv);
}

RatingRows RatingsParser::finish() {
    if (!pending_.empty() || !last_) parse(pending_);  // the last record may lack its newline
    pending_.clear();
    drop_repeats(out_);
    return std::move(out_);
}

RatingRows parse_ratings(std::string_view ratings_csv, std::string_view file) {
    RatingsParser parser(file, ratings_csv.size());
    parser.feed(ratings_csv);
    return parser.finish();
}

}  // namespace reel
