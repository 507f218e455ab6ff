// Watch together (together.hpp): the aggregations on scores planted by hand, and the group's list on
// the real data — each member's taste in it, never a film any member rated or marked.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>

#include "engine.hpp"
#include "rng.hpp"
#include "support.hpp"
#include "together.hpp"
#include "trained.hpp"

namespace {

constexpr size_t kCandidates = 200;

std::set<int32_t> positions(const std::vector<reel::Scored>& list) {
    std::set<int32_t> out;
    for (const reel::Scored& s : list) out.insert(s.film);
    return out;
}

size_t among(const std::set<int32_t>& list, int32_t from, int32_t to) {
    return static_cast<size_t>(std::count_if(list.begin(), list.end(), [&](int32_t c) { return c >= from && c < to; }));
}

// Member A loves candidates 0..9 and nothing else; member B loves 10..19, and also likes 20..59 a
// good deal, on a scale a hundred times larger (another model): B's best stand out less from B's
// other films than A's do from A's.
std::vector<std::vector<float>> disjoint_tastes() {
    std::vector<float> a(kCandidates, 0.0f), b(kCandidates, 0.0f);
    for (int c = 0; c < 10; ++c) a[c] = 1.0f - 0.01f * static_cast<float>(c);
    for (int c = 10; c < 20; ++c) b[c] = 100.0f - static_cast<float>(c);
    for (int c = 20; c < 60; ++c) b[c] = 70.0f - 0.1f * static_cast<float>(c);
    return {a, b};
}

}  // namespace

TEST(Together, TwoMembersWithDisjointTastesEachGetFilmsOfTheirTaste) {
    const std::vector<std::vector<float>> scores = disjoint_tastes();
    const std::set<int32_t> fair = positions(reel::joint_ranking(scores, 10, reel::kTogether));
    EXPECT_GE(among(fair, 0, 10), 4u);
    EXPECT_GE(among(fair, 10, 20), 4u);
    // The plain average serves A, whose best stand out most: the planted case the default is for.
    const std::set<int32_t> average = positions(reel::joint_ranking(scores, 10, {reel::Aggregation::average, 0}));
    EXPECT_GE(among(average, 0, 10), 8u);
    EXPECT_LE(among(average, 10, 20), 2u);
}

TEST(Together, OneScaleForEveryMember) {
    // B's scores ×1000 must not make B the only one served: each member's scores are z-scores.
    std::vector<std::vector<float>> scores(2, std::vector<float>(kCandidates, 0.0f));
    for (int c = 0; c < 5; ++c) scores[0][c] = 1.0f - 0.1f * static_cast<float>(c);
    for (int c = 5; c < 10; ++c) scores[1][c] = 1000.0f * (1.0f - 0.1f * static_cast<float>(c - 5));
    const std::set<int32_t> average = positions(reel::joint_ranking(scores, 10, {reel::Aggregation::average, 0}));
    EXPECT_EQ(among(average, 0, 5), 5u);
    EXPECT_EQ(among(average, 5, 10), 5u);
}

TEST(Together, LeastMiseryLeavesOutAFilmOneMemberDislikes) {
    std::vector<std::vector<float>> scores(2, std::vector<float>(kCandidates, 0.0f));
    scores[0][0] = 2.0f, scores[1][0] = -1.0f;  // A's favourite, B's worst
    scores[0][1] = 0.5f, scores[1][1] = 0.5f;   // liked by both
    const std::vector<reel::Scored> least = reel::joint_ranking(scores, 3, {reel::Aggregation::least_misery, 0});
    EXPECT_EQ(least.front().film, 1);
    EXPECT_EQ(positions(least).count(0), 0u);
}

TEST(Together, EveryAggregationGivesNDistinctCandidates) {
    const std::vector<std::vector<float>> scores = disjoint_tastes();
    for (reel::Aggregation how : {reel::Aggregation::average, reel::Aggregation::least_misery, reel::Aggregation::without_misery,
                                  reel::Aggregation::borda, reel::Aggregation::fair}) {
        // 50 is more than the fair pools hold (2 × 10): the rest must come from the average.
        const std::vector<reel::Scored> list = reel::joint_ranking(scores, 50, {how, 10});
        EXPECT_EQ(list.size(), 50u) << reel::aggregation_name(how);
        EXPECT_EQ(positions(list).size(), 50u) << reel::aggregation_name(how);
    }
}

