// Generic operations on Values: text conversion, hashing, equality,
// arithmetic, comparison, iteration, attributes, items.
#include "lang/objects/ops.hpp"
#include "lang/modules/modules.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "lang/vm/budget.hpp"
#include "lang/compiler/code.hpp"
#include "lang/num/float_format.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/vm/stack_guard.hpp"

namespace corolab::lang {

namespace {
StrObj* name_of(const char* s) { return rt().intern(s); }

}  // namespace

Value make_int(std::int64_t v) { return Value::integer(v); }

const num::BigInt* bigint_of(const Value& v) {
    return is_kind(v, Kind::BigInt) ? &static_cast<BigIntObj*>(v.o)->value : nullptr;
}
num::BigInt to_bigint(const Value& v) {
    if (v.tag == Tag::Int || v.tag == Tag::Bool) return num::BigInt(v.i);
    return static_cast<BigIntObj*>(v.o)->value;
}
bool is_int_like(const Value& v) {
    return v.tag == Tag::Int || v.tag == Tag::Bool || is_kind(v, Kind::BigInt);
}

std::string type_name(const Value& v) { return type_of(v)->name; }

Value lookup_special(const Value& obj, StrObj* name) {
    return type_of(obj)->lookup(name);
}

// ---- text -----------------------------------------------------------------------
static bool repr_seq(std::string& out, const std::vector<Value>& items, const char* open,
                     const char* close, bool tuple1) {
    out += open;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        if (!append_repr(out, items[i])) return false;
    }
    if (tuple1 && items.size() == 1) out += ",";
    out += close;
    return true;
}

static bool exception_str(std::string& out, ExceptionObj* e) {
    auto* args = static_cast<TupleObj*>(e->args.o);
    if (e->cls->is_subclass_of(T.BaseExceptionGroup) && !e->message.is_null()) {
        auto* subs = static_cast<TupleObj*>(e->exceptions.o);
        std::size_t n = subs ? subs->items.size() : 0;
        out += as_str(e->message)->s + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")";
        return true;
    }
    if (!args || args->items.empty()) return true;
    if (args->items.size() == 1) {
        if (e->cls->is_subclass_of(T.KeyError)) return append_repr(out, args->items[0]);
        return append_str(out, args->items[0]);
    }
    return append_repr(out, e->args);
}

bool append_repr(std::string& out, const Value& v) {
    switch (v.tag) {
        case Tag::None: out += "None"; return true;
        case Tag::Bool: out += v.b ? "True" : "False"; return true;
        case Tag::Int: out += std::to_string(v.i); return true;
        case Tag::Float: num::append_float_repr(out, v.f); return true;
        case Tag::Null: out += "<NULL>"; return true;
        case Tag::Obj: break;
    }
    Obj* o = static_cast<Obj*>(v.o);
    if (o->kind == Kind::Str) { out += repr_string(static_cast<StrObj*>(o)->s); return true; }
    StackGuard guard(" while getting the repr of an object");
    if (!guard.ok()) return false;
    // user-defined __repr__ first
    if (o->cls->user) {
        Value f = o->cls->lookup(name_of("__repr__"));
        if (!f.is_null() && !is_kind(f, Kind::Builtin)) {
            Value r = call1(f, v);
            if (r.is_null()) return false;
            if (!is_str(r)) { raise(T.TypeError, "__repr__ returned non-string (type " + type_name(r) + ")"); return false; }
            out += as_str(r)->s;
            return true;
        }
    }
    switch (o->kind) {
        case Kind::BigInt: {
            std::string s;
            if (auto err = num::to_decimal_checked(static_cast<BigIntObj*>(o)->value, s)) { raise_num(err); return false; }
            out += s;
            return true;
        }
        case Kind::Str: out += repr_string(static_cast<StrObj*>(o)->s); return true;
        case Kind::List: case Kind::Tuple: case Kind::Dict: case Kind::Set: {
            if (o->marked) { out += o->kind == Kind::List ? "[...]" : o->kind == Kind::Dict ? "{...}" : "(...)"; return true; }
            o->marked = true;
            bool ok = true;
            if (o->kind == Kind::List) ok = repr_seq(out, static_cast<ListObj*>(o)->items, "[", "]", false);
            else if (o->kind == Kind::Tuple) ok = repr_seq(out, static_cast<TupleObj*>(o)->items, "(", ")", true);
            else if (o->kind == Kind::Dict) {
                auto* d = static_cast<DictObj*>(o);
                out += "{";
                bool first = true;
                for (auto& e : d->entries) {
                    if (e.key.is_null()) continue;
                    if (!first) out += ", ";
                    first = false;
                    if (!append_repr(out, e.key)) { ok = false; break; }
                    out += ": ";
                    if (!append_repr(out, e.value)) { ok = false; break; }
                }
                out += "}";
            } else {
                auto* s = static_cast<SetObj*>(o);
                bool frozen = s->cls == T.frozenset;
                if (s->table->used == 0) out += frozen ? "frozenset()" : "set()";
                else {
                    out += frozen ? "frozenset({" : "{";
                    bool first = true;
                    for (auto& key : set_items_ordered(s)) {
                        if (!first) out += ", ";
                        first = false;
                        if (!append_repr(out, key)) { ok = false; break; }
                    }
                    out += frozen ? "})" : "}";
                }
            }
            o->marked = false;
            return ok;
        }
        case Kind::Range: return range_repr(out, static_cast<RangeObj*>(o));
        case Kind::Slice: {
            auto* sl = static_cast<SliceObj*>(o);
            out += "slice(";
            if (!append_repr(out, sl->start.is_null() ? Value::none() : sl->start)) return false;
            out += ", ";
            if (!append_repr(out, sl->stop.is_null() ? Value::none() : sl->stop)) return false;
            out += ", ";
            if (!append_repr(out, sl->step.is_null() ? Value::none() : sl->step)) return false;
            out += ")";
            return true;
        }
        case Kind::Class:
            out += "<class '" + class_path(static_cast<ClassObj*>(o)) + "'>";
            return true;
        case Kind::Function:
            out += "<function " + as_str(static_cast<FunctionObj*>(o)->qualname)->s + " at 0x7f0000000000>";
            return true;
        case Kind::Builtin: out += std::string("<built-in function ") + static_cast<BuiltinObj*>(o)->name + ">"; return true;
        case Kind::Module: out += "<module '" + static_cast<ModuleObj*>(o)->name + "'>"; return true;
        case Kind::Exception: {
            auto* e = static_cast<ExceptionObj*>(o);
            out += e->cls->name;
            auto* args = static_cast<TupleObj*>(e->args.o);
            // a group shows its arguments as given (a list or a tuple) when it has them
            bool group_args = args && args->items.size() == 2;
            if (e->cls->is_subclass_of(T.BaseExceptionGroup) && !e->message.is_null() && !group_args) {
                out += "(";
                append_repr(out, e->message);
                out += ", [";
                auto* subs = static_cast<TupleObj*>(e->exceptions.o);
                for (std::size_t i = 0; subs && i < subs->items.size(); ++i) {
                    if (i) out += ", ";
                    append_repr(out, subs->items[i]);
                }
                out += "])";
                return true;
            }
            if (args && args->items.size() == 1) {
                out += "(";
                if (!append_repr(out, args->items[0])) return false;
                out += ")";
                return true;
            }
            if (!args || args->items.empty()) { out += "()"; return true; }
            return append_repr(out, e->args);
        }
        case Kind::Coroutine: case Kind::Generator: case Kind::AsyncGen: {
            auto* g = static_cast<GenObj*>(o);
            out += "<" + o->cls->name + " object " + (g->qualname.is_null() ? std::string("?") : as_str(g->qualname)->s) + " at 0x7f0000000000>";
            return true;
        }
        default: break;
    }
    Value f = o->cls->lookup(name_of("__repr__"));
    if (!f.is_null()) {
        Value r = call1(f, v);
        if (r.is_null()) return false;
        if (!is_str(r)) { raise(T.TypeError, "__repr__ returned non-string"); return false; }
        out += as_str(r)->s;
        return true;
    }
    out += default_repr(v);
    return true;
}

std::string class_path(ClassObj* c) {
    Value mod = c->user ? dict_get_str(c->dict, name_of("__module__")) : Value();
    Value qual = c->user ? dict_get_str(c->dict, name_of("__qualname__")) : Value();
    std::string out;
    if (is_str(mod) && as_str(mod)->s != "builtins") out += as_str(mod)->s + ".";
    else if (!c->user && !c->module.empty()) out += c->module + ".";  // e.g. _asyncio.Task
    out += is_str(qual) ? as_str(qual)->s : c->name;
    return out;
}

std::string default_repr(const Value& v) { return "<" + class_path(type_of(v)) + " object at 0x7f0000000000>"; }

bool append_str(std::string& out, const Value& v) {
    if (v.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(v.o);
        if (o->kind == Kind::Str) { out += static_cast<StrObj*>(o)->s; return true; }
        StackGuard guard(" while getting the str of an object");
        if (!guard.ok()) return false;
        if (o->cls->user) {
            Value f = o->cls->lookup(name_of("__str__"));
            if (!f.is_null() && !is_kind(f, Kind::Builtin)) {
                Value r = call1(f, v);
                if (r.is_null()) return false;
                if (!is_str(r)) { raise(T.TypeError, "__str__ returned non-string (type " + type_name(r) + ")"); return false; }
                out += as_str(r)->s;
                return true;
            }
        }
        if (o->kind == Kind::Exception) {
            if (o->cls->user) {
                Value f = o->cls->lookup(name_of("__repr__"));
                (void)f;
            }
            return exception_str(out, static_cast<ExceptionObj*>(o));
        }
        if (o->kind == Kind::Native) {
            Value f = o->cls->lookup(name_of("__str__"));
            if (!f.is_null()) {
                Value r = call1(f, v);
                if (r.is_null()) return false;
                out += as_str(r)->s;
                return true;
            }
        }
    }
    return append_repr(out, v);
}

