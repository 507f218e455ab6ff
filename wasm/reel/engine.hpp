// reel::Engine ties the pieces together: dataset, split, the registered models, queries,
// viewers folded in, metrics and saved models. The CLI and the Embind bindings are thin faces
// over this one class.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "filter.hpp"
#include "imports.hpp"
#include "model.hpp"
#include "models.hpp"
#include "search.hpp"
#include "settings.hpp"
#include "train_index.hpp"

namespace reel {

// What every face caps, so no request can make the engine work without end.
struct Limits {
    static constexpr size_t max_results = 1000;      // k or n of any list
    static constexpr size_t max_query_bytes = 200;   // a title search
    static constexpr size_t max_profile = 20000;     // films in a viewer's profile
};

constexpr const char* kPopularity = "popularity";  // the baseline ranker: most training ratings first

struct Summary {
    size_t users = 0, films = 0, rated_films = 0, ratings = 0, train = 0, test = 0, duplicates = 0;
};

struct EpochReport {
    int epoch = 0, epochs = 0;  // epoch counts from 1
    double loss = 0;            // what the model's spec().loss_label says
};

// One model's figures under evaluation.md; NaN where a figure does not apply.
struct ModelFigures {
    const ModelSpec* spec = nullptr;
    double rmse = NAN;                 // models that predict stars
    double recall10 = NAN, ndcg10 = NAN;
    double lift = NAN;                 // recall10 / popularity's − 1
};

struct Figures {
    std::vector<ModelFigures> models;  // in registry order
    // New visitors only: the registry's choice for each visitor's profile size (models.hpp).
    double choice_recall10 = NAN, choice_ndcg10 = NAN;
    double popularity_recall10 = NAN, popularity_ndcg10 = NAN;
    size_t viewers = 0;                // viewers with a relevant film, over whom recall is averaged
};

// evaluation.md's neighbour recall of one similarity on the held-out ratings.
struct NeighbourFigure {
    const ModelSpec* spec = nullptr;  // the cosine of this model's film vectors; null: co-rating item-kNN
    double recall10 = NAN;
};

struct Pick {
    int32_t movie_id;
    float score;  // cosine, model score, training count or rating, as the query says
};

// Why a film sits next to X, in the data's own words: of the people who liked X in training
// (4 stars or more), how many liked it too; and how many rated it.
struct Neighbour {
    int32_t movie_id;
    float similarity;
    int32_t liked_both, liked_x, ratings;
    bool other_genre;  // shares no genre with X: the same feel under a different label
};

struct Prediction {
    int32_t user_id, movie_id;
    float prediction;
};

// A rating a viewer gives: MovieLens ids and half stars from 0.5 to 5.
struct ProfileEntry {
    int32_t movie_id;
    float stars;
};

// A rated film's share of a recommended film's score.
struct Reason {
    int32_t movie_id;
    float share;
};

struct Recommendation {
    int32_t movie_id;
    float score;
    float base;                   // what the film scores before anything the viewer rated: score = base + Σ shares
    std::vector<Reason> because;  // the rated films that pushed it up most, largest first (positive shares)
};

struct VisitorPicks {
    std::vector<Recommendation> picks;
    const ModelSpec* model = nullptr;  // the model that made them (null: popularity)
    // True when the model had nothing to go on (no rated film it can use, e.g. only films rated
    // below what counts as liked): the picks are then the most-rated films, and say so.
    bool from_popularity = false;
    std::vector<int32_t> unknown;  // profile films not in the catalogue
    std::vector<int32_t> unrated;  // profile films nobody rated in training: kept out of the fold-in, never offered
};

struct Explained {
    float score = 0, base = 0;
    std::vector<Reason> shares;  // every profile film the fold-in used, in movieId order
};

// A MovieLens viewer as a picker names them: how many films they rated, and their favourite.
struct Viewer {
    int32_t user_id, ratings, favourite;
};

// The map of the space of taste: films placed in 2-D (film_map.hpp).
struct MapLayout {
    std::vector<int32_t> movie_ids;
    std::vector<float> xy;  // x0, y0, x1, y1, … in the order of movie_ids
};

// Neighbourhood preservation (how many of a film's 10 nearest by cosine are its 10 nearest on
// the layout) of the map and of two baselines computed the same way.
struct MapFigures {
    double map = NAN, pca = NAN, random = NAN;
};

// Visitors read from a ratings file: user ids ascending and each one's ratings.
struct Visitors {
    std::vector<int32_t> user_ids;
    std::vector<std::vector<ProfileEntry>> profiles;
    const std::vector<ProfileEntry>* of(int32_t user_id) const;  // null when absent
};

class Engine {
public:
    explicit Engine(Settings settings = default_settings());
    ~Engine();
    Engine(Engine&&) noexcept;
    Engine& operator=(Engine&&) noexcept;

