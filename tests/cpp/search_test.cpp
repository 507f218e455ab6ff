// Title search: case, accents, moved articles, missing years, popularity among equals.
#include <gtest/gtest.h>

#include "error.hpp"
#include "search.hpp"

namespace {
const char* kSearchMovies =
    "movieId,title,genres\n"
    "1,Toy Story (1995),Animation\n"
    "2,Toy Story 2 (1999),Animation\n"
    "3,\"Usual Suspects, The (1995)\",Crime\n"
    "4,\"Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)\",Comedy\n"
    "5,Heat (1995),Action\n"
    "6,Heat (1986),Action\n"
    "7,Schindler's List (1993),Drama\n"
    "8,Babylon 5,Sci-Fi\n"
    "9,\"Story of Us, The (1999)\",Comedy\n";

struct SearchFixture {
    reel::Catalog catalog = reel::Catalog::parse(kSearchMovies);
    reel::TitleSearch search{catalog};
    std::vector<int32_t> popularity = {50, 20, 30, 10, 40, 2, 5, 1, 3};
    std::vector<int> ids(std::string_view q) const {
        std::vector<int> out;
        for (const auto& m : search.find(q, 10, popularity)) out.push_back(catalog.film(m.film).movie_id);
        return out;
    }
    std::string resolve_error(std::string_view q) const {
        try {
            search.resolve(q, popularity);
        } catch (const reel::Error& e) {
            return e.what();
        }
        return "";
    }
};
}  // namespace

TEST(Search, FoldDropsAccentsCaseAndPunctuation) {
    EXPECT_EQ(reel::fold("Amélie: LE Fabuleux—destin!"), "amelie le fabuleux destin");
    EXPECT_EQ(reel::fold("Schindler's List"), "schindlers list");
    EXPECT_EQ(reel::fold("Crème Brûlée, Œuvre"), "creme brulee oeuvre");
}

TEST(Search, ForgivingMatches) {
    SearchFixture f;
    EXPECT_EQ(f.ids("toy sto"), (std::vector<int>{1, 2}));
    EXPECT_EQ(f.ids("TOY STORY 2"), (std::vector<int>{2}));
    EXPECT_EQ(f.ids("the usual suspects")[0], 3);
    EXPECT_EQ(f.ids("usual suspects, the")[0], 3);
    EXPECT_EQ(f.ids("amelie")[0], 4);
    EXPECT_EQ(f.ids("AMÉLIE")[0], 4);
    EXPECT_EQ(f.ids("schindler")[0], 7);
    EXPECT_EQ(f.ids("babylon 5"), (std::vector<int>{8}));
    EXPECT_TRUE(f.ids("zzz").empty());
    EXPECT_TRUE(f.ids("  ").empty());
}

TEST(Search, ExactBeforePrefixBeforeInsideThenPopularity) {
    SearchFixture f;
    // "story": starts no title but sits inside "Toy Story" (popular) and "Toy Story 2"; starts
    // "Story of Us, The" as written.
    EXPECT_EQ(f.ids("story"), (std::vector<int>{9, 1, 2}));
    EXPECT_EQ(f.ids("heat"), (std::vector<int>{5, 6}));  // both exact: the more popular first
}

TEST(Search, ResolveNamesOneFilmOrSaysWhy) {
    SearchFixture f;
    EXPECT_EQ(f.catalog.film(f.search.resolve("Heat (1995)", f.popularity)).movie_id, 5);
    EXPECT_EQ(f.catalog.film(f.search.resolve("heat 1986", f.popularity)).movie_id, 6);
    EXPECT_EQ(f.catalog.film(f.search.resolve("the usual suspects", f.popularity)).movie_id, 3);
    EXPECT_EQ(f.catalog.film(f.search.resolve("toy story", f.popularity)).movie_id, 1);
    EXPECT_EQ(f.resolve_error("heat"), "'heat' names 2 films; add the year:\n  Heat (1995)\n  Heat (1986)");
    EXPECT_EQ(f.resolve_error("nothing like it"), "no film matches 'nothing like it'");
    EXPECT_EQ(f.resolve_error("toy"), "no film is titled 'toy'; did you mean:\n  Toy Story (1995)\n  Toy Story 2 (1999)");
}

