// Peels a title from the end: the year, then each bracketed alias, leaving the main title.
#include "title.hpp"

#include <algorithm>

#include "catalog.hpp"

namespace reel {

namespace {

// Articles MovieLens moves behind a comma, in the languages its titles use.
const char* const kArticles[] = {"The", "A",   "An",  "Le",  "La",  "Les", "L'",  "Il",  "El",   "Los", "Las",
                                 "Lo",  "Der", "Die", "Das", "Den", "Det", "De",  "Het", "Een",  "O",   "Os",
                                 "As",  "Gli", "I",   "Un",  "Une", "Uno", "Una", "Ein", "Eine", "Ett", "En"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    return s;
}

// Where the "(" that opens the group ending at the last byte stands, or npos.
size_t opening_of_last_group(std::string_view s) {
    if (s.empty() || s.back() != ')') return std::string_view::npos;
    int depth = 0;
    for (size_t p = s.size(); p-- > 0;) {
        if (s[p] == ')')
            ++depth;
        else if (s[p] == '(' && --depth == 0)
            return p;
    }
    return std::string_view::npos;
}

}  // namespace

std::string article_in_front(std::string_view title) {
    title = trim(title);
    const size_t comma = title.rfind(", ");
    if (comma == std::string_view::npos) return std::string(title);
    const std::string_view article = title.substr(comma + 2);
    if (std::find(std::begin(kArticles), std::end(kArticles), article) == std::end(kArticles)) return std::string(title);
    const bool joined = article.back() == '\'';  // "L'Auberge", not "L' Auberge"
    return std::string(article) + (joined ? "" : " ") + std::string(title.substr(0, comma));
}

TitleParts parse_title(std::string_view title) {
    TitleParts parts;
    std::string_view rest = trim(title);
    parts.year = parse_year(rest);
    if (parts.year != 0) rest = trim(rest.substr(0, opening_of_last_group(rest)));
    std::vector<std::string> aliases;
    for (size_t open; (open = opening_of_last_group(rest)) != std::string_view::npos && open > 0 && rest[open - 1] == ' ';) {
        std::string_view alias = trim(rest.substr(open + 1, rest.size() - open - 2));
        if (alias.substr(0, 7) == "a.k.a. ") alias.remove_prefix(7);
        if (!alias.empty()) aliases.push_back(article_in_front(alias));
        rest = trim(rest.substr(0, open));
    }
    parts.name = article_in_front(rest.empty() ? trim(title) : rest);
    parts.aliases.assign(aliases.rbegin(), aliases.rend());  // in the order the title gives them
    return parts;
}

}  // namespace reel