namespace {

// GFAR written out from its definition, every member's films fully sorted: p_m(c) = (pool − rank) /
// Σ over the pool for the pool's films (ties to the smaller position), then greedily the film that
// most serves the members the list serves least so far.
std::vector<int32_t> gfar_by_definition(const std::vector<std::vector<float>>& scores, size_t n, size_t pool) {
    const size_t candidates = scores[0].size();
    std::vector<std::vector<double>> p;
    for (const std::vector<float>& s : scores) {
        std::vector<size_t> order(candidates);
        for (size_t c = 0; c < candidates; ++c) order[c] = c;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s[a] > s[b]; });
        std::vector<double> pm(candidates, 0.0);
        for (size_t r = 0; r < pool; ++r) pm[order[r]] = static_cast<double>(pool - r) / (static_cast<double>(pool * (pool + 1)) / 2);
        p.push_back(pm);
    }
    std::vector<double> unserved(scores.size(), 1.0);
    std::vector<int32_t> out;
    std::vector<char> taken(candidates, 0);
    while (out.size() < n) {
        double best = 0;
        size_t pick = candidates;
        for (size_t c = 0; c < candidates; ++c) {
            double gain = 0;
            for (size_t m = 0; m < scores.size(); ++m) gain += p[m][c] * unserved[m];
            if (!taken[c] && gain > best) best = gain, pick = c;
        }
        if (pick == candidates) break;
        taken[pick] = 1;
        for (size_t m = 0; m < scores.size(); ++m) unserved[m] *= 1.0 - p[m][pick];
        out.push_back(static_cast<int32_t>(pick));
    }
    return out;
}

}  // namespace

TEST(Together, FairListsAreGfarByItsDefinitionTiesIncluded) {
    // Scores of 0 to 19 over 500 films: many ties, which must break as a full sort breaks them.
    reel::Rng rng(7);
    for (size_t members : {2u, 3u, 4u})
        for (size_t pool : {10u, 30u, 100u}) {
            std::vector<std::vector<float>> scores(members, std::vector<float>(500));
            for (std::vector<float>& s : scores)
                for (float& x : s) x = static_cast<float>(rng.below(20));
            std::vector<int32_t> got;
            for (const reel::Scored& x : reel::joint_ranking(scores, 10, {reel::Aggregation::fair, pool})) got.push_back(x.film);
            EXPECT_EQ(got, gfar_by_definition(scores, 10, pool)) << members << " members, pool " << pool;
        }
}

// The real data: a horror fan and a parent of small children, the second with films marked.
class TogetherOnRealData : public ::testing::Test {
protected:
    static void SetUpTestSuite() { engine = &reel_test::shared(reel_test::Trained::cold); }
    static const reel::Engine* engine;

    static bool has_genre(int32_t movie_id, const std::string& genre) {
        const reel::Catalog& c = engine->catalog();
        const reel::Film& f = c.film(static_cast<size_t>(c.index_of(movie_id)));
        return (f.genres & reel::genre_mask(c, {genre})) != 0;
    }
};
const reel::Engine* TogetherOnRealData::engine = nullptr;

