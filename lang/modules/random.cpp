// The random module: CPython's Mersenne Twister and its algorithms
// (randrange, choice, shuffle, sample, choices, gauss), so a seeded scenario
// draws the numbers CPython draws. The generator is seeded per run.
#include <algorithm>
#include <optional>

#include "lang/num/bigint.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/num/mt19937.hpp"
#include "lang/modules/modules.hpp"
#include "lang/objects/ops.hpp"

namespace corolab::lang {

namespace {

num::PyRandom& rng() {
    static num::PyRandom r;
    return r;
}
std::optional<double>& gauss_next() {
    static std::optional<double> g;
    return g;
}
// random.gauss as CPython computes it (pairs of values, the second kept).
Value r_gauss(Value* a, int n, const CallArgs& kw) {
    double mu = 0, sigma = 1;
    if (n > 0 && !to_double(a[0], mu)) return Value();
    if (n > 1 && !to_double(a[1], sigma)) return Value();
    for (int i = 0; i < kw.nkw; ++i) {
        if (kw.kwn[i]->s == "mu" && !to_double(kw.kwv[i], mu)) return Value();
        if (kw.kwn[i]->s == "sigma" && !to_double(kw.kwv[i], sigma)) return Value();
    }
    std::optional<double> z = gauss_next();
    gauss_next().reset();
    if (!z) {
        double x2pi = rng().random() * 2 * M_PI;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - rng().random()));
        z = std::cos(x2pi) * g2rad;
        gauss_next() = std::sin(x2pi) * g2rad;
    }
    return Value::number(mu + *z * sigma);
}
Value r_seed(Value* a, int n, const CallArgs&) {
    gauss_next().reset();
    if (n == 0 || a[0].is_none()) { rng().seed(num::BigInt(20000101)); return Value::none(); }
    if (is_int_like(a[0])) rng().seed(to_bigint(a[0]).abs());
    else if (is_str(a[0])) rng().seed(std::string_view(as_str(a[0])->s));
    else if (a[0].tag == Tag::Float) rng().seed(num::BigInt(num::hash_double(a[0].f)).abs());
    else return raise(T.TypeError, "The only supported seed types are: None, int, float, str, bytes, and bytearray.");
    return Value::none();
}
Value r_random(Value*, int, const CallArgs&) { return Value::number(rng().random()); }
Value r_getrandbits(Value* a, int n, const CallArgs&) {
    std::int64_t k;
    if (n != 1 || !to_index(a[0], k)) return has_exc() ? Value() : raise(T.TypeError, "getrandbits() takes exactly one argument");
    if (k < 0) return raise(T.ValueError, "number of bits must be non-negative");
    return int_value(rng().getrandbits(static_cast<std::uint64_t>(k)));
}
Value r_uniform(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "uniform() missing required arguments");
    double x, y;
    if (!to_double(a[0], x) || !to_double(a[1], y)) return Value();
    return Value::number(rng().uniform(x, y));
}
// randrange over ints of any size (arguments past 62 bits), as CPython.
Value big_randrange(Value* a, int n, bool inclusive) {
    for (int i = 0; i < n; ++i)
        if (!is_int_like(a[i])) { std::int64_t x; to_index(a[i], x); return Value(); }
    num::BigInt start = n == 1 ? num::BigInt(0) : to_bigint(a[0]);
    num::BigInt stop = to_bigint(a[n == 1 ? 0 : 1]);
    if (inclusive) stop = stop + num::BigInt(1);
    num::BigInt step = n == 3 ? to_bigint(a[2]) : num::BigInt(1), out;
    if (auto e = rng().randrange(start, stop, step, out)) return raise_num(e);
    return int_value(out);
}
bool small_ints(Value* a, int n) {
    constexpr std::int64_t kLimit = std::int64_t(1) << 62;  // b + 1 and stop - start stay in range
    for (int i = 0; i < n; ++i)
        if (a[i].tag == Tag::Obj || (a[i].tag == Tag::Int && (a[i].i >= kLimit || a[i].i <= -kLimit))) return false;
    return true;
}
Value r_randint(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "randint() missing 1 required positional argument: 'b'");
    if (!small_ints(a, n)) return big_randrange(a, n, true);
    std::int64_t x, y, out;
    if (!to_index(a[0], x) || !to_index(a[1], y)) return Value();
    if (auto e = rng().randint(x, y, out)) return raise_num(e);
    return Value::integer(out);
}
Value r_randrange(Value* a, int n, const CallArgs&) {
    std::int64_t v[3] = {0, 0, 1}, out;
    if (n < 1 || n > 3) return raise(T.TypeError, "randrange expected 1 to 3 arguments");
    if (!small_ints(a, n)) return big_randrange(a, n, false);
    for (int i = 0; i < n; ++i) if (!to_index(a[i], v[i])) return Value();
    num::NumError e = n == 1 ? rng().randrange(v[0], out) : rng().randrange(v[0], v[1], n == 3 ? v[2] : 1, out);
    if (e) return raise_num(e);
    return Value::integer(out);
}
Value r_choice(Value* a, int n, const CallArgs&) {
    if (n != 1) return raise(T.TypeError, "choice() takes exactly one argument");
    std::vector<Value> items;
    if (is_str(a[0])) {
        Value len = Value::integer(as_str(a[0])->cp_len);
        std::size_t idx;
        if (auto e = rng().choice_index(static_cast<std::size_t>(len.i), idx)) return raise_num(e);
        return getitem(a[0], Value::integer(static_cast<std::int64_t>(idx)));
    }
    if (!collect(a[0], items)) return Value();
    std::size_t idx;
    if (auto e = rng().choice_index(items.size(), idx)) return raise_num(e);
    return items[idx];
}
Value r_shuffle(Value* a, int n, const CallArgs&) {
    if (n != 1 || !is_kind(a[0], Kind::List)) return raise(T.TypeError, "shuffle() needs a list");
    auto& items = static_cast<ListObj*>(a[0].o)->items;
    rng().shuffle(std::span<Value>(items.data(), items.size()));
    return Value::none();
}
Value r_sample(Value* a, int n, const CallArgs& kw) {
    Value k = n > 1 ? a[1] : Value();
    for (int i = 0; i < kw.nkw; ++i) if (kw.kwn[i]->s == "k") k = kw.kwv[i];
    if (n < 1 || k.is_null()) return raise(T.TypeError, "sample() missing 1 required positional argument: 'k'");
    std::vector<Value> items;
    if (!collect(a[0], items)) return Value();
    std::int64_t kk;
    if (!to_index(k, kk)) return Value();
    if (kk < 0) return raise(T.ValueError, "Sample larger than population or is negative");
    std::vector<std::size_t> idx;
    if (auto e = rng().sample_indices(items.size(), static_cast<std::size_t>(kk), idx)) return raise_num(e);
    std::vector<Value> out;
    for (auto i : idx) out.push_back(items[i]);
    return list_value(std::move(out));
}
Value r_choices(Value* a, int n, const CallArgs& kw) {
    if (n < 1) return raise(T.TypeError, "choices() missing 1 required positional argument: 'population'");
    std::vector<Value> items;
    if (!collect(a[0], items)) return Value();
    std::int64_t k = 1;
    Value weights = n > 1 ? a[1] : Value::none(), cum = Value::none();
    for (int i = 0; i < kw.nkw; ++i) {
        if (kw.kwn[i]->s == "k" && !to_index(kw.kwv[i], k)) return Value();
        if (kw.kwn[i]->s == "weights") weights = kw.kwv[i];
        if (kw.kwn[i]->s == "cum_weights") cum = kw.kwv[i];
    }
    std::vector<Value> out;
    if (weights.is_none() && cum.is_none()) {
        if (items.empty()) return raise(T.IndexError, "Cannot choose from an empty sequence");
        for (std::int64_t i = 0; i < k; ++i) out.push_back(items[rng().choices_index(items.size())]);
        return list_value(std::move(out));
    }
    // CPython: cumulative weights, then bisect(cum, random() * total, 0, n - 1)
    std::vector<Value> w;
    if (!collect(cum.is_none() ? weights : cum, w)) return Value();
    if (w.size() != items.size()) return raise(T.ValueError, "The number of weights does not match the population");
    std::vector<double> cw;
    double acc = 0;
    for (auto& x : w) {
        double d;
        if (!to_double(x, d)) return Value();
        acc = cum.is_none() ? acc + d : d;
        cw.push_back(acc);
    }
    if (cw.empty()) return raise(T.IndexError, "Cannot choose from an empty sequence");
    double total = cw.back();
    if (total <= 0) return raise(T.ValueError, "Total of weights must be greater than zero");
    for (std::int64_t i = 0; i < k; ++i) {
        double r = rng().random() * total;
        std::size_t idx = static_cast<std::size_t>(std::upper_bound(cw.begin(), cw.end() - 1, r) - cw.begin());
        out.push_back(items[idx]);
    }
    return list_value(std::move(out));
}

}  // namespace

Value make_module_random() {
    ModuleObj* m = new_module("random");
    Value mv(m);
    add_function(m, "seed", r_seed);
    add_function(m, "random", r_random);
    add_function(m, "uniform", r_uniform);
    add_function(m, "randint", r_randint);
    add_function(m, "randrange", r_randrange);
    add_function(m, "choice", r_choice);
    add_function(m, "choices", r_choices);
    add_function(m, "shuffle", r_shuffle);
    add_function(m, "sample", r_sample);
    add_function(m, "gauss", r_gauss);
    add_function(m, "getrandbits", r_getrandbits);
    add_function(m, "normalvariate", r_gauss);
    return mv;
}

void seed_random(std::uint64_t seed) {
    rng().seed(num::BigInt::from_uint64(seed));
    gauss_next().reset();
}

}  // namespace corolab::lang
