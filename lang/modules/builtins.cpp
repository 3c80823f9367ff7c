// Builtin functions (print, len, range, ...) and the methods of the builtin
// types (str, list, dict, set). Each builtin takes (args, nargs, kwargs).
#include <algorithm>
#include <cmath>

#include "lang/num/float_ops.hpp"
#include "lang/objects/bytes.hpp"
#include "lang/objects/ops.hpp"
#include "lang/output.hpp"
#include "lang/vm/stack_guard.hpp"
#include "lang/vm/frame.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

Value format_value(const Value& v, const Value& spec);  // str.cpp

// Python's wording for a wrong argument count of a builtin.
bool check_args(const char* name, int nargs, int lo, int hi) {
    if (nargs < lo || nargs > hi) {
        if (lo == hi)
            raise(T.TypeError, std::string(name) + "() takes exactly " + (lo == 1 ? "one argument" : std::to_string(lo) + " arguments") + " (" + std::to_string(nargs) + " given)");
        else if (nargs < lo)
            raise(T.TypeError, std::string(name) + " expected at least " + std::to_string(lo) + " argument" + (lo == 1 ? "" : "s") + ", got " + std::to_string(nargs));
        else
            raise(T.TypeError, std::string(name) + " expected at most " + std::to_string(hi) + " argument" + (hi == 1 ? "" : "s") + ", got " + std::to_string(nargs));
        return false;
    }
    return true;
}

