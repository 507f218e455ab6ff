// Checking settings and setting them by name.
#include "config.hpp"

#include <cstdlib>
#include <type_traits>

#include "error.hpp"

namespace reel {

namespace {

void require(bool ok, const std::string& what) {
    if (!ok) throw Error("setting " + what);
}

template <class T>
void parse_into(T& out, const std::string& text, const std::string& name) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') throw Error("setting " + name + ": '" + text + "' is not a number");
    out = static_cast<T>(v);
    if (static_cast<double>(out) != v && std::is_integral<T>::value)
        throw Error("setting " + name + ": '" + text + "' is not a whole number");
}

}  // namespace

void validate(const Config& c) {
    for (const auto& [name, k] : {std::pair{"rating.factors", c.rating.factors}, {"ranking.factors", c.ranking.factors}})
        require(k >= 4 && k <= 1024 && k % 4 == 0, std::string(name) + " must be a multiple of 4 from 4 to 1024");
    require(c.rating.epochs >= 1 && c.rating.epochs <= 1000, "rating.epochs must be from 1 to 1000");
    require(c.ranking.epochs >= 1 && c.ranking.epochs <= 1000, "ranking.epochs must be from 1 to 1000");
    require(c.rating.learning_rate > 0 && c.rating.bias_learning_rate > 0 && c.ranking.learning_rate > 0,
            "learning rates must be positive");
    require(c.rating.decay > 0 && c.rating.decay <= 1 && c.ranking.decay > 0 && c.ranking.decay <= 1,
            "decay must be in (0, 1]");
    require(c.rating.reg >= 0 && c.rating.reg_bias >= 0 && c.ranking.reg >= 0 && c.ranking.reg_bias >= 0,
            "regularisation must not be negative");
    require(c.ranking.negatives >= 1 && c.ranking.negatives <= 64, "ranking.negatives must be from 1 to 64");
    require(c.similar.min_support >= 1, "similar.min_support must be at least 1");
}

void set_option(Config& config, const std::string& assignment) {
    Config c = config;  // changed only once the new value is known to be valid
    const size_t eq = assignment.find('=');
    if (eq == std::string::npos) throw Error("setting '" + assignment + "' should look like name=value");
    const std::string name = assignment.substr(0, eq), value = assignment.substr(eq + 1);
    // clang-format off
    if      (name == "seed")                  parse_into(c.seed, value, name);
    else if (name == "rating.factors")        parse_into(c.rating.factors, value, name);
    else if (name == "rating.epochs")         parse_into(c.rating.epochs, value, name);
    else if (name == "rating.learning_rate")  parse_into(c.rating.learning_rate, value, name);
    else if (name == "rating.bias_learning_rate") parse_into(c.rating.bias_learning_rate, value, name);
    else if (name == "rating.decay")          parse_into(c.rating.decay, value, name);
    else if (name == "rating.reg")            parse_into(c.rating.reg, value, name);
    else if (name == "rating.reg_bias")       parse_into(c.rating.reg_bias, value, name);
    else if (name == "rating.init_scale")     parse_into(c.rating.init_scale, value, name);
    else if (name == "ranking.factors")       parse_into(c.ranking.factors, value, name);
    else if (name == "ranking.epochs")        parse_into(c.ranking.epochs, value, name);
    else if (name == "ranking.learning_rate") parse_into(c.ranking.learning_rate, value, name);
    else if (name == "ranking.decay")         parse_into(c.ranking.decay, value, name);
    else if (name == "ranking.reg")           parse_into(c.ranking.reg, value, name);
    else if (name == "ranking.reg_bias")      parse_into(c.ranking.reg_bias, value, name);
    else if (name == "ranking.init_scale")    parse_into(c.ranking.init_scale, value, name);
    else if (name == "ranking.min_positive")  parse_into(c.ranking.min_positive, value, name);
    else if (name == "ranking.negatives")     parse_into(c.ranking.negatives, value, name);
    else if (name == "similar.min_support")   parse_into(c.similar.min_support, value, name);
    else throw Error("unknown setting '" + name + "'");
    // clang-format on
    validate(c);
    config = c;
}

}  // namespace reel
