// The one list of models, the popularity baseline among them: adding a model is its file plus
// its line here.
#include "models.hpp"

#include "error.hpp"
#include "implicit_model.hpp"
#include "popularity_model.hpp"
#include "ranking_model.hpp"
#include "rating_model.hpp"

namespace reel {

namespace {
constexpr SettingSpec kEngineSettings[] = {
    {"seed", 42, 0, kMaxSeed, SettingKind::Whole, "seeds the split, the initial vectors and every sample"},
    {"similar.min_support", 10, 1, 1e6, SettingKind::Whole, "a neighbour needs this many training ratings"},
    {"similar.shrinkage", 30, 0, 1e6, SettingKind::Real, "β: a neighbour's cosine counts n / (n + β), n its training ratings"},
    {"map.epochs", 500, 1, 10000, SettingKind::Whole, "passes of the map's layout over its graph"},
    {"similar.co_liking", 2, 0, 100, SettingKind::Real, "w: weight of the cosine of who liked the two films, beside the vectors'"},
    {"similar.asymmetry", 0.42, 0, 1, SettingKind::Real,
     "α: who liked both ÷ (likers(X)^α · likers(Y)^(1−α)); below ½ a hit must earn its place"},
    {"lists.calibration", 0.62, 0, 1, SettingKind::Real, "λ: how much a viewer's list follows the genres they liked (personal.hpp)"},
    {"lists.popularity", 0, 0, 10, SettingKind::Real, "β: how much a film's log count takes off its place in a viewer's list"},
    {"lists.mix", 0.05, 0, 0.9, SettingKind::Real, "w: share of the visitors model's scores in a first visitor's list (score_mix.hpp)"},
    {"lists.pool", 100, 10, 1000, SettingKind::Whole, "a viewer's list is re-ranked from the model's best this many films"},
};
}  // namespace

const std::vector<const ModelSpec*>& model_specs() {
    static const std::vector<const ModelSpec*> all = {
        &kRatingModel,
        &kRankingModel,
        &kImplicitModel,
        &kPopularityModel,
    };
    return all;
}

const ModelChoices& model_choices() {
    // Implicit ALS measures best on MovieLens viewers (warm validation), neighbour recall, and new
    // visitors who have rated 13 films or more; below that, BPR's fold-in finds more (cold
    // validation, five splits: Recall@10 from 5 ratings 0.149 against 0.116, from 12 0.159 against
    // 0.156, from 13 0.159 against 0.162). scripts/tune visitors prints the comparison.
    static const ModelChoices choices = {"implicit", 13, "ranking", "implicit", "implicit"};
    return choices;
}

std::vector<const char*> training_order() {
    const ModelChoices& c = model_choices();
    std::vector<const char*> order;
    auto add = [&](const char* name) {
        for (const char* n : order)
            if (std::string_view(n) == name) return;
        order.push_back(name);
    };
    for (const char* first : {c.neighbours, c.first_visitors, c.visitors, c.viewers}) add(first);
    for (const ModelSpec* m : model_specs())
        if (m->trains()) add(m->name);
    return order;
}

const ModelSpec& model_spec(std::string_view name) {
    std::string names;
    for (const ModelSpec* m : model_specs()) {
        if (name == m->name) return *m;
        names += (names.empty() ? "" : ", ") + std::string(m->name);
    }
    throw Error("unknown model " + quoted(name) + " (the models are " + names + ")");
}

bool shapes_models(std::string_view setting) {
    if (setting == "seed") return true;
    for (const ModelSpec* m : model_specs()) {
        const std::string_view model = m->name;
        if (setting.size() <= model.size() || setting.substr(0, model.size()) != model || setting[model.size()] != '.') continue;
        // A visitor's fold-in is worked out when they ask, from the trained film side: serving.
        return setting.substr(model.size() + 1, 8) != "fold_in_";
    }
    return false;
}

Settings default_settings() {
    Settings s;
    s.add("", setting_list(kEngineSettings));
    for (const ModelSpec* m : model_specs()) s.add(m->name, m->settings);
    return s;
}

}  // namespace reel
