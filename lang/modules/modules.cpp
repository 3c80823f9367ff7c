// The importable modules: asyncio (modules/asyncio.cpp), time, math, random,
// datetime, and the stdlib modules of lang/modules/. Modules are created on
// first import, once per run.
#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

#include "lang/modules/asyncio_bridge.hpp"
#include "lang/modules/modules.hpp"
#include "lang/num/datetime_format.hpp"
#include "lang/modules/thread.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/num/mt19937.hpp"
#include "lang/objects/ops.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

namespace {

constexpr double kWallAtZero = 946684800.0;  // 2000-01-01 00:00:00 UTC

double now() {
    return AsyncioState::current ? AsyncioState::current->time() : 0;
}

ModuleObj* new_module(const char* name) { return make<ModuleObj>(name); }
void def(ModuleObj* m, const char* name, BuiltinFnPtr f) { dict_set_str(m->dict, name, Value(make_builtin(name, f, true))); }

Value need_args(const char* fn, int nargs, int lo, int hi) {
    if (nargs >= lo && nargs <= hi) return Value::none();
    return raise(T.TypeError, std::string(fn) + "() takes " + std::to_string(lo) + " argument(s) (" + std::to_string(nargs) + " given)");
}

// ---- time -----------------------------------------------------------------------------
Value t_sleep(Value* a, int n, const CallArgs&) {
    if (need_args("sleep", n, 1, 1).is_null()) return Value();
    // the argument checks of CPython's time.sleep (pytime.c): the duration
    // must fit in int64 nanoseconds
    if (a[0].tag == Tag::Float) {
        if (std::isnan(a[0].f)) return raise(T.ValueError, "Invalid value NaN (not a number)");
        if (!(std::fabs(a[0].f * 1e9) <= 9223372036854775808.0))
            return raise(T.OverflowError, "timestamp out of range for platform time_t");
    } else if (is_int_like(a[0]) && (a[0].tag == Tag::Obj || a[0].i > 9223372036 || a[0].i < -9223372036)) {
        return raise(T.OverflowError, "timestamp too large to convert to C _PyTime_t");
    }
    double d;
    if (!to_double(a[0], d)) return Value();
    if (d < 0) return raise(T.ValueError, "sleep length must be non-negative");
    if (auto r = worker_sleep(d)) return *r;  // blocks only its thread
    AsyncioState& s = *AsyncioState::current;
    if (s.time() + d > s.horizon) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", s.horizon);
        return rt().vm->set_fatal("time", std::string("virtual time limit of ") + buf + " s reached");
    }
    return main_blocks_until(s.time() + d);  // the threads' events due meanwhile run
}
Value t_time(Value*, int, const CallArgs&) { return Value::number(kWallAtZero + now()); }
Value t_monotonic(Value*, int, const CallArgs&) { return Value::number(now()); }
Value t_time_ns(Value*, int, const CallArgs&) { return int_value(num::BigInt::from_double(std::floor((kWallAtZero + now()) * 1e9))); }
Value t_monotonic_ns(Value*, int, const CallArgs&) { return Value::integer(static_cast<std::int64_t>(now() * 1e9)); }

Value struct_time(const num::CivilTime& c) {
    return tuple_value({Value::integer(c.year), Value::integer(c.month), Value::integer(c.day), Value::integer(c.hour),
                        Value::integer(c.minute), Value::integer(c.second), Value::integer(c.weekday),
                        Value::integer(c.yday), Value::integer(0)});
}
bool civil_arg(Value* a, int n, num::CivilTime& c) {
    if (n == 0 || a[0].is_none()) {
        c = num::struct_time_from_seconds(kWallAtZero + now());
        return true;
    }
    if (is_kind(a[0], Kind::Tuple)) {
        auto& it = static_cast<TupleObj*>(a[0].o)->items;
        if (it.size() < 9) { raise(T.TypeError, "time tuple must have 9 elements"); return false; }
        std::int64_t v[9];
        for (int i = 0; i < 9; ++i) if (!to_index(it[i], v[i])) return false;
        c.year = static_cast<int>(v[0]); c.month = static_cast<int>(v[1]); c.day = static_cast<int>(v[2]);
        c.hour = static_cast<int>(v[3]); c.minute = static_cast<int>(v[4]); c.second = static_cast<int>(v[5]);
        c.weekday = static_cast<int>(v[6]); c.yday = static_cast<int>(v[7]);
        return true;
    }
    double t;
    if (!to_double(a[0], t)) return false;
    c = num::struct_time_from_seconds(t);
    return true;
}
Value t_localtime(Value* a, int n, const CallArgs&) {
    num::CivilTime c;
    if (!civil_arg(a, n, c)) return Value();
    return struct_time(c);
}
Value t_strftime(Value* a, int n, const CallArgs&) {
    if (n < 1 || !is_str(a[0])) return raise(T.TypeError, "strftime() argument 1 must be str");
    num::CivilTime c;
    if (!civil_arg(a + 1, n - 1, c)) return Value();
    return str_value(num::strftime(c, as_str(a[0])->s, "GMT", false));
}

