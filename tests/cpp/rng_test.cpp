// The project's generator: pinned outputs (the browser build must match them) and fair bounds.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "rng.hpp"

TEST(Rng, GoldenValuesForSeed42) {
    reel::Rng r(42);
    const uint32_t expected[] = {1776835114u, 4165204688u, 17111135u, 2317295270u, 2792088233u, 2554630222u};
    for (uint32_t e : expected) EXPECT_EQ(r.next(), e);
    reel::Rng b(42);
    for (uint32_t e : {4u, 9u, 0u, 5u, 6u, 5u}) EXPECT_EQ(b.below(10), e);
    EXPECT_FLOAT_EQ(reel::Rng(42).uniform(), 0.413701653f);
}

TEST(Rng, BelowIsUniformEnough) {
    reel::Rng r(1);
    std::vector<int> counts(7, 0);
    const int n = 70000;
    for (int i = 0; i < n; ++i) ++counts[r.below(7)];
    double chi2 = 0;
    for (int c : counts) chi2 += (c - n / 7.0) * (c - n / 7.0) / (n / 7.0);
    EXPECT_LT(chi2, 22.5);  // p ≈ 0.001 for 6 degrees of freedom
}

TEST(Rng, ShuffleIsAPermutationAndDependsOnTheSeed) {
    std::vector<int> a(100), b(100);
    std::iota(a.begin(), a.end(), 0);
    b = a;
    reel::Rng(5).shuffle(a);
    reel::Rng(6).shuffle(b);
    EXPECT_NE(a, b);
    std::vector<int> again(100);
    std::iota(again.begin(), again.end(), 0);
    reel::Rng(5).shuffle(again);
    EXPECT_EQ(a, again);
    std::sort(a.begin(), a.end());
    for (int i = 0; i < 100; ++i) EXPECT_EQ(a[i], i);
}

TEST(Rng, StreamsForDifferentPurposesDiffer) {
    EXPECT_NE(reel::Rng::stream(42, 1).next(), reel::Rng::stream(42, 2).next());
    EXPECT_EQ(reel::Rng::stream(42, 1).next(), reel::Rng::stream(42, 1).next());
}
