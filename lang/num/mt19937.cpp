#include "lang/num/mt19937.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "lang/num/sha512.hpp"

namespace corolab::num {

namespace {
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

uint64_t bit_length64(uint64_t n) { return n ? 64 - static_cast<uint64_t>(__builtin_clzll(n)) : 0; }
}  // namespace

void PyRandom::init_genrand(uint32_t s) {
    state_[0] = s;
    for (int i = 1; i < N; ++i)
        state_[i] = 1812433253U * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<uint32_t>(i);
    index_ = N;
}

void PyRandom::init_by_array(std::span<const uint32_t> key) {
    init_genrand(19650218U);
    uint32_t* mt = state_;
    std::size_t i = 1, j = 0;
    const std::size_t len = key.size();
    for (std::size_t k = N > len ? N : len; k; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (std::size_t k = N - 1; k; --k) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
}

void PyRandom::seed(const BigInt& n) {
    // _randommodule.c random_seed: the 32-bit words of |n|, least
    // significant first; zero is the single word 0.
    const auto& limbs = n.limbs();
    if (limbs.empty()) {
        const uint32_t zero = 0;
        init_by_array(std::span<const uint32_t>(&zero, 1));
    } else {
        init_by_array(limbs);
    }
    has_gauss_next_ = false;
}

void PyRandom::seed(std::string_view utf8) {
    // random.py: a = int.from_bytes(a + sha512(a).digest()) (big-endian).
    auto digest = sha512(utf8);
    std::vector<uint8_t> bytes(utf8.begin(), utf8.end());
    bytes.insert(bytes.end(), digest.begin(), digest.end());
    std::vector<uint32_t> words((bytes.size() + 3) / 4, 0);
    for (std::size_t k = 0; k < bytes.size(); ++k) {
        std::size_t from_end = bytes.size() - 1 - k;  // byte significance
        words[from_end / 4] |= static_cast<uint32_t>(bytes[k]) << (8 * (from_end % 4));
    }
    while (words.size() > 1 && words.back() == 0) words.pop_back();
    init_by_array(words);
    has_gauss_next_ = false;
}

void PyRandom::reload() {
    static const uint32_t mag01[2] = {0x0U, kMatrixA};
    uint32_t* mt = state_;
    int kk = 0;
    uint32_t y;
    for (; kk < N - kM; ++kk) {
        y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
        mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    for (; kk < N - 1; ++kk) {
        y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
        mt[kk] = mt[kk + (kM - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    y = (mt[N - 1] & kUpperMask) | (mt[0] & kLowerMask);
    mt[N - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
    index_ = 0;
}

uint32_t PyRandom::next_uint32() {
    if (index_ >= N) reload();
    uint32_t y = state_[index_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double PyRandom::random() {
    uint32_t a = next_uint32() >> 5, b = next_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

uint64_t PyRandom::getrandbits64(int k) {
    if (k <= 0) return 0;
    if (k <= 32) return next_uint32() >> (32 - k);
    uint64_t low = next_uint32();
    uint64_t high = next_uint32() >> (64 - k);
    return low | (high << 32);
}

BigInt PyRandom::getrandbits(uint64_t k) {
    if (k <= 64) return BigInt::from_uint64(getrandbits64(static_cast<int>(k)));
    // Words least significant first; the last one keeps its top bits.
    BigInt result;
    uint64_t words = (k - 1) / 32 + 1;
    std::vector<uint32_t> w(words);
    uint64_t left = k;
    for (uint64_t i = 0; i < words; ++i, left -= 32) {
        uint32_t r = next_uint32();
        if (left < 32) r >>= (32 - left);
        w[i] = r;
    }
    for (uint64_t i = words; i-- > 0;) result = (result << 32) + BigInt::from_uint64(w[i]);
    return result;
}

uint64_t PyRandom::randbelow(uint64_t n) {
    const int k = static_cast<int>(bit_length64(n));
    uint64_t r = getrandbits64(k);
    while (r >= n) r = getrandbits64(k);
    return r;
}

BigInt PyRandom::randbelow(const BigInt& n) {
    if (n.fits_int64()) return BigInt::from_uint64(randbelow(static_cast<uint64_t>(n.to_int64())));
    const uint64_t k = n.bit_length();
    BigInt r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
}

NumError PyRandom::randrange(int64_t stop, int64_t& out) {
    if (stop <= 0) return {ErrorKind::ValueError, "empty range for randrange()"};
    out = static_cast<int64_t>(randbelow(static_cast<uint64_t>(stop)));
    return {};
}

NumError PyRandom::randrange(int64_t start, int64_t stop, int64_t step, int64_t& out) {
    BigInt r;
    if (auto err = randrange(BigInt(start), BigInt(stop), BigInt(step), r)) return err;
    out = r.to_int64();  // start + step*k lies within [start, stop)
    return {};
}

NumError PyRandom::randrange(const BigInt& start, const BigInt& stop, const BigInt& step, BigInt& out) {
    const BigInt width = stop - start;
    if (step == BigInt(1)) {
        if (width.sign() > 0) {
            out = start + randbelow(width);
            return {};
        }
        return {ErrorKind::ValueError, "empty range for randrange() (" + start.to_string() + ", " + stop.to_string() +
                                           ", " + width.to_string() + ")"};
    }
    BigInt n;
    if (step.sign() > 0) {
        n = floordiv(width + step - BigInt(1), step);
    } else if (step.sign() < 0) {
        n = floordiv(width + step + BigInt(1), step);
    } else {
        return {ErrorKind::ValueError, "zero step for randrange()"};
    }
    if (n.sign() <= 0) return {ErrorKind::ValueError, "empty range for randrange()"};
    out = start + step * randbelow(n);
    return {};
}

NumError PyRandom::randint(int64_t a, int64_t b, int64_t& out) {
    BigInt r;
    if (auto err = randrange(BigInt(a), BigInt(b) + BigInt(1), BigInt(1), r)) return err;
    out = r.to_int64();
    return {};
}

NumError PyRandom::choice_index(std::size_t n, std::size_t& out) {
    if (n == 0) return {ErrorKind::IndexError, "Cannot choose from an empty sequence"};
    out = static_cast<std::size_t>(randbelow(static_cast<uint64_t>(n)));
    return {};
}

NumError PyRandom::sample_indices(std::size_t n, std::size_t k, std::vector<std::size_t>& out) {
    if (k > n) return {ErrorKind::ValueError, "Sample larger than population or is negative"};
    out.assign(k, 0);
    // random.py's choice between a pool and a set of picked indices.
    std::size_t setsize = 21;
    if (k > 5) setsize += static_cast<std::size_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<std::size_t> pool(n);
        for (std::size_t i = 0; i < n; ++i) pool[i] = i;
        for (std::size_t i = 0; i < k; ++i) {
            std::size_t j = static_cast<std::size_t>(randbelow(static_cast<uint64_t>(n - i)));
            out[i] = pool[j];
            pool[j] = pool[n - i - 1];
        }
    } else {
        std::unordered_set<std::size_t> selected;
        for (std::size_t i = 0; i < k; ++i) {
            std::size_t j = static_cast<std::size_t>(randbelow(static_cast<uint64_t>(n)));
            while (selected.count(j)) j = static_cast<std::size_t>(randbelow(static_cast<uint64_t>(n)));
            selected.insert(j);
            out[i] = j;
        }
    }
    return {};
}

std::size_t PyRandom::choices_weighted_index(std::span<const double> cum_weights) {
    const double total = cum_weights.back();
    const double target = random() * total;
    // bisect_right over [0, n - 1): first index whose weight exceeds target.
    std::size_t lo = 0, hi = cum_weights.size() - 1;
    while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        if (target < cum_weights[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

double PyRandom::gauss(double mu, double sigma) {
    double z;
    if (has_gauss_next_) {
        z = gauss_next_;
        has_gauss_next_ = false;
    } else {
        const double x2pi = random() * 6.283185307179586  /* random.TWOPI */;
        const double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
        z = std::cos(x2pi) * g2rad;
        gauss_next_ = std::sin(x2pi) * g2rad;
        has_gauss_next_ = true;
    }
    return mu + z * sigma;
}

double PyRandom::normalvariate(double mu, double sigma) {
    const double nv_magicconst = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    while (true) {
        const double u1 = random();
        const double u2 = 1.0 - random();
        z = nv_magicconst * (u1 - 0.5) / u2;
        const double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) break;
    }
    return mu + z * sigma;
}

double PyRandom::expovariate(double lambd) { return -std::log(1.0 - random()) / lambd; }

double PyRandom::triangular(double low, double high, bool has_mode, double mode) {
    double u = random();
    double c;
    if (!has_mode) {
        c = 0.5;
    } else {
        if (high - low == 0) return low;  // ZeroDivisionError in random.py -> returns low
        c = (mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return low + (high - low) * std::sqrt(u * c);
}

}  // namespace corolab::num
