// Checking a setting's text before anything is converted, and reading settings by name.
#include "settings.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "error.hpp"

namespace reel {

namespace {

std::string range_of(const SettingSpec& s) {
    const char* what = s.kind == SettingKind::Real ? "a number" : s.kind == SettingKind::Whole ? "a whole number" : "a multiple of 4";
    return std::string(what) + " from " + setting_text(s.min) + " to " + setting_text(s.max);
}

// The number a setting's text spells, or an error naming the setting: strtod alone would take
// "nan", "inf", " 3" and "0x10", and a cast before the range check is undefined for 1e30.
double number_in(std::string_view text, const std::string& name, const SettingSpec& spec) {
    const std::string t(text);
    char* end = nullptr;
    const bool plain = !t.empty() && t.find_first_not_of("0123456789+-.eE") == std::string::npos;
    const double v = plain ? std::strtod(t.c_str(), &end) : NAN;
    if (!plain || end != t.c_str() + t.size())
        throw Error("setting " + name + ": " + quoted(text) + " is not a number (it must be " + range_of(spec) + ")");
    return v;
}

void check(const std::string& name, const SettingSpec& spec, double v) {
    const bool ok = std::isfinite(v) && v >= spec.min && v <= spec.max && (spec.kind == SettingKind::Real || v == std::floor(v)) &&
                    (spec.kind != SettingKind::Lanes || std::fmod(v, 4.0) == 0.0);
    if (!ok) throw Error("setting " + name + " must be " + range_of(spec) + ", not " + setting_text(v));
}

}  // namespace

std::string setting_text(double value) {
    char buf[40];
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", value);  // whole numbers in full: 1000, not 1e+03
        return buf;
    }
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, value);
        if (std::strtod(buf, nullptr) == value || !std::isfinite(value)) break;
    }
    return buf;
}

void Settings::add(std::string_view prefix, SettingList specs) {
    for (const SettingSpec& s : specs)
        entries_.push_back(Entry{prefix.empty() ? std::string(s.name) : std::string(prefix) + "." + s.name, &s, s.value});
}

Settings::Entry& Settings::entry(std::string_view name) { return const_cast<Entry&>(static_cast<const Settings*>(this)->entry(name)); }

const Settings::Entry& Settings::entry(std::string_view name) const {
    for (const Entry& e : entries_)
        if (e.name == name) return e;
    throw Error("unknown setting " + quoted(name) + " (see reel --help for the list)");
}

void Settings::set(std::string_view assignment) {
    const size_t eq = assignment.find('=');
    if (eq == std::string_view::npos) throw Error("setting " + quoted(assignment) + " should look like name=value");
    Entry& e = entry(assignment.substr(0, eq));
    const double v = number_in(assignment.substr(eq + 1), e.name, *e.spec);
    check(e.name, *e.spec, v);
    e.value = v;
}

void Settings::set(std::string_view name, double value) {
    Entry& e = entry(name);
    check(e.name, *e.spec, value);
    e.value = value;
}

double Settings::get(std::string_view name) const { return entry(name).value; }

int Settings::whole(std::string_view name) const {
    const Entry& e = entry(name);
    if (e.spec->kind == SettingKind::Real || e.spec->max > 2147483647.0) throw Error("setting " + e.name + " is not a whole number");
    return static_cast<int>(e.value);  // in range: checked when set
}

uint64_t Settings::seed() const { return static_cast<uint64_t>(get("seed")); }

bool Settings::operator==(const Settings& other) const {
    if (entries_.size() != other.entries_.size()) return false;
    for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].name != other.entries_[i].name || entries_[i].value != other.entries_[i].value) return false;
    return true;
}

}  // namespace reel
