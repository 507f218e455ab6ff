// Training recovers the structure planted in synthetic data: no download, known truth.
#include <gtest/gtest.h>

#include <cmath>

#include "engine.hpp"
#include "synthetic.hpp"

namespace {
reel::Engine trained_on(const reel::SyntheticData& d, uint64_t seed) {
    reel::Settings s = reel::default_settings();
    s.set("similar.min_support=5");
    reel::Engine e(s);
    e.load(d.movies_csv, d.ratings_csv, seed);
    e.train();
    return e;
}
}  // namespace

TEST(Synthetic, GeneratorPlantsWhatItSays) {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    const auto s = e.load(d.movies_csv, d.ratings_csv, 1);
    EXPECT_EQ(s.users, 160u);
    EXPECT_EQ(s.films, 120u);
    EXPECT_EQ(s.ratings, 160u * 30u);
    EXPECT_EQ(e.data().catalog.genre_names().size(), 4u);
}

TEST(Synthetic, NeighboursOfAFilmComeFromItsOwnGroup) {
    const auto d = reel::make_synthetic({});
    const reel::Engine e = trained_on(d, 3);
    for (const reel::ModelSpec* model : reel::model_specs()) {
        if (!e.model(model->name).has_vectors()) continue;  // popularity places no film near another
        int same = 0, total = 0;
        for (int32_t film = 1; film <= 120; film += 7)
            for (const reel::Neighbour& p : e.similar(film, 5, model->name)) {
                same += d.group_of_film(p.movie_id) == d.group_of_film(film);
                ++total;
            }
        // Chance alone would put a quarter of them in the same group.
        EXPECT_GT(same, total * 9 / 10) << model->name;
    }
}

TEST(Synthetic, RankersBeatPopularityAndTheRatingModelBeatsTheMean) {
    const auto d = reel::make_synthetic({});
    const reel::Engine e = trained_on(d, 4);
    const reel::Figures f = e.evaluate();
    for (const reel::ModelFigures& m : f.models)
        if (!m.spec->predicts_stars && m.spec->trains()) {  // every ranker but the baseline itself
            EXPECT_GT(m.recall10, 2 * f.popularity_recall10) << m.spec->name;
        }
    // The planted tastes explain most of what the global mean leaves unexplained.
    double mean = 0, sq = 0;
    for (const auto& r : e.data().train) mean += r.value;
    mean /= static_cast<double>(e.data().train.size());
    for (const auto& r : e.data().test) sq += (r.value - mean) * (r.value - mean);
    EXPECT_LT(f.models[0].rmse, 0.6 * std::sqrt(sq / static_cast<double>(e.data().test.size())));
    // A user's next watches come mostly from their own group.
    int same = 0;
    for (int32_t user = 1; user <= 160; user += 9)
        for (const reel::Pick& p : e.recommend(user, 5, "ranking")) same += d.group_of_film(p.movie_id) == d.group_of_user(user);
    EXPECT_GT(same, 18 * 5 * 8 / 10);
}

TEST(Synthetic, AVisitorFoldedInGetsTheirOwnGroupWithReasonsFromIt) {
    const auto d = reel::make_synthetic({});
    const reel::Engine e = trained_on(d, 5);
    // A visitor who loves four films of group 2 and dislikes one of group 0.
    const std::vector<reel::ProfileEntry> profile = {{61, 5.0f}, {65, 4.5f}, {70, 5.0f}, {88, 4.0f}, {3, 1.0f}};
    for (const reel::ModelSpec* model : reel::model_specs()) {
        if (!e.model(model->name).has_vectors()) continue;  // popularity has no taste to fold a visitor into
        const reel::VisitorPicks r = e.recommend_for(profile, 10, model->name);
        ASSERT_EQ(r.picks.size(), 10u);
        int own = 0, loved_first = 0;
        for (const reel::Recommendation& p : r.picks) {
            own += d.group_of_film(p.movie_id) == 2;
            for (const reel::ProfileEntry& mine : profile) EXPECT_NE(p.movie_id, mine.movie_id);
            ASSERT_FALSE(p.because.empty()) << model->name;
            loved_first += d.group_of_film(p.because[0].movie_id) == 2;  // pushed up by the loved films
        }
        // A stars model may also lift a film for being unlike the one the visitor disliked.
        const int bar = model->predicts_stars ? 7 : 9;
        EXPECT_GE(own, bar) << model->name;
        EXPECT_GE(loved_first, bar) << model->name;
    }
}
