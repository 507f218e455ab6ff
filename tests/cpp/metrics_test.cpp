// RMSE, Recall@k and top-N on examples small enough to work out by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "metrics.hpp"

TEST(Metrics, RmseByHand) {
    const std::vector<reel::Rating> test = {{0, 0, 4.0f}, {0, 1, 2.0f}, {1, 0, 3.0f}};
    // errors 1, −1, 0.5 → √((1 + 1 + 0.25) / 3)
    const double r = reel::rmse(test, [](int u, int i) { return u == 1 ? 2.5f : (i == 0 ? 3.0f : 3.0f); });
    EXPECT_DOUBLE_EQ(r, std::sqrt(2.25 / 3));
}

TEST(Metrics, TopNBreaksTiesBySmallerFilm) {
    reel::TopN top(3);
    for (int f : {5, 2, 9, 1, 7}) top.offer(f, f == 9 ? 2.0f : 1.0f);
    const auto best = top.take();
    ASSERT_EQ(best.size(), 3u);
    EXPECT_EQ(best[0].film, 9);
    EXPECT_EQ(best[1].film, 1);
    EXPECT_EQ(best[2].film, 2);
}

TEST(Metrics, RecommendSkipsTheUsersOwnFilms) {
    // Films 0..5 are all in training; user 0 rated 1 and 3.
    const std::vector<reel::Rating> train = {{0, 1, 4}, {0, 3, 4}, {1, 0, 3}, {1, 2, 3}, {1, 4, 3}, {1, 5, 3}};
    reel::TrainIndex index(train, 2, 6);
    const auto top = reel::recommend(index, 0, 10, [](int, int i) { return float(i); });
    std::vector<int> films;
    for (const auto& s : top) films.push_back(s.film);
    EXPECT_EQ(films, (std::vector<int>{5, 4, 2, 0}));
}

TEST(Metrics, RecallByHand) {
    // Six films in training; user 0 rated film 0, user 1 rated film 5.
    const std::vector<reel::Rating> train = {{0, 0, 4}, {1, 5, 4}, {2, 1, 1}, {2, 2, 1}, {2, 3, 1}, {2, 4, 1}};
    reel::TrainIndex index(train, 3, 7);
    // Test: user 0 liked 1 and 2 (and disliked 3); user 1 liked 6 (never in training); user 2 liked nothing.
    const std::vector<reel::Rating> test = {{0, 1, 4.0f}, {0, 2, 5.0f}, {0, 3, 3.5f}, {1, 6, 4.5f}, {2, 5, 2.0f}};
    const auto relevant = reel::relevant_films(test, 3);
    // Score = film index, so top-2 for user 0 is {5, 4} → 0 hits; with k = 4 it is {5, 4, 3, 2} → 1 of 2.
    auto by_index = [](int, int i) { return float(i); };
    EXPECT_DOUBLE_EQ(reel::recall_at(2, index, relevant, by_index), 0.0);
    EXPECT_DOUBLE_EQ(reel::recall_at(4, index, relevant, by_index), (0.5 + 0.0) / 2);  // user 2 has nothing relevant
    auto reverse = [](int, int i) { return float(-i); };  // top-2 for user 0: {1, 2} → 2 of 2
    EXPECT_DOUBLE_EQ(reel::recall_at(2, index, relevant, reverse), (1.0 + 0.0) / 2);
}
