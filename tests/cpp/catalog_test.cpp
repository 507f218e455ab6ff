// movies.csv: titles kept as shown, years parsed, genres as bits, ids checked.
#include <gtest/gtest.h>

#include <cstring>

#include "catalog.hpp"
#include "error.hpp"

using reel::Catalog;

TEST(Catalog, YearsFromTheEndOfTheTitle) {
    EXPECT_EQ(reel::parse_year("Toy Story (1995)"), 1995);
    EXPECT_EQ(reel::parse_year("Babylon 5"), 0);
    EXPECT_EQ(reel::parse_year("Death Note: Desu nôto (2006\xE2\x80\x93"
                               "2007)"),
              2006);
    EXPECT_EQ(reel::parse_year("Ready Player One"), 0);
    EXPECT_EQ(reel::parse_year("Hamlet (Hamlet) (2000) "), 2000);
    EXPECT_EQ(reel::parse_year("Nineteen Eighty-Four (1984 film)"), 0);
    EXPECT_EQ(reel::parse_year("Blade Runner 2049"), 0);
}

TEST(Catalog, ParsesTitlesGenresAndSortsById) {
    const Catalog c = Catalog::parse(
        "movieId,title,genres\n"
        "50,\"Usual Suspects, The (1995)\",Crime|Mystery|Thriller\n"
        "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n"
        "7,Untitled,(no genres listed)\n");
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c.film(0).movie_id, 1);
    EXPECT_EQ(c.film(2).title, "Usual Suspects, The (1995)");
    EXPECT_EQ(c.film(2).year, 1995);
    EXPECT_EQ(c.index_of(50), 2);
    EXPECT_EQ(c.index_of(51), -1);
    EXPECT_EQ(c.film(1).genres, 0u);
    const auto& names = c.genre_names();
    ASSERT_EQ(names.size(), 8u);
    EXPECT_EQ(names[0], "Crime");
    EXPECT_EQ(c.film(2).genres, 0b111u);
    EXPECT_EQ(__builtin_popcount(c.film(0).genres), 5);
}

TEST(Catalog, BadRowsNameFileLineAndValue) {
    auto error_of = [](std::string_view text) {
        try {
            Catalog::parse(text);
        } catch (const reel::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_EQ(error_of("movieId,title,genres\n1,A (1990),Drama\nx1,B,Drama\n"),
              "movies.csv line 3: movieId 'x1' is not a positive whole number");
    EXPECT_EQ(error_of("movieId,title,genres\n1,A (1990),Drama\n1,B,Drama\n"), "movies.csv line 3: movieId 1 appears twice");
    EXPECT_EQ(error_of("movieId,genres\n1,Drama\n"), "movies.csv line 1: no 'title' column in the header (found: 'movieId', 'genres')");
}

namespace {
std::string catalog_error(const std::string& text) {
    try {
        Catalog::parse(text);
    } catch (const reel::Error& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(Catalog, ValuesInMessagesAreQuotedCutAndEscaped) {
    using namespace std::string_literals;
    const std::string nul = catalog_error("movieId,title\n1\0,A\n"s);
    EXPECT_EQ(nul, "movies.csv line 2: movieId '1\\0' is not a positive whole number");
    EXPECT_EQ(std::strlen(nul.c_str()), nul.size());
    const std::string huge = catalog_error("movieId,title\n" + std::string(50'000'000, '7') + "x,A\n");
    EXPECT_EQ(huge, "movies.csv line 2: movieId '" + std::string(60, '7') + "…' is not a positive whole number");
}

TEST(Catalog, TitlesAndGenresWithControlCharactersAreRefused) {
    // A title is printed on one line and listed in messages: a newline or NUL would break both.
    using namespace std::string_literals;
    EXPECT_EQ(catalog_error("movieId,title\n5,\"Two\nLines\"\n"),
              "movies.csv line 2: the title of movieId 5, 'Two\\nLines', holds a control character");
    EXPECT_EQ(catalog_error("movieId,title\n5,Nul\0Here\n"s),
              "movies.csv line 2: the title of movieId 5, 'Nul\\0Here', holds a control character");
    EXPECT_EQ(catalog_error("movieId,title,genres\n5,Fine (1990),Drama|Bell\x07\n"),
              "movies.csv line 2: genre 'Bell\\x07' holds a control character");
    EXPECT_EQ(catalog_error("movieId,title\n5,A\tB\n"), "movies.csv line 2: the title of movieId 5, 'A\\tB', holds a control character");
}
