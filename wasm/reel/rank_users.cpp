// The kernel keeps four users' accumulators in registers while one film's vector streams by; the
// lane order of every sum is dot()'s, so scores match Model::score bit for bit.
#include "rank_users.hpp"

#include <algorithm>

#include "kernels.hpp"
#include "parallel.hpp"
#include "top_n.hpp"

namespace reel {

namespace {

// Offers every candidate film not in u's training ratings, in candidate order.
template <class ScoreAt>
void offer_unseen(TopN& top, const TrainIndex& index, int u, ScoreAt score_at) {
    const std::vector<int32_t>& candidates = index.rated_films();
    const int32_t* seen = index.films_begin(u);
    const int32_t* seen_end = index.films_end(u);
    for (size_t c = 0; c < candidates.size(); ++c) {
        const int32_t film = candidates[c];
        while (seen != seen_end && *seen < film) ++seen;
        if (seen != seen_end && *seen == film) continue;
        top.offer(film, score_at(c));
    }
}

std::vector<int32_t> ids_of(std::vector<Scored> top) {
    std::vector<int32_t> ids;
    for (const Scored& s : top) ids.push_back(s.film);
    return ids;
}

}  // namespace

std::vector<std::vector<int32_t>> top_n_by_model(const Model& model, const TrainIndex& index, size_t n, const std::vector<char>& wanted) {
    std::vector<int> users;
    for (size_t u = 0; u < wanted.size(); ++u)
        if (wanted[u]) users.push_back(static_cast<int>(u));
    std::vector<std::vector<int32_t>> out(wanted.size());
    const std::vector<int32_t>& candidates = index.rated_films();
    const int k = model.factors();
    constexpr size_t kBlock = 4;
    const size_t blocks = (users.size() + kBlock - 1) / kBlock;
    for_slices(blocks, [&](size_t first, size_t last) {
        std::vector<float> scores(kBlock * candidates.size());
        for (size_t b = first; b < last; ++b) {
            const size_t from = b * kBlock, count = std::min(kBlock, users.size() - from);
            int u[kBlock];
            const float* x[kBlock];
            float offset[kBlock];
            for (size_t j = 0; j < kBlock; ++j) {
                u[j] = users[from + std::min(j, count - 1)];  // a short last block repeats its last user
                x[j] = model.user_vector(u[j]);
                offset[j] = model.user_offset(u[j]);
            }
            for (size_t c = 0; c < candidates.size(); ++c) {
                const float* v = model.film_vector(candidates[c]);
                f32x4 acc0 = {0, 0, 0, 0}, acc1 = acc0, acc2 = acc0, acc3 = acc0;
                for (int f = 0; f < k; f += 4) {
                    const f32x4 vf = load4(v + f);
                    acc0 += load4(x[0] + f) * vf;
                    acc1 += load4(x[1] + f) * vf;
                    acc2 += load4(x[2] + f) * vf;
                    acc3 += load4(x[3] + f) * vf;
                }
                const float bias = model.film_bias(candidates[c]);
                scores[0 * candidates.size() + c] = offset[0] + bias + lane_sum(acc0);
                scores[1 * candidates.size() + c] = offset[1] + bias + lane_sum(acc1);
                scores[2 * candidates.size() + c] = offset[2] + bias + lane_sum(acc2);
                scores[3 * candidates.size() + c] = offset[3] + bias + lane_sum(acc3);
            }
            for (size_t j = 0; j < count; ++j) {
                TopN top(n);
                offer_unseen(top, index, u[j], [&](size_t c) { return scores[j * candidates.size() + c]; });
                out[static_cast<size_t>(u[j])] = ids_of(top.take());
            }
        }
    });
    return out;
}

std::vector<std::vector<int32_t>> top_n_by_popularity(const TrainIndex& index, size_t n, const std::vector<char>& wanted) {
    // One ranking for everyone (most training ratings first, ties to the smaller film); each user
    // takes its first n films they did not rate — as TopN over the counts would, in O(n + seen).
    std::vector<int32_t> ranking = index.rated_films();
    std::stable_sort(ranking.begin(), ranking.end(), [&](int32_t a, int32_t b) { return index.count(a) > index.count(b); });
    std::vector<std::vector<int32_t>> out(wanted.size());
    for_slices(wanted.size(), [&](size_t first, size_t last) {
        for (size_t u = first; u < last; ++u) {
            if (!wanted[u]) continue;
            const int32_t* seen = index.films_begin(static_cast<int>(u));
            const int32_t* seen_end = index.films_end(static_cast<int>(u));
            for (int32_t film : ranking) {
                if (out[u].size() == n) break;
                if (!std::binary_search(seen, seen_end, film)) out[u].push_back(film);
            }
        }
    });
    return out;
}

}  // namespace reel
