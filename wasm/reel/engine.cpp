// The engine's state is built whole by a load and swapped in, so a failed load changes nothing.
#include "engine.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "error.hpp"
#include "metrics.hpp"
#include "film_map.hpp"
#include "neighbours.hpp"
#include "rank_users.hpp"
#include "similar.hpp"
#include "starters.hpp"

namespace reel {

namespace {

constexpr char kMagic[] = "REELMODL";
constexpr uint32_t kFormatVersion = 1;

// A profile as the models take it: films they can place, and what was set aside.
struct Prepared {
    std::vector<Rated> used;     // films with training ratings, ascending by film index
    std::vector<int32_t> seen;   // every catalogue film rated, ascending: never offered back
    std::vector<int32_t> unknown, unrated;
};

std::vector<Pick> picks(const Catalog& catalog, const std::vector<Scored>& scored) {
    std::vector<Pick> out;
    for (const Scored& s : scored) out.push_back(Pick{catalog.film(static_cast<size_t>(s.film)).movie_id, s.score});
    return out;
}

// Films like X as the settings define it, over one model's film vectors.
SimilarIndex similar_index(const Settings& settings, const Model& m, const TrainIndex& index, const Likers& likers, int min_support) {
    return SimilarIndex(m.film_vector(0), m.factors(), index, min_support, static_cast<float>(settings.get("similar.shrinkage")), &likers,
                        static_cast<float>(settings.get("similar.co_liking")));
}

// The shortest text that reads back as the same float: 4.2f prints as 4.2, not 4.19999981.
std::string stars_text(float stars) {
    char buf[32];
    for (int digits = 1; digits <= 9; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(stars));
        if (std::strtof(buf, nullptr) == stars) break;
    }
    return buf;
}

}  // namespace

const std::vector<ProfileEntry>* Visitors::of(int32_t user_id) const {
    const auto it = std::lower_bound(user_ids.begin(), user_ids.end(), user_id);
    return it != user_ids.end() && *it == user_id ? &profiles[static_cast<size_t>(it - user_ids.begin())] : nullptr;
}

struct Engine::State {
    Dataset data;
    TrainIndex index;
    // Every rating of each user, train and test, by film: what serving never offers back.
    std::vector<size_t> seen_offsets;
    std::vector<Rated> seen;
    TitleSearch search;
    std::vector<std::vector<int32_t>> relevant;
    std::vector<std::unique_ptr<Model>> models;  // registry order
    std::vector<SimilarIndex> similar;           // one per model, built when it has trained
    Likers likers;
    std::unordered_map<int64_t, int32_t> imdb;  // links.csv, when given
    std::unique_ptr<FilmMap> map;
    std::unique_ptr<Evaluation> evaluation;  // a stepwise evaluation under way
    uint64_t fingerprint = 0;

    TrainingData training() const { return TrainingData{data.train, index}; }

