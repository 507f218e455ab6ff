// Beyond accuracy by hand: each measure of evaluation.md on lists small enough to work out on paper.
#include <gtest/gtest.h>

#include <cmath>

#include "catalog.hpp"
#include "list_measures.hpp"
#include "train_index.hpp"

namespace {

// Films 0..3: A, B, A|B, no genre. Training counts: 3, 1, 2, 1 (by users 0..2).
struct Small {
    reel::Catalog catalog =
        reel::Catalog::parse("movieId,title,genres\n1,F0 (2000),A\n2,F1 (2000),B\n3,F2 (2000),A|B\n4,F3 (2000),(no genres listed)\n");
    std::vector<reel::Rating> train = {{0, 0, 5}, {1, 0, 4}, {2, 0, 3}, {0, 1, 2}, {1, 2, 4}, {2, 2, 1}, {2, 3, 4}};
    reel::TrainIndex index{train, 3, 4};
};

}  // namespace

TEST(ListMeasures, ByHand) {
    Small s;
    ASSERT_EQ(s.index.count(0), 3);
    reel::ListMeasures m(s.catalog, s.index);
    // Viewer 1 liked film 0 (A) and not film 1: p = {A: 1}. The list {1, 2}: q = {A: 0.25, B: 0.75}.
    m.add({1, 2}, {{0, 5.0f}, {1, 2.0f}});
    // Viewer 2 liked film 3 (no genre) and film 2 (A|B): p = {A: .25, B: .25, none: .5}; list {3, 0}: q = {none: .5, A: .5}.
    m.add({3, 0}, {{3, 4.0f}, {2, 3.5f}});
    const reel::ListFigures f = m.figures();
    const double kl1 = std::log(1 / (0.99 * 0.25 + 0.01));
    const double kl2 =
        0.25 * std::log(0.25 / (0.99 * 0.5 + 0.0025)) + 0.25 * std::log(0.25 / (0 + 0.0025)) + 0.5 * std::log(0.5 / (0.99 * 0.5 + 0.005));
    EXPECT_NEAR(f.miscalibration, (kl1 + kl2) / 2, 1e-12);
    // Lift: viewer 1 listed counts (1 + 2) / 2 against own (3 + 1) / 2; viewer 2 (1 + 3) / 2 against (1 + 2) / 2.
    EXPECT_NEAR(f.popularity_lift, ((1.5 / 2.0 - 1) + (2.0 / 1.5 - 1)) / 2, 1e-12);
    // Every film is among the 50 most-rated of this tiny catalogue.
    EXPECT_DOUBLE_EQ(f.top50_share, 1.0);
    EXPECT_DOUBLE_EQ(f.coverage, 4.0 / 4.0);
    EXPECT_DOUBLE_EQ(f.overlap, 0.0);  // {1, 2} and {0, 3} share nothing
    m.add({2, 1}, {{0, 5.0f}});        // the same films as viewer 1's, in another order
    EXPECT_DOUBLE_EQ(m.figures().overlap, (0.0 + 1.0 + 0.0) / 3);
}

TEST(ListMeasures, AListThatMatchesTheTasteIsCalibratedAndAViewerWhoLikedNothingIsLeftOut) {
    Small s;
    reel::ListMeasures m(s.catalog, s.index);
    m.add({0}, {{0, 5.0f}});
    EXPECT_NEAR(m.figures().miscalibration, 0.0, 1e-12);
    m.add({1}, {{1, 1.0f}});  // liked nothing: no p, so no C_KL — but still a list for the other measures
    EXPECT_NEAR(m.figures().miscalibration, 0.0, 1e-12);
    EXPECT_DOUBLE_EQ(m.figures().coverage, 2.0 / 4.0);
}

TEST(ListMeasures, TheMostRatedBreakTiesByTheSmallerFilm) {
    Small s;
    EXPECT_EQ(reel::most_rated(s.index, 3), (std::vector<int32_t>{0, 2, 1}));
}
