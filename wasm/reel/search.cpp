// Each title becomes word lists (as written, and with ", The" moved back to the front, each also
// with its sequel number as digits); a query matches when its words, the last possibly unfinished,
// line up with a title's, or when they spell it with other spacing. When none does, a one-word
// query may be a title's initials, and every query is tried again with a typo or two forgiven.
#include "search.hpp"

#include <algorithm>
#include <array>

#include "error.hpp"

namespace reel {

namespace {

// ASCII spellings of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A).
constexpr std::array<const char*, 0x180 - 0xC0> kFolded = {
    "a", "a", "a",  "a",  "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i",  "i", "d", "n", "o",  "o",  "o", "o", "o", " ",
    "o", "u", "u",  "u",  "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e",  "e",  "i", "i", "i", "i",
    "d", "n", "o",  "o",  "o", "o", "o",  " ",  "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a",  "a",  "a", "a", "c", "c",
    "c", "c", "c",  "c",  "c", "c", "d",  "d",  "d", "d", "e", "e", "e", "e", "e",  "e", "e", "e", "e",  "e",  "g", "g", "g", "g",
    "g", "g", "g",  "g",  "h", "h", "h",  "h",  "i", "i", "i", "i", "i", "i", "i",  "i", "i", "i", "ij", "ij", "j", "j", "k", "k",
    "k", "l", "l",  "l",  "l", "l", "l",  "l",  "l", "l", "l", "n", "n", "n", "n",  "n", "n", "n", "n",  "n",  "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r",  "r",  "r", "r", "s", "s", "s", "s", "s",  "s", "s", "s", "t",  "t",  "t", "t", "t", "t",
    "u", "u", "u",  "u",  "u", "u", "u",  "u",  "u", "u", "u", "u", "w", "w", "y",  "y", "y", "z", "z",  "z",  "z", "z", "z", "s",
};

const char* const kFoldedArticles[] = {"the", "a",   "an",  "les", "la", "le", "l",  "il",  "el", "los", "las", "der",
                                       "die", "das", "den", "det", "lo", "o",  "os", "gli", "i",  "un",  "une"};

// One bit per letter (and one shared by the digits) that starts a word.
uint32_t initials_of(const std::vector<std::string>& words, const std::string& year) {
    uint32_t bits = year.empty() ? 0 : 1u << 26;
    for (const std::string& w : words) bits |= w[0] >= 'a' ? 1u << (w[0] - 'a') : 1u << 26;
    return bits;
}

bool starts_with(const std::string& word, const std::string& prefix) { return word.compare(0, prefix.size(), prefix) == 0; }

// Roman numerals and number words to ten, as the digits a sequel may be typed with.
const char* const kNumbers[][2] = {{"i", "1"},   {"ii", "2"},    {"iii", "3"},   {"iv", "4"},   {"v", "5"},
                                   {"vi", "6"},  {"vii", "7"},   {"viii", "8"},  {"ix", "9"},   {"x", "10"},
                                   {"one", "1"}, {"two", "2"},   {"three", "3"}, {"four", "4"}, {"five", "5"},
                                   {"six", "6"}, {"seven", "7"}, {"eight", "8"}, {"nine", "9"}, {"ten", "10"}};

bool is_digits(const std::string& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> words_of(std::string_view folded) {
    std::vector<std::string> words;
    size_t p = 0;
    while (p < folded.size()) {
        const size_t q = folded.find(' ', p);
        const size_t end = q == std::string_view::npos ? folded.size() : q;
        if (end > p) words.emplace_back(folded.substr(p, end - p));
        p = end + 1;
    }
    return words;
}

std::vector<std::string> numbered(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const std::string& w : words) {
        std::string d = w;
        for (const auto& n : kNumbers)
            if (w == n[0]) d = n[1];
        // "Part II" and "2" name the same sequel: the word "part" (or "pt") before a number goes.
        if (is_digits(d) && !out.empty() && (out.back() == "part" || out.back() == "pt")) out.pop_back();
        out.push_back(std::move(d));
    }
    return out;
}

TitleSearch::Key TitleSearch::key_of(std::vector<std::string> words, std::string year, std::string year_end) {
    Key key{std::move(words), std::move(year), std::move(year_end), 0, "", ""};
    key.initials = initials_of(key.words, key.year);
    for (const std::string& w : key.words) key.joined += w, key.acronym += w[0];
    return key;
}

TitleSearch::Query TitleSearch::query_of(std::vector<std::string> words) {
    Query q;
    q.words = std::move(words);
    for (const std::string& w : q.words)
        if (std::find(q.distinct.begin(), q.distinct.end(), w) == q.distinct.end()) q.distinct.push_back(w);
    for (size_t years = 0; years < 3; ++years)
        for (size_t w = 0; w + years < q.words.size(); ++w) q.joined[years] += q.words[w];
    q.initials = initials_of(q.words, "");
    return q;
}

std::string fold(std::string_view text) {
    std::string out;
    auto space = [&] {
        if (!out.empty() && out.back() != ' ') out += ' ';
    };
    for (size_t p = 0; p < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[p]);
        if (c < 0x80) {
            // An apostrophe joins ("Schindler's" → "schindlers"), so "schindler" still finds it.
            if (c == '\'') {
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out += static_cast<char>(c);
            else if (c >= 'A' && c <= 'Z')
                out += static_cast<char>(c - 'A' + 'a');
            else
                space();
            ++p;
            continue;
        }
        // Decode one UTF-8 sequence; anything outside the table (or malformed) separates words.
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        uint32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k) {
            const unsigned char d = p + k < text.size() ? static_cast<unsigned char>(text[p + k]) : 0;
            if ((d & 0xC0) != 0x80) {
                len = k;
                cp = 0;
                break;
            }
            cp = (cp << 6) | (d & 0x3F);
        }
        p += static_cast<size_t>(len);
        if (cp == 0x2019) continue;  // a typographic apostrophe joins too
        if (cp >= 0xC0 && cp < 0x180 && kFolded[cp - 0xC0][0] != ' ')
            out += kFolded[cp - 0xC0];
        else
            space();
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

TitleSearch::TitleSearch(const Catalog& catalog) : catalog_(&catalog), keys_(catalog.size()) {
    for (size_t i = 0; i < catalog.size(); ++i) {
        const Film& film = catalog.film(i);
        std::string_view title = film.title;
        std::string year, year_end;
        if (film.year != 0) {
            // The year as written ("0995" too) and the end of a span, as a query would fold them.
            title = title.substr(0, title.rfind('('));
            const std::vector<std::string> years = words_of(fold(std::string_view(film.title).substr(title.size())));
            year = years.empty() ? std::to_string(film.year) : years[0];
            if (years.size() == 2) year_end = years[1];
        }
        std::vector<std::vector<std::string>> spellings{words_of(fold(title))};
        // "Usual Suspects, The" is "The Usual Suspects"; the article sits before any "(…)" alias.
        std::string_view main = title.substr(0, title.find(" ("));
        const size_t comma = main.rfind(", ");
        const std::string article = comma == std::string_view::npos ? "" : fold(main.substr(comma + 2));
        if (!article.empty() && std::find(std::begin(kFoldedArticles), std::end(kFoldedArticles), article) != std::end(kFoldedArticles))
            spellings.push_back(words_of(article + " " + fold(main.substr(0, comma)) + " " + fold(title.substr(main.size()))));
        // Each also with its sequel number as digits, when it has one: the query is numbered the same way.
        for (size_t s = 0, n = spellings.size(); s < n; ++s)
            if (std::vector<std::string> digits = numbered(spellings[s]); digits != spellings[s]) spellings.push_back(std::move(digits));
        for (std::vector<std::string>& words : spellings) keys_[i].push_back(key_of(std::move(words), year, year_end));
    }
}

int TitleSearch::tier_of(const Query& query, const Key& key, size_t& comparisons) const {
    const std::vector<std::string>& q = query.words;
    const std::vector<std::string>& distinct = query.distinct;
    const std::vector<std::string>& k = key.words;
    auto same = [&](const std::string& a, const std::string& b) { return ++comparisons, a == b; };
    auto starts = [&](const std::string& word, const std::string& prefix) { return ++comparisons, starts_with(word, prefix); };
    // The query may end with the year, as in "heat 1995" (typed from "Heat (1995)"), or with
    // both years of a span, "death note 2006 2007" (from "(2006–2007)").
    size_t year_words = 0;
    if (!key.year.empty() && q.size() > 1 && same(q.back(), key.year))
        year_words = 1;
    else if (!key.year_end.empty() && q.size() > 2 && same(q.back(), key.year_end) && same(q[q.size() - 2], key.year))
        year_words = 2;
    const size_t n = q.size() - year_words;  // the query's words before any year
    auto run_at = [&](size_t at) {           // q[0..n) equal k[at..], the last word possibly unfinished
        if (at + n > k.size()) return false;
        for (size_t w = 0; w + 1 < n; ++w)
            if (!same(k[at + w], q[w])) return false;
        return starts(k[at + n - 1], q[n - 1]);
    };
    if (n == k.size() && std::equal(k.begin(), k.end(), q.begin(), same)) return 0;
    // Spaced otherwise: "oldboy" is "Old Boy" (2003) as well as "Oldboy" (2013), and "spiderman" is "Spider-Man".
    const std::string& joined = query.joined[year_words];
    // (Lengths first, which cost no comparison: most titles are ruled out by them.)
    if (n > 1 || k.size() > 1) {
        if (joined.size() == key.joined.size() && same(joined, key.joined)) return 0;
        if (joined.size() >= 4 && joined.size() < key.joined.size() && starts(key.joined, joined)) return 1;
    }
    if (run_at(0)) return 1;
    for (size_t at = 1; at < k.size(); ++at)
        if (run_at(at)) return 2;
    const bool every = std::all_of(distinct.begin(), distinct.end(), [&](const std::string& w) {
        return starts(key.year, w) || (!key.year_end.empty() && starts(key.year_end, w)) ||
               std::any_of(k.begin(), k.end(), [&](const std::string& t) { return starts(t, w); });
    });
    return every ? 3 : -1;
}

namespace {

// Typos forgiven in a word of this length: none in the shortest (too many words are one edit
// from "the"), one from four letters, two from eight.
size_t typos_allowed(size_t length) { return length < 4 ? 0 : length < 8 ? 1 : 2; }

// Edit distance with adjacent swaps (optimal string alignment), or limit + 1 once it must exceed
// limit: only the band of width 2·limit + 1 around the diagonal is computed.
size_t typos(std::string_view a, std::string_view b, size_t limit) {
    if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
    const size_t n = a.size(), m = b.size(), far = limit + 1;
    std::vector<size_t> prev2(m + 1, far), prev(m + 1), row(m + 1);
    for (size_t j = 0; j <= m; ++j) prev[j] = j;
    for (size_t i = 1; i <= n; ++i) {
        row.assign(m + 1, far);
        row[0] = i;
        size_t best = row[0];
        const size_t lo = i > limit ? i - limit : 1, hi = std::min(m, i + limit);
        for (size_t j = lo; j <= hi; ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t d = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, prev2[j - 2] + 1);
            row[j] = std::min(d, far);
            best = std::min(best, row[j]);
        }
        if (best > limit) return far;
        prev2.swap(prev);
        prev.swap(row);
    }
    return std::min(prev[m], far);
}

}  // namespace

bool TitleSearch::near_match(const std::vector<std::string>& distinct, const std::string& last, const Key& key, size_t& work) const {
    return std::all_of(distinct.begin(), distinct.end(), [&](const std::string& w) {
        const size_t limit = typos_allowed(w.size());
        return std::any_of(key.words.begin(), key.words.end(), [&](const std::string& t) {
            ++work;
            if (t.compare(0, w.size(), w) == 0) return true;
            if (limit == 0) return false;
            // The word being typed may be unfinished: compare it with the title word's start too.
            return typos(w, t, limit) <= limit ||
                   (w == last && t.size() > w.size() && typos(w, std::string_view(t).substr(0, w.size()), limit) <= limit);
        });
    });
}

std::vector<TitleMatch> TitleSearch::find(std::string_view query, size_t limit, const std::vector<int32_t>& popularity,
                                          size_t* comparisons) const {
    const std::vector<std::string> q = words_of(fold(query));
    if (q.size() > kMaxWords)
        throw Error("a search holds at most " + std::to_string(kMaxWords) + " words, not " + std::to_string(q.size()));
    std::vector<TitleMatch> matches;
    if (q.empty()) return matches;
    // As typed, and with a sequel's number as digits when it has one ("part ii" → "2").
    std::vector<Query> spellings{query_of(q)};
    if (std::vector<std::string> digits = numbered(q); digits != q) spellings.push_back(query_of(std::move(digits)));
    std::vector<std::string> distinct = spellings[0].distinct;
    size_t work = 0;
    for (size_t i = 0; i < keys_.size(); ++i) {
        int best = -1;
        for (const Key& key : keys_[i])
            for (const Query& spelled : spellings) {
                // Some query word starts with a letter no title word does, and the query does not
                // start the title either, spaced otherwise ("old boy" is "Oldboy").
                if ((spelled.initials & ~key.initials) && key.joined.compare(0, 1, spelled.words[0], 0, 1) != 0) continue;
                const int t = tier_of(spelled, key, work);
                if (t >= 0 && (best < 0 || t < best)) best = t;
            }
        if (best >= 0) matches.push_back(TitleMatch{static_cast<int>(i), best});
    }
    if (matches.empty()) {
        // Nothing matches as typed: one word may be a title's initials ("lotr" is The Lord of the
        // Rings, as written or with its article first: "tlotr"); and every query is tried again
        // forgiving typos, in up to kMaxTypoWords words. Only then, so the keystrokes of a title
        // being typed (a few matches each) stay one pass.
        const bool initials = q.size() == 1 && q[0].size() >= kMinAcronym;
        if (distinct.size() > kMaxTypoWords) distinct.resize(kMaxTypoWords);
        for (size_t i = 0; i < keys_.size(); ++i) {
            int best = -1;
            for (const Key& key : keys_[i]) {
                if (initials && (++work, starts_with(key.acronym, q[0]))) {
                    best = 4;
                    break;
                }
                if (best < 0 && near_match(distinct, q.back(), key, work)) best = 5;
            }
            if (best >= 0) matches.push_back(TitleMatch{static_cast<int>(i), best});
        }
    }
    if (comparisons) *comparisons = work;
    auto better = [&](const TitleMatch& a, const TitleMatch& b) {
        if (a.tier != b.tier) return a.tier < b.tier;
        const int32_t pa = popularity.empty() ? 0 : popularity[a.film], pb = popularity.empty() ? 0 : popularity[b.film];
        if (pa != pb) return pa > pb;
        return catalog_->film(a.film).movie_id < catalog_->film(b.film).movie_id;
    };
    const size_t n = std::min(limit, matches.size());
    std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(n), matches.end(), better);
    matches.resize(n);
    return matches;
}

int TitleSearch::resolve(std::string_view title, const std::vector<int32_t>& popularity) const {
    const std::vector<TitleMatch> matches = find(title, 8, popularity);
    auto list = [&](size_t n) {
        std::string s;
        for (size_t m = 0; m < std::min(n, matches.size()); ++m) s += "\n  " + cut(catalog_->film(matches[m].film).title, 200);
        return s;
    };
    if (matches.empty()) throw Error("no film matches " + quoted(title));
    const size_t exact =
        static_cast<size_t>(std::count_if(matches.begin(), matches.end(), [](const TitleMatch& m) { return m.tier == 0; }));
    if (exact == 1 || matches.size() == 1) return matches[0].film;
    if (exact > 1) {
        // MovieLens has a few titles twice ("Emma (1996)"): then the year cannot tell them apart.
        const std::string& first = catalog_->film(matches[0].film).title;
        std::string ids;
        bool same = true;
        for (size_t m = 0; m < exact; ++m) {
            const Film& f = catalog_->film(matches[m].film);
            same = same && f.title == first;
            ids += (m ? ", " : "") + std::to_string(f.movie_id);
        }
        if (same) throw Error(quoted(title) + " names " + std::to_string(exact) + " films of the same title (movieIds " + ids + ")");
        throw Error(quoted(title) + " names " + std::to_string(exact) + " films; add the year:" + list(exact));
    }
    throw Error("no film is titled " + quoted(title) + "; did you mean:" + list(5));
}

}  // namespace reel
