// The kernel keeps four users' accumulators in registers while one film's vector streams by, over
// tiles of users and chunks of films sized for the cache; the lane order of every sum is dot()'s,
// so scores match Model::score bit for bit.
#include "rank_users.hpp"

#include <algorithm>

#include "kernels.hpp"
#include "parallel.hpp"
#include "top_n.hpp"

namespace reel {

namespace {

// Offers candidates [c0, c1) that u did not rate in training; `seen` walks u's sorted training
// films and is left where the next range starts.
template <class ScoreAt>
void offer_unseen(TopN& top, const std::vector<int32_t>& candidates, size_t c0, size_t c1, const int32_t*& seen, const int32_t* seen_end,
                  ScoreAt score_at) {
    for (size_t c = c0; c < c1; ++c) {
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
    const size_t m = candidates.size();
    const int k = model.factors();
    // A tile of 32 users meets the films a chunk of 512 at a time: the chunk's vectors (128 KB at
    // 64 factors) stay in cache for all 32, where one pass of every film per 4 users would read
    // them all from memory again (16 MB a pass at 25 M ratings). Each user keeps a TopN over the
    // chunks; its n best under ranks_before do not depend on the order films are offered in.
    constexpr size_t kQuad = 4, kTile = 32, kChunk = 512;
    const size_t tiles = (users.size() + kTile - 1) / kTile;
    for_slices(tiles, [&](size_t first, size_t last) {
        std::vector<float> scores(kQuad * kChunk);
        for (size_t t = first; t < last; ++t) {
            const size_t from = t * kTile, count = std::min(kTile, users.size() - from);
            std::vector<TopN> tops(count, TopN(n));
            std::vector<const int32_t*> seen(count);
            for (size_t j = 0; j < count; ++j) seen[j] = index.films_begin(users[from + j]);
            for (size_t c0 = 0; c0 < m; c0 += kChunk) {
                const size_t c1 = std::min(m, c0 + kChunk);
                for (size_t q = 0; q < count; q += kQuad) {
                    const size_t in_quad = std::min(kQuad, count - q);
                    const float* x[kQuad];
                    float offset[kQuad];
                    for (size_t j = 0; j < kQuad; ++j) {
                        const int u = users[from + q + std::min(j, in_quad - 1)];  // a short quad repeats its last user
                        x[j] = model.user_vector(u);
                        offset[j] = model.user_offset(u);
                    }
                    for (size_t c = c0; c < c1; ++c) {
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
                        scores[0 * kChunk + c - c0] = offset[0] + bias + lane_sum(acc0);
                        scores[1 * kChunk + c - c0] = offset[1] + bias + lane_sum(acc1);
                        scores[2 * kChunk + c - c0] = offset[2] + bias + lane_sum(acc2);
                        scores[3 * kChunk + c - c0] = offset[3] + bias + lane_sum(acc3);
                    }
                    for (size_t j = 0; j < in_quad; ++j) {
                        const int u = users[from + q + j];
                        offer_unseen(tops[q + j], candidates, c0, c1, seen[q + j], index.films_end(u),
                                     [&](size_t c) { return scores[j * kChunk + c - c0]; });
                    }
                }
            }
            for (size_t j = 0; j < count; ++j) out[static_cast<size_t>(users[from + j])] = ids_of(tops[j].take());
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
