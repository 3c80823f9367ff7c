// Constructors and teardown of the runtime objects (layouts in objects.hpp).
#include "lang/objects/objects.hpp"

#include <limits>

#include "lang/vm/frame.hpp"
#include "lang/objects/ops.hpp"
#include "lang/output.hpp"
#include "lang/objects/runtime.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

namespace {
// A dict owned by another object: registered with the run heap unless the
// owner is a process-wide (immortal) builtin.
DictObj* owned_dict(bool immortal) {
    DictObj* d;
    if (immortal || !Runtime::current) {
        d = new DictObj();
        d->immortal = true;
    } else {
        d = make<DictObj>();
    }
    incref(d);
    return d;
}
}  // namespace

BigIntObj::BigIntObj(num::BigInt v) : Obj(Kind::BigInt, T.int_), value(std::move(v)) {}

StrObj::StrObj(std::string text) : Obj(Kind::Str, T.str), s(std::move(text)) {
    cp_len = utf8_length(s, ascii);
}

StrObj::StrObj(std::string text, std::int64_t n, bool is_ascii)
    : Obj(Kind::Str, T.str), s(std::move(text)), cp_len(n), ascii(is_ascii) {}

TupleObj::TupleObj() : Obj(Kind::Tuple, T.tuple) {}
ListObj::ListObj() : Obj(Kind::List, T.list) {}
DictObj::DictObj() : Obj(Kind::Dict, T.dict) {}

SetObj::SetObj() : Obj(Kind::Set, T.set) { table = owned_dict(false); }
SetObj::~SetObj() { if (table) decref(table); }
void SetObj::clear_refs() { table->clear_refs(); }

SliceObj::SliceObj() : Obj(Kind::Slice, T.slice) {}
CellObj::CellObj() : Obj(Kind::Cell, T.cell) {}

FunctionObj::FunctionObj(Code* c, DictObj* g) : Obj(Kind::Function, T.function), code(c), globals(g) {
    incref(g);
}
FunctionObj::~FunctionObj() { if (globals) decref(globals); }
void FunctionObj::clear_refs() {
    name = Value(); qualname = Value(); defaults.clear(); kwdefaults = Value();
    closure.clear(); dict = Value();
    if (globals) { DictObj* g = globals; globals = nullptr; decref(g); }
}

BuiltinObj::BuiltinObj(const char* n, BuiltinFnPtr f) : Obj(Kind::Builtin, T.builtin), name(n), fn(f) {}
MethodObj::MethodObj(Value f, Value s) : Obj(Kind::Method, T.method), func(std::move(f)), self(std::move(s)) {}

ClassObj::ClassObj(std::string n) : Obj(Kind::Class, T.type), name(std::move(n)) {
    dict = owned_dict(!Runtime::current);
}
ClassObj::~ClassObj() { if (dict) decref(dict); }
void ClassObj::clear_refs() {
    bases_ref.clear();
    bases.clear();
    mro.clear();
    if (dict) { DictObj* d = dict; dict = nullptr; decref(d); }
}
Value ClassObj::lookup(StrObj* key) const {
    for (ClassObj* c : mro) {
        if (!c->dict) continue;
        Value v = dict_get_str(c->dict, key);
        if (!v.is_null()) return v;
    }
    return Value();
}
Value ClassObj::lookup(std::string_view key) const {
    return lookup(rt().intern(key));
}
bool ClassObj::is_subclass_of(const ClassObj* other) const {
    for (ClassObj* c : mro)
        if (c == other) return true;
    return false;
}

// An instance keeps its (user) class alive, as in CPython: a class made in a
// function (namedtuple's) may outlive every other reference to it.
InstanceObj::InstanceObj(ClassObj* c, Kind k) : Obj(k, c) {
    dict = owned_dict(false);
    if (c && !c->immortal) { incref(c); owns_cls = true; }
}
InstanceObj::~InstanceObj() { InstanceObj::clear_refs(); }
void InstanceObj::clear_refs() {
    if (dict) { DictObj* d = dict; dict = nullptr; decref(d); }
    if (owns_cls) { owns_cls = false; decref(cls); }
}

ExceptionObj::ExceptionObj(ClassObj* c) : InstanceObj(c, Kind::Exception) {}
void ExceptionObj::clear_refs() {
    args = Value(); cause = Value(); context = Value(); exceptions = Value(); message = Value();
    InstanceObj::clear_refs();
}

ModuleObj::ModuleObj(std::string n) : Obj(Kind::Module, T.module), name(std::move(n)) {
    dict = owned_dict(false);
}
ModuleObj::~ModuleObj() { if (dict) decref(dict); }
void ModuleObj::clear_refs() {
    if (dict) { DictObj* d = dict; dict = nullptr; decref(d); }
}

WrapperObj::WrapperObj(Kind k, ClassObj* c, Value f) : Obj(k, c), fget(std::move(f)) {}
SuperObj::SuperObj(ClassObj* s, Value self_) : Obj(Kind::Super, T.super), start(s), self(std::move(self_)) {
    start_ref = Value(static_cast<Object*>(s));
}

GenObj::GenObj(Kind k, ClassObj* c, Frame* f) : Obj(k, c), frame(f) {}
// CPython warns when a coroutine that never started is finalized, at the
// line running then (refcounting frees it right after the statement).
void warn_never_awaited(std::string_view qualname) {
    Runtime* r = Runtime::current;
    if (!r || !r->vm) return;  // the run is being torn down
    // A run stopped on a budget drops its unstarted coroutines with it: not
    // the scenario's mistake, and one warning each would bury the message.
    if (r->vm->fatal()) return;
    write_output(r->filename + ":" + std::to_string(r->vm->current_line()) + ": RuntimeWarning: coroutine '" +
                     std::string(qualname) + "' was never awaited\n",
                 true);
}

GenObj::~GenObj() {
    if (kind == Kind::Coroutine && frame && !started && !awaited)
        warn_never_awaited(is_str(qualname) ? std::string_view(as_str(qualname)->s) : std::string_view("coroutine"));
    if (frame) { Frame* f = frame; frame = nullptr; free_frame(f); }
}
void GenObj::clear_refs() {
    name = Value(); qualname = Value();
    if (frame) { Frame* f = frame; frame = nullptr; free_frame(f); }
}

AsyncGenStep::AsyncGenStep(Value g) : Obj(Kind::AsyncGenStep, T.async_gen_step), gen(std::move(g)) {}

IterObj::IterObj(Mode m, Value s) : Obj(Kind::Iterator, T.iterator), mode(m), src(std::move(s)) {}

}  // namespace corolab::lang