namespace {
// 300 titles whose every word starts with "a", so the first-letter filter lets each through.
struct AllA {
    std::string csv = [] {
        std::string s = "movieId,title\n";
        for (int i = 1; i <= 300; ++i) s += std::to_string(i) + ",Aa Ab Ac Ad Ae Af Ag Ah (" + std::to_string(1900 + i % 100) + ")\n";
        return s;
    }();
    reel::Catalog catalog = reel::Catalog::parse(csv);
    reel::TitleSearch search{catalog};
    size_t work(const std::string& query) const {
        size_t comparisons = 0;
        search.find(query, 10, {}, &comparisons);
        return comparisons;
    }
};
std::string words(const std::string& word, size_t count, size_t bytes) {
    std::string q;
    for (size_t w = 0; w < count; ++w) q += (w ? " " : "") + word;
    q.resize(bytes, ' ');
    return q;
}
}  // namespace

TEST(Search, AQueryOfMoreThan32WordsIsRefusedNotCut) {
    AllA f;
    const std::string many = words("a", 100, 200);  // as many words as 200 bytes hold
    try {
        f.search.find(many, 10, {});
        FAIL() << "a 100-word query was answered";
    } catch (const reel::Error& e) {
        EXPECT_STREQ(e.what(), "a search holds at most 32 words, not 100");
    }
    EXPECT_EQ(f.search.find(words("a", 32, 200), 10, {}).size(), 10u);
}

// The work a query costs is bounded by the titles, not by its length: each title is compared
// with each distinct query word once. Before the cap and the deduplication, 32 repeats of "a"
// cost 32 times one "a" (and a 200-byte query of 100 one-letter words, 9 ms on MovieLens).
TEST(Search, RepeatingAWordCostsNoMoreWork) {
    AllA f;
    const size_t one = f.work("a");
    ASSERT_GE(one, 300u);  // each title is looked at
    const size_t repeated = f.work(words("a", 32, 200));
    EXPECT_LE(repeated, one + 2 * 300) << "one 'a': " << one << " comparisons";
    // Nine distinct words, each a prefix in every title: per title, the year check and at most
    // one pass over its year and 8 words for each distinct word, however often it repeats.
    const size_t distinct = f.work("a aa ab ac ad ae af ag ah a aa ab ac ad ae af ag ah a aa ab ac ad ae af ag ah a aa ab ac ad");
    EXPECT_LE(distinct, 300u * (1 + 9 * (1 + 8)));
}

// A title ending in a span of years was found by neither its full title nor "… 2006 2007":
// the second year was taken for a word of the title.
TEST(Search, ATitleWithASpanOfYearsIsFoundByItsFullTitle) {
    const reel::Catalog catalog = reel::Catalog::parse(
        "movieId,title\n"
        "1,Death Note: Desu n\xC3\xB4to (2006\xE2\x80\x93"
        "2007)\n"
        "2,Death Note (2006)\n");
    const reel::TitleSearch search(catalog);
    EXPECT_EQ(search.resolve("Death Note: Desu n\xC3\xB4to (2006\xE2\x80\x93"
                             "2007)",
                             {}),
              0);
    EXPECT_EQ(search.resolve("death note desu noto 2006-2007", {}), 0);
    EXPECT_EQ(search.resolve("death note desu noto 2006", {}), 0);
    EXPECT_EQ(search.resolve("death note 2006", {}), 1);
    EXPECT_EQ(search.find("desu 2007", 10, {}).size(), 1u);
}

