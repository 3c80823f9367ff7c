#include "lang/num/float_ops.hpp"

#include "lang/num/float_format.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace corolab::num {

namespace {

constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;
constexpr int kHashBits = 61;

bool is_odd_integer(double w) { return std::fmod(std::fabs(w), 2.0) == 1.0; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool ieq(std::string_view a, const char* b) {
    std::size_t i = 0;
    for (; i < a.size() && b[i]; ++i)
        if ((a[i] | 0x20) != b[i]) return false;
    return i == a.size() && !b[i];
}

// Rounds the decimal integer `digits` (+ a non-zero fraction when `sticky`)
// to a multiple of 10**k, half even. Returns the leading digits of the
// result (the multiplier of 10**k), "" for zero.
std::string round_integer_digits(const std::string& digits, bool sticky, std::size_t k) {
    if (digits.size() < k) return "";
    std::string head = digits.substr(0, digits.size() - k);
    std::string tail = digits.substr(digits.size() - k);
    // Compare tail (+sticky) with 5000...0 (k digits).
    int cmp;
    if (k == 0) {
        cmp = -1;  // nothing to drop (sticky never set here)
    } else if (tail[0] != '5') {
        cmp = tail[0] < '5' ? -1 : 1;
    } else {
        cmp = (tail.find_first_not_of('0', 1) != std::string::npos || sticky) ? 1 : 0;
    }
    bool head_odd = !head.empty() && ((head.back() - '0') & 1);
    if (cmp > 0 || (cmp == 0 && head_odd)) {
        std::size_t i = head.size();
        while (i > 0 && head[i - 1] == '9') head[--i] = '0';
        if (i == 0)
            head.insert(head.begin(), '1');
        else
            ++head[i - 1];
    }
    std::size_t nz = head.find_first_not_of('0');
    return nz == std::string::npos ? "" : head.substr(nz);
}

}  // namespace

FloatDivmod float_divmod(double vx, double wx) {
    // CPython's float_divmod, step for step (signs of zero included).
    double mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    double floordiv;
    if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
    return {floordiv, mod};
}

double float_mod(double vx, double wx) {
    double mod = std::fmod(vx, wx);
    if (mod != 0) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = std::copysign(0.0, wx);
    }
    return mod;
}

NumError float_pow(double iv, double iw, double& out) {
    // CPython 3.11 float_pow: special cases first, then libm pow.
    if (iw == 0) {
        out = 1.0;
        return {};
    }
    if (std::isnan(iv)) {
        out = iv == 1.0 ? 1.0 : iv;
        return {};
    }
    if (std::isnan(iw)) {
        out = iv == 1.0 ? 1.0 : iw;
        return {};
    }
    if (std::isinf(iw)) {
        double a = std::fabs(iv);
        if (a == 1.0)
            out = 1.0;
        else if ((iw > 0.0) == (a > 1.0))
            out = std::fabs(iw);
        else
            out = 0.0;
        return {};
    }
    if (std::isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            out = odd ? iv : std::fabs(iv);
        else
            out = odd ? std::copysign(0.0, iv) : 0.0;
        return {};
    }
    if (iv == 0.0) {
        if (iw < 0.0) return {ErrorKind::ZeroDivisionError, "0.0 cannot be raised to a negative power"};
        out = is_odd_integer(iw) ? iv : 0.0;
        return {};
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw)) return {ErrorKind::NotSupported, "not supported in corolab: complex numbers"};
        negate = is_odd_integer(iw);
        iv = -iv;
    }
    if (iv == 1.0) {
        out = negate ? -1.0 : 1.0;
        return {};
    }
    double ix = std::pow(iv, iw);
    if (std::isinf(ix)) return {ErrorKind::OverflowError, "(34, 'Numerical result out of range')"};
    out = negate ? -ix : ix;
    return {};
}

NumError float_round(double x, int64_t ndigits, double& out) {
    // CPython's double_round: the exact binary value rounded half-even at
    // the decimal position, read back with a correctly rounded strtod.
    constexpr int64_t kMax = 323;   // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103
    constexpr int64_t kMin = -308;  // -(DBL_MAX_EXP + 1) * 0.30103
    if (!std::isfinite(x) || x == 0.0 || ndigits > kMax) {
        out = x;
        return {};
    }
    if (ndigits < kMin) {
        out = 0.0 * x;
        return {};
    }
    const bool negative = std::signbit(x);
    const double a = std::fabs(x);
    std::string text;
    if (ndigits >= 0) {
        if (!detail::fixed_digits_exact(a, static_cast<int>(ndigits), text))
            text = sprintf_double("%.*f", static_cast<int>(ndigits), a);
    } else {
        double ip = std::trunc(a);
        std::string digits = sprintf_double("%.*f", 0, ip);
        std::string head = round_integer_digits(digits, a != ip, static_cast<std::size_t>(-ndigits));
        text = head.empty() ? "0" : head + "e" + std::to_string(-ndigits);
    }
    errno = 0;
    double r = std::strtod(text.c_str(), nullptr);
    if (std::isinf(r)) return {ErrorKind::OverflowError, "rounded value too large to represent"};
    out = negative ? -r : r;
    return {};
}

std::optional<double> parse_float(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    std::string_view s = text.substr(b, e - b);
    std::string_view body = s;
    bool negative = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (ieq(body, "inf") || ieq(body, "infinity")) return negative ? -HUGE_VAL : HUGE_VAL;
    if (ieq(body, "nan")) return negative ? -NAN : NAN;
    // digits [. digits] [e [sign] digits], underscores only between digits.
    std::string clean;
    clean.reserve(s.size());
    if (negative) clean.push_back('-');
    std::size_t i = 0;
    auto digit_run = [&](bool& any) {
        any = false;
        while (i < body.size()) {
            char c = body[i];
            if (c >= '0' && c <= '9') {
                clean.push_back(c);
                any = true;
                ++i;
            } else if (c == '_' && any && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '9') {
                ++i;
            } else {
                break;
            }
        }
    };
    bool int_digits = false, frac_digits = false, exp_digits = false;
    digit_run(int_digits);
    if (i < body.size() && body[i] == '.') {
        clean.push_back('.');
        ++i;
        digit_run(frac_digits);
    }
    if (!int_digits && !frac_digits) return std::nullopt;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        clean.push_back('e');
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) clean.push_back(body[i++]);
        digit_run(exp_digits);
        if (!exp_digits) return std::nullopt;
    }
    if (i != body.size()) return std::nullopt;
    return std::strtod(clean.c_str(), nullptr);
}

std::string float_parse_error_message(std::string_view quoted) {
    std::string m = "could not convert string to float: ";
    m += quoted;
    return m;
}

int64_t hash_double(double v) {
    // CPython's _Py_HashDouble (NaN: see header).
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    if (std::isnan(v)) return 0;
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
        m *= 268435456.0;  // 2**28
        e -= 28;
        uint64_t y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kHashModulus) x -= kHashModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
    int64_t h = static_cast<int64_t>(x) * sign;
    return h == -1 ? -2 : h;
}

}  // namespace corolab::num