    Prepared prepare(const std::vector<ProfileEntry>& profile) const {
        if (profile.size() > Limits::max_profile)
            throw Error("a profile holds at most " + std::to_string(Limits::max_profile) + " ratings, not " + std::to_string(profile.size()));
        Prepared p;
        std::vector<std::pair<int32_t, float>> known;  // (film, stars); a film rated twice keeps its later stars
        for (const ProfileEntry& e : profile) {
            if (!(e.stars >= 0.5f && e.stars <= 5.0f && e.stars * 2 == std::floor(e.stars * 2)))
                throw Error("the rating of movieId " + std::to_string(e.movie_id) + " is " + stars_text(e.stars) +
                            ", not a half star from 0.5 to 5");
            const int film = data.catalog.index_of(e.movie_id);
            if (film < 0) p.unknown.push_back(e.movie_id);
            else known.emplace_back(film, e.stars);
        }
        std::stable_sort(known.begin(), known.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (size_t j = 0; j < known.size(); ++j) {
            if (j + 1 < known.size() && known[j + 1].first == known[j].first) continue;
            p.seen.push_back(known[j].first);
            if (index.count(known[j].first) > 0) p.used.push_back(Rated{known[j].first, known[j].second});
            else p.unrated.push_back(data.catalog.film(static_cast<size_t>(known[j].first)).movie_id);
        }
        std::sort(p.unknown.begin(), p.unknown.end());
        p.unknown.erase(std::unique(p.unknown.begin(), p.unknown.end()), p.unknown.end());
        return p;
    }

    std::vector<Scored> top_for(const Model* m, const Taste& taste, const std::vector<int32_t>& seen, size_t n,
                                const Filter& filter) const {
        auto keep = [&](int film) { return filter.keeps(data.catalog.film(static_cast<size_t>(film)), index.count(film)); };
        const int32_t* begin = seen.data();
        if (!m)
            return top_unseen(index.rated_films(), begin, begin + seen.size(), n, [&](int film) { return float(index.count(film)); }, keep);
        return top_unseen(index.rated_films(), begin, begin + seen.size(), n, [&](int film) { return m->score(taste, film); }, keep);
    }

    uint64_t fingerprint_of() const {
        Fnv64 h;
        for (const Film& f : data.catalog.films()) {
            h.add_u64(static_cast<uint64_t>(f.movie_id));
            h.add(f.title);
            h.add_u64(f.genres);
        }
        for (int32_t id : data.user_ids) h.add_u64(static_cast<uint64_t>(id));
        for (const std::vector<Rating>* part : {&data.train, &data.test}) {
            h.add_u64(part->size());
            for (const Rating& r : *part)
                h.add_u64((uint64_t(uint32_t(r.user)) << 32) ^ (uint64_t(uint32_t(r.film)) << 4) ^ uint64_t(r.value * 2));
        }
        return h.value();
    }
};

struct Engine::Preview {
    Catalog catalog;
    TitleSearch search;
};

Engine::Engine(Settings settings) : settings_(std::move(settings)) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

void Engine::load_catalog(std::string_view movies_csv, std::string_view movies_name) {
    auto preview = std::make_unique<Preview>();
    preview->catalog = Catalog::parse(movies_csv, movies_name);
    preview->search = TitleSearch(preview->catalog);  // points into preview->catalog, which stays put
    preview_ = std::move(preview);
}

const Catalog& Engine::catalog() const {
    if (state_) return state_->data.catalog;
    if (preview_) return preview_->catalog;
    throw Error("no data loaded yet");
}

std::vector<int32_t> Engine::training_counts() const {
    if (state_) return state_->index.counts();
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
    auto state = std::make_unique<State>();
    state->data = Dataset::from_ratings(std::move(catalog), rows, seed);
    std::vector<RatingRow>().swap(rows.rows);  // 24 bytes a rating, no longer needed by what follows
    return install(std::move(state), seed);
}

Summary Engine::load_split(std::string_view movies_csv, std::string_view train_csv, std::string_view test_csv,
                           std::string_view movies_name, std::string_view train_name, std::string_view test_name) {
    const RatingRows train = parse_ratings(train_csv, train_name);
    RatingRows test;
    test.file = std::string(test_name);
    if (!test_csv.empty()) test = parse_ratings(test_csv, test_name);
    Catalog catalog = movies_csv.empty() ? catalog_of({&train, &test}) : Catalog::parse(movies_csv, movies_name);
    auto state = std::make_unique<State>();
    state->data = Dataset::from_split(std::move(catalog), train, test);
    return install(std::move(state), settings_.seed());
}

Summary Engine::install(std::unique_ptr<State> s, uint64_t seed) {
    const Dataset& d = s->data;
    if (d.train.empty()) throw Error("no training ratings: the ratings file has no rows");
    uint64_t floats = 0;  // per user or film over every model: its vector and its bias
    for (const ModelSpec* spec : model_specs()) floats += static_cast<uint64_t>(ModelSettings(settings_, spec->name).whole("factors")) + 1;
    check_models_fit(d.users(), d.films(), d.train.size(), floats);
    s->index = TrainIndex(d.train, d.users(), d.films());

    // Every rating by user (a counting sort), then each user's by film: a (user, film) pair
    // occurs once, so this is the order a sort by (user, film) gives, without a copy of them all.
    s->seen_offsets.assign(d.users() + 1, 0);
    for (const std::vector<Rating>* part : {&d.train, &d.test})
        for (const Rating& r : *part) ++s->seen_offsets[static_cast<size_t>(r.user) + 1];
    std::partial_sum(s->seen_offsets.begin(), s->seen_offsets.end(), s->seen_offsets.begin());
    s->seen.resize(s->seen_offsets.back());
    std::vector<size_t> next(s->seen_offsets.begin(), s->seen_offsets.end() - 1);
    for (const std::vector<Rating>* part : {&d.train, &d.test})
        for (const Rating& r : *part) s->seen[next[static_cast<size_t>(r.user)]++] = Rated{r.film, r.value};
    for (size_t u = 0; u < d.users(); ++u)
        std::sort(s->seen.begin() + static_cast<std::ptrdiff_t>(s->seen_offsets[u]), s->seen.begin() + static_cast<std::ptrdiff_t>(s->seen_offsets[u + 1]),
                  [](const Rated& a, const Rated& b) { return a.film < b.film; });

    s->search = TitleSearch(d.catalog);
    s->likers = Likers(s->index);
    s->relevant = relevant_films(d.test, d.users());
    Settings settings = settings_;
    settings.set("seed", static_cast<double>(seed));
    for (const ModelSpec* spec : model_specs())
        s->models.push_back(spec->make(ModelSettings(settings, spec->name), s->training(), seed));
    s->similar.resize(s->models.size());
    s->fingerprint = s->fingerprint_of();

    state_ = std::move(s);
    settings_ = std::move(settings);
    const Dataset& data = state_->data;
    return Summary{data.users(), data.films(), state_->index.rated_films().size(), data.train.size() + data.test.size(),
                   data.train.size(), data.test.size(), data.duplicates};
}

const Engine::State& Engine::state() const {
    if (!state_) throw Error("no data loaded yet");
    return *state_;
}
const Dataset& Engine::data() const { return state().data; }
const TrainIndex& Engine::train_index() const { return state().index; }
uint64_t Engine::fingerprint() const { return state().fingerprint; }

uint64_t Engine::model_key() const {
    Fnv64 h;
    h.add_u64(state().fingerprint);
    h.add_u64(kFormatVersion);
    for (const Settings::Entry& e : settings_.entries()) {
        h.add(e.name);
        h.add(setting_text(e.value));
    }
    return h.value();
}

size_t Engine::model_index(std::string_view name) const {
    const ModelSpec& spec = model_spec(name);
    const auto& specs = model_specs();
    return static_cast<size_t>(std::find(specs.begin(), specs.end(), &spec) - specs.begin());
}

const Model& Engine::model(std::string_view name) const {
    const size_t m = model_index(name);
    return *state().models[m];
}

bool Engine::trained(std::string_view name) const { return model(name).trained(); }

const Model& Engine::trained_model(std::string_view name) const {
    const Model& m = model(name);
    if (!m.trained()) throw Error(std::string("the ") + m.spec().name + " model is not trained yet");
    return m;
}

EpochReport Engine::train_epoch(std::string_view name) {
    const size_t i = model_index(name);
    if (!state_) throw Error("no data loaded yet");
    State& s = *state_;
    Model& m = *s.models[i];
    const double loss = m.train_epoch();
    if (!std::isfinite(loss)) {
        // A diverged model is useless: start it again untrained, so the engine stays usable.
        const ModelSpec& spec = m.spec();
        const int epoch = m.epochs_done();
        s.models[i] = spec.make(ModelSettings(settings_, spec.name), s.training(), settings_.seed());
        s.similar[i] = SimilarIndex();
        const std::string step = std::string(spec.name) + "." + spec.step_setting;
        throw Error(std::string("the ") + spec.name + " model diverged at epoch " + std::to_string(epoch) + " (" +
                    spec.loss_label + " " + (std::isnan(loss) ? "NaN" : "infinite") + "); it is reset to untrained: try a smaller " +
                    step + " than " + setting_text(settings_.get(step)));
    }
    if (m.trained()) s.similar[i] = similar_index(settings_, m, s.index, s.likers, settings_.whole("similar.min_support"));
    return EpochReport{m.epochs_done(), m.epochs(), loss};
}

void Engine::train() {
    for (const ModelSpec* spec : model_specs())
        while (!trained(spec->name)) train_epoch(spec->name);
}

// Evaluation as a walk over (ranker, slice of users): ranker 0 is popularity, then each model.
// The per-user sums are added in user order, so any slicing gives the same figures.
struct Engine::Evaluation {
    std::vector<int> users;         // those with a relevant held-out film, ascending
    std::vector<TopNScore> scores;  // popularity, then each model
    size_t ranker = 0, next = 0;    // where the walk stands

