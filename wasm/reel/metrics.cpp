// Grouping the held-out likes by user, and scoring one viewer's list.
#include "metrics.hpp"

#include <algorithm>

#include "det_math.hpp"

namespace reel {

std::vector<std::vector<int32_t>> relevant_films(const std::vector<Rating>& test, size_t users) {
    std::vector<std::vector<int32_t>> relevant(users);
    for (const Rating& r : test)
        if (r.value >= kRelevant) relevant[r.user].push_back(r.film);
    for (auto& films : relevant) std::sort(films.begin(), films.end());
    return relevant;
}

void TopNScore::add(const std::vector<int32_t>& top, const std::vector<int32_t>& relevant) {
    if (relevant.empty()) return;
    // DCG = Σ hit_r / log2(r + 1) over ranks r = 1..k; the ideal puts every relevant film first.
    auto discount = [](size_t rank) { return det_log(2.0) / det_log(static_cast<double>(rank) + 1.0); };
    size_t hits = 0;
    double dcg = 0, ideal = 0;
    for (size_t r = 0; r < std::min(k_, top.size()); ++r)
        if (std::binary_search(relevant.begin(), relevant.end(), top[r])) ++hits, dcg += discount(r + 1);
    for (size_t r = 0; r < std::min(k_, relevant.size()); ++r) ideal += discount(r + 1);
    recall_ += static_cast<double>(hits) / static_cast<double>(relevant.size());
    ndcg_ += dcg / ideal;
    ++viewers_;
}

}  // namespace reel
