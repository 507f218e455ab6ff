// A first visitor's default list mixes the ranking model's scores with a share of the implicit
// model's (score_mix.hpp): checked against standardised scores computed here, and on MovieLens.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine.hpp"
#include "models.hpp"
#include "score_mix.hpp"
#include "trained.hpp"

namespace {

// The horror fan, five of their films (movieIds of latest-small).
const std::vector<reel::ProfileEntry> kFive = {{1258, 5}, {1982, 4.5}, {1214, 5}, {2288, 4.5}, {1219, 5}};

std::vector<reel::Rated> used(const reel::Engine& e, const std::vector<reel::ProfileEntry>& profile) {
    std::vector<reel::Rated> out;
    for (const reel::ProfileEntry& p : profile) out.push_back(reel::Rated{e.catalog().index_of(p.movie_id), p.stars});
    return out;
}

// Each film's score standardised over the training films, as E[x²] − E[x]² in long double: not
// the two-pass sums score_mix.cpp keeps.
std::vector<long double> standardised(const reel::Model& m, const reel::Taste& taste, const std::vector<int32_t>& films) {
    long double sum = 0, squares = 0;
    for (int32_t f : films) sum += m.score(taste, f), squares += static_cast<long double>(m.score(taste, f)) * m.score(taste, f);
    const long double n = static_cast<long double>(films.size()), mean = sum / n, sd = std::sqrt(squares / n - mean * mean);
    std::vector<long double> z;
    for (int32_t f : films) z.push_back((m.score(taste, f) - mean) / sd);
    return z;
}

}  // namespace

TEST(ScoreMix, OrdersFilmsByBothModelsStandardisedScores) {
    const reel::Engine& e = reel_test::shared(reel_test::Trained::page);
    const reel::Model &ranking = e.model("ranking"), &implicit = e.model("implicit");
    const std::vector<reel::Rated> profile = used(e, kFive);
    const std::vector<int32_t>& films = e.train_index().rated_films();
    const float w = 0.1f;
    const reel::ScoreMix mix(ranking, ranking.fold_in(profile), &implicit, profile, w, e.train_index());
    ASSERT_TRUE(mix.mixed());
    const std::vector<long double> a = standardised(ranking, ranking.fold_in(profile), films),
                                   b = standardised(implicit, implicit.fold_in(profile), films);
    std::vector<size_t> order(films.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return mix.score(films[x]) > mix.score(films[y]); });
    // Down the mixed order, (1 − w)·z_a + w·z_b never rises by more than float rounding.
    auto z = [&](size_t i) { return (1 - w) * a[i] + w * b[i]; };
    for (size_t r = 1; r < 300; ++r) EXPECT_LE(z(order[r]), z(order[r - 1]) + 1e-5L) << "place " << r;
    // And the mix is not the ranking model alone: its own top 10 differs.
    std::vector<size_t> plain = order;
    std::sort(plain.begin(), plain.end(), [&](size_t x, size_t y) { return a[x] > a[y]; });
    EXPECT_NE(std::vector<size_t>(order.begin(), order.begin() + 10), std::vector<size_t>(plain.begin(), plain.begin() + 10));
}

TEST(ScoreMix, WithoutASecondModelOrAShareIsTheMainModelBitForBit) {
    const reel::Engine& e = reel_test::shared(reel_test::Trained::page);
    const reel::Model &ranking = e.model("ranking"), &implicit = e.model("implicit");
    const std::vector<reel::Rated> profile = used(e, kFive);
    const reel::Taste taste = ranking.fold_in(profile);
    const reel::ScoreMix none(ranking, taste, nullptr, profile, 0.1f, e.train_index()),
        zero(ranking, taste, &implicit, profile, 0.0f, e.train_index());
    EXPECT_FALSE(none.mixed());
    EXPECT_FALSE(zero.mixed());
    for (int32_t f : e.train_index().rated_films()) {
        ASSERT_EQ(none.score(f), ranking.score(taste, f));
        ASSERT_EQ(zero.score(f), ranking.score(taste, f));
    }
}

TEST(ScoreMix, ExplainsItsScoreExactlyOverTheRatedFilms) {
    const reel::Engine& e = reel_test::shared(reel_test::Trained::page);
    const reel::Model &ranking = e.model("ranking"), &implicit = e.model("implicit");
    const std::vector<reel::Rated> profile = used(e, kFive);
    const reel::ScoreMix mix(ranking, ranking.fold_in(profile), &implicit, profile, 0.3f, e.train_index());
    for (int32_t movie_id : {1, 1387, 2762, 1997, 4973}) {
        const int f = e.catalog().index_of(movie_id);
        const reel::Explanation x = mix.explain(f);
        ASSERT_EQ(x.shares.size(), profile.size());
        double sum = x.base;
        for (float s : x.shares) sum += s;
        EXPECT_NEAR(sum, mix.score(f), 1e-4 * std::max(1.0f, std::fabs(mix.score(f)))) << movie_id;
    }
}

TEST(ScoreMix, OnlyAFirstVisitorsDefaultListIsMixedAndItSaysSo) {
    const reel::Engine& e = reel_test::shared(reel_test::Trained::page);
    const reel::ModelChoices& c = reel::model_choices();
    const reel::VisitorPicks first = e.recommend_for(kFive, 10, "");
    ASSERT_NE(first.mixed_in, nullptr);
    EXPECT_STREQ(first.model->name, c.first_visitors);
    EXPECT_STREQ(first.mixed_in->name, c.visitors);
    EXPECT_EQ(first.mix, static_cast<float>(e.settings().get("lists.mix")));
    EXPECT_EQ(e.recommend_for(kFive, 10, c.first_visitors).mixed_in, nullptr);  // a model asked for by name ranks alone
    std::vector<reel::ProfileEntry> more = kFive;
    for (int32_t id : {1407, 1997, 2160, 1387, 1350, 2710, 1333, 2455}) more.push_back({id, 4.5f});
    ASSERT_GE(more.size(), c.visitors_from);
    EXPECT_EQ(e.recommend_for(more, 10, "").mixed_in, nullptr);
    // Every pick's reasons still name films the visitor liked, each pushing it up.
    for (const reel::Recommendation& r : first.picks)
        for (const reel::Reason& why : r.because) EXPECT_GT(why.share, 0) << r.movie_id;
}
