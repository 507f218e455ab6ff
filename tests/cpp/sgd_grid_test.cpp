// The DSGD grid: how many blocks, the order its cells run in, and the models trained through it
// the same for any number of threads and still finding the planted taste.
#include <gtest/gtest.h>

#include <mutex>
#include <set>

#include "engine.hpp"
#include "metrics.hpp"
#include "implicit_model.hpp"
#include "models.hpp"
#include "sgd_grid.hpp"
#include "synthetic.hpp"

namespace {

// 1,000 users and 120 films in four planted groups: with 1,024 factors their vectors outgrow
// one cell, so the models train on a 2 × 2 grid.
reel::SyntheticData grid_sized() {
    reel::SyntheticSpec spec;
    spec.users_per_group = 250;
    return reel::make_synthetic(spec);
}

reel::Settings grid_settings() {
    reel::Settings s = reel::default_settings();
    for (const char* set : {"rating.factors=1024", "rating.epochs=8", "ranking.factors=1024", "ranking.epochs=8"}) s.set(set);
    return s;
}

std::string trained_bytes(const reel::ModelSpec& spec, const reel::Settings& s, const reel::Dataset& d, const reel::TrainIndex& index,
                          int threads) {
    std::unique_ptr<reel::Model> m = spec.make(reel::ModelSettings(s, spec.name), reel::TrainingData{d.train, index}, 5);
    m->set_threads(threads);
    while (!m->trained()) m->train_epoch();
    reel::ByteWriter out;
    m->save(out);
    return out.bytes();
}

}  // namespace

TEST(SgdGrid, OneBlockWhileTheVectorsFitThenEnoughThatACellDoes) {
    EXPECT_EQ(reel::SgdGrid::blocks_for(610, 9742, 64), 1);       // MovieLens latest-small: plain SGD, as ever
    EXPECT_EQ(reel::SgdGrid::blocks_for(6495, 2594, 64), 1);      // 1 M generated ratings
    EXPECT_EQ(reel::SgdGrid::blocks_for(162541, 62423, 64), 14);  // ML-25M's shape: 57.6 MB of vectors
    EXPECT_EQ(reel::SgdGrid::blocks_for(0, 0, 64), 1);
    EXPECT_EQ(reel::SgdGrid::blocks_for(100000000, 1000000, 1024), 64);  // capped: B² cells must stay few
}

TEST(SgdGrid, EachStratumRunsEveryUserBlockAndEveryFilmBlockOnce) {
    for (int threads : {1, 2}) {
        const reel::SgdGrid grid(5);
        std::mutex m;
        std::vector<int> order;
        grid.sweep(threads, [&](int cell) {
            std::lock_guard<std::mutex> lock(m);
            order.push_back(cell);
        });
        ASSERT_EQ(order.size(), 25u);
        EXPECT_EQ(std::set<int>(order.begin(), order.end()).size(), 25u);
        for (size_t s = 0; s < 5; ++s) {  // strata run one after another; within one, any order
            std::set<int> user_blocks, film_blocks;
            for (size_t c = 5 * s; c < 5 * s + 5; ++c) user_blocks.insert(order[c] / 5), film_blocks.insert(grid.film_block(order[c]));
            EXPECT_EQ(user_blocks.size(), 5u) << "stratum " << s;
            EXPECT_EQ(film_blocks.size(), 5u) << "stratum " << s;
        }
    }
}

TEST(SgdGrid, GroupingDealsRowsInTurnAndKeepsTheirOrderWithinACell) {
    const reel::SgdGrid grid(2);
    std::vector<reel::Rating> items = {{0, 0, 1}, {1, 0, 2}, {0, 1, 3}, {2, 2, 4}, {3, 3, 5}, {0, 2, 6}};
    const std::vector<size_t> offsets = grid.group(items, [&](const reel::Rating& r) { return grid.cell_of(r.user, r.film); });
    EXPECT_EQ(offsets, (std::vector<size_t>{0, 3, 4, 5, 6}));
    std::vector<float> values;
    for (const reel::Rating& r : items) values.push_back(r.value);
    EXPECT_EQ(values, (std::vector<float>{1, 4, 6, 3, 2, 5}));  // cell (0,0): users 0, 2; films 0, 2 in file order
}

TEST(SgdGrid, ModelsOnAGridAreTheSameForOneThreadOrTwo) {
    const reel::SyntheticData data = grid_sized();
    reel::Engine e;
    e.load(data.movies_csv, data.ratings_csv, 1);
    const reel::Dataset& d = e.data();
    ASSERT_EQ(reel::SgdGrid::blocks_for(d.users(), d.films(), 1024), 2);
    const reel::TrainIndex index(d.train, d.users(), d.films());
    const reel::Settings s = grid_settings();
    for (const reel::ModelSpec* spec : reel::model_specs()) {
        if (std::string(spec->name) == "implicit") continue;  // no grid, but its rows split across threads too
        EXPECT_EQ(trained_bytes(*spec, s, d, index, 1), trained_bytes(*spec, s, d, index, 2)) << spec->name;
    }
    EXPECT_EQ(trained_bytes(reel::kImplicitModel, reel::default_settings(), d, index, 1),
              trained_bytes(reel::kImplicitModel, reel::default_settings(), d, index, 2));
}

TEST(SgdGrid, ModelsOnAGridStillFindThePlantedTaste) {
    const reel::SyntheticData data = grid_sized();
    reel::Engine e(grid_settings());
    e.load(data.movies_csv, data.ratings_csv, 2);
    ASSERT_EQ(reel::SgdGrid::blocks_for(e.data().users(), e.data().films(), 1024), 2);
    e.train();
    const reel::Figures f = e.evaluate();
    EXPECT_GT(f.models[1].recall10, 2 * f.popularity_recall10) << "ranking";
    double mean = 0, sq = 0;
    for (const auto& r : e.data().train) mean += r.value;
    mean /= static_cast<double>(e.data().train.size());
    for (const auto& r : e.data().test) sq += (r.value - mean) * (r.value - mean);
    EXPECT_LT(f.models[0].rmse, 0.6 * std::sqrt(sq / static_cast<double>(e.data().test.size()))) << "rating";
    int same = 0;
    for (int32_t user = 1; user <= 1000; user += 50)
        for (const reel::Pick& p : e.recommend(user, 5, "ranking")) same += data.group_of_film(p.movie_id) == data.group_of_user(user);
    EXPECT_GT(same, 20 * 5 * 8 / 10);
}