    explicit Evaluation(const State& s) : scores(s.models.size() + 1, TopNScore(10)) {
        for (size_t u = 0; u < s.relevant.size(); ++u)
            if (!s.relevant[u].empty()) users.push_back(static_cast<int>(u));
    }

    bool done() const { return ranker >= scores.size(); }

    // Ranks up to `count` more users for the current ranker; returns the share done.
    double step(const State& s, size_t count) {
        if (done()) return 1.0;
        const size_t end = std::min(users.size(), next + std::max<size_t>(count, 1));
        std::vector<char> wanted(s.relevant.size(), 0);
        for (size_t p = next; p < end; ++p) wanted[static_cast<size_t>(users[p])] = 1;
        const std::vector<std::vector<int32_t>> tops =
            ranker == 0 ? top_n_by_popularity(s.index, 10, wanted) : top_n_by_model(*s.models[ranker - 1], s.index, 10, wanted);
        for (size_t p = next; p < end; ++p) scores[ranker].add(tops[static_cast<size_t>(users[p])], s.relevant[static_cast<size_t>(users[p])]);
        next = end;
        if (next == users.size()) next = 0, ++ranker;
        return (static_cast<double>(ranker) + static_cast<double>(next) / static_cast<double>(std::max<size_t>(users.size(), 1))) /
               static_cast<double>(scores.size());
    }

