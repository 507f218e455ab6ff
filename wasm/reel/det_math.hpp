// exp and log built from + − × ÷ alone: libm differs between glibc and Emscripten's musl,
// and the same seed must give bit-identical models natively and in the browser.
#pragma once

namespace reel {

// Both are total: NaN gives NaN, exp(+∞) = +∞, exp(−∞) = 0, log(+∞) = +∞, log(0) = −∞ and
// log of a negative number is NaN, as libm answers.
double det_exp(double x);       // e^x, relative error < 1e-15 over the range SGD meets
double det_log(double x);       // ln x
double det_sigmoid(double x);   // 1 / (1 + e^−x)
double det_softplus(double x);  // ln(1 + e^x), without overflow

}  // namespace reel
