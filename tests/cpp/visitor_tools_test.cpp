// What the page offers a visitor beyond their list: ratings brought from IMDb or Letterboxd,
// films to start rating with, viewers worth picking, an honest fallback, and an export.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>

#include "engine.hpp"
#include "error.hpp"
#include "kernels.hpp"
#include "support.hpp"
#include "trained.hpp"

namespace {
using reel_test::read;

using reel_test::kData;
const std::string kFixtures = REEL_FIXTURES;

class LatestSmall : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // Its own engine, for the links; the models are restored from the run's one training.
        engine = new reel::Engine(reel_test::restored(reel_test::Trained::page));
        engine->load_links(read(kData + "/links.csv"));
    }
    static void TearDownTestSuite() { delete engine; }
    static reel::Engine* engine;
};
reel::Engine* LatestSmall::engine = nullptr;

std::vector<std::pair<int32_t, float>> matched(const reel::Imported& r) {
    std::vector<std::pair<int32_t, float>> out;
    for (const reel::ImportedRating& m : r.matched) out.emplace_back(m.movie_id, m.stars);
    return out;
}

}  // namespace

TEST_F(LatestSmall, ImportsAnImdbExportByIdAndReportsEveryRowItCannotUse) {
    const reel::Imported r = engine->import_ratings(read(kFixtures + "/imdb_ratings.csv"), "imdb_ratings.csv");
    EXPECT_EQ(r.format, "IMDb");
    // 10 → 5 stars, 9 → 4.5 …: IMDb's ten steps are half stars.
    EXPECT_EQ(matched(r), (std::vector<std::pair<int32_t, float>>{{1, 5.0f}, {2571, 4.5f}, {4973, 4.0f}, {296, 1.5f}, {356, 3.5f}}));
    ASSERT_EQ(r.unmatched.size(), 4u);
    EXPECT_EQ(r.unmatched[0].title, "Breaking Bad");
    EXPECT_EQ(r.unmatched[0].reason, "a TV Series, not a film in MovieLens");
    EXPECT_EQ(r.unmatched[1].reason, "not in this MovieLens catalogue");
    EXPECT_EQ(r.unmatched[2].line, 8u);
    EXPECT_EQ(r.unmatched[2].reason, "rating '11' is not a whole number from 1 to 10");
    EXPECT_EQ(r.unmatched[3].reason, "rating '0' is not a whole number from 1 to 10");
}

TEST_F(LatestSmall, ImportsALetterboxdExportByTitleAndYearAsMovieLensNamesThem) {
    const reel::Imported r = engine->import_ratings(read(kFixtures + "/letterboxd_ratings.csv"), "ratings.csv");
    EXPECT_EQ(r.format, "Letterboxd");
    // The Usual Suspects (moved article), Amélie (accent), Léon: The Professional, Se7en and Il
    // Postino (aliases), Crouching Tiger (comma in the title); Toy Story's later row stands.
    EXPECT_EQ(matched(r), (std::vector<std::pair<int32_t, float>>{
                              {1, 4.5f}, {50, 4.5f}, {4973, 4.0f}, {293, 4.0f}, {47, 3.5f}, {3996, 4.0f}, {58, 3.0f}, {541, 4.5f}}));
    ASSERT_EQ(r.unmatched.size(), 2u);
    EXPECT_EQ(r.unmatched[0].title, "Parasite");
    EXPECT_EQ(r.unmatched[0].year, 2019);
    EXPECT_EQ(r.unmatched[1].reason, "rating '7' is not a half star from 0.5 to 5");
    // The Godfather, logged without a rating: watched, so seen.
    ASSERT_EQ(r.marks.size(), 1u);
    EXPECT_EQ(r.marks[0].movie_id, 858);
    EXPECT_EQ(r.marks[0].mark, "seen");
}

