// The registry: every model Reel offers, in the order the page and the CLI list them.
#pragma once
#include <string_view>
#include <vector>

#include "model.hpp"
#include "settings.hpp"

namespace reel {

const std::vector<const ModelSpec*>& model_specs();

// The baseline every ranker's lift is measured against, and what a list falls back on when a
// viewer gives a model nothing to go on: the most-rated films.
constexpr const char* kPopularity = "popularity";

// The model called `name`; throws reel::Error listing the names there are.
const ModelSpec& model_spec(std::string_view name);

// The model that answers each question unless another is asked for, chosen on validation data
// (scripts/tune visitors and scripts/tune neighbours print the comparison).
struct ModelChoices {
    const char* visitors;        // a visitor's next films, folded in from their ratings…
    size_t visitors_from;        // …once they have rated this many films,
    const char* first_visitors;  // and before that
    const char* viewers;         // a MovieLens viewer's next films
    const char* neighbours;      // films like X
    const char* visitor_model(size_t rated) const { return rated < visitors_from ? first_visitors : visitors; }
    // The model whose scores a first visitor's default list mixes in (lists.mix, score_mix.hpp), or none.
    const char* mixed_in(size_t rated) const { return rated < visitors_from ? visitors : nullptr; }
};

// Every model that trains, by name, in the order a page trains them: the models its first answers need come
// first (films like X and the starters, a visitor's first ratings, later ones, the viewers), so
// they answer while the others still train.
std::vector<const char*> training_order();
const ModelChoices& model_choices();

// "seed", the engine's own settings and every model's, at their defaults.
Settings default_settings();
// Whether a setting shapes what training makes (the seed and each model's own but its fold-in),
// rather than how trained models are served (a visitor's fold-in, films like X, the default list,
// the map).
bool shapes_models(std::string_view setting);

}  // namespace reel