    Figures figures(const State& s) const {
        Figures f;
        f.popularity_recall10 = scores[0].recall();
        f.popularity_ndcg10 = scores[0].ndcg();
        f.viewers = scores[0].viewers();
        for (size_t m = 0; m < s.models.size(); ++m) {
            ModelFigures mf;
            mf.spec = &s.models[m]->spec();
            if (mf.spec->predicts_stars) mf.rmse = rmse(s.data.test, [&](int u, int i) { return s.models[m]->predict(u, i); });
            mf.recall10 = scores[m + 1].recall();
            mf.ndcg10 = scores[m + 1].ndcg();
            mf.lift = mf.recall10 / f.popularity_recall10 - 1;
            f.models.push_back(mf);
        }
        return f;
    }
};

namespace {
void require_evaluable(const Engine& engine) {
    if (engine.data().test.empty()) throw Error("there are no held-out ratings to measure on");
    for (const ModelSpec* spec : model_specs())
        if (!engine.trained(spec->name)) throw Error(std::string("the ") + spec->name + " model is not trained yet");
}
}  // namespace

Figures Engine::evaluate() const {
    require_evaluable(*this);
    Evaluation e(state());
    while (!e.done()) e.step(state(), std::numeric_limits<size_t>::max());
    return e.figures(state());
}

void Engine::start_evaluation() {
    require_evaluable(*this);
    state_->evaluation = std::make_unique<Evaluation>(*state_);
}

double Engine::evaluation_step(size_t users) {
    if (!state_ || !state_->evaluation) throw Error("no evaluation is running");
    return state_->evaluation->step(*state_, users);
}

Figures Engine::evaluation_figures() const {
    const State& s = state();
    if (!s.evaluation || !s.evaluation->done()) throw Error("the evaluation has not finished");
    return s.evaluation->figures(s);
}

std::vector<NeighbourFigure> Engine::evaluate_neighbours() const {
    const State& s = state();
    if (s.data.test.empty()) throw Error("there are no held-out ratings to measure on");
    std::vector<SimilarIndex> similar;
    for (const ModelSpec* spec : model_specs()) similar.push_back(similar_index(settings_, trained_model(spec->name), s.index, s.likers, kNeighbourSupport));
    std::vector<const SimilarIndex*> each;
    for (const SimilarIndex& index : similar) each.push_back(&index);
    const std::vector<NeighbourTable> tables = neighbour_tables(each, s.index);
    std::vector<NeighbourFigure> out;
    for (size_t m = 0; m < tables.size(); ++m) out.push_back(NeighbourFigure{model_specs()[m], neighbour_recall(tables[m], s.index, s.relevant)});
    out.push_back(NeighbourFigure{nullptr, neighbour_recall(item_knn_table(s.index), s.index, s.relevant)});
    return out;
}

Visitors Engine::read_visitors(std::string_view ratings_csv, std::string_view name) const {
    const RatingRows rows = parse_ratings(ratings_csv, name);
    std::vector<const RatingRow*> sorted;
    for (const RatingRow& r : rows.rows) sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(), [](const RatingRow* a, const RatingRow* b) { return a->user_id < b->user_id; });
    Visitors v;
    for (const RatingRow* r : sorted) {
        if (v.user_ids.empty() || v.user_ids.back() != r->user_id) v.user_ids.push_back(r->user_id), v.profiles.emplace_back();
        v.profiles.back().push_back(ProfileEntry{r->movie_id, r->value});
    }
    return v;
}

