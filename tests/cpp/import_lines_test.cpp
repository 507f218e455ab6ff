// A visitor's file with a line the CSV reader cannot read (a stray quote, a field too many, a quote
// never closed: what a hand edit leaves) imports its other rows and lists that line with its reason;
// a file with no readable row is still refused, and MovieLens's own files still are, whole.
#include <gtest/gtest.h>

#include <string>

#include "catalog.hpp"
#include "error.hpp"
#include "imports.hpp"
#include "ratings.hpp"

namespace {

const reel::Catalog& films() {
    static const reel::Catalog c = reel::Catalog::parse(
        "movieId,title,genres\n"
        "1,Toy Story (1995),Animation|Comedy\n"
        "2,Jumanji (1995),Adventure|Children|Fantasy\n"
        "32,Twelve Monkeys (a.k.a. 12 Monkeys) (1995),Mystery|Sci-Fi|Thriller\n"
        "260,Star Wars: Episode IV - A New Hope (1977),Action|Adventure|Sci-Fi\n");
    return c;
}

const std::unordered_map<int64_t, int32_t> kNoIds;

reel::Imported letterboxd_rows(const std::string& rows) {
    return reel::import_ratings("Date,Name,Year,Letterboxd URI,Rating\n" + rows, "ratings.csv", films(), kNoIds);
}

std::string matched_lines(const reel::Imported& r) {
    std::string out;
    for (const reel::ImportedRating& m : r.matched) out += std::to_string(m.movie_id) + "@" + std::to_string(m.line) + " ";
    return out;
}

}  // namespace

TEST(ImportLines, AStrayQuoteOrAFieldTooManyCostsOnlyItsLine) {
    const reel::Imported r = letterboxd_rows(
        "2024-01-01,Toy Story,1995,https://boxd.it/a,4\n"
        "2024-01-02,Jumanji 12\" Single,1995,https://boxd.it/b,3\n"  // an unquoted quote
        "2024-01-03,Twelve Monkeys,1995,https://boxd.it/c,4.5\n"
        "2024-01-04,Star Wars,1977,https://boxd.it/d,5,extra\n"  // a field too many
        "2024-01-05,\"Jumanji\" ,1995,https://boxd.it/e,3\n"     // text after a closing quote
        "2024-01-06,Jumanji,1995,https://boxd.it/f,2.5\n");
    EXPECT_EQ(matched_lines(r), "1@2 32@4 2@7 ");
    ASSERT_EQ(r.unmatched.size(), 3u);
    EXPECT_EQ(r.unmatched[0].line, 3u);
    EXPECT_EQ(r.unmatched[0].reason, "the line could not be read: a quote inside an unquoted field");
    EXPECT_EQ(r.unmatched[1].line, 5u);
    EXPECT_EQ(r.unmatched[1].reason, "the line could not be read: expected 5 fields, found 6");
    EXPECT_EQ(r.unmatched[2].line, 6u);
    EXPECT_EQ(r.unmatched[2].reason, "the line could not be read: unexpected text ' ' after a closing quote");
    for (const reel::Unmatched& u : r.unmatched) EXPECT_TRUE(u.unreadable) << "line " << u.line;
}

TEST(ImportLines, AnUnreadableLineIsToldFromARowThatNamedNoKnownFilm) {
    // The page counts films named against films matched: a line that could not be read named none.
    const reel::Imported r = letterboxd_rows(
        "2024-01-01,Toy Story,1995,https://boxd.it/a,4\n"
        "2024-01-02,Jumanji,1995,https://boxd.it/b,3,x\n"
        "2024-01-03,Not A Film,2031,https://boxd.it/c,4\n");
    ASSERT_EQ(r.unmatched.size(), 2u);
    EXPECT_TRUE(r.unmatched[0].unreadable);
    EXPECT_FALSE(r.unmatched[1].unreadable);
    EXPECT_EQ(r.unmatched[1].title, "Not A Film");
}

