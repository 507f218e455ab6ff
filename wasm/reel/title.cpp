// Peels a title from the end: the year, then each bracketed alias, leaving the main title.
#include "title.hpp"

#include <algorithm>

#include "catalog.hpp"
#include "search.hpp"

namespace reel {

namespace {

// Articles MovieLens moves behind a comma, in the languages its titles use.
const char* const kMovedArticles[] = {"The", "A",   "An",  "Le",  "La",  "Les", "L'",  "Il",  "El",   "Los", "Las",
                                      "Lo",  "Der", "Die", "Das", "Den", "Det", "De",  "Het", "Een",  "O",   "Os",
                                      "As",  "Gli", "I",   "Un",  "Une", "Uno", "Una", "Ein", "Eine", "Ett", "En"};

std::string_view trim_spaces(std::string_view s) {
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

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; }

// The runs of letters of a text (bytes of UTF-8 sequences count as letters): its words, with
// apostrophes and punctuation between them ("d'Amélie" → "d", "Amélie").
std::vector<std::string_view> letter_runs(std::string_view text) {
    std::vector<std::string_view> runs;
    for (size_t p = 0; p < text.size();) {
        if (!letter(text[p])) {
            ++p;
            continue;
        }
        size_t q = p;
        while (q < text.size() && letter(text[q])) ++q;
        runs.push_back(text.substr(p, q - p));
        p = q;
    }
    return runs;
}

bool ascii(std::string_view word) {
    return std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// `other` with the case of `word`'s first letter: "Le Fabuleux destin" may capitalise otherwise
// than the name, and the name's case stands ("ecole" → "École" after "Ecole").
std::string with_case_of(std::string_view word, std::string_view other) {
    std::string out(other);
    const bool upper = word[0] >= 'A' && word[0] <= 'Z';
    if (upper && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    if (!upper && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
    // A Latin-1 small letter (U+00E0–U+00FE but ÷) is its capital 0x20 below, in the same second byte.
    const auto second = static_cast<unsigned char>(out.size() > 1 ? out[1] : 0);
    if (upper && static_cast<unsigned char>(out[0]) == 0xC3 && second >= 0xA0 && second <= 0xBE && second != 0xB7)
        out[1] = static_cast<char>(second - 0x20);
    return out;
}

// MovieLens often writes a main title without its accents and keeps them in an alias: "Amelie
// (Fabuleux destin d'Amélie Poulain, Le)". A plain word of the name that an alias spells with
// accents takes that spelling: "Amélie".
std::string accents_from_aliases(const std::string& name, const std::vector<std::string>& aliases) {
    std::string out;
    size_t from = 0;
    for (const std::string_view word : letter_runs(name)) {
        const size_t at = static_cast<size_t>(word.data() - name.data());
        out.append(name, from, at - from);
        from = at + word.size();
        std::string spelled(word);
        // Words of three letters or more: "A" is not "à".
        if (word.size() >= 3 && ascii(word))
            for (const std::string& alias : aliases)
                for (const std::string_view other : letter_runs(alias))
                    if (!ascii(other) && fold(other) == fold(word)) spelled = with_case_of(word, other);
        out += spelled;
    }
    out.append(name, from, std::string::npos);
    return out;
}

}  // namespace

std::string article_in_front(std::string_view title) {
    title = trim_spaces(title);
    const size_t comma = title.rfind(", ");
    if (comma == std::string_view::npos) return std::string(title);
    const std::string_view article = title.substr(comma + 2);
    if (std::find(std::begin(kMovedArticles), std::end(kMovedArticles), article) == std::end(kMovedArticles)) return std::string(title);
    const bool joined = article.back() == '\'';  // "L'Auberge", not "L' Auberge"
    return std::string(article) + (joined ? "" : " ") + std::string(title.substr(0, comma));
}

TitleParts parse_title(std::string_view title) {
    TitleParts parts;
    std::string_view rest = trim_spaces(title);
    parts.year = parse_year(rest);
    if (parts.year != 0) rest = trim_spaces(rest.substr(0, opening_of_last_group(rest)));
    std::vector<std::string> aliases;
    for (size_t open; (open = opening_of_last_group(rest)) != std::string_view::npos && open > 0 && rest[open - 1] == ' ';) {
        std::string_view alias = trim_spaces(rest.substr(open + 1, rest.size() - open - 2));
        if (alias.substr(0, 7) == "a.k.a. ") alias.remove_prefix(7);
        if (!alias.empty()) aliases.push_back(article_in_front(alias));
        rest = trim_spaces(rest.substr(0, open));
    }
    parts.aliases.assign(aliases.rbegin(), aliases.rend());  // in the order the title gives them
    parts.name = accents_from_aliases(article_in_front(rest.empty() ? trim_spaces(title) : rest), parts.aliases);
    return parts;
}

}  // namespace reel