Figures Engine::evaluate_visitors(const Visitors& profile, const Visitors& hidden, const Visitors* exclude) const {
    const State& s = state();
    std::vector<const Model*> models;
    for (const ModelSpec* spec : model_specs()) models.push_back(&trained_model(spec->name));
    std::vector<TopNScore> scores(models.size(), TopNScore(10));
    TopNScore pop(10), choice(10);
    std::vector<double> sq(models.size(), 0.0);
    size_t rated = 0;
    auto movie_ids = [&](const std::vector<Scored>& top) {
        std::vector<int32_t> ids;
        for (const Scored& x : top) ids.push_back(s.data.catalog.film(static_cast<size_t>(x.film)).movie_id);
        return ids;
    };
    for (size_t v = 0; v < profile.user_ids.size(); ++v) {
        const Prepared p = s.prepare(profile.profiles[v]);
        const std::vector<ProfileEntry>* skip = exclude ? exclude->of(profile.user_ids[v]) : nullptr;
        const std::vector<int32_t> seen = skip ? s.prepare(*skip).seen : p.seen;
        const std::vector<ProfileEntry>* held = hidden.of(profile.user_ids[v]);
        std::vector<int32_t> relevant;
        std::vector<std::pair<int, float>> known;  // hidden (film index, stars) for films in training
        for (const ProfileEntry& e : held ? *held : std::vector<ProfileEntry>()) {
            if (e.stars >= kRelevant) relevant.push_back(e.movie_id);
            const int film = s.data.catalog.index_of(e.movie_id);
            if (film >= 0 && s.index.count(film) > 0) known.emplace_back(film, e.stars);
        }
        std::sort(relevant.begin(), relevant.end());
        rated += known.size();
        pop.add(movie_ids(s.top_for(nullptr, Taste(), seen, 10, Filter())), relevant);
        const std::string chosen = model_choices().visitor_model(p.used.size());
        for (size_t m = 0; m < models.size(); ++m) {
            const Taste taste = models[m]->fold_in(p.used);
            const std::vector<int32_t> top = movie_ids(s.top_for(models[m], taste, seen, 10, Filter()));
            scores[m].add(top, relevant);
            if (chosen == models[m]->spec().name) choice.add(top, relevant);
            if (models[m]->spec().predicts_stars)
                for (const auto& [film, stars] : known) {
                    const double e = stars - models[m]->predict(taste, film);
                    sq[m] += e * e;
                }
        }
    }
    if (pop.viewers() == 0) throw Error("no visitor has a hidden rating of 4 stars or more to measure on");
    Figures f;
    f.popularity_recall10 = pop.recall();
    f.popularity_ndcg10 = pop.ndcg();
    f.viewers = pop.viewers();
    f.choice_recall10 = choice.recall();
    f.choice_ndcg10 = choice.ndcg();
    for (size_t m = 0; m < models.size(); ++m) {
        ModelFigures mf;
        mf.spec = &models[m]->spec();
        if (mf.spec->predicts_stars && rated > 0) mf.rmse = std::sqrt(sq[m] / static_cast<double>(rated));
        mf.recall10 = scores[m].recall();
        mf.ndcg10 = scores[m].ndcg();
        mf.lift = mf.recall10 / f.popularity_recall10 - 1;
        f.models.push_back(mf);
    }
    return f;
}

std::vector<Prediction> Engine::visitor_predictions(const Visitors& profile, const Visitors& hidden) const {
    const State& s = state();
    const Model* stars = nullptr;
    for (const ModelSpec* spec : model_specs())
        if (spec->predicts_stars && !stars) stars = &trained_model(spec->name);
    if (!stars) throw Error("no model predicts stars");
    std::vector<Prediction> out;
    for (size_t v = 0; v < hidden.user_ids.size(); ++v) {
        const std::vector<ProfileEntry>* known = profile.of(hidden.user_ids[v]);
        const Taste taste = stars->fold_in(known ? s.prepare(*known).used : std::vector<Rated>());
        for (const ProfileEntry& e : hidden.profiles[v]) {
            const int film = s.data.catalog.index_of(e.movie_id);
            if (film >= 0 && s.index.count(film) > 0) out.push_back(Prediction{hidden.user_ids[v], e.movie_id, stars->predict(taste, film)});
        }
    }
    return out;
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
size_t checked_count(size_t k) {
    if (k > Limits::max_results)
        throw Error("a list holds at most " + std::to_string(Limits::max_results) + " films, not " + std::to_string(k));
    return k;
}
}  // namespace

