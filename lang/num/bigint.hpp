// Arbitrary-precision signed integers with Python's int semantics, and the
// overflow-checked int64 fast paths the vm uses before promoting to BigInt.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lang/num/num_error.hpp"

namespace corolab::num {

// ---- int64 fast paths (Python semantics; no allocation) ---------------------
// Each returns true when the result does not fit in int64: the vm then redoes
// the operation on BigInt. On false, `out` holds the exact result.

inline bool add_overflows(int64_t a, int64_t b, int64_t& out) { return __builtin_add_overflow(a, b, &out); }
inline bool sub_overflows(int64_t a, int64_t b, int64_t& out) { return __builtin_sub_overflow(a, b, &out); }
inline bool mul_overflows(int64_t a, int64_t b, int64_t& out) { return __builtin_mul_overflow(a, b, &out); }
inline bool neg_overflows(int64_t a, int64_t& out) { return __builtin_sub_overflow(int64_t{0}, a, &out); }

// a // b rounded toward negative infinity. Precondition b != 0 (the vm raises
// ZeroDivisionError "integer division or modulo by zero"). Overflows only for
// INT64_MIN // -1.
inline bool floordiv_overflows(int64_t a, int64_t b, int64_t& out) {
    if (b == -1) return neg_overflows(a, out);
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    out = q;
    return false;
}

// a % b with the sign of b (Python). Precondition b != 0. Never overflows.
inline int64_t floormod(int64_t a, int64_t b) {
    if (b == -1) return 0;  // INT64_MIN % -1 is UB in C++
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

// base ** exp for exp >= 0 (the vm handles exp < 0: it gives a float).
inline bool pow_overflows(int64_t base, int64_t exp, int64_t& out) {
    int64_t result = 1;
    while (true) {
        if (exp & 1) {
            if (__builtin_mul_overflow(result, base, &result)) return true;
        }
        exp >>= 1;
        if (exp == 0) break;
        if (__builtin_mul_overflow(base, base, &base)) return true;
    }
    out = result;
    return false;
}

// a << n for n >= 0 (the vm raises ValueError "negative shift count").
inline bool lshift_overflows(int64_t a, int64_t n, int64_t& out) {
    if (a == 0) { out = 0; return false; }
    if (n >= 63) return true;
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(a) << n);
    if ((r >> n) != a) return true;
    out = r;
    return false;
}

// a >> n for n >= 0: floor(a / 2**n), never overflows.
inline int64_t rshift(int64_t a, int64_t n) { return n >= 63 ? (a < 0 ? -1 : 0) : (a >> n); }

// Appends the digits of `mag` in base 2..16 (lowercase unless `upper`), no
// sign or prefix. No allocation beyond `out`'s growth.
inline void append_digits(std::string& out, uint64_t mag, int base, bool upper = false) {
    const char* dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[64];
    int n = 0;
    do {
        buf[n++] = dig[mag % static_cast<uint64_t>(base)];
        mag /= static_cast<uint64_t>(base);
    } while (mag);
    while (n) out.push_back(buf[--n]);
}

// |v| as uint64 (INT64_MIN included).
inline uint64_t magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// Python's hash(int) for an int64: value mod (2**61 - 1) keeping the sign;
// -1 maps to -2. Inline for the common case, |v| below the modulus (the
// value itself: no division); hash_int64_mod reduces the others.
int64_t hash_int64_mod(int64_t v);
inline int64_t hash_int64(int64_t v) {
    constexpr int64_t kModulus = (int64_t{1} << 61) - 1;
    if (v > -kModulus && v < kModulus) return v == -1 ? -2 : v;
    return hash_int64_mod(v);
}

// Exact comparison of an int with a float (Python compares exactly, not by
// converting the int). Returns -1, 0, 1; `unordered` is set when f is NaN.
int compare_int64_double(int64_t i, double f, bool& unordered);

// int / int correctly rounded, as Python's true division. Precondition b != 0.
double true_divide_int64(int64_t a, int64_t b);

// ---- BigInt -----------------------------------------------------------------

// CPython 3.11's default sys.get_int_max_str_digits().
inline constexpr std::size_t kIntMaxStrDigits = 4300;

// Signed magnitude on 32-bit limbs (least significant first, no leading zero
// limbs; zero has no limbs and is never negative). Value type: copies copy the
// limbs. Operations are schoolbook: + - O(n), * / O(n*m); decimal conversion is
// O(n^2) with 9-digit chunks (10,000 digits in well under a millisecond).
class BigInt {
public:
    BigInt() = default;
    BigInt(int64_t v);  // implicit: int64 values mix freely with BigInt
    static BigInt from_uint64(uint64_t v);

    // Python int(text, base): base 0 or 2..36. Accepts surrounding whitespace,
    // a sign, the 0x/0o/0b prefix (required for base 0 to choose the base,
    // optional for a matching base), single underscores between digits (and
    // after a prefix). Base 0 rejects leading zeros of a non-zero decimal
    // ("010"). Returns nullopt when invalid: the vm raises ValueError
    // "invalid literal for int() with base 10: 'abc'" (that text is
    // int_parse_error_message). Also used for source literals (base 0).
    // A text of more than kIntMaxStrDigits digits in a base that is not a
    // power of two sets *too_long_digits to its digit count and returns
    // nullopt (the vm raises ValueError int_str_digits_parse_message(count));
    // otherwise *too_long_digits is set to 0.
    static std::optional<BigInt> parse(std::string_view text, int base, std::size_t* too_long_digits = nullptr);

