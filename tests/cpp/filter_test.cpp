// Filters inside the engine: every list honours them and still holds N films when N exist.
#include <gtest/gtest.h>

#include <functional>

#include "engine.hpp"
#include "error.hpp"
#include "support.hpp"

namespace {
using reel_test::error_of;

// 40 films: film f is from 1980 + f / 2, genre Drama when f is even, Comedy when f % 3 == 0
// (both when f % 6 == 0), and film f has f % 7 + 1 raters among 12 users who rate alike.
reel::Engine small_world() {
    std::string movies = "movieId,title,genres\n", ratings = "userId,movieId,rating\n";
    for (int f = 1; f <= 40; ++f) {
        std::string genres = f % 2 == 0 ? "Drama" : "";
        if (f % 3 == 0) genres += genres.empty() ? "Comedy" : "|Comedy";
        if (genres.empty()) genres = "Horror";
        movies += std::to_string(f) + ",Film " + std::to_string(f) + " (" + std::to_string(1980 + f / 2) + ")," + genres + "\n";
        for (int u = 1; u <= f % 7 + 1; ++u) ratings += std::to_string(u) + "," + std::to_string(f) + "," + (f % 2 ? "4.5" : "3.5") + "\n";
    }
    reel::Settings s = reel::default_settings();
    s.set("similar.min_support=1");
    reel::Engine e(s);
    e.load_split(movies, ratings, "");
    e.train();
    return e;
}

}  // namespace

TEST(Filter, EveryListHonoursItAndStillFillsUp) {
    const reel::Engine e = small_world();
    const reel::Catalog& c = e.data().catalog;
    reel::Filter f;
    f.any_genre = reel::genre_mask(c, {"Drama"});
    f.no_genre = reel::genre_mask(c, {"Comedy"});
    f.from_year = 1985;
    f.to_year = 1995;
    f.min_ratings = 2;
    auto check = [&](int32_t id) {
        const reel::Film& film = c.film(static_cast<size_t>(c.index_of(id)));
        EXPECT_TRUE(film.genres & f.any_genre) << id;
        EXPECT_FALSE(film.genres & f.no_genre) << id;
        EXPECT_GE(film.year, 1985);
        EXPECT_LE(film.year, 1995);
        EXPECT_GE(e.train_index().count(c.index_of(id)), 2);
    };
    // Films passing: even, not a multiple of 3, 10 ≤ f ≤ 31, f % 7 ≥ 1 → 10, 16, 20, 22, 26; user 7
    // rated only the films with f % 7 == 6, of which 20 passes.
    for (const reel::ModelSpec* m : reel::model_specs()) {
        if (e.model(m->name).has_vectors()) {  // films like X need film vectors; popularity has none
            const auto a = e.similar(1, 4, m->name, f);
            EXPECT_EQ(a.size(), 4u) << m->name;
            for (const auto& p : a) check(p.movie_id);
        }
        const auto b = e.recommend(7, 4, m->name, f);
        EXPECT_EQ(b.size(), 4u) << m->name;
        for (const auto& p : b) check(p.movie_id);
        const auto v = e.recommend_for({{1, 5.0f}, {3, 4.0f}}, 10, m->name, f);
        EXPECT_EQ(v.picks.size(), 5u) << m->name;  // all that pass, and no more
        for (const auto& p : v.picks) check(p.movie_id);
    }
    reel::Filter gems;
    gems.max_ratings = 1;  // films rated once: f % 7 == 0 → 7, 14, 21, 28, 35
    const auto g = e.recommend_for({{1, 5.0f}}, 10, "ranking", gems);
    EXPECT_EQ(g.picks.size(), 5u);
    for (const auto& p : g.picks) EXPECT_EQ(p.movie_id % 7, 0);
}

TEST(Filter, ANonsenseFilterIsAClearError) {
    const reel::Engine e = small_world();
    reel::Filter f;
    f.from_year = 2000;
    f.to_year = 1990;
    EXPECT_EQ(error_of([&] { e.recommend(1, 5, "ranking", f); }), "the filter's years run backwards (from 2000 to 1990)");
    reel::Filter g;
    g.min_ratings = 10;
    g.max_ratings = 5;
    EXPECT_EQ(error_of([&] { e.similar(1, 5, "ranking", g); }), "the filter asks for at least 10 and at most 5 ratings");
    EXPECT_EQ(error_of([&] { reel::genre_mask(e.data().catalog, {"Western"}); }),
              "no genre 'Western' (the genres are Horror, Drama, Comedy)");
}
