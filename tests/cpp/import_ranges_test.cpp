// Imports take only what is there (issue 24): years, ratings and ids in their real ranges and
// grammars, no arithmetic that overflows on a huge year, a missing links.csv named as such, and
// every title a report echoes cut to a readable length with its control characters escaped.
#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "catalog.hpp"
#include "error.hpp"
#include "imports.hpp"

namespace {

const reel::Catalog& catalog() {
    static const reel::Catalog c = reel::Catalog::parse(
        "movieId,title,genres\n"
        "1,Toy Story (1995),Animation|Comedy\n"
        "4973,\"Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)\",Comedy|Romance\n");
    return c;
}

const std::unordered_map<int64_t, int32_t>& imdb() {
    static const std::unordered_map<int64_t, int32_t> ids = reel::parse_links("movieId,imdbId\n1,0114709\n4973,0211915\n").imdb_to_movie;
    return ids;
}

reel::Imported letterboxd(const std::string& year, const std::string& rating, const std::string& name = "Amélie") {
    return reel::import_ratings(
        "Date,Name,Year,Letterboxd URI,Rating\n2024-01-01," + name + "," + year + ",https://boxd.it/x," + rating + "\n", "ratings.csv",
        catalog(), imdb());
}

reel::Imported imdb_export(const std::string& id, const std::string& rating, const std::string& year = "1995") {
    return reel::import_ratings("Const,Your Rating,Title,Year\n" + id + "," + rating + ",Toy Story," + year + "\n", "imdb.csv", catalog(),
                                imdb());
}

}  // namespace

TEST(ImportRanges, ALetterboxdYearOutsideTheYearsOfFilmsMatchesNothing) {
    ASSERT_EQ(letterboxd("2001", "4").matched.size(), 1u);  // the good row, for contrast
    // 2³² + 2001 once wrapped to 2001 and matched Amélie; ±INT64_MAX overflowed in year ± 1.
    for (const std::string year : {"4294969297", "9223372036854775807", "-9223372036854775807", "-2001", "+2001", "20O1", "1500"}) {
        const reel::Imported r = letterboxd(year, "4");
        EXPECT_TRUE(r.matched.empty()) << year;
        ASSERT_EQ(r.unmatched.size(), 1u) << year;
        EXPECT_EQ(r.unmatched[0].year, 0) << year;  // no year echoed that the file did not give
        EXPECT_EQ(r.unmatched[0].reason, "year " + reel::quoted(year) + " is not a year from 1870 to 2100");
    }
}

TEST(ImportRanges, ARatingMustBeAHalfStarFromHalfToFive) {
    for (const std::string rating : {"-0.5", "-0", "+4", "0", "0.0", "5.5", "4.25", " 4", "1e1"}) {
        const reel::Imported r = letterboxd("2001", rating);
        EXPECT_TRUE(r.matched.empty()) << rating;
        ASSERT_EQ(r.unmatched.size(), 1u) << rating;
        EXPECT_EQ(r.unmatched[0].reason, "rating " + reel::quoted(rating) + " is not a half star from 0.5 to 5");
    }
    for (const std::string rating : {"-1", "0", "11", "+5", "5.0"}) {
        const reel::Imported r = imdb_export("tt0114709", rating);
        EXPECT_TRUE(r.matched.empty()) << rating;
        ASSERT_EQ(r.unmatched.size(), 1u);
        EXPECT_EQ(r.unmatched[0].reason, "rating " + reel::quoted(rating) + " is not a whole number from 1 to 10");
    }
    const reel::Imported reel_own = reel::import_ratings("movieId,rating\n1,-0.5\n", "reel.csv", catalog(), imdb());
    ASSERT_EQ(reel_own.unmatched.size(), 1u);
    EXPECT_EQ(reel_own.unmatched[0].reason, "rating '-0.5' is not a half star from 0.5 to 5");
}

