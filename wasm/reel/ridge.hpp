// The closed-form fold-in shared by the rating and implicit models: one regularised
// least-squares solve, with the answer split into what each rated film contributed.
#pragma once
#include <Eigen/Core>
#include <vector>

namespace reel {

struct RidgeFit {
    Eigen::VectorXd w;      // the solution
    Eigen::MatrixXd parts;  // row j: b_j A⁻¹ x_j, the share of row j; the rows sum to w
};

// Solves A w = Σ_j b_j x_j with A = G + Σ_j a_j x_j x_jᵀ + diag(λ) by Cholesky (Eigen's LLT),
// in double precision. Because w is linear in the b_j, the parts split it exactly.
// `x` holds one row per rated film; `gram` may be empty (zero). Throws reel::Error if A is
// not positive definite (λ too small for the data).
RidgeFit fit_ridge(const Eigen::MatrixXd& gram, const Eigen::MatrixXd& x, const std::vector<double>& a, const std::vector<double>& b,
                   const Eigen::VectorXd& lambda);

}  // namespace reel
