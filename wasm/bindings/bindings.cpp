// The Embind face of reel::Engine for the Web Worker: bytes in, typed arrays and plain objects
// out, every number checked before it reaches C++, and every C++ error rethrown as a
// JavaScript Error. No logic of its own.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine.hpp"
#include "error.hpp"
#include "personal.hpp"
#include "title.hpp"

using emscripten::val;

namespace {

// Runs `f`, turning any C++ exception into a JS Error with the engine's message; the engine's
// own strong guarantee (a failed call changes nothing) keeps it usable afterwards.
template <class F>
auto guarded(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const std::exception& e) {
        val::global("Error").new_(std::string(e.what())).throw_();
    }
    __builtin_unreachable();
}

// A JS number that must be a whole number in [min, max]: Embind's own int conversion would
// wrap 2^32 + 1 to 1 and take null as 0.
double whole(const val& v, const char* what, double min, double max) {
    if (!v.isNumber()) throw reel::Error(std::string(what) + " must be a number");
    const double x = v.as<double>();
    if (!(x >= min && x <= max && x == std::floor(x)))
        throw reel::Error(std::string(what) + " must be a whole number from " + reel::setting_text(min) + " to " + reel::setting_text(max));
    return x;
}

int32_t id(const val& v, const char* what) { return static_cast<int32_t>(whole(v, what, 1, 2147483647)); }
size_t count(const val& v) { return static_cast<size_t>(whole(v, "k", 0, reel::Limits::max_results)); }

std::string text(const val& v, const char* what) {
    if (!v.isString()) throw reel::Error(std::string(what) + " must be text");
    return v.as<std::string>();
}

// A JS-owned copy: a view of wasm memory would go stale when the heap grows.
template <class T>
val typed_copy(const char* type, const std::vector<T>& v) {
    return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));
}

// Strings as one UTF-8 blob and offsets: a title may hold any character, a newline included.
val strings(const std::vector<std::string>& all) {
    std::string blob;
    std::vector<uint32_t> offsets{0};
    for (const std::string& s : all) blob += s, offsets.push_back(static_cast<uint32_t>(blob.size()));
    val out = val::object();
    out.set("bytes",
            val::global("Uint8Array").new_(emscripten::typed_memory_view(blob.size(), reinterpret_cast<const uint8_t*>(blob.data()))));
    out.set("offsets", typed_copy("Uint32Array", offsets));
    return out;
}

std::vector<int32_t> int_array(const val& v, const char* what) {
    if (!v.instanceof (val::global("Int32Array"))) throw reel::Error(std::string(what) + " must be an Int32Array");
    return emscripten::convertJSArrayToNumberVector<int32_t>(v);
}

std::vector<float> float_array(const val& v, const char* what) {
    if (!v.instanceof (val::global("Float32Array"))) throw reel::Error(std::string(what) + " must be a Float32Array");
    return emscripten::convertJSArrayToNumberVector<float>(v);
}

std::vector<reel::ProfileEntry> profile_of(const val& movie_ids, const val& stars) {
    const std::vector<int32_t> ids = int_array(movie_ids, "movieIds");
    const std::vector<float> values = float_array(stars, "stars");
    if (ids.size() != values.size()) throw reel::Error("a profile needs as many stars as films");
    std::vector<reel::ProfileEntry> profile;
    for (size_t j = 0; j < ids.size(); ++j) profile.push_back(reel::ProfileEntry{ids[j], values[j]});
    return profile;
}

// Films only to be kept out of a list, as the engine's `also_seen` takes them: their stars are
// never read (the fold-in does not see them), so any half star will do. Absent: none.
std::vector<reel::ProfileEntry> marked_of(const val& seen) {
    std::vector<reel::ProfileEntry> out;
    if (seen.isUndefined() || seen.isNull()) return out;
    for (const int32_t movie_id : int_array(seen, "seen")) out.push_back(reel::ProfileEntry{movie_id, 0.5f});
    return out;
}