// "Emma (1996)" is two MovieLens films: asking for the year it already has helps nobody.
TEST(Search, TwoFilmsOfOneTitleAreNamedByTheirIds) {
    const reel::Catalog catalog = reel::Catalog::parse("movieId,title\n838,Emma (1996)\n1900,Emma (1996)\n5,Emma (2020)\n");
    const reel::TitleSearch search(catalog);
    try {
        search.resolve("Emma (1996)", {});
        FAIL();
    } catch (const reel::Error& e) {
        EXPECT_STREQ(e.what(), "'Emma (1996)' names 2 films of the same title (movieIds 838, 1900)");
    }
}

TEST(Search, HugeTitlesInACandidateListAreCut) {
    const std::string huge(100000, 'x');
    const reel::Catalog catalog = reel::Catalog::parse("movieId,title\n1,Toy " + huge + "\n2,Toy " + huge + " 2\n");
    const reel::TitleSearch search(catalog);
    try {
        search.resolve("toy", {});
        FAIL();
    } catch (const reel::Error& e) {
        EXPECT_LT(std::string(e.what()).size(), 600u);
    }
}

TEST(Search, ATypoOrTwoIsForgivenWhenNothingMatchesAsTyped) {
    SearchFixture f;
    EXPECT_EQ(f.ids("usual suspetcs"), std::vector<int>{3});  // a swap
    EXPECT_EQ(f.ids("schindlrs list"), std::vector<int>{7});  // a letter missing
    EXPECT_EQ(f.ids("amelei"), std::vector<int>{4});          // a swap in the word being typed
    EXPECT_EQ(f.ids("the usaul"), std::vector<int>{3});       // an unfinished word with a swap
    EXPECT_TRUE(f.ids("hat").empty());                        // three letters: too short to guess
    EXPECT_TRUE(f.ids("hexagon").empty());                    // nothing near
    // A query that matches as typed gets no typo matches: "story" finds its three films only.
    for (const auto& m : f.search.find("story", 10, f.popularity)) EXPECT_LT(m.tier, 4);
    EXPECT_EQ(f.search.resolve("schindlers lsit", f.popularity), f.catalog.index_of(7));
}

namespace {
struct Sequels {
    reel::Catalog catalog = reel::Catalog::parse(
        "movieId,title,genres\n"
        "1,Oldboy (2013),Action\n"
        "2,Old Boy (2003),Thriller\n"
        "3,\"Godfather, The (1972)\",Crime\n"
        "4,\"Godfather: Part II, The (1974)\",Crime\n"
        "5,\"Godfather: Part III, The (1990)\",Crime\n"
        "6,Rocky V (1990),Drama\n"
        "7,V for Vendetta (2006),Action\n"
        "8,Spider-Man (2002),Action\n"
        "9,Two Weeks Notice (2002),Comedy\n");
    reel::TitleSearch search{catalog};
    std::vector<int32_t> popularity = {5, 40, 100, 80, 30, 10, 60, 50, 20};
    std::vector<int> ids(std::string_view q) const {
        std::vector<int> out;
        for (const auto& m : search.find(q, 10, popularity)) out.push_back(catalog.film(m.film).movie_id);
        return out;
    }
};
}  // namespace

TEST(Search, AnOriginalAndItsRemakeAreBothFoundHoweverSpacedTheBetterSupportedFirst) {
    Sequels f;
    EXPECT_EQ(f.ids("oldboy"), (std::vector<int>{2, 1}));   // "Old Boy" (2003), more rated, before "Oldboy" (2013)
    EXPECT_EQ(f.ids("old boy"), (std::vector<int>{2, 1}));  // and the other way round
    EXPECT_EQ(f.ids("oldb"), (std::vector<int>{2, 1}));     // while still typing
    EXPECT_EQ(f.ids("oldboy 2013"), (std::vector<int>{1}));
    EXPECT_EQ(f.ids("spiderman"), (std::vector<int>{8}));
}

