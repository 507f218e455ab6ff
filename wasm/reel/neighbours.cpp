// Neighbour tables built by brute force (a few thousand films with enough support), scored by
// sparse sums over each user's liked films.
#include "neighbours.hpp"

#include <algorithm>
#include <cmath>

#include "metrics.hpp"
#include "parallel.hpp"
#include "similar.hpp"

namespace reel {

std::vector<NeighbourTable> neighbour_tables(const std::vector<const SimilarIndex*>& similar, const TrainIndex& index) {
    std::vector<int32_t> films;
    for (int32_t film : index.rated_films())
        if (index.count(film) >= kNeighbourSupport) films.push_back(film);
    std::vector<NeighbourTable> tables(similar.size(), NeighbourTable(index.films()));
    for_slices(films.size(), [&](size_t first, size_t last) {
        const std::vector<int32_t> mine(films.begin() + static_cast<std::ptrdiff_t>(first),
                                        films.begin() + static_cast<std::ptrdiff_t>(last));
        std::vector<std::vector<std::vector<Scored>>> lists = SimilarIndex::neighbours_of_each(similar, mine, kNeighbours);
        for (size_t i = 0; i < similar.size(); ++i)
            for (size_t f = 0; f < mine.size(); ++f) tables[i][static_cast<size_t>(mine[f])] = std::move(lists[i][f]);
    });
    return tables;
}

NeighbourTable item_knn_table(const TrainIndex& index) {
    // Ratings are half stars (the parser admits nothing else), so a rating is a whole number of
    // half stars 2r ≤ 10: it sits in the low four bits beside its film (by user) or its user (by
    // film), so the loop below, which runs Σ over users of their ratings², reads 4 bytes a product.
    auto pack = [](size_t id, float r) { return static_cast<uint32_t>(id) << 4 | static_cast<uint32_t>(2 * r); };
    std::vector<size_t> user_offsets{0}, film_offsets(index.films() + 1, 0);
    std::vector<uint32_t> by_user;
    by_user.reserve(index.users() == 0 ? 0
                                       : static_cast<size_t>(index.films_end(static_cast<int>(index.users()) - 1) - index.films_begin(0)));
    for (size_t u = 0; u < index.users(); ++u) {
        const float* v = index.values_begin(static_cast<int>(u));
        for (const int32_t* f = index.films_begin(static_cast<int>(u)); f != index.films_end(static_cast<int>(u)); ++f, ++v)
            by_user.push_back(pack(static_cast<size_t>(*f), *v)), ++film_offsets[static_cast<size_t>(*f) + 1];
        user_offsets.push_back(by_user.size());
    }
    for (size_t i = 1; i < film_offsets.size(); ++i) film_offsets[i] += film_offsets[i - 1];
    std::vector<uint32_t> by_film(by_user.size());
    std::vector<size_t> next(film_offsets.begin(), film_offsets.end() - 1);
    for (size_t u = 0; u < index.users(); ++u)
        for (size_t p = user_offsets[u]; p < user_offsets[u + 1]; ++p) by_film[next[by_user[p] >> 4]++] = pack(u, 0) | (by_user[p] & 15);
    // Each film's squared norm (in stars) and its root, for the films with enough support.
    std::vector<double> norm(index.films(), 0.0), root(index.films(), 0.0);
    for (size_t i = 0; i < index.films(); ++i) {
        for (size_t p = film_offsets[i]; p < film_offsets[i + 1]; ++p) norm[i] += (by_film[p] & 15) * (by_film[p] & 15) / 4.0;
        root[i] = std::sqrt(norm[i]);
    }
    std::vector<int32_t> supported;
    for (int32_t film : index.rated_films())
        if (index.count(film) >= kNeighbourSupport) supported.push_back(film);
    NeighbourTable table(index.films());
    for_slices(supported.size(), [&](size_t first, size_t last) {
        // Film x's dot product with every film, counted in quarter stars: each product (2r_x)(2r_y)
        // is a whole number up to 100, so the int sum, a quarter of the real one, is exact for up
        // to 21 M raters, as a double sum would be; half the bytes keep the array in cache.
        // Ratings are positive, so a film x shares no rater with is exactly the one left at 0.
        std::vector<int32_t> dot(index.films(), 0);
        for (size_t s = first; s < last; ++s) {
            const size_t x = static_cast<size_t>(supported[s]);
            for (size_t p = film_offsets[x]; p < film_offsets[x + 1]; ++p) {
                const size_t u = by_film[p] >> 4;
                const int32_t twice_x = static_cast<int32_t>(by_film[p] & 15);
                for (size_t q = user_offsets[u]; q < user_offsets[u + 1]; ++q)
                    dot[by_user[q] >> 4] += twice_x * static_cast<int32_t>(by_user[q] & 15);
            }
            // The cosine is dot / 4 / √(norm_x norm_y). A film whose sum is below 4 · worst ·
            // √norm_x √norm_y, lowered far past any rounding, cannot enter a full list, which
            // spares the root and the division for most of the films x shares a rater with.
            TopN top(kNeighbours);
            double cut = 0;
            for (int32_t y : supported) {
                const int32_t d = dot[static_cast<size_t>(y)];
                if (d == 0 || static_cast<size_t>(y) == x || double(d) < cut * root[static_cast<size_t>(y)]) continue;
                top.offer(y, static_cast<float>(d / 4.0 / std::sqrt(norm[x] * norm[static_cast<size_t>(y)])));
                if (top.full()) cut = 4.0 * double(top.worst().score) * root[x] * (1 - 1e-6);
            }
            std::fill(dot.begin(), dot.end(), 0);
            table[x] = top.take();
        }
    });
    return table;
}

double neighbour_recall(const NeighbourTable& table, const TrainIndex& index, const std::vector<std::vector<int32_t>>& relevant) {
    // Each user's top 10 by threads, scored in user order afterwards so the mean is the same sum.
    std::vector<std::vector<int32_t>> tops(relevant.size());
    const std::vector<int32_t>& candidates = index.rated_films();
    for_slices(relevant.size(), [&](size_t first, size_t last) {
        std::vector<float> score(index.films(), 0.0f);
        std::vector<char> is_touched(index.films(), 0);
        std::vector<int32_t> touched;
        for (size_t u = first; u < last; ++u) {
            if (relevant[u].empty()) continue;
            const int uu = static_cast<int>(u);
            const float* v = index.values_begin(uu);
            for (const int32_t* x = index.films_begin(uu); x != index.films_end(uu); ++x, ++v) {
                if (*v < kRelevant) continue;
                for (const Scored& n : table[static_cast<size_t>(*x)]) {
                    if (!is_touched[static_cast<size_t>(n.film)]) is_touched[static_cast<size_t>(n.film)] = 1, touched.push_back(n.film);
                    score[static_cast<size_t>(n.film)] += std::max(n.score, 0.0f);
                }
            }
            // Only touched films can score above 0; the rest tie at 0, and ties go to the
            // smaller film, so the top 10 over every candidate is the touched films' best
            // followed by the first unseen films scoring 0. O(touched + seen), not O(films).
            const int32_t* seen = index.films_begin(uu);
            const int32_t* seen_end = index.films_end(uu);
            auto unseen = [&](int32_t film) { return !std::binary_search(seen, seen_end, film); };
            TopN top(10);
            for (int32_t f : touched)
                if (score[static_cast<size_t>(f)] > 0.0f && top.takes(f, score[static_cast<size_t>(f)]) && unseen(f))
                    top.offer(f, score[static_cast<size_t>(f)]);
            for (const Scored& s : top.take()) tops[u].push_back(s.film);
            for (size_t c = 0; c < candidates.size() && tops[u].size() < 10; ++c)
                if (score[static_cast<size_t>(candidates[c])] <= 0.0f && unseen(candidates[c])) tops[u].push_back(candidates[c]);
            for (int32_t f : touched) score[static_cast<size_t>(f)] = 0.0f, is_touched[static_cast<size_t>(f)] = 0;
            touched.clear();
        }
    });
    TopNScore result(10);
    for (size_t u = 0; u < relevant.size(); ++u)
        if (!relevant[u].empty()) result.add(tops[u], relevant[u]);
    return result.recall();
}

Likers::Likers(const TrainIndex& index) {
    std::vector<size_t> count(index.films() + 1, 0);
    for (size_t u = 0; u < index.users(); ++u) {
        const float* v = index.values_begin(static_cast<int>(u));
        for (const int32_t* f = index.films_begin(static_cast<int>(u)); f != index.films_end(static_cast<int>(u)); ++f, ++v)
            if (*v >= kRelevant) ++count[static_cast<size_t>(*f) + 1], films_.push_back(*f);
        user_offsets_.push_back(films_.size());
    }
    for (size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
    film_offsets_ = count;
    users_.resize(film_offsets_.back());
    std::vector<size_t> next(film_offsets_.begin(), film_offsets_.end() - 1);
    for (size_t u = 0; u < index.users(); ++u)  // users ascend, so each film's list does too
        for (size_t p = user_offsets_[u]; p < user_offsets_[u + 1]; ++p)
            users_[next[static_cast<size_t>(films_[p])]++] = static_cast<int32_t>(u);
}

std::vector<int32_t> Likers::both_all(int x, std::vector<int32_t>& counts) const {
    std::vector<int32_t> touched;
    for (size_t p = film_offsets_[static_cast<size_t>(x)]; p < film_offsets_[static_cast<size_t>(x) + 1]; ++p) {
        const size_t u = static_cast<size_t>(users_[p]);
        for (size_t q = user_offsets_[u]; q < user_offsets_[u + 1]; ++q)
            if (counts[static_cast<size_t>(films_[q])]++ == 0) touched.push_back(films_[q]);
    }
    return touched;
}

size_t Likers::both(int x, int y) const {
    const int32_t* a = users_.data() + film_offsets_[static_cast<size_t>(x)];
    const int32_t* a_end = users_.data() + film_offsets_[static_cast<size_t>(x) + 1];
    const int32_t* b = users_.data() + film_offsets_[static_cast<size_t>(y)];
    const int32_t* b_end = users_.data() + film_offsets_[static_cast<size_t>(y) + 1];
    size_t n = 0;
    while (a != a_end && b != b_end) {
        if (*a < *b)
            ++a;
        else if (*b < *a)
            ++b;
        else
            ++n, ++a, ++b;
    }
    return n;
}

}  // namespace reel