// Titles as Letterboxd writes them, each a film MovieLens names otherwise (the misses a real export
// showed before FilmByTitle): the whole title before a part of one, and a part only when one film has it.
TEST_F(LatestSmall, FindsLetterboxdsTitlesThatMovieLensWritesOtherwise) {
    const std::vector<std::tuple<std::string, int, int32_t>> cases = {
        {"Star Wars", 1977, 260},                                           // Star Wars: Episode IV - A New Hope
        {"The Empire Strikes Back", 1980, 1196},                            // Star Wars: Episode V - The Empire Strikes Back
        {"Return of the Jedi", 1983, 1210},                                 // Star Wars: Episode VI - Return of the Jedi
        {"Star Wars: The Force Awakens", 2015, 122886},                     // Star Wars: Episode VII - The Force Awakens
        {"Lock, Stock and Two Smoking Barrels", 1998, 2542},                // Lock, Stock & Two Smoking Barrels
        {"The Intouchables", 2011, 92259},                                  // Intouchables
        {"Guardians of the Galaxy Vol. 2", 2017, 122918},                   // Guardians of the Galaxy 2
        {"Avengers: Infinity War", 2018, 122912},                           // Avengers: Infinity War - Part I
        {"Castle in the Sky", 1986, 6350},                                  // Laputa: Castle in the Sky
        {"Three Colours: Blue", 1993, 307},                                 // Three Colors: Blue
        {"Moonlight", 2016, 162414},                                        // Moonlight, with no year in MovieLens
        {"Oldboy", 2003, 27773},                                            // Old Boy (not the 2013 remake, Oldboy)
        {"Birdman or (The Unexpected Virtue of Ignorance)", 2014, 112183},  // Birdman: Or (The Unexpected …)
        {"Toy Story", 1995, 1},                                             // as before: the whole title
    };
    std::string csv = "Date,Name,Year,Letterboxd URI,Rating\n";
    for (const auto& [name, year, id] : cases) csv += "2024-01-01,\"" + name + "\"," + std::to_string(year) + ",https://boxd.it/x,4\n";
    // With no year, a title matches when one film has it (Spirited Away).
    csv += "2024-01-01,Spirited Away,,https://boxd.it/x,4\n";
    // Films this catalogue lacks match nothing rather than guess: a part of titles with no film of it
    // that year; a part in the next year (Underworld: Awakening, 2012); a part of one word (Three
    // Colors: Blue) or one spelt otherwise (Resident Evil: Afterlife); MovieLens's yearless
    // "Moonlight" (2016) for the 2002 film; with no year, a title two films have (Old Boy, Oldboy).
    const std::vector<std::string> strangers = {"Star Wars,1990",  "The Awakening,2011", "Blue,1993",
                                                "After.Life,2009", "Moonlight,2002",     "Oldboy,"};
    for (const std::string& row : strangers) csv += "2024-01-01," + row + ",https://boxd.it/x,4\n";
    const reel::Imported r = engine->import_ratings(csv, "ratings.csv");
    ASSERT_EQ(r.matched.size(), cases.size() + 1);
    EXPECT_EQ(r.matched.back().movie_id, 5618);  // Spirited Away
    for (size_t i = 0; i < cases.size(); ++i) {
        const auto& [name, year, id] = cases[i];
        const int film = engine->catalog().index_of(r.matched[i].movie_id);
        EXPECT_EQ(r.matched[i].movie_id, id) << name << " found " << engine->catalog().film(static_cast<size_t>(film)).title;
    }
    ASSERT_EQ(r.unmatched.size(), strangers.size());
    for (size_t i = 0; i < strangers.size(); ++i) EXPECT_EQ(r.unmatched[i].title, strangers[i].substr(0, strangers[i].find(',')));
}

