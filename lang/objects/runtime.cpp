// The runtime context, builtin type objects, value constructors and raising.
#include "lang/objects/runtime.hpp"

#include <algorithm>

#include "lang/objects/ops.hpp"

namespace corolab::lang {

Types T;
Runtime* Runtime::current = nullptr;

// C3 linearization. When C3 fails the MRO is depth-first order and
// `conflict` names the bases CPython's TypeError lists.
static bool compute_mro(ClassObj* c, std::string* conflict) {
    c->mro.clear();
    c->mro.push_back(c);
    std::vector<std::vector<ClassObj*>> seqs;
    for (ClassObj* b : c->bases) seqs.push_back(b->mro);
    seqs.push_back(c->bases);
    while (true) {
        bool any = false;
        for (auto& s : seqs) if (!s.empty()) any = true;
        if (!any) break;
        ClassObj* pick = nullptr;
        for (auto& s : seqs) {
            if (s.empty()) continue;
            ClassObj* cand = s.front();
            bool in_tail = false;
            for (auto& t : seqs)
                for (std::size_t i = 1; i < t.size(); ++i)
                    if (t[i] == cand) in_tail = true;
            if (!in_tail) { pick = cand; break; }
        }
        if (!pick) {  // inconsistent: depth-first, no duplicates
            std::vector<ClassObj*> heads;
            for (auto& s : seqs)
                if (!s.empty() && std::find(heads.begin(), heads.end(), s.front()) == heads.end()) heads.push_back(s.front());
            if (conflict)
                for (ClassObj* h : heads) *conflict += (conflict->empty() ? "" : ", ") + h->name;
            for (ClassObj* b : c->bases)
                for (ClassObj* m : b->mro) {
                    bool seen = false;
                    for (ClassObj* x : c->mro) if (x == m) seen = true;
                    if (!seen) c->mro.push_back(m);
                }
            return false;
        }
        c->mro.push_back(pick);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == pick) s.erase(s.begin());
    }
    return true;
}

bool finish_class(ClassObj* c, std::string* mro_conflict) {
    bool consistent = compute_mro(c, mro_conflict);
    c->is_exception = T.BaseException && c->is_subclass_of(T.BaseException);
    for (ClassObj* b : c->mro)
        if (b->instance_kind != Kind::Instance && b->instance_kind != Kind::Object) {
            c->instance_kind = b->instance_kind;
            break;
        }
    if (c->is_exception) c->instance_kind = Kind::Exception;
    return consistent;
}

ClassObj* make_builtin_class(const char* name, ClassObj* base, Kind kind) {
    Runtime* saved = Runtime::current;
    Runtime::current = nullptr;
    ClassObj* c = new ClassObj(name);
    Runtime::current = saved;
    c->immortal = true;
    c->refcnt = 1;
    c->instance_kind = kind;
    if (base) c->bases.push_back(base);
    finish_class(c, nullptr);
    return c;
}

BuiltinObj* make_builtin(const char* name, BuiltinFnPtr fn, bool immortal) {
    if (immortal) {
        // one object per (function, name) for the whole process
        // (never destroyed: the objects live as long as the process)
        static auto& made = *new std::unordered_map<std::string, BuiltinObj*>();
        std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(fn)) + name;
        auto it = made.find(key);
        if (it != made.end()) return it->second;
        BuiltinObj* b = new BuiltinObj(name, fn);
        b->immortal = true;
        b->refcnt = 1;
        made.emplace(std::move(key), b);
        return b;
    }
    return make<BuiltinObj>(name, fn);
}

static std::unordered_map<std::string, StrObj*>& immortal_strings() {
    static auto& m = *new std::unordered_map<std::string, StrObj*>();  // never destroyed
    return m;
}

static StrObj* immortal_str(std::string_view s) {
    auto& m = immortal_strings();
    auto it = m.find(std::string(s));
    if (it != m.end()) return it->second;
    StrObj* o = new StrObj(std::string(s));
    o->immortal = true;
    o->refcnt = 1;
    m.emplace(std::string(s), o);
    return o;
}

void add_method(ClassObj* cls, const char* name, BuiltinFnPtr fn) {
    Runtime* saved = Runtime::current;
    Runtime::current = nullptr;
    BuiltinObj* b = make_builtin(name, fn, true);
    dict_set(cls->dict, Value(immortal_str(name)), Value(b));
    if (std::string_view(name) == "__new__") cls->builtin_new = b;  // instantiate's fast path
    // One function shared by several types checks only that self is an object.
    else b->self_type = !b->self_type || b->self_type == cls ? cls : T.object;
    Runtime::current = saved;
}

void add_class_function(ClassObj* cls, const char* name, BuiltinFnPtr fn) {
    add_method(cls, name, fn);
    static_cast<BuiltinObj*>(dict_get(cls->dict, Value(immortal_str(name))).o)->self_type = nullptr;
}

