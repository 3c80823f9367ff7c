// bytes: immutable byte strings, enough for tutorial code (literals, repr,
// len, indexing, slicing, iteration, comparison, hashing, + and *, `in`,
// decode/encode, hex/fromhex and the common methods). A NativeObj of the
// builtin class `bytes`; ops reach it through its dunder methods.
#pragma once

#include <string>

#include "lang/objects/objects.hpp"

namespace corolab::lang {

struct BytesObj : NativeObj {
    std::string data;
    explicit BytesObj(std::string d);
};

// The class `bytes` (process-wide, made with its methods on first use).
ClassObj* bytes_type();
bool is_bytes(const Value& v);
// A bytes object holding `data` (already allocated by the caller).
Value bytes_value(std::string data);
// Adds `bytes`, UnicodeDecodeError and UnicodeEncodeError to the builtins
// and str.encode to str.
void register_bytes(DictObj* builtins);

}  // namespace corolab::lang