std::vector<std::string> names(const val& v, const char* what) {
    std::vector<std::string> out;
    if (v.isUndefined() || v.isNull()) return out;
    if (!val::global("Array").call<bool>("isArray", v)) throw reel::Error(std::string(what) + " must be a list of genre names");
    const size_t n = v["length"].as<size_t>();
    for (size_t i = 0; i < n; ++i) out.push_back(text(v[i], what));
    return out;
}

int optional_whole(const val& f, const char* key, double min, double max) {
    const val v = f[key];
    return v.isUndefined() || v.isNull() ? 0 : static_cast<int>(whole(v, key, min, max));
}

reel::Filter filter_of(const reel::Engine& engine, const val& f) {
    reel::Filter out;
    if (f.isUndefined() || f.isNull()) return out;
    const reel::Catalog& catalog = engine.data().catalog;
    out.any_genre = reel::genre_mask(catalog, names(f["anyGenre"], "anyGenre"));
    out.no_genre = reel::genre_mask(catalog, names(f["noGenre"], "noGenre"));
    const val other = f["otherGenres"];
    out.other_genres = !other.isUndefined() && !other.isNull() && other.as<bool>();
    out.from_year = optional_whole(f, "fromYear", 0, 9999);
    out.to_year = optional_whole(f, "toYear", 0, 9999);
    out.min_ratings = optional_whole(f, "minRatings", 0, 1e9);
    out.max_ratings = optional_whole(f, "maxRatings", 0, 1e9);
    return out;
}

val picks_object(const std::vector<reel::Pick>& picks, const char* score_name) {
    std::vector<int32_t> ids;
    std::vector<float> scores;
    for (const reel::Pick& p : picks) ids.push_back(p.movie_id), scores.push_back(p.score);
    val out = val::object();
    out.set("movieIds", typed_copy("Int32Array", ids));
    out.set(score_name, typed_copy("Float32Array", scores));
    return out;
}

// Beyond accuracy (evaluation.md): are the lists the viewers' own?
val lists_object(const reel::ListFigures& l) {
    val out = val::object();
    out.set("miscalibration", l.miscalibration);
    out.set("popularityLift", l.popularity_lift);
    out.set("top50Share", l.top50_share);
    out.set("coverage", l.coverage);
    out.set("overlap", l.overlap);
    return out;
}

val figures_object(const reel::Figures& f) {
    // The page's shape: the models it trains in `models`, the baseline under `popularity`.
    val models = val::array();
    for (const reel::ModelFigures& m : f.models) {
        if (!m.spec->trains()) continue;
        val x = val::object();
        x.set("name", std::string(m.spec->name));
        x.set("rmse", m.rmse);
        x.set("recall10", m.recall10);
        x.set("ndcg10", m.ndcg10);
        x.set("lift", m.lift);
        x.set("lists", lists_object(m.lists));
        models.call<void>("push", x);
    }
    val pop = val::object();
    pop.set("recall10", f.popularity_recall10);
    pop.set("ndcg10", f.popularity_ndcg10);
    for (const reel::ModelFigures& m : f.models)
        if (!m.spec->trains()) pop.set("lists", lists_object(m.lists));
    // The default list a viewer is shown: the registry's choice re-ranked into their own.
    val choice = val::object();
    choice.set("recall10", f.choice.recall10);
    choice.set("ndcg10", f.choice.ndcg10);
    choice.set("lift", f.choice.lift);
    choice.set("lists", lists_object(f.choice.lists));
    val out = val::object();
    out.set("viewers", f.viewers);
    out.set("popularity", pop);
    out.set("choice", choice);
    out.set("models", models);
    return out;
}

val summary_object(const reel::Summary& s) {
    val out = val::object();
    out.set("users", s.users);
    out.set("films", s.films);
    out.set("ratedFilms", s.rated_films);
    out.set("ratings", s.ratings);
    out.set("train", s.train);
    out.set("test", s.test);
    out.set("duplicates", s.duplicates);
    return out;
}

