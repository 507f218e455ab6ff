// Grouping the held-out likes by user, sorted for binary search.
#include "metrics.hpp"

#include <algorithm>

namespace reel {

std::vector<std::vector<int32_t>> relevant_films(const std::vector<Rating>& test, size_t users) {
    std::vector<std::vector<int32_t>> relevant(users);
    for (const Rating& r : test)
        if (r.value >= kRelevant) relevant[r.user].push_back(r.film);
    for (auto& films : relevant) std::sort(films.begin(), films.end());
    return relevant;
}

}  // namespace reel
