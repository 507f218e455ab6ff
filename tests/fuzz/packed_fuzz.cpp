// libFuzzer: the packed bundle on any bytes. The input's first byte splits the rest into a films
// and a ratings payload, wrapped with true lengths and checksums so the decoders themselves are
// reached (a raw input rarely passes a checksum); the raw input is read too. Whatever unpacks
// packs again into a file that unpacks and packs to itself (an input may spell a number in more
// bytes than the writer does, so the first repacking need not equal it).
#include "bytes.hpp"
#include "fuzz.hpp"
#include "packed.hpp"

namespace {

std::string wrapped(std::string_view films, std::string_view ratings) {
    reel::ByteWriter w;
    w.raw("REELPACK");
    w.u32(reel::kPackVersion);
    for (const std::string_view payload : {films, ratings}) {
        w.u32(static_cast<uint32_t>(payload.size()));
        w.raw(payload);
        reel::Fnv64 h;
        h.add(payload);
        w.u64(h.value());
    }
    return w.bytes();
}

void read_back(const std::string& bytes) {
    try {
        const reel::Unpacked u = reel::unpack(bytes, "fuzz.pack");
        const std::string again = reel::pack(u.catalog, u.rows);
        const reel::Unpacked v = reel::unpack(again, "fuzz.pack");
        REEL_CHECK(v.rows.rows.size() == u.rows.rows.size() && v.catalog.size() == u.catalog.size());
        REEL_CHECK(reel::pack(v.catalog, v.rows) == again);
        REEL_CHECK(reel::packed_films_end(bytes, "fuzz.pack") <= bytes.size());
    } catch (const reel::Error& e) {
        fuzz::check_message(e);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes = fuzz::text(data, size);
    read_back(std::string(bytes));
    if (size == 0) return 0;
    const std::string_view rest = bytes.substr(1);
    const size_t at = std::min<size_t>(rest.size(), static_cast<size_t>(data[0]) * 4);
    read_back(wrapped(rest.substr(0, at), rest.substr(at)));
    return 0;
}