// ratings.csv handed to the parser a piece at a time, copied from the caller's Uint8Array into
// one reused buffer: ML-25M's 678 MB of text never sits in wasm memory beside its rows.
reel::RatingRows ratings_of(const val& bytes, const char* name) {
    if (bytes.isString()) return reel::parse_ratings(bytes.as<std::string>(), name);
    if (!bytes.instanceof (val::global("Uint8Array"))) throw reel::Error(std::string(name) + " must be bytes (a Uint8Array) or text");
    constexpr size_t kPiece = size_t(8) << 20;
    const size_t total = bytes["length"].as<size_t>();
    reel::RatingsParser parser(name, total);
    std::string piece(std::min(total, kPiece), '\0');
    for (size_t at = 0; at < total; at += kPiece) {
        const size_t n = std::min(kPiece, total - at);
        // A fresh view each time: parsing may grow the heap, which detaches older views.
        val(emscripten::typed_memory_view(n, reinterpret_cast<uint8_t*>(piece.data())))
            .call<void>("set", bytes.call<val>("subarray", static_cast<double>(at), static_cast<double>(at + n)));
        parser.feed(std::string_view(piece.data(), n));
    }
    return parser.finish();
}

class Engine {
public:
    // movies.csv arrives as bytes (Uint8Array) or text, which Embind copies in whole; ratings.csv,
    // up to 50 times larger, is read in pieces.
    val load(const std::string& movies, const val& ratings, const val& seed) {
        return guarded([&] {
            const double s = whole(seed, "seed", 0, reel::kMaxSeed);
            return summary_object(engine_.load(movies, ratings_of(ratings, "ratings.csv"), static_cast<uint64_t>(s)));
        });
    }

    // The packed bundle (packed.hpp), as the site downloads it: one pass, no text to parse.
    val loadPacked(const std::string& packed, const val& seed) {
        return guarded([&] {
            const double s = whole(seed, "seed", 0, reel::kMaxSeed);
            return summary_object(engine_.load_packed(packed, static_cast<uint64_t>(s)));
        });
    }

    // How many bytes of the packed bundle its films need (0 while fewer than its head are in),
    // so the worker can hand them over the moment they have arrived.
    double packedFilmsEnd(const std::string& head) {
        return guarded([&] { return static_cast<double>(reel::Engine::packed_films_end(head)); });
    }

    // The films from the start of the packed bundle, so search works while its ratings arrive.
    void loadPackedFilms(const std::string& head) {
        guarded([&] {
            engine_.load_packed_films(head);
            return 0;
        });
    }

    // A given split, e.g. the canonical one, so the browser can reproduce the README's table.
    val loadSplit(const std::string& movies, const std::string& train, const std::string& test) {
        return guarded([&] { return summary_object(engine_.load_split(movies, train, test)); });
    }

    // The registry's models that train, with each one's training state (the popularity baseline
    // learns nothing, so a page has nothing of it to show or wait for).
    val models() {
        return guarded([&] {
            val out = val::array();
            for (const reel::ModelSpec* spec : reel::model_specs()) {
                if (!spec->trains()) continue;
                val m = val::object();
                m.set("name", std::string(spec->name));
                m.set("label", std::string(spec->label));
                m.set("description", std::string(spec->description));
                m.set("lossLabel", std::string(spec->loss_label));
                m.set("predictsStars", spec->predicts_stars);
                m.set("epochs", engine_.settings().whole(std::string(spec->name) + ".epochs"));
                m.set("epochsDone", engine_.loaded() ? engine_.model(spec->name).epochs_done() : 0);
                out.call<void>("push", m);
            }
            return out;
        });
    }

    // True once ratings are loaded (the films alone, from loadCatalog, are not enough to train).
    bool loaded() const { return engine_.loaded(); }

    // Model names in the order to train them: what the first answers need first.
    val trainingOrder() {
        val out = val::array();
        for (const char* name : reel::training_order()) out.call<void>("push", std::string(name));
        return out;
    }

    val trainEpoch(const val& model) {
        return guarded([&] {
            const std::string name = text(model, "model");
            const reel::EpochReport r = engine_.train_epoch(name);
            val out = val::object();
            out.set("model", name);
            out.set("epoch", r.epoch);
            out.set("epochs", r.epochs);
            out.set("loss", r.loss);
            return out;
        });
    }