// ---- math -----------------------------------------------------------------------------
double D(const Value& v, bool& ok) {
    double d = 0;
    ok = to_double(v, d);
    return d;
}
Value math_result(double r) {
    if (std::isnan(r)) return raise(T.ValueError, "math domain error");
    if (std::isinf(r)) return raise(T.OverflowError, "math range error");
    return Value::number(r);
}
template <double (*F)(double)>
Value m1(Value* a, int n, const CallArgs&) {
    if (need_args("math", n, 1, 1).is_null()) return Value();
    bool ok;
    double x = D(a[0], ok);
    if (!ok) return Value();
    double r = F(x);
    if (std::isnan(r) && !std::isnan(x)) return raise(T.ValueError, "math domain error");
    if (std::isinf(r) && !std::isinf(x)) return raise(T.OverflowError, "math range error");
    return Value::number(r);
}
double d_sqrt(double x) { return x < 0 ? NAN : std::sqrt(x); }
double d_exp(double x) { return std::exp(x); }
double d_sin(double x) { return std::sin(x); }
double d_cos(double x) { return std::cos(x); }
double d_tan(double x) { return std::tan(x); }
double d_asin(double x) { return std::asin(x); }
double d_acos(double x) { return std::acos(x); }
double d_atan(double x) { return std::atan(x); }
double d_fabs(double x) { return std::fabs(x); }
double d_log2(double x) { return x <= 0 ? NAN : std::log2(x); }
double d_log10(double x) { return x <= 0 ? NAN : std::log10(x); }
double d_degrees(double x) { return x * 180.0 / M_PI; }
double d_radians(double x) { return x * M_PI / 180.0; }

Value int_from_double(double r) {
    if (std::isnan(r)) return raise(T.ValueError, "cannot convert float NaN to integer");
    if (std::isinf(r)) return raise(T.OverflowError, "cannot convert float infinity to integer");
    std::int64_t i;
    if (num::double_to_int64(r, i)) return Value::integer(i);
    return int_value(num::BigInt::from_double(r));
}
Value m_floor(Value* a, int n, const CallArgs&) {
    if (need_args("floor", n, 1, 1).is_null()) return Value();
    if (is_int_like(a[0])) return a[0].tag == Tag::Bool ? Value::integer(a[0].i) : a[0];
    bool ok;
    double x = D(a[0], ok);
    return ok ? int_from_double(std::floor(x)) : Value();
}
Value m_ceil(Value* a, int n, const CallArgs&) {
    if (need_args("ceil", n, 1, 1).is_null()) return Value();
    if (is_int_like(a[0])) return a[0].tag == Tag::Bool ? Value::integer(a[0].i) : a[0];
    bool ok;
    double x = D(a[0], ok);
    return ok ? int_from_double(std::ceil(x)) : Value();
}
Value m_trunc(Value* a, int n, const CallArgs&) {
    if (need_args("trunc", n, 1, 1).is_null()) return Value();
    if (is_int_like(a[0])) return a[0];
    bool ok;
    double x = D(a[0], ok);
    return ok ? int_from_double(std::trunc(x)) : Value();
}
Value m_log(Value* a, int n, const CallArgs&) {
    if (need_args("log", n, 1, 2).is_null()) return Value();
    bool ok;
    double x = D(a[0], ok);
    if (!ok) return Value();
    if (x <= 0) return raise(T.ValueError, "math domain error");
    double r = std::log(x);
    if (n == 2) {
        double b = D(a[1], ok);
        if (!ok) return Value();
        if (b <= 0 || b == 1) return raise(b == 1 ? T.ZeroDivisionError : T.ValueError, b == 1 ? "float division by zero" : "math domain error");
        r /= std::log(b);
    }
    return Value::number(r);
}
Value m_pow(Value* a, int n, const CallArgs&) {
    if (need_args("pow", n, 2, 2).is_null()) return Value();
    bool ok1, ok2;
    double x = D(a[0], ok1), y = D(a[1], ok2);
    if (!ok1 || !ok2) return Value();
    return math_result(std::pow(x, y));
}
Value m_atan2(Value* a, int n, const CallArgs&) {
    if (need_args("atan2", n, 2, 2).is_null()) return Value();
    bool ok1, ok2;
    double y = D(a[0], ok1), x = D(a[1], ok2);
    if (!ok1 || !ok2) return Value();
    return Value::number(std::atan2(y, x));
}
Value m_hypot(Value* a, int n, const CallArgs&) {
    double acc = 0;
    for (int i = 0; i < n; ++i) {
        bool ok;
        double x = D(a[i], ok);
        if (!ok) return Value();
        acc = std::hypot(acc, x);
    }
    return Value::number(acc);
}
Value m_isnan(Value* a, int n, const CallArgs&) { bool ok = n == 1; double x = ok ? D(a[0], ok) : 0; return ok ? Value::boolean(std::isnan(x)) : Value(); }
Value m_isinf(Value* a, int n, const CallArgs&) { bool ok = n == 1; double x = ok ? D(a[0], ok) : 0; return ok ? Value::boolean(std::isinf(x)) : Value(); }
Value m_isfinite(Value* a, int n, const CallArgs&) { bool ok = n == 1; double x = ok ? D(a[0], ok) : 0; return ok ? Value::boolean(std::isfinite(x)) : Value(); }
Value m_isclose(Value* a, int n, const CallArgs& kw) {
    if (n < 2) return raise(T.TypeError, "isclose() missing required argument");
    bool ok1, ok2;
    double x = D(a[0], ok1), y = D(a[1], ok2);
    if (!ok1 || !ok2) return Value();
    double rel = 1e-9, abs_tol = 0;
    for (int i = 0; i < kw.nkw; ++i) {
        bool ok;
        if (kw.kwn[i]->s == "rel_tol") rel = D(kw.kwv[i], ok);
        if (kw.kwn[i]->s == "abs_tol") abs_tol = D(kw.kwv[i], ok);
    }
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    double diff = std::fabs(y - x);
    return Value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}
