// The math module: CPython's functions on floats and ints, with its errors
// (math domain error, overflow) and exact int results (factorial, gcd, comb,
// isqrt).
#include <cmath>

#include "lang/num/bigint.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/modules/modules.hpp"
#include "lang/objects/ops.hpp"

namespace corolab::lang {

namespace {

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
    if (check_arg_count("math", n, 1, 1).is_null()) return Value();
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
    if (check_arg_count("floor", n, 1, 1).is_null()) return Value();
    if (is_int_like(a[0])) return a[0].tag == Tag::Bool ? Value::integer(a[0].i) : a[0];
    bool ok;
    double x = D(a[0], ok);
    return ok ? int_from_double(std::floor(x)) : Value();
}
Value m_ceil(Value* a, int n, const CallArgs&) {
    if (check_arg_count("ceil", n, 1, 1).is_null()) return Value();
    if (is_int_like(a[0])) return a[0].tag == Tag::Bool ? Value::integer(a[0].i) : a[0];
    bool ok;
    double x = D(a[0], ok);
    return ok ? int_from_double(std::ceil(x)) : Value();
}
Value m_trunc(Value* a, int n, const CallArgs&) {
    if (check_arg_count("trunc", n, 1, 1).is_null()) return Value();
    if (is_int_like(a[0])) return a[0];
    bool ok;
    double x = D(a[0], ok);
    return ok ? int_from_double(std::trunc(x)) : Value();
}
Value m_log(Value* a, int n, const CallArgs&) {
    if (check_arg_count("log", n, 1, 2).is_null()) return Value();
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
    if (check_arg_count("pow", n, 2, 2).is_null()) return Value();
    bool ok1, ok2;
    double x = D(a[0], ok1), y = D(a[1], ok2);
    if (!ok1 || !ok2) return Value();
    return math_result(std::pow(x, y));
}
Value m_atan2(Value* a, int n, const CallArgs&) {
    if (check_arg_count("atan2", n, 2, 2).is_null()) return Value();
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
    if (check_arg_count("factorial", n, 1, 1).is_null()) return Value();
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

}  // namespace

Value make_module_math() {
    ModuleObj* m = new_module("math");
    Value mv(m);
    add_function(m, "sqrt", m1<d_sqrt>);
    add_function(m, "exp", m1<d_exp>);
    add_function(m, "sin", m1<d_sin>);
    add_function(m, "cos", m1<d_cos>);
    add_function(m, "tan", m1<d_tan>);
    add_function(m, "asin", m1<d_asin>);
    add_function(m, "acos", m1<d_acos>);
    add_function(m, "atan", m1<d_atan>);
    add_function(m, "fabs", m1<d_fabs>);
    add_function(m, "log2", m1<d_log2>);
    add_function(m, "log10", m1<d_log10>);
    add_function(m, "degrees", m1<d_degrees>);
    add_function(m, "radians", m1<d_radians>);
    add_function(m, "floor", m_floor);
    add_function(m, "ceil", m_ceil);
    add_function(m, "trunc", m_trunc);
    add_function(m, "log", m_log);
    add_function(m, "pow", m_pow);
    add_function(m, "atan2", m_atan2);
    add_function(m, "hypot", m_hypot);
    add_function(m, "isnan", m_isnan);
    add_function(m, "isinf", m_isinf);
    add_function(m, "isfinite", m_isfinite);
    add_function(m, "isclose", m_isclose);
    add_function(m, "factorial", m_factorial);
    add_function(m, "gcd", m_gcd);
    add_function(m, "isqrt", m_isqrt);
    add_function(m, "frexp", m_frexp);
    add_function(m, "comb", m_comb);
    add_function(m, "perm", m_perm);
    add_function(m, "prod", m_prod);
    add_function(m, "fsum", m_fsum);
    dict_set_str(m->dict, "pi", Value::number(M_PI));
    dict_set_str(m->dict, "e", Value::number(M_E));
    dict_set_str(m->dict, "tau", Value::number(2 * M_PI));
    dict_set_str(m->dict, "inf", Value::number(INFINITY));
    dict_set_str(m->dict, "nan", Value::number(NAN));
    return mv;
}

}  // namespace corolab::lang
