// exp and log from basic operations agree with libm to within a few ulps.
#include <gtest/gtest.h>

#include <cmath>

#include "det_math.hpp"

TEST(DetMath, ExpMatchesLibm) {
    for (double x = -60; x <= 60; x += 0.0137) EXPECT_NEAR(reel::det_exp(x) / std::exp(x), 1.0, 1e-14) << x;
    EXPECT_EQ(reel::det_exp(0), 1.0);
    EXPECT_EQ(reel::det_exp(-800), 0.0);
}

TEST(DetMath, LogMatchesLibm) {
    for (double x = 1e-12; x < 1e12; x *= 1.37) EXPECT_NEAR(reel::det_log(x), std::log(x), 1e-13 * (1 + std::fabs(std::log(x)))) << x;
    EXPECT_EQ(reel::det_log(1.0), 0.0);
}

TEST(DetMath, SigmoidAndSoftplusStayFiniteAtTheExtremes) {
    EXPECT_NEAR(reel::det_sigmoid(0), 0.5, 1e-16);
    EXPECT_NEAR(reel::det_sigmoid(40), 1.0, 1e-15);
    EXPECT_NEAR(reel::det_softplus(-1000), 0.0, 1e-300);
    EXPECT_NEAR(reel::det_softplus(1000), 1000.0, 1e-12);
    EXPECT_NEAR(reel::det_softplus(0.3), std::log1p(std::exp(0.3)), 1e-15);
}
