// Four users' scores at a time (quad_scores) over tiles of users and chunks of films sized for
// the cache, so scores match Model::score bit for bit. Chunks a user's bound rules out are not
// scored at all: about three quarters of the work at 5 M ratings.
#include "rank_users.hpp"

#include <algorithm>
#include <cmath>

#include "parallel.hpp"
#include "quad_scores.hpp"
#include "top_n.hpp"

namespace reel {

namespace {

double norm(const float* v, int k) {
    double sum = 0;
    for (int f = 0; f < k; ++f) sum += double(v[f]) * v[f];
    return std::sqrt(sum);
}

template <class VectorOf>
double mean_norm(const std::vector<int>& users, VectorOf vector_of, int k) {
    double sum = 0;
    for (int u : users) sum += norm(vector_of(u), k);
    return users.empty() ? 0 : sum / static_cast<double>(users.size());
}

// The candidates in chunks, most promising first (by b_i + |x̄| |v_i| for the mean user norm
// |x̄|), each chunk in parts of films of like norm, each part with its largest bias and film norm.
// By Cauchy–Schwarz no film in a part scores above o_u + max b + |x_u| max |v| for user u, so
// once a user's n-th best beats that bound for every part left, the rest of the films cannot
// change the list. Within a chunk the key is about constant, so a part of like norms has like
// biases too, and its bound is close to its best film's.
struct BoundedChunks {
    static constexpr size_t kSize = 512, kPart = 64;
    std::vector<int32_t> films;
    std::vector<double> max_bias, max_norm;  // per part, kSize / kPart parts a chunk
    double largest_term = 0;                 // the largest |b_i| + |v_i|, for the rounding margin

    BoundedChunks(const Model& model, const std::vector<int32_t>& candidates, double user_norm) {
        const int k = model.factors();
        std::vector<double> film_norm(candidates.size()), key(candidates.size());
        std::vector<size_t> order(candidates.size());
        for (size_t c = 0; c < candidates.size(); ++c) {
            film_norm[c] = norm(model.film_vector(candidates[c]), k);
            key[c] = model.film_bias(candidates[c]) + user_norm * film_norm[c];
            order[c] = c;
            largest_term = std::max(largest_term, std::abs(double(model.film_bias(candidates[c]))) + film_norm[c]);
        }
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key[a] > key[b]; });
        for (size_t c0 = 0; c0 < order.size(); c0 += kSize) {
            const auto first = order.begin() + static_cast<std::ptrdiff_t>(c0),
                       last = order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), c0 + kSize));
            std::stable_sort(first, last, [&](size_t a, size_t b) { return film_norm[a] > film_norm[b]; });
            for (size_t p0 = c0; p0 < c0 + kSize; p0 += kPart) {
                double bias = -HUGE_VAL, most = 0;  // an empty part (past the last film) bounds nothing
                for (size_t c = p0; c < std::min(order.size(), p0 + kPart); ++c) {
                    films.push_back(candidates[order[c]]);
                    bias = std::max(bias, double(model.film_bias(candidates[order[c]])));
                    most = std::max(most, film_norm[order[c]]);
                }
                max_bias.push_back(bias), max_norm.push_back(most);
            }
        }
    }

    size_t count() const { return max_bias.size() / (kSize / kPart); }

    // For user u and each chunk, the most any film from that chunk on can score, raised by far
    // more than the float rounding of a score (k products, two sums) could add to it.
    std::vector<double> bounds_from(const Model& model, int u) const {
        const double x = norm(model.user_vector(u), model.factors()), offset = model.user_offset(u);
        const double margin = 1e-4 * (std::abs(offset) + (1 + x) * largest_term) + 1e-6;
        std::vector<double> bound(count());
        double most = -HUGE_VAL;
        for (size_t p = max_bias.size(); p-- > 0;) {
            most = std::max(most, offset + max_bias[p] + x * max_norm[p] + margin);
            if (p % (kSize / kPart) == 0) bound[p / (kSize / kPart)] = most;
        }
        return bound;
    }
};

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
    const int k = model.factors();
    const double user_norm = mean_norm(
        users, [&](int u) { return model.user_vector(u); }, k);
    const BoundedChunks chunks(model, index.rated_films(), user_norm);
    const size_t m = chunks.films.size();
    // A tile of 32 users meets the films a chunk at a time: the chunk's vectors (128 KB at 64
    // factors) stay in cache for all 32, where one pass of every film per 4 users would read
    // them all from memory again. Each user keeps a TopN over the chunks; its n best under
    // ranks_before do not depend on the order films are offered in, so a user whose n-th best
    // already beats every later chunk's bound is done.
    constexpr size_t kQuad = 4, kTile = 32;
    const size_t tiles = (users.size() + kTile - 1) / kTile;
    for_slices(tiles, [&](size_t first, size_t last) {
        std::vector<float> scores(kQuad * BoundedChunks::kSize);
        for (size_t t = first; t < last; ++t) {
            const size_t from = t * kTile, count = std::min(kTile, users.size() - from);
            std::vector<TopN> tops(count, TopN(n));
            std::vector<std::vector<double>> bounds(count);  // per user, per chunk: the best any film from there on can score
            for (size_t j = 0; j < count; ++j) bounds[j] = chunks.bounds_from(model, users[from + j]);
            std::vector<char> done(count, 0);
            for (size_t ch = 0, c0 = 0; c0 < m; ++ch, c0 += BoundedChunks::kSize) {
                const size_t c1 = std::min(m, c0 + BoundedChunks::kSize);
                bool any = false;
                for (size_t j = 0; j < count; ++j) any |= !(done[j] = done[j] || (tops[j].full() && bounds[j][ch] < tops[j].worst().score));
                if (!any) break;
                for (size_t q = 0; q < count; q += kQuad) {
                    const size_t in_quad = std::min(kQuad, count - q);
                    if (std::all_of(done.begin() + static_cast<std::ptrdiff_t>(q), done.begin() + static_cast<std::ptrdiff_t>(q + in_quad),
                                    [](char d) { return d; }))
                        continue;
                    const float* x[kQuad];
                    float offset[kQuad];
                    for (size_t j = 0; j < kQuad; ++j) {
                        const int u = users[from + q + std::min(j, in_quad - 1)];  // a short quad repeats its last user
                        x[j] = model.user_vector(u);
                        offset[j] = model.user_offset(u);
                    }
                    quad_scores(model, x, offset, chunks.films.data() + c0, c1 - c0, scores.data(), BoundedChunks::kSize);
                    for (size_t j = 0; j < in_quad; ++j) {
                        if (done[q + j]) continue;
                        const int u = users[from + q + j];
                        const int32_t *seen = index.films_begin(u), *seen_end = index.films_end(u);
                        for (size_t c = c0; c < c1; ++c) {
                            const int32_t film = chunks.films[c];
                            const float score = scores[j * BoundedChunks::kSize + c - c0];
                            if (tops[q + j].takes(film, score) && !std::binary_search(seen, seen_end, film)) tops[q + j].offer(film, score);
                        }
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