TEST_F(TogetherOnRealData, EachMembersTasteIsInTheListAndNoFilmAnyMemberRatedOrMarked) {
    // Thirteen ratings each, so each is served by the model for visitors of 13 ratings or more.
    const reel::Member horror{{{1997, 5},
                               {1258, 5},
                               {1982, 4.5f},
                               {1347, 4.5f},
                               {1974, 4},
                               {2710, 4},
                               {1130, 4},
                               {2455, 4.5f},
                               {1321, 4},
                               {1333, 4.5f},
                               {1345, 4},
                               {1350, 4.5f},
                               {1219, 4.5f}},
                              {}};
    const reel::Member children{{{1, 5},
                                 {364, 5},
                                 {588, 4.5f},
                                 {595, 4.5f},
                                 {2081, 4},
                                 {2355, 4},
                                 {48, 4},
                                 {594, 4.5f},
                                 {596, 4},
                                 {1566, 4},
                                 {1907, 4.5f},
                                 {2018, 4},
                                 {2078, 4}},
                                {{4886, 0.5f}, {3114, 0.5f}}};  // Monsters, Inc. and Toy Story 2 marked
    const reel::JointPicks r = engine->together({horror, children}, 10);
    ASSERT_EQ(r.picks.size(), 10u);
    std::set<int32_t> given;
    for (const reel::Member& m : {horror, children}) {
        for (const reel::ProfileEntry& e : m.ratings) given.insert(e.movie_id);
        for (const reel::ProfileEntry& e : m.marked) given.insert(e.movie_id);
    }
    // Films of each one's taste: their own top twenty from the model that serves them.
    auto own_top = [&](const reel::Member& m) {
        std::set<int32_t> top;
        for (const reel::Recommendation& p :
             engine->recommend_for(m.ratings, 20, reel::model_choices().visitor_model(m.ratings.size()), {}, &m.marked).picks)
            top.insert(p.movie_id);
        return top;
    };
    const std::set<int32_t> horror_top = own_top(horror), children_top = own_top(children);
    size_t horror_films = 0, of_horror_fan = 0, of_parent = 0, for_horror = 0, for_children = 0;
    for (const reel::JointPick& p : r.picks) {
        EXPECT_EQ(given.count(p.movie_id), 0u) << p.movie_id;
        horror_films += has_genre(p.movie_id, "Horror");
        of_horror_fan += horror_top.count(p.movie_id);
        of_parent += children_top.count(p.movie_id);
        ASSERT_EQ(p.because.size(), 2u);
        for (const reel::Reason& why : p.because[0])
            EXPECT_TRUE(std::any_of(horror.ratings.begin(), horror.ratings.end(), [&](auto& e) { return e.movie_id == why.movie_id; }));
        for (const reel::Reason& why : p.because[1])
            EXPECT_TRUE(std::any_of(children.ratings.begin(), children.ratings.end(), [&](auto& e) { return e.movie_id == why.movie_id; }));
        EXPECT_FALSE(p.because[0].empty() && p.because[1].empty()) << p.movie_id << " is there for nobody";
        for_horror += !p.because[0].empty();
        for_children += !p.because[1].empty();
    }
    EXPECT_GE(horror_films, 3u);
    EXPECT_GE(of_horror_fan, 3u);
    EXPECT_GE(of_parent, 3u);
    EXPECT_LT(for_horror + for_children, 20u);  // a pick names only the members it is there for, not everyone
    EXPECT_GE(for_horror, 3u);
    EXPECT_GE(for_children, 3u);
    ASSERT_EQ(r.models.size(), 2u);
}

TEST_F(TogetherOnRealData, TakesTwoToFourPeople) {
    const reel::Member one{{{1, 5}}, {}};
    EXPECT_NE(reel_test::error_of([&] { engine->together({one}, 10); }).find("2 to 4 people, not 1"), std::string::npos);
    EXPECT_NE(reel_test::error_of([&] { engine->together({one, one, one, one, one}, 10); }).find("not 5"), std::string::npos);
    EXPECT_EQ(engine->together({one, one, one, one}, 10).picks.size(), 10u);
}

TEST_F(TogetherOnRealData, AMemberWithNothingToGoOnGetsTheMostRatedFilms) {
    const reel::Member liked{{{1, 5}, {364, 5}}, {}};
    const reel::Member none{{}, {}};
    const reel::JointPicks r = engine->together({liked, none}, 10);
    EXPECT_NE(r.models[0], nullptr);
    EXPECT_EQ(r.models[1], nullptr);
    EXPECT_EQ(r.picks.size(), 10u);
}

