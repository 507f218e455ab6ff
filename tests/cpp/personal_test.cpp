// The default list's re-ranking (personal.hpp) on catalogues small enough to follow by hand:
// it follows the genres a viewer liked, steps away from the crowd, and keeps the model's scores.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>

#include "catalog.hpp"
#include "genre_mix.hpp"
#include "personal.hpp"
#include "train_index.hpp"

namespace {

// Films 0..7: six dramas scored best, then a horror film and a comedy. Film f was rated by
// f + 1 users, so film 0 is the least rated and film 7 the most.
struct Shelf {
    reel::Catalog catalog = reel::Catalog::parse(
        "movieId,title,genres\n1,D0 (2000),Drama\n2,D1 (2000),Drama\n3,D2 (2000),Drama\n4,D3 (2000),Drama\n5,D4 (2000),Drama\n"
        "6,D5 (2000),Drama\n7,H (2000),Horror\n8,C (2000),Comedy\n");
    std::vector<reel::Rating> train = [] {
        std::vector<reel::Rating> r;
        for (int f = 0; f < 8; ++f)
            for (int u = 0; u <= f; ++u) r.push_back({u, f, 4});
        return r;
    }();
    reel::TrainIndex index{train, 8, 8};
    // The model's candidates, best first: the dramas, then horror, then comedy.
    std::vector<reel::Scored> pool = {{0, 0.9f}, {1, 0.85f}, {2, 0.8f}, {3, 0.75f}, {4, 0.7f}, {5, 0.65f}, {6, 0.6f}, {7, 0.55f}};
    // A viewer who liked a horror film and a comedy (films outside the pool's are not needed: genres suffice).
    std::vector<reel::Rated> given = {{6, 5.0f}, {7, 4.5f}, {0, 2.0f}};
};

double miscalibration_of(const Shelf& s, const std::vector<reel::Scored>& list) {
    reel::GenreMix q{};
    for (const reel::Scored& x : list) reel::add_genres(s.catalog, x.film, 1.0 / static_cast<double>(list.size()), q);
    return reel::miscalibration(reel::liked_mix(s.catalog, s.given), q);
}

std::vector<int32_t> films(const std::vector<reel::Scored>& list) {
    std::vector<int32_t> f;
    for (const reel::Scored& x : list) f.push_back(x.film);
    return f;
}

}  // namespace

TEST(Personal, WithNeitherStrengthTheListIsTheModelsOwnTop) {
    Shelf s;
    const reel::Personal plain{0, 0, 100};
    EXPECT_TRUE(plain.plain());
    EXPECT_EQ(plain.pool_for(4), 4u);  // nothing to re-rank, nothing more to score
    EXPECT_EQ(films(reel::personal_list(s.pool, s.given, s.catalog, s.index, 4, plain)), (std::vector<int32_t>{0, 1, 2, 3}));
}

TEST(Personal, CalibrationBringsInTheGenresTheViewerLiked) {
    Shelf s;
    const std::vector<reel::Scored> plain = reel::personal_list(s.pool, s.given, s.catalog, s.index, 4, reel::Personal{0, 0, 100});
    const std::vector<reel::Scored> own = reel::personal_list(s.pool, s.given, s.catalog, s.index, 4, reel::Personal{0.6f, 0, 100});
    // All-drama against a horror-and-comedy taste is as far as it gets; the calibrated list takes both.
    const std::vector<int32_t> f = films(own);
    EXPECT_NE(std::find(f.begin(), f.end(), 6), f.end());
    EXPECT_NE(std::find(f.begin(), f.end(), 7), f.end());
    EXPECT_LT(miscalibration_of(s, own), miscalibration_of(s, plain) / 2);
    // The dramas it keeps are the model's best, in the model's order, with the model's scores.
    std::vector<int32_t> dramas;
    std::copy_if(f.begin(), f.end(), std::back_inserter(dramas), [](int32_t film) { return film < 6; });
    EXPECT_EQ(dramas, (std::vector<int32_t>{0, 1}));
    for (const reel::Scored& x : own) EXPECT_EQ(x.score, s.pool[static_cast<size_t>(x.film)].score);
    // Chosen as a set, shown best first.
    EXPECT_TRUE(std::is_sorted(own.begin(), own.end(), [](const reel::Scored& a, const reel::Scored& b) { return a.score > b.score; }));
    EXPECT_EQ(std::set<int32_t>(f.begin(), f.end()).size(), f.size());
}

