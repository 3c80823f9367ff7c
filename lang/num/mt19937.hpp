// CPython's `random` module: the Mersenne Twister core (_randommodule.c) and
// the Python-level algorithms of random.Random (random.py, 3.11) on top, so a
// seeded run draws exactly CPython's numbers.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "lang/num/bigint.hpp"
#include "lang/num/num_error.hpp"

namespace corolab::num {

// One generator (random.Random). Not thread-safe. No allocation per draw
// (getrandbits above 64 bits and sample() aside).
class PyRandom {
public:
    // Seeded like random.seed(0).
    PyRandom() { seed(BigInt(0)); }

    // random.seed(n) for an int: all bits of |n| are used (init_by_array
    // over its 32-bit words). For a float seed, CPython seeds with hash(x)
    // cast to an unsigned 64-bit value:
    // seed(BigInt::from_uint64(static_cast<uint64_t>(hash_double(x)))).
    void seed(const BigInt& n);
    // random.seed(s) for a str (version 2): |int.from_bytes(s + sha512(s))|.
    void seed(std::string_view utf8);

    uint32_t next_uint32();  // genrand_uint32
    // random.random(): 53-bit float in [0, 1).
    double random();
    // random.getrandbits(k) for 0 <= k <= 64.
    uint64_t getrandbits64(int k);
    // random.getrandbits(k) for any k >= 0.
    BigInt getrandbits(uint64_t k);

    // _randbelow(n) for n > 0 (rejection sampling on getrandbits).
    uint64_t randbelow(uint64_t n);
    BigInt randbelow(const BigInt& n);

    // randrange(stop) / randrange(start, stop[, step]); errors as CPython:
    // ValueError "empty range for randrange() (1, 1, 0)", "empty range for
    // randrange()", "zero step for randrange()".
    NumError randrange(int64_t stop, int64_t& out);
    NumError randrange(int64_t start, int64_t stop, int64_t step, int64_t& out);
    NumError randrange(const BigInt& start, const BigInt& stop, const BigInt& step, BigInt& out);
    // randint(a, b) == randrange(a, b + 1).
    NumError randint(int64_t a, int64_t b, int64_t& out);

    // Index for choice(seq) of a sequence of length n; IndexError "Cannot
    // choose from an empty sequence" when n == 0.
    NumError choice_index(std::size_t n, std::size_t& out);

    // shuffle(x) in place, CPython's exact swap sequence.
    template <class T>
    void shuffle(std::span<T> x) {
        for (std::size_t i = x.size(); i-- > 1;) {
            std::size_t j = static_cast<std::size_t>(randbelow(static_cast<uint64_t>(i + 1)));
            std::swap(x[i], x[j]);
        }
    }

    // sample(population, k) as indices into a population of size n, in
    // selection order. ValueError "Sample larger than population or is
    // negative" when k > n (the vm checks k < 0).
    NumError sample_indices(std::size_t n, std::size_t k, std::vector<std::size_t>& out);

    // choices(population, k=k) without weights: indices floor(random() * n).
    std::size_t choices_index(std::size_t n) { return static_cast<std::size_t>(random() * static_cast<double>(n)); }

    // choices(population, weights=..., k=...) draws one index per call:
    // bisect_right(cum_weights, random() * total, 0, n - 1) with
    // total = cum_weights.back() (the vm accumulates the weights and checks
    // CPython's ValueErrors: length mismatch, total <= 0, total not finite).
    std::size_t choices_weighted_index(std::span<const double> cum_weights);

    // uniform(a, b) = a + (b - a) * random().
    double uniform(double a, double b) { return a + (b - a) * random(); }
    // gauss(mu, sigma) (keeps CPython's cached second value; seed() clears it).
    double gauss(double mu, double sigma);
    // normalvariate(mu, sigma).
    double normalvariate(double mu, double sigma);
    // expovariate(lambd), triangular(low, high, mode or 0.5 when !has_mode).
    double expovariate(double lambd);
    double triangular(double low, double high, bool has_mode, double mode);

private:
    void init_genrand(uint32_t s);
    void init_by_array(std::span<const uint32_t> key);
    void reload();

    static constexpr int N = 624;
    uint32_t state_[N];
    int index_ = N + 1;
    bool has_gauss_next_ = false;
    double gauss_next_ = 0;
};

}  // namespace corolab::num