Value m_factorial(Value* a, int n, const CallArgs&) {
    if (need_args("factorial", n, 1, 1).is_null()) return Value();
    if (!is_int_like(a[0])) return raise(T.TypeError, "'" + type_name(a[0]) + "' object cannot be interpreted as an integer");
    std::int64_t k;
    if (!to_index(a[0], k)) return Value();
    if (k < 0) return raise(T.ValueError, "factorial() not defined for negative values");
    num::BigInt r(1);
    for (std::int64_t i = 2; i <= k; ++i) {
        std::uint64_t bits = r.bit_length();
        if (!charge_bigint(bits + 64, bits / 32 + 1)) return Value();
        r = r * num::BigInt(i);
    }
    return int_value(r);
}
Value m_gcd(Value* a, int n, const CallArgs&) {
    num::BigInt g(0);
    for (int i = 0; i < n; ++i) {
        if (!is_int_like(a[i])) return raise(T.TypeError, "'" + type_name(a[i]) + "' object cannot be interpreted as an integer");
        num::BigInt x = to_bigint(a[i]).abs();
        while (!x.is_zero()) { num::BigInt t = num::mod(g, x); g = x; x = t; }
    }
    return int_value(g);
}
Value m_isqrt(Value* a, int n, const CallArgs&) {
    if (n != 1) return raise(T.TypeError, "math.isqrt() takes exactly one argument (" + std::to_string(n) + " given)");
    if (!is_int_like(a[0])) return raise(T.TypeError, "'" + type_name(a[0]) + "' object cannot be interpreted as an integer");
    num::BigInt x = to_bigint(a[0]);
    if (x.is_negative()) return raise(T.ValueError, "isqrt() argument must be nonnegative");
    if (x.is_zero()) return Value::integer(0);
    if (!charge_bigint(x.bit_length(), x.bit_length() * x.bit_length() / 64 + 1)) return Value();
    // Newton's method from above: r = (r + x // r) // 2 until it stops falling
    num::BigInt r = num::BigInt(1) << static_cast<int>((x.bit_length() + 1) / 2);
    while (true) {
        num::BigInt next = num::floordiv(r + num::floordiv(x, r), num::BigInt(2));
        if (!(next < r)) break;
        r = next;
    }
    return int_value(r);
}
Value m_frexp(Value* a, int n, const CallArgs&) {
    if (n != 1) return raise(T.TypeError, "math.frexp() takes exactly one argument (" + std::to_string(n) + " given)");
    double x;
    if (!to_double(a[0], x)) return Value();
    int e = 0;
    double m = std::isfinite(x) ? std::frexp(x, &e) : x;
    return tuple_value({Value::number(m), Value::integer(e)});
}
Value m_comb_perm(Value* a, int n, bool comb) {
    if (n != 2) return raise(T.TypeError, comb ? "comb expected 2 arguments" : "perm expected 2 arguments");
    std::int64_t N, K;
    if (!to_index(a[0], N) || !to_index(a[1], K)) return Value();
    if (N < 0 || K < 0) return raise(T.ValueError, "n must be a non-negative integer");
    if (K > N) return Value::integer(0);
    num::BigInt r(1);
    for (std::int64_t i = 0; i < K; ++i) {
        std::uint64_t bits = r.bit_length();
        if (!charge_bigint(bits + 64, bits / 32 + 1)) return Value();
        r = r * num::BigInt(N - i);
    }
    if (comb)
        for (std::int64_t i = 2; i <= K; ++i) {
            if (!charge_bigint(0, 32 * (r.bit_length() / 32 + 1))) return Value();
            r = num::floordiv(r, num::BigInt(i));
        }
    return int_value(r);
}
Value m_comb(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "comb expected 2 arguments");
    std::int64_t N, K;
    if (!to_index(a[0], N) || !to_index(a[1], K)) return Value();
    if (N < 0 || K < 0) return raise(T.ValueError, "n must be a non-negative integer");
    if (K > N) return Value::integer(0);
    if (K > N - K) K = N - K;
    num::BigInt r(1);
    for (std::int64_t i = 1; i <= K; ++i) {
        std::uint64_t bits = r.bit_length();
        if (!charge_bigint(bits + 64, 40 * (bits / 32 + 1))) return Value();  // a product and a long division
        r = num::floordiv(r * num::BigInt(N - K + i), num::BigInt(i));
    }
    return int_value(r);
}
Value m_perm(Value* a, int n, const CallArgs&) { return m_comb_perm(a, n, false); }
Value m_prod(Value* a, int n, const CallArgs&) {
    if (n < 1) return raise(T.TypeError, "prod() missing required argument 'iterable' (pos 1)");
    std::vector<Value> items;
    if (!collect(a[0], items)) return Value();
    Value acc = Value::integer(1);
    for (auto& x : items) {
        acc = binary_op(BinOpKind::Mult, acc, x);
        if (acc.is_null()) return acc;
    }
    return acc;
}
Value m_fsum(Value* a, int n, const CallArgs&) {
    if (n < 1) return raise(T.TypeError, "fsum() missing argument");
    std::vector<Value> items;
    if (!collect(a[0], items)) return Value();
    // Shewchuk's exact summation (as CPython's msum)
    std::vector<double> partials;
    for (auto& v : items) {
        double x;
        if (!to_double(v, x)) return Value();
        std::size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    double sum = 0;
    for (double p : partials) sum += p;
    return Value::number(sum);
}

// ---- random -----------------------------------------------------------------------------
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

// ---- datetime ---------------------------------------------------------------------------
struct DtClasses { ClassObj *datetime, *timedelta, *date; } DT;

struct DateTimeObj : NativeObj {
    num::EpochMicros us;
    DateTimeObj(ClassObj* c, num::EpochMicros u) : NativeObj(c), us(u) {}
};
DateTimeObj* dt(const Value& v) { return static_cast<DateTimeObj*>(v.o); }
bool is_dt(const Value& v, ClassObj* c) { return is_kind(v, Kind::Native) && v.o->cls == c; }
Value make_dt(ClassObj* c, num::EpochMicros us) { return Value(make<DateTimeObj>(c, us)); }

Value dt_now(Value*, int, const CallArgs&) {
    return make_dt(DT.datetime, num::epoch_micros_from_seconds(kWallAtZero + now()));
}
Value date_today(Value*, int, const CallArgs&) {
    num::EpochMicros us = num::epoch_micros_from_seconds(kWallAtZero + now());
    std::int64_t day = 86400000000LL;
    return make_dt(DT.date, us - num::floormod(us, day));
}
Value dt_fromtimestamp(Value* a, int n, const CallArgs&) {
    double t;
    if (n < 1 || !to_double(a[n - 1], t)) return has_exc() ? Value() : raise(T.TypeError, "fromtimestamp() missing argument");
    return make_dt(DT.datetime, num::epoch_micros_from_seconds(t));
}
Value dt_new(Value* a, int n, const CallArgs& kw) {
    ClassObj* c = static_cast<ClassObj*>(a[0].o);
    std::int64_t v[7] = {0, 1, 1, 0, 0, 0, 0};
    static const char* names[7] = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
    for (int i = 1; i < n && i <= 7; ++i) if (!to_index(a[i], v[i - 1])) return Value();
    for (int k = 0; k < kw.nkw; ++k)
        for (int i = 0; i < 7; ++i)
            if (kw.kwn[k]->s == names[i] && !to_index(kw.kwv[k], v[i])) return Value();
    if (n < 4 && kw.nkw == 0) return raise(T.TypeError, "function missing required argument 'day' (pos 3)");
    num::CivilTime ct;
    ct.year = static_cast<int>(v[0]); ct.month = static_cast<int>(v[1]); ct.day = static_cast<int>(v[2]);
    ct.hour = static_cast<int>(v[3]); ct.minute = static_cast<int>(v[4]); ct.second = static_cast<int>(v[5]);
    ct.microsecond = static_cast<int>(v[6]);
    if (ct.month < 1 || ct.month > 12) return raise(T.ValueError, "month must be in 1..12");
    return make_dt(c, num::micros_from_civil(ct));
}
Value dt_str(Value* a, int, const CallArgs&) {
    num::CivilTime c = num::civil_from_micros(dt(a[0])->us);
    if (a[0].o->cls == DT.date) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
        return str_value(buf);
    }
    return str_value(num::datetime_str(c));
}
Value dt_repr(Value* a, int, const CallArgs&) {
    num::CivilTime c = num::civil_from_micros(dt(a[0])->us);
    if (a[0].o->cls == DT.date) return str_value("datetime.date(" + std::to_string(c.year) + ", " + std::to_string(c.month) + ", " + std::to_string(c.day) + ")");
    return str_value(num::datetime_repr(c));
}
Value dt_isoformat(Value* a, int n, const CallArgs&) {
    if (a[0].o->cls == DT.date) return dt_str(a, n, CallArgs{});
    char sep = 'T';
    if (n > 1 && is_str(a[1]) && !as_str(a[1])->s.empty()) sep = as_str(a[1])->s[0];
    return str_value(num::datetime_isoformat(num::civil_from_micros(dt(a[0])->us), sep));
}
Value dt_strftime(Value* a, int n, const CallArgs&) {
    if (n < 2 || !is_str(a[1])) return raise(T.TypeError, "strftime() argument 1 must be str");
    return str_value(num::strftime(num::civil_from_micros(dt(a[0])->us), as_str(a[1])->s));
}
Value dt_format(Value* a, int n, const CallArgs& kw) {
    if (n < 2 || !is_str(a[1]) || as_str(a[1])->s.empty()) return dt_str(a, 1, kw);
    return dt_strftime(a, n, kw);
}
Value dt_date(Value* a, int, const CallArgs&) {
    std::int64_t day = 86400000000LL;
    return make_dt(DT.date, dt(a[0])->us - num::floormod(dt(a[0])->us, day));
}
Value dt_timestamp(Value* a, int, const CallArgs&) { return Value::number(static_cast<double>(dt(a[0])->us) / 1e6); }
Value dt_field(Value* a, int field) {
    num::CivilTime c = num::civil_from_micros(dt(a[0])->us);
    int v[] = {c.year, c.month, c.day, c.hour, c.minute, c.second, c.microsecond};
    return Value::integer(v[field]);
}
Value dt_year(Value* a, int, const CallArgs&) { return dt_field(a, 0); }
Value dt_month(Value* a, int, const CallArgs&) { return dt_field(a, 1); }
Value dt_day(Value* a, int, const CallArgs&) { return dt_field(a, 2); }
Value dt_hour(Value* a, int, const CallArgs&) { return dt_field(a, 3); }
Value dt_minute(Value* a, int, const CallArgs&) { return dt_field(a, 4); }
Value dt_second(Value* a, int, const CallArgs&) { return dt_field(a, 5); }
Value dt_microsecond(Value* a, int, const CallArgs&) { return dt_field(a, 6); }
Value dt_weekday(Value* a, int, const CallArgs&) { return Value::integer(num::civil_from_micros(dt(a[0])->us).weekday); }
Value dt_sub(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], a[0].o->cls)) return make_dt(DT.timedelta, dt(a[0])->us - dt(a[1])->us);
    if (is_dt(a[1], DT.timedelta)) return make_dt(a[0].o->cls, dt(a[0])->us - dt(a[1])->us);
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
Value dt_add(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], DT.timedelta)) return make_dt(a[0].o->cls, dt(a[0])->us + dt(a[1])->us);
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
template <CmpOpKind K>
Value dt_cmp(Value* a, int, const CallArgs&) {
    if (!is_dt(a[1], a[0].o->cls)) return K == CmpOpKind::Eq ? Value::boolean(false) : Value(static_cast<Object*>(rt().intern("NotImplemented")));
    auto x = dt(a[0])->us, y = dt(a[1])->us;
    switch (K) {
        case CmpOpKind::Lt: return Value::boolean(x < y);
        case CmpOpKind::LtE: return Value::boolean(x <= y);
        case CmpOpKind::Gt: return Value::boolean(x > y);
        case CmpOpKind::GtE: return Value::boolean(x >= y);
        default: return Value::boolean(x == y);
    }
}
Value dt_hash(Value* a, int, const CallArgs&) { return Value::integer(num::hash_int64(dt(a[0])->us)); }

