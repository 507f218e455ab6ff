// Embind face of the benchmark floor, linked beside the engine's own bindings into the bench
// module only (the site's module does not carry it).
#include <emscripten/bind.h>

#include <memory>
#include <string>

#include "engine.hpp"
#include "floor.hpp"

namespace {

// Loads its own engine from the split's bytes so the floor sees the same data and settings.
class Floor {
public:
    Floor(const std::string& movies, const std::string& train, const std::string& test) {
        engine_.load_split(movies, train, test);
        floor_ = std::make_unique<reel::bench::Floor>(engine_);
    }
    void epoch(const std::string& model) { floor_->epoch(model); }
    int epochs(const std::string& model) { return engine_.model(model).epochs(); }

private:
    reel::Engine engine_;
    std::unique_ptr<reel::bench::Floor> floor_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(reel_bench) {
    emscripten::class_<Floor>("Floor")
        .constructor<const std::string&, const std::string&, const std::string&>()
        .function("epoch", &Floor::epoch)
        .function("epochs", &Floor::epochs);
}
