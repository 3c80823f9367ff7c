#include "lang/num/num_error.hpp"

namespace corolab::num {

const char* error_kind_name(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::None: return "";
    case ErrorKind::ValueError: return "ValueError";
    case ErrorKind::TypeError: return "TypeError";
    case ErrorKind::OverflowError: return "OverflowError";
    case ErrorKind::ZeroDivisionError: return "ZeroDivisionError";
    case ErrorKind::IndexError: return "IndexError";
    case ErrorKind::KeyError: return "KeyError";
    case ErrorKind::NotSupported: return "NotImplementedError";
    }
    return "";
}

}  // namespace corolab::num