Value td_new(Value* a, int n, const CallArgs& kw) {
    static const char* names[7] = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    static const double scale[7] = {86400e6, 1e6, 1, 1e3, 60e6, 3600e6, 604800e6};
    double total = 0;
    std::int64_t exact = 0;
    bool all_int = true;
    auto add = [&](int i, const Value& v) {
        if (is_int_like(v) && v.tag != Tag::Obj) exact += v.i * static_cast<std::int64_t>(scale[i]);
        else {
            double d;
            if (!to_double(v, d)) return false;
            all_int = false;
            total += d * scale[i];
        }
        return true;
    };
    for (int i = 1; i < n && i <= 7; ++i) if (!add(i - 1, a[i])) return Value();
    for (int k = 0; k < kw.nkw; ++k) {
        bool found = false;
        for (int i = 0; i < 7; ++i)
            if (kw.kwn[k]->s == names[i]) { found = true; if (!add(i, kw.kwv[k])) return Value(); }
        if (!found) return raise(T.TypeError, "'" + kw.kwn[k]->s + "' is an invalid keyword argument for __new__()");
    }
    std::int64_t us = exact + (all_int ? 0 : static_cast<std::int64_t>(std::nearbyint(total)));
    return make_dt(DT.timedelta, us);
}
Value td_str(Value* a, int, const CallArgs&) { return str_value(num::timedelta_str(num::TimeDelta::from_micros(dt(a[0])->us))); }
Value td_repr(Value* a, int, const CallArgs&) { return str_value(num::timedelta_repr(num::TimeDelta::from_micros(dt(a[0])->us))); }
Value td_total_seconds(Value* a, int, const CallArgs&) { return Value::number(num::TimeDelta::from_micros(dt(a[0])->us).total_seconds()); }
Value td_days(Value* a, int, const CallArgs&) { return Value::integer(num::TimeDelta::from_micros(dt(a[0])->us).days); }
Value td_seconds(Value* a, int, const CallArgs&) { return Value::integer(num::TimeDelta::from_micros(dt(a[0])->us).seconds); }
Value td_microseconds(Value* a, int, const CallArgs&) { return Value::integer(num::TimeDelta::from_micros(dt(a[0])->us).microseconds); }
Value td_add(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], DT.timedelta)) return make_dt(DT.timedelta, dt(a[0])->us + dt(a[1])->us);
    if (is_dt(a[1], DT.datetime)) return make_dt(DT.datetime, dt(a[0])->us + dt(a[1])->us);
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
Value td_sub(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], DT.timedelta)) return make_dt(DT.timedelta, dt(a[0])->us - dt(a[1])->us);
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
Value td_mul(Value* a, int, const CallArgs&) {
    if (is_int_like(a[1]) && a[1].tag != Tag::Obj) return make_dt(DT.timedelta, dt(a[0])->us * a[1].i);
    if (a[1].tag == Tag::Float) return make_dt(DT.timedelta, static_cast<std::int64_t>(std::nearbyint(static_cast<double>(dt(a[0])->us) * a[1].f)));
    return Value(static_cast<Object*>(rt().intern("NotImplemented")));
}
Value td_truediv(Value* a, int, const CallArgs&) {
    if (is_dt(a[1], DT.timedelta)) {
        if (dt(a[1])->us == 0) return raise(T.ZeroDivisionError, "division by zero");
        return Value::number(static_cast<double>(dt(a[0])->us) / static_cast<double>(dt(a[1])->us));
    }
    double d;
    if (!to_double(a[1], d)) return Value();
    if (d == 0) return raise(T.ZeroDivisionError, "division by zero");
    return make_dt(DT.timedelta, static_cast<std::int64_t>(std::nearbyint(static_cast<double>(dt(a[0])->us) / d)));
}
Value td_neg(Value* a, int, const CallArgs&) { return make_dt(DT.timedelta, -dt(a[0])->us); }
Value td_bool(Value* a, int, const CallArgs&) { return Value::boolean(dt(a[0])->us != 0); }

