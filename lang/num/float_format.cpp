#include "lang/num/float_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__GLIBCXX__)
#include <charconv>
#define COROLAB_HAVE_FLOAT_TO_CHARS 1
#endif

namespace corolab::num {

namespace {

// Parses printf/to_chars scientific output "d.ddde[+-]XX" into digits
// (trailing zeros removed) and decpt.
void parse_scientific(const char* s, std::size_t n, std::string& digits, int& decpt) {
    digits.clear();
    std::size_t i = 0;
    for (; i < n && s[i] != 'e' && s[i] != 'E'; ++i)
        if (s[i] >= '0' && s[i] <= '9') digits.push_back(s[i]);
    int exp = 0;
    bool neg = false;
    if (i < n) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
        for (; i < n; ++i) exp = exp * 10 + (s[i] - '0');
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    decpt = (neg ? -exp : exp) + 1;
}

// Writes "0.<digits>e<decpt>" for strtod.
double read_back(const std::string& digits, int decpt) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "0.%se%d", digits.c_str(), decpt);
    return std::strtod(buf, nullptr);
}

// Adds +1 or -1 in the last digit place of a p-digit decimal.
void step_digits(std::string& digits, int& decpt, int direction) {
    if (direction > 0) {
        std::size_t i = digits.size();
        while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
        if (i == 0) {
            digits.insert(digits.begin(), '1');
            digits.pop_back();
            ++decpt;
        } else {
            ++digits[i - 1];
        }
    } else {
        std::size_t i = digits.size();
        while (i > 0 && digits[i - 1] == '0') digits[--i] = '9';
        --digits[i - 1];
        if (digits[0] == '0') {  // 1000 - 1 = 0999: one digit shorter, keep p digits
            digits.erase(digits.begin());
            digits.push_back('9');
            --decpt;
        }
    }
}

void strip_zeros(std::string& digits) {
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

void append_exponent(std::string& out, int exp) {
    out.push_back('e');
    out.push_back(exp < 0 ? '-' : '+');
    unsigned e = static_cast<unsigned>(exp < 0 ? -exp : exp);
    char buf[8];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + e % 10);
        e /= 10;
    } while (e);
    if (n < 2) buf[n++] = '0';
    while (n) out.push_back(buf[--n]);
}

}  // namespace

