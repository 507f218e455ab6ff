// Every figure of evaluation.md, computed one way for every model.
#include "evaluation.hpp"

#include <algorithm>
#include <string>

#include "error.hpp"
#include "models.hpp"
#include "recommend.hpp"
#include "score_mix.hpp"

namespace reel {

namespace {

// The baseline's figures, which every lift is measured against.
const TopNScore& baseline_of(const std::vector<const Model*>& models, const std::vector<TopNScore>& scores) {
    for (size_t m = 0; m < models.size(); ++m)
        if (std::string_view(models[m]->spec().name) == kPopularity) return scores[m];
    throw Error(std::string("the ") + kPopularity + " baseline is not among the models measured");
}

Figures figures_of(const std::vector<const Model*>& models, const std::vector<TopNScore>& scores, const std::vector<ListMeasures>& lists,
                   const std::vector<StarsError>& errors) {
    const TopNScore& baseline = baseline_of(models, scores);
    Figures f;
    f.popularity_recall10 = baseline.recall();
    f.popularity_ndcg10 = baseline.ndcg();
    f.viewers = baseline.viewers();
    for (size_t m = 0; m < models.size(); ++m) {
        ModelFigures mf;
        mf.spec = &models[m]->spec();
        if (mf.spec->predicts_stars) mf.rmse = errors[m].rmse();
        mf.recall10 = scores[m].recall();
        mf.ndcg10 = scores[m].ndcg();
        mf.lift = mf.recall10 / f.popularity_recall10 - 1;
        mf.lists = lists[m].figures();
        f.models.push_back(mf);
    }
    return f;
}

// The ratings trained user u gave in training.
std::vector<Rated> given_in_training(const TrainIndex& index, int u) {
    std::vector<Rated> given;
    const float* value = index.values_begin(u);
    for (const int32_t* f = index.films_begin(u); f != index.films_end(u); ++f, ++value) given.push_back(Rated{*f, *value});
    return given;
}

// The share of the 50 most-rated films among each film's first ten neighbours (films among the
// 50 themselves left out), over the films with a list.
double popular_intrusion(const NeighbourTable& table, const TrainIndex& index) {
    std::vector<char> top50(index.films(), 0);
    for (int32_t film : most_rated(index, kMostRated)) top50[static_cast<size_t>(film)] = 1;
    double share = 0;
    size_t films = 0;
    for (size_t x = 0; x < table.size(); ++x) {
        if (table[x].empty() || top50[x]) continue;
        const size_t n = std::min<size_t>(table[x].size(), kListLength);
        double popular = 0;
        for (size_t r = 0; r < n; ++r) popular += top50[static_cast<size_t>(table[x][r].film)];
        share += popular / static_cast<double>(n);
        ++films;
    }
    return films ? share / static_cast<double>(films) : NAN;
}

// Each wanted trained user's list: the model's best candidates re-ranked into their own (personal.hpp).
std::vector<std::vector<int32_t>> own_lists(const Model& model, const Catalog& catalog, const TrainIndex& index, size_t n,
                                            const Personal& personal, const std::vector<char>& wanted) {
    std::vector<std::vector<int32_t>> lists = model.top_n_all(index, personal.pool_for(n), wanted);
    if (personal.plain()) return lists;
    for (size_t u = 0; u < lists.size(); ++u) {
        if (!wanted[u]) continue;
        std::vector<Scored> pool;
        for (int32_t film : lists[u]) pool.push_back(Scored{film, model.score(static_cast<int>(u), film)});
        lists[u].clear();
        for (const Scored& x : personal_list(pool, given_in_training(index, static_cast<int>(u)), catalog, index, n, personal))
            lists[u].push_back(x.film);
    }
    return lists;
}

// The default list's figures, its lift over the baseline's recall.
ModelFigures choice_figures(const TopNScore& score, const ListMeasures& lists, double baseline_recall10) {
    ModelFigures f;
    f.recall10 = score.recall();
    f.ndcg10 = score.ndcg();
    f.lift = f.recall10 / baseline_recall10 - 1;
    f.lists = lists.figures();
    return f;
}

}  // namespace

WarmEvaluation::WarmEvaluation(std::vector<const Model*> models, WarmData data, const Model& chosen, const Personal& personal)
    : models_(std::move(models)),
      data_(data),
      chosen_(chosen),
      personal_(personal),
      scores_(models_.size() + 1, TopNScore(kListLength)),
      lists_(models_.size() + 1, ListMeasures(data.data.catalog, data.index)) {
    if (data_.data.test.empty()) throw Error("there are no held-out ratings to measure on");
    for (const Model* m : models_)
        if (!m->trained()) throw Error(std::string("the ") + m->spec().name + " model is not trained yet");
    for (size_t u = 0; u < data_.relevant.size(); ++u)
        if (!data_.relevant[u].empty()) users_.push_back(static_cast<int>(u));
}

std::vector<std::vector<int32_t>> WarmEvaluation::lists(size_t from, size_t to) const {
    std::vector<char> wanted(data_.relevant.size(), 0);
    for (size_t p = from; p < to; ++p) wanted[static_cast<size_t>(users_[p])] = 1;
    if (model_ < models_.size()) return models_[model_]->top_n_all(data_.index, kListLength, wanted);
    return own_lists(chosen_, data_.data.catalog, data_.index, kListLength, personal_, wanted);
}

double WarmEvaluation::step(size_t count) {
    if (done()) return 1.0;
    const size_t end = std::min(users_.size(), next_ + std::max<size_t>(count, 1));
    const std::vector<std::vector<int32_t>> tops = lists(next_, end);
    for (size_t p = next_; p < end; ++p) {
        const size_t u = static_cast<size_t>(users_[p]);
        scores_[model_].add(tops[u], data_.relevant[u]);
        lists_[model_].add(tops[u], given_in_training(data_.index, static_cast<int>(u)));
    }
    next_ = end;
    if (next_ == users_.size()) next_ = 0, ++model_;
    return (static_cast<double>(model_) + static_cast<double>(next_) / static_cast<double>(std::max<size_t>(users_.size(), 1))) /
           static_cast<double>(scores_.size());
}

Figures WarmEvaluation::figures() const {
    if (!done()) throw Error("the evaluation has not finished");
    std::vector<StarsError> errors(models_.size());
    for (size_t m = 0; m < models_.size(); ++m)
        if (models_[m]->spec().predicts_stars)
            for (const Rating& r : data_.data.test) errors[m].add(r.value, models_[m]->predict(r.user, r.film));
    Figures f = figures_of(models_, scores_, lists_, errors);
    f.choice = choice_figures(scores_.back(), lists_.back(), f.popularity_recall10);
    f.choice_recall10 = f.choice.recall10;
    f.choice_ndcg10 = f.choice.ndcg10;
    return f;
}

std::vector<std::vector<int32_t>> warm_lists(const Model& model, const Catalog& catalog, const TrainIndex& index, size_t n,
                                             const Personal& personal) {
    std::vector<char> wanted(index.users(), 0);
    for (size_t u = 0; u < index.users(); ++u) wanted[u] = index.count_of_user(static_cast<int>(u)) > 0;
    return own_lists(model, catalog, index, n, personal, wanted);
}

VisitorProtocol::VisitorProtocol(const Catalog& catalog, const TrainIndex& index, const Visitors& profile, const Visitors* exclude,
                                 size_t max_profile)
    : catalog_(catalog), index_(index), user_ids_(profile.user_ids) {
    for (size_t v = 0; v < profile.user_ids.size(); ++v) {
        prepared_.push_back(prepare_profile(profile.profiles[v], catalog, index, max_profile));
        const std::vector<ProfileEntry>* skip = exclude ? exclude->of(profile.user_ids[v]) : nullptr;
        seen_.push_back(skip ? prepare_profile(*skip, catalog, index, max_profile).seen : prepared_.back().seen);
    }
}

std::vector<int32_t> VisitorProtocol::list_for(size_t v, const Prepared& given, const Model& model, size_t n, const Personal& personal,
                                               const Model* mixed_in) const {
    const ScoreMix mix(model, model.fold_in(given.used), mixed_in, given.used, personal.mix, index_);
    const std::vector<int32_t>& seen = seen_[v];
    const std::vector<Scored> pool = top_unseen(
        index_.rated_films(), seen.data(), seen.data() + seen.size(), personal.pool_for(n), [&](int film) { return mix.score(film); },
        [](int) { return true; });
    std::vector<int32_t> ids;
    for (const Scored& x : personal_list(pool, given.used, catalog_, index_, n, personal))
        ids.push_back(catalog_.film(static_cast<size_t>(x.film)).movie_id);
    return ids;
}

const Model& chosen_for(const std::vector<const Model*>& models, const Prepared& visitor) {
    return trained_model(models, model_choices().visitor_model(visitor.used.size()));
}

std::vector<int32_t> VisitorProtocol::own_list(size_t v, const Prepared& given, const std::vector<const Model*>& models, size_t n,
                                               const Personal& personal) const {
    const char* with = model_choices().mixed_in(given.used.size());
    return list_for(v, given, chosen_for(models, given), n, personal, with && personal.mix > 0 ? &trained_model(models, with) : nullptr);
}

Figures evaluate_visitors(const std::vector<const Model*>& models, const VisitorProtocol& visitors, const Visitors& hidden,
                          const Personal& personal) {
    for (const Model* m : models)
        if (!m->trained()) throw Error(std::string("the ") + m->spec().name + " model is not trained yet");
    std::vector<TopNScore> scores(models.size(), TopNScore(kListLength));
    std::vector<ListMeasures> lists(models.size(), ListMeasures(visitors.catalog(), visitors.index()));
    std::vector<StarsError> errors(models.size());
    TopNScore choice(kListLength);
    ListMeasures choice_lists(visitors.catalog(), visitors.index());
    auto films_of = [&](const std::vector<int32_t>& movie_ids) {
        std::vector<int32_t> films;
        for (int32_t id : movie_ids) films.push_back(visitors.catalog().index_of(id));
        return films;
    };
    for (size_t v = 0; v < visitors.size(); ++v) {
        const std::vector<ProfileEntry>* held = hidden.of(visitors.user_id(v));
        std::vector<int32_t> relevant;
        for (const ProfileEntry& e : held ? *held : std::vector<ProfileEntry>())
            if (e.stars >= kRelevant) relevant.push_back(e.movie_id);
        std::sort(relevant.begin(), relevant.end());
        for (size_t m = 0; m < models.size(); ++m) {
            const std::vector<int32_t> top = visitors.list(v, *models[m], kListLength);
            scores[m].add(top, relevant);
            if (!relevant.empty()) lists[m].add(films_of(top), visitors.prepared(v).used);  // the viewers recall is averaged over
        }
        const std::vector<int32_t> own = visitors.own_list(v, visitors.prepared(v), models, kListLength, personal);
        choice.add(own, relevant);
        if (!relevant.empty()) choice_lists.add(films_of(own), visitors.prepared(v).used);
    }
    if (baseline_of(models, scores).viewers() == 0) throw Error("no visitor has a hidden rating of 4 stars or more to measure on");
    for (size_t m = 0; m < models.size(); ++m)
        if (models[m]->spec().predicts_stars)
            for (const Prediction& p : visitor_predictions(*models[m], visitors, hidden)) errors[m].add(p.stars, p.prediction);
    Figures f = figures_of(models, scores, lists, errors);
    f.choice = choice_figures(choice, choice_lists, f.popularity_recall10);
    f.choice_recall10 = f.choice.recall10;
    f.choice_ndcg10 = f.choice.ndcg10;
    return f;
}

std::vector<Prediction> visitor_predictions(const Model& stars, const VisitorProtocol& visitors, const Visitors& hidden) {
    std::vector<Prediction> out;
    for (size_t v = 0; v < visitors.size(); ++v) {
        const std::vector<ProfileEntry>* held = hidden.of(visitors.user_id(v));
        if (!held) continue;
        const Taste taste = stars.fold_in(visitors.prepared(v).used);
        for (const ProfileEntry& e : *held) {
            const int film = visitors.film_in_training(e.movie_id);
            if (film >= 0) out.push_back(Prediction{visitors.user_id(v), e.movie_id, stars.predict(taste, film), e.stars});
        }
    }
    return out;
}

std::vector<Prediction> test_predictions(const Model& stars, const Dataset& data) {
    if (!stars.spec().predicts_stars) throw Error(std::string("the ") + stars.spec().name + " model does not predict stars");
    std::vector<Prediction> out;
    out.reserve(data.test.size());
    for (const Rating& r : data.test)
        out.push_back(Prediction{data.user_ids[static_cast<size_t>(r.user)], data.catalog.film(static_cast<size_t>(r.film)).movie_id,
                                 stars.predict(r.user, r.film), r.value});
    return out;
}

std::vector<NeighbourFigure> evaluate_neighbours(const std::vector<const Model*>& models, const SimilarParams& params, WarmData data,
                                                 const Likers& likers) {
    if (data.data.test.empty()) throw Error("there are no held-out ratings to measure on");
    std::vector<const Model*> with_vectors;
    for (const Model* m : models) {
        if (!m->trained()) throw Error(std::string("the ") + m->spec().name + " model is not trained yet");
        if (m->has_vectors()) with_vectors.push_back(m);
    }
    std::vector<SimilarIndex> similar;
    for (const Model* m : with_vectors)
        similar.emplace_back(m->film_vector(0), m->factors(), data.index, kNeighbourSupport, params.shrinkage, &likers, params.co_liking,
                             params.asymmetry);
    std::vector<const SimilarIndex*> each;
    for (const SimilarIndex& index : similar) each.push_back(&index);
    const std::vector<NeighbourTable> tables = neighbour_tables(each, data.index);
    std::vector<NeighbourFigure> out;
    for (size_t m = 0; m < tables.size(); ++m)
        out.push_back(NeighbourFigure{&with_vectors[m]->spec(), neighbour_recall(tables[m], data.index, data.relevant),
                                      popular_intrusion(tables[m], data.index)});
    const NeighbourTable knn = item_knn_table(data.index);
    out.push_back(NeighbourFigure{nullptr, neighbour_recall(knn, data.index, data.relevant), popular_intrusion(knn, data.index)});
    return out;
}

}  // namespace reel