void init_datetime_classes() {
    static bool done = false;
    if (done) return;
    done = true;
    DT.date = make_builtin_class("date", T.object, Kind::Native);
    DT.datetime = make_builtin_class("datetime", DT.date, Kind::Native);
    DT.timedelta = make_builtin_class("timedelta", T.object, Kind::Native);
    for (ClassObj* c : {DT.date, DT.datetime}) {
        add_method(c, "__new__", dt_new);
        add_method(c, "__str__", dt_str);
        add_method(c, "__repr__", dt_repr);
        add_method(c, "isoformat", dt_isoformat);
        add_method(c, "strftime", dt_strftime);
        add_method(c, "__sub__", dt_sub);
        add_method(c, "__add__", dt_add);
        add_method(c, "__eq__", dt_cmp<CmpOpKind::Eq>);
        add_method(c, "__lt__", dt_cmp<CmpOpKind::Lt>);
        add_method(c, "__le__", dt_cmp<CmpOpKind::LtE>);
        add_method(c, "__gt__", dt_cmp<CmpOpKind::Gt>);
        add_method(c, "__ge__", dt_cmp<CmpOpKind::GtE>);
        add_method(c, "__hash__", dt_hash);
        add_method(c, "weekday", dt_weekday);
        add_method(c, "__format__", dt_format);
        add_method(c, "today", c == DT.date ? date_today : dt_now);
    }
    add_class_function(DT.datetime, "now", dt_now);
    add_method(DT.datetime, "utcnow", dt_now);
    add_class_function(DT.datetime, "fromtimestamp", dt_fromtimestamp);
    add_method(DT.datetime, "timestamp", dt_timestamp);
    add_method(DT.datetime, "date", dt_date);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"year", dt_year}, {"month", dt_month}, {"day", dt_day}, {"hour", dt_hour}, {"minute", dt_minute},
             {"second", dt_second}, {"microsecond", dt_microsecond}})
        add_property(DT.date, n, f);
    add_method(DT.timedelta, "__new__", td_new);
    add_method(DT.timedelta, "__str__", td_str);
    add_method(DT.timedelta, "__repr__", td_repr);
    add_method(DT.timedelta, "total_seconds", td_total_seconds);
    add_method(DT.timedelta, "__add__", td_add);
    add_method(DT.timedelta, "__radd__", td_add);
    add_method(DT.timedelta, "__sub__", td_sub);
    add_method(DT.timedelta, "__mul__", td_mul);
    add_method(DT.timedelta, "__rmul__", td_mul);
    add_method(DT.timedelta, "__truediv__", td_truediv);
    add_method(DT.timedelta, "__neg__", td_neg);
    add_method(DT.timedelta, "__bool__", td_bool);
    add_method(DT.timedelta, "__eq__", dt_cmp<CmpOpKind::Eq>);
    add_method(DT.timedelta, "__lt__", dt_cmp<CmpOpKind::Lt>);
    add_method(DT.timedelta, "__le__", dt_cmp<CmpOpKind::LtE>);
    add_method(DT.timedelta, "__gt__", dt_cmp<CmpOpKind::Gt>);
    add_method(DT.timedelta, "__ge__", dt_cmp<CmpOpKind::GtE>);
    add_method(DT.timedelta, "__hash__", dt_hash);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"days", td_days}, {"seconds", td_seconds}, {"microseconds", td_microseconds}})
        add_property(DT.timedelta, n, f);
}

