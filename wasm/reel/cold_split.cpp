// Users shuffled once; visitors' ratings shuffled with the same generator, visitor by visitor.
#include "cold_split.hpp"

#include <algorithm>
#include <map>

#include "rng.hpp"

namespace reel {

ColdSplit cold_split(const std::vector<RatingRow>& rows, uint64_t seed) {
    std::map<int32_t, std::vector<const RatingRow*>> by_user;  // ascending user ids, each in file order
    for (const RatingRow& r : rows) by_user[r.user_id].push_back(&r);
    std::vector<int32_t> users;
    for (const auto& [u, _] : by_user) users.push_back(u);
    Rng rng = Rng::stream(seed, Rng::kColdSplit);
    rng.shuffle(users);
    const size_t visitors = (users.size() + 2) / 5;  // 20 %, rounded: 122 of 610
    std::vector<int32_t> chosen(users.begin(), users.begin() + static_cast<std::ptrdiff_t>(visitors));
    std::sort(chosen.begin(), chosen.end());
    ColdSplit out;
    for (const RatingRow& r : rows)
        if (!std::binary_search(chosen.begin(), chosen.end(), r.user_id)) out.train.push_back(r);
    for (int32_t u : chosen) {
        std::vector<const RatingRow*> mine = by_user[u];
        rng.shuffle(mine);
        const size_t keep = std::max<size_t>(1, mine.size() * 4 / 5);
        for (size_t j = 0; j < mine.size(); ++j) (j < keep ? out.profile : out.hidden).push_back(*mine[j]);
    }
    return out;
}

std::vector<RatingRow> first_ratings(const std::vector<RatingRow>& profile, size_t n) {
    std::vector<RatingRow> out;
    size_t taken = 0;
    for (size_t j = 0; j < profile.size(); ++j) {
        if (j == 0 || profile[j].user_id != profile[j - 1].user_id) taken = 0;
        if (taken++ < n) out.push_back(profile[j]);
    }
    return out;
}

}  // namespace reel
