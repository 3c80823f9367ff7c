// The format-spec mini-language (format(), str.format, f-strings) for int,
// float and str, exactly as CPython 3.11 formats them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lang/num/bigint.hpp"
#include "lang/num/num_error.hpp"

namespace corolab::num {

// [[fill]align][sign][z][#][0][width][grouping][.precision][type]
struct FormatSpec {
    std::string fill = " ";  // one code point, UTF-8
    char align = 0;          // '<' '>' '=' '^', or 0 when absent
    char sign = 0;           // '+' '-' ' ', or 0
    bool no_neg_zero = false;  // 'z'
    bool alternate = false;    // '#'
    bool zero_pad = false;     // '0' before the width
    int64_t width = -1;        // -1 when absent
    char grouping = 0;         // ',' '_' or 0
    int64_t precision = -1;    // -1 when absent
    char type = 0;             // 0 when absent
};

// Parses a spec as CPython does for an object of type `type_name` whose
// default presentation type is `default_type` ('s' for str, 'd' for int, 0
// for float). Errors: ValueError "Invalid format specifier 'abc' for object
// of type 'int'", "Format specifier missing precision", "Cannot specify ','
// with 'x'.", "Too many decimal digits in format string", ...
NumError parse_format_spec(std::string_view spec, FormatSpec& out, std::string_view type_name, char default_type);

// format(value, spec), appended to `out`. On error `out` is unchanged and
// the error is CPython's (ValueError "Unknown format code 'd' for object of
// type 'float'", "Sign not allowed in string format specifier", OverflowError
// "%c arg not in range(0x110000)", ...). Widths count code points.
// An empty spec gives str(value) (for ints and floats; the vm must treat
// bool with an empty spec as str: format(True, '') is 'True', format(True,
// 'd') is '1', so for bool call format_int only when the spec is non-empty).
// `type_name` is the Python type named in errors (an int subclass such as
// bool formats as int but is named "bool").
NumError format_int(int64_t value, std::string_view spec, std::string& out, std::string_view type_name = "int");
NumError format_bigint(const BigInt& value, std::string_view spec, std::string& out, std::string_view type_name = "int");
NumError format_float(double value, std::string_view spec, std::string& out);
NumError format_str(std::string_view utf8, std::string_view spec, std::string& out);

// Number of code points in UTF-8 text (widths, padding).
std::size_t utf8_length(std::string_view utf8);

}  // namespace corolab::num