TEST_F(LatestSmall, LetterboxdsWatchedAndWatchlistFilesAreMarksTheirNamesTellApart) {
    const std::string list =
        "Date,Name,Year,Letterboxd URI\n2024-01-01,Heat,1995,https://boxd.it/x\n"
        "2024-01-02,Amélie,2001,https://boxd.it/y\n2024-01-03,Parasite,2019,https://boxd.it/z\n";
    // The name, not its folders: the CLI passes a path.
    for (const auto& [file, mark] :
         {std::pair{"watched.csv", "seen"}, std::pair{"watchlist.csv", "watchlist"}, std::pair{"watchlists/watched.csv", "seen"}}) {
        const reel::Imported r = engine->import_ratings(list, file);
        EXPECT_EQ(r.format, "Letterboxd");
        EXPECT_TRUE(r.matched.empty());
        ASSERT_EQ(r.marks.size(), 2u) << file;
        EXPECT_EQ(r.marks[0].movie_id, 6);
        EXPECT_EQ(r.marks[1].movie_id, 4973);
        for (const reel::FilmMark& m : r.marks) EXPECT_EQ(m.mark, mark) << file;
        ASSERT_EQ(r.unmatched.size(), 1u);  // Parasite: newer than the catalogue
        EXPECT_EQ(r.unrated_guess, "") << file;
    }
    // A name that says neither: seen, said to be a guess; the visitor's word decides, whatever the name.
    const reel::Imported renamed = engine->import_ratings(list, "letterboxd-2024.csv");
    ASSERT_EQ(renamed.marks.size(), 2u);
    EXPECT_EQ(renamed.marks[0].mark, "seen");
    EXPECT_EQ(renamed.unrated_guess, "seen");
    for (const auto& [file, said, mark] :
         {std::tuple{"letterboxd-2024.csv", reel::Unrated::to_watch, "watchlist"},
          std::tuple{"watched.csv", reel::Unrated::to_watch, "watchlist"}, std::tuple{"watchlist.csv", reel::Unrated::seen, "seen"}}) {
        const reel::Imported r = engine->import_ratings(list, file, said);
        ASSERT_EQ(r.marks.size(), 2u) << file;
        for (const reel::FilmMark& m : r.marks) EXPECT_EQ(m.mark, mark) << file;
        EXPECT_EQ(r.unrated_guess, "") << file;
    }
    // A diary logs a film unrated, then rated: it is rated, and not also marked seen.
    const reel::Imported diary = engine->import_ratings(
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"
        "2024-01-01,Heat,1995,https://boxd.it/a,,,,2024-01-01\n2024-02-01,Heat,1995,https://boxd.it/b,4.5,Yes,,2024-02-01\n",
        "diary.csv");
    EXPECT_EQ(matched(diary), (std::vector<std::pair<int32_t, float>>{{6, 4.5f}}));
    EXPECT_TRUE(diary.marks.empty());
}

TEST_F(LatestSmall, WhatDownloadForLetterboxdWroteImportsBack) {
    const std::vector<reel::ProfileEntry> films = {{1, 5.0f}, {4973, 3.5f}, {6, 0.0f}};  // Heat: seen, not rated
    const std::string csv = engine->letterboxd_csv(films);
    // Its name says "watched", as Letterboxd's own export of seen films does: read back, its unrated
    // films are seen without asking (under a name that says nothing, the engine would ask).
    const reel::Imported r = engine->import_ratings(csv, "reel-letterboxd-watched.csv");
    EXPECT_EQ(r.format, "Letterboxd");
    EXPECT_EQ(r.unrated_guess, "");
    EXPECT_EQ(engine->import_ratings(csv, "films.csv").unrated_guess, "seen");
    EXPECT_EQ(matched(r), (std::vector<std::pair<int32_t, float>>{{1, 5.0f}, {4973, 3.5f}}));
    ASSERT_EQ(r.marks.size(), 1u);
    EXPECT_EQ(r.marks[0].movie_id, 6);
    EXPECT_EQ(r.marks[0].mark, "seen");
    EXPECT_TRUE(r.unmatched.empty());
    // Without an IMDb id it matches as Letterboxd's importer would, by title and year.
    const reel::Imported by_title = engine->import_ratings("Title,Year,imdbID,tmdbID,Rating,WatchedDate\nStar Wars,1977,,,4.5,\n", "x.csv");
    EXPECT_EQ(matched(by_title), (std::vector<std::pair<int32_t, float>>{{260, 4.5f}}));
}