TEST(Personal, AViewerWhoLikedNothingIsNotCalibrated) {
    Shelf s;
    const std::vector<reel::Rated> disliked = {{6, 1.0f}, {7, 2.0f}};
    EXPECT_EQ(films(reel::personal_list(s.pool, disliked, s.catalog, s.index, 4, reel::Personal{0.6f, 0, 100})),
              (std::vector<int32_t>{0, 1, 2, 3}));
}

TEST(Personal, ThePopularityStrengthPrefersTheLessRatedOfCloseCandidates) {
    Shelf s;
    // Equal scores: relevance ties, so β alone orders them, the least rated (smallest film) first.
    std::vector<reel::Scored> tied = {{7, 0.5f}, {5, 0.5f}, {3, 0.5f}, {1, 0.5f}};
    EXPECT_EQ(films(reel::personal_list(tied, {}, s.catalog, s.index, 4, reel::Personal{0, 1, 100})), (std::vector<int32_t>{1, 3, 5, 7}));
    // Far apart in score, a small β does not overturn the model.
    EXPECT_EQ(films(reel::personal_list(s.pool, {}, s.catalog, s.index, 3, reel::Personal{0, 0.05f, 100})),
              (std::vector<int32_t>{0, 1, 2}));
}

TEST(Personal, ALongerListOnlyAddsBelowTheShorterOne) {
    // 30 films of three genres in turn, scored down the pool; a taste of all three.
    std::string csv = "movieId,title,genres\n";
    const char* genres[] = {"Drama", "Horror", "Comedy"};
    for (int f = 0; f < 30; ++f)
        csv += std::to_string(f + 1) + ",F" + std::to_string(f) + " (2000)," + genres[f % 5 == 0 ? 1 + f % 2 : 0] + "\n";
    const reel::Catalog catalog = reel::Catalog::parse(csv);
    std::vector<reel::Rating> train;
    for (int f = 0; f < 30; ++f) train.push_back({0, f, 4});
    const reel::TrainIndex index{train, 1, 30};
    std::vector<reel::Scored> pool;
    for (int f = 0; f < 30; ++f) pool.push_back({f, 1.0f - 0.01f * static_cast<float>(f)});
    const std::vector<reel::Rated> given = {{0, 5}, {5, 5}, {10, 5}};
    const reel::Personal personal{0.6f, 0, 100};
    const std::vector<int32_t> ten = films(reel::personal_list(pool, given, catalog, index, 10, personal));
    const std::vector<int32_t> twenty = films(reel::personal_list(pool, given, catalog, index, 20, personal));
    ASSERT_EQ(twenty.size(), 20u);
    EXPECT_EQ(std::vector<int32_t>(twenty.begin(), twenty.begin() + 10), ten);
    EXPECT_NE(ten, (std::vector<int32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));  // re-ranked, not the pool's top
}

TEST(Personal, AShortPoolGivesWhatItHas) {
    Shelf s;
    const std::vector<reel::Scored> two(s.pool.begin(), s.pool.begin() + 2);
    EXPECT_EQ(reel::personal_list(two, s.given, s.catalog, s.index, 10, reel::Personal{0.6f, 0.2f, 100}).size(), 2u);
    EXPECT_TRUE(reel::personal_list({}, s.given, s.catalog, s.index, 10, reel::Personal{0.6f, 0.2f, 100}).empty());
    EXPECT_EQ(reel::Personal({0.6f, 0, 100}).pool_for(60), 120u);  // at least twice the list, to have a choice
}
