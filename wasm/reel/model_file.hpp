// The saved-model file: a header (format, the data's fingerprint, every setting by name), then
// one named part per model, then a checksum. Parts are found by name, so a file from before a
// model was added still reads: the new model simply is not in it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reel {

constexpr uint32_t kModelFileFormat = 2;  // 1: models one after another, by position

struct ModelFile {
    uint64_t fingerprint = 0;                                // of the data the models were trained on
    std::vector<std::pair<std::string, double>> settings;    // name, value
    std::vector<std::pair<std::string, std::string>> parts;  // model name, its parameters' bytes

    const std::string* part(std::string_view name) const;  // null when the file has none
};

std::string write_model_file(const ModelFile& file);
// Throws a plain sentence naming `what` for anything but an intact file of this format.
ModelFile read_model_file(std::string_view bytes, std::string_view what);

}  // namespace reel
