// End to end on MovieLens latest-small from ../shared/data: the quality bars of the engine
// issue on the canonical split, reproducibility, and the CLI's contract.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "engine.hpp"
#include "support.hpp"
#include "trained.hpp"

namespace {
using reel_test::model_figures;
using reel_test::read;
using reel_test::run;

using reel_test::kData;
using reel_test::kSplit;

// The number after "key": in `json`, starting the search at `from` (e.g. a model's name).
double json_number(const std::string& json, const std::string& key, const std::string& from = "") {
    const size_t start = from.empty() ? 0 : json.find("\"" + from + "\"");
    const size_t at = json.find("\"" + key + "\": ", start == std::string::npos ? 0 : start);
    if (at == std::string::npos || start == std::string::npos) {
        ADD_FAILURE() << from << "." << key << " missing in " << json;
        return NAN;
    }
    return std::stod(json.substr(at + key.size() + 4));
}

// The canonical split with the default settings, its models restored from the run's one training.
class CanonicalSplit : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        engine = &reel_test::shared(reel_test::Trained::canonical);
        figures = engine->evaluate();
    }
    static const reel::Engine* engine;
    static reel::Figures figures;
};
const reel::Engine* CanonicalSplit::engine = nullptr;
reel::Figures CanonicalSplit::figures;

}  // namespace

TEST_F(CanonicalSplit, LoadsEveryRow) {
    EXPECT_EQ(engine->data().train.size(), 80669u);
    EXPECT_EQ(engine->data().test.size(), 20167u);
    EXPECT_EQ(engine->data().films(), 9742u);
    EXPECT_EQ(engine->data().users(), 610u);
    // 13 titles lack a plain "(1995)": 12 have no year at all, and one a range ("(2006–2007)")
    // that counts from its first year.
    const auto& films = engine->data().catalog.films();
    EXPECT_EQ(std::count_if(films.begin(), films.end(), [](const reel::Film& f) { return f.year == 0; }), 12);
    const reel::Film& death_note = engine->data().catalog.film(static_cast<size_t>(engine->data().catalog.index_of(171749)));
    EXPECT_EQ(death_note.year, 2006);
    EXPECT_EQ(death_note.title,
              "Death Note: Desu n\xC3\xB4to (2006\xE2\x80\x93"
              "2007)");
}

TEST_F(CanonicalSplit, MeetsTheQualityBars) {
    EXPECT_LE(model_figures(figures, "rating").rmse, 0.850);
    EXPECT_GE(model_figures(figures, "ranking").recall10, 0.145);
    EXPECT_NEAR(figures.popularity_recall10, 0.0894, 5e-5);  // evaluation.md's figure for this split
    // The reason for two models: tuned for RMSE, the rating model ranks worse than popularity.
    EXPECT_LT(model_figures(figures, "rating").recall10, figures.popularity_recall10);
}

// evaluation.md's Recall@10 on the canonical split, written out plainly from train.csv and
// test.csv so that it shares nothing with the engine's evaluator: `score` ranks a user's
// candidates, higher first, ties by the smaller movieId.
double plain_recall10(const std::function<double(int32_t user, int32_t movie_id)>& score) {
    std::map<int32_t, std::vector<int32_t>> seen, relevant;  // by user, films in file order
    std::vector<int32_t> films;                              // every film of train.csv
    for (const reel::RatingRow& r : reel::parse_ratings(read(kSplit + "/train.csv")).rows) {
        films.push_back(r.movie_id);
        seen[r.user_id].push_back(r.movie_id);
    }
    std::sort(films.begin(), films.end());
    films.erase(std::unique(films.begin(), films.end()), films.end());
    for (const reel::RatingRow& r : reel::parse_ratings(read(kSplit + "/test.csv")).rows)
        if (r.value >= 4.0f) relevant[r.user_id].push_back(r.movie_id);
    double sum = 0;
    for (const auto& [user, liked] : relevant) {
        std::vector<int32_t>& rated = seen[user];
        std::sort(rated.begin(), rated.end());
        std::vector<std::pair<double, int32_t>> ranked;  // (−score, movieId): ascending is best first
        for (int32_t film : films)
            if (!std::binary_search(rated.begin(), rated.end(), film)) ranked.emplace_back(-score(user, film), film);
        std::partial_sort(ranked.begin(), ranked.begin() + 10, ranked.end());
        size_t hits = 0;
        for (size_t n = 0; n < 10; ++n) hits += std::count(liked.begin(), liked.end(), ranked[n].second);
        sum += static_cast<double>(hits) / static_cast<double>(liked.size());
    }
    return sum / static_cast<double>(relevant.size());
}

TEST_F(CanonicalSplit, RecallAndLiftAreWhatAPlainCountOfTheSplitGives) {
    std::vector<int> count(200000);  // training ratings by movieId: the popularity ranker's score
    for (const reel::RatingRow& r : reel::parse_ratings(read(kSplit + "/train.csv")).rows) ++count.at(static_cast<size_t>(r.movie_id));
    const double popularity = plain_recall10([&](int32_t, int32_t film) { return count[static_cast<size_t>(film)]; });
    const reel::Model& ranking = engine->model("ranking");
    const reel::Dataset& d = engine->data();
    const double model =
        plain_recall10([&](int32_t user, int32_t film) { return ranking.score(d.user_index(user), d.catalog.index_of(film)); });
    EXPECT_NEAR(figures.popularity_recall10, popularity, 1e-9);
    EXPECT_NEAR(model_figures(figures, "ranking").recall10, model, 1e-9);
    EXPECT_NEAR(model_figures(figures, "ranking").lift, model / popularity - 1, 1e-9);
}

