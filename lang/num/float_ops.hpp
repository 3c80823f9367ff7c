// Python float arithmetic that C++ does not give directly: floor division,
// modulo, divmod, **, round(), int(float), float(str), hash(float).
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lang/num/num_error.hpp"

namespace corolab::num {

// a // b, a % b (sign of b), divmod(a, b), as CPython's float_divmod.
// Precondition b != 0 (ZeroDivisionError "float floor division by zero",
// "float modulo", "float divmod()" are the vm's).
struct FloatDivmod {
    double quot, rem;
};
FloatDivmod float_divmod(double a, double b);
inline double float_floordiv(double a, double b) { return float_divmod(a, b).quot; }
double float_mod(double a, double b);

// a ** b as CPython's float_pow. Errors:
//  ZeroDivisionError "0.0 cannot be raised to a negative power"
//  NotSupported "not supported in corolab: complex numbers" (negative base,
//    non-integer exponent: CPython returns a complex)
//  OverflowError "(34, 'Numerical result out of range')"
NumError float_pow(double a, double b, double& out);

// round(x, ndigits) with CPython's correctly rounded semantics (the exact
// binary value rounded half-even at the decimal position). Any ndigits;
// OverflowError "rounded value too large to represent" when the result is
// out of range. NaN/inf are returned unchanged.
NumError float_round(double x, int64_t ndigits, double& out);
// round(x) with no ndigits: half-even to an integral double. The vm makes it
// an int (BigInt::from_double or double_to_int64); it raises for inf/nan:
// OverflowError "cannot convert float infinity to integer",
// ValueError "cannot convert float NaN to integer".
inline double round_half_even(double x) { return std::nearbyint(x); }

// int(x) when |trunc(x)| fits int64: true and `out` set. False for larger
// values and inf/nan (use BigInt::from_double after the vm's inf/nan check).
inline bool double_to_int64(double x, int64_t& out) {
    if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return false;
    out = static_cast<int64_t>(x);
    return true;
}

// float(text) for a str argument: surrounding whitespace, sign, digits with
// single underscores between digits, point, exponent, "inf", "infinity",
// "nan" in any case. nullopt when invalid: the vm raises ValueError
// float_parse_error_message(repr(text)).
std::optional<double> parse_float(std::string_view text);
// "could not convert string to float: " + quoted (quoted is repr() of the str).
std::string float_parse_error_message(std::string_view quoted);

// Python's hash(float) (equal to hash(int) for integral values; 0 for NaN in
// this implementation, CPython 3.11 hashes NaN by identity: never printed).
int64_t hash_double(double x);

// x.is_integer()
inline bool float_is_integer(double x) { return std::isfinite(x) && std::floor(x) == x; }

}  // namespace corolab::num