std::vector<Neighbour> Engine::similar(int32_t movie_id, size_t k, std::string_view name, const Filter& filter) const {
    const State& s = state();
    const int film = film_of(movie_id);
    filter.check();
    const Model& m = trained_model(name);
    const Film& x = s.data.catalog.film(static_cast<size_t>(film));
    if (s.index.count(film) == 0) throw Error(quoted(x.title) + " has no training ratings, so it has no place to start from");
    Filter f = filter;
    if (f.other_genres) f.no_genre |= x.genres;
    auto keep = [&](int i) { return f.keeps(s.data.catalog.film(static_cast<size_t>(i)), s.index.count(i)); };
    std::vector<Neighbour> out;
    for (const Scored& n : s.similar[model_index(m.spec().name)].neighbours(film, checked_count(k), keep))
        out.push_back(Neighbour{s.data.catalog.film(static_cast<size_t>(n.film)).movie_id, n.score,
                                static_cast<int32_t>(s.likers.both(film, n.film)), static_cast<int32_t>(s.likers.of(film)),
                                s.index.count(n.film), (s.data.catalog.film(static_cast<size_t>(n.film)).genres & x.genres) == 0});
    return out;
}

std::vector<Pick> Engine::recommend(int32_t user_id, size_t n, std::string_view name, const Filter& filter) const {
    const State& s = state();
    const int u = user_of(user_id);
    filter.check();
    std::vector<int32_t> seen;
    for (size_t p = s.seen_offsets[static_cast<size_t>(u)]; p < s.seen_offsets[static_cast<size_t>(u) + 1]; ++p) seen.push_back(s.seen[p].film);
    if (name == kPopularity) return picks(s.data.catalog, s.top_for(nullptr, Taste(), seen, checked_count(n), filter));
    const Model& m = trained_model(name);
    return picks(s.data.catalog, s.top_for(&m, m.user(u), seen, checked_count(n), filter));
}

VisitorPicks Engine::recommend_for(const std::vector<ProfileEntry>& profile, size_t n, std::string_view name,
                                   const Filter& filter, const std::vector<ProfileEntry>* also_seen) const {
    const State& s = state();
    filter.check();
    Prepared p = s.prepare(profile);
    if (also_seen) {
        const std::vector<int32_t> more = s.prepare(*also_seen).seen;
        std::vector<int32_t> both;
        std::set_union(p.seen.begin(), p.seen.end(), more.begin(), more.end(), std::back_inserter(both));
        p.seen = std::move(both);
    }
    VisitorPicks out;
    out.unknown = p.unknown;
    out.unrated = p.unrated;
    const std::string chosen = name.empty() ? model_choices().visitor_model(p.used.size()) : std::string(name);
    const Model* m = chosen == kPopularity ? nullptr : &trained_model(chosen);
    out.model = m ? &m->spec() : nullptr;
    const Taste taste = m ? m->fold_in(p.used) : Taste();
    if (m && std::all_of(taste.vector.begin(), taste.vector.end(), [](float x) { return x == 0.0f; })) {
        m = nullptr;  // nothing the model can use: the most-rated films, said as such
        out.model = nullptr;
        out.from_popularity = true;
    }
    for (const Scored& x : s.top_for(m, taste, p.seen, checked_count(n), filter)) {
        Recommendation r{s.data.catalog.film(static_cast<size_t>(x.film)).movie_id, x.score, x.score, {}};
        if (m) {
            const Explanation e = m->explain(taste, x.film);
            r.base = e.base;
            for (size_t j = 0; j < e.shares.size(); ++j)
                if (e.shares[j] > 0) r.because.push_back(Reason{s.data.catalog.film(static_cast<size_t>(p.used[j].film)).movie_id, e.shares[j]});
            std::stable_sort(r.because.begin(), r.because.end(), [](const Reason& a, const Reason& b) { return a.share > b.share; });
            if (r.because.size() > 3) r.because.resize(3);
        }
        out.picks.push_back(std::move(r));
    }
    return out;
}