Value repr_of(const Value& v) {
    std::string s;
    if (!append_repr(s, v)) return Value();
    return str_value(std::move(s));
}
Value str_of(const Value& v) {
    if (is_str(v)) return v;
    if (v.tag == Tag::Int) {  // str(i): the digits straight into the string
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v.i);
        return str_value(std::string(buf, r.ptr), r.ptr - buf, true);
    }
    std::string s;
    if (!append_str(s, v)) return Value();
    return str_value(std::move(s));
}

// ---- truth, hash, equality ---------------------------------------------------------
int truthy(const Value& v) {
    switch (v.tag) {
        case Tag::None: case Tag::Null: return 0;
        case Tag::Bool: return v.b;
        case Tag::Int: return v.i != 0;
        case Tag::Float: return v.f != 0.0;
        case Tag::Obj: break;
    }
    Obj* o = static_cast<Obj*>(v.o);
    switch (o->kind) {
        case Kind::Str: return !static_cast<StrObj*>(o)->s.empty();
        case Kind::List: return !static_cast<ListObj*>(o)->items.empty();
        case Kind::Tuple: return !static_cast<TupleObj*>(o)->items.empty();
        case Kind::Dict: return static_cast<DictObj*>(o)->used != 0;
        case Kind::Set: return static_cast<SetObj*>(o)->table->used != 0;
        case Kind::Range: return range_truthy(static_cast<RangeObj*>(o));
        case Kind::BigInt: return !static_cast<BigIntObj*>(o)->value.is_zero();
        default: break;
    }
    if (o->cls->user || o->kind == Kind::Native) {
        Value f = o->cls->lookup(name_of("__bool__"));
        if (!f.is_null()) {
            Value r = call1(f, v);
            if (r.is_null()) return -1;
            return truthy(r);
        }
        f = o->cls->lookup(name_of("__len__"));
        if (!f.is_null()) {
            Value r = call1(f, v);
            if (r.is_null()) return -1;
            return truthy(r);
        }
    }
    return 1;
}

// CPython's xxHash-based tuple hash. Tuples nest without bound (`t = (t,)`
// in a loop) and CPython hashes them all, so nested tuples are walked with
// an explicit stack rather than C++ recursion.
static bool hash_tuple(TupleObj* top, std::int64_t& out) {
    constexpr std::uint64_t kSeed = 2870177450012600261ull;
    struct Level { TupleObj* t; std::size_t i; std::uint64_t acc; };
    std::vector<Level> stack{{top, 0, kSeed}};
    std::int64_t lane = 0;
    bool have_lane = false;
    for (;;) {
        Level& l = stack.back();
        if (have_lane) {
            l.acc += static_cast<std::uint64_t>(lane) * 14029467366897019727ull;
            l.acc = (l.acc << 31) | (l.acc >> 33);
            l.acc *= 11400714785074694791ull;
            have_lane = false;
        }
        if (l.i == l.t->items.size()) {
            std::uint64_t acc = l.acc + (l.t->items.size() ^ (kSeed ^ 3527539ull));
            lane = static_cast<std::int64_t>(acc);
            if (lane == -1) lane = 1546275796;
            stack.pop_back();
            if (stack.empty()) { out = lane; return true; }
            have_lane = true;
            continue;
        }
        const Value& item = l.t->items[l.i++];
        if (is_kind(item, Kind::Tuple)) { stack.push_back({static_cast<TupleObj*>(item.o), 0, kSeed}); continue; }
        if (!hash_of(item, lane)) return false;
        have_lane = true;
    }
}

bool hash_of(const Value& v, std::int64_t& h) {
    switch (v.tag) {
        case Tag::None: h = 0x5f3759df; return true;
        case Tag::Bool: case Tag::Int: h = num::hash_int64(v.i); return true;
        case Tag::Float: h = num::hash_double(v.f); return true;
        case Tag::Null: h = 0; return true;
        case Tag::Obj: break;
    }
    Obj* o = static_cast<Obj*>(v.o);
    switch (o->kind) {
        case Kind::Str: h = str_hash(static_cast<StrObj*>(o)); return true;
        case Kind::BigInt: h = static_cast<BigIntObj*>(o)->value.hash(); return true;
        case Kind::Tuple: return hash_tuple(static_cast<TupleObj*>(o), h);
        case Kind::Range: return range_hash(static_cast<RangeObj*>(o), h);
        case Kind::List: case Kind::Dict:
            raise(T.TypeError, "unhashable type: '" + o->cls->name + "'");
            return false;
        case Kind::Set:
            if (o->cls != T.frozenset) { raise(T.TypeError, "unhashable type: 'set'"); return false; }
            break;
        default: break;
    }
    if (o->kind == Kind::Native) {  // a module's type with its own __hash__ (bytes, datetime)
        Value f = o->cls->lookup(name_of("__hash__"));
        if (is_kind(f, Kind::Builtin)) {
            Value r = call1(f, v);
            if (r.is_null()) return false;
            h = r.i;
            return true;
        }
    }
    if (o->cls->user) {
        Value f = o->cls->lookup(name_of("__hash__"));
        if (!f.is_null()) {
            if (f.is_none()) { raise(T.TypeError, "unhashable type: '" + o->cls->name + "'"); return false; }
            if (!is_kind(f, Kind::Builtin)) {
                Value r = call1(f, v);
                if (r.is_null()) return false;
                // an int result is the hash itself, as CPython (-1 is reserved)
                if (r.is_int()) { h = r.i == -1 ? -2 : r.i; return true; }
                return hash_of(r, h);
            }
        } else if (!o->cls->lookup(name_of("__eq__")).is_null()) {
            // defining __eq__ without __hash__ makes instances unhashable
        }
    }
    h = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(o) >> 4);
    return true;
}

static int seq_equal(const std::vector<Value>& a, const std::vector<Value>& b) {
    if (a.size() != b.size()) return 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        int e = equals(a[i], b[i]);
        if (e != 1) return e;
    }
    return 1;
}

static bool numeric(const Value& v) {
    return v.tag == Tag::Int || v.tag == Tag::Bool || v.tag == Tag::Float || is_kind(v, Kind::BigInt);
}

static int num_compare(const Value& a, const Value& b, bool& unordered) {
    unordered = false;
    if ((a.tag == Tag::Int || a.tag == Tag::Bool) && (b.tag == Tag::Int || b.tag == Tag::Bool))
        return a.i < b.i ? -1 : a.i > b.i;
    if (a.tag == Tag::Float && b.tag == Tag::Float) {
        if (std::isnan(a.f) || std::isnan(b.f)) { unordered = true; return 0; }
        return a.f < b.f ? -1 : a.f > b.f;
    }
    if (a.tag == Tag::Float) return -num_compare(b, a, unordered);
    // a is int-like
    if (b.tag == Tag::Float) {
        if (a.tag == Tag::Obj) return num::compare_bigint_double(to_bigint(a), b.f, unordered);
        return num::compare_int64_double(a.i, b.f, unordered);
    }
    num::BigInt x = to_bigint(a), y = to_bigint(b);
    auto c = x <=> y;
    return c < 0 ? -1 : c > 0;
}

int equals(const Value& a, const Value& b) {
    // identity implies equality (CPython's PyObject_RichCompareBool): a NaN
    // float is "in" a list holding that same float; `==` on two floats
    // compares values (compare_op)
    if (a.tag == b.tag && (a.tag == Tag::Obj || a.tag == Tag::Float) && a.i == b.i) return 1;
    if (numeric(a) && numeric(b)) {
        bool un;
        int c = num_compare(a, b, un);
        return !un && c == 0;
    }
    if (a.tag != Tag::Obj || b.tag != Tag::Obj) {
        if (a.tag == Tag::None || b.tag == Tag::None) return a.tag == b.tag;
        if (a.tag != Tag::Obj && b.tag != Tag::Obj) return 0;
    }
    const Value& obj = a.tag == Tag::Obj ? a : b;
    Obj* oa = a.tag == Tag::Obj ? static_cast<Obj*>(a.o) : nullptr;
    Obj* ob = b.tag == Tag::Obj ? static_cast<Obj*>(b.o) : nullptr;
    if (oa && ob && oa->kind == ob->kind && !oa->cls->user && !ob->cls->user) {
        if (oa->kind == Kind::Str) return static_cast<StrObj*>(oa)->s == static_cast<StrObj*>(ob)->s;
        StackGuard guard(" in comparison");
        if (!guard.ok()) return -1;
        switch (oa->kind) {
            case Kind::List: return seq_equal(static_cast<ListObj*>(oa)->items, static_cast<ListObj*>(ob)->items);
            case Kind::Tuple: return seq_equal(static_cast<TupleObj*>(oa)->items, static_cast<TupleObj*>(ob)->items);
            case Kind::Dict: {
                auto* da = static_cast<DictObj*>(oa);
                auto* db = static_cast<DictObj*>(ob);
                if (da->used != db->used) return 0;
                for (auto& e : da->entries) {
                    if (e.key.is_null()) continue;
                    Value o2 = dict_get(db, e.key);
                    if (o2.is_null()) return has_exc() ? -1 : 0;
                    int r = equals(e.value, o2);
                    if (r != 1) return r;
                }
                return 1;
            }
            case Kind::Set: {
                auto* sa = static_cast<SetObj*>(oa);
                auto* sb = static_cast<SetObj*>(ob);
                if (sa->table->used != sb->table->used) return 0;
                for (auto& e : sa->table->entries) {
                    if (e.key.is_null()) continue;
                    int r = set_contains(sb, e.key);
                    if (r != 1) return r;
                }
                return 1;
            }
            case Kind::Range: return range_equals(static_cast<RangeObj*>(oa), static_cast<RangeObj*>(ob));
            case Kind::Native: break;  // its class's __eq__, below
            default: return 0;
        }
    }
    // user __eq__ (left operand first, then reflected)
    StackGuard guard(" in comparison");
    if (!guard.ok()) return -1;
    for (int side = 0; side < 2; ++side) {
        const Value& x = side ? b : a;
        const Value& y = side ? a : b;
        if (x.tag != Tag::Obj) continue;
        ClassObj* c = x.o->cls;
        if (!c->user && static_cast<Obj*>(x.o)->kind != Kind::Native) continue;
        Value f = c->lookup(name_of("__eq__"));
        // a builtin __eq__ counts on a module's type (bytes, datetime), not on a user class
        if (f.is_null() || (is_kind(f, Kind::Builtin) && c->user)) continue;
        Value r = call2(f, x, y);
        if (r.is_null()) return -1;
        if (r.tag == Tag::Obj && r.o == rt().intern("NotImplemented")) continue;
        return truthy(r);
    }
    (void)obj;
    return 0;
}

