// reel::Engine, the one object both faces (the CLI and the Embind bindings) hold: it loads a
// dataset and keeps it with its models, and hands every question to the module that answers it —
// the data (loaded_data), the model set and its storage (model_set, model_file), the queries
// (queries), the evaluation (evaluation) and the map (film_map). It holds no logic of its own
// beyond keeping a failed load or restore from changing anything.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dataset.hpp"
#include "evaluation.hpp"
#include "starter_rounds.hpp"
#include "starters.hpp"
#include "filter.hpp"
#include "imports.hpp"
#include "loaded_data.hpp"
#include "model.hpp"
#include "model_set.hpp"
#include "models.hpp"
#include "profile.hpp"
#include "queries.hpp"
#include "search.hpp"
#include "settings.hpp"
#include "together.hpp"
#include "together_figures.hpp"
#include "train_index.hpp"

namespace reel {

struct Summary {
    size_t users = 0, films = 0, rated_films = 0, ratings = 0, train = 0, test = 0, duplicates = 0;
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

class Engine {
public:
    explicit Engine(Settings settings = default_settings());
    ~Engine();
    Engine(Engine&&) noexcept;
    Engine& operator=(Engine&&) noexcept;

    // Loads movies.csv and ratings.csv bytes and splits the ratings 80/20 by `seed`. An empty
    // movies_csv names films by id. On error nothing changes: the engine keeps what it had.
    // `ratings_name` is the file as messages should name it.
    Summary load(std::string_view movies_csv, std::string_view ratings_csv, uint64_t seed, std::string_view movies_name = "movies.csv",
                 std::string_view ratings_name = "ratings.csv");
    // The same from rows already parsed (a RatingsParser fed the file piece by piece); they are
    // released as soon as the split holds them.
    Summary load(std::string_view movies_csv, RatingRows rows, uint64_t seed, std::string_view movies_name = "movies.csv");
    // The same from a packed bundle (packed.hpp): the same split and models to the bit as from
    // the CSVs it was packed from.
    Summary load_packed(std::string_view packed, uint64_t seed, std::string_view name = "the packed data");
    // Loads a given split instead (models are seeded with the "seed" setting). An empty
    // test_csv means no held-out ratings (the new-visitor protocol holds out other files).
    Summary load_split(std::string_view movies_csv, std::string_view train_csv, std::string_view test_csv,
                       std::string_view movies_name = "movies.csv", std::string_view train_name = "train.csv",
                       std::string_view test_name = "test.csv");

    // The films alone, parsed while the ratings are still on their way, so a page can search at
    // once: search() and catalog() work (titles, no popularity yet), everything else waits for a load.
    void load_catalog(std::string_view movies_csv, std::string_view movies_name = "movies.csv");
    // The same from the start of a packed bundle, once packed_films_end(head) bytes are in.
    void load_packed_films(std::string_view head, std::string_view name = "the packed data");
    static size_t packed_films_end(std::string_view head, std::string_view name = "the packed data");
    const Catalog& catalog() const;                // the loaded data's, or the one load_catalog gave
    std::vector<int32_t> training_counts() const;  // per film; zeros before the ratings are loaded
    // MovieLens tags a film as "IMAX" among its genres, but IMAX is how a film was shown, not what
    // it is: the faces offer no such tag as a genre (the tag stays on the film, as MovieLens has it).
    static bool is_format(std::string_view tag);

    const Settings& settings() const { return settings_; }
    bool loaded() const { return state_ != nullptr; }
    const Model& model(std::string_view name) const;  // throws for an unknown name or no data
    EpochReport train_epoch(std::string_view model);  // one more epoch; throws once all are done or if it diverges
    void train();                                     // every remaining epoch of every model
    bool trained(std::string_view model) const;

    // Warm: every model, popularity included, on the held-out ratings (evaluation.md), and the
    // default list a viewer is shown (Figures::choice).
    Figures evaluate() const;
    // The same figures in steps, so a page can answer queries in between: each step ranks up to
    // `users` users for one model. Returns the share done (1 at the end), after which
    // evaluation_figures() equals evaluate() bit for bit.
    void start_evaluation();
    double evaluation_step(size_t users);
    Figures evaluation_figures() const;
    // "Films like X" measured: each model's cosine, then the co-rating item-kNN baseline.
    std::vector<NeighbourFigure> evaluate_neighbours() const;
    // New visitors: each visitor of `profile` folded in (film side frozen) and ranked against
    // their `hidden` ratings, skipping the films they rated in `exclude` (the full profile
    // when `profile` holds only its first few ratings; null: the profile itself).
    Figures evaluate_visitors(const Visitors& profile, const Visitors& hidden, const Visitors* exclude = nullptr) const;
    // "Rate a few you know" on new visitors: `rounds` rounds of `per_round` starters, the same
    // for everyone against chosen for each visitor (starter_rounds.hpp).
    StarterFigures evaluate_starters(const Visitors& profile, const Visitors& hidden, size_t rounds, size_t per_round) const;
    // Watch together on new visitors: groups of `size` visitors (drawn `shuffles` times by the
    // seed), the group's one list under each aggregation against each member's own (together_figures.hpp).
    TogetherFigures evaluate_together(const Visitors& profile, const Visitors& hidden, const Visitors* exclude, size_t size,
                                      size_t shuffles) const;
    // A ratings file grouped by user, ids as written (a film need not be in the catalogue).
    Visitors read_visitors(std::string_view ratings_csv, std::string_view name) const;
    // The lists the evaluation scores, for `reel export`: every user in training (movieIds, by
    // userId ascending) under the split's protocol, or every visitor of `profile` under the
    // new-visitor protocol. An empty `model` is the default list: the registry's choice (for a
    // visitor, by their profile's size) re-ranked into the viewer's own (personal.hpp).
    std::vector<std::pair<int32_t, std::vector<int32_t>>> protocol_lists(std::string_view model, size_t n) const;
    std::vector<std::pair<int32_t, std::vector<int32_t>>> visitor_lists(const Visitors& profile, const Visitors* exclude,
                                                                        std::string_view model, size_t n) const;
    // The stars model's prediction for each hidden (visitor, film) whose film is in training,
    // the visitor folded in from `profile`.
    std::vector<Prediction> visitor_predictions(const Visitors& profile, const Visitors& hidden) const;
    std::vector<Prediction> test_predictions(std::string_view model) const;  // one per test rating

