// ratings.csv: strict half stars, errors that say where, and the duplicate policy.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include <cstring>
#include <functional>

#include "engine.hpp"
#include "error.hpp"
#include "ratings.hpp"
#include "synthetic.hpp"
#include "train_index.hpp"
#include "support.hpp"

namespace {
using reel_test::error_of;
const std::string kLimit = std::to_string(reel::kMaxDataBytes >> 30) + " GiB";
}  // namespace

TEST(Ratings, HalfStarsOnly) {
    for (auto [text, value] : std::vector<std::pair<const char*, float>>{
             {"0.5", 0.5f}, {"4", 4.0f}, {"4.0", 4.0f}, {"3.5", 3.5f}, {"5.0", 5.0f}, {"2.50", 2.5f}, {" 1.0", 1.0f}})
        EXPECT_EQ(reel::parse_half_star(text), value) << text;
    for (const char* bad : {"0", "0.0", "5.5", "6", "3.3", "-1", "4.05", "abc", "", "4.", ".5", "10", "4,5", "nan"})
        EXPECT_LT(reel::parse_half_star(bad), 0) << bad;
}

TEST(Ratings, BadValueNamesFileLineAndValue) {
    try {
        reel::parse_ratings("userId,movieId,rating,timestamp\n1,1,4.0,10\n1,2,4.3,11\n");
        FAIL();
    } catch (const reel::Error& e) {
        EXPECT_STREQ(e.what(), "ratings.csv line 3: rating '4.3' is not a half star from 0.5 to 5.0");
    }
    EXPECT_THROW(reel::parse_ratings("userId,movieId,rating\n0,1,4.0\n"), reel::Error);
    EXPECT_THROW(reel::parse_ratings("userId,movieId,rating,timestamp\n1,1,4.0,soon\n"), reel::Error);
}

TEST(Ratings, TimestampIsOptionalAndColumnsGoByName) {
    const auto r = reel::parse_ratings("rating,userId,movieId\n4.5,7,3\n");
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0].user_id, 7);
    EXPECT_EQ(r.rows[0].movie_id, 3);
    EXPECT_EQ(r.rows[0].value, 4.5f);
}

TEST(Ratings, DuplicatePairKeepsTheLatestTimestampThenTheLaterLine) {
    const auto r = reel::parse_ratings(
        "userId,movieId,rating,timestamp\n"
        "1,1,2.0,300\n"  // latest for (1,1): stands
        "1,2,3.0,100\n"
        "1,1,5.0,200\n"    // older: dropped
        "1,2,4.0,100\n");  // same time, later line: stands
    EXPECT_EQ(r.duplicates, 2u);
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0].value, 2.0f);
    EXPECT_EQ(r.rows[1].value, 4.0f);
    EXPECT_EQ(r.rows[1].line, 5u);
}

TEST(Ratings, RepeatsAreFoundWhetherOrNotTheFileIsGroupedByUser) {
    // Grouped by user (as MovieLens ships), each user's rows are sorted alone; otherwise all at once.
    for (const char* csv : {"userId,movieId,rating,timestamp\n1,9,1.0,1\n1,3,2.0,1\n1,9,3.0,2\n2,3,4.0,1\n2,3,5.0,1\n",
                            "userId,movieId,rating,timestamp\n1,9,1.0,1\n2,3,4.0,1\n1,3,2.0,1\n2,3,5.0,1\n1,9,3.0,2\n"}) {
        const auto r = reel::parse_ratings(csv);
        EXPECT_EQ(r.duplicates, 2u) << csv;
        std::vector<std::tuple<int32_t, int32_t, float>> kept;
        for (const auto& row : r.rows) kept.emplace_back(row.user_id, row.movie_id, row.value);
        std::sort(kept.begin(), kept.end());
        EXPECT_EQ(kept, (std::vector<std::tuple<int32_t, int32_t, float>>{{1, 3, 2.0f}, {1, 9, 3.0f}, {2, 3, 5.0f}})) << csv;
    }
}

TEST(Ratings, ValuesInMessagesAreQuotedCutAndEscaped) {
    using namespace std::string_literals;
    const std::string nul = error_of([] { reel::parse_ratings("userId,movieId,rating\n1,1,4\0.5\n"s); });
    EXPECT_EQ(nul, "ratings.csv line 2: rating '4\\0.5' is not a half star from 0.5 to 5.0");
    EXPECT_EQ(std::strlen(nul.c_str()), nul.size());
    const std::string huge = error_of([] { reel::parse_ratings("userId,movieId,rating\n1,1," + std::string(50'000'000, '4') + "\n"); });
    EXPECT_EQ(huge, "ratings.csv line 2: rating '" + std::string(60, '4') + "…' is not a half star from 0.5 to 5.0");
    EXPECT_EQ(error_of([] { reel::parse_ratings("userId,movieId,rating,timestamp\n1,1,4.0,\x1b[31m\n"); }),
              "ratings.csv line 2: timestamp '\\x1b[31m' is not a whole number of seconds");
}