void add_property(ClassObj* cls, const char* name, BuiltinFnPtr fn) {
    Runtime* saved = Runtime::current;
    Runtime::current = nullptr;
    WrapperObj* p = new WrapperObj(Kind::Property, T.property, Value(make_builtin(name, fn, true)));
    p->immortal = true;
    p->refcnt = 1;
    dict_set(cls->dict, Value(immortal_str(name)), Value(static_cast<Object*>(p)));
    Runtime::current = saved;
}

void init_builtin_methods();  // builtins.cpp / str.cpp ... register methods

void init_types() {
    static bool done = false;
    if (done) return;
    done = true;
    // `type` and `object` first: ClassObj's constructor reads T.type.
    T.type = make_builtin_class("type", nullptr, Kind::Class);
    T.object = make_builtin_class("object", nullptr, Kind::Object);
    T.type->cls = T.type;
    T.object->cls = T.type;
    T.type->bases.push_back(T.object);
    finish_class(T.type, nullptr);
    auto mk = [](const char* n, Kind k, ClassObj* base = nullptr) {
        return make_builtin_class(n, base ? base : T.object, k);
    };
    T.dict = mk("dict", Kind::Dict);
    // the dicts made so far had no class: fix them
    for (ClassObj* c : {T.type, T.object, T.dict}) c->dict->cls = T.dict;
    T.none = mk("NoneType", Kind::Object);
    T.int_ = mk("int", Kind::BigInt);
    T.bool_ = mk("bool", Kind::BigInt, T.int_);
    T.float_ = mk("float", Kind::Object);
    T.str = mk("str", Kind::Str);
    T.list = mk("list", Kind::List);
    T.tuple = mk("tuple", Kind::Tuple);
    T.set = mk("set", Kind::Set);
    T.frozenset = mk("frozenset", Kind::Set);
    T.range = mk("range", Kind::Range);
    T.slice = mk("slice", Kind::Slice);
    T.cell = mk("cell", Kind::Cell);
    T.function = mk("function", Kind::Function);
    T.builtin = mk("builtin_function_or_method", Kind::Builtin);
    T.method = mk("method", Kind::Method);
    T.module = mk("module", Kind::Module);
    T.property = mk("property", Kind::Property);
    T.staticmethod = mk("staticmethod", Kind::StaticMethod);
    T.classmethod = mk("classmethod", Kind::ClassMethod);
    T.super = mk("super", Kind::Super);
    T.generator = mk("generator", Kind::Generator);
    T.coroutine = mk("coroutine", Kind::Coroutine);
    T.async_generator = mk("async_generator", Kind::AsyncGen);
    T.async_gen_step = mk("async_generator_asend", Kind::AsyncGenStep);
    T.iterator = mk("iterator", Kind::Iterator);
    T.ellipsis = mk("ellipsis", Kind::Object);

    auto ex = [](const char* n, ClassObj* base) {
        ClassObj* c = make_builtin_class(n, base, Kind::Exception);
        return c;
    };
    T.BaseException = ex("BaseException", T.object);
    T.BaseException->is_exception = true;
    T.Exception = ex("Exception", T.BaseException);
    T.ArithmeticError = ex("ArithmeticError", T.Exception);
    T.ZeroDivisionError = ex("ZeroDivisionError", T.ArithmeticError);
    T.OverflowError = ex("OverflowError", T.ArithmeticError);
    T.LookupError = ex("LookupError", T.Exception);
    T.IndexError = ex("IndexError", T.LookupError);
    T.KeyError = ex("KeyError", T.LookupError);
    T.ValueError = ex("ValueError", T.Exception);
    T.UnicodeError = ex("UnicodeError", T.ValueError);
    T.TypeError = ex("TypeError", T.Exception);
    T.NameError = ex("NameError", T.Exception);
    T.UnboundLocalError = ex("UnboundLocalError", T.NameError);
    T.AttributeError = ex("AttributeError", T.Exception);
    T.RuntimeError = ex("RuntimeError", T.Exception);
    T.NotImplementedError = ex("NotImplementedError", T.RuntimeError);
    T.RecursionError = ex("RecursionError", T.RuntimeError);
    T.StopIteration = ex("StopIteration", T.Exception);
    T.StopAsyncIteration = ex("StopAsyncIteration", T.Exception);
    T.GeneratorExit = ex("GeneratorExit", T.BaseException);
    T.KeyboardInterrupt = ex("KeyboardInterrupt", T.BaseException);
    T.SystemExit = ex("SystemExit", T.BaseException);
    T.AssertionError = ex("AssertionError", T.Exception);
    T.ImportError = ex("ImportError", T.Exception);
    T.ModuleNotFoundError = ex("ModuleNotFoundError", T.ImportError);
    T.OSError = ex("OSError", T.Exception);
    T.TimeoutError = ex("TimeoutError", T.OSError);
    T.ConnectionError = ex("ConnectionError", T.OSError);
    T.ProcessLookupError = ex("ProcessLookupError", T.OSError);
    T.FileNotFoundError = ex("FileNotFoundError", T.OSError);
    T.PermissionError = ex("PermissionError", T.OSError);
    T.EOFError = ex("EOFError", T.Exception);
    T.MemoryError = ex("MemoryError", T.Exception);
    T.SyntaxError = ex("SyntaxError", T.Exception);
    T.Warning = ex("Warning", T.Exception);
    T.DeprecationWarning = ex("DeprecationWarning", T.Warning);
    T.RuntimeWarning = ex("RuntimeWarning", T.Warning);
    T.UserWarning = ex("UserWarning", T.Warning);
    T.CancelledError = ex("CancelledError", T.BaseException);
    T.InvalidStateError = ex("InvalidStateError", T.Exception);
    T.BaseExceptionGroup = ex("BaseExceptionGroup", T.BaseException);
    T.ExceptionGroup = make_builtin_class("ExceptionGroup", T.BaseExceptionGroup, Kind::Exception);
    T.ExceptionGroup->bases.push_back(T.Exception);
    finish_class(T.ExceptionGroup, nullptr);
    T.QueueEmpty = ex("QueueEmpty", T.Exception);
    T.QueueFull = ex("QueueFull", T.Exception);
    T.BrokenBarrierError = ex("BrokenBarrierError", T.RuntimeError);
    T.IncompleteReadError = ex("IncompleteReadError", T.EOFError);
    init_builtin_methods();
}

