// range: a lazy arithmetic progression, as CPython's rangeobject.c.
//
// Nearly every range has 64-bit bounds and a 64-bit length: RangeObj keeps
// those in int64 fields and the VM's for-loop runs them without a Value per
// step. A range past 64 bits (range(10**20), range(2**63 - 2, 2**63 + 2))
// keeps Python ints instead, and every operation on it goes through generic
// int arithmetic, as CPython's longrangeobject does. Both forms give the same
// results (tests/lang/test_vm.cpp checks them against each other).
#include <limits>

#include "lang/objects/ops.hpp"

namespace corolab::lang {

namespace {
Value add(const Value& a, const Value& b) { return binary_op(BinOpKind::Add, a, b); }
Value sub(const Value& a, const Value& b) { return binary_op(BinOpKind::Sub, a, b); }
Value mul(const Value& a, const Value& b) { return binary_op(BinOpKind::Mult, a, b); }
Value floordiv(const Value& a, const Value& b) { return binary_op(BinOpKind::FloorDiv, a, b); }
int cmp(CmpOpKind op, const Value& a, const Value& b) {
    Value r = compare_op(op, a, b);
    return r.is_null() ? -1 : truthy(r);
}
Value zero() { return Value::integer(0); }
Value one() { return Value::integer(1); }
bool fits64(const Value& v) { return v.tag == Tag::Int || v.tag == Tag::Bool; }
Value int128_value(__int128 v) {
    if (v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max())
        return Value::integer(static_cast<std::int64_t>(v));
    Value word = Value::integer(std::int64_t{1} << 32);
    Value hi = mul(mul(Value::integer(static_cast<std::int64_t>(v >> 64)), word), word);
    return hi.is_null() ? hi : add(hi, int_value(num::BigInt::from_uint64(static_cast<std::uint64_t>(v))));
}

// A range argument: an int, or an object with __index__ (as operator.index).
Value index_value(const Value& v) {
    if (v.tag == Tag::Int || is_kind(v, Kind::BigInt)) return v;
    if (v.tag == Tag::Bool) return Value::integer(v.i);
    if (v.tag == Tag::Obj) {
        Value f = lookup_special(v, rt().intern("__index__"));
        if (!f.is_null()) {
            Value r = call1(f, v);
            if (r.is_null() || is_int_like(r)) return r;
            return raise(T.TypeError, "__index__ returned non-int (type " + type_name(r) + ")");
        }
    }
    return raise(T.TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

// CPython's compute_range_length: (hi - lo - 1) // step + 1, or 0.
Value big_length(const Value& start, const Value& stop, const Value& step) {
    int pos = cmp(CmpOpKind::Gt, step, zero());
    if (pos < 0) return Value();
    const Value& lo = pos ? start : stop;
    const Value& hi = pos ? stop : start;
    int empty = cmp(CmpOpKind::GtE, lo, hi);
    if (empty) return empty < 0 ? Value() : zero();
    Value span = sub(sub(hi, lo), one());
    if (span.is_null()) return span;
    Value n = floordiv(span, pos ? step : unary_op(UnaryOpKind::USub, step));
    return n.is_null() ? n : add(n, one());
}

// start + i * step
Value big_at(const RangeObj* r, const Value& i) {
    Value off = mul(i, r->step_v);
    return off.is_null() ? off : add(r->start_v, off);
}

// Python ints for any range (the fast form widened).
struct Wide {
    Value start, stop, step, len;
};
Wide wide(const RangeObj* r) {
    if (r->big()) return {r->start_v, r->stop_v, r->step_v, r->len_v};
    return {Value::integer(r->start), Value::integer(r->stop), Value::integer(r->step), Value::integer(r->length())};
}

// _PySlice_GetLongIndices: a slice's start/stop/step resolved against a
// length, in Python ints (for ranges past 64 bits).
bool long_slice_indices(SliceObj* s, const Value& len, Value& start, Value& stop, Value& step) {
    step = s->step.is_none() || s->step.is_null() ? one() : index_value(s->step);
    if (step.is_null()) return false;
    int neg = cmp(CmpOpKind::Lt, step, zero());
    if (neg < 0) return false;
    if (!neg && cmp(CmpOpKind::Eq, step, zero()) == 1) { raise(T.ValueError, "slice step cannot be zero"); return false; }
    Value lower = neg ? Value::integer(-1) : zero();
    Value upper = neg ? add(len, Value::integer(-1)) : len;
    auto resolve = [&](const Value& bound, const Value& dflt, Value& out) {
        if (bound.is_none() || bound.is_null()) { out = dflt; return true; }
        Value v = index_value(bound);
        if (v.is_null()) return false;
        if (cmp(CmpOpKind::Lt, v, zero()) == 1) {
            v = add(v, len);
            if (cmp(CmpOpKind::Lt, v, lower) == 1) v = lower;
        } else if (cmp(CmpOpKind::Gt, v, upper) == 1) {
            v = upper;
        }
        out = v;
        return !out.is_null();
    };
    return resolve(s->start, neg ? upper : lower, start) && resolve(s->stop, neg ? lower : upper, stop);
}
}  // namespace

RangeObj::RangeObj(std::int64_t a, std::int64_t b, std::int64_t c)
    : Obj(Kind::Range, T.range), start(a), stop(b), step(c) {}

std::int64_t RangeObj::length() const {
    if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
    return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
}

Value make_range(__int128 start, __int128 stop, __int128 step) {
    constexpr __int128 kMin = std::numeric_limits<std::int64_t>::min(), kMax = std::numeric_limits<std::int64_t>::max();
    __int128 span = stop > start ? stop - start : start - stop;
    if (start < kMin || start > kMax || stop < kMin || stop > kMax || step <= kMin || step > kMax || span > kMax)
        return make_big_range(int128_value(start), int128_value(stop), int128_value(step));
    return Value(make<RangeObj>(static_cast<std::int64_t>(start), static_cast<std::int64_t>(stop), static_cast<std::int64_t>(step)));
}

Value make_big_range(const Value& start, const Value& stop, const Value& step) {
    if (fits64(start) && fits64(stop) && fits64(step)) return make_range(start.i, stop.i, step.i);
    Value len = big_length(start, stop, step);
    if (len.is_null()) return len;
    auto* r = make<RangeObj>(0, 0, 1);
    r->start_v = start;
    r->stop_v = stop;
    r->step_v = step;
    r->len_v = len;
    return Value(r);
}

Value range_new(Value* args, int nargs) {
    if (!check_args("range", nargs, 1, 3)) return Value();
    Value v[3] = {zero(), Value(), one()};
    for (int i = 0; i < nargs; ++i) {
        v[nargs == 1 ? 1 : i] = index_value(args[i]);
        if (v[nargs == 1 ? 1 : i].is_null()) return Value();
    }
    if (fits64(v[2]) && v[2].i == 0) return raise(T.ValueError, "range() arg 3 must not be zero");
    if (fits64(v[0]) && fits64(v[1]) && fits64(v[2])) return make_range(v[0].i, v[1].i, v[2].i);
    return make_big_range(v[0], v[1], v[2]);
}

Value range_len(const RangeObj* r) { return r->big() ? r->len_v : Value::integer(r->length()); }

int range_truthy(const RangeObj* r) { return r->big() ? truthy(r->len_v) : r->length() != 0; }

bool range_repr(std::string& out, const RangeObj* r) {
    Wide w = wide(r);
    out += "range(";
    if (!append_repr(out, w.start)) return false;
    out += ", ";
    if (!append_repr(out, w.stop)) return false;
    if (cmp(CmpOpKind::NotEq, w.step, one()) == 1) {
        out += ", ";
        if (!append_repr(out, w.step)) return false;
    }
    out += ")";
    return true;
}

int range_contains(const RangeObj* r, const Value& x) {
    if (!r->big() && (x.tag == Tag::Int || x.tag == Tag::Bool)) {
        if (r->step > 0 ? (x.i < r->start || x.i >= r->stop) : (x.i > r->start || x.i <= r->stop)) return 0;
        return (x.i - r->start) % r->step == 0;
    }
    Wide w = wide(r);
    int pos = cmp(CmpOpKind::Gt, w.step, zero());
    int in = pos ? (cmp(CmpOpKind::LtE, w.start, x) == 1 && cmp(CmpOpKind::Lt, x, w.stop) == 1)
                 : (cmp(CmpOpKind::Lt, w.stop, x) == 1 && cmp(CmpOpKind::LtE, x, w.start) == 1);
    if (has_exc()) return -1;
    if (!in) return 0;
    Value rem = binary_op(BinOpKind::Mod, sub(x, w.start), w.step);
    return rem.is_null() ? -1 : cmp(CmpOpKind::Eq, rem, zero());
}

// Equal as sequences: same length, and same first item and step where those
// matter (range_equals in rangeobject.c).
int range_equals(const RangeObj* a, const RangeObj* b) {
    if (!a->big() && !b->big())
        return a->length() == b->length() &&
               (a->length() == 0 || (a->start == b->start && (a->length() == 1 || a->step == b->step)));
    Wide x = wide(a), y = wide(b);
    int e = cmp(CmpOpKind::Eq, x.len, y.len);
    if (e != 1) return e;
    if (cmp(CmpOpKind::Eq, x.len, zero()) == 1) return 1;
    e = cmp(CmpOpKind::Eq, x.start, y.start);
    if (e != 1) return e;
    if (cmp(CmpOpKind::Eq, x.len, one()) == 1) return 1;
    return cmp(CmpOpKind::Eq, x.step, y.step);
}

// hash((len, start, step)), with None for what equality ignores (range_hash).
bool range_hash(const RangeObj* r, std::int64_t& h) {
    Wide w = wide(r);
    int empty = cmp(CmpOpKind::Eq, w.len, zero()), single = cmp(CmpOpKind::Eq, w.len, one());
    Value t = tuple_value({w.len, empty == 1 ? Value::none() : w.start, empty == 1 || single == 1 ? Value::none() : w.step});
    return hash_of(t, h);
}

Value range_item(const RangeObj* r, const Value& key) {
    if (is_kind(key, Kind::Slice)) {
        auto* s = static_cast<SliceObj*>(key.o);
        if (!r->big()) {
            std::int64_t a, b, st, n;  // bounds past 64 bits clamp: the length fits
            if (!slice_indices(s, r->length(), a, b, st, n)) return Value();
            return make_range(r->start + static_cast<__int128>(a) * r->step, r->start + static_cast<__int128>(b) * r->step,
                              static_cast<__int128>(r->step) * st);
        }
        Wide w = wide(r);
        Value a, b, st;
        if (!long_slice_indices(s, w.len, a, b, st)) return Value();
        Value na = add(w.start, mul(a, w.step)), nb = add(w.start, mul(b, w.step)), ns = mul(w.step, st);
        if (na.is_null() || nb.is_null() || ns.is_null()) return Value();
        return make_big_range(na, nb, ns);
    }
    if (!is_int_like(key) && key.tag == Tag::Obj && lookup_special(key, rt().intern("__index__")).is_null())
        return raise(T.TypeError, "range indices must be integers or slices, not " + type_name(key));
    Value i = index_value(key);
    if (i.is_null()) return i;
    if (!r->big() && fits64(i)) {
        std::int64_t n = r->length(), k = i.i < 0 ? i.i + n : i.i;
        if (k < 0 || k >= n) return raise(T.IndexError, "range object index out of range");
        return Value::integer(r->start + k * r->step);
    }
    Wide w = wide(r);
    if (cmp(CmpOpKind::Lt, i, zero()) == 1) i = add(i, w.len);
    if (i.is_null()) return i;
    if (cmp(CmpOpKind::Lt, i, zero()) == 1 || cmp(CmpOpKind::GtE, i, w.len) == 1)
        return raise(T.IndexError, "range object index out of range");
    return r->big() ? big_at(r, i) : add(w.start, mul(i, w.step));
}

// iter(range) and reversed(range). A big range iterates in Python ints: the
// iterator holds the next value (src), the step (fn) and how many are left
// (more[0]).
Value range_iter(const RangeObj* r, bool reverse) {
    if (!r->big()) {
        std::int64_t n = r->length();
        auto* it = make<IterObj>(IterObj::Mode::Range, Value());
        it->end = n;
        it->step = reverse ? -r->step : r->step;
        it->pos = reverse && n ? r->start + (n - 1) * r->step : r->start;
        return Value(it);  // -step cannot overflow: make_range keeps step > INT64_MIN
    }
    Wide w = wide(r);
    auto* it = make<IterObj>(IterObj::Mode::BigRange, Value());
    Value itv(it);
    if (reverse) {
        Value last = add(w.start, mul(sub(w.len, one()), w.step));
        if (last.is_null()) return last;
        it->src = last;
        it->fn = unary_op(UnaryOpKind::USub, w.step);
    } else {
        it->src = w.start;
        it->fn = w.step;
    }
    it->more.push_back(w.len);
    return itv;
}

Value range_iter_next(IterObj* it) {
    Value& left = it->more[0];
    if (cmp(CmpOpKind::LtE, left, zero()) == 1) return Value();
    Value cur = it->src;
    Value next = add(cur, it->fn);
    Value rest = sub(left, one());
    if (next.is_null() || rest.is_null()) return Value();
    it->src = next;
    left = rest;
    return cur;
}

namespace {
RangeObj* self_range(Value* args) { return static_cast<RangeObj*>(args[0].o); }
Value r_start(Value* args, int, const CallArgs&) { return wide(self_range(args)).start; }
Value r_stop(Value* args, int, const CallArgs&) { return wide(self_range(args)).stop; }
Value r_step(Value* args, int, const CallArgs&) { return wide(self_range(args)).step; }
Value r_count(Value* args, int nargs, const CallArgs&) {
    if (!check_args("count", nargs - 1, 1, 1)) return Value();
    if (!is_int_like(args[1])) {  // anything else counts by ==, as a sequence
        std::int64_t n = 0;
        Value it = range_iter(self_range(args), false);
        for (Value x; !(x = iter_next(it)).is_null();) {
            if (!charge_item()) return Value();
            int e = equals(x, args[1]);
            if (e < 0) return Value();
            n += e;
        }
        return has_exc() ? Value() : Value::integer(n);
    }
    int in = range_contains(self_range(args), args[1]);
    return in < 0 ? Value() : Value::integer(in);
}
Value r_index(Value* args, int nargs, const CallArgs&) {
    if (!check_args("index", nargs - 1, 1, 1)) return Value();
    RangeObj* r = self_range(args);
    int in = range_contains(r, args[1]);
    if (in < 0) return Value();
    if (!in) {
        std::string s;
        if (!append_repr(s, args[1])) return Value();
        return raise(T.ValueError, s + " is not in range");
    }
    Wide w = wide(r);
    return floordiv(sub(args[1], w.start), w.step);
}
Value r_reversed(Value* args, int nargs, const CallArgs&) {
    if (!check_args("__reversed__", nargs - 1, 0, 0)) return Value();
    return range_iter(self_range(args), true);
}
}  // namespace

void init_range_methods() {
    add_property(T.range, "start", r_start);
    add_property(T.range, "stop", r_stop);
    add_property(T.range, "step", r_step);
    add_method(T.range, "count", r_count);
    add_method(T.range, "index", r_index);
    add_method(T.range, "__reversed__", r_reversed);
}

}  // namespace corolab::lang