// 262,144 users × 1,048,576 films would make 2^32 words of "has rated" bits: 32 GiB, which wrapped
// a 32-bit size_t in WebAssembly (an index out of bounds) and natively was a bare std::bad_alloc.
// The bitset is now kept only while it costs at most 16 bytes a rating, so such a file needs an
// index that grows with its ratings; what cannot fit is still refused before allocating.
TEST(Ratings, DataTooLargeForTheBuildIsRefusedBeforeAllocating) {
    EXPECT_LT(reel::index_bytes(262144, 1048576, 1048576), uint64_t(32) << 20);                         // no bitset: about 17 MB
    EXPECT_EQ(reel::index_bytes(610, 9742, 80669), 610u * 153 * 8 + 611 * 8 + 80669u * 8 + 9742u * 8);  // with it
    EXPECT_EQ(reel::index_bytes(uint64_t(1) << 40, uint64_t(1) << 40, uint64_t(1) << 62), UINT64_MAX);  // saturates, never wraps
    EXPECT_EQ(error_of([] { reel::check_index_fits("ratings.csv", 1000, 1000, uint64_t(1) << 40); }),
              "ratings.csv: 1,000 users × 1,000 films need 8,192 GiB for the rated-films index; this build holds at most " + kLimit);
    EXPECT_EQ(error_of([] { reel::check_index_fits("ratings.csv", 610, 9742, 100836); }), "");  // MovieLens small
    EXPECT_EQ(error_of([] { reel::check_models_fit(610, 9742, 100836, 2 * 1025); }), "");       // at 1024 factors each
    EXPECT_EQ(error_of([] { reel::check_models_fit(4'000'000, 9742, 4'000'000, 2 * 1025); }),
              "4,000,000 users and 9,742 films need 30.8 GiB for the models at these settings and the rated-films "
              "index; this build holds at most " +
                  kLimit + " (fewer factors need less)");
}

TEST(Ratings, AFileOfTooManyUsersAndFilmsIsAClearErrorAndTheEngineKeepsItsData) {
    // One rating per film, the users taken in turn: few ratings, but every id distinct. At 1,024
    // factors a model the size of its users and films cannot fit, and the load says so first.
    constexpr int kUsers = 262144, kFilms = 1048576;
    std::string csv = "userId,movieId,rating\n";
    csv.reserve(size_t(kFilms) * 20);
    for (int i = 0; i < kFilms; ++i) csv += std::to_string(i % kUsers + 1) + "," + std::to_string(i + 1) + ",4\n";
    const auto small = reel::make_synthetic({});
    reel::Settings wide = reel::default_settings();
    for (const char* set : {"rating.factors=1024", "ranking.factors=1024", "implicit.factors=1024"}) wide.set(set);
    reel::Engine e(wide);
    e.load(small.movies_csv, small.ratings_csv, 1);
    const uint64_t fingerprint = e.fingerprint();
    const std::string message = error_of([&] { e.load("", csv, 1, "movies.csv", "big.csv"); });
    EXPECT_EQ(message.substr(0, message.find(" need ")), "262,144 users and 1,048,576 films") << message;
    EXPECT_NE(message.find("(fewer factors need less)"), std::string::npos) << message;
    EXPECT_EQ(e.fingerprint(), fingerprint);
    EXPECT_EQ(e.data().films(), small.spec.groups * size_t(small.spec.films_per_group));
}

namespace {
// The rows, or the error, of `csv` fed to a RatingsParser in pieces of `size` bytes.
std::string parsed_in_pieces(const std::string& csv, size_t size) {
    try {
        reel::RatingsParser parser("ratings.csv", csv.size());
        for (size_t at = 0; at < csv.size(); at += size) parser.feed(std::string_view(csv).substr(at, size));
        std::string out;
        const reel::RatingRows rows = parser.finish();
        for (const reel::RatingRow& r : rows.rows)
            out += std::to_string(r.user_id) + "," + std::to_string(r.movie_id) + "," + std::to_string(r.value) + "," +
                   std::to_string(r.timestamp) + " line " + std::to_string(r.line) + "\n";
        return out + std::to_string(rows.duplicates) + " repeats";
    } catch (const reel::Error& e) {
        return std::string("error: ") + e.what();
    }
}
}  // namespace

TEST(Ratings, AFileReadInPiecesGivesTheRowsAndErrorsOfTheWholeText) {
    // A BOM, CRLF and LF, blank lines, a quoted field holding a newline and a doubled quote,
    // a repeat (kept where it first stood, with its latest line), and no final newline: every cut, one byte to the whole file, must read
    // alike.
    const std::string good =
        "\xEF\xBB\xBFuserId,movieId,rating,\"time\"\"stamp\",timestamp\r\n1,10,4.0,\"a\nb\",5\r\n\n2,10,3.5,\"\"\"\",6\n"
        "1,10,2.0,x,7\n3,30,0.5,,8";
    const std::string whole = parsed_in_pieces(good, good.size());
    EXPECT_EQ(whole, "1,10,2.000000,7 line 6\n2,10,3.500000,6 line 5\n3,30,0.500000,8 line 7\n1 repeats");
    for (size_t size = 1; size < good.size(); ++size) EXPECT_EQ(parsed_in_pieces(good, size), whole) << "pieces of " << size;
    // Errors name the same line however the bytes arrive: a bad value, and a stray quote.
    for (const auto& [bad, line] : {std::pair{std::string("userId,movieId,rating\n1,1,4\n\"1\",2,3\n1,3,4.2\n"), "4: rating"},
                                    std::pair{std::string("userId,movieId,rating\n1,1,4\n1,2,3\"\n1,3,4\n"), "3: a quote"}}) {
        const std::string expected = parsed_in_pieces(bad, bad.size());
        const std::string prefix = std::string("error: ratings.csv line ") + line;
        EXPECT_EQ(expected.substr(0, prefix.size()), prefix);
        for (size_t size = 1; size < bad.size(); ++size) EXPECT_EQ(parsed_in_pieces(bad, size), expected) << "pieces of " << size;
    }
    EXPECT_EQ(parsed_in_pieces("", 1), "error: ratings.csv: the file is empty (no header line)");
}