    // int(x) for a finite double: truncation toward zero. Precondition:
    // std::isfinite(d) (the vm raises OverflowError "cannot convert float
    // infinity to integer" or ValueError "cannot convert float NaN to integer").
    static BigInt from_double(double d);

    bool is_zero() const { return limbs_.empty(); }
    bool is_negative() const { return negative_; }
    int sign() const { return negative_ ? -1 : (limbs_.empty() ? 0 : 1); }
    bool is_odd() const { return !limbs_.empty() && (limbs_[0] & 1); }

    bool fits_int64() const;
    // Precondition fits_int64().
    int64_t to_int64() const;
    std::optional<int64_t> as_int64() const {
        if (fits_int64()) return to_int64();
        return std::nullopt;
    }

    // Number of bits of |x| (int.bit_length()); 0 for zero.
    uint64_t bit_length() const;

    // float(x), correctly rounded (half even). Sets `overflow` when |x| rounds
    // to >= 2**1024 (OverflowError "int too large to convert to float").
    double to_double(bool& overflow) const;

    // Decimal text ("-123"), no digit limit. Use str_digits_error first when
    // printing a user value (str(), repr(), f-strings, %d).
    std::string to_string() const;
    // Digits in base 2, 8, 16 (lowercase unless `upper`), with a leading '-'
    // for negatives and no prefix: the bodies of format(x, 'x') etc.
    std::string to_string_base(int base, bool upper = false) const;
    // Python's bin()/oct()/hex(): "-0x1f", "0b0", "0o17".
    std::string to_prefixed(int base) const;

    // Python's hash(int).
    int64_t hash() const;

    // Limbs, least significant first (read-only; for hashing and tests).
    const std::vector<uint32_t>& limbs() const { return limbs_; }

    friend bool operator==(const BigInt& a, const BigInt& b) = default;
    friend std::strong_ordering operator<=>(const BigInt& a, const BigInt& b);

    friend BigInt operator-(const BigInt& a);
    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    // Bitwise operators act on the infinite two's-complement form (Python).
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    friend BigInt operator~(const BigInt& a);  // -(a + 1)
    // Shifts by a non-negative count (the vm rejects negative counts and
    // raises OverflowError for absurd left shifts). a >> n floors.
    friend BigInt operator<<(const BigInt& a, uint64_t n);
    friend BigInt operator>>(const BigInt& a, uint64_t n);

    // In-place `*this + v`, `*this - v`, `*this * v` for an int64 v: the same
    // results as the operators below with BigInt(v), reusing the limbs'
    // storage (no allocation unless the magnitude outgrows its capacity).
    // The interpreter's `total += x` fast path uses them.
    void add_int64(int64_t v) { add_signed_mag(magnitude(v), v < 0); }
    void sub_int64(int64_t v) { add_signed_mag(magnitude(v), v > 0); }
    void mul_int64(int64_t v);

    BigInt abs() const {
        BigInt r = *this;
        r.negative_ = false;
        return r;
    }

private:
    friend struct BigIntOps;
    void trim();
    // *this += (negative ? -m : m), in place.
    void add_signed_mag(uint64_t m, bool negative);
    std::vector<uint32_t> limbs_;
    bool negative_ = false;
};

struct BigDivmod {
    BigInt quot, rem;
};

// Floor division and modulo with Python's signs (remainder has the divisor's
// sign). Precondition: !b.is_zero().
BigDivmod divmod(const BigInt& a, const BigInt& b);
BigInt floordiv(const BigInt& a, const BigInt& b);
BigInt mod(const BigInt& a, const BigInt& b);

// a / b correctly rounded to a double, as Python's int true division.
// Precondition !b.is_zero(). Sets `overflow` when the quotient is too large
// (OverflowError "integer division result too large for a float").
double true_divide(const BigInt& a, const BigInt& b, bool& overflow);

// base ** exp for exp >= 0 (square-and-multiply).
BigInt pow(const BigInt& base, uint64_t exp);

// pow(base, exp, m) for m != 0 (the vm raises ValueError "pow() 3rd argument
// cannot be 0"). Result has m's sign (Python). A negative exp uses the
// modular inverse; when none exists, returns the ValueError "base is not
// invertible for the given modulus".
NumError pow_mod(const BigInt& base, const BigInt& exp, const BigInt& m, BigInt& out);

// Exact int-vs-float comparison: -1, 0, 1; `unordered` set when f is NaN.
int compare_bigint_double(const BigInt& i, double f, bool& unordered);

// The ValueError str()/repr()/format of an int raises in CPython 3.11 when
// its decimal form has more than `limit` digits; empty when it is fine.
// Cheap for huge values (estimated from bit_length before converting).
std::optional<NumError> str_digits_error(const BigInt& v, std::size_t limit = kIntMaxStrDigits);

// to_string() after the CPython 3.11 digit-limit check: returns the error
// (ValueError "Exceeds the limit (4300 digits) for integer string conversion;
// use sys.set_int_max_str_digits() to increase the limit") or fills `out`.
NumError to_decimal_checked(const BigInt& v, std::string& out, std::size_t limit = kIntMaxStrDigits);

// "invalid literal for int() with base 10: " + quoted; `quoted` is repr() of
// the original str argument, supplied by the vm.
std::string int_parse_error_message(int base, std::string_view quoted);
// ValueError text when int(str) gets more than kIntMaxStrDigits digits.
std::string int_str_digits_parse_message(std::size_t digits);

}  // namespace corolab::num