TEST_F(LatestSmall, AnImdbWatchlistsUnratedFilmsAreOnTheWatchlistAndAnotherListsAreNotRatings) {
    const std::string list =
        "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,"
        "Release Date,Directors,Your Rating,Date Rated\n"
        "1,tt0114709,2024-01-01,2024-01-01,,Toy Story,https://www.imdb.com/title/tt0114709/,Movie,8.3,81,1995,Animation,1,1995-11-22,"
        "John Lasseter,,\n"
        "2,tt0133093,2024-01-01,2024-01-01,,The Matrix,https://www.imdb.com/title/tt0133093/,Movie,8.7,136,1999,Action,1,1999-03-31,"
        "Lana Wachowski,9,2024-01-02\n";
    const reel::Imported watchlist = engine->import_ratings(list, "WATCHLIST.csv");
    EXPECT_EQ(matched(watchlist), (std::vector<std::pair<int32_t, float>>{{2571, 4.5f}}));
    ASSERT_EQ(watchlist.marks.size(), 1u);
    EXPECT_EQ(watchlist.marks[0].movie_id, 1);
    EXPECT_EQ(watchlist.marks[0].mark, "watchlist");
    const reel::Imported other = engine->import_ratings(list, "favourites.csv");
    EXPECT_EQ(matched(other), (std::vector<std::pair<int32_t, float>>{{2571, 4.5f}}));
    EXPECT_TRUE(other.marks.empty());
    ASSERT_EQ(other.unmatched.size(), 1u);
    EXPECT_EQ(other.unmatched[0].reason, "not rated (a list of films, not your ratings)");
    EXPECT_EQ(other.unrated_guess, "not rated");
    EXPECT_EQ(watchlist.unrated_guess, "");
    // Said to be films seen, the list's unrated film is marked seen; its rated one stays rated.
    const reel::Imported seen = engine->import_ratings(list, "favourites.csv", reel::Unrated::seen);
    EXPECT_EQ(matched(seen), (std::vector<std::pair<int32_t, float>>{{2571, 4.5f}}));
    ASSERT_EQ(seen.marks.size(), 1u);
    EXPECT_EQ(seen.marks[0].mark, "seen");
    EXPECT_TRUE(seen.unmatched.empty());
    EXPECT_EQ(seen.unrated_guess, "");
    EXPECT_EQ(engine->import_ratings(list, "favourites.csv", reel::Unrated::to_watch).marks.at(0).mark, "watchlist");
    // A ratings export with every film rated guesses nothing.
    EXPECT_EQ(engine->import_ratings(read(kFixtures + "/imdb_ratings.csv"), "imdb_ratings.csv").unrated_guess, "");
}

TEST(ImportUnrated, TheWordsForFilmsWithoutARatingAreSeenAndWatchlist) {
    EXPECT_EQ(reel::unrated_from(""), reel::Unrated::by_name);
    EXPECT_EQ(reel::unrated_from("seen"), reel::Unrated::seen);
    EXPECT_EQ(reel::unrated_from("watchlist"), reel::Unrated::to_watch);
    EXPECT_THROW(reel::unrated_from("to watch"), reel::Error);
}

TEST_F(LatestSmall, ImportsImdbsExportFromBefore2017WithItsOwnColumnNames) {
    // What IMDb exported until 2017: every field quoted, const / You rated / Title type, a film a "Feature Film".
    const std::string old =
        "\"position\",\"const\",\"created\",\"modified\",\"description\",\"Title\",\"Title type\",\"Directors\",\"You rated\","
        "\"IMDb Rating\",\"Runtime (mins)\",\"Year\",\"Genres\",\"Num. Votes\",\"Release Date (month/day/year)\",\"URL\"\n"
        "\"1\",\"tt0114709\",\"Sat Dec 31 00:00:00 2016\",\"\",\"\",\"Toy Story\",\"Feature Film\",\"John Lasseter\",\"9\",\"8.3\","
        "\"81\",\"1995\",\"animation, comedy\",\"600000\",\"1995-11-22\",\"http://www.imdb.com/title/tt0114709/\"\n"
        "\"2\",\"tt0903747\",\"Sat Dec 31 00:00:00 2016\",\"\",\"\",\"Breaking Bad\",\"TV Series\",\"\",\"10\",\"9.5\","
        "\"49\",\"2008\",\"crime, drama\",\"900000\",\"2008-01-20\",\"http://www.imdb.com/title/tt0903747/\"\n"
        "\"3\",\"tt9999999\",\"Sat Dec 31 00:00:00 2016\",\"\",\"\",\"Not Here\",\"Feature Film\",\"\",\"7\",\"7.0\","
        "\"100\",\"2016\",\"drama\",\"1000\",\"2016-05-01\",\"http://www.imdb.com/title/tt9999999/\"\n";
    const reel::Imported r = engine->import_ratings(old, "ratings.csv");
    EXPECT_EQ(r.format, "IMDb");
    EXPECT_EQ(matched(r), (std::vector<std::pair<int32_t, float>>{{1, 4.5f}}));
    ASSERT_EQ(r.unmatched.size(), 2u);
    EXPECT_EQ(r.unmatched[0].reason, "a TV Series, not a film in MovieLens");
    EXPECT_EQ(r.unmatched[1].reason, "not in this MovieLens catalogue");  // a Feature Film is a film
}

