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
        const std::vector<int32_t> mine(films.begin() + static_cast<std::ptrdiff_t>(first), films.begin() + static_cast<std::ptrdiff_t>(last));
        std::vector<std::vector<std::vector<Scored>>> lists = SimilarIndex::neighbours_of_each(similar, mine, kNeighbours);
        for (size_t i = 0; i < similar.size(); ++i)
            for (size_t f = 0; f < mine.size(); ++f) tables[i][static_cast<size_t>(mine[f])] = std::move(lists[i][f]);
    });
    return tables;
}

NeighbourTable item_knn_table(const TrainIndex& index) {
    // Columns by film: (user, rating) pairs, from the user-major index.
    std::vector<std::vector<std::pair<int32_t, float>>> raters(index.films());
    for (size_t u = 0; u < index.users(); ++u) {
        const float* v = index.values_begin(static_cast<int>(u));
        for (const int32_t* f = index.films_begin(static_cast<int>(u)); f != index.films_end(static_cast<int>(u)); ++f, ++v)
            raters[static_cast<size_t>(*f)].emplace_back(static_cast<int32_t>(u), *v);
    }
    // Each film's squared norm, then, per film x, its dot product with every film.
    std::vector<double> norm(index.films(), 0.0);
    for (size_t i = 0; i < index.films(); ++i)
        for (const auto& [u, r] : raters[i]) norm[i] += double(r) * r;
    NeighbourTable table(index.films());
    const std::vector<int32_t>& films = index.rated_films();
    for_slices(films.size(), [&](size_t first, size_t last) {
        // Film x's dot product with every film, counted in quarter stars: ratings are half stars
        // (the parser admits nothing else), so each product (2r_x)(2r_y) is a whole number up to
        // 100 and the int sum, a quarter of the real one, is exact for up to 21 M raters, as the
        // double sum was; half the bytes keep the array in cache. Ratings are positive, so a film
        // x shares no rater with is exactly the one left at 0: one scan over the films afterwards
        // finds the others, with no branch in the inner loop (it runs Σ over users of their
        // ratings²).
        std::vector<int32_t> dot(index.films(), 0);
        for (size_t f = first; f < last; ++f) {
            const int32_t x = films[f];
            if (index.count(x) < kNeighbourSupport) continue;
            for (const auto& [u, rx] : raters[static_cast<size_t>(x)]) {
                const int32_t twice_x = static_cast<int32_t>(2 * rx);
                const float* v = index.values_begin(u);
                for (const int32_t* y = index.films_begin(u); y != index.films_end(u); ++y, ++v)
                    dot[static_cast<size_t>(*y)] += twice_x * static_cast<int32_t>(2 * *v);
            }
            TopN top(kNeighbours);
            for (int32_t y : films)
                if (dot[static_cast<size_t>(y)] != 0 && y != x && index.count(y) >= kNeighbourSupport)
                    top.offer(y, static_cast<float>(dot[static_cast<size_t>(y)] / 4.0 / std::sqrt(norm[static_cast<size_t>(x)] * norm[static_cast<size_t>(y)])));
            std::fill(dot.begin(), dot.end(), 0);
            table[static_cast<size_t>(x)] = top.take();
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
                if (score[static_cast<size_t>(f)] > 0.0f && top.takes(f, score[static_cast<size_t>(f)]) && unseen(f)) top.offer(f, score[static_cast<size_t>(f)]);
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
        for (size_t p = user_offsets_[u]; p < user_offsets_[u + 1]; ++p) users_[next[static_cast<size_t>(films_[p])]++] = static_cast<int32_t>(u);
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
        if (*a < *b) ++a;
        else if (*b < *a) ++b;
        else ++n, ++a, ++b;
    }
    return n;
}

}  // namespace reel