    // Films like X, each with why it is there. Filter::other_genres keeps only films that share
    // no genre with X: the same feel under a different label.
    std::vector<Neighbour> similar(int32_t movie_id, size_t k, std::string_view model, const Filter& filter = {}) const;
    // A MovieLens user's next films: never one they rated (train or test). An empty `model` is
    // the default: the registry's choice for viewers, re-ranked into their own list.
    std::vector<Pick> recommend(int32_t user_id, size_t n, std::string_view model, const Filter& filter = {}) const;
    // A visitor's next films from their own ratings, folded in; never one they rated, nor one
    // of `also_seen` (films seen but not to be used, e.g. the rest of a protocol's profile).
    // An empty `model` is the default: the registry's choice for a profile of this size,
    // re-ranked into the visitor's own list (personal.hpp).
    VisitorPicks recommend_for(const std::vector<ProfileEntry>& profile, size_t n, std::string_view model, const Filter& filter = {},
                               const std::vector<ProfileEntry>* also_seen = nullptr) const;
    // Watch together: one list for 2 to 4 people, none of it a film any of them rated or marked,
    // each pick with each member's ratings that led to it (together.hpp).
    JointPicks together(const std::vector<Member>& members, size_t n, const Filter& filter = {}) const;
    // How film `movie_id`'s score for the visitor splits over their ratings.
    Explained explain_for(const std::vector<ProfileEntry>& profile, int32_t movie_id, std::string_view model) const;

    std::vector<Pick> favourites(int32_t user_id, size_t k) const;  // the user's highest ratings
    std::vector<Viewer> viewers() const;                            // every user, ascending by id

    // "Rate a few you know": k films none of `exclude` (movieIds: films already shown or rated),
    // far apart by the neighbours model's vectors — well-known and well-liked while `profile` is
    // empty, then those it expects the visitor to have seen, away from what they rated (starters.hpp).
    std::vector<int32_t> starters(size_t k, const std::vector<int32_t>& exclude, const std::vector<ProfileEntry>& profile = {}) const;
    // The map, after training, one epoch at a time like the models: start_map() builds the
    // graph from the neighbours model's film vectors; map_epoch() returns (epoch, epochs).
    void start_map();
    std::pair<int, int> map_epoch();
    MapLayout map() const;
    // map_figures() in steps of `films` films, so a page can answer between them; the share done.
    // Once every step is done map_figures() reads their sums, else it computes them in one call.
    double map_figures_step(size_t films);
    MapFigures map_figures() const;

    // MovieLens's links.csv, so an IMDb export can be matched and a film linked to IMDb, TMDB and
    // Letterboxd; kept until the next load.
    void load_links(std::string_view links_csv, std::string_view name = "links.csv");
    // Every film's ids elsewhere, in catalog() order; all 0 before load_links.
    std::vector<FilmLinks> film_links() const;
    // An IMDb or Letterboxd ratings export, matched to this catalogue (see imports.hpp).
    Imported import_ratings(std::string_view csv, std::string_view name, Unrated unrated = Unrated::by_name) const;
    // A visitor's ratings and marks as Reel's own CSV (exports.hpp), which import_ratings reads back.
    std::string profile_csv(const std::vector<ProfileEntry>& profile, const std::vector<FilmMark>& marks = {}) const;
    // Films in the columns Letterboxd's importer reads (exports.hpp); stars 0: no rating.
    std::string letterboxd_csv(const std::vector<ProfileEntry>& films) const;
    std::vector<int32_t> search(std::string_view query, size_t k) const;
    int32_t resolve_title(std::string_view title) const;  // throws listing candidates

    // Every trained model as bytes (model_file.hpp: the settings, a fingerprint of the data,
    // one named part per model, a checksum). restore() refuses other data, another format, a
    // damaged file or a model or setting this engine does not know, and then leaves the engine
    // as it was; a model the file predates stays untrained, and its name is returned.
    std::string save() const;
    std::vector<std::string> restore(std::string_view bytes, std::string_view name = "the model file");
    uint64_t fingerprint() const;  // of the loaded data
    // What a saved model depends on: the data's fingerprint, the save format and every setting.
    // A page keeps trained models under this key and trusts none saved under another.
    uint64_t model_key() const;

    const Dataset& data() const;
    const TrainIndex& train_index() const;

private:
    struct State;  // everything a load builds, swapped in whole
    Summary install(Dataset data, uint64_t seed);
    Summary load_rows(Catalog catalog, RatingRows rows, uint64_t seed);
    void preview(Catalog catalog);
    const State& state() const;
    State& state();
    WarmData warm_data() const;

    Settings settings_;
    std::unique_ptr<State> state_;
    struct Preview;  // the catalogue and its search, before any ratings
    std::unique_ptr<Preview> preview_;
};

}  // namespace reel
