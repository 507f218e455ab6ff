// Every setting of the engine, with the defaults that were tuned on a validation part of the
// training data (never on a test file); see README "How the defaults were chosen".
#pragma once
#include <cstdint>
#include <string>

namespace reel {

struct RatingConfig {
    int factors = 64;             // a multiple of 4 (the kernels' lane width)
    int epochs = 40;
    float learning_rate = 0.03f;  // γ for the factors at epoch 0
    float bias_learning_rate = 0.01f;  // γ_b for the biases: a smaller step lets them settle
    float decay = 0.95f;          // γ and γ_b shrink by this factor after every epoch
    float reg = 0.1f;             // λ on the factor vectors
    float reg_bias = 0.05f;       // λ on the biases
    float init_scale = 0.1f;      // factors start uniform in [−s, s]
};

struct RankingConfig {
    int factors = 64;
    int epochs = 30;
    float learning_rate = 0.15f;
    float decay = 0.93f;
    float reg = 0.03f;
    float reg_bias = 0.01f;
    float init_scale = 0.1f;
    float min_positive = 3.5f;    // a training rating ≥ this counts as a positive
    int negatives = 4;            // candidates drawn per step; the highest-scoring one is used
};

struct SimilarConfig {
    int min_support = 10;         // neighbours need this many training ratings
};

struct Config {
    uint64_t seed = 42;
    RatingConfig rating;
    RankingConfig ranking;
    SimilarConfig similar;
};

// Throws reel::Error naming the setting when a value is out of range.
void validate(const Config& config);

// Sets one value by dotted name, e.g. "rating.epochs=30"; throws reel::Error for an unknown
// name or a bad value. Lets the CLI expose every setting without a flag for each.
void set_option(Config& config, const std::string& assignment);

}  // namespace reel
