// Title search: case, accents, moved articles, missing years, popularity among equals.
#include <gtest/gtest.h>

#include "error.hpp"
#include "search.hpp"

namespace {
const char* kMovies =
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

struct Fixture {
    reel::Catalog catalog = reel::Catalog::parse(kMovies);
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
    Fixture f;
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
    Fixture f;
    // "story": starts no title but sits inside "Toy Story" (popular) and "Toy Story 2"; starts
    // "Story of Us, The" as written.
    EXPECT_EQ(f.ids("story"), (std::vector<int>{9, 1, 2}));
    EXPECT_EQ(f.ids("heat"), (std::vector<int>{5, 6}));  // both exact: the more popular first
}

TEST(Search, ResolveNamesOneFilmOrSaysWhy) {
    Fixture f;
    EXPECT_EQ(f.catalog.film(f.search.resolve("Heat (1995)", f.popularity)).movie_id, 5);
    EXPECT_EQ(f.catalog.film(f.search.resolve("heat 1986", f.popularity)).movie_id, 6);
    EXPECT_EQ(f.catalog.film(f.search.resolve("the usual suspects", f.popularity)).movie_id, 3);
    EXPECT_EQ(f.catalog.film(f.search.resolve("toy story", f.popularity)).movie_id, 1);
    EXPECT_EQ(f.resolve_error("heat"), "'heat' names 2 films; add the year:\n  Heat (1995)\n  Heat (1986)");
    EXPECT_EQ(f.resolve_error("nothing like it"), "no film matches 'nothing like it'");
    EXPECT_EQ(f.resolve_error("toy"), "no film is titled 'toy'; did you mean:\n  Toy Story (1995)\n  Toy Story 2 (1999)");
}