Explained Engine::explain_for(const std::vector<ProfileEntry>& profile, int32_t movie_id, std::string_view name) const {
    const State& s = state();
    const int film = film_of(movie_id);
    const Model& m = trained_model(name);
    const Prepared p = s.prepare(profile);
    const Taste taste = m.fold_in(p.used);
    const Explanation e = m.explain(taste, film);
    Explained out;
    out.score = m.score(taste, film);
    out.base = e.base;
    for (size_t j = 0; j < e.shares.size(); ++j)
        out.shares.push_back(Reason{s.data.catalog.film(static_cast<size_t>(p.used[j].film)).movie_id, e.shares[j]});
    return out;
}

std::vector<Pick> Engine::favourites(int32_t user_id, size_t k) const {
    const State& s = state();
    const int u = user_of(user_id);
    std::vector<Rated> rated(s.seen.begin() + static_cast<std::ptrdiff_t>(s.seen_offsets[static_cast<size_t>(u)]),
                             s.seen.begin() + static_cast<std::ptrdiff_t>(s.seen_offsets[static_cast<size_t>(u) + 1]));
    // Highest rating first; among equals the better-known film, as a glimpse should be recognisable.
    std::sort(rated.begin(), rated.end(), [&](const Rated& a, const Rated& b) {
        if (a.stars != b.stars) return a.stars > b.stars;
        if (s.index.count(a.film) != s.index.count(b.film)) return s.index.count(a.film) > s.index.count(b.film);
        return a.film < b.film;
    });
    std::vector<Scored> top;
    for (size_t r = 0; r < std::min(checked_count(k), rated.size()); ++r) top.push_back(Scored{rated[r].film, rated[r].stars});
    return picks(s.data.catalog, top);
}

std::vector<int32_t> Engine::search(std::string_view query, size_t k) const {
    if (query.size() > Limits::max_query_bytes)
        throw Error("a search is at most " + std::to_string(Limits::max_query_bytes) + " characters long");
    if (!state_ && !preview_) throw Error("no data loaded yet");
    // Before the ratings arrive there is no popularity to order equals by: ties go to the smaller movieId.
    const TitleSearch& search = state_ ? state_->search : preview_->search;
    const std::vector<int32_t> none;
    std::vector<int32_t> ids;
    for (const TitleMatch& m : search.find(query, checked_count(k), state_ ? state_->index.counts() : none))
        ids.push_back(catalog().film(static_cast<size_t>(m.film)).movie_id);
    return ids;
}

int32_t Engine::resolve_title(std::string_view title) const {
    const State& s = state();
    if (title.size() > Limits::max_query_bytes)
        throw Error("a title is at most " + std::to_string(Limits::max_query_bytes) + " characters long");
    return s.data.catalog.film(static_cast<size_t>(s.search.resolve(title, s.index.counts()))).movie_id;
}

std::vector<Prediction> Engine::test_predictions(std::string_view name) const {
    const State& s = state();
    const Model& m = trained_model(name);
    if (!m.spec().predicts_stars) throw Error(std::string("the ") + m.spec().name + " model does not predict stars");
    std::vector<Prediction> out;
    out.reserve(s.data.test.size());
    for (const Rating& r : s.data.test)
        out.push_back(Prediction{s.data.user_ids[static_cast<size_t>(r.user)], s.data.catalog.film(static_cast<size_t>(r.film)).movie_id,
                                 m.predict(r.user, r.film)});
    return out;
}

std::string Engine::save() const {
    const State& s = state();
    ByteWriter out;
    out.raw(std::string_view(kMagic, 8));
    out.u32(kFormatVersion);
    out.u64(s.fingerprint);
    out.u32(static_cast<uint32_t>(settings_.entries().size()));
    for (const Settings::Entry& e : settings_.entries()) {
        out.text(e.name);
        out.f64(e.value);
    }
    out.u32(static_cast<uint32_t>(s.models.size()));
    for (const auto& m : s.models) {
        if (!m->trained()) throw Error(std::string("the ") + m->spec().name + " model is not trained yet, so there is nothing to save");
        m->save(out);
    }
    Fnv64 sum;
    sum.add(out.bytes());
    out.u64(sum.value());
    return out.bytes();
}