Runtime::Runtime() {
    init_types();
}

Runtime::~Runtime() {
    Runtime* saved = current;
    Heap* saved_heap = Heap::current;
    current = this;
    Heap::current = &heap;
    exc = Value();
    interned.clear();
    modules.clear();
    keep.clear();
    heap.destroy_all();
    pool_trim();  // the run's objects' memory goes back to malloc
    current = saved == this ? nullptr : saved;
    Heap::current = saved_heap == &heap ? nullptr : saved_heap;
}

StrObj* Runtime::intern(std::string_view s) {
    auto it = interned.find(std::string(s));
    if (it != interned.end()) return as_str(it->second);
    Value v = str_value(std::string(s));
    StrObj* o = as_str(v);
    interned.emplace(std::string(s), std::move(v));
    return o;
}

Value str_value(std::string s) { return Value(make<StrObj>(std::move(s))); }
Value str_value(std::string s, std::int64_t cp_len, bool ascii) { return Value(make<StrObj>(std::move(s), cp_len, ascii)); }

Value int_value(const num::BigInt& b) {
    if (b.fits_int64()) return Value::integer(b.to_int64());
    return Value(make<BigIntObj>(b));
}
Value int_value(num::BigInt&& b) {
    if (b.fits_int64()) return Value::integer(b.to_int64());
    return Value(make<BigIntObj>(std::move(b)));
}

Value tuple_value(std::vector<Value> items) {
    TupleObj* t = make<TupleObj>();
    t->items = std::move(items);
    return Value(t);
}
Value list_value(std::vector<Value> items) {
    ListObj* l = make<ListObj>();
    l->items = std::move(items);
    return Value(l);
}
Value new_dict() { return Value(make<DictObj>()); }
Value new_set() { return Value(make<SetObj>()); }

ClassObj* type_of(const Value& v) {
    switch (v.tag) {
        case Tag::None: return T.none;
        case Tag::Bool: return T.bool_;
        case Tag::Int: return T.int_;
        case Tag::Float: return T.float_;
        case Tag::Obj: return v.o->cls;
        default: return T.none;
    }
}

Value make_exception(ClassObj* cls, std::vector<Value> args) {
    ExceptionObj* e = make<ExceptionObj>(cls);
    e->args = tuple_value(std::move(args));
    return Value(e);
}

Value raise(ClassObj* cls, std::string message) {
    std::vector<Value> args;
    args.push_back(str_value(std::move(message)));
    return raise_value(make_exception(cls, std::move(args)));
}

Value raise(ClassObj* cls, const char* message) { return raise(cls, std::string(message)); }

Value raise_value(Value exc) {
    rt().exc = std::move(exc);
    return Value();
}

Value raise_num(const num::NumError& e) {
    ClassObj* c = T.ValueError;
    switch (e.kind) {
        case num::ErrorKind::TypeError: c = T.TypeError; break;
        case num::ErrorKind::OverflowError: c = T.OverflowError; break;
        case num::ErrorKind::ZeroDivisionError: c = T.ZeroDivisionError; break;
        case num::ErrorKind::IndexError: c = T.IndexError; break;
        case num::ErrorKind::KeyError: c = T.KeyError; break;
        case num::ErrorKind::NotSupported: c = T.RuntimeError; break;
        default: break;
    }
    return raise(c, e.message);
}

Value take_exc() {
    Value e = std::move(rt().exc);
    rt().exc = Value();
    return e;
}

bool exc_matches(const Value& exc, ClassObj* cls) {
    return exc.is_obj() && exc.o->cls->is_subclass_of(cls);
}

}  // namespace corolab::lang
