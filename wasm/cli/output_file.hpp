// A file the CLI writes, checked to the end: a write that fails — a full disk, the last flush and
// the close included — is an error naming the file, so no command says it saved what it did not.
#pragma once
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>

#include "error.hpp"

namespace reel_cli {

class OutputFile {
public:
    explicit OutputFile(std::string path) : path_(std::move(path)), out_(path_, std::ios::binary) {
        note();
        if (!out_) throw reel::Error("cannot write " + path_ + why());
    }

    template <class T>
    OutputFile& operator<<(const T& value) {
        errno = 0;
        out_ << value;
        note();
        return *this;
    }

    void write(std::string_view bytes) {
        errno = 0;
        out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        note();
    }

    // Every byte handed over reaches the file, or an error says which file did not get them. A
    // file left unclosed (an error thrown on the way) is closed unchecked by the stream itself.
    void close() {
        errno = 0;
        out_.flush();
        note();
        out_.close();
        note();
        if (out_.fail()) throw reel::Error("cannot write all of " + path_ + why());
    }

private:
    // The system's reason for the first write that failed (a later call may leave errno at 0).
    void note() {
        if (!out_ && error_ == 0) error_ = errno;
    }
    std::string why() const {
        const int e = error_ ? error_ : errno;
        return e ? std::string(" (") + std::strerror(e) + ")" : "";
    }

    int error_ = 0;
    std::string path_;
    std::ofstream out_;
};

}  // namespace reel_cli