TEST_F(LatestSmall, AFileThatIsNeitherExportIsAClearError) {
    try {
        engine->import_ratings("a,b\n1,2\n", "notes.csv");
        FAIL() << "no error";
    } catch (const reel::Error& e) {
        EXPECT_NE(std::string(e.what()).find("notes.csv is neither an IMDb export"), std::string::npos) << e.what();
    }
}

TEST_F(LatestSmall, AZipIsAskedToBeUnzippedNamingTheFilesToChoose) {
    const std::string zip = std::string("PK\x03\x04", 4) + std::string(40, '\0');
    const std::string message = reel_test::error_of([&] { engine->import_ratings(zip, "letterboxd-me-2024.zip"); });
    EXPECT_EQ(message,
              "letterboxd-me-2024.zip is a zip: unzip it and import one of its files, such as ratings.csv, watched.csv or watchlist.csv");
}

TEST_F(LatestSmall, AFileExcelSavedIsReadOrRefusedSayingHowToSaveIt) {
    // Windows-1252, as Excel on Windows saves a CSV: Amélie's é is one byte, and still matches.
    const reel::Imported latin =
        engine->import_ratings("Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Am\xE9lie,2001,https://boxd.it/x,4\n", "ratings.csv");
    EXPECT_EQ(matched(latin), (std::vector<std::pair<int32_t, float>>{{4973, 4.0f}}));
    EXPECT_EQ(reel_test::error_of([&] { engine->import_ratings("Date;Name;Year;Letterboxd URI;Rating\n", "ratings.csv"); }),
              "ratings.csv separates its columns with semicolons: save it again as CSV with commas and import that");
    const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("D\0a\0", 4);  // "Da", little-endian, after its BOM
    EXPECT_EQ(reel_test::error_of([&] { engine->import_ratings(utf16, "ratings.csv"); }),
              "ratings.csv is UTF-16 text: save it again as CSV in UTF-8 (Excel: \"CSV UTF-8\") and import that");
}

TEST_F(LatestSmall, KeepsEveryFilmsImdbAndTmdbIdsInCatalogueOrder) {
    const std::vector<reel::FilmLinks> links = engine->film_links();
    const reel::Catalog& catalog = engine->catalog();
    ASSERT_EQ(links.size(), catalog.size());
    const auto of = [&](int32_t movie_id) { return links[static_cast<size_t>(catalog.index_of(movie_id))]; };
    EXPECT_EQ(of(1).imdb, 114709);  // Toy Story: tt0114709, themoviedb.org/movie/862
    EXPECT_EQ(of(1).tmdb, 862);
    EXPECT_EQ(of(791).imdb, 113610);  // links.csv gives film 791 no tmdbId: it keeps its IMDb id alone
    EXPECT_EQ(of(791).tmdb, 0);
    EXPECT_TRUE(std::all_of(links.begin(), links.end(), [](const reel::FilmLinks& l) { return l.imdb > 0; }));
}

TEST_F(LatestSmall, ImaxIsAFormatTheFacesDoNotOfferAsAGenre) {
    const std::vector<std::string>& tags = engine->catalog().genre_names();
    std::vector<std::string> formats;
    for (const std::string& t : tags)
        if (reel::Engine::is_format(t)) formats.push_back(t);
    EXPECT_EQ(formats, std::vector<std::string>{"IMAX"});  // MovieLens's one format tag; every other tag is a genre
}

TEST(Links, AnEmptyTmdbIdIsNoLinkButAMalformedOneIsAnError) {
    const reel::Links links = reel::parse_links("movieId,imdbId,tmdbId\n1,0114709,862\n2,0113497,\n");
    EXPECT_EQ(links.by_movie.at(2).imdb, 113497);
    EXPECT_EQ(links.by_movie.at(2).tmdb, 0);
    EXPECT_EQ(links.imdb_to_movie.at(114709), 1);
    EXPECT_THROW(reel::parse_links("movieId,imdbId,tmdbId\n1,0114709,x62\n"), reel::Error);
    EXPECT_THROW(reel::parse_links("movieId,imdbId,tmdbId\n1,,862\n"), reel::Error);
}

