// The engine as its faces use it: errors that leave it usable, queries before training, reuse.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "engine.hpp"
#include "error.hpp"
#include "synthetic.hpp"
#include "support.hpp"

using reel_test::error_of;

TEST(Engine, AFailedLoadKeepsWhatWasLoaded) {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    e.load(d.movies_csv, d.ratings_csv, 1);
    const size_t before = e.data().train.size();
    const uint64_t fingerprint = e.fingerprint();
    const auto bad_line = std::count(d.ratings_csv.begin(), d.ratings_csv.end(), '\n') + 1;
    EXPECT_EQ(error_of([&] { e.load(d.movies_csv, d.ratings_csv + "3,999,4.0,1\n", 1, "m.csv", "/tmp/my ratings.csv"); }),
              "/tmp/my ratings.csv line " + std::to_string(bad_line) + ": movieId 999 is not in movies.csv");
    EXPECT_EQ(error_of([&] { e.load("movieId,title\n1,\"A\n", d.ratings_csv, 1, "films.csv"); }),
              "films.csv line 2: a quoted field is never closed");
    EXPECT_EQ(e.data().train.size(), before);
    EXPECT_EQ(e.fingerprint(), fingerprint);
    e.train();  // still usable
    EXPECT_EQ(e.recommend(1, 3, "ranking").size(), 3u);
}

TEST(Engine, NothingLoadedOrNotTrainedYetIsAClearError) {
    reel::Engine e;
    EXPECT_EQ(error_of([&] { e.search("x", 3); }), "no data loaded yet");
    EXPECT_EQ(error_of([&] { e.train_epoch("rating"); }), "no data loaded yet");
    const auto d = reel::make_synthetic({});
    e.load(d.movies_csv, d.ratings_csv, 1);
    EXPECT_EQ(error_of([&] { e.recommend(1, 3, "ranking"); }), "the ranking model is not trained yet");
    EXPECT_EQ(error_of([&] { e.similar(1, 3, "rating"); }), "the rating model is not trained yet");
    EXPECT_EQ(error_of([&] { e.evaluate(); }), "the rating model is not trained yet");
    EXPECT_EQ(error_of([&] { e.save(); }), "the rating model is not trained yet, so there is nothing to save");
    e.train();
    EXPECT_EQ(error_of([&] { e.recommend(99999, 3, "ranking"); }), "no user 99999 in the ratings");
    EXPECT_EQ(error_of([&] { e.similar(99999, 3, "rating"); }), "no film with movieId 99999");
    EXPECT_EQ(error_of([&] { e.train_epoch("ranking"); }), "the ranking model has already trained all its epochs");
    // The message offers names that work, the three models among them.
    const std::string unknown = error_of([&] { e.recommend(1, 3, "best"); });
    const std::string head = "unknown model 'best' (the models are ";
    ASSERT_EQ(unknown.substr(0, head.size()), head);
    ASSERT_EQ(unknown.back(), ')');
    std::vector<std::string> offered;
    std::istringstream list(unknown.substr(head.size(), unknown.size() - head.size() - 1));
    for (std::string name; std::getline(list >> std::ws, name, ',');) offered.push_back(name);
    for (const char* model : {"rating", "ranking", "implicit"})
        EXPECT_EQ(std::count(offered.begin(), offered.end(), model), 1) << model << " is not offered once in: " << unknown;
    for (const std::string& name : offered) EXPECT_EQ(error_of([&] { e.recommend(1, 3, name); }), "") << name << " is offered but refused";
    EXPECT_EQ(error_of([&] { e.recommend(1, 1001, "ranking"); }), "a list holds at most 1000 films, not 1001");
}

TEST(Engine, EpochReportsCountUpAndTheLossFalls) {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    e.load(d.movies_csv, d.ratings_csv, 2);
    const auto first = e.train_epoch("rating");
    EXPECT_EQ(first.epoch, 1);
    EXPECT_EQ(first.epochs, e.model("rating").epochs());
    reel::EpochReport last = first;
    while (!e.trained("rating")) last = e.train_epoch("rating");
    EXPECT_EQ(last.epoch, last.epochs);
    EXPECT_LT(last.loss, first.loss);
    const auto bpr_first = e.train_epoch("ranking");
    EXPECT_GT(bpr_first.loss, 0.3);  // about ln 2 while the vectors are still random
    EXPECT_LT(bpr_first.loss, 1.0);
    reel::EpochReport bpr_last = bpr_first;
    while (!e.trained("ranking")) bpr_last = e.train_epoch("ranking");
    EXPECT_LT(bpr_last.loss, bpr_first.loss / 2);
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
    for (size_t m = 0; m < a.models.size(); ++m) {
        EXPECT_EQ(a.models[m].recall10, b.models[m].recall10);
        EXPECT_EQ(a.models[m].ndcg10, b.models[m].ndcg10);
    }
    EXPECT_EQ(a.models[0].rmse, b.models[0].rmse);
    EXPECT_NE(a.models[0].rmse, c.models[0].rmse);
}

