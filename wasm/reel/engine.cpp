// The engine's state is built whole by a load (or a restore) and swapped in, so a failed one
// changes nothing; every question is handed to the module that answers it.
#include "engine.hpp"

#include <algorithm>
#include <limits>

#include "bytes.hpp"
#include "error.hpp"
#include "exports.hpp"
#include "film_map.hpp"
#include "model_file.hpp"
#include "packed.hpp"

namespace reel {

namespace {

// Characters as a visitor counts them (code points; a byte that continues a UTF-8 sequence is not
// one), so the cap is the same for "amelie" and for a Japanese title.
size_t characters(std::string_view text) {
    return static_cast<size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void check_query_length(std::string_view text, const char* what) {
    if (characters(text) > Limits::max_query_chars)
        throw Error(std::string(what) + " is at most " + std::to_string(Limits::max_query_chars) + " characters long");
}

}  // namespace

struct Engine::State {
    std::unique_ptr<LoadedData> data;
    std::unique_ptr<ModelSet> models;
    std::unique_ptr<WarmEvaluation> evaluation;  // a stepwise evaluation under way
    std::unique_ptr<FilmMap> map;
};

struct Engine::Preview {
    Catalog catalog;
    TitleSearch search;
};

Engine::Engine(Settings settings) : settings_(std::move(settings)) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

void Engine::load_catalog(std::string_view movies_csv, std::string_view movies_name) { preview(Catalog::parse(movies_csv, movies_name)); }

void Engine::load_packed_films(std::string_view head, std::string_view name) { preview(unpack_films(head, name)); }

size_t Engine::packed_films_end(std::string_view head, std::string_view name) { return reel::packed_films_end(head, name); }

void Engine::preview(Catalog catalog) {
    auto p = std::make_unique<Preview>();
    p->catalog = std::move(catalog);
    p->search = TitleSearch(p->catalog);  // points into p->catalog, which stays put
    preview_ = std::move(p);
}

const Catalog& Engine::catalog() const {
    if (state_) return state_->data->data.catalog;
    if (preview_) return preview_->catalog;
    throw Error("no data loaded yet");
}

bool Engine::is_format(std::string_view tag) { return tag == "IMAX"; }

std::vector<int32_t> Engine::training_counts() const {
    if (state_) return state_->data->index.counts();
    return std::vector<int32_t>(catalog().size(), 0);
}

Summary Engine::load(std::string_view movies_csv, std::string_view ratings_csv, uint64_t seed, std::string_view movies_name,
                     std::string_view ratings_name) {
    if (static_cast<double>(seed) > kMaxSeed) throw Error("the seed must be a whole number from 0 to 2^53 − 1");
    return load(movies_csv, parse_ratings(ratings_csv, ratings_name), seed, movies_name);
}

Summary Engine::load(std::string_view movies_csv, RatingRows rows, uint64_t seed, std::string_view movies_name) {
    if (static_cast<double>(seed) > kMaxSeed) throw Error("the seed must be a whole number from 0 to 2^53 − 1");
    Catalog catalog = movies_csv.empty() ? catalog_of({&rows}) : Catalog::parse(movies_csv, movies_name);
    return load_rows(std::move(catalog), std::move(rows), seed);
}

Summary Engine::load_packed(std::string_view packed, uint64_t seed, std::string_view name) {
    if (static_cast<double>(seed) > kMaxSeed) throw Error("the seed must be a whole number from 0 to 2^53 − 1");
    Unpacked u = unpack(packed, name);
    return load_rows(std::move(u.catalog), std::move(u.rows), seed);
}

Summary Engine::load_rows(Catalog catalog, RatingRows rows, uint64_t seed) {
    Dataset data = Dataset::from_ratings(std::move(catalog), rows, seed);
    std::vector<RatingRow>().swap(rows.rows);  // 24 bytes a rating, no longer needed by what follows
    return install(std::move(data), seed);
}

Summary Engine::load_split(std::string_view movies_csv, std::string_view train_csv, std::string_view test_csv, std::string_view movies_name,
                           std::string_view train_name, std::string_view test_name) {
    const RatingRows train = parse_ratings(train_csv, train_name);
    RatingRows test;
    test.file = std::string(test_name);
    if (!test_csv.empty()) test = parse_ratings(test_csv, test_name);
    Catalog catalog = movies_csv.empty() ? catalog_of({&train, &test}) : Catalog::parse(movies_csv, movies_name);
    return install(Dataset::from_split(std::move(catalog), train, test), settings_.seed());
}

Summary Engine::install(Dataset dataset, uint64_t seed) {
    if (dataset.train.empty()) throw Error("no training ratings: the ratings file has no rows");
    uint64_t floats = 0;  // per user or film over every model: its vector and its bias
    for (const ModelSpec* spec : model_specs()) floats += static_cast<uint64_t>(spec->factors(settings_)) + 1;
    check_models_fit(dataset.users(), dataset.films(), dataset.train.size(), floats);
    auto s = std::make_unique<State>();
    s->data = LoadedData::build(std::move(dataset));
    Settings settings = settings_;
    settings.set("seed", static_cast<double>(seed));
    s->models = std::make_unique<ModelSet>(settings, s->data->training(), s->data->likers);

    state_ = std::move(s);
    settings_ = std::move(settings);
    const LoadedData& d = *state_->data;
    return Summary{
        d.data.users(),     d.data.films(),   d.index.rated_films().size(), d.data.train.size() + d.data.test.size(), d.data.train.size(),
        d.data.test.size(), d.data.duplicates};
}

const Engine::State& Engine::state() const {
    if (!state_) throw Error("no data loaded yet");
    return *state_;
}
Engine::State& Engine::state() {
    if (!state_) throw Error("no data loaded yet");
    return *state_;
}
const Dataset& Engine::data() const { return state().data->data; }
const TrainIndex& Engine::train_index() const { return state().data->index; }
uint64_t Engine::fingerprint() const { return state().data->fingerprint; }
WarmData Engine::warm_data() const { return WarmData{state().data->data, state().data->index, state().data->relevant}; }

uint64_t Engine::model_key() const {
    Fnv64 h;
    h.add_u64(fingerprint());
    h.add_u64(kModelFileFormat);
    for (const Settings::Entry& e : settings_.entries()) {
        h.add(e.name);
        h.add(setting_text(e.value));
    }
    return h.value();
}

const Model& Engine::model(std::string_view name) const { return state().models->model(name); }
bool Engine::trained(std::string_view name) const { return model(name).trained(); }

EpochReport Engine::train_epoch(std::string_view name) {
    State& s = state();
    s.evaluation.reset();  // it points at the models, and a diverged one is replaced
    return s.models->train_epoch(name);
}

void Engine::train() {
    for (const ModelSpec* spec : model_specs())
        while (!trained(spec->name)) train_epoch(spec->name);
}

Figures Engine::evaluate() const {
    WarmEvaluation e(state().models->all(), warm_data(), state().models->model(model_choices().viewers), Personal::of(settings_));
    while (!e.done()) e.step(std::numeric_limits<size_t>::max());
    return e.figures();
}

void Engine::start_evaluation() {
    State& s = state();
    s.evaluation =
        std::make_unique<WarmEvaluation>(s.models->all(), warm_data(), s.models->model(model_choices().viewers), Personal::of(settings_));
}

double Engine::evaluation_step(size_t users) {
    if (!state_ || !state_->evaluation) throw Error("no evaluation is running");
    return state_->evaluation->step(users);
}

Figures Engine::evaluation_figures() const {
    const State& s = state();
    if (!s.evaluation) throw Error("the evaluation has not finished");
    return s.evaluation->figures();
}

std::vector<NeighbourFigure> Engine::evaluate_neighbours() const {
    const SimilarParams params{static_cast<float>(settings_.get("similar.shrinkage")),
                               static_cast<float>(settings_.get("similar.co_liking")),
                               static_cast<float>(settings_.get("similar.asymmetry"))};
    return reel::evaluate_neighbours(state().models->all(), params, warm_data(), state().data->likers);
}

StarterFigures Engine::evaluate_starters(const Visitors& profile, const Visitors& hidden, size_t rounds, size_t per_round) const {
    const LoadedData& d = *state().data;
    const VisitorProtocol visitors(d.data.catalog, d.index, profile, nullptr, Limits::max_profile);
    return reel::evaluate_starters(state().models->all_trained(), state().models->trained(model_choices().neighbours), visitors, profile,
                                   hidden, rounds, checked_count(per_round), Personal::of(settings_));
}

TogetherFigures Engine::evaluate_together(const Visitors& profile, const Visitors& hidden, const Visitors* exclude, size_t size,
                                          size_t shuffles) const {
    const LoadedData& d = *state().data;
    const VisitorProtocol visitors(d.data.catalog, d.index, profile, exclude, Limits::max_profile);
    return reel::evaluate_together(state().models->all_trained(), visitors, hidden, size, shuffles, settings_.seed());
}

Visitors Engine::read_visitors(std::string_view ratings_csv, std::string_view name) const { return parse_visitors(ratings_csv, name); }

Figures Engine::evaluate_visitors(const Visitors& profile, const Visitors& hidden, const Visitors* exclude) const {
    const LoadedData& d = *state().data;
    const VisitorProtocol visitors(d.data.catalog, d.index, profile, exclude, Limits::max_profile);
    return reel::evaluate_visitors(state().models->all_trained(), visitors, hidden, Personal::of(settings_));
}

std::vector<std::pair<int32_t, std::vector<int32_t>>> Engine::protocol_lists(std::string_view name, size_t n) const {
    const LoadedData& d = *state().data;
    const std::vector<std::vector<int32_t>> lists =
        name.empty() ? warm_lists(state().models->trained(model_choices().viewers), d.data.catalog, d.index, checked_count(n),
                                  Personal::of(settings_))
                     : warm_lists(state().models->trained(name), d.data.catalog, d.index, checked_count(n), Personal());
    std::vector<std::pair<int32_t, std::vector<int32_t>>> out;
    for (size_t u = 0; u < lists.size(); ++u) {
        if (d.index.count_of_user(static_cast<int>(u)) == 0) continue;  // "every user in train"
        std::vector<int32_t> ids;
        for (int32_t film : lists[u]) ids.push_back(d.data.catalog.film(static_cast<size_t>(film)).movie_id);
        out.emplace_back(d.data.user_ids[u], std::move(ids));
    }
    return out;
}

std::vector<std::pair<int32_t, std::vector<int32_t>>> Engine::visitor_lists(const Visitors& profile, const Visitors* exclude,
                                                                            std::string_view name, size_t n) const {
    const LoadedData& d = *state().data;
    const VisitorProtocol visitors(d.data.catalog, d.index, profile, exclude, Limits::max_profile);
    const std::vector<const Model*> models = state().models->all();
    std::vector<std::pair<int32_t, std::vector<int32_t>>> out;
    const Model* asked = name.empty() ? nullptr : &state().models->model(name);
    if (asked && !asked->trained()) throw Error(std::string("the ") + asked->spec().name + " model is not trained yet");
    for (size_t v = 0; v < visitors.size(); ++v)
        out.emplace_back(visitors.user_id(v),
                         name.empty() ? visitors.own_list(v, visitors.prepared(v), models, checked_count(n), Personal::of(settings_))
                                      : visitors.list(v, *asked, checked_count(n)));
    return out;
}

std::vector<Prediction> Engine::visitor_predictions(const Visitors& profile, const Visitors& hidden) const {
    const LoadedData& d = *state().data;
    for (const Model* m : state().models->all())
        if (m->spec().predicts_stars) {
            if (!m->trained()) throw Error(std::string("the ") + m->spec().name + " model is not trained yet");
            return reel::visitor_predictions(*m, VisitorProtocol(d.data.catalog, d.index, profile, nullptr, Limits::max_profile), hidden);
        }
    throw Error("no model predicts stars");
}

std::vector<Prediction> Engine::test_predictions(std::string_view name) const {
    return reel::test_predictions(state().models->trained(name), state().data->data);
}

std::vector<Neighbour> Engine::similar(int32_t movie_id, size_t k, std::string_view name, const Filter& filter) const {
    return similar_films(*state().data, *state().models, movie_id, k, name, filter);
}

std::vector<Pick> Engine::recommend(int32_t user_id, size_t n, std::string_view name, const Filter& filter) const {
    return user_picks(*state().data, *state().models, user_id, n, name, filter, Personal::of(settings_));
}

VisitorPicks Engine::recommend_for(const std::vector<ProfileEntry>& profile, size_t n, std::string_view name, const Filter& filter,
                                   const std::vector<ProfileEntry>* also_seen) const {
    return visitor_picks(*state().data, *state().models, profile, n, name, filter, also_seen, Personal::of(settings_));
}

JointPicks Engine::together(const std::vector<Member>& members, size_t n, const Filter& filter) const {
    return together_picks(*state().data, *state().models, members, n, filter);
}

Explained Engine::explain_for(const std::vector<ProfileEntry>& profile, int32_t movie_id, std::string_view name) const {
    return explain_pick(*state().data, *state().models, profile, movie_id, name);
}

std::vector<Pick> Engine::favourites(int32_t user_id, size_t k) const { return reel::favourites(*state().data, user_id, k); }
std::vector<Viewer> Engine::viewers() const { return reel::viewers(*state().data); }

std::vector<int32_t> Engine::starters(size_t k, const std::vector<int32_t>& exclude, const std::vector<ProfileEntry>& profile) const {
    return reel::starters(*state().data, *state().models, k, exclude, profile);
}

std::vector<int32_t> Engine::search(std::string_view query, size_t k) const {
    check_query_length(query, "a search");
    if (!state_ && !preview_) throw Error("no data loaded yet");
    // Before the ratings arrive there is no popularity to order equals by: ties go to the smaller movieId.
    const TitleSearch& search = state_ ? state_->data->search : preview_->search;
    const std::vector<int32_t> none;
    std::vector<int32_t> ids;
    for (const TitleMatch& m : search.find(query, checked_count(k), state_ ? state_->data->index.counts() : none))
        ids.push_back(catalog().film(static_cast<size_t>(m.film)).movie_id);
    return ids;
}

int32_t Engine::resolve_title(std::string_view title) const {
    const LoadedData& d = *state().data;
    check_query_length(title, "a title");
    return d.data.catalog.film(static_cast<size_t>(d.search.resolve(title, d.index.counts()))).movie_id;
}

std::string Engine::save() const { return state().models->save(fingerprint()); }

std::vector<std::string> Engine::restore(std::string_view bytes, std::string_view name) {
    State& s = state();
    std::vector<std::string> missing;
    auto models = std::make_unique<ModelSet>(
        ModelSet::restored(bytes, name, s.data->fingerprint, s.data->training(), s.data->likers, settings_, &missing));
    s.evaluation.reset();  // both point at the models replaced here
    s.map.reset();
    settings_ = models->settings();
    s.models = std::move(models);
    return missing;
}

void Engine::load_links(std::string_view links_csv, std::string_view name) { state().data->links = parse_links(links_csv, name); }

std::vector<FilmLinks> Engine::film_links() const {
    const LoadedData& d = *state().data;
    std::vector<FilmLinks> out;
    out.reserve(d.data.catalog.size());
    for (const Film& f : d.data.catalog.films()) {
        const auto it = d.links.by_movie.find(f.movie_id);
        out.push_back(it == d.links.by_movie.end() ? FilmLinks{} : it->second);
    }
    return out;
}

Imported Engine::import_ratings(std::string_view csv, std::string_view name, Unrated unrated) const {
    const LoadedData& d = *state().data;
    return reel::import_ratings(csv, name, d.data.catalog, d.links.imdb_to_movie, unrated);
}

std::string Engine::profile_csv(const std::vector<ProfileEntry>& profile, const std::vector<FilmMark>& marks) const {
    return reel_csv(state().data->data.catalog, profile, marks);
}

std::string Engine::letterboxd_csv(const std::vector<ProfileEntry>& films) const {
    const LoadedData& d = *state().data;
    return reel::letterboxd_csv(d.data.catalog, d.links, films);
}

void Engine::start_map() {
    State& s = state();
    const Model& m = s.models->trained(model_choices().neighbours);
    s.map = std::make_unique<FilmMap>(m, s.data->index, settings_.whole("similar.min_support"), settings_.whole("map.epochs"),
                                      settings_.seed());
}

std::pair<int, int> Engine::map_epoch() {
    if (!state_ || !state_->map) throw Error("the map is not started yet");
    state_->map->run_epoch();
    return {state_->map->epochs_done(), state_->map->epochs()};
}

MapLayout Engine::map() const {
    const State& s = state();
    if (!s.map || !s.map->done()) throw Error("the map is not drawn yet");
    MapLayout out;
    for (int32_t f : s.map->films()) out.movie_ids.push_back(s.data->data.catalog.film(static_cast<size_t>(f)).movie_id);
    out.xy = s.map->xy();
    return out;
}

double Engine::map_figures_step(size_t films) {
    State& s = state();
    if (!s.map || !s.map->done()) throw Error("the map is not drawn yet");
    return s.map->figures_step(films, settings_.seed());
}

MapFigures Engine::map_figures() const {
    const State& s = state();
    if (!s.map || !s.map->done()) throw Error("the map is not drawn yet");
    if (s.map->figures_done()) return MapFigures{s.map->figure(0), s.map->figure(1), s.map->figure(2)};
    return MapFigures{s.map->preservation(s.map->xy()), s.map->preservation(s.map->pca_layout()),
                      s.map->preservation(s.map->random_layout(settings_.seed()))};
}

}  // namespace reel
