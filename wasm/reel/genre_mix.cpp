// Genre distributions and the KL divergence of calibration.
#include "genre_mix.hpp"

#include <cmath>

namespace reel {

void add_genres(const Catalog& catalog, int32_t film, double weight, GenreMix& mix) {
    const GenreMask genres = catalog.film(static_cast<size_t>(film)).genres;
    if (genres == 0) {
        mix.back() += weight;
        return;
    }
    const double share = weight / __builtin_popcount(genres);
    for (size_t g = 0; g + 1 < mix.size(); ++g)
        if (genres & (GenreMask(1) << g)) mix[g] += share;
}

GenreMix liked_mix(const Catalog& catalog, const std::vector<Rated>& given) {
    GenreMix p{};
    double liked = 0;
    for (const Rated& r : given) liked += r.stars >= kLiked;
    for (const Rated& r : given)
        if (r.stars >= kLiked) add_genres(catalog, r.film, 1.0, p);
    for (double& w : p) w = liked > 0 ? w / liked : 0;
    return p;
}

double miscalibration(const GenreMix& p, const GenreMix& q) {
    double kl = 0;
    for (size_t g = 0; g < p.size(); ++g)
        if (p[g] > 0) kl += p[g] * std::log(p[g] / (0.99 * q[g] + 0.01 * p[g]));
    return kl;
}

}  // namespace reel
