// Serving: lists for a viewer from the trained models, each film with why it is there.
#include "queries.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "error.hpp"
#include "models.hpp"
#include "reasons.hpp"
#include "recommend.hpp"
#include "score_mix.hpp"
#include "starters.hpp"

namespace reel {

namespace {

std::vector<Pick> picks(const Catalog& catalog, const std::vector<Scored>& scored) {
    std::vector<Pick> out;
    for (const Scored& s : scored) out.push_back(Pick{catalog.film(static_cast<size_t>(s.film)).movie_id, s.score});
    return out;
}

// The n best films by `score` (film → score) among the training films, none of `seen`, kept by
// `filter`, re-ranked into the viewer's own list (personal.hpp) from the ratings they gave.
template <class Score>
std::vector<Scored> own_top_for(const LoadedData& d, Score score, const std::vector<int32_t>& seen, size_t n, const Filter& filter,
                                const std::vector<Rated>& given, const Personal& personal) {
    auto keep = [&](int film) { return filter.keeps(d.data.catalog.film(static_cast<size_t>(film)), d.index.count(film)); };
    return personal_list(top_unseen(d.index.rated_films(), seen.data(), seen.data() + seen.size(), personal.pool_for(n), score, keep),
                         given, d.data.catalog, d.index, n, personal);
}

}  // namespace

size_t checked_count(size_t k) {
    if (k > Limits::max_results)
        throw Error("a list holds at most " + std::to_string(Limits::max_results) + " films, not " + std::to_string(k));
    return k;
}

const std::vector<ProfileEntry>& checked_marks(const std::vector<ProfileEntry>& marked) {
    if (marked.size() > Limits::max_profile)
        throw Error("at most " + std::to_string(Limits::max_profile) +
                    " films can be marked seen, not interested or for the watchlist, not " + std::to_string(marked.size()));
    return marked;
}

std::vector<Neighbour> similar_films(const LoadedData& d, const ModelSet& models, int32_t movie_id, size_t k, std::string_view name,
                                     const Filter& filter) {
    const int film = d.film_of(movie_id);
    filter.check();
    const SimilarIndex& similar = models.similar(name);
    const Film& x = d.data.catalog.film(static_cast<size_t>(film));
    if (d.index.count(film) == 0) throw Error(quoted(x.title) + " has no training ratings, so it has no place to start from");
    // A film MovieLens lists with no genres neither shares a genre nor differs by one: it is never
    // "other genre", and "different label" has nothing to go by for it or among its neighbours.
    if (filter.other_genres && x.genres == 0)
        throw Error(quoted(x.title) + " has no genres listed, so no film can differ from it by label");
    Filter f = filter;
    if (f.other_genres) f.no_genre |= x.genres;
    auto keep = [&](int i) {
        const Film& y = d.data.catalog.film(static_cast<size_t>(i));
        return f.keeps(y, d.index.count(i)) && !(f.other_genres && y.genres == 0);
    };
    auto other_genre = [&](const Film& y) { return x.genres != 0 && y.genres != 0 && (y.genres & x.genres) == 0; };
    std::vector<Neighbour> out;
    for (const Scored& n : similar.neighbours(film, checked_count(k), keep)) {
        const Film& y = d.data.catalog.film(static_cast<size_t>(n.film));
        out.push_back(Neighbour{y.movie_id, n.score, static_cast<int32_t>(d.likers.both(film, n.film)),
                                static_cast<int32_t>(d.likers.of(film)), d.index.count(n.film), other_genre(y)});
    }
    return out;
}

std::vector<Pick> user_picks(const LoadedData& d, const ModelSet& models, int32_t user_id, size_t n, std::string_view name,
                             const Filter& filter, const Personal& personal) {
    const int u = d.user_of(user_id);
    filter.check();
    const Model& m = models.trained(name.empty() ? std::string_view(model_choices().viewers) : name);
    const std::vector<Rated> given(d.seen.begin() + static_cast<std::ptrdiff_t>(d.seen_offsets[static_cast<size_t>(u)]),
                                   d.seen.begin() + static_cast<std::ptrdiff_t>(d.seen_offsets[static_cast<size_t>(u) + 1]));
    const Taste taste = m.user(u);
    return picks(d.data.catalog, own_top_for(
                                     d, [&](int film) { return m.score(taste, film); }, d.seen_films(u), checked_count(n), filter, given,
                                     name.empty() ? personal : Personal()));
}

VisitorPicks visitor_picks(const LoadedData& d, const ModelSet& models, const std::vector<ProfileEntry>& profile, size_t n,
                           std::string_view name, const Filter& filter, const std::vector<ProfileEntry>* also_seen,
                           const Personal& personal) {
    filter.check();
    Prepared p = d.prepare(profile);
    if (also_seen) {
        const std::vector<int32_t> more = d.prepare(checked_marks(*also_seen)).seen;
        std::vector<int32_t> both;
        std::set_union(p.seen.begin(), p.seen.end(), more.begin(), more.end(), std::back_inserter(both));
        p.seen = std::move(both);
    }
    VisitorPicks out;
    out.unknown = p.unknown;
    out.unrated = p.unrated;
    const Model* m = &models.trained(name.empty() ? std::string_view(model_choices().visitor_model(p.used.size())) : name);
    const Personal own = name.empty() ? personal : Personal();
    Taste taste = m->fold_in(p.used);
    out.model = &m->spec();
    if (m->has_vectors() && std::all_of(taste.vector.begin(), taste.vector.end(), [](float x) { return x == 0.0f; })) {
        // Nothing the model can use: the most-rated films, said as such.
        m = &models.trained(kPopularity);
        taste = Taste();
        out.model = nullptr;
        out.from_popularity = true;
    }
    // The default list of a first visitor mixes in the visitors model's view (score_mix.hpp).
    const char* with = name.empty() && !out.from_popularity ? model_choices().mixed_in(p.used.size()) : nullptr;
    const Model* second = with ? &models.trained(with) : nullptr;
    const ScoreMix mix(*m, std::move(taste), second, p.used, own.mix, d.index);
    if (mix.mixed()) out.mixed_in = &second->spec(), out.mix = own.mix;
    std::vector<std::vector<float>> shares;
    for (const Scored& x : own_top_for(
             d, [&](int film) { return mix.score(film); }, p.seen, checked_count(n), filter, p.used,
             out.from_popularity ? Personal() : own)) {
        const Explanation e = mix.explain(x.film);
        out.picks.push_back(Recommendation{d.data.catalog.film(static_cast<size_t>(x.film)).movie_id, x.score, e.base, {}});
        shares.push_back(e.shares);
    }
    const std::vector<std::vector<size_t>> reasons = discriminating_reasons(shares, kReasons, kShownAtOnce);
    for (size_t i = 0; i < out.picks.size(); ++i)
        for (size_t j : reasons[i])
            out.picks[i].because.push_back(Reason{d.data.catalog.film(static_cast<size_t>(p.used[j].film)).movie_id, shares[i][j]});
    return out;
}

Explained explain_pick(const LoadedData& d, const ModelSet& models, const std::vector<ProfileEntry>& profile, int32_t movie_id,
                       std::string_view name) {
    const int film = d.film_of(movie_id);
    const Model& m = models.trained(name);
    const Prepared p = d.prepare(profile);
    const Taste taste = m.fold_in(p.used);
    const Explanation e = m.explain(taste, film);
    Explained out;
    out.score = m.score(taste, film);
    out.base = e.base;
    for (size_t j = 0; j < e.shares.size(); ++j)
        out.shares.push_back(Reason{d.data.catalog.film(static_cast<size_t>(p.used[j].film)).movie_id, e.shares[j]});
    return out;
}

std::vector<Pick> favourites(const LoadedData& d, int32_t user_id, size_t k) {
    const int u = d.user_of(user_id);
    std::vector<Rated> rated(d.seen.begin() + static_cast<std::ptrdiff_t>(d.seen_offsets[static_cast<size_t>(u)]),
                             d.seen.begin() + static_cast<std::ptrdiff_t>(d.seen_offsets[static_cast<size_t>(u) + 1]));
    // Highest rating first; among equals the better-known film, as a glimpse should be recognisable.
    std::sort(rated.begin(), rated.end(), [&](const Rated& a, const Rated& b) {
        if (a.stars != b.stars) return a.stars > b.stars;
        if (d.index.count(a.film) != d.index.count(b.film)) return d.index.count(a.film) > d.index.count(b.film);
        return a.film < b.film;
    });
    std::vector<Scored> top;
    for (size_t r = 0; r < std::min(checked_count(k), rated.size()); ++r) top.push_back(Scored{rated[r].film, rated[r].stars});
    return picks(d.data.catalog, top);
}

std::vector<Viewer> viewers(const LoadedData& d) {
    std::vector<Viewer> out;
    for (size_t u = 0; u < d.data.users(); ++u) {
        const int32_t id = d.data.user_ids[u];
        const std::vector<Pick> top = favourites(d, id, 1);
        out.push_back(Viewer{id, static_cast<int32_t>(d.seen_offsets[u + 1] - d.seen_offsets[u]), top.empty() ? 0 : top[0].movie_id});
    }
    return out;
}

std::vector<int32_t> starters(const LoadedData& d, const ModelSet& models, size_t k, const std::vector<int32_t>& exclude,
                              const std::vector<ProfileEntry>& profile) {
    std::vector<int32_t> dense;
    for (int32_t id : exclude)
        if (const int f = d.data.catalog.index_of(id); f >= 0) dense.push_back(f);
    std::sort(dense.begin(), dense.end());
    dense.erase(std::unique(dense.begin(), dense.end()), dense.end());
    std::vector<int32_t> ids;
    for (int32_t f : next_starters(models.trained(model_choices().neighbours), d.index, checked_count(k), dense, d.prepare(profile).used))
        ids.push_back(d.data.catalog.film(static_cast<size_t>(f)).movie_id);
    return ids;
}

}  // namespace reel
