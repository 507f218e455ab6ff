// The one interface every model implements, and what the registry knows of each model.
// Every model scores a film the same way, score(viewer, i) = offset + b_i + x · v_i, so
// scoring, explanations and save/restore live here once; a model brings its training and
// its fold-in.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "bytes.hpp"
#include "kernels.hpp"
#include "parallel.hpp"
#include "ratings.hpp"
#include "settings.hpp"
#include "train_index.hpp"

namespace reel {

using Embeddings = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;  // one row a vector

// A film a viewer rated: dense film index and stars.
struct Rated {
    int32_t film;
    float stars;
};

// A viewer's taste in a model's terms: the offset and the vector x of the score above.
struct Taste {
    float offset = 0;
    std::vector<float> vector;
    // For a profile folded in, how it was built, so a score splits into what each rated film
    // gave: row j of `parts` (and part_offsets[j]) is profile film j's share of the vector
    // (and offset); `base_offset` is the part of the offset owed to no rated film. Empty for
    // a trained user, whose vector is not a function of a profile.
    float base_offset = 0;
    std::vector<float> part_offsets;
    Embeddings parts;
};

// score = base + Σ shares: shares[j] is what profile film j adds (negative: holds it back).
struct Explanation {
    float base = 0;  // owed to no rated film: the global offset and the film's own bias
    std::vector<float> shares;
};

// What a model is trained from; both outlive the model.
struct TrainingData {
    const std::vector<Rating>& train;  // in dataset order
    const TrainIndex& index;
};

class Model;

struct ModelSpec {
    const char* name;          // "rating": settings, the CLI and the page use it
    const char* label;         // "Rating model"
    const char* description;   // one line, for people
    const char* loss_label;    // what an epoch reports: "training RMSE"
    const char* step_setting;  // the setting to lower when training diverges: "learning_rate"
    bool predicts_stars;       // its score is a rating, so RMSE applies
    SettingList settings;      // read as "name.setting"
    std::unique_ptr<Model> (*make)(const ModelSettings& settings, const TrainingData& data, uint64_t seed);

    // Whether it learns in epochs (popularity does not: it is ready as soon as the data is).
    bool trains() const;
    // Its vectors' length under `settings` (0 for a model without vectors).
    int factors(const Settings& settings) const;
};

// A ModelSpec's `make` for the model class M.
template <class M>
std::unique_ptr<Model> make_model(const ModelSettings& settings, const TrainingData& data, uint64_t seed) {
    return std::make_unique<M>(settings, data, seed);
}

class Model {
public:
    virtual ~Model() = default;

    const ModelSpec& spec() const { return spec_; }
    int epochs() const { return epochs_; }
    int epochs_done() const { return epochs_done_; }
    bool trained() const { return epochs_done_ >= epochs_; }

    // One more pass over the training data; returns its loss (spec().loss_label).
    double train_epoch();

    // A viewer nobody trained on, from their ratings, with every film's side frozen. Films in
    // `profile` must have training ratings (the engine sets the others aside).
    virtual Taste fold_in(const std::vector<Rated>& profile) const = 0;
    // A user the model was trained on.
    Taste user(int u) const;

    int factors() const { return factors_; }
    bool has_vectors() const { return factors_ > 0; }
    const float* film_vector(int i) const { return films_.row(i).data(); }
    // A trained user's side of the score: offset (μ + b_u) and vector.
    float user_offset(int u) const { return mu_ + user_bias_[u]; }
    const float* user_vector(int u) const { return users_.row(u).data(); }
    float film_bias(int i) const { return film_bias_[i]; }
    float score(const Taste& taste, int i) const;
    // Inline: training samples call it for every candidate negative.
    float score(int u, int i) const { return mu_ + user_bias_[u] + film_bias_[i] + dot(user_vector(u), film_vector(i), factors_); }
    // The rating a model that predicts stars gives, clipped to the star scale.
    float predict(int u, int i) const;
    float predict(const Taste& taste, int i) const;
    // How film i's score splits over the profile `taste` was folded in from.
    Explanation explain(const Taste& taste, int i) const;

    // The n best films for each trained user u with wanted[u], among the films in training u did
    // not rate there (evaluation.md's candidates); ties to the smaller film index.
    virtual std::vector<std::vector<int32_t>> top_n_all(const TrainIndex& index, size_t n, const std::vector<char>& wanted) const;

    // The trained parameters; restore() expects the same shape and throws otherwise.
    void save(ByteWriter& out) const;
    void restore(ByteReader& in);

    // Natively, the threads training may use (all the hardware's by default); the trained
    // model is the same for any number, bit for bit.
    void set_threads(int threads) { threads_ = threads; }

protected:
    Model(const ModelSpec& spec, const ModelSettings& settings, size_t users, size_t films);
    Model(const ModelSpec& spec, int factors, int epochs, size_t users, size_t films);
    virtual double fit_epoch() = 0;  // train_epoch without the bookkeeping
    // Called once the film side is final (after the last epoch, or a restore): a model may
    // keep what every fold-in needs, such as a Gramian of the film vectors.
    virtual void on_trained() {}

    const ModelSpec& spec_;
    int factors_, epochs_, epochs_done_ = 0;
    float mu_ = 0;                           // an offset shared by everyone (the rating model's mean)
    Eigen::VectorXf user_bias_, film_bias_;  // b_u, b_i
    Embeddings users_, films_;               // x_u, v_i
    int threads_ = hardware_threads();
};

// The trained model called `name` among `models`, or an error saying which is missing or untrained.
const Model& trained_model(const std::vector<const Model*>& models, std::string_view name);

}  // namespace reel