// ---- arithmetic ---------------------------------------------------------------------
static const char* binop_symbol(BinOpKind op) {
    switch (op) {
        case BinOpKind::Add: return "+";
        case BinOpKind::Sub: return "-";
        case BinOpKind::Mult: return "*";
        case BinOpKind::MatMult: return "@";
        case BinOpKind::Div: return "/";
        case BinOpKind::Mod: return "%";
        case BinOpKind::Pow: return "** or pow()";
        case BinOpKind::LShift: return "<<";
        case BinOpKind::RShift: return ">>";
        case BinOpKind::BitOr: return "|";
        case BinOpKind::BitXor: return "^";
        case BinOpKind::BitAnd: return "&";
        case BinOpKind::FloorDiv: return "//";
    }
    return "?";
}
static const char* binop_dunder(BinOpKind op, bool reflected) {
    static const char* fwd[] = {"__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__", "__pow__",
                                "__lshift__", "__rshift__", "__or__", "__xor__", "__and__", "__floordiv__"};
    static const char* rev[] = {"__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rmod__", "__rpow__",
                                "__rlshift__", "__rrshift__", "__ror__", "__rxor__", "__rand__", "__rfloordiv__"};
    return (reflected ? rev : fwd)[static_cast<int>(op)];
}

static Value big_result(num::BigInt&& b) { return int_value(std::move(b)); }

// An int operand of int_binop as a BigInt: a big int's own value, read in
// place; a small one widened into `tmp`.
static const num::BigInt& big_operand(const Value& v, num::BigInt& tmp) {
    if (v.tag == Tag::Obj) return static_cast<BigIntObj*>(v.o)->value;
    tmp = num::BigInt(v.i);
    return tmp;
}

bool charge_work(std::uint64_t bytes, std::uint64_t steps) {
    constexpr std::uint64_t kMax = std::uint64_t(1) << 62;  // what budget.cpp's signed sums take
    return reserve_memory(static_cast<std::size_t>(std::min<std::uint64_t>({bytes, kMax, static_cast<std::uint64_t>(SIZE_MAX)}))) &&
           charge_steps(std::min(steps, kMax));
}

bool charge_bigint(std::uint64_t bits, std::uint64_t limb_ops) {
    // about 4 limb operations take the time of one VM step
    return charge_work(bits / 8 + 16, limb_ops / 4);
}

// Charges a big-int operation before it runs: its result's size and its
// limb operations (schoolbook products: the limbs of one times the other's).
// Operands of at most 1024 bits (32 limbs) are charged nothing: an
// operation on them is a few dozen limb operations at most, and what it
// allocates the heap meter counts anyway.
constexpr std::size_t kSmallLimbs = 32;

static bool charge_int_op(BinOpKind op, const num::BigInt& x, const num::BigInt& y) {
    if (x.limbs().size() <= kSmallLimbs && y.limbs().size() <= kSmallLimbs && op != BinOpKind::Pow &&
        op != BinOpKind::LShift)
        return true;
    std::uint64_t bx = x.bit_length(), by = y.bit_length();
    std::uint64_t lx = bx / 32 + 1, ly = by / 32 + 1;
    auto mul = [](std::uint64_t a, std::uint64_t b) {  // saturating
        return b && a > UINT64_MAX / b ? UINT64_MAX : a * b;
    };
    switch (op) {
        case BinOpKind::Mult: return charge_bigint(bx + by, mul(lx, ly));
        case BinOpKind::FloorDiv: case BinOpKind::Mod: return charge_bigint(bx, mul(lx, ly + 32));  // long division: slower per limb
        case BinOpKind::Pow: {
            if (y.is_negative() || !y.fits_int64() || bx <= 1) return true;
            std::uint64_t bits = mul(bx, static_cast<std::uint64_t>(y.to_int64()));
            std::uint64_t limbs = bits / 32 + 1;
            return charge_bigint(bits, mul(limbs, limbs));
        }
        case BinOpKind::LShift:
            if (y.is_negative() || !y.fits_int64()) return true;
            return charge_bigint(bx + static_cast<std::uint64_t>(y.to_int64()), lx);
        default: return charge_bigint(std::max(bx, by) + 1, std::max(lx, ly));
    }
}

static Value int_binop(BinOpKind op, const Value& a, const Value& b) {
    bool small = (a.tag == Tag::Int || a.tag == Tag::Bool) && (b.tag == Tag::Int || b.tag == Tag::Bool);
    std::int64_t r;
    if (small) {
        std::int64_t x = a.i, y = b.i;
        switch (op) {
            case BinOpKind::Add: if (!num::add_overflows(x, y, r)) return Value::integer(r); break;
            case BinOpKind::Sub: if (!num::sub_overflows(x, y, r)) return Value::integer(r); break;
            case BinOpKind::Mult: if (!num::mul_overflows(x, y, r)) return Value::integer(r); break;
            case BinOpKind::FloorDiv:
                if (y == 0) return raise(T.ZeroDivisionError, "integer division or modulo by zero");
                if (!num::floordiv_overflows(x, y, r)) return Value::integer(r);
                break;
            case BinOpKind::Mod:
                if (y == 0) return raise(T.ZeroDivisionError, "integer division or modulo by zero");
                return Value::integer(num::floormod(x, y));
            case BinOpKind::Div:
                if (y == 0) return raise(T.ZeroDivisionError, "division by zero");
                return Value::number(num::true_divide_int64(x, y));
            case BinOpKind::Pow:
                if (y < 0) {
                    double out;
                    if (auto e = num::float_pow(static_cast<double>(x), static_cast<double>(y), out)) return raise_num(e);
                    return Value::number(out);
                }
                if (!num::pow_overflows(x, y, r)) return Value::integer(r);
                break;
            case BinOpKind::LShift:
                if (y < 0) return raise(T.ValueError, "negative shift count");
                if (!num::lshift_overflows(x, y, r)) return Value::integer(r);
                break;
            case BinOpKind::RShift:
                if (y < 0) return raise(T.ValueError, "negative shift count");
                return Value::integer(num::rshift(x, y));
            case BinOpKind::BitAnd:
                if (a.tag == Tag::Bool && b.tag == Tag::Bool) return Value::boolean(a.b && b.b);
                return Value::integer(x & y);
            case BinOpKind::BitOr:
                if (a.tag == Tag::Bool && b.tag == Tag::Bool) return Value::boolean(a.b || b.b);
                return Value::integer(x | y);
            case BinOpKind::BitXor:
                if (a.tag == Tag::Bool && b.tag == Tag::Bool) return Value::boolean(a.b != b.b);
                return Value::integer(x ^ y);
            default: return Value();
        }
    }
    num::BigInt ta, tb;
    const num::BigInt& x = big_operand(a, ta);
    const num::BigInt& y = big_operand(b, tb);
    if (!charge_int_op(op, x, y)) return Value();
    switch (op) {
        case BinOpKind::Add: return big_result(x + y);
        case BinOpKind::Sub: return big_result(x - y);
        case BinOpKind::Mult: return big_result(x * y);
        case BinOpKind::FloorDiv:
            if (y.is_zero()) return raise(T.ZeroDivisionError, "integer division or modulo by zero");
            return big_result(num::floordiv(x, y));
        case BinOpKind::Mod:
            if (y.is_zero()) return raise(T.ZeroDivisionError, "integer division or modulo by zero");
            return big_result(num::mod(x, y));
        case BinOpKind::Div: {
            if (y.is_zero()) return raise(T.ZeroDivisionError, "division by zero");
            bool of = false;
            double d = num::true_divide(x, y, of);
            if (of) return raise(T.OverflowError, "integer division result too large for a float");
            return Value::number(d);
        }
        case BinOpKind::Pow: {
            if (y.is_negative()) {
                bool of1 = false, of2 = false;
                double out;
                if (auto e = num::float_pow(x.to_double(of1), y.to_double(of2), out)) return raise_num(e);
                return Value::number(out);
            }
            if (!y.fits_int64()) return raise(T.OverflowError, "exponent too large");
            return big_result(num::pow(x, static_cast<std::uint64_t>(y.to_int64())));
        }
        case BinOpKind::LShift:
            if (y.is_negative()) return raise(T.ValueError, "negative shift count");
            if (!y.fits_int64() || y.to_int64() > (1 << 24)) return raise(T.OverflowError, "too many digits in integer");
            return big_result(x << static_cast<std::uint64_t>(y.to_int64()));
        case BinOpKind::RShift:
            if (y.is_negative()) return raise(T.ValueError, "negative shift count");
            if (!y.fits_int64()) return Value::integer(x.is_negative() ? -1 : 0);
            return big_result(x >> static_cast<std::uint64_t>(y.to_int64()));
        case BinOpKind::BitAnd: return big_result(x & y);
        case BinOpKind::BitOr: return big_result(x | y);
        case BinOpKind::BitXor: return big_result(x ^ y);
        default: return Value();
    }
}

