// The packed bundle: a MovieLens's films and ratings in one compact file the engine reads in one
// pass, for the page to download instead of movies.csv and ratings.csv (issue 26).
//
// Layout, every number LEB128 unless a width is given:
//   "REELPACK", version (u32)
//   the films section:   length (u32), payload, FNV-1a of the payload (u64)
//   the ratings section: length (u32), payload, FNV-1a of the payload (u64)
// The films come first, so a page can search while the ratings are still on their way. Columns
// rather than records, so like sits by like for gzip: films are genre names, then the ids as
// gaps, the genre masks, the titles; ratings are rows and repeats dropped, runs of one user's
// rows (user id as a signed step from the run before, length), each row's film as a signed step
// in catalogue index from the row before in its run, then the half stars, two to a byte.
// Rows keep the order the CSV gave them (after repeats are resolved), so the split, which
// follows that order, is the same to the bit; timestamps are not kept, as nothing after the
// parse reads them.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "catalog.hpp"
#include "ratings.hpp"

namespace reel {

constexpr uint32_t kPackVersion = 1;

// The packed form of a catalogue and its rating rows; throws naming the row whose film is not in
// the catalogue.
std::string pack(const Catalog& catalog, const RatingRows& rows);

// How many bytes from the start the films section needs, once the first 16 have arrived (0
// before); throws when those bytes are not a pack of this version.
size_t packed_films_end(std::string_view head, std::string_view name);

// The films from the start of a pack (its ratings may still be on their way).
Catalog unpack_films(std::string_view head, std::string_view name);

struct Unpacked {
    Catalog catalog;
    RatingRows rows;  // as parse_ratings would give them, with `line` the row's place in the pack
};

// The whole pack; anything damaged, cut short or trailing throws reel::Error naming `name` and
// what is wrong, and nothing half-read escapes.
Unpacked unpack(std::string_view bytes, std::string_view name);

}  // namespace reel