    val evaluate() {
        return guarded([&] { return figures_object(engine_.evaluate()); });
    }

    // The same figures in steps, so the worker answers queries in between (issue: nothing waits
    // behind the measuring): evaluationStep(users) returns the share done, 1 at the end.
    void startEvaluation() {
        guarded([&] {
            engine_.start_evaluation();
            return 0;
        });
    }
    double evaluationStep(const val& users) {
        return guarded([&] { return engine_.evaluation_step(static_cast<size_t>(whole(users, "users", 1, 1e9))); });
    }
    val evaluationFigures() {
        return guarded([&] { return figures_object(engine_.evaluation_figures()); });
    }

    // "Films like X" measured (evaluation.md's neighbour recall): one entry per model's
    // similarity, then the co-rating item-kNN baseline as model null.
    val evaluateNeighbours() {
        return guarded([&] {
            val out = val::array();
            for (const reel::NeighbourFigure& f : engine_.evaluate_neighbours()) {
                val x = val::object();
                x.set("model", f.spec ? val(std::string(f.spec->name)) : val::null());
                x.set("recall10", f.recall10);
                x.set("popularIntrusion", f.popular_intrusion);
                out.call<void>("push", x);
            }
            return out;
        });
    }

    // Every film once: ids, titles as MovieLens writes them, display names and first aliases
    // (the engine's title grammar), years, genre bits and training counts.
    // The films alone, so search works while the ratings are still downloading.
    void loadCatalog(const std::string& movies) {
        guarded([&] {
            engine_.load_catalog(movies);
            return 0;
        });
    }

    // The films' training counts alone (catalog() order), so a page that unpacked the titles from
    // loadCatalog need not unpack them all again once the ratings arrive.
    val trainingCounts() {
        return guarded([&] { return typed_copy("Int32Array", engine_.training_counts()); });
    }

    val catalog() {
        return guarded([&] {
            const reel::Catalog& c = engine_.catalog();
            std::vector<int32_t> ids;
            std::vector<int16_t> years;
            std::vector<uint32_t> genres;
            std::vector<std::string> titles, display, aliases;
            for (const reel::Film& f : c.films()) {
                const reel::TitleParts parts = reel::parse_title(f.title);
                ids.push_back(f.movie_id);
                years.push_back(static_cast<int16_t>(f.year));
                genres.push_back(f.genres);
                titles.push_back(f.title);
                display.push_back(parts.name);
                aliases.push_back(parts.aliases.empty() ? "" : parts.aliases.front());
            }
            val genre_names = val::array(), formats = val::array();
            for (const std::string& g : c.genre_names()) {
                genre_names.call<void>("push", g);
                if (reel::Engine::is_format(g)) formats.call<void>("push", g);
            }
            val out = val::object();
            out.set("movieIds", typed_copy("Int32Array", ids));
            out.set("titles", strings(titles));
            out.set("names", strings(display));
            out.set("aliases", strings(aliases));
            out.set("years", typed_copy("Int16Array", years));
            out.set("genres", typed_copy("Uint32Array", genres));
            out.set("genreNames", genre_names);  // every tag, in the order of the genre bits
            out.set("formats", formats);         // those of them that are formats, not genres
            out.set("counts", typed_copy("Int32Array", engine_.training_counts()));
            return out;
        });
    }

    // Films like X, each with why it is there (co-liking counts) and how many ratings it has.
    val similar(const val& movie_id, const val& k, const val& model, const val& filter) {
        return guarded([&] {
            const std::vector<reel::Neighbour> n =
                engine_.similar(id(movie_id, "movieId"), count(k), text(model, "model"), filter_of(engine_, filter));
            std::vector<int32_t> ids, both, ratings;
            std::vector<uint8_t> other;
            std::vector<float> scores;
            for (const reel::Neighbour& x : n) {
                ids.push_back(x.movie_id), scores.push_back(x.similarity), both.push_back(x.liked_both), ratings.push_back(x.ratings);
                other.push_back(x.other_genre ? 1 : 0);
            }
            val out = val::object();
            out.set("movieIds", typed_copy("Int32Array", ids));
            out.set("scores", typed_copy("Float32Array", scores));
            out.set("likedBoth", typed_copy("Int32Array", both));
            out.set("likedFilm", n.empty() ? 0 : n.front().liked_x);
            out.set("ratings", typed_copy("Int32Array", ratings));
            out.set("otherGenre", typed_copy("Uint8Array", other));  // 1: shares no genre with X
            return out;
        });
    }

