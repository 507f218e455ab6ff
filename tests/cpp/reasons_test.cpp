// Reasons that discriminate (reasons.hpp): by hand on a small matrix of shares, then on the real
// data, where a varied viewer's ten picks should not all give the same film as their reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "engine.hpp"
#include "reasons.hpp"
#include "trained.hpp"

TEST(Reasons, NameWhatPushesThisPickMoreThanTheOthers) {
    // Rated film 0 lifts every pick a lot; film 1 only pick 0, film 2 only pick 1; film 3 pulls down.
    const std::vector<std::vector<float>> shares = {
        {0.9f, 0.5f, 0.0f, -0.2f},
        {0.8f, 0.0f, 0.4f, -0.2f},
        {1.0f, 0.1f, 0.1f, 0.3f},
    };
    const auto r = reel::discriminating_reasons(shares, 2, 10);
    EXPECT_EQ(r[0], (std::vector<size_t>{1, 0}));  // film 1: 0.5 against 0.05 elsewhere; film 0 only 0.0 above the rest
    EXPECT_EQ(r[1], (std::vector<size_t>{2, 0}));
    EXPECT_EQ(r[2], (std::vector<size_t>{3, 0}));  // film 3 pulls the others down and this one up
    // Only films that pushed the pick up are named, however much less they pulled the others.
    for (const auto& reasons : r)
        for (size_t i = 0; i < reasons.size(); ++i) EXPECT_GT(shares[&reasons - r.data()][reasons[i]], 0);
}

TEST(Reasons, AreWorkedOutWithinEachBlockSoALongerListKeepsTheFirstBlocksReasons) {
    const std::vector<std::vector<float>> two = {{0.5f, 0.1f}, {0.1f, 0.5f}};
    std::vector<std::vector<float>> four = two;
    four.push_back({0.9f, 0.9f});
    four.push_back({0.2f, 0.1f});
    const auto a = reel::discriminating_reasons(two, 1, 2), b = reel::discriminating_reasons(four, 1, 2);
    EXPECT_EQ(b[0], a[0]);
    EXPECT_EQ(b[1], a[1]);
    EXPECT_EQ(reel::discriminating_reasons({{0.3f, 0.6f}}, 2, 10)[0], (std::vector<size_t>{1, 0}));  // alone: by share
}

TEST(Reasons, AVariedViewersPicksRarelyShareTheirFirstReason) {
    const reel::Engine& e = reel_test::shared(reel_test::Trained::page);
    // Fifteen films across the catalogue's tastes, movieIds of latest-small.
    const std::vector<reel::ProfileEntry> profile = {{1, 5},      {2571, 4.5}, {318, 5}, {858, 4},   {4973, 5},
                                                     {5618, 4.5}, {1214, 5},   {608, 4}, {296, 4.5}, {1721, 2},
                                                     {1258, 5},   {2959, 4},   {356, 3}, {527, 4.5}, {7361, 5}};
    const reel::VisitorPicks picks = e.recommend_for(profile, 10, "");
    ASSERT_EQ(picks.picks.size(), 10u);
    std::set<int32_t> first, largest;
    for (const reel::Recommendation& r : picks.picks) {
        ASSERT_FALSE(r.because.empty());
        first.insert(r.because[0].movie_id);
        // What the largest share alone would name.
        const reel::Explained x = e.explain_for(profile, r.movie_id, picks.model->name);
        largest.insert(std::max_element(x.shares.begin(), x.shares.end(), [](auto& a, auto& b) { return a.share < b.share; })->movie_id);
        for (const reel::Reason& reason : r.because) EXPECT_GT(reason.share, 0);
    }
    EXPECT_GE(first.size(), 7u) << largest.size();
    EXPECT_GT(first.size(), largest.size());
}
