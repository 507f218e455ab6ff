// The map of taste: the same bits every run, planted groups drawn apart, and on MovieLens more
// faithful to the film vectors' neighbourhoods than PCA, by the measure the page shows.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "engine.hpp"
#include "synthetic.hpp"
#include "support.hpp"
#include "trained.hpp"

namespace {

reel::MapLayout draw(reel::Engine& e) {
    e.start_map();
    for (auto p = e.map_epoch(); p.first < p.second; p = e.map_epoch()) {
    }
    return e.map();
}

reel::Engine synthetic_engine() {
    reel::Settings s = reel::default_settings();
    s.set("similar.min_support=5");
    reel::Engine e(s);
    const auto d = reel::make_synthetic({});
    e.load(d.movies_csv, d.ratings_csv, 3);
    e.train();
    return e;
}

}  // namespace

TEST(FilmMap, PlantedGroupsComeOutSeparated) {
    const auto d = reel::make_synthetic({});
    reel::Engine e = synthetic_engine();
    const reel::MapLayout m = draw(e);
    ASSERT_EQ(m.movie_ids.size(), 120u);
    // Each film's 5 nearest on the map: from its own group far more often than chance (1 in 4).
    size_t same = 0, total = 0;
    for (size_t i = 0; i < m.movie_ids.size(); ++i) {
        std::vector<std::pair<float, size_t>> by_distance;
        for (size_t j = 0; j < m.movie_ids.size(); ++j)
            if (j != i) by_distance.emplace_back(std::hypot(m.xy[2 * i] - m.xy[2 * j], m.xy[2 * i + 1] - m.xy[2 * j + 1]), j);
        std::partial_sort(by_distance.begin(), by_distance.begin() + 5, by_distance.end());
        for (size_t n = 0; n < 5; ++n, ++total)
            same += d.group_of_film(m.movie_ids[i]) == d.group_of_film(m.movie_ids[by_distance[n].second]);
    }
    EXPECT_GT(same, total * 9 / 10);
}

TEST(FilmMap, BuildsItsGraphInStepsBeforeTheFirstEpochSoNoCallHoldsThePageLong) {
    reel::Engine e = synthetic_engine();
    e.start_map();
    int graph_steps = 0;
    auto p = e.map_epoch();
    for (; p.first == 0; p = e.map_epoch()) ++graph_steps;
    EXPECT_EQ(graph_steps, 120 / 16 + 1);  // 16 films' rows a step over 120 films; the last step finishes the graph
    EXPECT_EQ(p.first, 1);
    EXPECT_NE(reel_test::error_of([&] { e.map(); }), "");  // not drawn until its epochs are done
}

TEST(FilmMap, TheSameSeedDrawsTheSameMapBitForBit) {
    reel::Engine a = synthetic_engine(), b = synthetic_engine();
    const reel::MapLayout x = draw(a), y = draw(b);
    EXPECT_EQ(x.movie_ids, y.movie_ids);
    EXPECT_EQ(x.xy, y.xy);
}

TEST(FilmMap, OnMovieLensItKeepsNeighbourhoodsFarBetterThanPcaOrChance) {
    reel::Engine e = reel_test::restored(reel_test::Trained::page);  // its own: drawing the map changes it
    const reel::MapLayout m = draw(e);
    EXPECT_GT(m.movie_ids.size(), 1500u);  // every film with at least 10 training ratings
    const reel::MapFigures f = e.map_figures();
    EXPECT_GT(f.map, 2 * f.pca);
    EXPECT_GT(f.pca, 2 * f.random);
    EXPECT_GT(f.map, 0.15);
}

TEST(FilmMap, ItsFiguresInStepsAreTheOneCallsBitForBit) {
    reel::Engine a = synthetic_engine(), b = synthetic_engine();
    draw(a), draw(b);
    const reel::MapFigures whole = a.map_figures();  // no step taken: computed in one call
    int steps = 0;
    for (double share = 0; share < 1; ++steps) share = b.map_figures_step(7);
    EXPECT_EQ(steps, 120 / 7 + 1);  // seven films a step over 120
    const reel::MapFigures stepped = b.map_figures();
    EXPECT_EQ(stepped.map, whole.map);
    EXPECT_EQ(stepped.pca, whole.pca);
    EXPECT_EQ(stepped.random, whole.random);
    EXPECT_GT(stepped.map, stepped.random);  // and they measure something
    EXPECT_NE(reel_test::error_of([] {
                  reel::Engine e = synthetic_engine();
                  e.map_figures_step(10);
              }),
              "");  // nothing to compare before the map is drawn
}
