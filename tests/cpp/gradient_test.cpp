// Each model's SGD step against a finite-difference gradient of the loss it claims to descend.
#include <gtest/gtest.h>

#include "models.hpp"
#include "rating_model.hpp"
#include "ranking_model.hpp"

namespace {

// For each parameter θ: the step must move θ by −γ ∂ℓ/∂θ, with ∂ℓ/∂θ by central differences.
template <class Loss, class Step>
void expect_step_follows_gradient(std::vector<float*> params, Loss loss, Step step, float lr) {
    std::vector<double> grad;
    for (float* p : params) {
        const float keep = *p, h = 1e-2f;
        *p = keep + h;
        const double up = loss();
        *p = keep - h;
        const double down = loss();
        *p = keep;
        grad.push_back((up - down) / (2.0 * h));
    }
    std::vector<float> before;
    for (float* p : params) before.push_back(*p);
    step();
    for (size_t n = 0; n < params.size(); ++n)
        EXPECT_NEAR((*params[n] - before[n]) / -lr, grad[n], 2e-3 * (1 + std::fabs(grad[n]))) << "parameter " << n;
}

}  // namespace

TEST(Gradient, RatingModelStepIsTheGradientOfItsLoss) {
    reel::Settings s = reel::default_settings();
    for (const char* set : {"rating.factors=8", "rating.reg=0.07", "rating.reg_bias=0.03", "rating.init_scale=0.5"}) s.set(set);
    const std::vector<reel::Rating> train = {{0, 0, 4.0f}, {0, 1, 2.0f}, {1, 0, 5.0f}, {1, 1, 1.0f}};
    const reel::TrainIndex index(train, 2, 2);
    reel::RatingModel m(reel::ModelSettings(s, "rating"), reel::TrainingData{train, index}, 3);
    m.user_bias(1) = 0.3f;
    m.film_bias(0) = -0.2f;
    std::vector<float*> params = {&m.user_bias(1), &m.film_bias(0)};
    for (int f = 0; f < m.factors(); ++f) params.push_back(m.user_vector(1) + f), params.push_back(m.film_vector(0) + f);
    const float lr = 1e-3f;
    expect_step_follows_gradient(
        params, [&] { return m.loss(1, 0, 5.0f); }, [&] { m.sgd_step(1, 0, 5.0f, lr, lr); }, lr);
}

TEST(Gradient, RankingModelStepIsTheGradientOfItsLoss) {
    reel::Settings s = reel::default_settings();
    for (const char* set :
         {"ranking.factors=8", "ranking.reg=0.05", "ranking.reg_bias=0.02", "ranking.init_scale=0.5", "ranking.min_positive=0.5"})
        s.set(set);
    const std::vector<reel::Rating> train = {{0, 0, 4.0f}, {0, 1, 2.0f}, {1, 2, 5.0f}, {1, 1, 1.0f}};
    const reel::TrainIndex index(train, 2, 3);
    reel::RankingModel m(reel::ModelSettings(s, "ranking"), reel::TrainingData{train, index}, 3);
    m.film_bias(0) = 0.4f;
    m.film_bias(2) = -0.1f;
    std::vector<float*> params = {&m.film_bias(0), &m.film_bias(2)};
    for (int f = 0; f < m.factors(); ++f)
        params.push_back(m.user_vector(0) + f), params.push_back(m.film_vector(0) + f), params.push_back(m.film_vector(2) + f);
    const float lr = 1e-3f;
    expect_step_follows_gradient(
        params, [&] { return m.loss(0, 0, 2); }, [&] { m.bpr_step(0, 0, 2, lr); }, lr);
}
