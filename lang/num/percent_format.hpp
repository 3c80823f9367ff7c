// printf-style formatting: `fmt % args` on str, as CPython 3.11 does it.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "lang/num/bigint.hpp"
#include "lang/num/num_error.hpp"

namespace corolab::num {

// One right-hand operand as the vm presents it. Numbers come already
// unboxed; anything else is opaque (`object`) and reaches the vm again via
// the callbacks. bool is Kind::Int (%s of True goes through the str callback,
// so give bools a `object` too).
struct PercentArg {
    enum class Kind : unsigned char { Int, Big, Float, Str, Other };
    Kind kind = Kind::Other;
    int64_t i = 0;               // Kind::Int
    const BigInt* big = nullptr; // Kind::Big
    double f = 0;                // Kind::Float
    std::string_view s;          // Kind::Str: the UTF-8 text
    std::string_view type_name;  // for TypeErrors: "str", "list", "NoneType"
    const void* object = nullptr;  // the vm's value, passed back to callbacks
};

// What percent_format needs from the vm.
struct PercentCallbacks {
    // str(), repr(), ascii() of an argument (%s %r %a). %s of a Kind::Str
    // uses its text directly; every other %s (numbers included, so bool
    // prints "True") calls `str`. Numeric codes (%d %x %f ...) convert
    // Int/Big/Float themselves and never call back.
    std::function<std::string(const PercentArg&)> str;
    std::function<std::string(const PercentArg&)> repr;
    std::function<std::string(const PercentArg&)> ascii;  // may be empty: repr used
    // For "%(key)s": look key up in the mapping operand; false when missing
    // (percent_format then reports KeyError with the key as its message).
    std::function<bool(std::string_view key, PercentArg& out)> lookup;
};

// The right operand: `args` are the tuple's items, or the single non-tuple
// value (is_tuple false, args.size() == 1). is_mapping: the single value
// has __getitem__ and is not a tuple or str (dict, list: CPython's test),
// which enables %(key)s and suppresses "not all arguments converted".
struct PercentOperand {
    std::span<const PercentArg> args;
    bool is_tuple = false;
    bool is_mapping = false;
};

// Formats `fmt % operand` into `out` (appended). Supports %s %r %a %d %i %u
// %f %F %e %E %g %G %x %X %o %c %%, flags - + space # 0, width, precision,
// '*' for either, and %(key)s. Errors are CPython's: TypeError "not enough
// arguments for format string", "not all arguments converted during string
// formatting", "%d format: a real number is required, not str", ValueError
// "unsupported format character 'y' (0x79) at index 1", ...
NumError percent_format(std::string_view fmt, const PercentOperand& operand,
                        const PercentCallbacks& callbacks, std::string& out);

}  // namespace corolab::num