TEST_F(LatestSmall, StartersAreWellKnownWellLikedFarApartAndFreshOnRequest) {
    const std::vector<int32_t> first = engine->starters(12, {});
    ASSERT_EQ(first.size(), 12u);
    const reel::Catalog& c = engine->data().catalog;
    const reel::TrainIndex& index = engine->train_index();
    std::vector<int32_t> counts;
    for (int32_t f : index.rated_films()) counts.push_back(index.count(f));
    std::sort(counts.rbegin(), counts.rend());
    for (int32_t id : first) EXPECT_GE(index.count(c.index_of(id)), counts[149]) << id;  // among the 150 most rated
    // Far apart: the mean cosine between starters is below that of the 12 most-rated films.
    const reel::Model& m = engine->model(reel::model_choices().neighbours);
    auto mean_cos = [&](const std::vector<int>& films) {
        double sum = 0;
        int n = 0;
        for (size_t a = 0; a < films.size(); ++a)
            for (size_t b = a + 1; b < films.size(); ++b, ++n) {
                const float* x = m.film_vector(films[a]);
                const float* y = m.film_vector(films[b]);
                sum += reel::dot(x, y, m.factors()) / std::sqrt(double(reel::dot(x, x, m.factors())) * reel::dot(y, y, m.factors()));
            }
        return sum / n;
    };
    std::vector<int> starters, popular;
    for (int32_t id : first) starters.push_back(c.index_of(id));
    std::vector<int32_t> by_count = index.rated_films();
    std::stable_sort(by_count.begin(), by_count.end(), [&](int32_t a, int32_t b) { return index.count(a) > index.count(b); });
    popular.assign(by_count.begin(), by_count.begin() + 12);
    EXPECT_LT(mean_cos(starters), mean_cos(popular) - 0.1);
    // A refresh shows none of what was shown.
    const std::vector<int32_t> second = engine->starters(12, first);
    ASSERT_EQ(second.size(), 12u);
    for (int32_t id : second) EXPECT_EQ(std::count(first.begin(), first.end(), id), 0) << id;
}

TEST_F(LatestSmall, LaterStartersAreChosenFromTheRatingsSoFar) {
    // A horror fan's first three ratings: the next twelve are films the model expects them to
    // have seen (so they can rate them), more than the next twelve for anyone, and none they
    // rated or were shown.
    const std::vector<reel::ProfileEntry> horror = {{1258, 5}, {1214, 5}, {1219, 5}};  // The Shining, Alien, Psycho
    const std::vector<int32_t> shown = engine->starters(12, {});
    const std::vector<int32_t> next = engine->starters(12, shown, horror), for_anyone = engine->starters(12, shown);
    ASSERT_EQ(next.size(), 12u);
    EXPECT_NE(next, for_anyone);
    const char* model = reel::model_choices().neighbours;
    auto expected = [&](const std::vector<int32_t>& ids) {
        double sum = 0;
        for (int32_t id : ids) sum += engine->explain_for(horror, id, model).score;
        return sum / static_cast<double>(ids.size());
    };
    EXPECT_GT(expected(next), 1.5 * expected(for_anyone)) << expected(next) << " against " << expected(for_anyone);
    for (int32_t id : next) {
        EXPECT_EQ(std::count(shown.begin(), shown.end(), id), 0) << id;
        for (const reel::ProfileEntry& e : horror) EXPECT_NE(id, e.movie_id);
    }
}

TEST(StarterRounds, StartersThatLearnGatherMoreRatingsAndFindMore) {
    // The new-visitor split, simulated: each round shows twelve, each visitor rates those their profile holds.
    const reel::Engine& e = reel_test::shared(reel_test::Trained::cold);
    const std::string cold = reel_test::cold_split();
    const reel::Visitors profile = e.read_visitors(read(cold + "/profile.csv"), "profile.csv");
    const reel::Visitors hidden = e.read_visitors(read(cold + "/hidden.csv"), "hidden.csv");
    const reel::StarterFigures f = e.evaluate_starters(profile, hidden, 3, reel::kStartersShown);
    ASSERT_EQ(f.fixed.size(), 3u);
    EXPECT_EQ(f.fixed[0].rated, f.adaptive[0].rated);  // the first round is the same for everyone either way
    EXPECT_EQ(f.fixed[0].recall10, f.adaptive[0].recall10);
    for (size_t r = 1; r < 3; ++r) EXPECT_GT(f.adaptive[r].rated, f.fixed[r].rated) << "round " << r + 1;
    EXPECT_GT(f.adaptive[2].recall10, f.fixed[2].recall10);
    EXPECT_GT(f.fixed[2].rated, f.fixed[0].rated);  // the visitors rate more as they are shown more
    // Chosen after each rating, as the page does: the first film looked at is the fixed set's,
    // and a visitor who knows it sees a chosen film next, so the first round already gathers more.
    ASSERT_EQ(f.each.size(), 3u);
    EXPECT_GT(f.each[0].rated, f.fixed[0].rated);
    for (size_t r = 1; r < 3; ++r) EXPECT_GT(f.each[r].rated, f.fixed[r].rated) << "round " << r + 1;
    EXPECT_GT(f.each[2].recall10, f.fixed[2].recall10);
}