    // Loads movies.csv and ratings.csv bytes and splits the ratings 80/20 by `seed`. An empty
    // movies_csv names films by id. On error nothing changes: the engine keeps what it had.
    // `ratings_name` is the file as messages should name it.
    Summary load(std::string_view movies_csv, std::string_view ratings_csv, uint64_t seed,
                 std::string_view movies_name = "movies.csv", std::string_view ratings_name = "ratings.csv");
    // The same from rows already parsed (a RatingsParser fed the file piece by piece); they are
    // released as soon as the split holds them.
    Summary load(std::string_view movies_csv, RatingRows rows, uint64_t seed, std::string_view movies_name = "movies.csv");
    // Loads a given split instead (models are seeded with the "seed" setting). An empty
    // test_csv means no held-out ratings (the new-visitor protocol holds out other files).
    Summary load_split(std::string_view movies_csv, std::string_view train_csv, std::string_view test_csv,
                       std::string_view movies_name = "movies.csv", std::string_view train_name = "train.csv",
                       std::string_view test_name = "test.csv");

    // The films alone, parsed while the ratings are still on their way, so a page can search at
    // once: search() and catalog() work (titles, no popularity yet), everything else waits for a load.
    void load_catalog(std::string_view movies_csv, std::string_view movies_name = "movies.csv");
    const Catalog& catalog() const;              // the loaded data's, or the one load_catalog gave
    std::vector<int32_t> training_counts() const;  // per film; zeros before the ratings are loaded

    const Settings& settings() const { return settings_; }
    bool loaded() const { return state_ != nullptr; }
    const Model& model(std::string_view name) const;  // throws for an unknown name or no data
    EpochReport train_epoch(std::string_view model);  // one more epoch; throws once all are done or if it diverges
    void train();                                     // every remaining epoch of every model
    bool trained(std::string_view model) const;

    // Warm: every model on the held-out ratings, evaluation.md's protocol.
    Figures evaluate() const;
    // The same figures in steps, so a page can answer queries in between: each step ranks up to
    // `users` users for one ranker (popularity, then each model). Returns the share done (1 at the
    // end), after which evaluation_figures() equals evaluate() bit for bit.
    void start_evaluation();
    double evaluation_step(size_t users);
    Figures evaluation_figures() const;
    // "Films like X" measured: each model's cosine, then the co-rating item-kNN baseline.
    std::vector<NeighbourFigure> evaluate_neighbours() const;
    // New visitors: each visitor of `profile` folded in (film side frozen) and ranked against
    // their `hidden` ratings, skipping the films they rated in `exclude` (the full profile
    // when `profile` holds only its first few ratings; null: the profile itself).
    Figures evaluate_visitors(const Visitors& profile, const Visitors& hidden, const Visitors* exclude = nullptr) const;
    // A ratings file grouped by user, ids as written (a film need not be in the catalogue).
    Visitors read_visitors(std::string_view ratings_csv, std::string_view name) const;

