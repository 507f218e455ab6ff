// Every setting of the engine by name, with its range: the one place a value is checked.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reel {

enum class SettingKind {
    Real,   // any finite number in range
    Whole,  // a whole number in range
    Lanes,  // a whole multiple of 4 in range: a vector width the 4-wide kernels can walk
};

struct SettingSpec {
    const char* name;  // within its owner: "epochs" (a model's are read as "rating.epochs")
    double value;      // the default, chosen on validation data (scripts/tune)
    double min, max;   // inclusive
    SettingKind kind;
    const char* help;
};

// A run of specs, kept as a pointer and a length so a model's list can be a constant array.
struct SettingList {
    const SettingSpec* first = nullptr;
    size_t size = 0;
    const SettingSpec* begin() const { return first; }
    const SettingSpec* end() const { return first + size; }
};
template <size_t N>
constexpr SettingList setting_list(const SettingSpec (&specs)[N]) {
    return SettingList{specs, N};
}

constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 − 1: every seed up to it is exact in a double (and in JS)

class Settings {
public:
    Settings() = default;  // no settings at all; default_settings() (models.hpp) has every one

    // Adds a group of settings at their defaults, named "prefix.name" ("" for no prefix).
    void add(std::string_view prefix, SettingList specs);

    // "rating.epochs=30". The text is checked as a number, for finiteness, range and
    // wholeness before anything is converted; an error names the setting and its range.
    void set(std::string_view assignment);
    void set(std::string_view name, double value);

    double get(std::string_view name) const;  // throws for an unknown name
    int whole(std::string_view name) const;   // a Whole or Lanes setting
    uint64_t seed() const;

    struct Entry {
        std::string name;  // "rating.epochs"
        const SettingSpec* spec;
        double value;
    };
    const std::vector<Entry>& entries() const { return entries_; }
    bool operator==(const Settings& other) const;
    bool operator!=(const Settings& other) const { return !(*this == other); }

private:
    Entry& entry(std::string_view name);
    const Entry& entry(std::string_view name) const;
    std::vector<Entry> entries_;
};

// One model's settings: `s.whole("epochs")` reads "rating.epochs".
class ModelSettings {
public:
    ModelSettings(const Settings& settings, std::string_view model) : settings_(settings), prefix_(std::string(model) + ".") {}
    double get(std::string_view name) const { return settings_.get(prefix_ + std::string(name)); }
    float real(std::string_view name) const { return static_cast<float>(get(name)); }
    int whole(std::string_view name) const { return settings_.whole(prefix_ + std::string(name)); }
    std::string full_name(std::string_view name) const { return prefix_ + std::string(name); }

private:
    const Settings& settings_;
    std::string prefix_;
};

// Formats a value as the shortest text that reads back to the same double.
std::string setting_text(double value);

}  // namespace reel