TEST_F(LatestSmall, ViewersAreNamedByTheirCountAndFavourite) {
    const std::vector<reel::Viewer> v = engine->viewers();
    ASSERT_EQ(v.size(), 610u);
    EXPECT_EQ(v[0].user_id, 1);
    EXPECT_EQ(v[0].ratings, 232);  // every rating of user 1, train and test
    EXPECT_EQ(v[0].favourite, engine->favourites(1, 1)[0].movie_id);
}

TEST_F(LatestSmall, WithNothingLikedTheListComesFromPopularityAndSaysSo) {
    // One film rated low: the implicit and ranking models have nothing liked to go on.
    const reel::VisitorPicks r = engine->recommend_for({{1, 1.0f}}, 10, "");
    EXPECT_TRUE(r.from_popularity);
    ASSERT_EQ(r.picks.size(), 10u);
    for (size_t p = 1; p < r.picks.size(); ++p) EXPECT_LE(r.picks[p].score, r.picks[p - 1].score);
    for (const auto& p : r.picks) EXPECT_NE(p.movie_id, 1);
    const reel::VisitorPicks liked = engine->recommend_for({{1, 4.5f}}, 10, "");
    EXPECT_FALSE(liked.from_popularity);  // one liked film is already something to go on
    EXPECT_FALSE(liked.picks[0].because.empty());
}

TEST_F(LatestSmall, ARatingsExportReadsBackThroughTheSameReader) {
    // Display titles from the title grammar, the year apart; marks beside the ratings, then the films only marked.
    const std::string csv =
        engine->profile_csv({{50, 4.5f}, {1, 5.0f}, {58, 3.0f}}, {{318, "watchlist"}, {1, "seen"}, {2571, "not interested"}});
    EXPECT_EQ(csv,
              "movieId,title,year,rating,mark\n"
              "50,\"The Usual Suspects\",1995,4.5,\n"
              "1,\"Toy Story\",1995,5,seen\n"
              "58,\"The Postman\",1994,3,\n"
              "318,\"The Shawshank Redemption\",1994,,watchlist\n"
              "2571,\"The Matrix\",1999,,not interested\n");
    const reel::Imported back = engine->import_ratings(csv, "reel-ratings.csv");
    EXPECT_EQ(back.format, "Reel");
    EXPECT_EQ(matched(back), (std::vector<std::pair<int32_t, float>>{{50, 4.5f}, {1, 5.0f}, {58, 3.0f}}));
    std::vector<std::pair<int32_t, std::string>> marks;
    for (const reel::FilmMark& m : back.marks) marks.emplace_back(m.movie_id, m.mark);
    EXPECT_EQ(marks, (std::vector<std::pair<int32_t, std::string>>{{1, "seen"}, {318, "watchlist"}, {2571, "not interested"}}));
    EXPECT_TRUE(back.unmatched.empty());
    EXPECT_THROW(engine->profile_csv({}, {{1, "loved"}}), reel::Error);
    EXPECT_THROW(engine->profile_csv({{1, 4.2f}}), reel::Error);
}

