// The implicit model: matrix factorisation for implicit feedback fitted by alternating least
// squares, as Rendle, Krichene, Zhang & Koren tune it ("Revisiting the Performance of iALS",
// RecSys 2022): every (viewer, film) pair is pulled toward 0 with a small weight α0, the rated
// pairs toward 1 (liked) or 0 (disliked), and each vector's regularisation grows with how much
// its row holds. The Gramian trick keeps each solve O(n_u·k + k²).
#pragma once
#include <Eigen/Core>
#include <vector>

#include "model.hpp"

namespace reel {

extern const ModelSpec kImplicitModel;

class ImplicitModel : public Model {
public:
    ImplicitModel(const ModelSettings& settings, const TrainingData& data, uint64_t seed);

    // The user half of training, solved exactly against the frozen films, so a score splits
    // exactly over the films the visitor liked.
    Taste fold_in(const std::vector<Rated>& profile) const override;

    // The rated pairs, both ways: row r's columns, and whether each was liked (target 1) or
    // disliked (target 0, weight negative_weight).
    struct Pairs {
        std::vector<size_t> offsets{0};
        std::vector<int32_t> columns;
        std::vector<char> liked;
        size_t size(int32_t row) const { return offsets[static_cast<size_t>(row) + 1] - offsets[static_cast<size_t>(row)]; }
    };

private:
    // One pass: every user against the films, then every film against the users. Returns the
    // objective's data part per rated pair, measured in the user half.
    double fit_epoch() override;
    void on_trained() override;

    // λ_r = λ·(n_r + α0·n_other)^ν: the regularisation of a row that holds n_r rated pairs.
    double reg_of(size_t rated, size_t others) const;

    // Solves each row of `rows` that has rated pairs against the fixed `other` side, by a few
    // steps of conjugate gradients warm-started from the row's current value; returns the
    // objective's data part α0 Σ_all (x·y)² + Σ_rated w (t − x·y)², if `measure`.
    double solve_side(Embeddings& rows, const Embeddings& other, const Pairs& pairs, bool measure);

    float unobserved_, reg_, reg_exponent_, min_positive_, negative_weight_;
    int cg_steps_;
    Pairs by_user_, by_film_;
    Eigen::MatrixXd gram_;  // α0 Σ_i v_i v_iᵀ over the final film vectors, for fold-in
};

}  // namespace reel
