// Four users' scores against a run of films, each sum in dot()'s lane order.
#pragma once
#include <cstddef>
#include <cstdint>

#include "model.hpp"

namespace reel {

// scores[j * stride + c] = o_j + b_i + x_j · v_i for film i = films[c], c < count, and the
// user vectors x[0..4) with their offsets o: Model::score's value to the bit. Natively, on a
// processor with AVX-512, one 16-float register holds the four users' 4-wide sums side by side
// (a quarter of the instructions); everywhere else, and in WebAssembly, four 4-wide sums.
// Either way each lane adds the same products in the same order, so the scores are the same.
void quad_scores(const Model& model, const float* const x[4], const float offset[4], const int32_t* films, size_t count, float* scores,
                 size_t stride);

}  // namespace reel
