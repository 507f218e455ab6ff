// The tight-loop floor for the benchmark: one epoch of each model's arithmetic over plain
// contiguous arrays in a pre-shuffled order, with nothing else — what the hardware allows.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine.hpp"

namespace reel::bench {

class Floor {
public:
    // Takes the loaded engine's training ratings and settings: the same k, the same number of
    // updates per epoch, the same number of negative candidates per BPR step.
    explicit Floor(const Engine& engine);

    // The floor of the registered model called `model` (each has one, written out by hand below).
    void epoch(const std::string& model);

    void mf_epoch();    // biased-MF SGD over every training rating once
    void bpr_epoch();   // BPR SGD over as many pre-drawn (user, positive, candidates) tuples as the engine's epoch
    void ials_epoch();  // implicit ALS: both Gramians and the same CG steps per rated row, plain arrays

private:
    struct Steps {  // one model's settings, as the engine reads them
        int factors, negatives;
        float learning_rate, bias_learning_rate, reg, reg_bias, init_scale, min_positive;
    };
    Steps rc_, kc_;
    float mu_ = 0;
    // Ratings as parallel arrays in the order one epoch visits them.
    std::vector<int32_t> user_, film_;
    std::vector<float> value_;
    // BPR tuples: `kc_.negatives` candidates per step.
    std::vector<int32_t> t_user_, t_pos_, t_cand_;
    std::vector<float> P_, Q_, bu_, bi_, U_, V_, b_;
    // Implicit ALS: rated pairs (and whether liked) as compressed rows both ways, the settings,
    // and the two sides.
    int ik_ = 0, cg_steps_ = 0;
    float unobserved_ = 0, ireg_ = 0, reg_exponent_ = 0, negative_weight_ = 0;
    std::vector<size_t> by_user_off_, by_film_off_;
    std::vector<int32_t> by_user_, by_film_;
    std::vector<char> user_liked_, film_liked_;
    std::vector<float> X_, Y_;
    void ials_half(std::vector<float>& rows, const std::vector<float>& other, const std::vector<size_t>& off,
                   const std::vector<int32_t>& cols, const std::vector<char>& liked, size_t n_other);
};

}  // namespace reel::bench