namespace detail {

void shortest_digits_by_search(double x, std::string& digits, int& decpt) {
    x = std::fabs(x);
    char buf[64];
    // Normal doubles carry more than 15 significant digits, so no shorter
    // string can round-trip unless the 15-digit one does; subnormals carry
    // fewer, so search them from one digit.
    for (int p = x < 2.2250738585072014e-308 ? 1 : 15; p <= 17; ++p) {
        int n = std::snprintf(buf, sizeof buf, "%.*e", p - 1, x);
        // All p digits (no stripping yet): the neighbour step needs them.
        std::string d;
        int i = 0;
        for (; i < n && buf[i] != 'e'; ++i)
            if (buf[i] >= '0' && buf[i] <= '9') d.push_back(buf[i]);
        int dp = std::atoi(buf + i + 1) + 1;
        double back = read_back(d, dp);
        if (back == x) {
            strip_zeros(d);
            digits = d;
            decpt = dp;
            return;
        }
        // The closest p-digit decimal fell outside x's rounding interval; at
        // a power of two the interval is lopsided and the neighbour on the
        // other side of x may still be inside it.
        step_digits(d, dp, back < x ? 1 : -1);
        if (read_back(d, dp) == x) {
            strip_zeros(d);
            digits = d;
            decpt = dp;
            return;
        }
    }
    // Not reached: 17 correctly rounded digits always read back.
    int n = std::snprintf(buf, sizeof buf, "%.16e", x);
    parse_scientific(buf, static_cast<std::size_t>(n), digits, decpt);
}

namespace {

using u128 = unsigned __int128;
using i128 = __int128;

u128 pow10_u128(int k) {
    static const uint64_t small[20] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
                                       100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL,
                                       1000000000000ULL, 10000000000000ULL, 100000000000000ULL,
                                       1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
                                       1000000000000000000ULL, 10000000000000000000ULL};
    if (k < 20) return small[k];
    return static_cast<u128>(small[19]) * small[k - 19];
}

int bit_width_u128(u128 v) {
    const uint64_t hi = static_cast<uint64_t>(v >> 64), lo = static_cast<uint64_t>(v);
    if (hi) return 128 - __builtin_clzll(hi);
    return lo ? 64 - __builtin_clzll(lo) : 0;
}

// x = m * 2**e scaled by 10**k, as the exact fraction num / den, with
// U = num / m (one ulp of x in the scaled domain, times den).
struct Scaled {
    u128 num, den, ulp;
    int den_shift;  // den == 2**den_shift when >= 0 (division is a shift)
};

bool make_scaled(uint64_t m, int e, int k, Scaled& s) {
    const int pk = k > 0 ? k : 0, nk = k < 0 ? -k : 0;
    const int pe = e > 0 ? e : 0, ne = e < 0 ? -e : 0;
    // Bit budget: every product stays below 2**125, so doubling and the
    // signed difference in in_interval cannot overflow.
    if (pk > 38 || nk > 38 || pe > 120 || ne > 120) return false;
    const u128 p10 = pow10_u128(pk), n10 = pow10_u128(nk);
    if (bit_width_u128(p10) + pe + 53 > 124 || bit_width_u128(n10) + ne > 120) return false;
    s.ulp = p10 << pe;
    s.num = s.ulp * m;
    s.den = n10 << ne;
    s.den_shift = nk == 0 ? ne : -1;
    return true;
}

// Is c / den-scaled within x's rounding interval? diff = c - x*10**k.
bool in_interval(u128 c, u128 q, u128 r, const Scaled& s, bool inclusive, bool lopsided) {
    i128 diff = (static_cast<i128>(c) - static_cast<i128>(q)) * static_cast<i128>(s.den) - static_cast<i128>(r);
    const bool below = diff < 0;
    u128 mag = static_cast<u128>(below ? -diff : diff);
    // |diff| <= ulp/2 (ulp/4 below x when x is a power of two).
    u128 lhs = mag * (below && lopsided ? 4 : 2);
    return inclusive ? lhs <= s.ulp : lhs < s.ulp;
}

bool shortest_digits_exact(double x, std::string& digits, int& decpt) {
    if (!(x >= 2.2250738585072014e-308)) return false;  // subnormals: slow path
    int ex = 0;
    const double f = std::frexp(x, &ex);
    const uint64_t m = static_cast<uint64_t>(std::ldexp(f, 53));
    const int e = ex - 53;
    const bool inclusive = (m & 1) == 0;  // ties read back to the even mantissa
    const bool lopsided = m == (uint64_t{1} << 52) && ex > -1021;
    int d = static_cast<int>(std::floor(std::log10(x)));
    for (int p = 15; p <= 17; ++p) {
        Scaled s;
        u128 q = 0, r = 0, c = 0;
        for (int attempt = 0; attempt < 3; ++attempt) {
            if (!make_scaled(m, e, p - 1 - d, s)) return false;
            if (s.den_shift >= 0) {
                q = s.num >> s.den_shift;
                r = s.num & (s.den - 1);
            } else {
                q = s.num / s.den;
                r = s.num % s.den;
            }
            c = q + ((2 * r > s.den || (2 * r == s.den && (q & 1))) ? 1 : 0);
            const u128 lo = pow10_u128(p - 1), hi = pow10_u128(p);
            if (q < lo) {
                --d;  // log10 overestimated
            } else if (q >= hi) {
                ++d;
            } else {
                break;
            }
        }
        u128 found = 0;
        if (in_interval(c, q, r, s, inclusive, lopsided)) {
            found = c;
        } else {
            // c is off to one side; the neighbour across x may be inside.
            const bool c_below = c <= q && (c < q || r != 0);
            u128 other = c_below ? c + 1 : c - 1;
            if (in_interval(other, q, r, s, inclusive, lopsided)) found = other;
        }
        if (found) {
            char buf[48];
            int n = 0;
            uint64_t v = static_cast<uint64_t>(found);  // at most 10**17
            while (v) {
                buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
                v /= 10;
            }
            digits.clear();
            while (n) digits.push_back(buf[--n]);
            decpt = d + 1 + (static_cast<int>(digits.size()) - p);
            strip_zeros(digits);
            return true;
        }
    }
    return false;
}

// Appends the decimal digits of v.
void append_u128(std::string& out, u128 v) {
    char buf[48];
    int n = 0;
    constexpr uint64_t kChunk = 10000000000000000000ULL;  // 10**19
    uint64_t low = static_cast<uint64_t>(v % kChunk);
    uint64_t high = static_cast<uint64_t>(v / kChunk);
    for (int i = 0; i < 19 && (low || high || i == 0); ++i) {
        buf[n++] = static_cast<char>('0' + low % 10);
        low /= 10;
        if (!low && !high) break;
    }
    if (high) {
        while (n < 19) buf[n++] = '0';
        while (high) {
            buf[n++] = static_cast<char>('0' + high % 10);
            high /= 10;
        }
    }
    while (n) out.push_back(buf[--n]);
}

}  // namespace

bool fixed_digits_exact(double absx, int precision, std::string& out) {
    if (!(absx < 1180591620717411303424.0) || precision < 0 || precision > 20) return false;  // 2**70
    out.clear();
    u128 q = 0;
    if (absx != 0) {
        int ex = 0;
        const double f = std::frexp(absx, &ex);
        const uint64_t m = static_cast<uint64_t>(std::ldexp(f, 53));
        const int e = ex - 53;
        const u128 scaled = static_cast<u128>(m) * pow10_u128(precision);  // < 2**53 * 10**20 < 2**120
        if (e >= 0) {
            if (bit_width_u128(scaled) + e > 127) return false;
            q = scaled << e;
        } else if (-e >= 125) {
            q = 0;  // below half a unit: rounds to zero
        } else {
            const int sh = -e;
            q = scaled >> sh;
            const u128 r = scaled & ((static_cast<u128>(1) << sh) - 1);
            const u128 half = static_cast<u128>(1) << (sh - 1);
            if (r > half || (r == half && (q & 1))) ++q;
        }
    }
    std::string digits;
    append_u128(digits, q);
    if (digits.size() <= static_cast<std::size_t>(precision))
        digits.insert(digits.begin(), static_cast<std::size_t>(precision) + 1 - digits.size(), '0');
    const std::size_t int_len = digits.size() - static_cast<std::size_t>(precision);
    out.append(digits, 0, int_len);
    if (precision > 0) {
        out.push_back('.');
        out.append(digits, int_len, std::string::npos);
    }
    return true;
}