    val recommend(const val& user_id, const val& k, const val& model, const val& filter) {
        return guarded([&] {
            return picks_object(engine_.recommend(id(user_id, "userId"), count(k), text(model, "model"), filter_of(engine_, filter)),
                                "scores");
        });
    }

    // A visitor's next films from (movieIds, stars), each with the rated films behind it; never one
    // of `seen` (an Int32Array of movieIds the visitor marked: seen, not interested, on the
    // watchlist), which are kept out of the list but not folded in, as they carry no stars.
    val recommendFor(const val& movie_ids, const val& stars, const val& k, const val& model, const val& filter, const val& seen) {
        return guarded([&] {
            const std::vector<reel::ProfileEntry> marked = marked_of(seen);
            const reel::VisitorPicks r = engine_.recommend_for(profile_of(movie_ids, stars), count(k), text(model, "model"),
                                                               filter_of(engine_, filter), marked.empty() ? nullptr : &marked);
            std::vector<int32_t> ids, reason_ids;
            std::vector<float> scores, bases, shares;
            std::vector<uint32_t> reason_offsets{0};
            for (const reel::Recommendation& p : r.picks) {
                ids.push_back(p.movie_id), scores.push_back(p.score), bases.push_back(p.base);
                for (const reel::Reason& why : p.because) reason_ids.push_back(why.movie_id), shares.push_back(why.share);
                reason_offsets.push_back(static_cast<uint32_t>(reason_ids.size()));
            }
            val out = val::object();
            out.set("movieIds", typed_copy("Int32Array", ids));
            out.set("scores", typed_copy("Float32Array", scores));
            out.set("bases", typed_copy("Float32Array", bases));
            out.set("reasonOffsets", typed_copy("Uint32Array", reason_offsets));
            out.set("reasonIds", typed_copy("Int32Array", reason_ids));
            out.set("reasonShares", typed_copy("Float32Array", shares));
            out.set("unknown", typed_copy("Int32Array", r.unknown));
            out.set("unrated", typed_copy("Int32Array", r.unrated));
            out.set("fromPopularity", r.from_popularity);
            out.set("model", r.model ? val(std::string(r.model->name)) : val::null());
            out.set("mixedIn", r.mixed_in ? val(std::string(r.mixed_in->name)) : val::null());
            out.set("mix", r.mix);
            return out;
        });
    }

    // Watch together: `members` is a list of 2 to 4 { movieIds, stars, seen } (as recommendFor takes
    // them). Pick i's reasons for member m are reasonIds[reasonOffsets[i·M + m] ..
    // reasonOffsets[i·M + m + 1]], M the number of members; models[m]: what served member m (null:
    // the most-rated films, as they had nothing to go on).
    val together(const val& members, const val& k, const val& filter) {
        return guarded([&] {
            if (!val::global("Array").call<bool>("isArray", members)) throw reel::Error("members must be a list");
            const size_t count_members = members["length"].as<size_t>();
            if (count_members > reel::kMaxMembers) throw reel::Error("watching together takes at most 4 people");
            std::vector<reel::Member> group;
            for (size_t m = 0; m < count_members; ++m) {
                const val member = members[m];
                group.push_back(reel::Member{profile_of(member["movieIds"], member["stars"]), marked_of(member["seen"])});
            }
            const reel::JointPicks r = engine_.together(group, count(k), filter_of(engine_, filter));
            std::vector<int32_t> ids, reason_ids;
            std::vector<float> scores, shares;
            std::vector<uint32_t> reason_offsets{0};
            for (const reel::JointPick& p : r.picks) {
                ids.push_back(p.movie_id), scores.push_back(p.score);
                for (const std::vector<reel::Reason>& theirs : p.because) {
                    for (const reel::Reason& why : theirs) reason_ids.push_back(why.movie_id), shares.push_back(why.share);
                    reason_offsets.push_back(static_cast<uint32_t>(reason_ids.size()));
                }
            }
            val models = val::array();
            for (const reel::ModelSpec* spec : r.models) models.call<void>("push", spec ? val(std::string(spec->name)) : val::null());
            val out = val::object();
            out.set("movieIds", typed_copy("Int32Array", ids));
            out.set("scores", typed_copy("Float32Array", scores));
            out.set("reasonOffsets", typed_copy("Uint32Array", reason_offsets));
            out.set("reasonIds", typed_copy("Int32Array", reason_ids));
            out.set("reasonShares", typed_copy("Float32Array", shares));
            out.set("models", models);
            return out;
        });
    }