TEST_F(CanonicalSplit, NeighboursOfToyStoryAreFamilyFilmsAndCrossGenres) {
    const int32_t toy_story = engine->resolve_title("toy story");
    ASSERT_EQ(toy_story, 1);
    const reel::Catalog& c = engine->data().catalog;
    std::set<int32_t> seen;
    int share_genre = 0;
    const auto neighbours = engine->similar(toy_story, 10, "ranking");
    ASSERT_EQ(neighbours.size(), 10u);
    for (size_t n = 0; n < neighbours.size(); ++n) {
        const auto& p = neighbours[n];
        EXPECT_NE(p.movie_id, toy_story);
        EXPECT_TRUE(seen.insert(p.movie_id).second);
        EXPECT_LE(p.similarity, 1.0f + 1e-6f);
        if (n > 0) {
            EXPECT_LE(p.similarity, neighbours[n - 1].similarity);
        }
        const reel::Film& f = c.film(static_cast<size_t>(c.index_of(p.movie_id)));
        EXPECT_GE(engine->train_index().count(c.index_of(p.movie_id)), engine->settings().whole("similar.min_support"));
        share_genre += (f.genres & c.film(0).genres) != 0;
    }
    EXPECT_GE(share_genre, 5);  // mostly kin, but not a genre filter
}

TEST_F(CanonicalSplit, ServingNeverOffersAFilmTheUserRatedInTrainOrTest) {
    // User 1 rated 232 films; 19 of them used to come back in the top 100 (The Empire Strikes
    // Back second) because serving skipped only the training part of their ratings.
    std::set<int32_t> rated;
    for (const reel::RatingRow& r : reel::parse_ratings(read(kData + "/ratings.csv")).rows)
        if (r.user_id == 1) rated.insert(r.movie_id);
    ASSERT_EQ(rated.size(), 232u);
    for (const reel::ModelSpec* model : reel::model_specs()) {
        const auto picks = engine->recommend(1, 100, model->name);
        ASSERT_EQ(picks.size(), 100u);
        for (const auto& p : picks) EXPECT_EQ(rated.count(p.movie_id), 0u) << model->name << " offered " << p.movie_id;
    }
}

TEST_F(CanonicalSplit, TheCliPrintsTheEnginesFiguresDigitForDigit) {
    const std::string json = run("eval --data " + kData + " --train " + kSplit + "/train.csv --test " + kSplit + "/test.csv --json");
    for (const reel::ModelFigures& m : figures.models) {
        EXPECT_EQ(json_number(json, "recall10", m.spec->name), m.recall10) << m.spec->name;
        EXPECT_EQ(json_number(json, "ndcg10", m.spec->name), m.ndcg10) << m.spec->name;
        if (m.spec->predicts_stars) {
            EXPECT_EQ(json_number(json, "rmse", m.spec->name), m.rmse) << m.spec->name;
        }
        if (m.spec->trains()) {
            EXPECT_GT(json_number(json, "train_seconds", m.spec->name), 0) << m.spec->name;
        }
    }
    EXPECT_EQ(json_number(json, "recall10", "popularity"), figures.popularity_recall10);
}

TEST(Cli, ExportWritesTheFormatsOfEvaluationMd) {
    const std::string dir = ::testing::TempDir();
    int status = -1;
    run("export --train " + kSplit + "/train.csv --test " + kSplit + "/test.csv --predictions " + dir + "/p.csv --topn " + dir +
            "/t.csv --model popularity -n 5",
        &status);
    ASSERT_EQ(status, 0);
    std::istringstream p(read(dir + "/p.csv")), t(read(dir + "/t.csv"));
    std::string line;
    std::getline(p, line);
    EXPECT_EQ(line, "userId,movieId,prediction");
    size_t rows = 0;
    while (std::getline(p, line)) ++rows;
    EXPECT_EQ(rows, 20167u);
    std::getline(t, line);
    EXPECT_EQ(line, "userId,rank,movieId");
    // User 1's first pick by popularity: the most-rated training film they have not rated.
    const reel::RatingRows train = reel::parse_ratings(read(kSplit + "/train.csv"));
    std::map<int32_t, int> count;
    std::set<int32_t> user1;
    for (const auto& r : train.rows) {
        ++count[r.movie_id];
        if (r.user_id == 1) user1.insert(r.movie_id);
    }
    int32_t best = 0;
    for (const auto& [film, n] : count)
        if (!user1.count(film) && (best == 0 || n > count[best])) best = film;
    std::map<int, int> ranks;
    std::getline(t, line);
    EXPECT_EQ(line, "1,1," + std::to_string(best));
    ranks[1] = 1;
    while (std::getline(t, line)) ++ranks[std::stoi(line)];
    EXPECT_EQ(ranks.size(), 610u);
    for (const auto& [user, n] : ranks) EXPECT_EQ(n, 5) << user;
}

TEST(Cli, ErrorsGoToStderrWithAStatus) {
    int status = 0;
    EXPECT_NE(run("similar --data " + kData + " \"No Such Film Ever\"", &status).find("no film matches"), std::string::npos);
    EXPECT_EQ(status, 1);
    EXPECT_NE(run("eval --set rating.factors=7 --data " + kData, &status).find("a multiple of 4"), std::string::npos);
    EXPECT_EQ(status, 1);
    EXPECT_NE(run("frobnicate", &status).find("unknown command"), std::string::npos);
    EXPECT_EQ(status, 1);
    EXPECT_NE(run("--help", &status).find("usage:"), std::string::npos);
    EXPECT_EQ(status, 0);
}
