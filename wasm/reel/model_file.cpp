// Reading and writing the saved-model file; what the parts mean is each model's business.
#include "model_file.hpp"

#include "bytes.hpp"
#include "error.hpp"

namespace reel {

namespace {
constexpr char kMagic[] = "REELMODL";
constexpr size_t kMagicSize = 8, kChecksumSize = 8;
constexpr size_t kSmallest = kMagicSize + 4 + 8 + 4 + 4 + kChecksumSize;  // a file with no setting and no part
}  // namespace

const std::string* ModelFile::part(std::string_view name) const {
    for (const auto& [n, bytes] : parts)
        if (n == name) return &bytes;
    return nullptr;
}

std::string write_model_file(const ModelFile& file) {
    // The page saves ten megabytes of models: written into one buffer sized for them, since in
    // wasm each doubling of a string grows the module's memory (the first save took 0.18 s so).
    size_t size = kMagicSize + 64 * (file.settings.size() + file.parts.size()) + 64;
    for (const auto& [name, bytes] : file.parts) size += bytes.size();
    ByteWriter out;
    out.reserve(size);
    out.raw(std::string_view(kMagic, kMagicSize));
    out.u32(kModelFileFormat);
    out.u64(file.fingerprint);
    out.u32(static_cast<uint32_t>(file.settings.size()));
    for (const auto& [name, value] : file.settings) {
        out.text(name);
        out.f64(value);
    }
    out.u32(static_cast<uint32_t>(file.parts.size()));
    for (const auto& [name, bytes] : file.parts) {
        out.text(name);
        out.u64(bytes.size());
        out.raw(bytes);
    }
    Fnv64 sum;
    sum.add(out.bytes());
    out.u64(sum.value());
    return out.take();
}

ModelFile read_model_file(std::string_view bytes, std::string_view name) {
    const std::string what(name);
    if (bytes.size() < kSmallest || bytes.substr(0, kMagicSize) != std::string_view(kMagic, kMagicSize))
        throw Error(what + " is not a saved Reel model");
    ByteReader tail(bytes.substr(bytes.size() - kChecksumSize), what);
    Fnv64 sum;
    sum.add(bytes.substr(0, bytes.size() - kChecksumSize));
    if (tail.u64() != sum.value()) throw Error(what + " is damaged (its checksum does not match)");
    ByteReader in(bytes.substr(kMagicSize, bytes.size() - kMagicSize - kChecksumSize), what);
    const uint32_t format = in.u32();
    if (format != kModelFileFormat)
        throw Error(what + " is in format " + std::to_string(format) + "; this engine reads format " + std::to_string(kModelFileFormat) +
                    ": train the models again to save a new file");
    ModelFile file;
    file.fingerprint = in.u64();
    const uint32_t settings = in.u32();
    if (settings > in.left() / 12) throw Error(what + " is cut short");  // each setting takes at least 12 bytes
    for (uint32_t s = 0; s < settings; ++s) {
        std::string setting = in.text();
        file.settings.emplace_back(std::move(setting), in.f64());
    }
    const uint32_t parts = in.u32();
    if (parts > in.left() / 12) throw Error(what + " is cut short");
    for (uint32_t p = 0; p < parts; ++p) {
        std::string model = in.text();
        const uint64_t size = in.u64();
        if (size > in.left()) throw Error(what + " is cut short (the " + model + " model's part)");
        std::string part(in.raw(static_cast<size_t>(size)));
        if (file.part(model)) throw Error(what + " holds the " + model + " model twice");
        file.parts.emplace_back(std::move(model), std::move(part));
    }
    if (in.left() != 0) throw Error(what + " has " + std::to_string(in.left()) + " bytes too many");
    return file;
}

}  // namespace reel