TEST(Engine, UsersAndFilmsUnseenInTrainingGetTheMeanPlusKnownBiases) {
    reel::Engine e;
    e.load_split("", "userId,movieId,rating\n1,1,4.0\n1,2,2.0\n2,1,5.0\n", "userId,movieId,rating\n3,1,3.0\n1,3,3.0\n3,4,1.0\n");
    e.train();
    const auto p = e.test_predictions("rating");
    ASSERT_EQ(p.size(), 3u);
    const float mu = (4.0f + 2.0f + 5.0f) / 3;
    EXPECT_NEAR(p[2].prediction, mu, 1e-6);  // new user, new film: the mean alone
    EXPECT_NE(p[0].prediction, mu);          // new user, known film: the film's bias counts
    EXPECT_TRUE(std::isfinite(e.evaluate().models[0].rmse));
    EXPECT_EQ(error_of([&] { e.test_predictions("ranking"); }), "the ranking model does not predict stars");
}

TEST(Engine, AnEmptyTestSetIsAnErrorNotAZero) {
    reel::Engine e;
    e.load_split("", "userId,movieId,rating\n1,1,4.0\n1,2,2.0\n2,1,5.0\n", "");
    e.train();
    EXPECT_EQ(error_of([&] { e.evaluate(); }), "there are no held-out ratings to measure on");
}

TEST(Engine, ModelsComeFromTheRegistryInItsOrder) {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    e.load(d.movies_csv, d.ratings_csv, 1);
    e.train();
    const reel::Figures f = e.evaluate();
    ASSERT_EQ(f.models.size(), reel::model_specs().size());
    for (size_t m = 0; m < f.models.size(); ++m) {
        EXPECT_EQ(f.models[m].spec, reel::model_specs()[m]);
        EXPECT_EQ(std::isnan(f.models[m].rmse), !f.models[m].spec->predicts_stars);
        EXPECT_EQ(e.model(reel::model_specs()[m]->name).spec().name, std::string(reel::model_specs()[m]->name));
    }
}

TEST(Engine, EvaluationInStepsGivesTheSameFiguresBitForBit) {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    e.load(d.movies_csv, d.ratings_csv, 8);
    EXPECT_EQ(error_of([&] { e.start_evaluation(); }), "the rating model is not trained yet");
    e.train();
    const reel::Figures whole = e.evaluate();
    e.start_evaluation();
    double done = 0, before = 0;
    while ((done = e.evaluation_step(7)) < 1.0) {
        EXPECT_GT(done, before);  // it moves every step
        before = done;
        EXPECT_EQ(error_of([&] { e.evaluation_figures(); }), "the evaluation has not finished");
    }
    const reel::Figures steps = e.evaluation_figures();
    EXPECT_EQ(steps.popularity_recall10, whole.popularity_recall10);
    for (size_t m = 0; m < whole.models.size(); ++m) {
        EXPECT_EQ(steps.models[m].recall10, whole.models[m].recall10);
        EXPECT_EQ(steps.models[m].ndcg10, whole.models[m].ndcg10);
        EXPECT_EQ(std::isnan(steps.models[m].rmse) ? 0.0 : steps.models[m].rmse,
                  std::isnan(whole.models[m].rmse) ? 0.0 : whole.models[m].rmse);
    }
}

TEST(Engine, SearchWorksFromTheCatalogueAloneBeforeTheRatingsArrive) {
    reel::Engine e;
    e.load_catalog("movieId,title,genres\n1,Toy Story (1995),Animation\n2,Toy Story 2 (1999),Animation\n3,Heat (1995),Action\n");
    EXPECT_EQ(e.search("toy", 5), (std::vector<int32_t>{1, 2}));  // no popularity yet: the smaller movieId first
    EXPECT_EQ(e.training_counts(), (std::vector<int32_t>{0, 0, 0}));
    EXPECT_EQ(error_of([&] { e.recommend(1, 3, "ranking"); }), "no data loaded yet");
    EXPECT_NE(error_of([&] { e.load_catalog("movieId,title\n1,\"A\n"); }), "");
    EXPECT_EQ(e.search("heat", 5), std::vector<int32_t>{3});  // a failed catalogue keeps the one before
}

TEST(Engine, ASearchIsCappedInCharactersNotBytes) {
    reel::Engine e;
    e.load_catalog("movieId,title,genres\n1,Am\xC3\xA9lie (2001),Comedy\n");
    std::string accented;  // 200 characters of two bytes each: at the cap, so searched
    for (int i = 0; i < 200; ++i) accented += "\xC3\xA9";
    EXPECT_EQ(e.search(accented, 5), std::vector<int32_t>{});
    EXPECT_EQ(error_of([&] { e.search(accented + "e", 5); }), "a search is at most 200 characters long");
    EXPECT_EQ(error_of([&] { e.search(std::string(201, 'e'), 5); }), "a search is at most 200 characters long");
    EXPECT_EQ(e.search("amelie", 5), std::vector<int32_t>{1});  // and the engine still answers
}

TEST(Engine, SavedModelsAreKeptUnderAKeyOfTheDataAndEverySetting) {
    const auto d = reel::make_synthetic({});
    reel::Engine a, b, c;
    a.load(d.movies_csv, d.ratings_csv, 1);
    b.load(d.movies_csv, d.ratings_csv, 1);
    c.load(d.movies_csv, d.ratings_csv, 2);  // other training data
    EXPECT_EQ(a.model_key(), b.model_key());
    EXPECT_NE(a.model_key(), c.model_key());
    reel::Settings s = reel::default_settings();
    s.set("implicit.unobserved=0.25");
    reel::Engine other(s);
    other.load(d.movies_csv, d.ratings_csv, 1);
    EXPECT_NE(other.model_key(), a.model_key());
}