Value make_time() {
    ModuleObj* m = new_module("time");
    Value mv(m);
    def(m, "sleep", t_sleep);
    def(m, "time", t_time);
    def(m, "monotonic", t_monotonic);
    def(m, "perf_counter", t_monotonic);
    def(m, "process_time", t_monotonic);
    def(m, "time_ns", t_time_ns);
    def(m, "monotonic_ns", t_monotonic_ns);
    def(m, "perf_counter_ns", t_monotonic_ns);
    def(m, "localtime", t_localtime);
    def(m, "gmtime", t_localtime);
    def(m, "strftime", t_strftime);
    return mv;
}

Value make_math() {
    ModuleObj* m = new_module("math");
    Value mv(m);
    def(m, "sqrt", m1<d_sqrt>);
    def(m, "exp", m1<d_exp>);
    def(m, "sin", m1<d_sin>);
    def(m, "cos", m1<d_cos>);
    def(m, "tan", m1<d_tan>);
    def(m, "asin", m1<d_asin>);
    def(m, "acos", m1<d_acos>);
    def(m, "atan", m1<d_atan>);
    def(m, "fabs", m1<d_fabs>);
    def(m, "log2", m1<d_log2>);
    def(m, "log10", m1<d_log10>);
    def(m, "degrees", m1<d_degrees>);
    def(m, "radians", m1<d_radians>);
    def(m, "floor", m_floor);
    def(m, "ceil", m_ceil);
    def(m, "trunc", m_trunc);
    def(m, "log", m_log);
    def(m, "pow", m_pow);
    def(m, "atan2", m_atan2);
    def(m, "hypot", m_hypot);
    def(m, "isnan", m_isnan);
    def(m, "isinf", m_isinf);
    def(m, "isfinite", m_isfinite);
    def(m, "isclose", m_isclose);
    def(m, "factorial", m_factorial);
    def(m, "gcd", m_gcd);
    def(m, "isqrt", m_isqrt);
    def(m, "frexp", m_frexp);
    def(m, "comb", m_comb);
    def(m, "perm", m_perm);
    def(m, "prod", m_prod);
    def(m, "fsum", m_fsum);
    dict_set_str(m->dict, "pi", Value::number(M_PI));
    dict_set_str(m->dict, "e", Value::number(M_E));
    dict_set_str(m->dict, "tau", Value::number(2 * M_PI));
    dict_set_str(m->dict, "inf", Value::number(INFINITY));
    dict_set_str(m->dict, "nan", Value::number(NAN));
    return mv;
}

