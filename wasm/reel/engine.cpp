// The engine's state is built whole by a load and swapped in, so a failed load changes nothing.
#include "engine.hpp"

#include <algorithm>
#include <cmath>

#include "error.hpp"
#include "metrics.hpp"

namespace reel {

struct Engine::State {
    Dataset data;
    TrainIndex index;
    TitleSearch search;
    std::vector<std::vector<int32_t>> relevant;
    std::unique_ptr<RatingModel> rating;
    std::unique_ptr<RankingModel> ranking;
    SimilarIndex similar_rating, similar_ranking;  // built as each model finishes
};

Model model_named(std::string_view name) {
    if (name == "rating") return Model::Rating;
    if (name == "ranking") return Model::Ranking;
    throw Error("unknown model '" + std::string(name) + "' (expected rating or ranking)");
}

Ranker ranker_named(std::string_view name) {
    if (name == "popularity") return Ranker::Popularity;
    return model_named(name) == Model::Rating ? Ranker::Rating : Ranker::Ranking;
}

Engine::Engine(Config config) : config_(config) { validate(config_); }
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

Summary Engine::load(std::string_view movies_csv, std::string_view ratings_csv, uint64_t seed) {
    const RatingRows rows = parse_ratings(ratings_csv, "ratings.csv");
    Catalog catalog = movies_csv.empty() ? catalog_of({&rows}) : Catalog::parse(movies_csv, "movies.csv");
    auto state = std::make_unique<State>();
    state->data = Dataset::from_ratings(std::move(catalog), rows, seed);
    install(std::move(state), seed);
    return summary();
}

Summary Engine::load_split(std::string_view movies_csv, std::string_view train_csv, std::string_view test_csv) {
    const RatingRows train = parse_ratings(train_csv, "train.csv"), test = parse_ratings(test_csv, "test.csv");
    Catalog catalog = movies_csv.empty() ? catalog_of({&train, &test}) : Catalog::parse(movies_csv, "movies.csv");
    auto state = std::make_unique<State>();
    state->data = Dataset::from_split(std::move(catalog), train, test);
    install(std::move(state), config_.seed);
    return summary();
}

Summary Engine::summary() const {
    const Dataset& d = data();
    return Summary{d.users(), d.films(), train_index().rated_films().size(), d.train.size() + d.test.size(),
                   d.train.size(), d.test.size(), d.duplicates};
}

void Engine::install(std::unique_ptr<State> s, uint64_t seed) {
    const Dataset& d = s->data;
    if (d.train.empty()) throw Error("no training ratings: the ratings file has no rows");
    s->index = TrainIndex(d.train, d.users(), d.films());
    s->search = TitleSearch(d.catalog);
    s->relevant = relevant_films(d.test, d.users());
    s->rating = std::make_unique<RatingModel>(config_.rating, d.train, d.users(), d.films(), seed);
    s->ranking = std::make_unique<RankingModel>(config_.ranking, s->index, seed);
    state_ = std::move(s);
    config_.seed = seed;
}

const Engine::State& Engine::state() const {
    if (!state_) throw Error("no data loaded yet");
    return *state_;
}
const Dataset& Engine::data() const { return state().data; }
const TrainIndex& Engine::train_index() const { return state().index; }

int Engine::epochs(Model model) const { return model == Model::Rating ? config_.rating.epochs : config_.ranking.epochs; }

bool Engine::trained(Model model) const {
    const State& s = state();
    return (model == Model::Rating ? s.rating->epochs_done() : s.ranking->epochs_done()) == epochs(model);
}

EpochReport Engine::train_epoch(Model model) {
    if (!state_) throw Error("no data loaded yet");
    State& s = *state_;
    const char* name = model == Model::Rating ? "rating" : "ranking";
    if (trained(model)) throw Error(std::string("the ") + name + " model has already trained all its epochs");
    EpochReport report;
    report.epochs = epochs(model);
    if (model == Model::Rating) {
        report.loss = s.rating->train_epoch();
        report.held_out = rmse(s.data.test, [&](int u, int i) { return s.rating->predict(u, i); });
        report.epoch = s.rating->epochs_done();
        if (trained(model))
            s.similar_rating = SimilarIndex(s.rating->film_vector(0), s.rating->factors(), s.index, config_.similar.min_support);
    } else {
        report.loss = s.ranking->train_epoch();
        report.held_out = NAN;
        report.epoch = s.ranking->epochs_done();
        if (trained(model))
            s.similar_ranking = SimilarIndex(s.ranking->film_vector(0), s.ranking->factors(), s.index, config_.similar.min_support);
    }
    return report;
}

void Engine::train() {
    for (Model m : {Model::Rating, Model::Ranking})
        while (!trained(m)) train_epoch(m);
}

namespace {
void require_trained(bool ok, const char* name) {
    if (!ok) throw Error(std::string("the ") + name + " model is not trained yet");
}
}  // namespace

Figures Engine::evaluate() const {
    const State& s = state();
    require_trained(trained(Model::Rating), "rating");
    require_trained(trained(Model::Ranking), "ranking");
    Figures f;
    f.rating_rmse = rmse(s.data.test, [&](int u, int i) { return s.rating->predict(u, i); });
    f.ranking_recall10 = recall_at(10, s.index, s.relevant, [&](int u, int i) { return s.ranking->score(u, i); });
    f.popularity_recall10 = recall_at(10, s.index, s.relevant, [&](int, int i) { return float(s.index.count(i)); });
    f.rating_as_ranker_recall10 = recall_at(10, s.index, s.relevant, [&](int u, int i) { return s.rating->score(u, i); });
    f.lift = f.popularity_recall10 > 0 ? f.ranking_recall10 / f.popularity_recall10 - 1 : 0;
    return f;
}

int Engine::user_of(int32_t user_id) const {
    const int u = data().user_index(user_id);
    if (u < 0) throw Error("no user " + std::to_string(user_id) + " in the ratings");
    return u;
}

int Engine::film_of(int32_t movie_id) const {
    const int i = data().catalog.index_of(movie_id);
    if (i < 0) throw Error("no film with movieId " + std::to_string(movie_id));
    return i;
}

namespace {
std::vector<Pick> picks(const Catalog& catalog, const std::vector<Scored>& scored) {
    std::vector<Pick> out;
    for (const Scored& s : scored) out.push_back(Pick{catalog.film(s.film).movie_id, s.score});
    return out;
}
}  // namespace

std::vector<Pick> Engine::similar(int32_t movie_id, size_t k, Model model) const {
    const State& s = state();
    const int film = film_of(movie_id);
    const bool rating = model == Model::Rating;
    require_trained(trained(model), rating ? "rating" : "ranking");
    if (s.index.count(film) == 0)
        throw Error("'" + s.data.catalog.film(film).title + "' has no training ratings, so it has no place to start from");
    return picks(s.data.catalog, (rating ? s.similar_rating : s.similar_ranking).neighbours(film, k));
}

std::vector<Pick> Engine::recommend(int32_t user_id, size_t k, Ranker ranker) const {
    const State& s = state();
    const int u = user_of(user_id);
    switch (ranker) {
        case Ranker::Ranking:
            require_trained(trained(Model::Ranking), "ranking");
            return picks(s.data.catalog, reel::recommend(s.index, u, k, [&](int uu, int i) { return s.ranking->score(uu, i); }));
        case Ranker::Rating:
            require_trained(trained(Model::Rating), "rating");
            return picks(s.data.catalog, reel::recommend(s.index, u, k, [&](int uu, int i) { return s.rating->score(uu, i); }));
        case Ranker::Popularity:
            return picks(s.data.catalog, reel::recommend(s.index, u, k, [&](int, int i) { return float(s.index.count(i)); }));
    }
    return {};
}

std::vector<Pick> Engine::favourites(int32_t user_id, size_t k) const {
    const State& s = state();
    const int u = user_of(user_id);
    std::vector<std::pair<int32_t, float>> rated;
    const float* value = s.index.values_begin(u);
    for (const int32_t* f = s.index.films_begin(u); f != s.index.films_end(u); ++f, ++value) rated.emplace_back(*f, *value);
    // Highest rating first; among equals the better-known film, as a glimpse should be recognisable.
    std::sort(rated.begin(), rated.end(), [&](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        if (s.index.count(a.first) != s.index.count(b.first)) return s.index.count(a.first) > s.index.count(b.first);
        return a.first < b.first;
    });
    std::vector<Scored> top;
    for (size_t r = 0; r < std::min(k, rated.size()); ++r) top.push_back(Scored{rated[r].first, rated[r].second});
    return picks(s.data.catalog, top);
}

std::vector<int32_t> Engine::search(std::string_view query, size_t k) const {
    const State& s = state();
    std::vector<int32_t> ids;
    for (const TitleMatch& m : s.search.find(query, k, s.index.counts())) ids.push_back(s.data.catalog.film(m.film).movie_id);
    return ids;
}

int32_t Engine::resolve_title(std::string_view title) const {
    const State& s = state();
    return s.data.catalog.film(s.search.resolve(title, s.index.counts())).movie_id;
}

std::vector<Prediction> Engine::test_predictions() const {
    const State& s = state();
    require_trained(trained(Model::Rating), "rating");
    std::vector<Prediction> out;
    out.reserve(s.data.test.size());
    for (const Rating& r : s.data.test)
        out.push_back(Prediction{s.data.user_ids[r.user], s.data.catalog.film(r.film).movie_id, s.rating->predict(r.user, r.film)});
    return out;
}

}  // namespace reel
