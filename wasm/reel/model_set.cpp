// Training, indexing and storing the registered models of one dataset.
#include "model_set.hpp"

#include <algorithm>
#include <cmath>

#include "bytes.hpp"
#include "error.hpp"
#include "model_file.hpp"

namespace reel {

ModelSet::ModelSet(Settings settings, TrainingData data, const Likers& likers)
    : settings_(std::move(settings)), data_(data), likers_(&likers) {
    for (const ModelSpec* spec : model_specs())
        models_.push_back(spec->make(ModelSettings(settings_, spec->name), data_, settings_.seed()));
    similar_.resize(models_.size());
    for (size_t m = 0; m < models_.size(); ++m)
        if (models_[m]->trained()) index_similar(m);
}

size_t ModelSet::index_of(std::string_view name) const {
    const ModelSpec& spec = model_spec(name);  // throws listing the names
    const auto& specs = model_specs();
    return static_cast<size_t>(std::find(specs.begin(), specs.end(), &spec) - specs.begin());
}

const Model& ModelSet::model(std::string_view name) const { return *models_[index_of(name)]; }

const Model& ModelSet::trained(std::string_view name) const {
    const Model& m = model(name);
    if (!m.trained()) throw Error(std::string("the ") + m.spec().name + " model is not trained yet");
    return m;
}

std::vector<const Model*> ModelSet::all() const {
    std::vector<const Model*> out;
    for (const auto& m : models_) out.push_back(m.get());
    return out;
}

std::vector<const Model*> ModelSet::all_trained() const {
    for (const auto& m : models_) trained(m->spec().name);
    return all();
}

const SimilarIndex& ModelSet::similar(std::string_view name) const {
    const size_t m = index_of(name);
    trained(name);
    if (!models_[m]->has_vectors())
        throw Error(std::string("the ") + models_[m]->spec().name + " model has no film vectors to compare films by");
    return similar_[m];
}

void ModelSet::index_similar(size_t m) {
    const Model& model = *models_[m];
    if (!model.has_vectors()) return;
    similar_[m] =
        SimilarIndex(model.film_vector(0), model.factors(), data_.index, settings_.whole("similar.min_support"),
                     static_cast<float>(settings_.get("similar.shrinkage")), likers_,
                     static_cast<float>(settings_.get("similar.co_liking")), static_cast<float>(settings_.get("similar.asymmetry")));
}

EpochReport ModelSet::train_epoch(std::string_view name) {
    const size_t i = index_of(name);
    Model& m = *models_[i];
    const double loss = m.train_epoch();
    if (!std::isfinite(loss)) {
        // A diverged model is useless: start it again untrained, so the engine stays usable.
        const ModelSpec& spec = m.spec();
        const int epoch = m.epochs_done();
        models_[i] = spec.make(ModelSettings(settings_, spec.name), data_, settings_.seed());
        similar_[i] = SimilarIndex();
        const std::string step = std::string(spec.name) + "." + spec.step_setting;
        throw Error(std::string("the ") + spec.name + " model diverged at epoch " + std::to_string(epoch) + " (" + spec.loss_label + " " +
                    (std::isnan(loss) ? "NaN" : "infinite") + "); it is reset to untrained: try a smaller " + step + " than " +
                    setting_text(settings_.get(step)));
    }
    if (m.trained()) index_similar(i);
    return EpochReport{m.epochs_done(), m.epochs(), loss};
}

std::string ModelSet::save(uint64_t fingerprint) const {
    ModelFile file;
    file.fingerprint = fingerprint;
    for (const Settings::Entry& e : settings_.entries()) file.settings.emplace_back(e.name, e.value);
    for (const auto& m : models_) {
        if (!m->trained()) throw Error(std::string("the ") + m->spec().name + " model is not trained yet, so there is nothing to save");
        ByteWriter part;
        m->save(part);
        file.parts.emplace_back(m->spec().name, part.take());
    }
    return write_model_file(file);
}

ModelSet ModelSet::restored(std::string_view bytes, std::string_view name, uint64_t fingerprint, TrainingData data, const Likers& likers,
                            const Settings& serving, std::vector<std::string>* missing) {
    const std::string what(name);
    const ModelFile file = read_model_file(bytes, what);
    if (file.fingerprint != fingerprint) throw Error(what + " was trained on other data than the data loaded now");
    Settings settings = serving;
    for (const auto& [setting, value] : file.settings) {
        try {
            Settings check = settings;  // an unknown name or a value out of range is refused, whichever kind it is
            check.set(setting, value);
            if (shapes_models(setting)) settings = check;
        } catch (const Error& e) {
            throw Error(what + ": " + e.what());
        }
    }
    for (const auto& part : file.parts) {
        try {
            model_spec(part.first);
        } catch (const Error& e) {
            throw Error(what + " holds a model this engine does not know: " + e.what());
        }
    }
    ModelSet set(std::move(settings), data, likers);
    for (size_t m = 0; m < set.models_.size(); ++m) {
        const std::string* part = file.part(set.models_[m]->spec().name);
        if (!part) {
            if (missing && set.models_[m]->spec().trains()) missing->push_back(set.models_[m]->spec().name);
            continue;  // a model added since the file was saved: it trains as usual
        }
        ByteReader in(*part, what);
        set.models_[m]->restore(in);
        if (in.left() != 0) throw Error(what + ": the " + std::string(set.models_[m]->spec().name) + " model's part has bytes too many");
        set.index_similar(m);
    }
    return set;
}

}  // namespace reel
