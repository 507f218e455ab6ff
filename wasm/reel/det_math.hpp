// exp and log built from + − × ÷ alone: libm differs between glibc and Emscripten's musl,
// and the same seed must give bit-identical models natively and in the browser.
#pragma once

namespace reel {

double det_exp(double x);       // e^x, relative error < 1e-15 over the range SGD meets
double det_log(double x);       // ln x for x > 0
double det_sigmoid(double x);   // 1 / (1 + e^−x)
double det_softplus(double x);  // ln(1 + e^x), without overflow

}  // namespace reel
