// The seeded 80/20 split: sizes, disjointness, and reproducibility.
#include <gtest/gtest.h>

#include <set>

#include "split.hpp"

namespace {
std::vector<reel::Rating> ratings(int n) {
    std::vector<reel::Rating> v;
    for (int i = 0; i < n; ++i) v.push_back(reel::Rating{i / 10, i, 1.0f + (i % 8) * 0.5f});
    return v;
}
std::set<int> films(const std::vector<reel::Rating>& v) {
    std::set<int> s;
    for (const auto& r : v) s.insert(r.film);
    return s;
}
}  // namespace

TEST(Split, EightyTwentyDisjointAndComplete) {
    const auto s = reel::split_ratings(ratings(100836), 42);
    EXPECT_EQ(s.train.size(), 80669u);  // the sizes of the canonical split
    EXPECT_EQ(s.test.size(), 20167u);
    const auto a = films(s.train), b = films(s.test);
    for (int f : b) EXPECT_EQ(a.count(f), 0u);
    EXPECT_EQ(a.size() + b.size(), 100836u);
}

TEST(Split, SameSeedSameSplitOtherSeedOther) {
    const auto a = reel::split_ratings(ratings(1000), 7), b = reel::split_ratings(ratings(1000), 7),
               c = reel::split_ratings(ratings(1000), 8);
    EXPECT_EQ(films(a.test), films(b.test));
    EXPECT_NE(films(a.test), films(c.test));
}
