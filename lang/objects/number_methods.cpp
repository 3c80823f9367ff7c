// Methods and attributes of int and float (int.bit_length, float.is_integer,
// as_integer_ratio, .real/.imag ...), as CPython 3.11 has them. The numbers
// themselves and their operators live in lang/num/ and lang/ops.cpp.
#include <cmath>

#include "lang/objects/ops.hpp"

namespace corolab::lang {

namespace {

bool no_args(const char* name, int nargs) { return check_args(name, nargs - 1, 0, 0); }

Value i_bit_length(Value* a, int n, const CallArgs&) {
    if (!no_args("bit_length", n)) return Value();
    return Value::integer(static_cast<std::int64_t>(to_bigint(a[0]).bit_length()));
}
Value i_bit_count(Value* a, int n, const CallArgs&) {
    if (!no_args("bit_count", n)) return Value();
    if (a[0].tag == Tag::Int || a[0].tag == Tag::Bool) {
        std::uint64_t m = a[0].i < 0 ? 0 - static_cast<std::uint64_t>(a[0].i) : static_cast<std::uint64_t>(a[0].i);
        return Value::integer(__builtin_popcountll(m));
    }
    // big ints: count the ones of |x| 62 bits at a time
    num::BigInt x = to_bigint(a[0]).abs();
    const num::BigInt chunk(std::int64_t{1} << 62);
    std::int64_t ones = 0;
    while (!x.is_zero()) {
        ones += __builtin_popcountll(static_cast<std::uint64_t>(num::mod(x, chunk).to_int64()));
        x = num::floordiv(x, chunk);
    }
    return Value::integer(ones);
}
Value i_as_integer_ratio(Value* a, int n, const CallArgs&) {
    if (!no_args("as_integer_ratio", n)) return Value();
    return tuple_value({a[0].tag == Tag::Bool ? Value::integer(a[0].i) : a[0], Value::integer(1)});
}
Value i_conjugate(Value* a, int n, const CallArgs&) {
    if (!no_args("conjugate", n)) return Value();
    return a[0].tag == Tag::Bool ? Value::integer(a[0].i) : a[0];
}
Value i_self(Value* a, int, const CallArgs&) { return a[0].tag == Tag::Bool ? Value::integer(a[0].i) : a[0]; }
Value i_zero(Value*, int, const CallArgs&) { return Value::integer(0); }
Value i_one(Value*, int, const CallArgs&) { return Value::integer(1); }

Value f_is_integer(Value* a, int n, const CallArgs&) {
    if (!no_args("is_integer", n)) return Value();
    return Value::boolean(std::isfinite(a[0].f) && std::floor(a[0].f) == a[0].f);
}
// The exact fraction of a double: mantissa * 2**exp reduced.
Value f_as_integer_ratio(Value* a, int n, const CallArgs&) {
    if (!no_args("as_integer_ratio", n)) return Value();
    double d = a[0].f;
    if (std::isinf(d)) return raise(T.OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(d)) return raise(T.ValueError, "cannot convert NaN to integer ratio");
    int exp;
    double m = std::frexp(d, &exp);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
        m *= 2.0;
        --exp;
    }
    Value num = int_value(num::BigInt::from_double(m)), den = Value::integer(1);
    Value two_pow = binary_op(BinOpKind::Pow, Value::integer(2), Value::integer(exp < 0 ? -exp : exp));
    if (two_pow.is_null()) return two_pow;
    if (exp > 0) num = binary_op(BinOpKind::Mult, num, two_pow);
    else den = two_pow;
    return num.is_null() ? num : tuple_value({num, den});
}
Value f_conjugate(Value* a, int n, const CallArgs&) {
    if (!no_args("conjugate", n)) return Value();
    return a[0];
}
Value f_self(Value* a, int, const CallArgs&) { return a[0]; }
Value f_zero(Value*, int, const CallArgs&) { return Value::number(0.0); }

}  // namespace

void init_number_methods() {
    add_method(T.int_, "bit_length", i_bit_length);
    add_method(T.int_, "bit_count", i_bit_count);
    add_method(T.int_, "as_integer_ratio", i_as_integer_ratio);
    add_method(T.int_, "conjugate", i_conjugate);
    add_property(T.int_, "real", i_self);
    add_property(T.int_, "imag", i_zero);
    add_property(T.int_, "numerator", i_self);
    add_property(T.int_, "denominator", i_one);
    add_method(T.float_, "is_integer", f_is_integer);
    add_method(T.float_, "as_integer_ratio", f_as_integer_ratio);
    add_method(T.float_, "conjugate", f_conjugate);
    add_property(T.float_, "real", f_self);
    add_property(T.float_, "imag", f_zero);
}

}  // namespace corolab::lang