TEST(ImportRanges, AnImdbIdOutsideItsGrammarIsMalformedNotUnknown) {
    ASSERT_EQ(imdb_export("tt0114709", "10").matched.size(), 1u);
    for (const std::string id : {"tt-0114709", "tt+0114709", "tt0", "tt", "tt 0114709", "tt99999999999999999999", "0114709"}) {
        const reel::Imported r = imdb_export(id, "8");
        ASSERT_EQ(r.unmatched.size(), 1u) << id;
        EXPECT_EQ(r.unmatched[0].reason, "IMDb id " + reel::quoted(id) + " is not of the form tt0114709");
    }
    const reel::Imported r = imdb_export("tt0114709", "8", "9223372036854775807");
    ASSERT_EQ(r.unmatched.size(), 1u);
    EXPECT_EQ(r.unmatched[0].reason, "year '9223372036854775807' is not a year from 1870 to 2100");
}

TEST(ImportRanges, AnImdbExportWithoutLinksCsvNamesTheMissingFile) {
    const reel::Imported r =
        reel::import_ratings("Const,Your Rating,Title,Year\ntt0114709,10,Toy Story,1995\ntt-1,10,Bad,1995\n", "imdb.csv", catalog(), {});
    ASSERT_EQ(r.unmatched.size(), 2u);
    EXPECT_EQ(r.unmatched[0].reason, "no links.csv in this MovieLens ties its films to IMDb ids");  // not "not in this catalogue"
    EXPECT_EQ(r.unmatched[1].reason, "IMDb id 'tt-1' is not of the form tt0114709");
    // A list's unrated rows could match no better read another way: no guess to offer correcting.
    const reel::Imported list =
        reel::import_ratings("Const,Your Rating,Title,Year\ntt0114709,,Toy Story,1995\n", "list.csv", catalog(), {});
    EXPECT_EQ(list.unrated_guess, "");
}

TEST(ImportRanges, OnlySeriesEpisodesGamesAndPodcastsAreSaidNotToBeFilms) {
    // MovieLens holds documentaries, shorts and TV films: one it lacks is "not in this catalogue".
    const std::unordered_map<int64_t, int32_t> links{{114709, 1}};
    const reel::Imported r = reel::import_ratings(
        "Const,Your Rating,Title,Year,Title Type\n"
        "tt0000001,8,A,2000,Documentary\ntt0000002,8,B,2000,TV Movie\ntt0000003,8,C,2000,Short\n"
        "tt0000004,8,D,2000,TV Mini Series\ntt0000005,8,E,2000,TV Episode\ntt0000006,8,F,2000,Video Game\n",
        "imdb.csv", catalog(), links);
    std::vector<std::string> reasons;
    for (const reel::Unmatched& u : r.unmatched) reasons.push_back(u.reason);
    EXPECT_EQ(reasons, (std::vector<std::string>{"not in this MovieLens catalogue", "not in this MovieLens catalogue",
                                                 "not in this MovieLens catalogue", "a TV Mini Series, not a film in MovieLens",
                                                 "a TV Episode, not a film in MovieLens", "a Video Game, not a film in MovieLens"}));
}

TEST(ImportRanges, AnEchoedTitleIsCutAndItsControlCharactersEscaped) {
    const reel::Imported big = letterboxd("2001", "4", std::string(1 << 20, 'x'));
    ASSERT_EQ(big.unmatched.size(), 1u);
    EXPECT_LE(big.unmatched[0].title.size(), reel::kShownTitle + 3);  // and "…"
    EXPECT_EQ(big.unmatched[0].title.substr(big.unmatched[0].title.size() - 3), "…");
    const reel::Imported raw = letterboxd("2001", "4", "\"Bad\x1b[2J\rTitle\"");
    ASSERT_EQ(raw.unmatched.size(), 1u);
    EXPECT_EQ(raw.unmatched[0].title, "Bad\\x1b[2J\\rTitle");
}
