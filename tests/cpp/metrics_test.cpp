// RMSE, Recall@k and top-N on examples small enough to work out by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "evaluation.hpp"
#include "metrics.hpp"
#include "recommend.hpp"

TEST(Metrics, RmseByHand) {
    const std::vector<reel::Rating> test = {{0, 0, 4.0f}, {0, 1, 2.0f}, {1, 0, 3.0f}};
    // errors 1, −1, 0.5 → √((1 + 1 + 0.25) / 3)
    reel::StarsError e;
    for (const reel::Rating& r : test) e.add(r.value, r.user == 1 ? 2.5f : 3.0f);
    EXPECT_DOUBLE_EQ(e.rmse(), std::sqrt(2.25 / 3));
    EXPECT_TRUE(std::isnan(reel::StarsError().rmse()));  // nothing to measure is no figure, not 0
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
    auto recall_at = [&](size_t k, auto score) {
        reel::TopNScore s(k);
        for (int u = 0; u < 3; ++u) {
            if (relevant[static_cast<size_t>(u)].empty()) continue;  // user 2 has nothing relevant
            std::vector<int32_t> top;
            for (const reel::Scored& x : reel::recommend(index, u, k, score)) top.push_back(x.film);
            s.add(top, relevant[static_cast<size_t>(u)]);
        }
        return s.recall();
    };
    auto by_index = [](int, int i) { return float(i); };
    EXPECT_DOUBLE_EQ(recall_at(2, by_index), 0.0);
    EXPECT_DOUBLE_EQ(recall_at(4, by_index), (0.5 + 0.0) / 2);
    auto reverse = [](int, int i) { return float(-i); };  // top-2 for user 0: {1, 2} → 2 of 2
    EXPECT_DOUBLE_EQ(recall_at(2, reverse), (1.0 + 0.0) / 2);
}
