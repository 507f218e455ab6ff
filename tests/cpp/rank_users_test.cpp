// Every user's top N at once (the evaluation's ranking) against the plain definition: each
// unseen candidate scored one at a time and kept in a TopN. The batched ranking skips chunks of
// films whose bound cannot beat a user's n-th best; whatever it skips, the lists must be the same.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "engine.hpp"
#include "models.hpp"
#include "quad_scores.hpp"
#include "rank_users.hpp"
#include "support.hpp"
#include "trained.hpp"
#include "synthetic.hpp"
#include "top_n.hpp"

namespace {

std::vector<int32_t> one_at_a_time(const reel::Model& model, const reel::TrainIndex& index, size_t n, int u) {
    reel::TopN top(n);
    for (int32_t film : index.rated_films())
        if (!std::binary_search(index.films_begin(u), index.films_end(u), film)) top.offer(film, model.score(u, film));
    std::vector<int32_t> ids;
    for (const reel::Scored& s : top.take()) ids.push_back(s.film);
    return ids;
}

// Compares every user's list for every model and each n; returns the number of lists checked.
size_t expect_same_lists(const reel::Engine& e, std::initializer_list<size_t> sizes) {
    const reel::TrainIndex& index = e.train_index();
    std::vector<char> everyone(index.users(), 1);
    size_t checked = 0;
    for (const reel::ModelSpec* spec : reel::model_specs()) {
        const reel::Model& model = e.model(spec->name);
        for (size_t n : sizes) {
            const std::vector<std::vector<int32_t>> lists = reel::top_n_by_model(model, index, n, everyone);
            for (size_t u = 0; u < index.users(); ++u, ++checked) {
                EXPECT_EQ(lists[u], one_at_a_time(model, index, n, static_cast<int>(u))) << spec->name << ", n = " << n << ", user " << u;
                if (::testing::Test::HasFailure()) return checked;  // one list tells the story
            }
        }
    }
    return checked;
}

// An engine trained on planted synthetic data of this shape, split with seed 3.
std::unique_ptr<reel::Engine> trained_on(int groups, int films_per_group, int users_per_group, int ratings_per_user) {
    reel::SyntheticSpec spec;
    spec.groups = groups, spec.films_per_group = films_per_group, spec.users_per_group = users_per_group,
    spec.ratings_per_user = ratings_per_user;
    const reel::SyntheticData data = reel::make_synthetic(spec);
    auto e = std::make_unique<reel::Engine>();
    e->load(data.movies_csv, data.ratings_csv, 3);
    e->train();
    return e;
}

}  // namespace

TEST(RankUsers, FourUsersAtOnceScoreAsModelScoreToTheBit) {
    // quad_scores sums four users' products side by side (16 wide where the processor can);
    // every score must still be Model::score's, bit for bit, or lists would differ in ties.
    const std::unique_ptr<reel::Engine> engine = trained_on(4, 50, 10, 30);
    const reel::Engine& e = *engine;
    const std::vector<int32_t>& films = e.train_index().rated_films();
    size_t compared = 0;
    for (const reel::ModelSpec* model_spec : reel::model_specs()) {
        const reel::Model& model = e.model(model_spec->name);
        for (int u = 0; u + 4 <= static_cast<int>(e.train_index().users()); u += 4) {
            const float* x[4];
            float offset[4];
            for (int j = 0; j < 4; ++j) x[j] = model.user_vector(u + j), offset[j] = model.user_offset(u + j);
            std::vector<float> scores(4 * films.size());
            reel::quad_scores(model, x, offset, films.data(), films.size(), scores.data(), films.size());
            for (int j = 0; j < 4; ++j)
                for (size_t c = 0; c < films.size(); ++c, ++compared)
                    ASSERT_EQ(scores[static_cast<size_t>(j) * films.size() + c], model.score(u + j, films[c]))
                        << model_spec->name << ", user " << u + j << ", film " << films[c];
        }
    }
    EXPECT_GT(compared, 3u * 36u * 190u);
}

TEST(RankUsers, SkippingFilmsByTheirBoundLeavesEveryListAsScoringEachFilmWould) {
    // 1,600 films: more than three chunks, so there is something to skip.
    EXPECT_EQ(expect_same_lists(*trained_on(8, 200, 30, 60), {1, 10, 100, 2000}), reel::model_specs().size() * 4u * 240u);
}

TEST(RankUsers, OnMovieLensEveryListIsAsScoringEachFilmWould) {
    EXPECT_EQ(expect_same_lists(reel_test::shared(reel_test::Trained::page), {10}), reel::model_specs().size() * 610u);
}

TEST(RankUsers, OnlyTheWantedUsersGetLists) {
    reel::Engine e;
    e.load(reel::make_synthetic({}).movies_csv, reel::make_synthetic({}).ratings_csv, 1);
    e.train();
    std::vector<char> wanted(e.train_index().users(), 0);
    wanted[3] = wanted[7] = 1;
    const std::vector<std::vector<int32_t>> lists = reel::top_n_by_model(e.model("ranking"), e.train_index(), 5, wanted);
    for (size_t u = 0; u < lists.size(); ++u) EXPECT_EQ(lists[u].size(), wanted[u] ? 5u : 0u) << u;
}
