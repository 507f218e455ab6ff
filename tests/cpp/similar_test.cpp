// Cosine neighbours against brute force, the support rule, and the query left out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "rng.hpp"
#include "similar.hpp"

TEST(Similar, MatchesBruteForceCosineAndRespectsSupport) {
    const int films = 300, k = 16;
    reel::Rng rng(9);
    std::vector<float> vectors(static_cast<size_t>(films) * k);
    for (float& x : vectors) x = rng.uniform(-1, 1);
    // Film f has f % 5 training ratings, from users 0..4.
    std::vector<reel::Rating> train;
    for (int f = 0; f < films; ++f)
        for (int u = 0; u < f % 5; ++u) train.push_back(reel::Rating{u, f, 3.0f});
    reel::TrainIndex index(train, 5, films);
    reel::SimilarIndex similar(vectors.data(), k, index, 3, 0.0f);
    const auto all = [](int) { return true; };

    for (int query : {3, 4, 8, 151}) {
        std::vector<std::pair<double, int>> brute;
        const float* q = &vectors[static_cast<size_t>(query) * k];
        for (int f = 0; f < films; ++f) {
            if (f == query || f % 5 < 3) continue;
            const float* v = &vectors[static_cast<size_t>(f) * k];
            double dot = 0, qq = 0, vv = 0;
            for (int d = 0; d < k; ++d) dot += double(q[d]) * v[d], qq += double(q[d]) * q[d], vv += double(v[d]) * v[d];
            brute.emplace_back(-dot / std::sqrt(qq * vv), f);
        }
        std::sort(brute.begin(), brute.end());
        const auto got = similar.neighbours(query, 10, all);
        ASSERT_EQ(got.size(), 10u);
        for (size_t n = 0; n < got.size(); ++n) {
            EXPECT_EQ(got[n].film, brute[n].second) << "query " << query << " rank " << n;
            EXPECT_NEAR(got[n].score, -brute[n].first, 1e-5);
            EXPECT_GE(got[n].film % 5, 3);
            EXPECT_NE(got[n].film, query);
        }
    }
}