void shortest_digits_portable(double x, std::string& digits, int& decpt) {
    x = std::fabs(x);
    if (!shortest_digits_exact(x, digits, decpt)) shortest_digits_by_search(x, digits, decpt);
}

}  // namespace detail

void shortest_digits(double x, std::string& digits, int& decpt) {
#ifdef COROLAB_HAVE_FLOAT_TO_CHARS
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
    parse_scientific(buf, static_cast<std::size_t>(res.ptr - buf), digits, decpt);
#else
    detail::shortest_digits_portable(x, digits, decpt);
#endif
}

void append_float_repr(std::string& out, double x) {
    if (std::isnan(x)) {
        out += "nan";
        return;
    }
    if (std::signbit(x)) out.push_back('-');
    if (std::isinf(x)) {
        out += "inf";
        return;
    }
    if (x == 0) {
        out += "0.0";
        return;
    }
    std::string digits;
    int decpt = 0;
    shortest_digits(x, digits, decpt);
    const int nd = static_cast<int>(digits.size());
    // CPython's float_repr_style 'short', mode 'r': fixed notation for
    // -4 < decpt <= 16.
    if (decpt <= -4 || decpt > 16) {
        out.push_back(digits[0]);
        if (nd > 1) {
            out.push_back('.');
            out.append(digits, 1, std::string::npos);
        }
        append_exponent(out, decpt - 1);
    } else if (decpt <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-decpt), '0');
        out += digits;
    } else if (decpt >= nd) {
        out += digits;
        out.append(static_cast<std::size_t>(decpt - nd), '0');
        out += ".0";
    } else {
        out.append(digits, 0, static_cast<std::size_t>(decpt));
        out.push_back('.');
        out.append(digits, static_cast<std::size_t>(decpt), std::string::npos);
    }
}

std::string float_repr(double x) {
    std::string out;
    append_float_repr(out, x);
    return out;
}

void rounded_digits(double absx, int precision, std::string& digits, int& decpt) {
    if (absx == 0) {
        digits.assign(1, '0');
        decpt = 1;
        return;
    }
    std::string s = sprintf_double("%.*e", precision - 1, absx);
    parse_scientific(s.data(), s.size(), digits, decpt);
}

std::string sprintf_double(const char* fmt, int precision, double x) {
    char small[256];
    int n = std::snprintf(small, sizeof small, fmt, precision, x);
    if (n < static_cast<int>(sizeof small)) return std::string(small, static_cast<std::size_t>(n));
    std::vector<char> big(static_cast<std::size_t>(n) + 1);
    std::snprintf(big.data(), big.size(), fmt, precision, x);
    return std::string(big.data(), static_cast<std::size_t>(n));
}

std::string format_float_body(double absx, char type, int precision, bool alternate) {
    const bool upper = type == 'E' || type == 'F' || type == 'G';
    if (std::isinf(absx)) return upper ? "INF" : "inf";
    if (std::isnan(absx)) return upper ? "NAN" : "nan";
    if (type == 'r') {
        std::string out = float_repr(absx);
        if (alternate && out.find('.') == std::string::npos) {
            // '#' with repr rules: "1e+16" -> "1.e+16"
            std::size_t e = out.find('e');
            if (e == std::string::npos) e = out.size();
            out = out.substr(0, e) + "." + out.substr(e);
        }
        return out;
    }
    char conv = type;
    bool add_dot_0 = false;
    if (type == 'n') conv = 'g';
    if (type == 'z') {
        conv = 'g';
        add_dot_0 = true;
    }
    if (type == 'F') conv = 'f';
    if (precision < 0) precision = 6;
    if ((conv == 'g' || conv == 'G') && precision == 0) precision = 1;
    char fmt[8] = {'%', 0};
    int k = 1;
    if (alternate) fmt[k++] = '#';
    fmt[k++] = '.';
    fmt[k++] = '*';
    fmt[k++] = conv;
    fmt[k] = 0;
    std::string out;
    if (conv != 'f' || !detail::fixed_digits_exact(absx, precision, out)) {
        out = sprintf_double(fmt, precision, absx);
    } else if (alternate && precision == 0) {
        out.push_back('.');
    }
    if (add_dot_0 && out.find_first_of(".e") == std::string::npos) out += ".0";
    return out;
}

}  // namespace corolab::num
