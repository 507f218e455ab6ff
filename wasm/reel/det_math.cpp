// Range reduction to a small interval, then a short series: exact enough for SGD and
// reproducible because every step is an IEEE basic operation (no FMA: -ffp-contract=off).
#include "det_math.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace reel {

namespace {
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2 split so n·ln2 is exact for |n| < 2^20
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;

// 1/k! and 1/(2k+1), folded by the compiler with correct rounding on every platform.
constexpr double kInvFactorial[14] = {
    1.0,        1.0,         1.0 / 2,      1.0 / 6,       1.0 / 24,       1.0 / 120,       1.0 / 720,
    1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0};
constexpr double kInvOdd[10] = {1.0, 1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9, 1.0 / 11, 1.0 / 13, 1.0 / 15, 1.0 / 17, 1.0 / 19};
// 2^n built from its bits. det_exp only asks for |n| ≤ 1010 (|x| ≤ 700), where 2^n is a normal
// double; anything outside saturates rather than recursing or shifting out of range.
double power_of_two(int n) {
    if (n > 1023) return HUGE_VAL;
    if (n < -1022) return 0.0;
    const uint64_t bits = uint64_t(n + 1023) << 52;
    double p;
    std::memcpy(&p, &bits, sizeof p);
    return p;
}

}  // namespace

double det_exp(double x) {
    if (x != x) return x;  // NaN: every comparison below is false, and casting it to int is undefined
    if (x > 700.0) return HUGE_VAL;
    if (x < -700.0) return 0.0;
    // x = n·ln2 + r with |r| ≤ ln2/2, so e^x = 2^n · e^r; n rounded by truncating k ± ½,
    // which is exact and, unlike floor(), needs no libm call.
    const double k = x * kInvLn2;
    const int n = static_cast<int>(k + (k >= 0 ? 0.5 : -0.5));
    const double r = (x - n * kLn2Hi) - n * kLn2Lo;
    // Taylor series of e^r to r^13 / 13! in Horner form: |r| ≤ 0.347 leaves a remainder below 1e-17.
    double sum = kInvFactorial[13];
    for (int k = 12; k >= 0; --k) sum = sum * r + kInvFactorial[k];
    return sum * power_of_two(n);  // scaling by 2^n is exact
}

double det_log(double x) {
    if (!(x > 0.0)) return x == 0.0 ? -HUGE_VAL : NAN;
    if (x == HUGE_VAL) return x;  // its exponent bits would read as 2^1024
    int e = 0;
    if (x < 2.2250738585072014e-308) x *= 18014398509481984.0, e = -54;  // subnormal: scale by 2^54 first
    // x = m · 2^e with m in [0.5, 1), read straight from the bits: exact.
    uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    e += static_cast<int>((bits >> 52) & 0x7FF) - 1022;
    bits = (bits & 0x000FFFFFFFFFFFFFull) | (uint64_t(1022) << 52);
    double m;
    std::memcpy(&m, &bits, sizeof m);
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        --e;
    }
    // ln m = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172: the odd series to s^21 is exact to 1e-17.
    const double s = (m - 1.0) / (m + 1.0), s2 = s * s;
    double sum = 1.0 / 21;
    for (int k = 19; k >= 1; k -= 2) sum = sum * s2 + kInvOdd[k / 2];
    return 2.0 * s * sum + e * kLn2Hi + e * kLn2Lo;
}

double det_sigmoid(double x) { return 1.0 / (1.0 + det_exp(-x)); }

double det_softplus(double x) {
    // ln(1 + e^x) = max(x, 0) + ln(1 + e^−|x|), which never overflows.
    return (x > 0.0 ? x : 0.0) + det_log(1.0 + det_exp(-std::fabs(x)));
}

}  // namespace reel
