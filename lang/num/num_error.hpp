// The error a numerics/formatting routine reports instead of throwing: the vm
// turns it into the Python exception of that kind with that message.
#pragma once

#include <string>
#include <utility>

namespace corolab::num {

// Python exception classes the num library can raise.
enum class ErrorKind : unsigned char {
    None,
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    IndexError,
    KeyError,
    NotSupported,  // outside corolab's subset (e.g. complex numbers)
};

// A possibly-absent error. Cheap when absent (empty string, no allocation).
// `message` is exactly CPython's text (without the "ValueError: " prefix).
struct NumError {
    ErrorKind kind = ErrorKind::None;
    std::string message;

    NumError() = default;
    NumError(ErrorKind k, std::string m) : kind(k), message(std::move(m)) {}
    explicit operator bool() const { return kind != ErrorKind::None; }
};

// "ValueError", "TypeError", ...; "" for None.
const char* error_kind_name(ErrorKind kind);

}  // namespace corolab::num