void Engine::restore(std::string_view bytes, std::string_view name) {
    if (!state_) throw Error("no data loaded yet");
    State& s = *state_;
    const std::string what(name);
    if (bytes.size() < 28 || bytes.substr(0, 8) != std::string_view(kMagic, 8)) throw Error(what + " is not a saved Reel model");
    ByteReader tail(bytes.substr(bytes.size() - 8), what);
    Fnv64 sum;
    sum.add(bytes.substr(0, bytes.size() - 8));
    if (tail.u64() != sum.value()) throw Error(what + " is damaged (its checksum does not match)");
    ByteReader in(bytes.substr(8, bytes.size() - 16), what);
    const uint32_t version = in.u32();
    if (version != kFormatVersion)
        throw Error(what + " is in format " + std::to_string(version) + "; this engine reads format " + std::to_string(kFormatVersion));
    if (in.u64() != s.fingerprint) throw Error(what + " was trained on other data than the data loaded now");
    Settings settings = default_settings();
    const uint32_t count = in.u32();
    if (count != settings.entries().size()) throw Error(what + " has other settings than this engine knows (" + std::to_string(count) + ")");
    for (uint32_t e = 0; e < count; ++e) {
        const std::string setting = in.text();
        settings.set(setting, in.f64());
    }
    if (in.u32() != s.models.size()) throw Error(what + " holds another set of models");
    std::vector<std::unique_ptr<Model>> models;
    std::vector<SimilarIndex> similar;
    for (const ModelSpec* spec : model_specs()) {
        models.push_back(spec->make(ModelSettings(settings, spec->name), s.training(), settings.seed()));
        models.back()->restore(in);
        similar.push_back(similar_index(settings, *models.back(), s.index, s.likers, settings.whole("similar.min_support")));
    }
    if (in.left() != 0) throw Error(what + " has " + std::to_string(in.left()) + " bytes too many");
    s.models = std::move(models);
    s.similar = std::move(similar);
    settings_ = std::move(settings);
}

std::vector<Viewer> Engine::viewers() const {
    const State& s = state();
    std::vector<Viewer> out;
    for (size_t u = 0; u < s.data.users(); ++u) {
        const int32_t id = s.data.user_ids[u];
        const std::vector<Pick> top = favourites(id, 1);
        out.push_back(Viewer{id, static_cast<int32_t>(s.seen_offsets[u + 1] - s.seen_offsets[u]), top.empty() ? 0 : top[0].movie_id});
    }
    return out;
}

std::vector<int32_t> Engine::starters(size_t k, const std::vector<int32_t>& exclude) const {
    const State& s = state();
    std::vector<int32_t> dense;
    for (int32_t id : exclude)
        if (const int f = s.data.catalog.index_of(id); f >= 0) dense.push_back(f);
    std::sort(dense.begin(), dense.end());
    std::vector<int32_t> ids;
    for (int32_t f : starter_films(trained_model(model_choices().neighbours), s.index, checked_count(k), dense))
        ids.push_back(s.data.catalog.film(static_cast<size_t>(f)).movie_id);
    return ids;
}

void Engine::load_links(std::string_view links_csv, std::string_view name) {
    if (!state_) throw Error("no data loaded yet");
    state_->imdb = parse_links(links_csv, name);
}

Imported Engine::import_ratings(std::string_view csv, std::string_view name) const {
    const State& s = state();
    return reel::import_ratings(csv, name, s.data.catalog, s.imdb);
}

std::string Engine::profile_csv(const std::vector<ProfileEntry>& profile) const {
    const State& s = state();
    std::string out = "movieId,title,rating\n";
    for (const ProfileEntry& e : profile) {
        const int f = s.data.catalog.index_of(e.movie_id);
        std::string title = f >= 0 ? s.data.catalog.film(static_cast<size_t>(f)).title : "";
        std::string q = "\"";
        for (char c : title) q += c == '"' ? std::string("\"\"") : std::string(1, c);  // RFC 4180: a quote doubled
        out += std::to_string(e.movie_id) + "," + q + "\"," + stars_text(e.stars) + "\n";
    }
    return out;
}

void Engine::start_map() {
    if (!state_) throw Error("no data loaded yet");
    const Model& m = trained_model(model_choices().neighbours);
    state_->map = std::make_unique<FilmMap>(m, state_->index, settings_.whole("similar.min_support"), settings_.whole("map.epochs"),
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
    for (int32_t f : s.map->films()) out.movie_ids.push_back(s.data.catalog.film(static_cast<size_t>(f)).movie_id);
    out.xy = s.map->xy();
    return out;
}

MapFigures Engine::map_figures() const {
    const State& s = state();
    if (!s.map || !s.map->done()) throw Error("the map is not drawn yet");
    return MapFigures{s.map->preservation(s.map->xy()), s.map->preservation(s.map->pca_layout()),
                      s.map->preservation(s.map->random_layout(settings_.seed()))};
}

}  // namespace reel
