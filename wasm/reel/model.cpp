// What every model shares: the linear score, explanations from a folded-in profile, and the
// trained parameters as bytes.
#include "model.hpp"

#include <algorithm>

#include "error.hpp"
#include "kernels.hpp"
#include "rank_users.hpp"

namespace reel {

bool ModelSpec::trains() const {
    for (const SettingSpec& s : settings)
        if (std::string_view(s.name) == "epochs") return true;
    return false;
}

int ModelSpec::factors(const Settings& settings) const {
    for (const SettingSpec& s : this->settings)
        if (std::string_view(s.name) == "factors") return ModelSettings(settings, name).whole("factors");
    return 0;
}

Model::Model(const ModelSpec& spec, const ModelSettings& settings, size_t users, size_t films)
    : Model(spec, settings.whole("factors"), settings.whole("epochs"), users, films) {}

Model::Model(const ModelSpec& spec, int factors, int epochs, size_t users, size_t films)
    : spec_(spec),
      factors_(factors),
      epochs_(epochs),
      user_bias_(Eigen::VectorXf::Zero(static_cast<Eigen::Index>(users))),
      film_bias_(Eigen::VectorXf::Zero(static_cast<Eigen::Index>(films))),
      users_(Embeddings::Zero(static_cast<Eigen::Index>(users), factors_)),
      films_(Embeddings::Zero(static_cast<Eigen::Index>(films), factors_)) {}

double Model::train_epoch() {
    if (trained()) throw Error(std::string("the ") + spec_.name + " model has already trained all its epochs");
    const double loss = fit_epoch();
    ++epochs_done_;
    if (trained()) on_trained();
    return loss;
}

Taste Model::user(int u) const {
    Taste t;
    t.offset = mu_ + user_bias_[u];
    t.vector.assign(users_.row(u).data(), users_.row(u).data() + factors_);
    return t;
}

float Model::score(const Taste& taste, int i) const {
    return taste.offset + film_bias_[i] + dot(taste.vector.data(), film_vector(i), factors_);
}

float Model::predict(int u, int i) const { return std::clamp(score(u, i), 0.5f, 5.0f); }

float Model::predict(const Taste& taste, int i) const { return std::clamp(score(taste, i), 0.5f, 5.0f); }

Explanation Model::explain(const Taste& taste, int i) const {
    Explanation e;
    if (taste.parts.rows() == 0) {
        e.base = score(taste, i);  // a trained user's vector owes nothing to any one rating
        return e;
    }
    e.base = taste.base_offset + film_bias_[i];
    for (Eigen::Index j = 0; j < taste.parts.rows(); ++j)
        e.shares.push_back(taste.part_offsets[static_cast<size_t>(j)] + dot(taste.parts.row(j).data(), film_vector(i), factors_));
    return e;
}

std::vector<std::vector<int32_t>> Model::top_n_all(const TrainIndex& index, size_t n, const std::vector<char>& wanted) const {
    return top_n_by_model(*this, index, n, wanted);
}

void Model::save(ByteWriter& out) const {
    out.reserve(64 + 4 * static_cast<size_t>(user_bias_.size() + film_bias_.size() + users_.size() + films_.size()));
    out.text(spec_.name);
    out.u32(static_cast<uint32_t>(epochs_done_));
    out.u32(static_cast<uint32_t>(users_.rows()));
    out.u32(static_cast<uint32_t>(films_.rows()));
    out.u32(static_cast<uint32_t>(factors_));
    out.f32(mu_);
    out.floats(user_bias_.data(), static_cast<size_t>(user_bias_.size()));
    out.floats(film_bias_.data(), static_cast<size_t>(film_bias_.size()));
    out.floats(users_.data(), static_cast<size_t>(users_.size()));
    out.floats(films_.data(), static_cast<size_t>(films_.size()));
}

void Model::restore(ByteReader& in) {
    const std::string name = in.text();
    if (name != spec_.name)
        throw Error("the saved models are in another order (found the " + name + " model where the " + spec_.name + " model belongs)");
    const uint32_t done = in.u32(), users = in.u32(), films = in.u32(), factors = in.u32();
    if (users != static_cast<uint64_t>(users_.rows()) || films != static_cast<uint64_t>(films_.rows()) ||
        factors != static_cast<uint32_t>(factors_))
        throw Error(std::string("the saved ") + spec_.name + " model has another shape (" + std::to_string(users) + " users, " +
                    std::to_string(films) + " films, " + std::to_string(factors) + " factors)");
    if (done != static_cast<uint32_t>(epochs_)) throw Error(std::string("the saved ") + spec_.name + " model is not fully trained");
    mu_ = in.f32();
    in.floats(user_bias_.data(), static_cast<size_t>(user_bias_.size()));
    in.floats(film_bias_.data(), static_cast<size_t>(film_bias_.size()));
    in.floats(users_.data(), static_cast<size_t>(users_.size()));
    in.floats(films_.data(), static_cast<size_t>(films_.size()));
    epochs_done_ = static_cast<int>(done);
    on_trained();
}

const Model& trained_model(const std::vector<const Model*>& models, std::string_view name) {
    for (const Model* m : models)
        if (m->spec().name == name) {
            if (!m->trained()) throw Error("the " + std::string(name) + " model is not trained yet");
            return *m;
        }
    throw Error("the " + std::string(name) + " model is not among the models measured");
}

}  // namespace reel
