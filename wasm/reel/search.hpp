// Title search forgiving of case, accents, MovieLens's moved articles and missing years, of
// spacing ("oldboy" finds both "Oldboy" and "Old Boy"), of how a sequel is numbered ("part 2",
// "part ii", "2", "two"), of typos, and taking a title's initials for it ("lotr").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace reel {

// Lower-case ASCII words: accents dropped ("Amélie" → "amelie"), punctuation to spaces.
std::string fold(std::string_view text);
// fold's words, one string each.
std::vector<std::string> words_of(std::string_view folded);

// Folded words with a sequel's number one way: Roman numerals and number words as digits, and
// "part" dropped before one ("godfather part ii" → "godfather 2"). Unchanged when none is there.
std::vector<std::string> numbered(const std::vector<std::string>& words);

struct TitleMatch {
    int film;  // catalog index
    int tier;  // 0 exact title, 1 starts the title, 2 a run of words inside it, 3 words anywhere;
               // only when 0–3 find nothing: 4 the first letters of its words ("lotr", "bttf"),
               // 5 words anywhere with a typo or two ("pulp fction")
};

class TitleSearch {
public:
    // A query's words are checked against every title, so their number bounds the work. The
    // longest MovieLens title is 31 words and its year, so any real title can be typed in full;
    // a longer query is refused rather than cut, which would widen the matches without saying so.
    static constexpr size_t kMaxWords = 32;
    static constexpr size_t kMaxTypoWords = 8;  // words of a query looked at with typos forgiven
    // A one-word query this long or longer may be a title's initials: shorter ones ("hp") start
    // too many titles' initials to say which film is meant.
    static constexpr size_t kMinAcronym = 3;

    TitleSearch() = default;
    explicit TitleSearch(const Catalog& catalog);

    // Best matches first: by tier, then by `popularity` (higher first), then by movieId. Throws
    // reel::Error for a query of more than kMaxWords words. `comparisons`, when given, receives
    // how many word comparisons it took: what tests bound instead of a time.
    std::vector<TitleMatch> find(std::string_view query, size_t limit, const std::vector<int32_t>& popularity,
                                 size_t* comparisons = nullptr) const;

    // The one film a title names, e.g. "heat (1995)", "the usual suspects", "amelie"; throws
    // reel::Error listing candidates when it names none or several.
    int resolve(std::string_view title, const std::vector<int32_t>& popularity) const;

private:
    struct Key {
        std::vector<std::string> words;  // the title's words, without the year
        std::string year;                // "" when the title has none
        std::string year_end;            // "2007" of "(2006–2007)", else empty
        uint32_t initials = 0;           // a bit per first letter of its words: a cheap first filter
        std::string joined;              // the words with no spaces: "Old Boy" is "oldboy"
        std::string acronym;             // the first letter of each word: "Back to the Future" is "bttf"
    };
    // A query as the keys are compared with it: its words, without repeats (`distinct`: "every
    // word somewhere" needs each only once), and its words joined with the last 0, 1 or 2 left
    // out (a year, or a span of years, that ends it).
    struct Query {
        std::vector<std::string> words, distinct;
        std::string joined[3];
        uint32_t initials = 0;
    };
    static Query query_of(std::vector<std::string> words);
    static Key key_of(std::vector<std::string> words, std::string year, std::string year_end);
    int tier_of(const Query& query, const Key& key, size_t& comparisons) const;
    // Every word of `distinct` starts a title word or is a typo or two away from one (`last`,
    // the word still being typed, may also be a typo of a title word's start).
    bool near_match(const std::vector<std::string>& distinct, const std::string& last, const Key& key, size_t& comparisons) const;

    const Catalog* catalog_ = nullptr;
    std::vector<std::vector<Key>> keys_;  // per film: the title as written and with its article moved to the front
};

}  // namespace reel