TEST_F(LatestSmall, AnExportFromEarlierReelsAndEveryBadRowOfOneAreReadOrReported) {
    // The export before marks (movieId,title,rating) reads as it is.
    const reel::Imported old = engine->import_ratings("movieId,title,rating\n50,\"Usual Suspects, The (1995)\",4.5\n", "old.csv");
    EXPECT_EQ(matched(old), (std::vector<std::pair<int32_t, float>>{{50, 4.5f}}));
    const reel::Imported r = engine->import_ratings(
        "movieId,title,year,rating,mark\n"
        "abc,\"Heat\",1995,4,\n"
        "6,\"Heat\",1995,4.2,\n"
        "6,\"Heat\",1995,,loved\n"
        "6,\"Heat\",1995,,\n"
        "99999999,\"Nothing\",,4,\n"
        "6,\"Heat\",1995,4,watchlist\n",
        "mine.csv");
    EXPECT_EQ(matched(r), (std::vector<std::pair<int32_t, float>>{{6, 4.0f}}));
    ASSERT_EQ(r.marks.size(), 1u);
    EXPECT_EQ(r.marks[0].line, 7u);
    ASSERT_EQ(r.unmatched.size(), 5u);
    EXPECT_EQ(r.unmatched[0].reason, "movieId 'abc' is not a positive whole number");
    EXPECT_EQ(r.unmatched[0].line, 2u);
    EXPECT_EQ(r.unmatched[1].reason, "rating '4.2' is not a half star from 0.5 to 5");
    EXPECT_EQ(r.unmatched[2].reason, "mark 'loved' is not seen, not interested or watchlist");
    EXPECT_EQ(r.unmatched[3].reason, "neither a rating nor a mark");
    EXPECT_EQ(r.unmatched[4].reason, "not in this MovieLens catalogue");
    EXPECT_EQ(r.unmatched[4].title, "Nothing");
    // A MovieLens ratings.csv has movieId and rating too, but is many people's: not taken for one visitor's.
    EXPECT_THROW(engine->import_ratings("userId,movieId,rating,timestamp\n1,1,4,0\n", "ratings.csv"), reel::Error);
}

TEST_F(LatestSmall, ALetterboxdExportHasTheColumnsItsImporterReads) {
    // Seen but not rated (0 stars) has no rating; a film this catalogue lacks is left out; IMDb ids as tt + seven digits.
    const std::string csv = engine->letterboxd_csv({{318, 5.0f}, {58, 0.0f}, {99999999, 4.0f}, {1, 3.5f}});
    EXPECT_EQ(csv,
              "Title,Year,imdbID,tmdbID,Rating,WatchedDate\n"
              "\"The Shawshank Redemption\",1994,tt0111161,278,5,\n"
              "\"The Postman\",1994,tt0110877,11010,,\n"
              "\"Toy Story\",1995,tt0114709,862,3.5,\n");
    EXPECT_THROW(engine->letterboxd_csv({{1, 7.0f}}), reel::Error);
}

TEST_F(LatestSmall, SearchOffersAnOriginalAndItsRemakeAndFindsSequelsByAnyNumber) {
    // "Old Boy" (2003, the original) and "Oldboy" (2013, the remake): both, the better-supported first.
    const std::vector<int32_t> oldboy = engine->search("oldboy", 8);
    ASSERT_GE(oldboy.size(), 2u);
    EXPECT_EQ((std::vector<int32_t>{oldboy[0], oldboy[1]}), (std::vector<int32_t>{27773, 107314}));
    for (const char* q : {"godfather part 2", "godfather part ii", "godfather 2", "the godfather part two"})
        EXPECT_EQ(engine->search(q, 8).front(), 1221) << q;
    EXPECT_EQ(engine->search("godfather part iii", 8).front(), 2023);
}

TEST_F(LatestSmall, SearchForgivesATypo) {
    EXPECT_EQ(engine->search("pulp fction", 8).front(), 296);
    EXPECT_EQ(engine->search("shawshank redemtion", 8).front(), 318);
    EXPECT_EQ(engine->search("pulp fiction", 8).front(), 296);  // and exact still comes first
}

TEST_F(LatestSmall, AVisitorsModelIsTheRegistrysChoiceForTheirNumberOfRatings) {
    const reel::ModelChoices& c = reel::model_choices();
    std::vector<reel::ProfileEntry> profile;
    for (int32_t id : engine->starters(c.visitors_from + 2, {})) profile.push_back({id, 4.5f});
    const std::vector<reel::ProfileEntry> few(profile.begin(), profile.begin() + static_cast<std::ptrdiff_t>(c.visitors_from - 1));
    EXPECT_STREQ(engine->recommend_for(few, 10, "").model->name, c.first_visitors);
    EXPECT_STREQ(engine->recommend_for(profile, 10, "").model->name, c.visitors);
    EXPECT_STREQ(engine->recommend_for(few, 10, "rating").model->name, "rating");  // unless one is named
}
