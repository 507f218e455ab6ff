// The evaluation's inner loop (rank_users.cpp): every viewer against every film the bounds leave.
#include "quad_scores.hpp"

#include "kernels.hpp"

#if defined(__x86_64__) && !defined(__wasm__)
#include <immintrin.h>
#define REEL_WIDE_SCORES 1
#endif

namespace reel {

namespace {

void quad_scores_4wide(const Model& model, const float* const x[4], const float offset[4], const int32_t* films, size_t count,
                       float* scores, size_t stride) {
    const int k = model.factors();
    for (size_t c = 0; c < count; ++c) {
        const float* v = model.film_vector(films[c]);
        f32x4 acc0 = {0, 0, 0, 0}, acc1 = acc0, acc2 = acc0, acc3 = acc0;
        for (int f = 0; f < k; f += 4) {
            const f32x4 vf = load4(v + f);
            acc0 += load4(x[0] + f) * vf;
            acc1 += load4(x[1] + f) * vf;
            acc2 += load4(x[2] + f) * vf;
            acc3 += load4(x[3] + f) * vf;
        }
        const float bias = model.film_bias(films[c]);
        scores[0 * stride + c] = offset[0] + bias + lane_sum(acc0);
        scores[1 * stride + c] = offset[1] + bias + lane_sum(acc1);
        scores[2 * stride + c] = offset[2] + bias + lane_sum(acc2);
        scores[3 * stride + c] = offset[3] + bias + lane_sum(acc3);
    }
}

#ifdef REEL_WIDE_SCORES
// GCC 12 warns that its own intrinsics' placeholder operands "may be used uninitialized"
// (a false report, gone in GCC 13).
#pragma GCC diagnostic push
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
__attribute__((target("avx512f"))) void quad_scores_16wide(const Model& model, const float* const x[4], const float offset[4],
                                                           const int32_t* films, size_t count, float* scores, size_t stride) {
    const int k = model.factors();
    // Step f of the sums: x_0[f..f+4) | x_1[f..f+4) | x_2[f..f+4) | x_3[f..f+4), so one product
    // with v[f..f+4) repeated four times is each user's 4-wide step at once.
    alignas(64) float side_by_side[4 * 1024];
    for (int f = 0; f < k; f += 4)
        for (int j = 0; j < 4; ++j)
            for (int l = 0; l < 4; ++l) side_by_side[4 * f + 4 * j + l] = x[j][f + l];
    for (size_t c = 0; c < count; ++c) {
        const float* v = model.film_vector(films[c]);
        __m512 acc = _mm512_setzero_ps();
        for (int f = 0; f < k; f += 4)  // mul then add, as the 4-wide step (nothing contracts to FMA)
            acc = _mm512_add_ps(acc, _mm512_mul_ps(_mm512_load_ps(side_by_side + 4 * f), _mm512_broadcast_f32x4(_mm_loadu_ps(v + f))));
        // lane_sum's (a0 + a1) + (a2 + a3) in every user's quarter: swap neighbours and add,
        // then swap pairs and add; a float sum is the same either way round.
        const __m512 pairs = _mm512_add_ps(acc, _mm512_permute_ps(acc, _MM_SHUFFLE(2, 3, 0, 1)));
        const __m512 sums = _mm512_add_ps(pairs, _mm512_permute_ps(pairs, _MM_SHUFFLE(1, 0, 3, 2)));
        alignas(64) float lanes[16];
        _mm512_store_ps(lanes, sums);
        const float bias = model.film_bias(films[c]);
        for (size_t j = 0; j < 4; ++j) scores[j * stride + c] = offset[j] + bias + lanes[4 * j];
    }
}
#pragma GCC diagnostic pop
#endif

}  // namespace

void quad_scores(const Model& model, const float* const x[4], const float offset[4], const int32_t* films, size_t count, float* scores,
                 size_t stride) {
#ifdef REEL_WIDE_SCORES
    if (__builtin_cpu_supports("avx512f") && model.factors() <= 1024)
        return quad_scores_16wide(model, x, offset, films, count, scores, stride);
#endif
    quad_scores_4wide(model, x, offset, films, count, scores, stride);
}

}  // namespace reel
