// Labelled synthetic data with planted structure (groups of users who like their group's
// films), as movies.csv and ratings.csv bytes, so tests need no download and know the truth.
#pragma once
#include <cstdint>
#include <string>

namespace reel {

struct SyntheticSpec {
    int groups = 4;
    int users_per_group = 40;
    int films_per_group = 30;
    int ratings_per_user = 30;
    float own_group_share = 0.85f;  // the share of a user's ratings that fall in their own group
    uint64_t seed = 7;
};

struct SyntheticData {
    std::string movies_csv, ratings_csv;
    // The planted truth: film f (movieId f + 1) belongs to group f / films_per_group, and so
    // does user u (userId u + 1) with u / users_per_group. Own-group films are rated 4–5 stars,
    // the others 0.5–2.5; each film's genre names its group ("Group2").
    int group_of_film(int32_t movie_id) const { return (movie_id - 1) / spec.films_per_group; }
    int group_of_user(int32_t user_id) const { return (user_id - 1) / spec.users_per_group; }
    SyntheticSpec spec;
};

SyntheticData make_synthetic(const SyntheticSpec& spec);

}  // namespace reel
