// Writes the planted data in MovieLens's own formats so it goes through the real parsers.
#include "synthetic.hpp"

#include <set>

#include "rng.hpp"

namespace reel {

namespace {
std::string half_stars(int h) { return std::to_string(h / 2) + (h % 2 ? ".5" : ".0"); }
}  // namespace

SyntheticData make_synthetic(const SyntheticSpec& spec) {
    SyntheticData d;
    d.spec = spec;
    const int films = spec.groups * spec.films_per_group, users = spec.groups * spec.users_per_group;
    d.movies_csv = "movieId,title,genres\n";
    for (int f = 0; f < films; ++f)
        d.movies_csv +=
            std::to_string(f + 1) + ",Film " + std::to_string(f + 1) + " (2000),Group" + std::to_string(f / spec.films_per_group) + "\n";
    Rng rng(spec.seed);
    d.ratings_csv = "userId,movieId,rating,timestamp\n";
    for (int u = 0; u < users; ++u) {
        const int group = u / spec.users_per_group;
        std::set<int> rated;
        while (static_cast<int>(rated.size()) < spec.ratings_per_user) {
            const bool own = rng.uniform() < spec.own_group_share;
            int g = group;
            if (!own) do
                    g = static_cast<int>(rng.below(static_cast<uint32_t>(spec.groups)));
                while (g == group && spec.groups > 1);
            const int f = g * spec.films_per_group + static_cast<int>(rng.below(static_cast<uint32_t>(spec.films_per_group)));
            if (!rated.insert(f).second) continue;
            const int h = own ? 8 + static_cast<int>(rng.below(3)) : 1 + static_cast<int>(rng.below(5));  // 4–5 vs 0.5–2.5
            d.ratings_csv += std::to_string(u + 1) + "," + std::to_string(f + 1) + "," + half_stars(h) + "," +
                             std::to_string(1000000 + u * 100 + static_cast<int>(rated.size())) + "\n";
        }
    }
    return d;
}

}  // namespace reel
