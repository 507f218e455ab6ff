// Films are drawn by a Zipf law within a group (popular films are popular everywhere), users'
// counts from 20 plus an exponential tail, scaled to the total asked; everything from the
// project's seeded generator.
#include "synthetic_movielens.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "det_math.hpp"
#include "rng.hpp"

namespace reel {

namespace {

constexpr double kOwnGroup = 0.7;
constexpr double kMeanExtraRatings = 134;  // 20 + 134 ≈ ML-25M's 154 per user
const char* const kGenres[] = {"Action",    "Adventure", "Animation", "Children", "Comedy",  "Crime",  "Documentary", "Drama", "Fantasy",
                               "Film-Noir", "Horror",    "Musical",   "Mystery",  "Romance", "Sci-Fi", "Thriller",    "War",   "Western"};

// Each user's count: 20 plus an exponential tail, at most half the films, scaled so that they add
// up to exactly `ratings` (films() leaves room: users × cap ≥ 2 × ratings, users × 20 < ratings).
std::vector<uint64_t> user_counts(const MovieLensShape& shape, Rng& rng) {
    const uint64_t users = shape.users(), cap = shape.films() / 2, least = std::min<uint64_t>(20, cap);
    std::vector<double> drawn(users);
    double total = 0;
    for (double& d : drawn) total += d = 20 + -det_log(1.0 - rng.uniform()) * kMeanExtraRatings;
    std::vector<uint64_t> n(users);
    uint64_t sum = 0;
    for (uint64_t u = 0; u < users; ++u)
        sum += n[u] = std::clamp<uint64_t>(static_cast<uint64_t>(drawn[u] * static_cast<double>(shape.ratings) / total), least, cap);
    // What rounding and the cap left over, a rating at a time round the users with room.
    for (uint64_t u = 0; sum != shape.ratings; u = (u + 1) % users) {
        if (sum < shape.ratings && n[u] < cap) ++n[u], ++sum;
        if (sum > shape.ratings && n[u] > least) --n[u], --sum;
    }
    return n;
}

void append_number(std::string& out, uint64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

}  // namespace

void write_movielens_like(const MovieLensShape& shape, const std::function<void(SyntheticFile, std::string_view)>& emit) {
    const uint64_t users = shape.users(), films = shape.films();
    const uint64_t groups = static_cast<uint64_t>(std::max(1, shape.groups));
    Rng rng(shape.seed);
    std::string out = "movieId,title,genres\n";
    std::vector<float> quality(films);  // a film's own pull, the same for everyone
    for (uint64_t f = 0; f < films; ++f) {
        quality[f] = rng.uniform(-0.6f, 0.6f);
        append_number(out, f + 1);
        out += ",Film ";
        append_number(out, f + 1);
        out += " (";
        append_number(out, 1950 + f % 69);
        out += "),";
        out += kGenres[(f % groups) % std::size(kGenres)];
        out += '\n';
        if (out.size() > (1 << 20)) emit(SyntheticFile::Movies, out), out.clear();
    }
    emit(SyntheticFile::Movies, out);

    // Zipf within a group: the group's k-th film is drawn with weight 1 / (k + 1).
    const uint64_t per_group = (films + groups - 1) / groups;
    std::vector<double> cdf(per_group);
    double total = 0;
    for (uint64_t k = 0; k < per_group; ++k) cdf[k] = total += 1.0 / static_cast<double>(k + 1);
    auto draw_film = [&](uint64_t group) {
        for (;;) {
            const double x = rng.uniform() * total;
            const uint64_t k = static_cast<uint64_t>(std::upper_bound(cdf.begin(), cdf.end(), x) - cdf.begin());
            const uint64_t f = std::min(k, per_group - 1) * groups + group;
            if (f < films) return f;
        }
    };

    const std::vector<uint64_t> counts = user_counts(shape, rng);
    out = "userId,movieId,rating,timestamp\n";
    uint64_t time = 1000000000;
    std::unordered_set<uint64_t> rated;
    for (uint64_t u = 0; u < users; ++u) {
        const uint64_t group = u % groups;
        const float bias = rng.uniform(-0.5f, 0.5f);
        const uint64_t n = counts[u];
        rated.clear();
        while (rated.size() < n) {
            const bool own = rng.uniform() < kOwnGroup;
            const uint64_t f = draw_film(own ? group : rng.below(static_cast<uint32_t>(groups)));
            if (!rated.insert(f).second) continue;
            const bool same = f % groups == group;
            const double stars = 3.1 + (same ? 0.9 : -0.4) + quality[f] + bias + (rng.uniform() - 0.5) * 1.6;
            const int half = static_cast<int>(std::lround(std::clamp(stars, 0.5, 5.0) * 2));
            append_number(out, u + 1);
            out += ',';
            append_number(out, f + 1);
            out += ',';
            append_number(out, static_cast<uint64_t>(half / 2));
            out += half % 2 ? ".5," : ".0,";
            append_number(out, time++);
            out += '\n';
        }
        if (out.size() > (1 << 22)) emit(SyntheticFile::Ratings, out), out.clear();
    }
    emit(SyntheticFile::Ratings, out);
}

}  // namespace reel