namespace {

Value arg_error(const char* fn, const char* what) { return raise(T.TypeError, std::string(fn) + what); }


Value b_print(Value* args, int nargs, const CallArgs& kw) {
    std::string sep = " ", end = "\n";
    if (auto* s = kwarg(kw, "sep"); s && !s->is_none()) sep = as_str(*s)->s;
    if (auto* e = kwarg(kw, "end"); e && !e->is_none()) end = as_str(*e)->s;
    std::string out;
    for (int i = 0; i < nargs; ++i) {
        if (i) out += sep;
        if (!append_str(out, args[i])) return Value();
    }
    out += end;
    if (auto* file = kwarg(kw, "file"); file && !file->is_none()) {  // sys.stderr or any object with write()
        Value w = getattr(*file, rt().intern("write"));
        return w.is_null() || call1(w, str_value(std::move(out))).is_null() ? Value() : Value::none();
    }
    if (!write_output(out, false)) return Value();
    return Value::none();
}

Value b_len(Value* args, int nargs, const CallArgs&) {
    if (!check_args("len", nargs, 1, 1)) return Value();
    const Value& v = args[0];
    if (v.tag == Tag::Obj) {
        Obj* o = static_cast<Obj*>(v.o);
        switch (o->kind) {
            case Kind::Str: return Value::integer(static_cast<StrObj*>(o)->cp_len);
            case Kind::List: return Value::integer(static_cast<ListObj*>(o)->items.size());
            case Kind::Tuple: return Value::integer(static_cast<TupleObj*>(o)->items.size());
            case Kind::Dict: return Value::integer(static_cast<DictObj*>(o)->used);
            case Kind::Set: return Value::integer(static_cast<SetObj*>(o)->table->used);
            case Kind::Range: {
                Value n = range_len(static_cast<RangeObj*>(o));
                if (n.tag == Tag::Int) return n;
                return raise(T.OverflowError, "Python int too large to convert to C ssize_t");
            }
            default: break;
        }
        Value f = o->cls->lookup(rt().intern("__len__"));
        if (!f.is_null()) return call1(f, v);
    }
    return raise(T.TypeError, "object of type '" + type_name(v) + "' has no len()");
}

Value b_range(Value* args, int nargs, const CallArgs&) {
    if (nargs >= 1 && is_kind(args[0], Kind::Class)) { ++args; --nargs; }
    return range_new(args, nargs);
}

// type constructors receive the class as args[0]

// The argument checks of a builtin type's constructor, worded as CPython's:
// at most `most` positional arguments (`takes`: "int() takes at most 2
// arguments (3 given)", else "list expected at most 1 argument, got 2"), and
// no keywords unless `keywords` lists them.
bool constructor_args(const char* name, int nargs, const CallArgs& kw, int most, bool takes,
                      std::initializer_list<std::string_view> keywords = {}) {
    int n = nargs - 1;  // args[0] is the class
    if (n > most) {
        if (takes)
            raise(T.TypeError, std::string(name) + "() takes at most " + std::to_string(most) + " argument" + (most == 1 ? "" : "s") + " (" + std::to_string(n) + " given)");
        else
            check_args(name, n, 0, most);
        return false;
    }
    for (int i = 0; i < kw.nkw; ++i) {
        bool known = false;
        for (std::string_view k : keywords) known |= kw.kwn[i]->s == k;
        if (known) continue;
        if (keywords.size() == 0) raise(T.TypeError, std::string(name) + "() takes no keyword arguments");
        else raise(T.TypeError, "'" + kw.kwn[i]->s + "' is an invalid keyword argument for " + name + "()");
        return false;
    }
    return true;
}

Value t_str(Value* args, int nargs, const CallArgs& kw) {
    if (!constructor_args("str", nargs, kw, 3, true, {"object", "encoding", "errors"})) return Value();
    const Value* obj = nargs > 1 ? &args[1] : kwarg(kw, "object");
    if (!obj) return str_value("");
    return str_of(*obj);
}
Value t_repr(Value* args, int nargs, const CallArgs&) {
    if (!check_args("repr", nargs, 1, 1)) return Value();
    return repr_of(args[0]);
}
Value t_int(Value* args, int nargs, const CallArgs& kw) {
    if (!constructor_args("int", nargs, kw, 2, true, {"base"})) return Value();
    const Value* base_arg = nargs > 2 ? &args[2] : kwarg(kw, "base");
    if (nargs <= 1) return base_arg ? raise(T.TypeError, "int() missing string argument") : Value::integer(0);
    const Value& v = args[1];
    if (base_arg && !is_str(v)) return raise(T.TypeError, "int() can't convert non-string with explicit base");
    if (v.tag == Tag::Int) return v;
    if (v.tag == Tag::Bool) return Value::integer(v.i);
    if (is_kind(v, Kind::BigInt)) return v;
    if (v.tag == Tag::Float) {
        if (std::isnan(v.f)) return raise(T.ValueError, "cannot convert float NaN to integer");
        if (std::isinf(v.f)) return raise(T.OverflowError, "cannot convert float infinity to integer");
        std::int64_t r;
        if (num::double_to_int64(v.f, r)) return Value::integer(r);
        return int_value(num::BigInt::from_double(v.f));
    }
    if (is_str(v)) {
        int base = 10;
        if (base_arg) { std::int64_t b; if (!to_index(*base_arg, b)) return Value(); base = static_cast<int>(b); }
        if (base != 0 && (base < 2 || base > 36)) return raise(T.ValueError, "int() base must be >= 2 and <= 36, or 0");
        std::size_t too_long = 0;
        auto r = num::BigInt::parse(as_str(v)->s, base, &too_long);
        if (too_long) return raise(T.ValueError, num::int_str_digits_parse_message(too_long));
        // CPython's %.200R: the repr cut at 200 characters
        if (!r) return raise(T.ValueError, num::int_parse_error_message(base, utf8_prefix(repr_string(as_str(v)->s), 200)));
        return int_value(*r);
    }
    if (v.tag == Tag::Obj) {
        Value f = v.o->cls->lookup(rt().intern("__int__"));
        if (!f.is_null()) return call1(f, v);
    }
    return raise(T.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '" + type_name(v) + "'");
}
Value t_float(Value* args, int nargs, const CallArgs& kw) {
    if (!constructor_args("float", nargs, kw, 1, false)) return Value();
    if (nargs <= 1) return Value::number(0.0);
    const Value& v = args[1];
    if (is_str(v)) {
        auto r = num::parse_float(as_str(v)->s);
        if (!r) return raise(T.ValueError, num::float_parse_error_message(repr_string(as_str(v)->s)));
        return Value::number(*r);
    }
    double d;
    if (!to_double(v, d)) {
        if (is_int_like(v)) return Value();  // OverflowError: int too large to convert to float
        take_exc();
        return raise(T.TypeError, "float() argument must be a string or a real number, not '" + type_name(v) + "'");
    }
    return Value::number(d);
}
Value t_bool(Value* args, int nargs, const CallArgs& kw) {
    if (!constructor_args("bool", nargs, kw, 1, false)) return Value();
    if (nargs <= 1) return Value::boolean(false);
    int t = truthy(args[1]);
    if (t < 0) return Value();
    return Value::boolean(t);
}
Value t_list(Value* args, int nargs, const CallArgs& kw) {
    if (!constructor_args("list", nargs, kw, 1, false)) return Value();
    std::vector<Value> items;
    if (nargs > 1 && !collect(args[1], items)) return Value();
    return list_value(std::move(items));
}
Value t_tuple(Value* args, int nargs, const CallArgs& kw) {
    if (!constructor_args("tuple", nargs, kw, 1, false)) return Value();
    if (nargs > 1 && is_kind(args[1], Kind::Tuple)) return args[1];
    std::vector<Value> items;
    if (nargs > 1 && !collect(args[1], items)) return Value();
    return tuple_value(std::move(items));
}
bool dict_update_from(DictObj* d, const Value& src) {
    if (is_kind(src, Kind::Dict)) {
        for (auto& e : static_cast<DictObj*>(src.o)->entries)
            if (!e.key.is_null() && !dict_set(d, e.key, e.value)) return false;
        return true;
    }
    std::vector<Value> items;
    // a mapping (has keys()), as CPython's dict(): Counter, defaultdict...
    if (Value keys = is_kind(src, Kind::Instance) ? getattr_opt(src, rt().intern("keys")) : Value(); !keys.is_null()) {
        if (!collect(call0(keys), items)) return false;
        for (auto& k : items) {
            Value v = getitem(src, k);
            if (v.is_null() || !dict_set(d, k, v)) return false;
        }
        return true;
    }
    if (has_exc()) return false;
    if (!collect(src, items)) return false;
    for (auto& it : items) {
        std::vector<Value> kv;
        if (!collect(it, kv)) return false;
        if (kv.size() != 2) { raise(T.ValueError, "dictionary update sequence element has length " + std::to_string(kv.size()) + "; 2 is required"); return false; }
        if (!dict_set(d, kv[0], kv[1])) return false;
    }
    return true;
}
Value t_dict(Value* args, int nargs, const CallArgs& kw) {
    if (nargs > 2) return check_args("dict", nargs - 1, 0, 1), Value();
    Value d = new_dict();
    if (nargs > 1 && !dict_update_from(static_cast<DictObj*>(d.o), args[1])) return Value();
    for (int i = 0; i < kw.nkw; ++i) dict_set(static_cast<DictObj*>(d.o), Value(static_cast<Object*>(kw.kwn[i])), kw.kwv[i]);
    return d;
}
Value t_set(Value* args, int nargs, const CallArgs& kw) {
    bool frozen = nargs > 0 && is_kind(args[0], Kind::Class) && static_cast<ClassObj*>(args[0].o) == T.frozenset;
    if (!constructor_args(frozen ? "frozenset" : "set", nargs, kw, 1, false)) return Value();
    Value s = new_set();
    if (frozen) s.o->cls = T.frozenset;
    std::vector<Value> items;
    if (nargs > 1 && !collect(args[1], items)) return Value();
    for (auto& x : items) if (!set_add(static_cast<SetObj*>(s.o), x)) return Value();
    return s;
}
Value t_type(Value* args, int nargs, const CallArgs&) {
    if (nargs == 2) return Value(static_cast<Object*>(type_of(args[1])));
    return raise(T.TypeError, "not supported in corolab: type() with 3 arguments");
}
// object.__new__(cls): a bare instance of cls (a user class's __new__ calls it).
Value t_object(Value* args, int nargs, const CallArgs&) {
    ClassObj* c = nargs > 0 && is_kind(args[0], Kind::Class) ? static_cast<ClassObj*>(args[0].o) : T.object;
    if (c->instance_kind != Kind::Instance && c->instance_kind != Kind::Object)
        return raise(T.TypeError, "object.__new__(" + c->name + ") is not safe, use " + c->name + ".__new__()");
    return Value(make<InstanceObj>(c));
}
// object.__setattr__(self, name, value): sets the attribute itself, past a
// class's own __setattr__ (frozen dataclasses' __init__).
Value obj_setattr(Value* args, int nargs, const CallArgs&) {
    if (nargs != 3 || !is_str(args[1])) return raise(T.TypeError, "expected 3 arguments: self, name (str), value");
    if (!is_kind(args[0], Kind::Instance)) {
        if (!setattr(args[0], rt().intern(as_str(args[1])->s), args[2])) return Value();
        return Value::none();
    }
    if (!dict_set(static_cast<InstanceObj*>(args[0].o)->dict, Value(static_cast<Object*>(rt().intern(as_str(args[1])->s))), args[2])) return Value();
    return Value::none();
}
Value t_wrapper(Value* args, int nargs, const CallArgs&) {
    ClassObj* c = static_cast<ClassObj*>(args[0].o);
    if (nargs < 2) return raise(T.TypeError, c->name + " expected 1 argument");
    Kind k = c == T.property ? Kind::Property : c == T.staticmethod ? Kind::StaticMethod : Kind::ClassMethod;
    return Value(make<WrapperObj>(k, c, args[1]));
}
// function / classmethod / staticmethod / property .__get__(obj, type=None)
Value descr_get(Value* args, int nargs, const CallArgs&) {
    if (nargs < 2 || (args[1].is_none() && (nargs < 3 || args[2].is_none())))
        return raise(T.TypeError, "__get__(None, None) is invalid");
    Value owner = nargs > 2 && is_kind(args[2], Kind::Class) ? args[2] : Value(static_cast<Object*>(type_of(args[1])));
    Kind k = kind_of(args[0]);
    if (args[1].is_none()) {  // looked up on the class
        if (k == Kind::ClassMethod) return Value(make<MethodObj>(static_cast<WrapperObj*>(args[0].o)->fget, owner));
        if (k == Kind::StaticMethod) return static_cast<WrapperObj*>(args[0].o)->fget;
        return args[0];
    }
    bool ok;
    return bind_descriptor(args[0], args[1], static_cast<ClassObj*>(owner.o), ok);
}
Value t_super(Value* args, int nargs, const CallArgs&) {
    if (nargs != 3 || !is_kind(args[1], Kind::Class)) return raise(T.RuntimeError, "super(): no arguments");
    return Value(make<SuperObj>(static_cast<ClassObj*>(args[1].o), args[2]));
}
Value exc_init(Value* args, int nargs, const CallArgs&) {
    if (is_kind(args[0], Kind::Exception)) {
        auto* e = static_cast<ExceptionObj*>(args[0].o);
        e->args = tuple_value(std::vector<Value>(args + 1, args + nargs));
    }
    return Value::none();
}
Value obj_init(Value*, int, const CallArgs&) { return Value::none(); }
// close(): GeneratorExit raised at the suspended yield, so `finally` runs;
// a frame never started is just marked closed.
Value gen_close(Value* args, int, const CallArgs&) {
    auto* g = static_cast<GenObj*>(args[0].o);
    if (g->running) return raise(T.ValueError, "generator already executing");
    if (!g->frame) return Value::none();
    if (!g->started) {
        Frame* f = g->frame;
        g->frame = nullptr;
        free_frame(f);
        return Value::none();
    }
    Value r = rt().vm->gen_next(g, Value(), make_exception(T.GeneratorExit, {}));
    if (!r.is_null()) return raise(T.RuntimeError, std::string(g->kind == Kind::Coroutine ? "coroutine" : "generator") + " ignored GeneratorExit");
    if (has_exc() && !exc_matches(rt().exc, T.GeneratorExit) && !exc_matches(rt().exc, T.StopIteration)) return Value();
    if (has_exc()) take_exc();
    return Value::none();
}
// aiter(x): x.__aiter__()
Value b_aiter(Value* args, int nargs, const CallArgs&) {
    if (!check_args("aiter", nargs, 1, 1)) return Value();
    if (is_kind(args[0], Kind::AsyncGen)) return args[0];
    Value m = lookup_special(args[0], as_str(str_value("__aiter__")));
    if (m.is_null()) return has_exc() ? Value() : raise(T.TypeError, "'" + type_name(args[0]) + "' object is not an async iterable");
    return call1(m, args[0]);
}
// anext(x[, default]): the awaitable x.__anext__(); with a default (async
// generators only), StopAsyncIteration becomes the default.
Value b_anext(Value* args, int nargs, const CallArgs&) {
    if (!check_args("anext", nargs, 1, 2)) return Value();
    if (is_kind(args[0], Kind::AsyncGen)) {
        rt().vm->agen_init_hooks(static_cast<GenObj*>(args[0].o));
        auto* step = make<AsyncGenStep>(args[0]);
        if (nargs > 1) step->dflt = args[1];
        return Value(step);
    }
    Value m = lookup_special(args[0], as_str(str_value("__anext__")));
    if (m.is_null()) return has_exc() ? Value() : raise(T.TypeError, "'" + type_name(args[0]) + "' object is not an async iterator");
    if (nargs > 1) return raise(T.RuntimeError, "not supported in corolab: anext() with a default on a non-generator async iterator");
    return call1(m, args[0]);
}
// aclose(): the awaitable that raises GeneratorExit in the async generator.
Value agen_aclose(Value* args, int, const CallArgs&) {
    auto* g = static_cast<GenObj*>(args[0].o);
    rt().vm->agen_init_hooks(g);
    auto* step = make<AsyncGenStep>(args[0]);
    step->throw_exc = make_exception(T.GeneratorExit, {});
    step->close = true;
    return Value(step);
}
// asend(value): the awaitable that resumes the async generator with value.
Value agen_asend(Value* args, int nargs, const CallArgs&) {
    if (nargs != 2)
        return raise(T.TypeError, "async_generator.asend() takes exactly one argument (" + std::to_string(nargs - 1) + " given)");
    auto* g = static_cast<GenObj*>(args[0].o);
    rt().vm->agen_init_hooks(g);
    auto* step = make<AsyncGenStep>(args[0]);
    step->send = args[1];
    return Value(step);
}
// StopIteration carrying the value the generator just returned (None: no args).
Value raise_generator_return() {
    Value v = rt().vm->gen_return();
    return raise_value(make_exception(T.StopIteration, v.is_none() ? std::vector<Value>{} : std::vector<Value>{v}));
}
Value gen_send(Value* args, int nargs, const CallArgs&) {
    if (nargs != 2) return raise(T.TypeError, "send() takes exactly one argument");
    Value r = rt().vm->gen_next(static_cast<GenObj*>(args[0].o), args[1]);
    if (r.is_null() && !has_exc()) return raise_generator_return();
    return r;
}
// gen.throw(exc) / agen.athrow(exc): exc an exception instance or class.
Value thrown_exception(Value* args, int nargs) {
    if (nargs < 2) return raise(T.TypeError, "throw expected at least 1 argument, got 0");
    if (is_kind(args[1], Kind::Class) && static_cast<ClassObj*>(args[1].o)->is_exception) {
        // throw(Type) or throw(Type, value): value is the argument (an instance: itself)
        if (nargs > 2 && is_kind(args[2], Kind::Exception)) return args[2];
        Value* a = nargs > 2 && !args[2].is_none() ? &args[2] : nullptr;
        return instantiate(static_cast<ClassObj*>(args[1].o), a, a ? 1 : 0, CallArgs{});
    }
    if (!is_kind(args[1], Kind::Exception)) return raise(T.TypeError, "exceptions must be classes or instances deriving from BaseException, not " + type_name(args[1]));
    return args[1];
}
Value gen_throw(Value* args, int nargs, const CallArgs&) {
    Value exc = thrown_exception(args, nargs);
    if (exc.is_null()) return exc;
    auto* g = static_cast<GenObj*>(args[0].o);
    if (!g->frame) return raise_value(exc);
    Value r = rt().vm->gen_next(g, Value(), exc);
    if (r.is_null() && !has_exc()) return raise_generator_return();
    return r;
}
Value agen_anext(Value* args, int, const CallArgs&) {
    auto* g = static_cast<GenObj*>(args[0].o);
    rt().vm->agen_init_hooks(g);
    return Value(make<AsyncGenStep>(args[0]));
}
Value agen_athrow(Value* args, int nargs, const CallArgs&) {
    Value exc = thrown_exception(args, nargs);
    if (exc.is_null()) return exc;
    auto* g = static_cast<GenObj*>(args[0].o);
    rt().vm->agen_init_hooks(g);
    auto* step = make<AsyncGenStep>(args[0]);
    step->throw_exc = exc;
    return Value(step);
}
Value gen_next_m(Value* args, int, const CallArgs&) {
    Value r = rt().vm->gen_next(static_cast<GenObj*>(args[0].o));
    if (r.is_null() && !has_exc()) return raise_generator_return();
    return r;
}
// it.__next__() of the builtin iterators (list_iterator, zip, map...)
Value iter_next_m(Value* args, int, const CallArgs&) {
    Value r = iter_next(args[0]);
    if (r.is_null() && !has_exc()) return raise_value(make_exception(T.StopIteration, {}));
    return r;
}
Value iter_self_m(Value* args, int, const CallArgs&) { return args[0]; }
Value t_exception_new(Value* args, int nargs, const CallArgs& kw) {
    return instantiate(static_cast<ClassObj*>(args[0].o), args + 1, nargs - 1, kw);
}

// isinstance / issubclass against a class, a union (int | str) or a tuple
// of them. A metaclass's __instancecheck__ / __subclasscheck__ decides for
// its classes (collections.abc's ABCMeta), after the exact-type shortcut
// CPython takes too. 1, 0, or -1 (raised).
int class_check(const Value& subject, const Value& t, bool instance) {
    const char* fn = instance ? "isinstance" : "issubclass";
    if (is_kind(t, Kind::Tuple) || union_args(t)) {
        StackGuard guard(instance ? " in __instancecheck__" : " in __subclasscheck__");
        if (!guard.ok()) return -1;
        const std::vector<Value>& items = is_kind(t, Kind::Tuple) ? static_cast<TupleObj*>(t.o)->items : *union_args(t);
        for (const Value& x : items) {
            int r = class_check(subject, x, instance);
            if (r != 0) return r;
        }
        return 0;
    }
    if (!is_kind(t, Kind::Class)) {
        // an object whose type answers (typing.Iterable)
        Value check = type_of(t)->user ? type_of(t)->lookup(rt().intern(instance ? "__instancecheck__" : "__subclasscheck__")) : Value();
        if (!check.is_null()) {
            Value r = call2(check, t, subject);
            return r.is_null() ? -1 : truthy(r);
        }
        raise(T.TypeError, std::string(fn) + "() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    auto* c = static_cast<ClassObj*>(t.o);
    ClassObj* sub = instance ? type_of(subject) : static_cast<ClassObj*>(subject.o);
    if (sub == c) return 1;
    if (c->cls && c->cls->user) {
        Value check = c->cls->lookup(rt().intern(instance ? "__instancecheck__" : "__subclasscheck__"));
        if (!check.is_null()) {
            Value r = call2(check, t, subject);
            return r.is_null() ? -1 : truthy(r);
        }
    }
    return sub->is_subclass_of(c);
}

Value b_isinstance(Value* args, int nargs, const CallArgs&) {
    if (!check_args("isinstance", nargs, 2, 2)) return Value();
    int r = class_check(args[0], args[1], true);
    return r < 0 ? Value() : Value::boolean(r);
}
Value b_issubclass(Value* args, int nargs, const CallArgs&) {
    if (!check_args("issubclass", nargs, 2, 2)) return Value();
    if (!is_kind(args[0], Kind::Class)) return raise(T.TypeError, "issubclass() arg 1 must be a class");
    int r = class_check(args[0], args[1], false);
    return r < 0 ? Value() : Value::boolean(r);
}

Value b_abs(Value* args, int nargs, const CallArgs&) {
    if (!check_args("abs", nargs, 1, 1)) return Value();
    const Value& v = args[0];
    if (v.tag == Tag::Float) return Value::number(std::fabs(v.f));
    if (is_int_like(v)) {
        if (v.tag == Tag::Obj) return int_value(to_bigint(v).abs());
        if (v.i < 0) return unary_op(UnaryOpKind::USub, v);
        return Value::integer(v.i);
    }
    return raise(T.TypeError, "bad operand type for abs(): '" + type_name(v) + "'");
}

Value minmax(Value* args, int nargs, const CallArgs& kw, bool is_max) {
    const char* name = is_max ? "max" : "min";
    std::vector<Value> items;
    if (nargs == 1) { if (!collect(args[0], items)) return Value(); }
    else if (nargs == 0) return raise(T.TypeError, std::string(name) + " expected at least 1 argument, got 0");
    else items.assign(args, args + nargs);
    const Value* key = kwarg(kw, "key");
    const Value* def = kwarg(kw, "default");
    if (items.empty()) {
        if (def) return *def;
        return raise(T.ValueError, std::string(name) + "() arg is an empty sequence");
    }
    Value best = items[0], best_key = items[0];
    if (key && !key->is_none()) { best_key = call1(*key, best); if (best_key.is_null()) return Value(); }
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value k = items[i];
        if (key && !key->is_none()) { k = call1(*key, items[i]); if (k.is_null()) return Value(); }
        int lt = is_max ? less_than(best_key, k) : less_than(k, best_key);
        if (lt < 0) return Value();
        if (lt) { best = items[i]; best_key = k; }
    }
    return best;
}
Value b_min(Value* a, int n, const CallArgs& kw) { return minmax(a, n, kw, false); }
Value b_max(Value* a, int n, const CallArgs& kw) { return minmax(a, n, kw, true); }

Value b_sum(Value* args, int nargs, const CallArgs&) {
    if (!check_args("sum", nargs, 1, 2)) return Value();
    Value it = get_iter(args[0]);
    if (it.is_null()) return it;
    Value acc = nargs > 1 ? args[1] : Value::integer(0);
    for (Value x; !(x = iter_next(it)).is_null();) {
        if (!charge_item()) return Value();
        acc = binary_op(BinOpKind::Add, acc, x);
        if (acc.is_null()) return acc;
    }
    return has_exc() ? Value() : acc;
}

bool sort_values(std::vector<Value>& items, const Value* key, bool reverse) {
    std::vector<Value> keys;
    if (key && !key->is_none()) {
        for (auto& x : items) {
            Value k = call1(*key, x);
            if (k.is_null()) return false;
            keys.push_back(std::move(k));
        }
    } else {
        keys = items;
    }
    std::vector<std::size_t> idx(items.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    bool failed = false;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
        if (failed) return false;
        int r = reverse ? less_than(keys[b], keys[a]) : less_than(keys[a], keys[b]);
        if (r < 0) { failed = true; return false; }
        return r == 1;
    });
    if (failed) return false;
    std::vector<Value> out;
    out.reserve(items.size());
    for (std::size_t i : idx) out.push_back(items[i]);
    items = std::move(out);
    return true;
}

Value b_sorted(Value* args, int nargs, const CallArgs& kw) {
    if (!check_args("sorted", nargs, 1, 1)) return Value();
    std::vector<Value> items;
    if (!collect(args[0], items)) return Value();
    const Value* rev = kwarg(kw, "reverse");
    if (!sort_values(items, kwarg(kw, "key"), rev && truthy(*rev) == 1)) return Value();
    return list_value(std::move(items));
}

Value b_enumerate(Value* args, int nargs, const CallArgs& kw) {
    if (nargs < 1) return arg_error("enumerate", "() missing required argument 'iterable'");
    Value it = get_iter(args[0]);
    if (it.is_null()) return it;
    auto* e = make<IterObj>(IterObj::Mode::Enumerate, it);
    const Value* start = nargs > 1 ? &args[1] : kwarg(kw, "start");
    if (start && !to_index(*start, e->pos)) return Value();
    return Value(e);
}
Value b_zip(Value* args, int nargs, const CallArgs& kw) {
    if (nargs == 0) return Value(make<IterObj>(IterObj::Mode::Seq, tuple_value({})));
    Value first = get_iter(args[0]);
    if (first.is_null()) return first;
    auto* z = make<IterObj>(IterObj::Mode::Zip, first);
    Value zv(z);
    const Value* strict = kwarg(kw, "strict");
    if (strict) {
        int t = truthy(*strict);
        if (t < 0) return Value();
        z->strict = t == 1;
    }
    for (int i = 1; i < nargs; ++i) {
        Value it = get_iter(args[i]);
        if (it.is_null()) return it;
        z->more.push_back(it);
    }
    return zv;
}
Value b_map(Value* args, int nargs, const CallArgs&) {
    if (nargs < 2) return raise(T.TypeError, "map() must have at least two arguments.");
    Value first = get_iter(args[1]);
    if (first.is_null()) return first;
    auto* m = make<IterObj>(IterObj::Mode::Map, first);
    Value mv(m);
    m->fn = args[0];
    for (int i = 2; i < nargs; ++i) {
        Value it = get_iter(args[i]);
        if (it.is_null()) return it;
        m->more.push_back(it);
    }
    return mv;
}
Value b_filter(Value* args, int nargs, const CallArgs&) {
    if (!check_args("filter", nargs, 2, 2)) return Value();
    Value it = get_iter(args[1]);
    if (it.is_null()) return it;
    auto* f = make<IterObj>(IterObj::Mode::Filter, it);
    Value fv(f);
    f->fn = args[0];
    return fv;
}
Value b_reversed(Value* args, int nargs, const CallArgs&) {
    if (!check_args("reversed", nargs, 1, 1)) return Value();
    if (is_kind(args[0], Kind::Range)) return range_iter(static_cast<RangeObj*>(args[0].o), true);
    std::vector<Value> items;
    if (is_kind(args[0], Kind::Dict) || is_kind(args[0], Kind::Iterator) || is_kind(args[0], Kind::Generator) ||
        is_kind(args[0], Kind::Set))
        return raise(T.TypeError, "'" + type_name(args[0]) + "' object is not reversible");
    if (!collect(args[0], items)) return Value();
    std::reverse(items.begin(), items.end());
    return Value(make<IterObj>(IterObj::Mode::Seq, list_value(std::move(items))));
}
Value b_iter(Value* args, int nargs, const CallArgs&) {
    if (!check_args("iter", nargs, 1, 1)) return Value();
    return get_iter(args[0]);
}
Value b_next(Value* args, int nargs, const CallArgs&) {
    if (!check_args("next", nargs, 1, 2)) return Value();
    Value v = iter_next(args[0]);
    if (!v.is_null() || has_exc()) return v;
    if (nargs > 1) return args[1];
    if (is_kind(args[0], Kind::Generator)) return raise_generator_return();
    return raise_value(make_exception(T.StopIteration, {}));
}
Value any_all(Value* args, int nargs, bool any) {
    if (!check_args(any ? "any" : "all", nargs, 1, 1)) return Value();
    Value it = get_iter(args[0]);
    if (it.is_null()) return it;
    while (true) {
        Value x = iter_next(it);
        if (x.is_null()) { if (has_exc()) return x; return Value::boolean(!any); }
        if (!charge_item()) return Value();
        int t = truthy(x);
        if (t < 0) return Value();
        if (t == any) return Value::boolean(any);
    }
}
Value b_any(Value* a, int n, const CallArgs&) { return any_all(a, n, true); }
Value b_all(Value* a, int n, const CallArgs&) { return any_all(a, n, false); }

Value b_getattr(Value* args, int nargs, const CallArgs&) {
    if (!check_args("getattr", nargs, 2, 3)) return Value();
    if (!is_str(args[1])) return raise(T.TypeError, "attribute name must be string");
    if (nargs == 3) {
        Value v = getattr_opt(args[0], rt().intern(as_str(args[1])->s));
        if (v.is_null() && !has_exc()) return args[2];
        return v;
    }
    return getattr(args[0], rt().intern(as_str(args[1])->s));
}
Value b_setattr(Value* args, int nargs, const CallArgs&) {
    if (!check_args("setattr", nargs, 3, 3)) return Value();
    if (!setattr(args[0], rt().intern(as_str(args[1])->s), args[2])) return Value();
    return Value::none();
}
Value b_delattr(Value* args, int nargs, const CallArgs&) {
    if (!check_args("delattr", nargs, 2, 2)) return Value();
    if (!is_str(args[1])) return raise(T.TypeError, "attribute name must be string, not '" + type_name(args[1]) + "'");
    return delattr(args[0], rt().intern(as_str(args[1])->s)) ? Value::none() : Value();
}
Value b_hasattr(Value* args, int nargs, const CallArgs&) {
    if (!check_args("hasattr", nargs, 2, 2)) return Value();
    Value v = getattr_opt(args[0], rt().intern(as_str(args[1])->s));
    if (has_exc()) { if (exc_matches(rt().exc, T.AttributeError)) take_exc(); else return Value(); }
    return Value::boolean(!v.is_null());
}
Value b_round(Value* args, int nargs, const CallArgs&) {
    if (!check_args("round", nargs, 1, 2)) return Value();
    const Value& v = args[0];
    bool nd = nargs > 1 && !args[1].is_none();
    if (is_int_like(v)) {
        if (!nd) return v.tag == Tag::Bool ? Value::integer(v.i) : v;
        std::int64_t n;
        if (!to_index(args[1], n)) return Value();
        if (n >= 0 || v.tag == Tag::Obj) return v;
        // round to 10**-n, half even
        std::int64_t p = 1;
        for (std::int64_t i = 0; i < -n && p < (std::int64_t{1} << 60) / 10; ++i) p *= 10;
        std::int64_t q = num::floormod(v.i, p), base = v.i - q;
        if (q * 2 > p || (q * 2 == p && ((base / p) % 2 != 0))) base += p;
        return Value::integer(base);
    }
    if (v.tag != Tag::Float) return raise(T.TypeError, "type " + type_name(v) + " doesn't define __round__ method");
    if (!nd) {
        if (std::isnan(v.f)) return raise(T.ValueError, "cannot convert float NaN to integer");
        if (std::isinf(v.f)) return raise(T.OverflowError, "cannot convert float infinity to integer");
        double r = num::round_half_even(v.f);
        std::int64_t i;
        if (num::double_to_int64(r, i)) return Value::integer(i);
        return int_value(num::BigInt::from_double(r));
    }
    std::int64_t n;
    if (!to_index(args[1], n)) return Value();
    double out;
    if (auto e = num::float_round(v.f, n, out)) return raise_num(e);
    return Value::number(out);
}
Value b_divmod(Value* args, int nargs, const CallArgs&) {
    if (!check_args("divmod", nargs, 2, 2)) return Value();
    Value q = binary_op(BinOpKind::FloorDiv, args[0], args[1]);
    if (q.is_null()) return q;
    Value r = binary_op(BinOpKind::Mod, args[0], args[1]);
    if (r.is_null()) return r;
    return tuple_value({q, r});
}
Value b_pow(Value* args, int nargs, const CallArgs&) {
    if (!check_args("pow", nargs, 2, 3)) return Value();
    if (nargs == 3) {
        num::BigInt out;
        if (is_int_like(args[2]) && to_bigint(args[2]).is_zero()) return raise(T.ValueError, "pow() 3rd argument cannot be 0");
        if (auto e = num::pow_mod(to_bigint(args[0]), to_bigint(args[1]), to_bigint(args[2]), out)) return raise_num(e);
        return int_value(out);
    }
    return binary_op(BinOpKind::Pow, args[0], args[1]);
}
Value b_chr(Value* args, int nargs, const CallArgs&) {
    if (!check_args("chr", nargs, 1, 1)) return Value();
    std::int64_t c;
    if (!to_index(args[0], c)) return Value();
    if (c < 0 || c > 0x10ffff) return raise(T.ValueError, "chr() arg not in range(0x110000)");
    std::string s;
    if (c < 0x80) s += static_cast<char>(c);
    else if (c < 0x800) { s += static_cast<char>(0xC0 | (c >> 6)); s += static_cast<char>(0x80 | (c & 0x3f)); }
    else if (c < 0x10000) { s += static_cast<char>(0xE0 | (c >> 12)); s += static_cast<char>(0x80 | ((c >> 6) & 0x3f)); s += static_cast<char>(0x80 | (c & 0x3f)); }
    else { s += static_cast<char>(0xF0 | (c >> 18)); s += static_cast<char>(0x80 | ((c >> 12) & 0x3f)); s += static_cast<char>(0x80 | ((c >> 6) & 0x3f)); s += static_cast<char>(0x80 | (c & 0x3f)); }
    return str_value(std::move(s));
}
Value b_ord(Value* args, int nargs, const CallArgs&) {
    if (!check_args("ord", nargs, 1, 1)) return Value();
    if (!is_str(args[0])) return raise(T.TypeError, "ord() expected string of length 1, but " + type_name(args[0]) + " found");
    auto* s = as_str(args[0]);
    if (s->cp_len != 1) return raise(T.TypeError, "ord() expected a character, but string of length " + std::to_string(s->cp_len) + " found");
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s->s.data());
    std::int64_t c = p[0];
    if (c >= 0xF0) c = ((c & 7) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
    else if (c >= 0xE0) c = ((c & 15) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    else if (c >= 0xC0) c = ((c & 31) << 6) | (p[1] & 0x3f);
    return Value::integer(c);
}
Value b_hash(Value* args, int nargs, const CallArgs&) {
    if (!check_args("hash", nargs, 1, 1)) return Value();
    std::int64_t h;
    if (!hash_of(args[0], h)) return Value();
    return Value::integer(h);
}
Value b_callable(Value* args, int nargs, const CallArgs&) {
    if (!check_args("callable", nargs, 1, 1)) return Value();
    const Value& v = args[0];
    if (v.tag != Tag::Obj) return Value::boolean(false);
    Kind k = static_cast<Obj*>(v.o)->kind;
    bool c = k == Kind::Function || k == Kind::Builtin || k == Kind::Method || k == Kind::Class ||
             !v.o->cls->lookup(rt().intern("__call__")).is_null();
    return Value::boolean(c);
}
Value base_prefixed(Value* args, int nargs, int base, const char* name) {
    if (!check_args(name, nargs, 1, 1)) return Value();
    if (!is_int_like(args[0])) return raise(T.TypeError, "'" + type_name(args[0]) + "' object cannot be interpreted as an integer");
    return str_value(to_bigint(args[0]).to_prefixed(base));
}
Value b_hex(Value* a, int n, const CallArgs&) { return base_prefixed(a, n, 16, "hex"); }
Value b_oct(Value* a, int n, const CallArgs&) { return base_prefixed(a, n, 8, "oct"); }
Value b_bin(Value* a, int n, const CallArgs&) { return base_prefixed(a, n, 2, "bin"); }
Value b_format(Value* args, int nargs, const CallArgs&) {
    if (!check_args("format", nargs, 1, 2)) return Value();
    return format_value(args[0], nargs > 1 ? args[1] : Value());
}
Value b_unsupported(Value*, int, const CallArgs& kw) {
    return raise(T.RuntimeError, std::string("not supported in corolab: ") + kw.fn->name + "()");
}

// id(x): an object's address; a value kept inline (int, float, bool, None)
// gets a number derived from the value, so equal small values share an id
// as CPython's cached ones do.
Value b_id(Value* a, int n, const CallArgs&) {
    if (!check_args("id", n, 1, 1)) return Value();
    if (a[0].tag == Tag::Obj) return Value::integer(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(a[0].o)));
    std::int64_t h;
    if (!hash_of(a[0], h)) return Value();
    return Value::integer(0x7f0000000000LL + (static_cast<std::int64_t>(a[0].tag) << 36) + (h & 0xfffffffffLL) * 16);
}
Value b_vars(Value* a, int n, const CallArgs& kw) {
    if (n == 0) return b_unsupported(a, n, kw);
    if (!check_args("vars", n, 0, 1)) return Value();
    Value d = getattr_opt(a[0], rt().intern("__dict__"));
    if (d.is_null() && !has_exc()) return raise(T.TypeError, "vars() argument must have __dict__ attribute");
    return d;
}
// slice(stop) / slice(start, stop[, step])
Value t_slice(Value* a, int n, const CallArgs& kw) {
    if (!constructor_args("slice", n, kw, 3, false)) return Value();
    if (n < 2) return raise(T.TypeError, "slice expected at least 1 argument, got 0");
    auto* s = make<SliceObj>();
    Value sv(s);
    s->start = n > 2 ? a[1] : Value::none();
    s->stop = n > 2 ? a[2] : a[1];
    s->step = n > 3 ? a[3] : Value::none();
    return sv;
}
Value sl_start(Value* a, int, const CallArgs&) { const Value& v = static_cast<SliceObj*>(a[0].o)->start; return v.is_null() ? Value::none() : v; }
Value sl_stop(Value* a, int, const CallArgs&) { const Value& v = static_cast<SliceObj*>(a[0].o)->stop; return v.is_null() ? Value::none() : v; }
Value sl_step(Value* a, int, const CallArgs&) { const Value& v = static_cast<SliceObj*>(a[0].o)->step; return v.is_null() ? Value::none() : v; }


}  // namespace

Value format_value(const Value& v, const Value& spec);

const Value* kwarg(const CallArgs& kw, const char* name) {
    for (int i = 0; i < kw.nkw; ++i)
        if (kw.kwn[i]->s == name) return &kw.kwv[i];
    return nullptr;
}

void register_builtins(DictObj* b) {
    auto def = [&](const char* name, BuiltinFnPtr fn) { dict_set_str(b, name, Value(make_builtin(name, fn, true))); };
    def("print", b_print);
    def("len", b_len);
    def("repr", t_repr);
    def("isinstance", b_isinstance);
    def("issubclass", b_issubclass);
    def("abs", b_abs);
    def("min", b_min);
    def("max", b_max);
    def("sum", b_sum);
    def("sorted", b_sorted);
    def("enumerate", b_enumerate);
    def("zip", b_zip);
    def("map", b_map);
    def("filter", b_filter);
    def("reversed", b_reversed);
    def("iter", b_iter);
    def("next", b_next);
    def("any", b_any);
    def("all", b_all);
    def("getattr", b_getattr);
    def("setattr", b_setattr);
    def("delattr", b_delattr);
    def("hasattr", b_hasattr);
    def("round", b_round);
    def("divmod", b_divmod);
    def("pow", b_pow);
    def("chr", b_chr);
    def("ord", b_ord);
    def("hash", b_hash);
    def("callable", b_callable);
    def("aiter", b_aiter);
    def("anext", b_anext);
    def("hex", b_hex);
    def("id", b_id);
    def("vars", b_vars);
    def("oct", b_oct);
    def("bin", b_bin);
    def("format", b_format);
    for (const char* n : {"eval", "exec", "open", "input", "compile", "globals", "locals", "dir", "breakpoint", "__import__", "memoryview", "bytearray"})
        def(n, b_unsupported);
    // complex is a class (isinstance, singledispatch's register take it)
    // whose values corolab cannot make
    static ClassObj* complex_cls = [] {
        ClassObj* c = make_builtin_class("complex", T.object, Kind::Object);
        add_method(c, "__new__", [](Value*, int, const CallArgs&) { return raise(T.RuntimeError, "not supported in corolab: complex()"); });
        return c;
    }();
    auto cls = [&](const char* name, ClassObj* c) { dict_set_str(b, name, Value(static_cast<Object*>(c))); };
    cls("object", T.object); cls("type", T.type); cls("int", T.int_); cls("float", T.float_); cls("bool", T.bool_);
    cls("str", T.str); cls("list", T.list); cls("tuple", T.tuple); cls("dict", T.dict); cls("set", T.set);
    cls("frozenset", T.frozenset); cls("range", T.range); cls("property", T.property);
    cls("staticmethod", T.staticmethod); cls("classmethod", T.classmethod); cls("super", T.super);
    cls("complex", complex_cls);
    cls("slice", T.slice);
    register_bytes(b);
    for (ClassObj* e : {T.BaseException, T.Exception, T.ArithmeticError, T.ZeroDivisionError, T.OverflowError,
                        T.LookupError, T.IndexError, T.KeyError, T.ValueError, T.TypeError, T.NameError,
                        T.UnboundLocalError, T.AttributeError, T.RuntimeError, T.NotImplementedError,
                        T.RecursionError, T.StopIteration, T.StopAsyncIteration, T.GeneratorExit,
                        T.KeyboardInterrupt, T.SystemExit, T.AssertionError, T.ImportError,
                        T.ModuleNotFoundError, T.OSError, T.TimeoutError, T.UnicodeError, T.BaseExceptionGroup,
                        T.ExceptionGroup, T.MemoryError, T.EOFError, T.Warning, T.DeprecationWarning,
                        T.RuntimeWarning, T.UserWarning, T.ConnectionError, T.ProcessLookupError,
                        T.FileNotFoundError, T.PermissionError, T.SyntaxError})
        cls(e->name.c_str(), e);
    dict_set_str(b, "None", Value::none());
    dict_set_str(b, "True", Value::boolean(true));
    dict_set_str(b, "False", Value::boolean(false));
    dict_set_str(b, "NotImplemented", Value(static_cast<Object*>(rt().intern("NotImplemented"))));
    dict_set_str(b, "Ellipsis", Value(static_cast<Object*>(rt().intern("Ellipsis"))));
    dict_set_str(b, "__name__", str_value("builtins"));
}

void init_type_constructors() {
    add_method(T.str, "__new__", t_str);
    add_method(T.int_, "__new__", t_int);
    add_method(T.float_, "__new__", t_float);
    add_method(T.bool_, "__new__", t_bool);
    add_method(T.list, "__new__", t_list);
    add_method(T.tuple, "__new__", t_tuple);
    add_method(T.dict, "__new__", t_dict);
    add_method(T.set, "__new__", t_set);
    add_method(T.frozenset, "__new__", t_set);
    add_method(T.type, "__new__", t_type);
    add_method(T.object, "__new__", t_object);
    add_method(T.range, "__new__", b_range);
    add_method(T.slice, "__new__", t_slice);
    add_property(T.slice, "start", sl_start);
    add_property(T.slice, "stop", sl_stop);
    add_property(T.slice, "step", sl_step);
    add_method(T.property, "__new__", t_wrapper);
    add_method(T.staticmethod, "__new__", t_wrapper);
    add_method(T.classmethod, "__new__", t_wrapper);
    add_method(T.super, "__new__", t_super);
    for (ClassObj* c : {T.function, T.classmethod, T.staticmethod, T.property}) add_method(c, "__get__", descr_get);
    (void)t_exception_new;
    add_method(T.BaseException, "__init__", exc_init);
    add_method(T.object, "__init__", obj_init);
    add_method(T.object, "__setattr__", obj_setattr);
    add_method(T.coroutine, "close", gen_close);
    add_method(T.generator, "close", gen_close);
    add_method(T.async_generator, "aclose", agen_aclose);
    add_method(T.generator, "send", gen_send);
    add_method(T.generator, "throw", gen_throw);
    add_method(T.async_generator, "athrow", agen_athrow);
    add_method(T.async_generator, "asend", agen_asend);
    add_method(T.async_generator, "__anext__", agen_anext);
    add_method(T.generator, "__next__", gen_next_m);
    add_method(T.iterator, "__next__", iter_next_m);
    add_method(T.iterator, "__iter__", iter_self_m);
}

bool sort_list(std::vector<Value>& items, const Value* key, bool reverse) { return sort_values(items, key, reverse); }
bool update_dict(DictObj* d, const Value& src) { return dict_update_from(d, src); }

}  // namespace corolab::lang
