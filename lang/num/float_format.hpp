// Python's float-to-text conversions: repr (shortest round-trip) and the
// fixed/exponent/general conversions that format specs and %-formatting use.
#pragma once

#include <string>

namespace corolab::num {

// Python's repr(x) == str(x): the shortest digit string that reads back as x,
// in fixed notation when 1e-4 <= |x| < 1e16 ("0.0001", "100.0",
// "1234567890123456.0") and otherwise exponent notation with at least two
// exponent digits ("1e+16", "1e-05", "1.5e+300"); "inf", "-inf", "nan",
// "-0.0". No allocation beyond the returned string; no iostreams.
std::string float_repr(double x);
// Appends float_repr(x) to `out` (the vm's print/str paths).
void append_float_repr(std::string& out, double x);

// Shortest round-trip digits of a finite x != 0: `digits` gets the decimal
// digits without leading/trailing zeros, and the value is
// 0.<digits> * 10**decpt (so 1.5 gives "15", decpt 1). Sign is ignored.
void shortest_digits(double x, std::string& digits, int& decpt);

// One conversion of the format mini-language, applied to |x| and a sign
// prefix handled by the caller. `type` is one of 'e' 'E' 'f' 'F' 'g' 'G' 'r'
// ('r' = repr rules) or 'n' treated like 'g'. `precision` as Python
// (< 0: the type's default: 6 for e/f/g; repr for 'r'). `alternate` is '#'.
// inf/nan come out as "inf"/"nan" ("INF"/"NAN" for upper-case types).
// For type 0 (no type given, with a precision) pass 'z': Python's "like 'g'
// but at least one digit after the point" rule.
std::string format_float_body(double absx, char type, int precision, bool alternate);

// |x| correctly rounded to `precision` (>= 1) significant digits, trailing
// zeros removed (dtoa mode 2): 0.<digits> * 10**decpt; "0", 1 for zero.
void rounded_digits(double absx, int precision, std::string& digits, int& decpt);

// snprintf(fmt, precision, x) into a string of any length ("%.*f" of 1e308
// has 309 digits). `fmt` takes exactly one '*' precision and one double.
std::string sprintf_double(const char* fmt, int precision, double x);

namespace detail {
// The portable shortest-digits algorithm used where std::to_chars(double) is
// missing (Emscripten 3.1.6's libc++): exact 128-bit integer arithmetic for
// normal doubles between about 1e-5 and 1e22 (checking the correctly rounded
// 15-, 16- and 17-digit candidates and their neighbours against x's
// rounding interval), else shortest_digits_by_search. Exposed so native
// tests can compare both with std::to_chars.
void shortest_digits_portable(double x, std::string& digits, int& decpt);
// printf("%.*f", precision, absx) computed exactly with 128-bit integers
// (round half even on the exact binary value, as glibc and musl do) when
// absx < 2**70 and precision <= 20; false otherwise (callers use printf).
bool fixed_digits_exact(double absx, int precision, std::string& out);
// Slow and general: correctly rounded printf at 15..17 digits (1..17 for
// subnormals) read back with strtod, plus the neighbour check.
void shortest_digits_by_search(double x, std::string& digits, int& decpt);
}  // namespace detail

}  // namespace corolab::num
