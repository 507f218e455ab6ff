// A is built with plain loops in a fixed order, and solved one right-hand side at a time, so
// no step depends on cache-size blocking: the same bits natively and in WebAssembly (the build
// also turns Eigen's own SIMD off, which WebAssembly lacks).
#include "ridge.hpp"

#include <Eigen/Cholesky>

#include "error.hpp"

namespace reel {

RidgeFit fit_ridge(const Eigen::MatrixXd& gram, const Eigen::MatrixXd& x, const std::vector<double>& a, const std::vector<double>& b,
                   const Eigen::VectorXd& lambda) {
    const Eigen::Index n = x.rows(), d = x.cols();
    Eigen::MatrixXd A = gram.size() ? gram : Eigen::MatrixXd::Zero(d, d);
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index r = 0; r < d; ++r)
            for (Eigen::Index c = 0; c <= r; ++c) A(r, c) += a[static_cast<size_t>(j)] * x(j, r) * x(j, c);
    for (Eigen::Index r = 0; r < d; ++r) A(r, r) += lambda[r];
    for (Eigen::Index r = 0; r < d; ++r)
        for (Eigen::Index c = r + 1; c < d; ++c) A(r, c) = A(c, r);

    const Eigen::LLT<Eigen::MatrixXd> llt(A);
    if (llt.info() != Eigen::Success) throw Error("the fold-in system is not positive definite (raise the regularisation)");
    RidgeFit fit{Eigen::VectorXd::Zero(d), Eigen::MatrixXd(n, d)};
    for (Eigen::Index j = 0; j < n; ++j) {
        const Eigen::VectorXd z = llt.solve(Eigen::VectorXd(x.row(j).transpose()));
        fit.parts.row(j) = b[static_cast<size_t>(j)] * z.transpose();
        fit.w += fit.parts.row(j).transpose();
    }
    return fit;
}

}  // namespace reel
