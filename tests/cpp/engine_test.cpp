// The engine as its faces use it: errors that leave it usable, queries before training, reuse.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine.hpp"
#include "error.hpp"
#include "synthetic.hpp"

namespace {
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const reel::Error& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(Engine, AFailedLoadKeepsWhatWasLoaded) {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    e.load(d.movies_csv, d.ratings_csv, 1);
    const size_t before = e.data().train.size();
    const auto bad_line = std::count(d.ratings_csv.begin(), d.ratings_csv.end(), '\n') + 1;
    EXPECT_EQ(error_of([&] { e.load(d.movies_csv, d.ratings_csv + "3,999,4.0,1\n", 1); }),
              "ratings.csv line " + std::to_string(bad_line) + ": movieId 999 is not in movies.csv");
    EXPECT_EQ(error_of([&] { e.load("movieId,title\n1,\"A\n", d.ratings_csv, 1); }),
              "movies.csv line 2: a quoted field is never closed");
    EXPECT_EQ(e.data().train.size(), before);
    e.train();  // still usable
    EXPECT_EQ(e.recommend(1, 3).size(), 3u);
}

TEST(Engine, NothingLoadedOrNotTrainedYetIsAClearError) {
    reel::Engine e;
    EXPECT_EQ(error_of([&] { e.search("x", 3); }), "no data loaded yet");
    EXPECT_EQ(error_of([&] { e.train_epoch(reel::Model::Rating); }), "no data loaded yet");
    const auto d = reel::make_synthetic({});
    e.load(d.movies_csv, d.ratings_csv, 1);
    EXPECT_EQ(error_of([&] { e.recommend(1, 3); }), "the ranking model is not trained yet");
    EXPECT_EQ(error_of([&] { e.similar(1, 3, reel::Model::Rating); }), "the rating model is not trained yet");
    EXPECT_EQ(error_of([&] { e.evaluate(); }), "the rating model is not trained yet");
    e.train();
    EXPECT_EQ(error_of([&] { e.recommend(99999, 3); }), "no user 99999 in the ratings");
    EXPECT_EQ(error_of([&] { e.similar(99999, 3, reel::Model::Rating); }), "no film with movieId 99999");
    EXPECT_EQ(error_of([&] { e.train_epoch(reel::Model::Ranking); }), "the ranking model has already trained all its epochs");
    EXPECT_EQ(error_of([&] { reel::model_named("best"); }), "unknown model 'best' (expected rating or ranking)");
}

TEST(Engine, EpochReportsCountUpAndTheHeldOutErrorFalls) {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    e.load(d.movies_csv, d.ratings_csv, 2);
    const auto first = e.train_epoch(reel::Model::Rating);
    EXPECT_EQ(first.epoch, 1);
    EXPECT_EQ(first.epochs, e.epochs(reel::Model::Rating));
    reel::EpochReport last = first;
    while (!e.trained(reel::Model::Rating)) last = e.train_epoch(reel::Model::Rating);
    EXPECT_EQ(last.epoch, last.epochs);
    EXPECT_LT(last.held_out, first.held_out);
    EXPECT_LT(last.loss, first.loss);
    const auto bpr_first = e.train_epoch(reel::Model::Ranking);
    EXPECT_GT(bpr_first.loss, 0.3);  // about ln 2 while the vectors are still random
    EXPECT_LT(bpr_first.loss, 1.0);
    reel::EpochReport bpr_last = bpr_first;
    while (!e.trained(reel::Model::Ranking)) bpr_last = e.train_epoch(reel::Model::Ranking);
    EXPECT_LT(bpr_last.loss, bpr_first.loss / 2);
    EXPECT_TRUE(std::isnan(bpr_last.held_out));
}

TEST(Engine, SameSeedSameModelOtherSeedOtherSplit) {
    const auto d = reel::make_synthetic({});
    auto figures = [&](uint64_t seed) {
        reel::Engine e;
        e.load(d.movies_csv, d.ratings_csv, seed);
        e.train();
        return e.evaluate();
    };
    const auto a = figures(5), b = figures(5), c = figures(6);
    EXPECT_EQ(a.rating_rmse, b.rating_rmse);
    EXPECT_EQ(a.ranking_recall10, b.ranking_recall10);
    EXPECT_NE(a.rating_rmse, c.rating_rmse);
}

TEST(Engine, UsersAndFilmsUnseenInTrainingGetTheMeanPlusKnownBiases) {
    reel::Engine e;
    e.load_split("", "userId,movieId,rating\n1,1,4.0\n1,2,2.0\n2,1,5.0\n",
                 "userId,movieId,rating\n3,1,3.0\n1,3,3.0\n3,4,1.0\n");
    e.train();
    const auto p = e.test_predictions();
    ASSERT_EQ(p.size(), 3u);
    const float mu = (4.0f + 2.0f + 5.0f) / 3;
    EXPECT_NEAR(p[2].prediction, mu, 1e-6);  // new user, new film: the mean alone
    EXPECT_NE(p[0].prediction, mu);          // new user, known film: the film's bias counts
    EXPECT_TRUE(std::isfinite(e.evaluate().rating_rmse));
}

TEST(Engine, SettingsAreCheckedByName) {
    reel::Config c;
    reel::set_option(c, "rating.epochs=12");
    EXPECT_EQ(c.rating.epochs, 12);
    EXPECT_EQ(error_of([&] { reel::set_option(c, "rating.factors=10"); }),
              "setting rating.factors must be a multiple of 4 from 4 to 1024");
    EXPECT_EQ(error_of([&] { reel::set_option(c, "speed=11"); }), "unknown setting 'speed'");
    EXPECT_EQ(error_of([&] { reel::set_option(c, "rating.reg=lots"); }), "setting rating.reg: 'lots' is not a number");
}