TEST(ImportLines, AQuoteNeverClosedCostsOnlyTheLineWhereItOpened) {
    // Left alone, the quote on line 3 swallows every line after it: the rest is read from line 4.
    const reel::Imported r = letterboxd_rows(
        "2024-01-01,Toy Story,1995,https://boxd.it/a,4\n"
        "2024-01-02,\"Jumanji,1995,https://boxd.it/b,3\n"
        "2024-01-03,Twelve Monkeys,1995,https://boxd.it/c,4.5\n"
        "2024-01-04,Star Wars,1977,https://boxd.it/d,5\n");
    EXPECT_EQ(matched_lines(r), "1@2 32@4 260@5 ");
    ASSERT_EQ(r.unmatched.size(), 1u);
    EXPECT_EQ(r.unmatched[0].line, 3u);
    EXPECT_EQ(r.unmatched[0].reason, "the line could not be read: a quoted field is never closed");
}

TEST(ImportLines, AQuotedTitleOverTwoLinesStillReadsAsOneRow) {
    // A field quoted across a line break is one row, and the line numbers after it still count lines.
    const reel::Imported r = letterboxd_rows(
        "2024-01-01,\"Toy\nStory\",1995,https://boxd.it/a,4,extra\n"  // two lines, a field too many
        "2024-01-03,Twelve Monkeys,1995,https://boxd.it/c,4.5\n");
    EXPECT_EQ(matched_lines(r), "32@4 ");
    ASSERT_EQ(r.unmatched.size(), 1u);
    EXPECT_EQ(r.unmatched[0].line, 2u);
}

TEST(ImportLines, ARowBrokenOnALaterLineOfAQuotedTitleIsListedOnceOnThatLine) {
    // The title's quotes span lines 2 and 3; the stray quote is on line 3: one entry, and line 4 is read.
    const reel::Imported r = letterboxd_rows(
        "2024-01-01,\"Toy\nStory\",1995,x\"y,4\n"
        "2024-01-03,Twelve Monkeys,1995,https://boxd.it/c,4.5\n");
    EXPECT_EQ(matched_lines(r), "32@4 ");
    ASSERT_EQ(r.unmatched.size(), 1u);
    EXPECT_EQ(r.unmatched[0].line, 3u);
    EXPECT_EQ(r.unmatched[0].reason, "the line could not be read: a quote inside an unquoted field");
}

TEST(ImportLines, EveryFormatPassesOverAnUnreadableLine) {
    const std::unordered_map<int64_t, int32_t> links{{114709, 1}, {113497, 2}};
    const reel::Imported imdb = reel::import_ratings(
        "Const,Your Rating,Title,Year\ntt0114709,8,Toy \"Story,1995\ntt0113497,6,Jumanji,1995\n", "imdb.csv", films(), links);
    EXPECT_EQ(matched_lines(imdb), "2@3 ");
    ASSERT_EQ(imdb.unmatched.size(), 1u);
    EXPECT_EQ(imdb.unmatched[0].line, 2u);

    const reel::Imported own = reel::import_ratings("movieId,rating,mark\n1,4,\n2,3,seen,x\n32,4.5,\n", "reel.csv", films(), kNoIds);
    EXPECT_EQ(matched_lines(own), "1@2 32@4 ");
    ASSERT_EQ(own.unmatched.size(), 1u);
    EXPECT_EQ(own.unmatched[0].line, 3u);
}

TEST(ImportLines, AFileWithNoReadableRowIsRefusedWithItsFirstLine) {
    try {
        letterboxd_rows("2024-01-01,Toy \"Story,1995,https://boxd.it/a,4\n2024-01-02,Jumanji,1995,https://boxd.it/b,3,x\n");
        FAIL() << "a file with no readable row imported";
    } catch (const reel::Error& e) {
        EXPECT_STREQ(e.what(), "ratings.csv line 2: a quote inside an unquoted field");
    }
}

TEST(ImportLines, MovieLensRatingsAreStillRefusedWhole) {
    EXPECT_THROW(reel::parse_ratings("userId,movieId,rating,timestamp\n1,1,4,0\n1,2,3\"x,0\n1,32,4,0\n"), reel::Error);
    EXPECT_THROW(reel::Catalog::parse("movieId,title,genres\n1,Toy Story (1995),Animation\n2,Jumanji \"x (1995),Comedy\n"), reel::Error);
}
