// Folding a viewer in against frozen films: deterministic, explained exactly, and as good as
// training the viewer (checked on the canonical split).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

#include "engine.hpp"
#include "error.hpp"
#include "synthetic.hpp"
#include "support.hpp"
#include "trained.hpp"

namespace {
using reel_test::read;

using reel_test::kSplit;

reel::Engine trained_synthetic() {
    const auto d = reel::make_synthetic({});
    reel::Engine e;
    e.load(d.movies_csv, d.ratings_csv, 11);
    e.train();
    return e;
}

const std::vector<reel::ProfileEntry> kVisitor = {{61, 5.0f}, {65, 4.5f}, {70, 5.0f}, {88, 4.0f}, {3, 1.0f}, {40, 3.0f}};

}  // namespace

TEST(FoldIn, ScoresSplitExactlyOverTheRatedFilms) {
    const reel::Engine e = trained_synthetic();
    for (const reel::ModelSpec* model : reel::model_specs())
        for (int32_t film : {2, 33, 62, 99, 117}) {
            const reel::Explained x = e.explain_for(kVisitor, film, model->name);
            ASSERT_EQ(x.shares.size(), kVisitor.size()) << model->name;
            double sum = x.base;
            for (const reel::Reason& r : x.shares) sum += r.share;
            EXPECT_NEAR(sum, x.score, 1e-4 * std::max(1.0f, std::fabs(x.score))) << model->name << " film " << film;
            // Shares come back in movieId order, one per rated film.
            for (size_t j = 1; j < x.shares.size(); ++j) EXPECT_LT(x.shares[j - 1].movie_id, x.shares[j].movie_id);
        }
}

TEST(FoldIn, TheSameRatingsInAnyOrderGiveTheSameAnswer) {
    const reel::Engine e = trained_synthetic();
    std::vector<reel::ProfileEntry> shuffled(kVisitor.rbegin(), kVisitor.rend());
    for (const reel::ModelSpec* model : reel::model_specs()) {
        const auto a = e.recommend_for(kVisitor, 10, model->name), b = e.recommend_for(shuffled, 10, model->name);
        ASSERT_EQ(a.picks.size(), b.picks.size());
        for (size_t p = 0; p < a.picks.size(); ++p) {
            EXPECT_EQ(a.picks[p].movie_id, b.picks[p].movie_id) << model->name;
            EXPECT_EQ(a.picks[p].score, b.picks[p].score) << model->name;  // bit for bit
        }
    }
}

TEST(FoldIn, NeverOffersARatedFilmAndReportsWhatItSetAside) {
    reel::Engine e;
    // Film 5 is in the catalogue but nobody rated it in training; film 999 is not in the catalogue.
    e.load_split("movieId,title,genres\n1,A (2000),Drama\n2,B (2001),Drama\n3,C (2002),Comedy\n4,D (2003),Comedy\n5,E (2004),Drama\n",
                 "userId,movieId,rating\n1,1,5\n1,2,4\n2,2,5\n2,3,4\n3,3,5\n3,4,4\n4,1,4\n4,4,5\n", "");
    e.train();
    const std::vector<reel::ProfileEntry> me = {{1, 5.0f}, {5, 4.0f}, {999, 3.0f}};
    const std::vector<reel::ProfileEntry> seen_elsewhere = {{3, 4.0f}};
    for (const reel::ModelSpec* model : reel::model_specs()) {
        const reel::VisitorPicks r = e.recommend_for(me, 10, model->name, {}, &seen_elsewhere);
        EXPECT_EQ(r.unknown, std::vector<int32_t>{999});
        EXPECT_EQ(r.unrated, std::vector<int32_t>{5});
        std::vector<int32_t> ids;
        for (const auto& p : r.picks) ids.push_back(p.movie_id);
        std::sort(ids.begin(), ids.end());
        EXPECT_EQ(ids, (std::vector<int32_t>{2, 4})) << model->name;  // not 1 (rated), 3 (seen), 5 (no training ratings)
    }
}

TEST(FoldIn, ABadStarIsAClearError) {
    const reel::Engine e = trained_synthetic();
    try {
        e.recommend_for({{1, 4.2f}}, 10, "ranking");
        FAIL() << "no error";
    } catch (const reel::Error& err) {
        EXPECT_STREQ(err.what(), "the rating of movieId 1 is 4.2, not a half star from 0.5 to 5");
    }
}

TEST(FoldIn, AUserWithNothingLikedRanksByTheFilmBiasAlone) {
    // User 442 of MovieLens rated nothing 3.5 or more in training: no random start, a zero vector.
    const reel::Engine& e = reel_test::shared(reel_test::Trained::canonical);
    const int u = e.data().user_index(442);
    ASSERT_GE(u, 0);
    const reel::Taste t = e.model("ranking").user(u);
    EXPECT_TRUE(std::all_of(t.vector.begin(), t.vector.end(), [](float x) { return x == 0.0f; }));
    const auto picks = e.recommend(442, 5, "ranking");
    for (size_t p = 1; p < picks.size(); ++p) EXPECT_LE(picks[p].score, picks[p - 1].score);
    const reel::Catalog& c = e.data().catalog;
    for (const auto& p : picks) EXPECT_EQ(p.score, e.model("ranking").film_bias(c.index_of(p.movie_id)));
}

TEST(FoldIn, ATrainedUsersOwnRatingsFoldedInRankWithinTwoPointsOfTheTrainedVector) {
    const reel::Engine& e = reel_test::shared(reel_test::Trained::canonical);
    const reel::Figures trained = e.evaluate();
    const reel::Visitors own = e.read_visitors(read(kSplit + "/train.csv"), "train.csv");
    const reel::Visitors held = e.read_visitors(read(kSplit + "/test.csv"), "test.csv");
    const reel::Figures folded = e.evaluate_visitors(own, held);
    for (size_t m = 0; m < trained.models.size(); ++m) {
        if (trained.models[m].spec->predicts_stars) {
            EXPECT_NEAR(folded.models[m].rmse, trained.models[m].rmse, 0.02) << trained.models[m].spec->name;
            continue;  // a stars model's ranking is not what it is for
        }
        EXPECT_NEAR(folded.models[m].recall10, trained.models[m].recall10, 0.02) << trained.models[m].spec->name;
    }
    EXPECT_DOUBLE_EQ(folded.popularity_recall10, trained.popularity_recall10);  // the same protocol, two callers
}
