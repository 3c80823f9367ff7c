#include "lang/num/bigint.hpp"

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace corolab::num {

namespace {

using Limbs = std::vector<uint32_t>;
constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;

void trim_limbs(Limbs& v) {
    while (!v.empty() && v.back() == 0) v.pop_back();
}

int cmp_mag(const Limbs& a, const Limbs& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (std::size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

Limbs add_mag(const Limbs& a, const Limbs& b) {
    const Limbs& longer = a.size() >= b.size() ? a : b;
    const Limbs& shorter = a.size() >= b.size() ? b : a;
    Limbs r(longer.size() + 1);
    uint64_t carry = 0;
    for (std::size_t i = 0; i < longer.size(); ++i) {
        uint64_t s = uint64_t{longer[i]} + (i < shorter.size() ? shorter[i] : 0) + carry;
        r[i] = static_cast<uint32_t>(s);
        carry = s >> 32;
    }
    r[longer.size()] = static_cast<uint32_t>(carry);
    trim_limbs(r);
    return r;
}

// |a| - |b|, precondition |a| >= |b|.
Limbs sub_mag(const Limbs& a, const Limbs& b) {
    Limbs r(a.size());
    int64_t borrow = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        int64_t d = int64_t{a[i]} - (i < b.size() ? b[i] : 0) - borrow;
        borrow = d < 0;
        r[i] = static_cast<uint32_t>(d + (borrow ? (int64_t{1} << 32) : 0));
    }
    trim_limbs(r);
    return r;
}

Limbs mul_mag(const Limbs& x, const Limbs& y) {
    if (x.empty() || y.empty()) return {};
    // Longer operand in the inner loop (big * small is O(n) with one pass).
    const Limbs& a = x.size() <= y.size() ? x : y;
    const Limbs& b = x.size() <= y.size() ? y : x;
    Limbs r(a.size() + b.size(), 0);
    for (std::size_t i = 0; i < a.size(); ++i) {
        uint64_t carry = 0;
        const uint64_t ai = a[i];
        if (ai == 0) continue;
        for (std::size_t j = 0; j < b.size(); ++j) {
            uint64_t t = ai * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        std::size_t k = i + b.size();
        while (carry) {
            uint64_t t = uint64_t{r[k]} + carry;
            r[k++] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    trim_limbs(r);
    return r;
}

// In place: v = v * m + add.
void mul_small_add(Limbs& v, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (auto& limb : v) {
        uint64_t t = uint64_t{limb} * m + carry;
        limb = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    if (carry) v.push_back(static_cast<uint32_t>(carry));
}

// In place: v /= d, returns the remainder.
uint32_t div_small(Limbs& v, uint32_t d) {
    uint64_t rem = 0;
    for (std::size_t i = v.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | v[i];
        v[i] = static_cast<uint32_t>(cur / d);
        rem = cur % d;
    }
    trim_limbs(v);
    return static_cast<uint32_t>(rem);
}

// Truncating division of magnitudes (Knuth, algorithm D). Precondition b
// non-empty.
void divmod_mag(const Limbs& a, const Limbs& b, Limbs& q, Limbs& r) {
    if (cmp_mag(a, b) < 0) {
        q.clear();
        r = a;
        return;
    }
    if (b.size() == 1) {
        q = a;
        uint32_t rem = div_small(q, b[0]);
        r.clear();
        if (rem) r.push_back(rem);
        return;
    }
    const int s = __builtin_clz(b.back());
    const std::size_t n = b.size(), m = a.size() - b.size();
    Limbs bn(n), an(a.size() + 1);
    for (std::size_t i = n; i-- > 0;)
        bn[i] = (b[i] << s) | (s && i > 0 ? static_cast<uint32_t>(uint64_t{b[i - 1]} >> (32 - s)) : 0);
    an[a.size()] = s ? static_cast<uint32_t>(uint64_t{a.back()} >> (32 - s)) : 0;
    for (std::size_t i = a.size(); i-- > 0;)
        an[i] = (a[i] << s) | (s && i > 0 ? static_cast<uint32_t>(uint64_t{a[i - 1]} >> (32 - s)) : 0);
    q.assign(m + 1, 0);
    const uint64_t base = uint64_t{1} << 32;
    for (std::size_t j = m + 1; j-- > 0;) {
        uint64_t num = (uint64_t{an[j + n]} << 32) | an[j + n - 1];
        uint64_t qhat = num / bn[n - 1];
        uint64_t rhat = num % bn[n - 1];
        while (qhat >= base || qhat * bn[n - 2] > ((rhat << 32) | an[j + n - 2])) {
            --qhat;
            rhat += bn[n - 1];
            if (rhat >= base) break;
        }
        // Multiply and subtract.
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (std::size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * bn[i] + carry;
            carry = p >> 32;
            int64_t t = int64_t{an[i + j]} - borrow - static_cast<int64_t>(p & 0xffffffffu);
            an[i + j] = static_cast<uint32_t>(t);
            borrow = t < 0 ? 1 : 0;
        }
        int64_t t = int64_t{an[j + n]} - borrow - static_cast<int64_t>(carry);
        an[j + n] = static_cast<uint32_t>(t);
        if (t < 0) {
            // qhat was one too large: add back.
            --qhat;
            uint64_t c = 0;
            for (std::size_t i = 0; i < n; ++i) {
                uint64_t sum = uint64_t{an[i + j]} + bn[i] + c;
                an[i + j] = static_cast<uint32_t>(sum);
                c = sum >> 32;
            }
            an[j + n] = static_cast<uint32_t>(uint64_t{an[j + n]} + c);
        }
        q[j] = static_cast<uint32_t>(qhat);
    }
    trim_limbs(q);
    r.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        r[i] = (an[i] >> s) | (s ? static_cast<uint32_t>(uint64_t{an[i + 1]} << (32 - s)) : 0);
    trim_limbs(r);
}

uint64_t bit_length_mag(const Limbs& v) {
    if (v.empty()) return 0;
    return (v.size() - 1) * 32 + (32 - __builtin_clz(v.back()));
}

bool any_bits_below(const Limbs& v, uint64_t nbits) {
    std::size_t full = nbits / 32;
    for (std::size_t i = 0; i < full && i < v.size(); ++i)
        if (v[i]) return true;
    unsigned rem = nbits % 32;
    if (rem && full < v.size() && (v[full] & ((uint32_t{1} << rem) - 1))) return true;
    return false;
}

// Bits [pos, pos+64) of the magnitude as a uint64.
uint64_t bits_at(const Limbs& v, uint64_t pos) {
    uint64_t r = 0;
    for (int k = 0; k < 3; ++k) {
        std::size_t idx = pos / 32 + k;
        if (idx >= v.size()) break;
        int64_t shift = static_cast<int64_t>(idx * 32) - static_cast<int64_t>(pos);
        uint64_t limb = v[idx];
        if (shift >= 0) {
            if (shift < 64) r |= limb << shift;
        } else {
            r |= limb >> (-shift);
        }
    }
    return r;
}

Limbs shift_left_mag(const Limbs& v, uint64_t n) {
    if (v.empty()) return {};
    std::size_t limbs = n / 32;
    unsigned bits = n % 32;
    Limbs r(v.size() + limbs + 1, 0);
    for (std::size_t i = 0; i < v.size(); ++i) {
        uint64_t x = uint64_t{v[i]} << bits;
        r[i + limbs] |= static_cast<uint32_t>(x);
        r[i + limbs + 1] |= static_cast<uint32_t>(x >> 32);
    }
    trim_limbs(r);
    return r;
}

Limbs shift_right_mag(const Limbs& v, uint64_t n) {
    std::size_t limbs = n / 32;
    if (limbs >= v.size()) return {};
    unsigned bits = n % 32;
    Limbs r(v.size() - limbs);
    for (std::size_t i = 0; i < r.size(); ++i) {
        uint64_t x = v[i + limbs];
        if (i + limbs + 1 < v.size()) x |= uint64_t{v[i + limbs + 1]} << 32;
        r[i] = static_cast<uint32_t>(x >> bits);
    }
    trim_limbs(r);
    return r;
}

uint64_t mod_hash_mag(const Limbs& v) {
    unsigned __int128 x = 0;
    for (std::size_t i = v.size(); i-- > 0;) x = ((x << 32) | v[i]) % kHashModulus;
    return static_cast<uint64_t>(x);
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

// Access to BigInt's representation for the free functions below.
struct BigIntOps {
    static BigInt make(Limbs limbs, bool negative) {
        BigInt r;
        r.limbs_ = std::move(limbs);
        r.negative_ = negative;
        r.trim();
        return r;
    }
    static const Limbs& mag(const BigInt& v) { return v.limbs_; }

    // Two's complement limbs of v, `n` limbs long (n > size so the top limb
    // carries the sign).
    static Limbs twos(const BigInt& v, std::size_t n) {
        Limbs r(n, 0);
        std::copy(v.limbs_.begin(), v.limbs_.end(), r.begin());
        if (v.negative_) {
            uint64_t carry = 1;
            for (auto& limb : r) {
                uint64_t t = uint64_t{static_cast<uint32_t>(~limb)} + carry;
                limb = static_cast<uint32_t>(t);
                carry = t >> 32;
            }
        }
        return r;
    }
    static BigInt from_twos(Limbs r) {
        bool neg = !r.empty() && (r.back() & 0x80000000u);
        if (neg) {
            uint64_t carry = 1;
            for (auto& limb : r) {
                uint64_t t = uint64_t{static_cast<uint32_t>(~limb)} + carry;
                limb = static_cast<uint32_t>(t);
                carry = t >> 32;
            }
        }
        return make(std::move(r), neg);
    }
    template <class Op>
    static BigInt bitwise(const BigInt& a, const BigInt& b, Op op) {
        std::size_t n = std::max(a.limbs_.size(), b.limbs_.size()) + 1;
        Limbs x = twos(a, n), y = twos(b, n);
        for (std::size_t i = 0; i < n; ++i) x[i] = op(x[i], y[i]);
        return from_twos(std::move(x));
    }
};

// ---- int64 helpers --------------------------------------------------------------

int64_t hash_int64_mod(int64_t v) {
    uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    int64_t h = static_cast<int64_t>(mag % kHashModulus);
    if (v < 0) h = -h;
    return h == -1 ? -2 : h;
}

int compare_int64_double(int64_t i, double f, bool& unordered) {
    unordered = std::isnan(f);
    if (unordered) return 0;
    if (i >= -(int64_t{1} << 53) && i <= (int64_t{1} << 53)) {
        double d = static_cast<double>(i);
        return d < f ? -1 : (d > f ? 1 : 0);
    }
    if (f >= 9223372036854775808.0) return -1;
    if (f < -9223372036854775808.0) return 1;
    double t = std::trunc(f);
    int64_t ti = static_cast<int64_t>(t);
    if (i != ti) return i < ti ? -1 : 1;
    return f > t ? -1 : (f < t ? 1 : 0);
}

double true_divide_int64(int64_t a, int64_t b) {
    constexpr int64_t lim = int64_t{1} << 53;
    if (a >= -lim && a <= lim && b >= -lim && b <= lim) return static_cast<double>(a) / static_cast<double>(b);
    bool overflow = false;
    return true_divide(BigInt(a), BigInt(b), overflow);
}

// ---- BigInt ---------------------------------------------------------------------

BigInt::BigInt(int64_t v) {
    negative_ = v < 0;
    uint64_t mag = negative_ ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    while (mag) {
        limbs_.push_back(static_cast<uint32_t>(mag));
        mag >>= 32;
    }
}

void BigInt::add_signed_mag(uint64_t m, bool negative) {
    if (m == 0) return;
    if (limbs_.empty()) negative_ = negative;
    if (negative == negative_) {  // |this| += m
        uint64_t carry = m;
        for (std::size_t i = 0; carry && i < limbs_.size(); ++i) {
            uint64_t s = uint64_t{limbs_[i]} + (carry & 0xFFFFFFFFu);
            limbs_[i] = static_cast<uint32_t>(s);
            carry = (carry >> 32) + (s >> 32);
        }
        for (; carry; carry >>= 32) limbs_.push_back(static_cast<uint32_t>(carry));
        return;
    }
    if (limbs_.size() <= 2) {  // |this| < m: the result is m - |this| with m's sign
        uint64_t a = limbs_[0] | (limbs_.size() > 1 ? uint64_t{limbs_[1]} << 32 : 0);
        if (a < m) {
            uint64_t d = m - a;
            limbs_.clear();
            for (; d; d >>= 32) limbs_.push_back(static_cast<uint32_t>(d));
            negative_ = negative;
            return;
        }
    }
    // |this| >= m: |this| -= m
    uint64_t rest = m;
    uint64_t borrow = 0;
    for (std::size_t i = 0; (rest || borrow) && i < limbs_.size(); ++i) {
        uint64_t take = (rest & 0xFFFFFFFFu) + borrow;
        rest >>= 32;
        borrow = limbs_[i] < take;
        limbs_[i] = static_cast<uint32_t>((uint64_t{limbs_[i]} + (borrow << 32)) - take);
    }
    trim();
}

void BigInt::mul_int64(int64_t v) {
    uint64_t m = magnitude(v);
    if (m > 0xFFFFFFFFu) {  // two limbs: the general product
        *this = *this * BigInt(v);
        return;
    }
    if (m == 0 || limbs_.empty()) {
        limbs_.clear();
        negative_ = false;
        return;
    }
    uint64_t carry = 0;
    for (uint32_t& l : limbs_) {
        uint64_t t = uint64_t{l} * m + carry;
        l = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    if (carry) limbs_.push_back(static_cast<uint32_t>(carry));
    if (v < 0) negative_ = !negative_;
}

BigInt BigInt::from_uint64(uint64_t v) {
    Limbs l;
    while (v) {
        l.push_back(static_cast<uint32_t>(v));
        v >>= 32;
    }
    return BigIntOps::make(std::move(l), false);
}

void BigInt::trim() {
    trim_limbs(limbs_);
    if (limbs_.empty()) negative_ = false;
}

bool BigInt::fits_int64() const {
    if (limbs_.size() <= 1) return true;
    if (limbs_.size() > 2) return false;
    uint64_t mag = (uint64_t{limbs_[1]} << 32) | limbs_[0];
    return negative_ ? mag <= (uint64_t{1} << 63) : mag < (uint64_t{1} << 63);
}

int64_t BigInt::to_int64() const {
    uint64_t mag = 0;
    if (!limbs_.empty()) mag = limbs_[0];
    if (limbs_.size() > 1) mag |= uint64_t{limbs_[1]} << 32;
    return negative_ ? static_cast<int64_t>(0 - mag) : static_cast<int64_t>(mag);
}

uint64_t BigInt::bit_length() const { return bit_length_mag(limbs_); }

std::optional<BigInt> BigInt::parse(std::string_view text, int base, std::size_t* too_long_digits) {
    if (too_long_digits) *too_long_digits = 0;
    std::size_t b = 0, e = text.size();
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    std::string_view s = text.substr(b, e - b);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (base != 0 && (base < 2 || base > 36)) return std::nullopt;
    bool had_prefix = false;
    if (s.size() >= 2 && s[0] == '0') {
        char p = static_cast<char>(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            had_prefix = true;
            s.remove_prefix(2);
        }
    }
    bool base0_decimal = false;
    if (base == 0) {
        base = 10;
        base0_decimal = true;
    }
    // Underscores only between digits, or one right after a prefix
    // ("0x_1f" is fine; "_1", "1_", "1__0", "0x__1" are not).
    if (had_prefix && !s.empty() && s[0] == '_') s.remove_prefix(1);
    if (s.empty() || s[0] == '_') return std::nullopt;
    std::size_t ndigits = 0;
    bool prev_underscore = false;
    for (char c : s) {
        if (c == '_') {
            if (prev_underscore) return std::nullopt;
            prev_underscore = true;
            continue;
        }
        if (digit_value(c) >= base) return std::nullopt;
        prev_underscore = false;
        ++ndigits;
    }
    if (prev_underscore || ndigits == 0) return std::nullopt;
    if (base0_decimal) {
        // "0", "00", "0_0" are fine; "01" is not (Python 3 octal ambiguity).
        bool all_zero = true;
        for (char c : s)
            if (c != '0' && c != '_') all_zero = false;
        if (s[0] == '0' && !all_zero) return std::nullopt;
    }
    if ((base & (base - 1)) != 0 && ndigits > kIntMaxStrDigits) {
        if (too_long_digits) *too_long_digits = ndigits;
        return std::nullopt;
    }
    Limbs mag;
    if ((base & (base - 1)) == 0) {
        // Power-of-two base: place bits directly.
        int bits = __builtin_ctz(base);
        uint64_t pos = 0;
        mag.assign((ndigits * bits + 31) / 32 + 1, 0);
        for (std::size_t i = s.size(); i-- > 0;) {
            if (s[i] == '_') continue;
            uint64_t d = static_cast<uint64_t>(digit_value(s[i]));
            std::size_t limb = pos / 32;
            unsigned off = pos % 32;
            mag[limb] |= static_cast<uint32_t>(d << off);
            if (off + bits > 32) mag[limb + 1] |= static_cast<uint32_t>(d >> (32 - off));
            pos += bits;
        }
        trim_limbs(mag);
    } else {
        // Chunks of as many digits as fit a uint32 multiplier.
        uint32_t chunk_mul = 1, chunk = 0;
        int chunk_len = 0;
        int max_len = 0;
        for (uint64_t m = 1; m * base <= 0xffffffffu; m *= base) ++max_len;
        for (char c : s) {
            if (c == '_') continue;
            chunk = chunk * base + static_cast<uint32_t>(digit_value(c));
            chunk_mul *= base;
            if (++chunk_len == max_len) {
                mul_small_add(mag, chunk_mul, chunk);
                chunk = 0;
                chunk_mul = 1;
                chunk_len = 0;
            }
        }
        if (chunk_len) mul_small_add(mag, chunk_mul, chunk);
        trim_limbs(mag);
    }
    return BigIntOps::make(std::move(mag), negative);
}

BigInt BigInt::from_double(double d) {
    d = std::trunc(d);
    bool negative = d < 0;
    d = std::fabs(d);
    if (d < 18446744073709551616.0) {
        BigInt r = from_uint64(static_cast<uint64_t>(d));
        r.negative_ = negative && !r.limbs_.empty();
        return r;
    }
    int exp = 0;
    double m = std::frexp(d, &exp);  // d = m * 2**exp, 0.5 <= m < 1
    uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
    BigInt r = from_uint64(mant) << static_cast<uint64_t>(exp - 53);
    r.negative_ = negative;
    return r;
}

double BigInt::to_double(bool& overflow) const {
    overflow = false;
    uint64_t nbits = bit_length();
    double mag;
    if (nbits <= 64) {
        uint64_t v = limbs_.empty() ? 0 : limbs_[0];
        if (limbs_.size() > 1) v |= uint64_t{limbs_[1]} << 32;
        mag = static_cast<double>(v);  // correctly rounded by the hardware
    } else {
        if (nbits > 1024) {
            overflow = true;
            return 0;
        }
        // Top 64 bits, with the bits below folded into a sticky lowest bit:
        // 64 > 53 + 2, so a single rounding of this value is correct.
        uint64_t shift = nbits - 64;
        uint64_t top = bits_at(limbs_, shift);
        if (any_bits_below(limbs_, shift)) top |= 1;
        mag = std::ldexp(static_cast<double>(top), static_cast<int>(shift));
        if (std::isinf(mag)) {
            overflow = true;
            return 0;
        }
    }
    return negative_ ? -mag : mag;
}

std::string BigInt::to_string() const {
    if (limbs_.empty()) return "0";
    Limbs v = limbs_;
    std::vector<uint32_t> chunks;  // base 10**9, least significant first
    chunks.reserve(v.size() * 32 / 29 + 1);
    while (!v.empty()) chunks.push_back(div_small(v, 1000000000u));
    std::string out;
    out.reserve(chunks.size() * 9 + 1);
    if (negative_) out.push_back('-');
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "%u", chunks.back());
    out.append(buf, n);
    for (std::size_t i = chunks.size() - 1; i-- > 0;) {
        uint32_t c = chunks[i];
        char digits[9];
        for (int k = 8; k >= 0; --k) {
            digits[k] = static_cast<char>('0' + c % 10);
            c /= 10;
        }
        out.append(digits, 9);
    }
    return out;
}

std::string BigInt::to_string_base(int base, bool upper) const {
    if (base == 10) return to_string();
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    std::string out;
    if (limbs_.empty()) return "0";
    uint64_t nbits = bit_length();
    for (uint64_t pos = 0; pos < nbits; pos += bits) {
        unsigned d = static_cast<unsigned>(bits_at(limbs_, pos) & ((1u << bits) - 1));
        out.push_back(digits[d]);
    }
    if (negative_) out.push_back('-');
    std::reverse(out.begin(), out.end());
    return out;
}

std::string BigInt::to_prefixed(int base) const {
    const char* prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    std::string body = abs().to_string_base(base);
    std::string out;
    if (negative_) out.push_back('-');
    out += prefix;
    out += body;
    return out;
}

int64_t BigInt::hash() const {
    int64_t h = static_cast<int64_t>(mod_hash_mag(limbs_));
    if (negative_) h = -h;
    return h == -1 ? -2 : h;
}

std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) {
    if (a.negative_ != b.negative_) return a.negative_ ? std::strong_ordering::less : std::strong_ordering::greater;
    int c = cmp_mag(a.limbs_, b.limbs_);
    if (a.negative_) c = -c;
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
}

BigInt operator-(const BigInt& a) {
    BigInt r = a;
    if (!r.limbs_.empty()) r.negative_ = !r.negative_;
    return r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    if (a.negative_ == b.negative_) return BigIntOps::make(add_mag(a.limbs_, b.limbs_), a.negative_);
    int c = cmp_mag(a.limbs_, b.limbs_);
    if (c == 0) return BigInt();
    if (c > 0) return BigIntOps::make(sub_mag(a.limbs_, b.limbs_), a.negative_);
    return BigIntOps::make(sub_mag(b.limbs_, a.limbs_), b.negative_);
}

BigInt operator-(const BigInt& a, const BigInt& b) {
    // a - b == a + (-b), without copying b.
    if (a.negative_ != b.negative_) return BigIntOps::make(add_mag(a.limbs_, b.limbs_), a.negative_);
    int c = cmp_mag(a.limbs_, b.limbs_);
    if (c == 0) return BigInt();
    if (c > 0) return BigIntOps::make(sub_mag(a.limbs_, b.limbs_), a.negative_);
    return BigIntOps::make(sub_mag(b.limbs_, a.limbs_), !a.negative_);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
    return BigIntOps::make(mul_mag(a.limbs_, b.limbs_), a.negative_ != b.negative_);
}

BigInt operator&(const BigInt& a, const BigInt& b) {
    if (!a.negative_ && !b.negative_) {
        Limbs r(std::min(a.limbs_.size(), b.limbs_.size()));
        for (std::size_t i = 0; i < r.size(); ++i) r[i] = a.limbs_[i] & b.limbs_[i];
        return BigIntOps::make(std::move(r), false);
    }
    return BigIntOps::bitwise(a, b, [](uint32_t x, uint32_t y) { return x & y; });
}
BigInt operator|(const BigInt& a, const BigInt& b) {
    return BigIntOps::bitwise(a, b, [](uint32_t x, uint32_t y) { return x | y; });
}
BigInt operator^(const BigInt& a, const BigInt& b) {
    return BigIntOps::bitwise(a, b, [](uint32_t x, uint32_t y) { return x ^ y; });
}
BigInt operator~(const BigInt& a) { return -(a + BigInt(1)); }

BigInt operator<<(const BigInt& a, uint64_t n) { return BigIntOps::make(shift_left_mag(a.limbs_, n), a.negative_); }

BigInt operator>>(const BigInt& a, uint64_t n) {
    if (!a.negative_) return BigIntOps::make(shift_right_mag(a.limbs_, n), false);
    // Floor for negatives: -((|a| - 1) >> n) - 1.
    BigInt m = a.abs() - BigInt(1);
    BigInt q = BigIntOps::make(shift_right_mag(BigIntOps::mag(m), n), false);
    return -(q + BigInt(1));
}

BigDivmod divmod(const BigInt& a, const BigInt& b) {
    Limbs q, r;
    divmod_mag(BigIntOps::mag(a), BigIntOps::mag(b), q, r);
    BigDivmod out{BigIntOps::make(std::move(q), a.is_negative() != b.is_negative()),
                  BigIntOps::make(std::move(r), a.is_negative())};
    // Truncated -> floored: when the remainder's sign differs from b's.
    if (!out.rem.is_zero() && out.rem.is_negative() != b.is_negative()) {
        out.quot = out.quot - BigInt(1);
        out.rem = out.rem + b;
    }
    return out;
}

BigInt floordiv(const BigInt& a, const BigInt& b) { return divmod(a, b).quot; }
BigInt mod(const BigInt& a, const BigInt& b) { return divmod(a, b).rem; }

double true_divide(const BigInt& a, const BigInt& b, bool& overflow) {
    // CPython's long_true_divide: form a quotient of DBL_MANT_DIG + 2 or 3
    // bits (fewer for subnormal results), round it by hand (half even, with
    // the remainder as a sticky bit), then scale.
    overflow = false;
    bool negative = a.is_negative() != b.is_negative();
    if (a.is_zero()) return negative ? -0.0 : 0.0;
    const Limbs& am = BigIntOps::mag(a);
    const Limbs& bm = BigIntOps::mag(b);
    int64_t diff = static_cast<int64_t>(bit_length_mag(am)) - static_cast<int64_t>(bit_length_mag(bm));
    // Make 2**diff <= |a|/|b| < 2**(diff+1).
    {
        int c;
        if (diff >= 0)
            c = cmp_mag(am, shift_left_mag(bm, static_cast<uint64_t>(diff)));
        else
            c = cmp_mag(shift_left_mag(am, static_cast<uint64_t>(-diff)), bm);
        if (c < 0) --diff;
    }
    if (diff > DBL_MAX_EXP) {
        overflow = true;
        return 0;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negative ? -0.0 : 0.0;
    int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    Limbs x;
    if (shift <= 0) {
        x = shift_left_mag(am, static_cast<uint64_t>(-shift));
    } else {
        x = shift_right_mag(am, static_cast<uint64_t>(shift));
        inexact = any_bits_below(am, static_cast<uint64_t>(shift));
    }
    Limbs q, r;
    divmod_mag(x, bm, q, r);
    if (!r.empty()) inexact = true;
    uint64_t qv = q.empty() ? 0 : q[0];
    if (q.size() > 1) qv |= uint64_t{q[1]} << 32;
    int x_size = qv ? 64 - __builtin_clzll(qv) : 0;
    int extra_bits = std::max<int64_t>(x_size, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = uint64_t{1} << (extra_bits - 1);
    uint64_t low = qv | (inexact ? 1 : 0);  // the kept lowest bit decides ties (half even)
    if ((low & mask) && (low & (3 * mask - 1))) qv += mask;
    qv &= ~(2 * mask - 1);
    double result = std::ldexp(static_cast<double>(qv), static_cast<int>(shift));
    if (std::isinf(result)) {
        overflow = true;
        return 0;
    }
    return negative ? -result : result;
}

BigInt pow(const BigInt& base, uint64_t exp) {
    // (+-2**k) ** exp is a shift: 2 ** n is common and would otherwise square
    // large numbers.
    const uint64_t bits = base.bit_length();
    if (bits > 0 && exp > 0 && bits - 1 <= UINT64_MAX / exp && (base.abs() & (base.abs() - BigInt(1))).is_zero()) {
        BigInt r = BigInt(1) << ((bits - 1) * exp);
        return base.is_negative() && (exp & 1) ? -r : r;
    }
    BigInt result(1), b = base;
    while (true) {
        if (exp & 1) result = result * b;
        exp >>= 1;
        if (!exp) break;
        b = b * b;
    }
    return result;
}

NumError pow_mod(const BigInt& base, const BigInt& exp, const BigInt& m, BigInt& out) {
    BigInt modulus = m.abs();
    BigInt b = mod(base, modulus);
    BigInt e = exp;
    if (e.is_negative()) {
        // Modular inverse by the extended Euclidean algorithm.
        BigInt r0 = modulus, r1 = b, t0(0), t1(1);
        while (!r1.is_zero()) {
            BigDivmod qr = divmod(r0, r1);
            BigInt t2 = t0 - qr.quot * t1;
            r0 = std::move(r1);
            r1 = std::move(qr.rem);
            t0 = std::move(t1);
            t1 = std::move(t2);
        }
        if (r0 != BigInt(1)) return {ErrorKind::ValueError, "base is not invertible for the given modulus"};
        b = mod(t0, modulus);
        e = -e;
    }
    BigInt result = mod(BigInt(1), modulus);
    const Limbs& em = BigIntOps::mag(e);
    for (uint64_t i = bit_length_mag(em); i-- > 0;) {
        result = mod(result * result, modulus);
        if ((em[i / 32] >> (i % 32)) & 1) result = mod(result * b, modulus);
    }
    if (m.is_negative() && !result.is_zero()) result = result + m;
    out = std::move(result);
    return {};
}

int compare_bigint_double(const BigInt& i, double f, bool& unordered) {
    unordered = std::isnan(f);
    if (unordered) return 0;
    if (i.fits_int64()) return compare_int64_double(i.to_int64(), f, unordered);
    if (std::isinf(f)) return f > 0 ? -1 : 1;
    double t = std::trunc(f);
    auto c = i <=> BigInt::from_double(t);
    if (c != 0) return c < 0 ? -1 : 1;
    return f > t ? -1 : (f < t ? 1 : 0);
}

std::optional<NumError> str_digits_error(const BigInt& v, std::size_t limit) {
    uint64_t bits = v.bit_length();
    // digits = floor(log10(|v|)) + 1, and log10(|v|) is in
    // [(bits-1)*log10(2), bits*log10(2)).
    double lo = static_cast<double>(bits ? bits - 1 : 0) * 0.30102999566398120;
    double hi = static_cast<double>(bits) * 0.30102999566398120;
    bool over;
    if (lo + 1 > static_cast<double>(limit) + 1) {
        over = true;
    } else if (hi + 1 <= static_cast<double>(limit)) {
        over = false;
    } else {
        std::string s = v.to_string();
        over = s.size() - (v.is_negative() ? 1 : 0) > limit;
    }
    if (!over) return std::nullopt;
    return NumError{ErrorKind::ValueError, "Exceeds the limit (" + std::to_string(limit) +
                                               " digits) for integer string conversion; use "
                                               "sys.set_int_max_str_digits() to increase the limit"};
}

NumError to_decimal_checked(const BigInt& v, std::string& out, std::size_t limit) {
    if (auto err = str_digits_error(v, limit)) return std::move(*err);
    out = v.to_string();
    return {};
}

std::string int_parse_error_message(int base, std::string_view quoted) {
    std::string m = "invalid literal for int() with base " + std::to_string(base) + ": ";
    m += quoted;
    return m;
}

std::string int_str_digits_parse_message(std::size_t digits) {
    return "Exceeds the limit (" + std::to_string(kIntMaxStrDigits) +
           " digits) for integer string conversion: value has " + std::to_string(digits) +
           " digits; use sys.set_int_max_str_digits() to increase the limit";
}

}  // namespace corolab::num