static Value float_binop(BinOpKind op, double x, double y) {
    switch (op) {
        case BinOpKind::Add: return Value::number(x + y);
        case BinOpKind::Sub: return Value::number(x - y);
        case BinOpKind::Mult: return Value::number(x * y);
        case BinOpKind::Div:
            if (y == 0) return raise(T.ZeroDivisionError, "float division by zero");
            return Value::number(x / y);
        case BinOpKind::FloorDiv:
            if (y == 0) return raise(T.ZeroDivisionError, "float floor division by zero");
            return Value::number(num::float_floordiv(x, y));
        case BinOpKind::Mod:
            if (y == 0) return raise(T.ZeroDivisionError, "float modulo");
            return Value::number(num::float_mod(x, y));
        case BinOpKind::Pow: {
            double out;
            if (auto e = num::float_pow(x, y, out)) return raise_num(e);
            return Value::number(out);
        }
        default: return Value();
    }
}

bool to_double(const Value& v, double& out) {
    switch (v.tag) {
        case Tag::Float: out = v.f; return true;
        case Tag::Int: case Tag::Bool: out = static_cast<double>(v.i); return true;
        default: break;
    }
    if (auto* b = bigint_of(v)) {
        bool of = false;
        out = b->to_double(of);
        if (of) { raise(T.OverflowError, "int too large to convert to float"); return false; }
        return true;
    }
    raise(T.TypeError, "must be real number, not " + type_name(v));
    return false;
}

Value seq_repeat(const Value& seq, const Value& n);
Value str_mod(const Value& fmt, const Value& args);  // str.cpp

Value inplace_big_op(BinOpKind op, const Value& a, const Value& b) {
    bool arith = op == BinOpKind::Add || op == BinOpKind::Sub || op == BinOpKind::Mult;
    if (!arith || !is_kind(a, Kind::BigInt) || (b.tag != Tag::Int && !is_kind(b, Kind::BigInt)))
        return binary_op(op, a, b, true);
    auto* x = static_cast<BigIntObj*>(a.o);
    if (b.tag == Tag::Int && x->value.limbs().size() <= kSmallLimbs) {
        // A plain int operand (`total += i * i`): the limbs change in place,
        // no BigInt is made for the operand or the result. charge_int_op
        // charges nothing for operands this small, as it would below.
        switch (op) {
            case BinOpKind::Add: x->value.add_int64(b.i); break;
            case BinOpKind::Sub: x->value.sub_int64(b.i); break;
            default: x->value.mul_int64(b.i); break;
        }
        if (x->value.fits_int64()) return Value::integer(x->value.to_int64());  // a small int is never a BigIntObj
        return a;
    }
    num::BigInt tmp;
    const num::BigInt& y = big_operand(b, tmp);
    if (!charge_int_op(op, x->value, y)) return Value();
    num::BigInt r = op == BinOpKind::Add ? x->value + y : op == BinOpKind::Sub ? x->value - y : x->value * y;
    if (r.fits_int64()) return Value::integer(r.to_int64());  // a small int is never a BigIntObj
    x->value = std::move(r);
    return a;
}