    val explainFor(const val& movie_ids, const val& stars, const val& movie_id, const val& model) {
        return guarded([&] {
            const reel::Explained e = engine_.explain_for(profile_of(movie_ids, stars), id(movie_id, "movieId"), text(model, "model"));
            std::vector<int32_t> ids;
            std::vector<float> shares;
            for (const reel::Reason& r : e.shares) ids.push_back(r.movie_id), shares.push_back(r.share);
            val out = val::object();
            out.set("score", e.score);
            out.set("base", e.base);
            out.set("movieIds", typed_copy("Int32Array", ids));
            out.set("shares", typed_copy("Float32Array", shares));
            return out;
        });
    }

    val favourites(const val& user_id, const val& k) {
        return guarded([&] { return picks_object(engine_.favourites(id(user_id, "userId"), count(k)), "ratings"); });
    }

    // Every MovieLens viewer with how many films they rated and their favourite.
    val viewers() {
        return guarded([&] {
            std::vector<int32_t> ids, counts, favourites;
            for (const reel::Viewer& v : engine_.viewers())
                ids.push_back(v.user_id), counts.push_back(v.ratings), favourites.push_back(v.favourite);
            val out = val::object();
            out.set("userIds", typed_copy("Int32Array", ids));
            out.set("ratings", typed_copy("Int32Array", counts));
            out.set("favourites", typed_copy("Int32Array", favourites));
            return out;
        });
    }

    // Films to rate next, none of `exclude`; chosen from the visitor's ratings so far (movieIds, stars).
    val starters(const val& k, const val& exclude, const val& movie_ids, const val& stars) {
        return guarded([&] {
            return typed_copy("Int32Array", engine_.starters(count(k), int_array(exclude, "exclude"), profile_of(movie_ids, stars)));
        });
    }

    void loadLinks(const std::string& links) {
        guarded([&] {
            engine_.load_links(links);
            return 0;
        });
    }

    // Every film's IMDb and TMDB ids in catalog() order, 0 where links.csv gives none; as doubles,
    // which hold any id exactly, so JavaScript never sees an int64 wrap.
    val filmLinks() {
        return guarded([&] {
            std::vector<double> imdb, tmdb;
            for (const reel::FilmLinks& l : engine_.film_links())
                imdb.push_back(static_cast<double>(l.imdb)), tmdb.push_back(static_cast<double>(l.tmdb));
            val out = val::object();
            out.set("imdbIds", typed_copy("Float64Array", imdb));
            out.set("tmdbIds", typed_copy("Float64Array", tmdb));
            return out;
        });
    }

