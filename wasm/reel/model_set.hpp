// The registered models of one loaded dataset, each with its films-like-X index once trained:
// training epoch by epoch (a model that diverges starts again), and saving them as named parts.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "models.hpp"
#include "neighbours.hpp"
#include "settings.hpp"
#include "similar.hpp"

namespace reel {

struct EpochReport {
    int epoch = 0, epochs = 0;  // epoch counts from 1
    double loss = 0;            // what the model's spec().loss_label says
};

class ModelSet {
public:
    // Every registered model, untrained (popularity, which learns nothing, is ready at once).
    // `data` and `likers` must outlive the set.
    ModelSet(Settings settings, TrainingData data, const Likers& likers);

    const Settings& settings() const { return settings_; }
    const Model& model(std::string_view name) const;    // throws for an unknown name, listing the names
    const Model& trained(std::string_view name) const;  // … or one not trained yet
    std::vector<const Model*> all() const;              // registry order
    std::vector<const Model*> all_trained() const;      // the same, throwing for one not trained yet
    // Films like X under a trained model with film vectors.
    const SimilarIndex& similar(std::string_view name) const;

    // One more epoch of `name`; throws once all are done or if it diverges (then it is reset).
    EpochReport train_epoch(std::string_view name);

    // Every trained model as the saved-model file (model_file.hpp), for data of `fingerprint`.
    std::string save(uint64_t fingerprint) const;
    // The models of a saved file, for the data of `fingerprint`: the settings that made them from
    // the file (each named; one this engine does not know is refused), how they are served from
    // `serving` (shapes_models), and each registered model restored from its part or, when the
    // file predates it, left untrained (its name lands in `missing`). Throws a plain sentence,
    // leaving nothing half-restored, for anything else.
    static ModelSet restored(std::string_view bytes, std::string_view what, uint64_t fingerprint, TrainingData data, const Likers& likers,
                             const Settings& serving, std::vector<std::string>* missing = nullptr);

private:
    size_t index_of(std::string_view name) const;
    void index_similar(size_t m);

    Settings settings_;
    TrainingData data_;
    const Likers* likers_;
    std::vector<std::unique_ptr<Model>> models_;  // registry order
    std::vector<SimilarIndex> similar_;           // one per model, built when it has trained
};

}  // namespace reel