    // Films like X, each with why it is there. Filter::other_genres keeps only films that share
    // no genre with X: the same feel under a different label.
    std::vector<Neighbour> similar(int32_t movie_id, size_t k, std::string_view model, const Filter& filter = {}) const;
    // A MovieLens user's next films: never one they rated (train or test).
    std::vector<Pick> recommend(int32_t user_id, size_t n, std::string_view model, const Filter& filter = {}) const;
    // A visitor's next films from their own ratings, folded in; never one they rated, nor one
    // of `also_seen` (films seen but not to be used, e.g. the rest of a protocol's profile).
    // An empty `model` takes the registry's choice for a profile of this size.
    VisitorPicks recommend_for(const std::vector<ProfileEntry>& profile, size_t n, std::string_view model,
                               const Filter& filter = {}, const std::vector<ProfileEntry>* also_seen = nullptr) const;
    // How film `movie_id`'s score for the visitor splits over their ratings.
    Explained explain_for(const std::vector<ProfileEntry>& profile, int32_t movie_id, std::string_view model) const;
    // The stars model's prediction for each hidden (visitor, film) whose film is in training,
    // the visitor folded in from `profile`.
    std::vector<Prediction> visitor_predictions(const Visitors& profile, const Visitors& hidden) const;

    std::vector<Pick> favourites(int32_t user_id, size_t k) const;  // the user's highest ratings
    std::vector<Viewer> viewers() const;                            // every user, ascending by id

    // "Rate a few you know": k well-known, well-liked films far apart in taste, none of `exclude`
    // (movieIds: films already shown or rated), far apart by the neighbours model's vectors.
    std::vector<int32_t> starters(size_t k, const std::vector<int32_t>& exclude) const;
    // The map, after training, one epoch at a time like the models: start_map() builds the
    // graph from the neighbours model's film vectors; map_epoch() returns (epoch, epochs).
    void start_map();
    std::pair<int, int> map_epoch();
    MapLayout map() const;
    MapFigures map_figures() const;

    // MovieLens's links.csv, so an IMDb export can be matched; kept until the next load.
    void load_links(std::string_view links_csv, std::string_view name = "links.csv");
    // An IMDb or Letterboxd ratings export, matched to this catalogue (see imports.hpp).
    Imported import_ratings(std::string_view csv, std::string_view name) const;
    // A visitor's ratings as CSV (movieId,title,rating), to keep or to bring elsewhere.
    std::string profile_csv(const std::vector<ProfileEntry>& profile) const;
    std::vector<int32_t> search(std::string_view query, size_t k) const;
    int32_t resolve_title(std::string_view title) const;           // throws listing candidates
    std::vector<Prediction> test_predictions(std::string_view model) const;  // one per test rating

    // Every trained model as bytes: a versioned format with the settings, a fingerprint of the
    // data and a checksum. restore() refuses other data, another format or a damaged file,
    // and then leaves the engine as it was.
    std::string save() const;
    void restore(std::string_view bytes, std::string_view name = "the model file");
    uint64_t fingerprint() const;  // of the loaded data
    // What a saved model depends on: the data's fingerprint, the save format and every setting.
    // A page keeps trained models under this key and trusts none saved under another.
    uint64_t model_key() const;

    const Dataset& data() const;
    const TrainIndex& train_index() const;

private:
    struct State;  // everything a load builds, swapped in whole
    struct Evaluation;
    Summary install(std::unique_ptr<State> state, uint64_t seed);
    const State& state() const;
    int user_of(int32_t user_id) const;
    int film_of(int32_t movie_id) const;
    size_t model_index(std::string_view name) const;
    const Model& trained_model(std::string_view name) const;

    Settings settings_;
    std::unique_ptr<State> state_;
    struct Preview;  // the catalogue and its search, before any ratings
    std::unique_ptr<Preview> preview_;
};

}  // namespace reel