    // An IMDb or Letterboxd export: what matched, and each row that did not, with why.
    val importRatings(const std::string& bytes, const val& name, const val& unrated) {
        return guarded([&] {
            const reel::Imported r = engine_.import_ratings(bytes, text(name, "name"), reel::unrated_from(text(unrated, "unrated")));
            std::vector<int32_t> ids, lines;
            std::vector<float> stars;
            for (const reel::ImportedRating& m : r.matched)
                ids.push_back(m.movie_id), stars.push_back(m.stars), lines.push_back(static_cast<int32_t>(m.line));
            val unmatched = val::array();
            for (const reel::Unmatched& u : r.unmatched) {
                val x = val::object();
                x.set("line", u.line);
                x.set("title", u.title);
                x.set("year", u.year);
                x.set("reason", u.reason);
                x.set("unreadable", u.unreadable);
                unmatched.call<void>("push", x);
            }
            std::vector<int32_t> mark_ids, mark_lines;
            val marks = val::array();
            for (const reel::FilmMark& m : r.marks)
                mark_ids.push_back(m.movie_id), mark_lines.push_back(static_cast<int32_t>(m.line)), marks.call<void>("push", m.mark);
            val out = val::object();
            out.set("format", r.format);
            out.set("markIds", typed_copy("Int32Array", mark_ids));
            out.set("marks", marks);
            out.set("markLines", typed_copy("Int32Array", mark_lines));
            out.set("movieIds", typed_copy("Int32Array", ids));
            out.set("stars", typed_copy("Float32Array", stars));
            out.set("lines", typed_copy("Int32Array", lines));
            out.set("unmatched", unmatched);
            out.set("unratedGuess", r.unrated_guess);
            return out;
        });
    }

    // The visitor's ratings and marks as Reel's own CSV: marks come as movieIds (Int32Array) and
    // their words ("seen", "not interested", "watchlist"), in the same order.
    std::string profileCsv(const val& movie_ids, const val& stars, const val& mark_ids, const val& marks) {
        return guarded([&] {
            const std::vector<int32_t> ids = mark_ids.isUndefined() ? std::vector<int32_t>() : int_array(mark_ids, "markIds");
            std::vector<reel::FilmMark> marked;
            const size_t n = marks.isUndefined() ? 0 : marks["length"].as<size_t>();
            if (n != ids.size()) throw reel::Error("marks need as many words as films");
            for (size_t j = 0; j < n; ++j) marked.push_back(reel::FilmMark{ids[j], text(marks[j], "mark"), 0});
            return engine_.profile_csv(profile_of(movie_ids, stars), marked);
        });
    }

    // Films in the columns Letterboxd's importer reads; a star of 0 is no rating (seen, or to watch).
    std::string letterboxdCsv(const val& movie_ids, const val& stars) {
        return guarded([&] { return engine_.letterboxd_csv(profile_of(movie_ids, stars)); });
    }

    val search(const val& query, const val& k) {
        return guarded([&] { return typed_copy("Int32Array", engine_.search(text(query, "query"), count(k))); });
    }

    val userIds() {
        return guarded([&] { return typed_copy("Int32Array", engine_.data().user_ids); });
    }

