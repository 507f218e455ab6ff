// Training recovers the structure planted in synthetic data: no download, known truth.
#include <gtest/gtest.h>

#include <cmath>

#include "engine.hpp"
#include "synthetic.hpp"

namespace {
reel::Engine trained_on(const reel::SyntheticData& d, uint64_t seed) {
    reel::Config c;
    c.similar.min_support = 5;
    reel::Engine e(c);
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
    for (reel::Model model : {reel::Model::Rating, reel::Model::Ranking}) {
        int same = 0, total = 0;
        for (int32_t film = 1; film <= 120; film += 7)
            for (const reel::Pick& p : e.similar(film, 5, model)) {
                same += d.group_of_film(p.movie_id) == d.group_of_film(film);
                ++total;
            }
        // Chance alone would put a quarter of them in the same group.
        EXPECT_GT(same, total * 9 / 10) << (model == reel::Model::Rating ? "rating" : "ranking");
    }
}

TEST(Synthetic, RankingModelBeatsPopularityAndRatingModelBeatsTheMean) {
    const auto d = reel::make_synthetic({});
    const reel::Engine e = trained_on(d, 4);
    const reel::Figures f = e.evaluate();
    EXPECT_GT(f.ranking_recall10, 2 * f.popularity_recall10);
    // The planted tastes explain most of what the global mean leaves unexplained.
    double mean = 0, sq = 0;
    for (const auto& r : e.data().train) mean += r.value;
    mean /= static_cast<double>(e.data().train.size());
    for (const auto& r : e.data().test) sq += (r.value - mean) * (r.value - mean);
    EXPECT_LT(f.rating_rmse, 0.6 * std::sqrt(sq / static_cast<double>(e.data().test.size())));
    // A user's next watches come mostly from their own group.
    int same = 0;
    for (int32_t user = 1; user <= 160; user += 9)
        for (const reel::Pick& p : e.recommend(user, 5)) same += d.group_of_film(p.movie_id) == d.group_of_user(user);
    EXPECT_GT(same, 18 * 5 * 8 / 10);
}
