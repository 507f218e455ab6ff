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

// A NaN or an infinity reaches exp and log when training diverges; they must answer as libm
// does, with no undefined behaviour on the way (a NaN cast to int, unbounded recursion).
TEST(DetMath, NanAndInfinitiesAnswerAsLibmDoes) {
    const double inf = HUGE_VAL;
    EXPECT_TRUE(std::isnan(reel::det_exp(NAN)));
    EXPECT_TRUE(std::isnan(reel::det_exp(-NAN)));
    EXPECT_EQ(reel::det_exp(inf), inf);
    EXPECT_EQ(reel::det_exp(-inf), 0.0);
    EXPECT_EQ(reel::det_exp(1e308), inf);
    EXPECT_EQ(reel::det_exp(-1e308), 0.0);
    EXPECT_EQ(reel::det_log(inf), inf);
    EXPECT_TRUE(std::isnan(reel::det_log(-1.0)));
    EXPECT_TRUE(std::isnan(reel::det_log(-inf)));
    EXPECT_TRUE(std::isnan(reel::det_log(NAN)));
    EXPECT_EQ(reel::det_log(0.0), -inf);
    EXPECT_EQ(reel::det_log(-0.0), -inf);
    EXPECT_NEAR(reel::det_log(1.7976931348623157e308), std::log(1.7976931348623157e308), 1e-12);
    EXPECT_NEAR(reel::det_log(4.9406564584124654e-324), std::log(4.9406564584124654e-324), 1e-12);
    EXPECT_TRUE(std::isnan(reel::det_sigmoid(NAN)));
    EXPECT_EQ(reel::det_sigmoid(inf), 1.0);
    EXPECT_EQ(reel::det_sigmoid(-inf), 0.0);
    EXPECT_TRUE(std::isnan(reel::det_softplus(NAN)));
    EXPECT_EQ(reel::det_softplus(inf), inf);
    EXPECT_EQ(reel::det_softplus(-inf), 0.0);
}

// The edges of the range det_exp computes itself: around ±700 it must stay finite and exact
// enough, and just past them saturate as libm does.
TEST(DetMath, ExpAtTheEdgesOfItsRange) {
    for (double x : {-700.0, -699.99, -650.5, 650.5, 699.99, 700.0}) EXPECT_NEAR(reel::det_exp(x) / std::exp(x), 1.0, 1e-14) << x;
    EXPECT_EQ(reel::det_exp(710.0), HUGE_VAL);
    EXPECT_EQ(reel::det_exp(-746.0), 0.0);
}