TEST(Search, ASequelIsFoundByItsNumberInDigitsNumeralsOrWords) {
    Sequels f;
    for (const char* q :
         {"godfather part 2", "godfather part ii", "the godfather part ii", "godfather 2", "godfather part two", "Godfather: Part II"})
        EXPECT_EQ(f.ids(q).at(0), 4) << q;
    EXPECT_EQ(f.ids("godfather part 3").at(0), 5);
    EXPECT_EQ(f.ids("rocky 5"), (std::vector<int>{6}));
    EXPECT_EQ(f.ids("rocky v"), (std::vector<int>{6}));
    // Numerals are words of their own titles too: V for Vendetta and Two Weeks Notice still found as typed.
    EXPECT_EQ(f.ids("v for vendetta").at(0), 7);
    EXPECT_EQ(f.ids("tw").at(0), 9);
    EXPECT_EQ(f.ids("two weeks").at(0), 9);
    EXPECT_EQ(reel::numbered({"godfather", "part", "ii"}), (std::vector<std::string>{"godfather", "2"}));
    EXPECT_EQ(reel::numbered({"toy", "story"}), (std::vector<std::string>{"toy", "story"}));
}

TEST(Search, AWordOfATitlesInitialsFindsItWhenNoTitleHasThatWord) {
    const reel::Catalog catalog = reel::Catalog::parse(
        "movieId,title,genres\n"
        "1,\"Lord of the Rings: The Fellowship of the Ring, The (2001)\",Fantasy\n"
        "2,\"Lord of the Rings: The Two Towers, The (2002)\",Fantasy\n"
        "3,\"Lord of the Rings, The (1978)\",Animation\n"
        "4,\"Hunchback of Notre Dame, The (1996)\",Animation\n"
        "5,Lord of War (2005),Action\n"
        "6,Back to the Future (1985),Comedy\n"
        "7,Back to the Future Part II (1989),Comedy\n"
        "8,Toy Story 2 (1999),Animation\n");
    const reel::TitleSearch search{catalog};
    const std::vector<int32_t> popularity = {90, 80, 5, 30, 20, 70, 40, 60};
    auto found = [&](std::string_view q) {
        std::vector<std::pair<int, int>> out;  // (movieId, tier)
        for (const auto& m : search.find(q, 10, popularity)) out.emplace_back(catalog.film(m.film).movie_id, m.tier);
        return out;
    };
    using Found = std::vector<std::pair<int, int>>;
    // The trilogy's initials, the better rated first; then, a tier below, what a typo or two
    // makes of the word ("lotr" is two edits from "notre"); never Lord of War ("low").
    EXPECT_EQ(found("lotr"), (Found{{1, 4}, {2, 4}, {3, 4}, {4, 5}}));
    EXPECT_EQ(found("LOTR").at(0), (std::pair<int, int>{1, 4}));
    EXPECT_EQ(found("tlotr").at(0), (std::pair<int, int>{1, 4}));  // with its article in front
    EXPECT_EQ(found("lotrtfotr"), (Found{{1, 4}}));
    EXPECT_EQ(found("bttf"), (Found{{6, 4}, {7, 4}}));
    EXPECT_EQ(found("bttfp"), (Found{{7, 4}}));  // Part II's initials go on
    EXPECT_EQ(found("ts2"), (Found{{8, 4}}));    // a sequel's number is a word of its own
    // A word some title has is that title's, not initials: "lord" is four films' word.
    EXPECT_EQ(found("lord"), (Found{{1, 1}, {2, 1}, {5, 1}, {3, 1}}));
    // Two letters begin too many titles' initials: "lw" is nothing, not Lord of War.
    EXPECT_TRUE(found("lw").empty());
    // Initials are one word: "lotr 2001" is no film's initials, nor a typo of any title's words.
    EXPECT_TRUE(found("lotr 2001").empty());
}
