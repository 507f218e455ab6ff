// A first visitor's scores: the model chosen for a few ratings, mixed with a share of a second
// model's. From five ratings the ranking model leans on how liked a film is overall, so its list
// is everybody's; a twentieth of the implicit model's view, each model's scores standardised over
// the films, brings back the Recall@10 the calibrated re-ranking cost and lowers the popularity
// lift (validation figures in scripts/tune lists).
#pragma once
#include <vector>

#include "model.hpp"
#include "train_index.hpp"

namespace reel {

// Orders films by (1 − w)·z_main + w·z_second, z a model's score standardised over the films with
// training ratings. Scores stay in the main model's units, which orders them the same:
//     s = s_main + c·(s_second − mean_second),   c = w·σ_main / ((1 − w)·σ_second).
class ScoreMix {
public:
    // Without a second model, at w = 0, or when either taste scores every film alike: the main model's scores.
    ScoreMix(const Model& main, Taste main_taste, const Model* second, const std::vector<Rated>& profile, float share,
             const TrainIndex& index);

    float score(int film) const;
    // score = base + Σ shares, each model's explanation weighted as its score is.
    Explanation explain(int film) const;
    bool mixed() const { return c_ != 0; }

private:
    const Model& main_;
    Taste main_taste_;
    const Model* second_ = nullptr;
    Taste second_taste_;
    double c_ = 0, mean_ = 0;
};

}  // namespace reel