Value binary_op(BinOpKind op, const Value& a, const Value& b, bool inplace) {
    // fast paths
    if (a.tag == Tag::Int && b.tag == Tag::Int) {
        std::int64_t r;
        switch (op) {
            case BinOpKind::Add: if (!__builtin_add_overflow(a.i, b.i, &r)) return Value::integer(r); break;
            case BinOpKind::Sub: if (!__builtin_sub_overflow(a.i, b.i, &r)) return Value::integer(r); break;
            case BinOpKind::Mult: if (!__builtin_mul_overflow(a.i, b.i, &r)) return Value::integer(r); break;
            default: break;
        }
        if (op != BinOpKind::MatMult) return int_binop(op, a, b);  // ints have no @: TypeError below
    }
    if (is_int_like(a) && is_int_like(b)) {
        Value r = int_binop(op, a, b);
        if (!r.is_null() || has_exc()) return r;
    } else if (numeric(a) && numeric(b) && op != BinOpKind::LShift && op != BinOpKind::RShift &&
               op != BinOpKind::BitAnd && op != BinOpKind::BitOr && op != BinOpKind::BitXor && op != BinOpKind::MatMult) {
        double x, y;
        if (!to_double(a, x) || !to_double(b, y)) return Value();
        return float_binop(op, x, y);
    }
    Obj* oa = a.tag == Tag::Obj ? static_cast<Obj*>(a.o) : nullptr;
    Obj* ob = b.tag == Tag::Obj ? static_cast<Obj*>(b.o) : nullptr;
    if (oa && !oa->cls->user) {
        if (op == BinOpKind::Add && ob && oa->kind == ob->kind && !ob->cls->user) {
            if (oa->kind == Kind::Str) return str_value(static_cast<StrObj*>(oa)->s + static_cast<StrObj*>(ob)->s);
            if (oa->kind == Kind::List) {
                if (inplace) {
                    auto& dst = static_cast<ListObj*>(oa)->items;
                    auto src = static_cast<ListObj*>(ob)->items;
                    dst.insert(dst.end(), src.begin(), src.end());
                    return a;
                }
                std::vector<Value> v = static_cast<ListObj*>(oa)->items;
                auto& s = static_cast<ListObj*>(ob)->items;
                v.insert(v.end(), s.begin(), s.end());
                return list_value(std::move(v));
            }
            if (oa->kind == Kind::Tuple) {
                std::vector<Value> v = static_cast<TupleObj*>(oa)->items;
                auto& s = static_cast<TupleObj*>(ob)->items;
                v.insert(v.end(), s.begin(), s.end());
                return tuple_value(std::move(v));
            }
        }
        if (op == BinOpKind::Add && inplace && oa->kind == Kind::List) {
            std::vector<Value> items;
            if (!collect(b, items)) return Value();
            auto& dst = static_cast<ListObj*>(oa)->items;
            dst.insert(dst.end(), items.begin(), items.end());
            return a;
        }
        if (op == BinOpKind::Mult && is_int_like(b) &&
            (oa->kind == Kind::Str || oa->kind == Kind::List || oa->kind == Kind::Tuple))
            return seq_repeat(a, b);
        if (op == BinOpKind::Mod && oa->kind == Kind::Str) return str_mod(a, b);
        if (ob && oa->kind == Kind::Set && ob->kind == Kind::Set &&
            (op == BinOpKind::BitOr || op == BinOpKind::BitAnd || op == BinOpKind::Sub || op == BinOpKind::BitXor)) {
            auto* sa = static_cast<SetObj*>(oa);
            auto* sb = static_cast<SetObj*>(ob);
            Value res = new_set();
            auto* r = static_cast<SetObj*>(res.o);
            for (auto& e : sa->table->entries) {
                if (e.key.is_null()) continue;
                int in = set_contains(sb, e.key);
                if (in < 0) return Value();
                bool keep = op == BinOpKind::BitOr || (op == BinOpKind::BitAnd ? in : !in);
                if (keep && !set_add(r, e.key)) return Value();
            }
            if (op == BinOpKind::BitOr || op == BinOpKind::BitXor)
                for (auto& e : sb->table->entries) {
                    if (e.key.is_null()) continue;
                    if (op == BinOpKind::BitXor && set_contains(sa, e.key)) continue;
                    if (!set_add(r, e.key)) return Value();
                }
            return res;
        }
        if (ob && op == BinOpKind::BitOr && oa->kind == Kind::Dict && ob->kind == Kind::Dict) {
            Value res = new_dict();
            for (auto* src : {static_cast<DictObj*>(oa), static_cast<DictObj*>(ob)})
                for (auto& e : src->entries)
                    if (!e.key.is_null()) dict_set(static_cast<DictObj*>(res.o), e.key, e.value);
            return res;
        }
    }
    if (is_int_like(a) && ob && !ob->cls->user && op == BinOpKind::Mult &&
        (ob->kind == Kind::Str || ob->kind == Kind::List || ob->kind == Kind::Tuple))
        return seq_repeat(b, a);
    // user-defined operators
    if (oa && (oa->cls->user || oa->kind == Kind::Native)) {
        if (inplace) {
            static const char* ip[] = {"__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__", "__ipow__",
                                       "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__", "__ifloordiv__"};
            Value f = oa->cls->lookup(name_of(ip[static_cast<int>(op)]));
            if (!f.is_null()) {
                Value r = call2(f, a, b);
                if (r.is_null() || !(r.is_obj() && r.o == rt().intern("NotImplemented"))) return r;
            }
        }
        Value f = oa->cls->lookup(name_of(binop_dunder(op, false)));
        if (!f.is_null()) {
            Value r = call2(f, a, b);
            if (r.is_null() || !(r.is_obj() && r.o == rt().intern("NotImplemented"))) return r;
        }
    }
    if (ob && (ob->cls->user || ob->kind == Kind::Native)) {
        Value f = ob->cls->lookup(name_of(binop_dunder(op, true)));
        if (!f.is_null()) {
            Value r = call2(f, b, a);
            if (r.is_null() || !(r.is_obj() && r.o == rt().intern("NotImplemented"))) return r;
        }
    }
    if (op == BinOpKind::BitOr) {  // int | None
        Value u = union_or(a, b);
        if (!u.is_null() || has_exc()) return u;
    }
    if (op == BinOpKind::Add && is_str(a))
        return raise(T.TypeError, "can only concatenate str (not \"" + type_name(b) + "\") to str");
    if (op == BinOpKind::Add && is_kind(a, Kind::List) && !is_kind(b, Kind::List))
        return raise(T.TypeError, "can only concatenate list (not \"" + type_name(b) + "\") to list");
    std::string sym = binop_symbol(op);
    if (inplace && op != BinOpKind::Pow) sym += "=";
    return raise(T.TypeError, "unsupported operand type(s) for " + sym + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

Value unary_op(UnaryOpKind op, const Value& v) {
    switch (op) {
        case UnaryOpKind::Not: {
            int t = truthy(v);
            if (t < 0) return Value();
            return Value::boolean(!t);
        }
        case UnaryOpKind::USub:
            if (v.tag == Tag::Int || v.tag == Tag::Bool) {
                std::int64_t r;
                if (!num::neg_overflows(v.i, r)) return Value::integer(r);
                return int_value(-num::BigInt(v.i));
            }
            if (v.tag == Tag::Float) return Value::number(-v.f);
            if (auto* b = bigint_of(v)) return int_value(-*b);
            break;
        case UnaryOpKind::UAdd:
            if (v.tag == Tag::Bool) return Value::integer(v.i);
            if (numeric(v)) return v;
            break;
        case UnaryOpKind::Invert:
            if (v.tag == Tag::Int || v.tag == Tag::Bool) return Value::integer(~v.i);
            if (auto* b = bigint_of(v)) return int_value(~*b);
            break;
    }
    if (v.tag == Tag::Obj && v.o->cls->user) {
        const char* n = op == UnaryOpKind::USub ? "__neg__" : op == UnaryOpKind::UAdd ? "__pos__" : "__invert__";
        Value f = v.o->cls->lookup(name_of(n));
        if (!f.is_null()) return call1(f, v);
    }
    const char* s = op == UnaryOpKind::USub ? "-" : op == UnaryOpKind::UAdd ? "+" : "~";
    return raise(T.TypeError, std::string("bad operand type for unary ") + s + ": '" + type_name(v) + "'");
}

// ---- comparison -----------------------------------------------------------------
static int seq_compare(const std::vector<Value>& a, const std::vector<Value>& b, CmpOpKind op) {
    std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        int e = equals(a[i], b[i]);
        if (e < 0) return -1;
        if (!e) {
            Value r = compare_op(op, a[i], b[i]);
            if (r.is_null()) return -1;
            return truthy(r);
        }
    }
    std::size_t x = a.size(), y = b.size();
    switch (op) {
        case CmpOpKind::Lt: return x < y;
        case CmpOpKind::LtE: return x <= y;
        case CmpOpKind::Gt: return x > y;
        case CmpOpKind::GtE: return x >= y;
        default: return 0;
    }
}

static const char* cmp_symbol(CmpOpKind op) {
    switch (op) {
        case CmpOpKind::Lt: return "<";
        case CmpOpKind::LtE: return "<=";
        case CmpOpKind::Gt: return ">";
        case CmpOpKind::GtE: return ">=";
        default: return "==";
    }
}

static CmpOpKind swapped(CmpOpKind op) {
    switch (op) {
        case CmpOpKind::Lt: return CmpOpKind::Gt;
        case CmpOpKind::LtE: return CmpOpKind::GtE;
        case CmpOpKind::Gt: return CmpOpKind::Lt;
        case CmpOpKind::GtE: return CmpOpKind::LtE;
        default: return op;
    }
}

Value compare_op(CmpOpKind op, const Value& a, const Value& b) {
    switch (op) {
        case CmpOpKind::Is: return Value::boolean(a.tag == b.tag && (a.tag == Tag::None || a.i == b.i));
        case CmpOpKind::IsNot: return Value::boolean(!(a.tag == b.tag && (a.tag == Tag::None || a.i == b.i)));
        case CmpOpKind::In: case CmpOpKind::NotIn: {
            int c = contains(b, a);
            if (c < 0) return Value();
            return Value::boolean(op == CmpOpKind::In ? c : !c);
        }
        case CmpOpKind::Eq: case CmpOpKind::NotEq: {
            if (a.tag == Tag::Int && b.tag == Tag::Int) return Value::boolean((a.i == b.i) == (op == CmpOpKind::Eq));
            if (a.tag == Tag::Float && b.tag == Tag::Float) return Value::boolean((a.f == b.f) == (op == CmpOpKind::Eq));
            // user __ne__ rarely differs from not __eq__
            int e = equals(a, b);
            if (e < 0) return Value();
            return Value::boolean(op == CmpOpKind::Eq ? e : !e);
        }
        default: break;
    }
    if (a.tag == Tag::Int && b.tag == Tag::Int) {
        switch (op) {
            case CmpOpKind::Lt: return Value::boolean(a.i < b.i);
            case CmpOpKind::LtE: return Value::boolean(a.i <= b.i);
            case CmpOpKind::Gt: return Value::boolean(a.i > b.i);
            default: return Value::boolean(a.i >= b.i);
        }
    }
    auto result = [op](int c) {
        switch (op) {
            case CmpOpKind::Lt: return Value::boolean(c < 0);
            case CmpOpKind::LtE: return Value::boolean(c <= 0);
            case CmpOpKind::Gt: return Value::boolean(c > 0);
            default: return Value::boolean(c >= 0);
        }
    };
    if (numeric(a) && numeric(b)) {
        bool un;
        int c = num_compare(a, b, un);
        if (un) return Value::boolean(false);
        return result(c);
    }
    Obj* oa = a.tag == Tag::Obj ? static_cast<Obj*>(a.o) : nullptr;
    Obj* ob = b.tag == Tag::Obj ? static_cast<Obj*>(b.o) : nullptr;
    if (oa && ob && oa->kind == Kind::Str && ob->kind == Kind::Str && !oa->cls->user && !ob->cls->user)
        return result(static_cast<StrObj*>(oa)->s.compare(static_cast<StrObj*>(ob)->s));
    StackGuard guard(" in comparison");
    if (!guard.ok()) return Value();
    if (oa && ob && oa->kind == ob->kind && !oa->cls->user && !ob->cls->user) {
        if (oa->kind == Kind::List || oa->kind == Kind::Tuple) {
            auto& x = oa->kind == Kind::List ? static_cast<ListObj*>(oa)->items : static_cast<TupleObj*>(oa)->items;
            auto& y = oa->kind == Kind::List ? static_cast<ListObj*>(ob)->items : static_cast<TupleObj*>(ob)->items;
            int r = seq_compare(x, y, op);
            if (r < 0) return Value();
            return Value::boolean(r);
        }
        if (oa->kind == Kind::Set) {
            auto* sa = static_cast<SetObj*>(oa);
            auto* sb = static_cast<SetObj*>(ob);
            auto subset = [](SetObj* x, SetObj* y) {
                for (auto& e : x->table->entries)
                    if (!e.key.is_null() && set_contains(y, e.key) != 1) return false;
                return true;
            };
            switch (op) {
                case CmpOpKind::LtE: return Value::boolean(subset(sa, sb));
                case CmpOpKind::Lt: return Value::boolean(sa->table->used < sb->table->used && subset(sa, sb));
                case CmpOpKind::GtE: return Value::boolean(subset(sb, sa));
                default: return Value::boolean(sa->table->used > sb->table->used && subset(sb, sa));
            }
        }
    }
    static const char* fwd[] = {"", "", "__lt__", "__le__", "__gt__", "__ge__"};
    if (oa && (oa->cls->user || oa->kind == Kind::Native)) {
        Value f = oa->cls->lookup(name_of(fwd[static_cast<int>(op)]));
        if (!f.is_null()) {
            Value r = call2(f, a, b);
            if (r.is_null() || !(r.is_obj() && r.o == rt().intern("NotImplemented"))) return r;
        }
    }
    if (ob && (ob->cls->user || ob->kind == Kind::Native)) {
        Value f = ob->cls->lookup(name_of(fwd[static_cast<int>(swapped(op))]));
        if (!f.is_null()) {
            Value r = call2(f, b, a);
            if (r.is_null() || !(r.is_obj() && r.o == rt().intern("NotImplemented"))) return r;
        }
    }
    return raise(T.TypeError, std::string("'") + cmp_symbol(op) + "' not supported between instances of '" +
                                  type_name(a) + "' and '" + type_name(b) + "'");
}

int less_than(const Value& a, const Value& b) {
    if (a.tag == Tag::Int && b.tag == Tag::Int) return a.i < b.i;
    Value r = compare_op(CmpOpKind::Lt, a, b);
    if (r.is_null()) return -1;
    return truthy(r);
}

int contains(const Value& c, const Value& item) {
    if (c.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(c.o);
        switch (o->kind) {
            case Kind::Str: {
                if (!is_str(item)) { raise(T.TypeError, "'in <string>' requires string as left operand, not " + type_name(item)); return -1; }
                return static_cast<StrObj*>(o)->s.find(as_str(item)->s) != std::string::npos;
            }
            case Kind::Dict: {
                Value v = dict_get(static_cast<DictObj*>(o), item);
                if (has_exc()) return -1;
                return !v.is_null();
            }
            case Kind::Set: return set_contains(static_cast<SetObj*>(o), item);
            case Kind::List: case Kind::Tuple: {
                auto& items = o->kind == Kind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
                for (std::size_t i = 0; i < items.size(); ++i) {
                    int e = equals(items[i], item);
                    if (e) return e;
                }
                return 0;
            }
            case Kind::Range:
                if (!is_int_like(item)) break;
                return range_contains(static_cast<RangeObj*>(o), item);
            default:
                if (o->cls->user || o->kind == Kind::Native) {
                    Value f = o->cls->lookup(name_of("__contains__"));
                    if (!f.is_null()) {
                        Value r = call2(f, c, item);
                        if (r.is_null()) return -1;
                        return truthy(r);
                    }
                }
                break;
        }
    }
    Value it = get_iter(c);
    if (it.is_null()) {
        take_exc();
        raise(T.TypeError, "argument of type '" + type_name(c) + "' is not iterable");
        return -1;
    }
    while (true) {
        Value x = iter_next(it);
        if (x.is_null()) return has_exc() ? -1 : 0;
        if (!charge_item()) return -1;
        int e = equals(x, item);
        if (e) return e;
    }
}

// ---- attributes -----------------------------------------------------------------
// A user-defined descriptor (an instance of a scenario class with
// __get__): its class, else null.
static ClassObj* user_descriptor(const Value& attr) {
    if (!is_kind(attr, Kind::Instance) || !attr.o->cls->user) return nullptr;
    return attr.o->cls->lookup(name_of("__get__")).is_null() ? nullptr : attr.o->cls;
}
static Value call_get(const Value& desc, const Value& obj, ClassObj* owner) {
    Value get = desc.o->cls->lookup(name_of("__get__"));
    Value args[3] = {desc, obj, Value(static_cast<Object*>(owner))};
    return call(get, args, 3);
}

Value getattr_opt(const Value& obj, StrObj* name) {
    ClassObj* cls = type_of(obj);
    if (obj.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(obj.o);
        switch (o->kind) {
            case Kind::Module: {
                Value v = dict_get_str(static_cast<ModuleObj*>(o)->dict, name);
                if (!v.is_null()) return v;
                break;
            }
            case Kind::Class: {
                auto* c = static_cast<ClassObj*>(o);
                Value v = c->lookup(name);
                if (!v.is_null()) {
                    if (user_descriptor(v)) return call_get(v, Value::none(), c);
                    if (is_kind(v, Kind::StaticMethod)) return static_cast<WrapperObj*>(v.o)->fget;
                    if (is_kind(v, Kind::ClassMethod))
                        return Value(make<MethodObj>(static_cast<WrapperObj*>(v.o)->fget, obj));
                    return v;
                }
                if (name->s == "__name__" || name->s == "__qualname__") return str_value(c->name);
                if (name->s == "__mro__") {
                    std::vector<Value> m;
                    for (ClassObj* x : c->mro) m.push_back(Value(static_cast<Object*>(x)));
                    return tuple_value(std::move(m));
                }
                if (name->s == "__bases__") {
                    std::vector<Value> m;
                    for (ClassObj* x : c->bases) m.push_back(Value(static_cast<Object*>(x)));
                    return tuple_value(std::move(m));
                }
                if (name->s == "__dict__") return Value(static_cast<Object*>(c->dict));
                // methods of its metaclass (ABCMeta.register), of `type` itself
                if (c->cls && c->cls->user) {
                    Value mv = c->cls->lookup(name);
                    if (!mv.is_null()) {
                        bool ok;
                        return bind_descriptor(mv, obj, c->cls, ok);
                    }
                }
                Value tv = T.type->lookup(name);
                if (!tv.is_null()) {
                    bool ok;
                    return bind_descriptor(tv, obj, T.type, ok);
                }
                return Value();
            }
            case Kind::Super: {
                auto* s = static_cast<SuperObj*>(o);
                ClassObj* sc = type_of(s->self);
                if (is_kind(s->self, Kind::Class)) sc = static_cast<ClassObj*>(s->self.o);
                bool after = false;
                for (ClassObj* c : sc->mro) {
                    if (!after) { after = c == s->start; continue; }
                    Value v = dict_get_str(c->dict, name);
                    if (!v.is_null()) {
                        bool ok;
                        if (is_kind(s->self, Kind::Class)) {
                            if (is_kind(v, Kind::ClassMethod))
                                return Value(make<MethodObj>(static_cast<WrapperObj*>(v.o)->fget, s->self));
                            if (is_kind(v, Kind::StaticMethod)) return static_cast<WrapperObj*>(v.o)->fget;
                            return v;
                        }
                        return bind_descriptor(v, s->self, c, ok);
                    }
                }
                return Value();
            }
            default: break;
        }
        // instance dict first (after data descriptors: property)
        Value cv = cls->lookup(name);
        if (!cv.is_null() && is_kind(cv, Kind::Property)) {
            auto* p = static_cast<WrapperObj*>(cv.o);
            return call1(p->fget, obj);
        }
        ClassObj* desc = cv.is_null() ? nullptr : user_descriptor(cv);
        // a data descriptor (with __set__ or __delete__) comes before the instance dict
        if (desc && (!desc->lookup(name_of("__set__")).is_null() || !desc->lookup(name_of("__delete__")).is_null()))
            return call_get(cv, obj, cls);
        DictObj* d = nullptr;
        if (o->kind == Kind::Instance || o->kind == Kind::Exception) d = static_cast<InstanceObj*>(o)->dict;
        else if (o->kind == Kind::Function) {
            auto* f = static_cast<FunctionObj*>(o);
            if (name->s == "__name__") return f->name;
            if (name->s == "__qualname__") return f->qualname;
            if (name->s == "__globals__") return Value(static_cast<Object*>(f->globals));
            if (f->dict.is_obj()) d = static_cast<DictObj*>(f->dict.o);
            if (name->s == "__doc__" && (!d || dict_get_str(d, name).is_null()))  // functools.wraps may set it
                return f->code->doc.is_null() ? Value::none() : f->code->doc;
            if (name->s == "__annotations__" && (!d || dict_get_str(d, name).is_null())) {  // {} until set
                if (!d) { f->dict = new_dict(); d = static_cast<DictObj*>(f->dict.o); }
                dict_set_str(d, "__annotations__", new_dict());
            }
        }
        if (d) {
            Value v = dict_get_str(d, name);
            if (!v.is_null()) return v;
            // obj.__dict__: the live attribute dict (copy, json's default=)
            if (name->s == "__dict__" && o->kind != Kind::Function) return Value(static_cast<Object*>(d));
        }
        if (desc) return call_get(cv, obj, cls);
        if (o->kind == Kind::StaticMethod || o->kind == Kind::ClassMethod) {
            // 3.10+: the wrapped function's attributes show through
            const Value& fn = static_cast<WrapperObj*>(o)->fget;
            if (name->s == "__func__" || name->s == "__wrapped__") return fn;
            if (cv.is_null() && name->s != "__class__") return getattr_opt(fn, name);
        }
        if (o->kind == Kind::Exception) {
            auto* e = static_cast<ExceptionObj*>(o);
            if (name->s == "args") return e->args;
            if (name->s == "__cause__") return e->cause.is_null() ? Value::none() : e->cause;
            if (name->s == "__context__") return e->context.is_null() ? Value::none() : e->context;
            if (name->s == "__traceback__") return Value::none();
            if (name->s == "__suppress_context__") return Value::boolean(e->suppress_context);
            if (name->s == "exceptions" && !e->exceptions.is_null()) return e->exceptions;
            if (name->s == "message" && !e->message.is_null()) return e->message;
            if (name->s == "value" && e->cls->is_subclass_of(T.StopIteration)) {
                auto* args = static_cast<TupleObj*>(e->args.o);
                return args->items.empty() ? Value::none() : args->items[0];
            }
        }
        if (name->s == "__class__") return Value(static_cast<Object*>(cls));
        if ((o->kind == Kind::Coroutine || o->kind == Kind::Generator || o->kind == Kind::AsyncGen) &&
            (name->s == "__name__" || name->s == "__qualname__"))
            return name->s == "__name__" ? static_cast<GenObj*>(o)->name : static_cast<GenObj*>(o)->qualname;
        if (o->kind == Kind::Builtin && name->s == "__name__") return str_value(static_cast<BuiltinObj*>(o)->name);
        if (o->kind == Kind::Method) {
            if (name->s == "__self__") return static_cast<MethodObj*>(o)->self;
            if (name->s == "__func__") return static_cast<MethodObj*>(o)->func;
            return getattr_opt(static_cast<MethodObj*>(o)->func, name);
        }
        if (!cv.is_null()) {
            bool ok;
            return bind_descriptor(cv, obj, cls, ok);
        }
        if (o->cls->user || o->kind == Kind::Native) {
            Value ga = cls->lookup(name_of("__getattr__"));
            if (!ga.is_null()) {
                Value r = call2(ga, obj, Value(static_cast<Object*>(name)));
                if (r.is_null() && exc_matches(rt().exc, T.AttributeError)) { take_exc(); return Value(); }
                return r;
            }
        }
        return Value();
    }
    Value cv = cls->lookup(name);
    if (!cv.is_null()) {
        bool ok;
        return bind_descriptor(cv, obj, cls, ok);
    }
    if (name->s == "__class__") return Value(static_cast<Object*>(cls));
    return Value();
}

Value bind_descriptor(const Value& attr, const Value& self, ClassObj* owner, bool& ok) {
    ok = true;
    if (attr.tag != Tag::Obj) return attr;
    switch (static_cast<Obj*>(attr.o)->kind) {
        case Kind::Function: return Value(make<MethodObj>(attr, self));
        case Kind::Builtin: {
            auto* b = static_cast<BuiltinObj*>(attr.o);
            if (!b->self.is_null()) return attr;
            BuiltinObj* nb = make<BuiltinObj>(b->name, b->fn);
            nb->self = self;
            nb->data = b->data;
            return Value(nb);
        }
        case Kind::StaticMethod: return static_cast<WrapperObj*>(attr.o)->fget;
        case Kind::ClassMethod:
            return Value(make<MethodObj>(static_cast<WrapperObj*>(attr.o)->fget, Value(static_cast<Object*>(owner == type_of(self) ? owner : type_of(self)))));
        case Kind::Property: return call1(static_cast<WrapperObj*>(attr.o)->fget, self);
        default: return attr;
    }
}

Value getattr(const Value& obj, StrObj* name) {
    Value v = getattr_opt(obj, name);
    if (!v.is_null() || has_exc()) return v;
    if (is_kind(obj, Kind::Module))
        return raise_missing_name(static_cast<ModuleObj*>(obj.o), name->s, T.AttributeError);
    if (is_kind(obj, Kind::Class))
        return raise(T.AttributeError, "type object '" + static_cast<ClassObj*>(obj.o)->name + "' has no attribute '" + name->s + "'");
    return raise(T.AttributeError, "'" + type_name(obj) + "' object has no attribute '" + name->s + "'");
}

bool setattr(const Value& obj, StrObj* name, const Value& v) {
    if (obj.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(obj.o);
        ClassObj* cls = o->cls;
        if (o->kind == Kind::Instance || o->kind == Kind::Exception || o->kind == Kind::Native) {
            Value cv = cls->lookup(name);
            if (!cv.is_null() && is_kind(cv, Kind::Property)) {
                auto* p = static_cast<WrapperObj*>(cv.o);
                if (p->fset.is_null()) { raise(T.AttributeError, "can't set attribute '" + name->s + "'"); return false; }
                Value r = call2(p->fset, obj, v);
                return !r.is_null();
            }
            if (is_kind(cv, Kind::Instance) && cv.o->cls->user) {  // a user data descriptor
                Value set = cv.o->cls->lookup(name_of("__set__"));
                if (!set.is_null()) {
                    Value args[3] = {cv, obj, v};
                    return !call(set, args, 3).is_null();
                }
            }
            if (cls->user) {
                Value sa = cls->lookup(name_of("__setattr__"));
                if (!sa.is_null() && !is_kind(sa, Kind::Builtin)) {
                    Value args[3] = {obj, Value(static_cast<Object*>(name)), v};
                    return !call(sa, args, 3).is_null();
                }
            }
            if (o->kind == Kind::Exception) {
                auto* e = static_cast<ExceptionObj*>(o);
                if (name->s == "__cause__") { e->cause = v.is_none() ? Value() : v; e->suppress_context = true; return true; }
                if (name->s == "__context__") { e->context = v.is_none() ? Value() : v; return true; }
                if (name->s == "args") { std::vector<Value> items; if (!collect(v, items)) return false; e->args = tuple_value(items); return true; }
            }
            if (o->kind != Kind::Native) return dict_set(static_cast<InstanceObj*>(o)->dict, Value(static_cast<Object*>(name)), v);
        }
        if (o->kind == Kind::Class && static_cast<ClassObj*>(o)->user) {
            if (name->s == "__name__" && is_str(v)) static_cast<ClassObj*>(o)->name = as_str(v)->s;  // namedtuple's types
            return dict_set(static_cast<ClassObj*>(o)->dict, Value(static_cast<Object*>(name)), v);
        }
        if (o->kind == Kind::Module) return dict_set(static_cast<ModuleObj*>(o)->dict, Value(static_cast<Object*>(name)), v);
        if (o->kind == Kind::Function) {
            auto* f = static_cast<FunctionObj*>(o);
            if ((name->s == "__name__" || name->s == "__qualname__") && is_str(v)) {  // functools.wraps
                (name->s == "__name__" ? f->name : f->qualname) = v;
                return true;
            }
            if (f->dict.is_null()) f->dict = new_dict();
            return dict_set(static_cast<DictObj*>(f->dict.o), Value(static_cast<Object*>(name)), v);
        }
        if (o->kind == Kind::Class) {
            raise(T.TypeError, "cannot set '" + name->s + "' attribute of immutable type '" + static_cast<ClassObj*>(o)->name + "'");
            return false;
        }
    }
    raise(T.AttributeError, "'" + type_name(obj) + "' object has no attribute '" + name->s + "'");
    return false;
}

bool delattr(const Value& obj, StrObj* name) {
    DictObj* d = nullptr;
    if (is_kind(obj, Kind::Instance) || is_kind(obj, Kind::Exception)) d = static_cast<InstanceObj*>(obj.o)->dict;
    else if (is_kind(obj, Kind::Class)) d = static_cast<ClassObj*>(obj.o)->dict;
    else if (is_kind(obj, Kind::Module)) d = static_cast<ModuleObj*>(obj.o)->dict;
    if (d) {
        int r = dict_del(d, Value(static_cast<Object*>(name)));
        if (r > 0) return true;
        if (r < 0) return false;
    }
    raise(T.AttributeError, name->s);
    return false;
}

// ---- items ---------------------------------------------------------------------------
bool to_index(const Value& v, std::int64_t& out) {
    if (v.tag == Tag::Int || v.tag == Tag::Bool) { out = v.i; return true; }
    if (auto* b = bigint_of(v)) {
        if (!b->fits_int64()) { raise(T.IndexError, "cannot fit 'int' into an index-sized integer"); return false; }
        out = b->to_int64();
        return true;
    }
    raise(T.TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
    return false;
}

// A slice bound or step: ints past the 64-bit range clamp, as CPython's
// _PyEval_SliceIndex does ([1, 2][10**30:] is []).
static bool slice_index(const Value& v, std::int64_t& out) {
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    if (auto* b = bigint_of(v); b && !b->fits_int64()) {
        out = b->is_negative() ? -kMax : kMax;
        return true;
    }
    if (!to_index(v, out)) return false;
    if (out < -kMax) out = -kMax;  // so that -step cannot overflow
    return true;
}

bool slice_indices(SliceObj* s, std::int64_t len, std::int64_t& start, std::int64_t& stop,
                   std::int64_t& step, std::int64_t& count) {
    step = 1;
    if (!s->step.is_none() && !s->step.is_null()) {
        if (!slice_index(s->step, step)) return false;
        if (step == 0) { raise(T.ValueError, "slice step cannot be zero"); return false; }
    }
    std::int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? len - 1 : len;
    auto norm = [&](const Value& v, std::int64_t def, std::int64_t& out) {
        if (v.is_none() || v.is_null()) { out = def; return true; }
        if (!slice_index(v, out)) return false;
        if (out < 0) { out += len; if (out < lo) out = lo; }
        else if (out > hi) out = hi;
        return true;
    };
    if (!norm(s->start, step < 0 ? hi : lo, start)) return false;
    if (!norm(s->stop, step < 0 ? lo : hi, stop)) return false;
    if (step > 0) count = start < stop ? (stop - start - 1) / step + 1 : 0;
    else count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    return true;
}

static bool seq_index(const Value& key, std::int64_t len, std::int64_t& i, const char* what) {
    if (!is_int_like(key)) {
        raise(T.TypeError, std::string(what) + " indices must be integers or slices, not " + type_name(key));
        return false;
    }
    if (!to_index(key, i)) return false;
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        raise(T.IndexError, std::string(what) + " index out of range");
        return false;
    }
    return true;
}

Value getitem(const Value& obj, const Value& key) {
    if (obj.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(obj.o);
        switch (o->kind) {
            case Kind::List: case Kind::Tuple: {
                auto& items = o->kind == Kind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
                if (key.tag == Tag::Int) {
                    std::int64_t i = key.i;
                    if (i < 0) i += static_cast<std::int64_t>(items.size());
                    if (i >= 0 && i < static_cast<std::int64_t>(items.size())) return items[i];
                }
                if (is_kind(key, Kind::Slice)) {
                    std::int64_t a, b, st, n;
                    if (!slice_indices(static_cast<SliceObj*>(key.o), items.size(), a, b, st, n)) return Value();
                    std::vector<Value> out;
                    out.reserve(n);
                    for (std::int64_t k = 0; k < n; ++k) out.push_back(items[a + k * st]);
                    return o->kind == Kind::List ? list_value(std::move(out)) : tuple_value(std::move(out));
                }
                std::int64_t i;
                if (!seq_index(key, items.size(), i, o->kind == Kind::List ? "list" : "tuple")) return Value();
                return items[i];
            }
            case Kind::Str: {
                auto* s = static_cast<StrObj*>(o);
                if (is_kind(key, Kind::Slice)) {
                    std::int64_t a, b, st, n;
                    if (!slice_indices(static_cast<SliceObj*>(key.o), s->cp_len, a, b, st, n)) return Value();
                    return str_slice(s, a, b, st);
                }
                std::int64_t i;
                if (!seq_index(key, s->cp_len, i, "string")) return Value();
                return str_index(s, i);
            }
            case Kind::Dict: {
                Value v = dict_get(static_cast<DictObj*>(o), key);
                if (!v.is_null() || has_exc()) return v;
                if (o->cls->user) {
                    Value f = o->cls->lookup(name_of("__missing__"));
                    if (!f.is_null()) return call2(f, obj, key);
                }
                return raise_value(make_exception(T.KeyError, {key}));
            }
            case Kind::Range: return range_item(static_cast<RangeObj*>(o), key);
            case Kind::Class: {
                if (o->cls->user && !o->cls->lookup(name_of("__getitem__")).is_null()) break;  // Color['RED']
                if (!static_cast<ClassObj*>(o)->lookup(name_of("__class_getitem__")).is_null()) {  // Awaitable[int]
                    Value f = getattr(obj, name_of("__class_getitem__"));
                    return f.is_null() ? f : call1(f, key);
                }
                if (o->cls->user) break;
                // generic aliases like list[int] in annotations: return the class
                return obj;
            }
            default: break;
        }
        Value f = o->cls->lookup(name_of("__getitem__"));
        if (!f.is_null()) return call2(f, obj, key);
    }
    return raise(T.TypeError, "'" + type_name(obj) + "' object is not subscriptable");
}

bool setitem(const Value& obj, const Value& key, const Value& v) {
    if (obj.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(obj.o);
        if (o->kind == Kind::Dict) return dict_set(static_cast<DictObj*>(o), key, v);
        if (o->kind == Kind::List) {
            auto& items = static_cast<ListObj*>(o)->items;
            if (is_kind(key, Kind::Slice)) {
                std::int64_t a, b, st, n;
                if (!slice_indices(static_cast<SliceObj*>(key.o), items.size(), a, b, st, n)) return false;
                std::vector<Value> src;
                if (!collect(v, src)) return false;
                if (st == 1) {
                    if (b < a) b = a;
                    items.erase(items.begin() + a, items.begin() + b);
                    items.insert(items.begin() + a, src.begin(), src.end());
                    return true;
                }
                if (static_cast<std::int64_t>(src.size()) != n) {
                    raise(T.ValueError, "attempt to assign sequence of size " + std::to_string(src.size()) +
                                            " to extended slice of size " + std::to_string(n));
                    return false;
                }
                for (std::int64_t k = 0; k < n; ++k) items[a + k * st] = src[k];
                return true;
            }
            std::int64_t i;
            if (!is_int_like(key)) { raise(T.TypeError, "list indices must be integers or slices, not " + type_name(key)); return false; }
            if (!to_index(key, i)) return false;
            if (i < 0) i += items.size();
            if (i < 0 || i >= static_cast<std::int64_t>(items.size())) { raise(T.IndexError, "list assignment index out of range"); return false; }
            items[i] = v;
            return true;
        }
        Value f = o->cls->lookup(name_of("__setitem__"));
        if (!f.is_null()) {
            Value args[3] = {obj, key, v};
            return !call(f, args, 3).is_null();
        }
    }
    raise(T.TypeError, "'" + type_name(obj) + "' object does not support item assignment");
    return false;
}

bool delitem(const Value& obj, const Value& key) {
    if (obj.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(obj.o);
        if (o->kind == Kind::Dict) {
            int r = dict_del(static_cast<DictObj*>(o), key);
            if (r < 0) return false;
            if (r == 0) { raise_value(make_exception(T.KeyError, {key})); return false; }
            return true;
        }
        if (o->kind == Kind::List) {
            auto& items = static_cast<ListObj*>(o)->items;
            if (is_kind(key, Kind::Slice)) {
                std::int64_t a, b, st, n;
                if (!slice_indices(static_cast<SliceObj*>(key.o), items.size(), a, b, st, n)) return false;
                std::vector<Value> keep;
                std::vector<bool> drop(items.size(), false);
                for (std::int64_t k = 0; k < n; ++k) drop[a + k * st] = true;
                for (std::size_t k = 0; k < items.size(); ++k) if (!drop[k]) keep.push_back(items[k]);
                items = std::move(keep);
                return true;
            }
            std::int64_t i;
            if (!seq_index(key, items.size(), i, "list")) {
                if (exc_matches(rt().exc, T.IndexError)) { take_exc(); raise(T.IndexError, "list assignment index out of range"); }
                return false;
            }
            items.erase(items.begin() + i);
            return true;
        }
        Value f = o->cls->lookup(name_of("__delitem__"));
        if (!f.is_null()) return !call2(f, obj, key).is_null();
    }
    raise(T.TypeError, "'" + type_name(obj) + "' object does not support item deletion");
    return false;
}

// ---- iteration ---------------------------------------------------------------------
Value get_iter(const Value& v) {
    if (v.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(v.o);
        switch (o->kind) {
            case Kind::List: case Kind::Tuple: return Value(make<IterObj>(IterObj::Mode::Seq, v));
            case Kind::Str: return Value(make<IterObj>(IterObj::Mode::Str, v));
            case Kind::Dict: return Value(make<IterObj>(IterObj::Mode::DictKeys, v));
            case Kind::Set:
                return Value(make<IterObj>(IterObj::Mode::Seq, tuple_value(set_items_ordered(static_cast<SetObj*>(o)))));
            case Kind::Range: return range_iter(static_cast<RangeObj*>(o), false);
            case Kind::Iterator: case Kind::Generator: return v;
            default: break;
        }
        Value f = o->cls->lookup(name_of("__iter__"));
        if (!f.is_null()) return call1(f, v);
        Value gi = o->cls->lookup(name_of("__getitem__"));
        if (!gi.is_null()) {
            auto* it = make<IterObj>(IterObj::Mode::Callable, v);
            it->fn = gi;
            return Value(it);
        }
    }
    return raise(T.TypeError, "'" + type_name(v) + "' object is not iterable");
}

Value gen_next(GenObj* g);  // vm.cpp

// zip(strict=True) found argument `ended` (0-based) exhausted: CPython's
// ValueError if the arguments differ in length, else the end (Null).
static Value zip_strict_end(IterObj* z, std::size_t ended) {
    auto range = [](std::size_t n) { return n == 1 ? std::string("argument 1") : "arguments 1-" + std::to_string(n); };
    if (ended > 0)
        return raise(T.ValueError, "zip() argument " + std::to_string(ended + 1) + " is shorter than " + range(ended));
    for (std::size_t i = 0; i < z->more.size(); ++i) {
        Value y = iter_next(z->more[i]);
        if (!y.is_null())
            return raise(T.ValueError, "zip() argument " + std::to_string(i + 2) + " is longer than " + range(i + 1));
        if (!rt().exc.is_null()) return y;
    }
    return Value();
}

Value iter_next(const Value& itv) {
    if (!is_kind(itv, Kind::Iterator)) {
        if (is_kind(itv, Kind::Generator)) return gen_next(static_cast<GenObj*>(itv.o));
        Value f = lookup_special(itv, name_of("__next__"));
        if (f.is_null()) return raise(T.TypeError, "'" + type_name(itv) + "' object is not an iterator");
        Value r = call1(f, itv);
        if (r.is_null() && exc_matches(rt().exc, T.StopIteration)) take_exc();
        return r;
    }
    auto* it = static_cast<IterObj*>(itv.o);
    switch (it->mode) {
        case IterObj::Mode::Seq: {
            Obj* o = static_cast<Obj*>(it->src.o);
            if (!o) return Value();
            auto& items = o->kind == Kind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
            if (it->pos < static_cast<std::int64_t>(items.size())) return items[it->pos++];
            it->src = Value();
            return Value();
        }
        case IterObj::Mode::Str: {
            if (it->src.is_null()) return Value();
            auto* s = as_str(it->src);
            if (it->pos >= static_cast<std::int64_t>(s->s.size())) { it->src = Value(); return Value(); }
            std::size_t p = static_cast<std::size_t>(it->pos);
            unsigned char c = s->s[p];
            std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            it->pos += n;
            return str_value(s->s.substr(p, n));
        }
        case IterObj::Mode::Range:
            if (it->end <= 0) return Value();
            --it->end;
            it->pos += it->step;
            return Value::integer(it->pos - it->step);
        case IterObj::Mode::DictKeys: case IterObj::Mode::DictValues: case IterObj::Mode::DictItems: {
            if (it->src.is_null()) return Value();
            auto* d = static_cast<DictObj*>(it->src.o);
            if (it->end == 0) it->end = static_cast<std::int64_t>(d->used) + 1;
            else if (it->end != static_cast<std::int64_t>(d->used) + 1) {
                it->src = Value();
                return raise(T.RuntimeError, d->cls == T.dict ? "dictionary changed size during iteration" : "Set changed size during iteration");
            }
            while (it->pos < static_cast<std::int64_t>(d->entries.size())) {
                auto& e = d->entries[it->pos++];
                if (e.key.is_null()) continue;
                if (it->mode == IterObj::Mode::DictKeys) return e.key;
                if (it->mode == IterObj::Mode::DictValues) return e.value;
                return tuple_value({e.key, e.value});
            }
            it->src = Value();
            return Value();
        }
        case IterObj::Mode::Enumerate: {
            Value x = iter_next(it->src);
            if (x.is_null()) return x;
            return tuple_value({Value::integer(it->pos++), x});
        }
        case IterObj::Mode::Zip: {
            std::vector<Value> items;
            Value x = iter_next(it->src);
            if (x.is_null()) return it->strict && rt().exc.is_null() ? zip_strict_end(it, 0) : x;
            items.push_back(x);
            for (std::size_t i = 0; i < it->more.size(); ++i) {
                Value y = iter_next(it->more[i]);
                if (y.is_null()) return it->strict && rt().exc.is_null() ? zip_strict_end(it, i + 1) : y;
                items.push_back(y);
            }
            return tuple_value(std::move(items));
        }
        case IterObj::Mode::Map: {
            std::vector<Value> args;
            Value x = iter_next(it->src);
            if (x.is_null()) return x;
            args.push_back(x);
            for (auto& m : it->more) {
                Value y = iter_next(m);
                if (y.is_null()) return y;
                args.push_back(y);
            }
            return call(it->fn, args.data(), static_cast<int>(args.size()));
        }
        case IterObj::Mode::Filter:
            while (true) {
                Value x = iter_next(it->src);
                if (x.is_null()) return x;
                int t;
                if (it->fn.is_none()) t = truthy(x);
                else {
                    Value r = call1(it->fn, x);
                    if (r.is_null()) return r;
                    t = truthy(r);
                }
                if (t < 0) return Value();
                if (t) return x;
            }
        case IterObj::Mode::Reversed: {
            if (it->pos < 0) return Value();
            Value r = getitem(it->src, Value::integer(it->pos));
            --it->pos;
            return r;
        }
        case IterObj::Mode::BigRange: return range_iter_next(it);
        case IterObj::Mode::Callable: {
            Value r = call2(it->fn, it->src, Value::integer(it->pos++));
            if (r.is_null() && (exc_matches(rt().exc, T.IndexError) || exc_matches(rt().exc, T.StopIteration))) take_exc();
            return r;
        }
    }
    return Value();
}

bool collect(const Value& iterable, std::vector<Value>& out) {
    if (is_kind(iterable, Kind::List)) { auto& v = static_cast<ListObj*>(iterable.o)->items; out.insert(out.end(), v.begin(), v.end()); return true; }
    if (is_kind(iterable, Kind::Tuple)) { auto& v = static_cast<TupleObj*>(iterable.o)->items; out.insert(out.end(), v.begin(), v.end()); return true; }
    Value it = get_iter(iterable);
    if (it.is_null()) return false;
    while (true) {
        Value x = iter_next(it);
        if (x.is_null()) return !has_exc();
        if (!charge_item()) return false;
        out.push_back(std::move(x));
    }
}

Value call0(const Value& f) { return call(f, nullptr, 0); }
Value call1(const Value& f, const Value& a) {
    Value args[1] = {a};
    return call(f, args, 1);
}
Value call2(const Value& f, const Value& a, const Value& b) {
    Value args[2] = {a, b};
    return call(f, args, 2);
}

}  // namespace corolab::lang
