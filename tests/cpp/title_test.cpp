// The title grammar on MovieLens's own forms: moved articles, aliases, a.k.a., years.
#include <gtest/gtest.h>

#include "title.hpp"

namespace {
reel::TitleParts p(const char* title) { return reel::parse_title(title); }
}  // namespace

TEST(Title, MovesTheArticleBackAndReadsTheYear) {
    EXPECT_EQ(p("Usual Suspects, The (1995)").name, "The Usual Suspects");
    EXPECT_EQ(p("Usual Suspects, The (1995)").year, 1995);
    EXPECT_EQ(p("Misérables, Les (1995)").name, "Les Misérables");
    EXPECT_EQ(p("Auberge espagnole, L' (2002)").name, "L'Auberge espagnole");
    EXPECT_EQ(p("Rome, Open City (a.k.a. Open City) (Roma, città aperta) (1945)").name, "Rome, Open City");
    EXPECT_EQ(p("Toy Story (1995)").aliases.size(), 0u);
}

TEST(Title, AliasesComeOutInOrderWithoutAka) {
    const auto amelie = p("Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)");
    EXPECT_EQ(amelie.name, "Amélie");  // its accent from the alias, where MovieLens keeps it
    EXPECT_EQ(amelie.aliases, std::vector<std::string>{"Le Fabuleux destin d'Amélie Poulain"});
    const auto leon = p("Léon: The Professional (a.k.a. The Professional) (Léon) (1994)");
    EXPECT_EQ(leon.name, "Léon: The Professional");
    EXPECT_EQ(leon.aliases, (std::vector<std::string>{"The Professional", "Léon"}));
    EXPECT_EQ(p("Postman, The (Postino, Il) (1994)").aliases, std::vector<std::string>{"Il Postino"});
}

TEST(Title, LeavesWhatIsNotAnAliasAlone) {
    EXPECT_EQ(p("(500) Days of Summer (2009)").name, "(500) Days of Summer");
    EXPECT_EQ(p("Death Note: Desu nôto (2006–2007)").year, 2006);
    EXPECT_EQ(p("Death Note: Desu nôto (2006–2007)").name, "Death Note: Desu nôto");
    EXPECT_EQ(p("Cosmos").name, "Cosmos");
    EXPECT_EQ(p("Cosmos").year, 0);
    EXPECT_EQ(p("(Untitled)").name, "(Untitled)");
}

TEST(Title, APlainWordTakesTheAccentsAnAliasSpellsItWith) {
    EXPECT_EQ(p("Ecole (Le temps de l'école) (2000)").name, "École");  // the name's capital stands
    EXPECT_EQ(p("Cafe au lait (Métisse, Café au lait) (1993)").name, "Café au lait");
    EXPECT_EQ(p("A bout de souffle (À bout de souffle) (1960)").name, "A bout de souffle");  // too short to be sure
    EXPECT_EQ(p("Leon (Léon) (1994)").aliases, std::vector<std::string>{"Léon"});
    EXPECT_EQ(p("Toy Story (1995)").name, "Toy Story");
    EXPECT_EQ(p("Heat (Hitze) (1995)").name, "Heat");  // an alias of other words changes nothing
}
