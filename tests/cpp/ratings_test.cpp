// ratings.csv: strict half stars, errors that say where, and the duplicate policy.
#include <gtest/gtest.h>

#include "error.hpp"
#include "ratings.hpp"

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
        "1,1,2.0,300\n"   // latest for (1,1): stands
        "1,2,3.0,100\n"
        "1,1,5.0,200\n"   // older: dropped
        "1,2,4.0,100\n"); // same time, later line: stands
    EXPECT_EQ(r.duplicates, 2u);
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0].value, 2.0f);
    EXPECT_EQ(r.rows[1].value, 4.0f);
    EXPECT_EQ(r.rows[1].line, 5u);
}