TEST_F(TogetherOnRealData, TheDefaultServesTheWorseMemberBetterThanTheAverageOnHeldOutVisitors) {
    const std::string cold = reel_test::cold_split();
    const reel::Visitors profile = engine->read_visitors(reel_test::read(cold + "/profile.csv"), "profile.csv");
    const reel::Visitors hidden = engine->read_visitors(reel_test::read(cold + "/hidden.csv"), "hidden.csv");
    const reel::TogetherFigures f = engine->evaluate_together(profile, hidden, nullptr, 2, 2);
    EXPECT_GT(f.groups, 100u);
    const reel::JointFigure* chosen = nullptr;
    const reel::JointFigure* average = nullptr;
    for (const reel::JointFigure& j : f.joint) {
        EXPECT_LE(j.worse, j.mean);
        EXPECT_LE(j.mean, j.better);
        if (j.how.how == reel::kTogether.how && j.how.pool == reel::kTogether.pool) chosen = &j;
        if (j.how.how == reel::Aggregation::average) average = &j;
    }
    ASSERT_NE(chosen, nullptr);
    ASSERT_NE(average, nullptr);
    EXPECT_GT(chosen->worse, average->worse);
    EXPECT_LE(f.own_worse, f.own_better);
}

TEST_F(TogetherOnRealData, OverTheLimitMarksAreCalledMarksNotRatings) {
    std::vector<reel::ProfileEntry> marked(reel::Limits::max_profile + 1, reel::ProfileEntry{1, 0.5f});
    const std::string alone = reel_test::error_of([&] { engine->recommend_for({{1, 5}}, 10, "", {}, &marked); });
    EXPECT_NE(alone.find("at most 20000 films can be marked"), std::string::npos) << alone;
    EXPECT_EQ(alone.find("ratings"), std::string::npos) << alone;
    const reel::Member many{{{1, 5}}, marked};
    const std::string together = reel_test::error_of([&] { engine->together({many, {{{2, 5}}, {}}}, 10); });
    EXPECT_NE(together.find("at most 20000 films can be marked"), std::string::npos) << together;
}

// The CLI faces: `reel eval … --together N` prints every aggregation with the page's marked, and
// refuses a group the page cannot have; `reel import` keeps the marks of Reel's own CSV.
TEST(TogetherCli, EvalPrintsEveryAggregationWithThePagesMarked) {
    const std::string cold = reel_test::cold_split();
    const std::string args = "eval --data " + reel_test::data_dir() + " --train " + cold + "/train.csv --profile " + cold +
                             "/profile.csv --test " + cold + "/hidden.csv --together ";
    int status = -1;
    const std::string out = reel_test::run(args + "2", &status);
    EXPECT_EQ(status, 0) << out;
    EXPECT_NE(out.find("| each member's own list |"), std::string::npos) << out;
    EXPECT_NE(out.find("greedy fair (GFAR), pool 10 (the page's) |"), std::string::npos) << out;
    EXPECT_NE(out.find("least misery"), std::string::npos) << out;
    const std::string five = reel_test::run(args + "5", &status);
    EXPECT_EQ(status, 1);
    EXPECT_NE(five.find("--together"), std::string::npos) << five;
}

TEST(TogetherCli, ImportKeepsTheMarksOfReelsOwnCsv) {
    const std::string dir = ::testing::TempDir();
    const std::string csv = dir + "/reel-ratings.csv", marks = dir + "/reel-marks.csv";
    std::ofstream(csv) << "movieId,title,year,rating,mark\n1,Toy Story,1995,5,\n318,The Shawshank Redemption,1994,,watchlist\n"
                          "296,Pulp Fiction,1994,4,not interested\n";
    int status = -1;
    const std::string out = reel_test::run("import --data " + reel_test::data_dir() + " " + csv + " --marks " + marks, &status);
    EXPECT_EQ(status, 0) << out;
    EXPECT_NE(out.find("1,1,5.0"), std::string::npos) << out;
    EXPECT_NE(out.find("Reel export: 2 matched, 2 marked"), std::string::npos) << out;
    EXPECT_EQ(reel_test::read(marks), "movieId,mark\n318,watchlist\n296,not interested\n");
}
