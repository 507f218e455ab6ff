// Writing and reading the packed bundle (packed.hpp); every count is checked against the bytes
// left before anything is reserved, so a damaged file is an error, never a huge allocation.
#include "packed.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "bytes.hpp"
#include "error.hpp"

namespace reel {

namespace {

constexpr std::string_view kPackMagic = "REELPACK";
constexpr size_t kHead = 8 + 4 + 4;  // magic, version, the films section's length
constexpr size_t kMaxTitle = 4096;

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

void section(ByteWriter& out, const std::string& payload) {
    out.u32(static_cast<uint32_t>(payload.size()));
    out.raw(payload);
    Fnv64 h;
    h.add(payload);
    out.u64(h.value());
}

// A section's payload, its checksum checked.
std::string_view read_section(ByteReader& in, const std::string& what) {
    const uint32_t n = in.u32();
    const std::string_view payload = in.raw(n);
    Fnv64 h;
    h.add(payload);
    if (in.u64() != h.value()) throw Error(what + " is damaged (its checksum does not match)");
    return payload;
}

// A count that each of its items needs at least `bytes_each` of what is left to hold.
size_t count(ByteReader& in, size_t bytes_each, const std::string& what, const char* of) {
    const uint64_t n = in.varint();
    if (bytes_each > 0 && n > in.left() / bytes_each)
        throw Error(what + " is damaged (" + std::to_string(n) + " " + of + " cannot fit in " + std::to_string(in.left()) + " bytes)");
    return static_cast<size_t>(n);
}

int32_t id_in_range(int64_t v, const std::string& what, const char* of) {
    if (v <= 0 || v > INT32_MAX) throw Error(what + " is damaged (a " + of + " of " + std::to_string(v) + ")");
    return static_cast<int32_t>(v);
}

void check_head(ByteReader& in, const std::string& what) {
    if (in.raw(kPackMagic.size()) != kPackMagic) throw Error(what + " is not a Reel pack (it does not start with REELPACK)");
    const uint32_t version = in.u32();
    if (version != kPackVersion)
        throw Error(what + " is pack version " + std::to_string(version) + "; this engine reads version " + std::to_string(kPackVersion));
}

std::string films_payload(const Catalog& c) {
    ByteWriter w;
    w.varint(c.genre_names().size());
    for (const std::string& g : c.genre_names()) {
        w.varint(g.size());
        w.raw(g);
    }
    w.varint(c.size());
    int32_t last = 0;
    for (const Film& f : c.films()) {
        w.varint(static_cast<uint64_t>(f.movie_id - last));
        last = f.movie_id;
    }
    for (const Film& f : c.films()) w.varint(f.genres);
    for (const Film& f : c.films()) {
        w.varint(f.title.size());
        w.raw(f.title);
    }
    return w.bytes();
}

Catalog read_films(std::string_view payload, const std::string& what) {
    ByteReader in(payload, what);
    std::vector<std::string> genres(count(in, 1, what, "genres"));
    for (std::string& g : genres) g = std::string(in.raw(count(in, 0, what, "bytes")));
    std::vector<Film> films(count(in, 3, what, "films"));  // an id, a mask and a title length at least
    int64_t id = 0;
    for (Film& f : films) f.movie_id = id_in_range(id += static_cast<int64_t>(std::min<uint64_t>(in.varint(), INT32_MAX)), what, "movieId");
    for (Film& f : films) {
        const uint64_t mask = in.varint();
        if (mask > UINT32_MAX) throw Error(what + " is damaged (a genre mask of " + std::to_string(mask) + ")");
        f.genres = static_cast<GenreMask>(mask);
    }
    for (Film& f : films) {
        const size_t n = count(in, 0, what, "bytes");
        if (n > kMaxTitle) throw Error(what + " is damaged (a title of " + std::to_string(n) + " bytes)");
        f.title = std::string(in.raw(n));
    }
    if (in.left() != 0) throw Error(what + " is damaged (" + std::to_string(in.left()) + " bytes after the films)");
    return Catalog::of(std::move(genres), std::move(films), what);
}

std::string ratings_payload(const Catalog& c, const RatingRows& rows) {
    std::vector<int32_t> film(rows.rows.size());
    for (size_t i = 0; i < rows.rows.size(); ++i) {
        const RatingRow& r = rows.rows[i];
        film[i] = c.index_of(r.movie_id);
        if (film[i] < 0)
            throw Error(rows.file + " line " + std::to_string(r.line) + ": movieId " + std::to_string(r.movie_id) +
                        " is not in movies.csv");
    }
    ByteWriter runs, steps, stars;
    size_t run_count = 0;
    int64_t last_user = 0;
    for (size_t i = 0; i < rows.rows.size();) {
        size_t end = i;
        while (end < rows.rows.size() && rows.rows[end].user_id == rows.rows[i].user_id) ++end;
        runs.varint(zigzag(rows.rows[i].user_id - last_user));
        runs.varint(end - i);
        last_user = rows.rows[i].user_id;
        ++run_count;
        for (int32_t prev = 0; i < end; prev = film[i], ++i) steps.varint(zigzag(int64_t(film[i]) - prev));
    }
    for (size_t i = 0; i < rows.rows.size(); i += 2) {
        const auto code = [&](size_t j) { return j < rows.rows.size() ? static_cast<int>(rows.rows[j].value * 2) : 0; };
        stars.raw(std::string(1, static_cast<char>(code(i) | (code(i + 1) << 4))));
    }
    ByteWriter w;
    w.varint(rows.rows.size());
    w.varint(rows.duplicates);
    w.varint(run_count);
    w.raw(runs.bytes());
    w.raw(steps.bytes());
    w.raw(stars.bytes());
    return w.bytes();
}

RatingRows read_ratings(std::string_view payload, const Catalog& c, const std::string& what) {
    ByteReader in(payload, what);
    RatingRows out;
    out.file = what;
    const size_t n = count(in, 1, what, "ratings");  // a film step each at least
    out.duplicates = static_cast<size_t>(in.varint());
    std::vector<std::pair<int32_t, size_t>> runs(count(in, 2, what, "runs"));
    size_t total = 0;
    int64_t user = 0;
    for (auto& [id, length] : runs) {
        id = id_in_range(user += std::clamp<int64_t>(unzigzag(in.varint()), -INT32_MAX, INT32_MAX), what, "userId");
        length = static_cast<size_t>(std::min<uint64_t>(in.varint(), n));
        if (length == 0 || (total += length) > n)
            throw Error(what + " is damaged (its runs do not add up to its " + std::to_string(n) + " ratings)");
    }
    if (total != n) throw Error(what + " is damaged (its runs do not add up to its " + std::to_string(n) + " ratings)");
    out.rows.resize(n);
    size_t i = 0;
    for (const auto& [id, length] : runs) {
        int64_t film = 0;
        for (size_t k = 0; k < length; ++k, ++i) {
            film += std::clamp<int64_t>(unzigzag(in.varint()), -INT32_MAX, INT32_MAX);
            if (film < 0 || film >= static_cast<int64_t>(c.size()))
                throw Error(what + " is damaged (rating " + std::to_string(i + 1) + " names film " + std::to_string(film) + " of " +
                            std::to_string(c.size()) + ")");
            out.rows[i].user_id = id;
            out.rows[i].movie_id = c.film(static_cast<size_t>(film)).movie_id;
            out.rows[i].line = static_cast<uint32_t>(i + 1);
        }
    }
    const std::string_view codes = in.raw((n + 1) / 2);
    for (size_t j = 0; j < n; ++j) {
        const int code = (static_cast<unsigned char>(codes[j / 2]) >> (j % 2 ? 4 : 0)) & 0xF;
        if (code < 1 || code > 10)
            throw Error(what + " is damaged (rating " + std::to_string(j + 1) + " is not a half star from 0.5 to 5)");
        out.rows[j].value = static_cast<float>(code) / 2;
    }
    if (in.left() != 0) throw Error(what + " is damaged (" + std::to_string(in.left()) + " bytes after the ratings)");
    // The CSV parse resolves repeated pairs; a pack holding one was not written by pack().
    std::vector<uint64_t> pairs(n);
    for (size_t j = 0; j < n; ++j) pairs[j] = (uint64_t(uint32_t(out.rows[j].user_id)) << 32) | uint32_t(out.rows[j].movie_id);
    std::sort(pairs.begin(), pairs.end());
    if (std::adjacent_find(pairs.begin(), pairs.end()) != pairs.end()) throw Error(what + " is damaged (a user rates a film twice)");
    return out;
}

}  // namespace

std::string pack(const Catalog& catalog, const RatingRows& rows) {
    ByteWriter w;
    w.raw(kPackMagic);
    w.u32(kPackVersion);
    section(w, films_payload(catalog));
    section(w, ratings_payload(catalog, rows));
    return w.bytes();
}

size_t packed_films_end(std::string_view head, std::string_view name) {
    if (head.size() < kHead) return 0;
    ByteReader in(head, std::string(name));
    check_head(in, std::string(name));
    return kHead + in.u32() + 8;
}

Catalog unpack_films(std::string_view head, std::string_view name) {
    const std::string what(name);
    ByteReader in(head, what);
    check_head(in, what);
    return read_films(read_section(in, what), what);
}

Unpacked unpack(std::string_view bytes, std::string_view name) {
    const std::string what(name);
    ByteReader in(bytes, what);
    check_head(in, what);
    Unpacked u;
    u.catalog = read_films(read_section(in, what), what);
    u.rows = read_ratings(read_section(in, what), u.catalog, what);
    if (in.left() != 0) throw Error(what + " is damaged (" + std::to_string(in.left()) + " bytes after its last section)");
    return u;
}

}  // namespace reel
