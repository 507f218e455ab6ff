// The implicit model's objective as revisited (Rendle et al. 2022): a visitor's fold-in is the
// exact minimum of the user half of training, disliked films pull their kin down only when
// they carry a weight, and the planted taste is found.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "engine.hpp"
#include "implicit_model.hpp"
#include "models.hpp"
#include "synthetic.hpp"

namespace {

struct Fixture {
    reel::SyntheticData data = reel::make_synthetic({});
    reel::Engine engine;
    reel::Settings settings = reel::default_settings();
    std::unique_ptr<reel::Model> model;

    explicit Fixture(std::initializer_list<const char*> sets) {
        engine.load(data.movies_csv, data.ratings_csv, 3);
        for (const char* s : sets) settings.set(s);
        model = reel::kImplicitModel.make(reel::ModelSettings(settings, "implicit"),
                                          reel::TrainingData{engine.data().train, engine.train_index()}, 3);
        while (!model->trained()) model->train_epoch();
    }
    int32_t film(int32_t movie_id) const { return engine.data().catalog.index_of(movie_id); }
    double dot(const std::vector<float>& x, int32_t film) const {
        double s = 0;
        for (int f = 0; f < model->factors(); ++f) s += static_cast<double>(x[static_cast<size_t>(f)]) * model->film_vector(film)[f];
        return s;
    }
};

// Group 0's films are movieIds 1–30 and group 1's 31–60 (synthetic.hpp).
const std::vector<reel::Rated> profile_of(const Fixture& fx) {
    return {{fx.film(2), 5.0f}, {fx.film(7), 4.5f}, {fx.film(11), 4.0f}, {fx.film(19), 5.0f}, {fx.film(33), 1.0f}, {fx.film(41), 1.5f}};
}

}  // namespace

// ∂L/∂x = 2 α0 G x − 2 Σ_j w_j (t_j − x·v_j) v_j + 2 λ (n + α0·N)^ν x = 0 at the folded-in x, with every
// term of the objective switched on; a fold-in that dropped a term (the disliked films, ν, α0)
// would leave a gradient as large as the terms themselves.
TEST(ImplicitModel, AFoldInIsTheMinimumOfTheUserHalfOfTraining) {
    const Fixture fx(
        {"implicit.factors=8", "implicit.unobserved=0.3", "implicit.reg=0.5", "implicit.reg_exponent=0.5", "implicit.negative_weight=0.4"});
    const std::vector<reel::Rated> profile = profile_of(fx);
    const std::vector<float> x = fx.model->fold_in(profile).vector;
    const int k = fx.model->factors();
    const double alpha0 = 0.3, lambda = 0.5 * std::sqrt(profile.size() + alpha0 * static_cast<double>(fx.engine.data().films()));
    std::vector<double> gradient(static_cast<size_t>(k), 0.0), scale(static_cast<size_t>(k), 0.0);
    for (size_t i = 0; i < fx.engine.data().films(); ++i) {
        const double s = fx.dot(x, static_cast<int32_t>(i));
        for (int f = 0; f < k; ++f) gradient[static_cast<size_t>(f)] += alpha0 * s * fx.model->film_vector(static_cast<int>(i))[f];
    }
    for (const reel::Rated& r : profile) {
        const bool liked = r.stars >= 3.5f;
        const double w = liked ? 1.0 : 0.4, miss = (liked ? 1.0 : 0.0) - fx.dot(x, r.film);
        for (int f = 0; f < k; ++f) {
            gradient[static_cast<size_t>(f)] -= w * miss * fx.model->film_vector(r.film)[f];
            scale[static_cast<size_t>(f)] += std::fabs(fx.model->film_vector(r.film)[f]);
        }
    }
    double norm = 0, scale_norm = 0;
    for (int f = 0; f < k; ++f) {
        gradient[static_cast<size_t>(f)] += lambda * x[static_cast<size_t>(f)];
        norm += gradient[static_cast<size_t>(f)] * gradient[static_cast<size_t>(f)];
        scale_norm += scale[static_cast<size_t>(f)] * scale[static_cast<size_t>(f)];
    }
    ASSERT_GT(scale_norm, 0);
    EXPECT_LT(std::sqrt(norm), 1e-4 * std::sqrt(scale_norm));
}

TEST(ImplicitModel, ADislikedFilmCountsOnlyWithAWeight) {
    for (const bool weighted : {false, true}) {
        // Eight factors: the planted data holds a few groups, and 128 would fit its noise.
        const Fixture fx({"implicit.factors=8", weighted ? "implicit.negative_weight=1" : "implicit.negative_weight=0"});
        // Two liked films in each of groups 0 and 1, then two of group 1's disliked.
        const std::vector<reel::Rated> liked = {{fx.film(2), 5.0f}, {fx.film(7), 4.5f}, {fx.film(33), 4.5f}, {fx.film(35), 5.0f}};
        std::vector<reel::Rated> both = liked;
        both.push_back({fx.film(41), 1.0f});
        both.push_back({fx.film(44), 1.5f});
        const std::vector<float> with = fx.model->fold_in(both).vector, without = fx.model->fold_in(liked).vector;
        if (!weighted) {
            EXPECT_EQ(with, without);  // weight 0: a low rating is as if unrated, bit for bit
            continue;
        }
        // Group 1's other films score lower once the dislikes count; group 0's hardly move.
        double lower = 0, moved = 0;
        for (int32_t id = 31; id <= 60; ++id)
            if (id != 33 && id != 35 && id != 41 && id != 44) lower += fx.dot(without, fx.film(id)) - fx.dot(with, fx.film(id));
        for (int32_t id = 1; id <= 30; ++id) moved += std::fabs(fx.dot(without, fx.film(id)) - fx.dot(with, fx.film(id)));
        EXPECT_GT(lower, 0);
        EXPECT_GT(lower, moved);
    }
}

TEST(ImplicitModel, FindsThePlantedTasteWithEveryTermOn) {
    const Fixture fx({"implicit.reg_exponent=0.5", "implicit.reg=0.2", "implicit.negative_weight=0.3"});
    const std::vector<float> x = fx.model->fold_in(profile_of(fx)).vector;
    // The visitor liked four of group 0's films: the rest of group 0 outscores every other group's.
    double worst_own = 1e9, best_other = -1e9;
    for (int32_t id = 1; id <= 120; ++id) {
        const double s = fx.dot(x, fx.film(id));
        if (id <= 30)
            worst_own = std::min(worst_own, s);
        else
            best_other = std::max(best_other, s);
    }
    EXPECT_GT(worst_own, best_other);
}
