// The implicit model: weighted matrix factorisation for implicit feedback (Hu, Koren & Volinsky
// 2008), fitted by alternating least squares. A liked film is a 1 with confidence 1 + α, every
// other film a 0 with confidence 1; the Gramian trick keeps each solve O(n_u·k + k²).
#pragma once
#include <Eigen/Core>
#include <vector>

#include "model.hpp"

namespace reel {

extern const ModelSpec kImplicitModel;

class ImplicitModel : public Model {
public:
    ImplicitModel(const ModelSettings& settings, const TrainingData& data, uint64_t seed);

    // The exact least-squares solve against the frozen films, so a score splits exactly.
    Taste fold_in(const std::vector<Rated>& profile) const override;

    // Who liked what, both ways: row r's liked columns.
    struct Likes {
        std::vector<size_t> offsets{0};
        std::vector<int32_t> columns;
        size_t size(int32_t row) const { return offsets[static_cast<size_t>(row) + 1] - offsets[static_cast<size_t>(row)]; }
    };

private:
    // One pass: every user against the films, then every film against the users. Returns the
    // objective per liked pair, measured in the user half.
    double fit_epoch() override;
    void on_trained() override;

    // Solves each row of `rows` that has likes against the fixed `other` side, by a few steps
    // of conjugate gradients warm-started from the row's current value; returns the objective's
    // data part Σ_r Σ_c c (p − x·y)² over all pairs, if `measure`.
    double solve_side(Embeddings& rows, const Embeddings& other, const Likes& likes, bool measure);

    float alpha_, reg_, fold_in_reg_, min_positive_;
    int cg_steps_;
    Likes by_user_, by_film_;
    size_t pairs_ = 0;
    Eigen::MatrixXd gram_;  // Σ_i v_i v_iᵀ over the final film vectors, for fold-in
};

}  // namespace reel