Value make_random() {
    ModuleObj* m = new_module("random");
    Value mv(m);
    def(m, "seed", r_seed);
    def(m, "random", r_random);
    def(m, "uniform", r_uniform);
    def(m, "randint", r_randint);
    def(m, "randrange", r_randrange);
    def(m, "choice", r_choice);
    def(m, "choices", r_choices);
    def(m, "shuffle", r_shuffle);
    def(m, "sample", r_sample);
    def(m, "gauss", r_gauss);
    def(m, "getrandbits", r_getrandbits);
    def(m, "normalvariate", r_gauss);
    return mv;
}

Value make_datetime() {
    init_datetime_classes();
    ModuleObj* m = new_module("datetime");
    Value mv(m);
    dict_set_str(m->dict, "datetime", Value(static_cast<Object*>(DT.datetime)));
    dict_set_str(m->dict, "date", Value(static_cast<Object*>(DT.date)));
    dict_set_str(m->dict, "timedelta", Value(static_cast<Object*>(DT.timedelta)));
    return mv;
}

}  // namespace

void register_modules(std::uint64_t seed) {
    rng().seed(num::BigInt::from_uint64(seed));
    gauss_next().reset();
}

Value import_module(StrObj* name) {
    auto it = rt().modules.find(name->s);
    if (it != rt().modules.end()) return it->second;
    Value m;
    const std::string& n = name->s;
    if (n == "asyncio") m = make_module_asyncio();
    else if (n.rfind("asyncio.", 0) == 0) {
        // the submodules are made with asyncio (make_module_asyncio)
        if (import_module(as_str(str_value("asyncio"))).is_null()) return Value();
        it = rt().modules.find(n);
        if (it != rt().modules.end()) return it->second;
        return raise(T.ModuleNotFoundError, "not supported in corolab: import of module '" + n + "'");
    }
    else if (n == "_thread") m = make_module_thread();
    else if (n == "concurrent" || n == "concurrent.futures") {
        // lang/modules/_concurrent_futures.py, as the package's one module
        Value cf = load_library_module("_concurrent_futures");
        if (cf.is_null()) return cf;
        static_cast<ModuleObj*>(cf.o)->name = "concurrent.futures";  // its missing names read as CPython's
        ModuleObj* c = new_module("concurrent");
        dict_set_str(c->dict, "futures", cf);
        rt().modules["concurrent.futures"] = cf;
        rt().modules["concurrent"] = Value(c);
        return rt().modules[n];
    }
    else if (n == "time") m = make_time();
    else if (n == "math") m = make_math();
    else if (n == "random") m = make_random();
    else if (n == "datetime") m = make_datetime();
    else if (n == "sys") m = make_module_sys();
    else if (n == "os") m = make_module_os();
    else {
        // a library module; a dotted one (collections.abc) after its parent,
        // whose attribute it becomes
        std::size_t dot = n.rfind('.');
        Value parent;
        if (dot != std::string::npos) {
            parent = import_module(rt().intern(n.substr(0, dot)));
            if (parent.is_null()) return parent;
        }
        if (!(m = load_library_module(n)) && !has_exc())
            return raise(T.ModuleNotFoundError, "not supported in corolab: import of module '" + n + "'");
        if (!m.is_null() && is_kind(parent, Kind::Module))
            dict_set_str(static_cast<ModuleObj*>(parent.o)->dict, n.substr(dot + 1), m);
    }
    if (m.is_null()) return m;
    rt().modules[n] = m;
    return m;
}

}  // namespace corolab::lang
