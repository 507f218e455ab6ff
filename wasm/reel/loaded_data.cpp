// Building the indexes of a loaded dataset, and finding users and films in it.
#include "loaded_data.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "bytes.hpp"
#include "error.hpp"
#include "metrics.hpp"

namespace reel {

namespace {
uint64_t fingerprint_of(const Dataset& data) {
    Fnv64 h;
    for (const Film& f : data.catalog.films()) {
        h.add_u64(static_cast<uint64_t>(f.movie_id));
        h.add(f.title);
        h.add_u64(f.genres);
    }
    for (int32_t id : data.user_ids) h.add_u64(static_cast<uint64_t>(id));
    for (const std::vector<Rating>* part : {&data.train, &data.test}) {
        h.add_u64(part->size());
        for (const Rating& r : *part)
            h.add_u64((uint64_t(uint32_t(r.user)) << 32) ^ (uint64_t(uint32_t(r.film)) << 4) ^ uint64_t(r.value * 2));
    }
    return h.value();
}
}  // namespace

std::unique_ptr<LoadedData> LoadedData::build(Dataset dataset) {
    auto s = std::make_unique<LoadedData>();
    s->data = std::move(dataset);
    const Dataset& d = s->data;
    if (d.train.empty()) throw Error("no training ratings: the ratings file has no rows");
    s->index = TrainIndex(d.train, d.users(), d.films());

    // Every rating by user (a counting sort), then each user's by film: a (user, film) pair
    // occurs once, so this is the order a sort by (user, film) gives, without a copy of them all.
    s->seen_offsets.assign(d.users() + 1, 0);
    for (const std::vector<Rating>* part : {&d.train, &d.test})
        for (const Rating& r : *part) ++s->seen_offsets[static_cast<size_t>(r.user) + 1];
    std::partial_sum(s->seen_offsets.begin(), s->seen_offsets.end(), s->seen_offsets.begin());
    s->seen.resize(s->seen_offsets.back());
    std::vector<size_t> next(s->seen_offsets.begin(), s->seen_offsets.end() - 1);
    for (const std::vector<Rating>* part : {&d.train, &d.test})
        for (const Rating& r : *part) s->seen[next[static_cast<size_t>(r.user)]++] = Rated{r.film, r.value};
    for (size_t u = 0; u < d.users(); ++u)
        std::sort(s->seen.begin() + static_cast<std::ptrdiff_t>(s->seen_offsets[u]),
                  s->seen.begin() + static_cast<std::ptrdiff_t>(s->seen_offsets[u + 1]),
                  [](const Rated& a, const Rated& b) { return a.film < b.film; });

    s->search = TitleSearch(d.catalog);  // points into s->data.catalog, which stays put
    s->likers = Likers(s->index);
    s->relevant = relevant_films(d.test, d.users());
    s->fingerprint = fingerprint_of(d);
    return s;
}

int LoadedData::user_of(int32_t user_id) const {
    const int u = data.user_index(user_id);
    if (u < 0) throw Error("no user " + std::to_string(user_id) + " in the ratings");
    return u;
}

int LoadedData::film_of(int32_t movie_id) const {
    const int i = data.catalog.index_of(movie_id);
    if (i < 0) throw Error("no film with movieId " + std::to_string(movie_id));
    return i;
}

std::vector<int32_t> LoadedData::seen_films(int u) const {
    std::vector<int32_t> films;
    for (size_t p = seen_offsets[static_cast<size_t>(u)]; p < seen_offsets[static_cast<size_t>(u) + 1]; ++p) films.push_back(seen[p].film);
    return films;
}

}  // namespace reel
