// The packed bundle: the same data, split and models to the bit as the CSVs it was packed from,
// on MovieLens and on rows in any order with repeats; and anything damaged refused plainly.
#include <gtest/gtest.h>

#include <string>

#include "engine.hpp"
#include "packed.hpp"
#include "support.hpp"
#include "trained.hpp"

namespace {

using reel_test::error_of;
using reel_test::read;

const std::string kPackMovies =
    "movieId,title,genres\n"
    "3,Heat (1995),Action|Crime|Thriller\n"
    "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n"
    "7,\"Usual Suspects, The (1995)\",Crime|Mystery|Thriller\n"
    "12,Tarkovsky Film Without a Year,(no genres listed)\n";
// Users interleaved and out of order, films out of order within a user, and user 5's film 3
// rated twice: the later timestamp (the 2.5) must stand, as the CSV parse resolves it.
const std::string kRatings =
    "userId,movieId,rating,timestamp\n"
    "5,7,4.0,10\n"
    "2,1,0.5,10\n"
    "5,3,1.0,30\n"
    "5,1,5.0,10\n"
    "2,12,3.5,10\n"
    "9,3,4.5,10\n"
    "5,3,2.5,40\n"
    "2,7,3.0,10\n";

std::string packed_small() { return reel::pack(reel::Catalog::parse(kPackMovies), reel::parse_ratings(kRatings)); }

TEST(Packed, GivesBackTheCatalogueAndTheRowsInTheirOrder) {
    const reel::Catalog c = reel::Catalog::parse(kPackMovies);
    const reel::RatingRows rows = reel::parse_ratings(kRatings);
    const reel::Unpacked u = reel::unpack(packed_small(), "small.pack");

    ASSERT_EQ(u.catalog.size(), c.size());
    EXPECT_EQ(u.catalog.genre_names(), c.genre_names());
    for (size_t i = 0; i < c.size(); ++i) {
        EXPECT_EQ(u.catalog.film(i).movie_id, c.film(i).movie_id);
        EXPECT_EQ(u.catalog.film(i).title, c.film(i).title);
        EXPECT_EQ(u.catalog.film(i).year, c.film(i).year);
        EXPECT_EQ(u.catalog.film(i).genres, c.film(i).genres);
    }
    EXPECT_EQ(u.catalog.film(1).year, 1995);
    ASSERT_EQ(u.rows.rows.size(), 7u);
    EXPECT_EQ(u.rows.duplicates, 1u);
    for (size_t i = 0; i < rows.rows.size(); ++i) {
        EXPECT_EQ(u.rows.rows[i].user_id, rows.rows[i].user_id) << i;
        EXPECT_EQ(u.rows.rows[i].movie_id, rows.rows[i].movie_id) << i;
        EXPECT_EQ(u.rows.rows[i].value, rows.rows[i].value) << i;
    }
}

TEST(Packed, MovieLensGivesTheSameSplitAndModelsToTheBit) {
    const std::string dir = reel_test::data_dir();
    const std::string movies = read(dir + "/movies.csv");
    const std::string ratings = read(dir + "/ratings.csv");
    const std::string packed = reel::pack(reel::Catalog::parse(movies), reel::parse_ratings(ratings));
    EXPECT_LT(packed.size(), (movies.size() + ratings.size()) / 4);  // what the site saves on every first visit

    // The CSVs' engine is the one the other real-data tests share (trained on the same files, seed 42).
    const reel::Engine& from_csv = reel_test::shared(reel_test::Trained::page);
    reel::Engine from_pack;
    const reel::Summary s = from_pack.load_packed(packed, 42);
    EXPECT_EQ(s.ratings, 100836u);
    EXPECT_EQ(from_pack.fingerprint(), from_csv.fingerprint());  // catalogue, users and both halves of the split
    from_pack.train();
    EXPECT_TRUE(from_pack.save() == from_csv.save());  // every model, bit for bit (a mismatch would print megabytes)
}

TEST(Packed, TheFilmsAloneNeedOnlyTheirSection) {
    const std::string p = packed_small();
    EXPECT_EQ(reel::packed_films_end(p.substr(0, 15), "p"), 0u);  // not enough to say yet
    const size_t end = reel::packed_films_end(p.substr(0, 16), "p");
    ASSERT_GT(end, 16u);
    ASSERT_LT(end, p.size());
    reel::Engine e;
    e.load_packed_films(p.substr(0, end));
    EXPECT_EQ(e.catalog().size(), 4u);
    EXPECT_FALSE(e.search("usual suspects", 5).empty());
    EXPECT_FALSE(e.loaded());  // search works; the models wait for the ratings
    EXPECT_NE(error_of([&] { e.load_packed_films(p.substr(0, end - 1)); }), "");
}

TEST(Packed, DamageIsRefusedPlainlyAndTheEngineKeepsItsData) {
    const std::string p = packed_small();
    reel::Engine e;
    e.load_packed(p, 42);
    const uint64_t before = e.fingerprint();

    auto refused = [&](const std::string& bytes) { return error_of([&] { e.load_packed(bytes, 42, "site.pack"); }); };
    EXPECT_NE(refused("movieId,title\n1,A\n").find("is not a Reel pack"), std::string::npos);
    std::string other = p;
    other[8] = 2;
    EXPECT_NE(refused(other).find("site.pack is pack version 2; this engine reads version 1"), std::string::npos);
    std::string flipped = p;
    flipped[30] ^= 0x10;  // inside the films' payload
    EXPECT_NE(refused(flipped).find("checksum does not match"), std::string::npos);
    EXPECT_NE(refused(p + "x").find("after its last section"), std::string::npos);
    for (size_t n = 0; n < p.size(); ++n) EXPECT_NE(refused(p.substr(0, n)), "") << "cut to " << n << " bytes";
    EXPECT_EQ(e.fingerprint(), before);
    EXPECT_EQ(e.data().train.size() + e.data().test.size(), 7u);
}

TEST(Packed, RowsWhoseFilmIsNotInTheCatalogueCannotBePacked) {
    const reel::RatingRows rows = reel::parse_ratings("userId,movieId,rating\n1,1,4\n1,99,3\n");
    EXPECT_EQ(error_of([&] { reel::pack(reel::Catalog::parse(kPackMovies), rows); }),
              "ratings.csv line 3: movieId 99 is not in movies.csv");
}

TEST(Packed, TheCliWritesWhatTheEngineReads) {
    const std::string out = testing::TempDir() + "/reel-pack-test.pack";
    int status = -1;
    const std::string said = reel_test::run("pack --data " + reel_test::data_dir() + " --out " + out, &status);
    ASSERT_EQ(status, 0) << said;
    EXPECT_NE(said.find("packed 100836 ratings"), std::string::npos) << said;
    reel::Engine e;
    EXPECT_EQ(e.load_packed(read(out), 42).ratings, 100836u);
    EXPECT_EQ(e.fingerprint(), reel_test::shared(reel_test::Trained::page).fingerprint());
    std::remove(out.c_str());
}

}  // namespace
