// Joining rating rows to the catalog and numbering users densely; nothing half-built escapes.
#include "dataset.hpp"

#include <algorithm>

#include "error.hpp"
#include "split.hpp"
#include "train_index.hpp"

namespace reel {

namespace {

std::vector<int32_t> user_ids_of(const std::vector<const RatingRows*>& files) {
    std::vector<int32_t> ids;
    for (const RatingRows* f : files)
        for (const RatingRow& r : f->rows) ids.push_back(r.user_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::vector<Rating> index_rows(const Dataset& d, const RatingRows& f) {
    std::vector<Rating> out;
    out.reserve(f.rows.size());
    for (const RatingRow& r : f.rows) {
        const int film = d.catalog.index_of(r.movie_id);
        if (film < 0)
            throw Error(f.file + " line " + std::to_string(r.line) + ": movieId " + std::to_string(r.movie_id) + " is not in movies.csv");
        out.push_back(Rating{d.user_index(r.user_id), film, r.value});
    }
    return out;
}

}  // namespace

int Dataset::user_index(int32_t user_id) const {
    const auto it = std::lower_bound(user_ids.begin(), user_ids.end(), user_id);
    return it != user_ids.end() && *it == user_id ? static_cast<int>(it - user_ids.begin()) : -1;
}

Catalog catalog_of(const std::vector<const RatingRows*>& files) {
    std::vector<int32_t> ids;
    for (const RatingRows* f : files)
        for (const RatingRow& r : f->rows) ids.push_back(r.movie_id);
    return Catalog::from_ids(std::move(ids));
}

Dataset Dataset::from_ratings(Catalog catalog, const RatingRows& all, uint64_t seed) {
    Dataset d;
    d.catalog = std::move(catalog);
    d.user_ids = user_ids_of({&all});
    check_index_fits(all.file, d.users(), d.films(), all.rows.size());
    Split s = split_ratings(index_rows(d, all), seed);
    d.train = std::move(s.train);
    d.test = std::move(s.test);
    d.duplicates = all.duplicates;
    return d;
}

Dataset Dataset::from_split(Catalog catalog, const RatingRows& train, const RatingRows& test) {
    Dataset d;
    d.catalog = std::move(catalog);
    d.user_ids = user_ids_of({&train, &test});
    check_index_fits(train.file, d.users(), d.films(), train.rows.size());
    d.train = index_rows(d, train);
    d.test = index_rows(d, test);
    d.duplicates = train.duplicates + test.duplicates;
    return d;
}

}  // namespace reel