    val save() {
        return guarded([&] {
            const std::string bytes = engine_.save();
            return val::global("Uint8Array")
                .new_(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data())));
        });
    }

    // The models the file predates (they stay untrained), by name.
    val restore(const std::string& bytes) {
        return guarded([&] {
            val missing = val::array();
            for (const std::string& name : engine_.restore(bytes, "the saved models")) missing.call<void>("push", name);
            return missing;
        });
    }

    // The map of taste, after training, an epoch at a time like the models.
    void startMap() {
        guarded([&] {
            engine_.start_map();
            return 0;
        });
    }
    val mapEpoch() {
        return guarded([&] {
            const auto [epoch, epochs] = engine_.map_epoch();
            val out = val::object();
            out.set("epoch", epoch);
            out.set("epochs", epochs);
            return out;
        });
    }
    val map() {
        return guarded([&] {
            const reel::MapLayout m = engine_.map();
            val out = val::object();
            out.set("movieIds", typed_copy("Int32Array", m.movie_ids));
            out.set("xy", typed_copy("Float32Array", m.xy));
            return out;
        });
    }
    // The map's figures in steps of `films`, so queries get through (0.23 s in one call); the share done.
    double mapFiguresStep(const val& films) {
        return guarded([&] { return engine_.map_figures_step(static_cast<size_t>(whole(films, "films", 1, 1e9))); });
    }
    val mapFigures() {
        return guarded([&] {
            const reel::MapFigures f = engine_.map_figures();
            val out = val::object();
            out.set("map", f.map);
            out.set("pca", f.pca);
            out.set("random", f.random);
            return out;
        });
    }

    // Hex, since 64 bits do not fit a JS number: what saved models are kept under.
    std::string modelKey() {
        return guarded([&] {
            char hex[17];
            std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(engine_.model_key()));
            return std::string(hex);
        });
    }

    // Hex, since 64 bits do not fit a JS number.
    std::string fingerprint() {
        return guarded([&] {
            char hex[17];
            std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(engine_.fingerprint()));
            return std::string(hex);
        });
    }

    // Which model answers each question unless another is asked for (the registry's choice): a
    // visitor's is `firstVisitors` below `visitorsFrom` rated films and `visitors` from then on;
    // `firstVisitorsMix`: the share of the visitors model's scores in a first visitor's default list.
    val choices() {
        const reel::ModelChoices& c = reel::model_choices();
        val out = val::object();
        out.set("visitors", std::string(c.visitors));
        out.set("visitorsFrom", c.visitors_from);
        out.set("firstVisitors", std::string(c.first_visitors));
        out.set("firstVisitorsMix", reel::Personal::of(engine_.settings()).mix);  // as the lists use it: a float
        out.set("viewers", std::string(c.viewers));
        out.set("neighbours", std::string(c.neighbours));
        return out;
    }

    val limits() {
        val out = val::object();
        out.set("maxResults", reel::Limits::max_results);
        out.set("maxQueryLength", reel::Limits::max_query_chars);
        out.set("maxProfile", reel::Limits::max_profile);
        return out;
    }

private:
    reel::Engine engine_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(reel) {
    emscripten::class_<Engine>("Engine")
        .constructor<>()
        .function("load", &Engine::load)
        .function("loadSplit", &Engine::loadSplit)
        .function("loadPacked", &Engine::loadPacked)
        .function("packedFilmsEnd", &Engine::packedFilmsEnd)
        .function("loadPackedFilms", &Engine::loadPackedFilms)
        .function("models", &Engine::models)
        .function("loaded", &Engine::loaded)
        .function("trainingOrder", &Engine::trainingOrder)
        .function("trainEpoch", &Engine::trainEpoch)
        .function("evaluate", &Engine::evaluate)
        .function("startEvaluation", &Engine::startEvaluation)
        .function("evaluationStep", &Engine::evaluationStep)
        .function("evaluationFigures", &Engine::evaluationFigures)
        .function("loadCatalog", &Engine::loadCatalog)
        .function("startMap", &Engine::startMap)
        .function("mapEpoch", &Engine::mapEpoch)
        .function("map", &Engine::map)
        .function("mapFiguresStep", &Engine::mapFiguresStep)
        .function("mapFigures", &Engine::mapFigures)
        .function("modelKey", &Engine::modelKey)
        .function("evaluateNeighbours", &Engine::evaluateNeighbours)
        .function("catalog", &Engine::catalog)
        .function("trainingCounts", &Engine::trainingCounts)
        .function("similar", &Engine::similar)
        .function("recommend", &Engine::recommend)
        .function("recommendFor", &Engine::recommendFor)
        .function("together", &Engine::together)
        .function("explainFor", &Engine::explainFor)
        .function("favourites", &Engine::favourites)
        .function("viewers", &Engine::viewers)
        .function("starters", &Engine::starters)
        .function("loadLinks", &Engine::loadLinks)
        .function("filmLinks", &Engine::filmLinks)
        .function("importRatings", &Engine::importRatings)
        .function("profileCsv", &Engine::profileCsv)
        .function("letterboxdCsv", &Engine::letterboxdCsv)
        .function("search", &Engine::search)
        .function("userIds", &Engine::userIds)
        .function("save", &Engine::save)
        .function("restore", &Engine::restore)
        .function("fingerprint", &Engine::fingerprint)
        .function("choices", &Engine::choices)
        .function("limits", &Engine::limits);
}
