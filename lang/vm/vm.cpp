// The dispatch loop and the call path (see vm.hpp).
#include "lang/vm/vm.hpp"
#include "lang/modules/modules.hpp"

#include <algorithm>
#include <cassert>
#include <new>
#include <cstdlib>

#include "lang/vm/budget.hpp"
#include "lang/objects/exception_group.hpp"
#include "lang/objects/ops.hpp"
#include "lang/vm/stack_guard.hpp"

namespace corolab::lang {

// ---- frames (pooled by slot count) ---------------------------------------------
// A pooled frame keeps every slot Null while in the pool, so alloc_frame
// writes no slot; free_frame clears only the live ones: locals, cells and
// the stack below sp (the dispatch loop leaves every slot above sp Null).
namespace {
constexpr int kPoolClasses = 3;
// Free frames by size class (never destroyed: reused by every run).
std::vector<Frame*>* g_pool = new std::vector<Frame*>[kPoolClasses];
int pool_class(int nslots) { return nslots <= 16 ? 0 : nslots <= 32 ? 1 : nslots <= 64 ? 2 : -1; }
int pool_slots(int cls) { return 16 << cls; }
}  // namespace

Frame* alloc_frame(Code* code) {
    int n = code->nlocals + code->ncells + code->nfree + code->stacksize;
    if (n < 1) n = 1;
    int pc = pool_class(n);
    int cap = pc >= 0 ? pool_slots(pc) : n;
    Frame* f;
    if (pc >= 0 && !g_pool[pc].empty()) {
        void* mem = g_pool[pc].back();
        g_pool[pc].pop_back();
        f = new (mem) Frame;  // default-init: the block stack stays unwritten; slots are Null
    } else {
        // operator new, not malloc: frames count against the memory budget
        // (lang/vm/budget.hpp) and a refused one is the budget's stop.
        void* mem = ::operator new(sizeof(Frame) + sizeof(Value) * (cap - 1));
        f = new (mem) Frame;
        for (int i = 1; i < cap; ++i) new (&f->slots[i]) Value();  // slot 0 is a member of Frame
    }
    f->nslots = n;
    f->nfixed = code->nlocals + code->ncells + code->nfree;
    f->code = code;
    return f;
}

void free_frame(Frame* f) {
    int n = f->nslots;
    int live = f->nfixed + f->sp;
#ifndef NDEBUG
    for (int i = live; i < n; ++i) assert(f->slots[i].is_null() && "a slot above sp was left set");
#endif
    for (int i = 1; i < live; ++i) f->slots[i] = Value();
    f->~Frame();
    int pc = pool_class(n);
    if (pc >= 0 && g_pool[pc].size() < 4096) {
        g_pool[pc].push_back(f);
    } else {
        for (int i = 1; i < n; ++i) f->slots[i].~Value();
        ::operator delete(f);
    }
}

// ---- argument binding --------------------------------------------------------
bool bind_arguments(FunctionObj* fn, Frame* fr, Value* args, int nargs, StrObj* const* kwn, Value* kwv, int nkw) {
    Code* c = fn->code;
    Value* slots = fr->locals();
    const std::string& name = as_str(fn->name)->s;
    int np = c->nargs;
    int take = nargs < np ? nargs : np;
    for (int i = 0; i < take; ++i) slots[i] = args[i];
    int next_slot = np;
    if (c->varargs) {
        std::vector<Value> extra;
        for (int i = np; i < nargs; ++i) extra.push_back(args[i]);
        slots[np] = tuple_value(std::move(extra));
    } else if (nargs > np) {
        int ndef = static_cast<int>(fn->defaults.size());
        std::string msg = name + "() takes ";
        if (ndef) msg += "from " + std::to_string(np - ndef) + " to " + std::to_string(np);
        else msg += std::to_string(np);
        msg += " positional argument" + std::string(np == 1 && !ndef ? "" : "s") + " but " + std::to_string(nargs) +
               (nargs == 1 ? " was" : " were") + " given";
        raise(T.TypeError, msg);
        return false;
    }
    (void)next_slot;
    // Slots (as the scope analysis numbers parameters): positional, *args,
    // keyword-only, **kwargs.
    const int va = c->varargs ? 1 : 0;
    DictObj* kwdict = nullptr;
    if (c->varkw) {
        Value d = new_dict();
        kwdict = static_cast<DictObj*>(d.o);
        slots[np + va + c->nkwonly] = d;
    }
    for (int k = 0; k < nkw; ++k) {
        StrObj* key = kwn[k];
        int found = -1;
        for (int i = c->nposonly; i < np + va + c->nkwonly && found < 0; ++i)
            if ((i < np || i >= np + va) && as_str(c->local_names[i])->s == key->s) found = i;
        if (found < 0) {
            if (kwdict) { dict_set(kwdict, Value(static_cast<Object*>(key)), kwv[k]); continue; }
            raise(T.TypeError, name + "() got an unexpected keyword argument '" + key->s + "'");
            return false;
        }
        int slot = found;
        if (!slots[slot].is_null()) {
            raise(T.TypeError, name + "() got multiple values for argument '" + key->s + "'");
            return false;
        }
        slots[slot] = kwv[k];
    }
    // defaults
    int ndef = static_cast<int>(fn->defaults.size());
    std::vector<std::string> missing;
    for (int i = 0; i < np; ++i) {
        if (!slots[i].is_null()) continue;
        int di = i - (np - ndef);
        if (di >= 0) slots[i] = fn->defaults[di];
        else missing.push_back(as_str(c->local_names[i])->s);
    }
    if (!missing.empty()) {
        std::string msg = name + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                          (missing.size() == 1 ? "" : "s") + ": ";
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (i) msg += i + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ";
            msg += "'" + missing[i] + "'";
        }
        raise(T.TypeError, msg);
        return false;
    }
    std::vector<std::string> kwmissing;
    for (int i = 0; i < c->nkwonly; ++i) {
        int slot = np + va + i;
        if (!slots[slot].is_null()) continue;
        Value d;
        if (fn->kwdefaults.is_obj()) d = dict_get(static_cast<DictObj*>(fn->kwdefaults.o), c->local_names[slot]);
        if (!d.is_null()) slots[slot] = d;
        else kwmissing.push_back(as_str(c->local_names[slot])->s);
    }
    if (!kwmissing.empty()) {
        std::string msg = name + "() missing " + std::to_string(kwmissing.size()) + " required keyword-only argument" +
                          (kwmissing.size() == 1 ? "" : "s") + ": ";
        for (std::size_t i = 0; i < kwmissing.size(); ++i) {
            if (i) msg += i + 1 == kwmissing.size() ? " and " : ", ";
            msg += "'" + kwmissing[i] + "'";
        }
        raise(T.TypeError, msg);
        return false;
    }
    return true;
}

// local_names of a code object are in scope order: params are posonly,
// regular, *args, kwonly, **kw. bind_arguments indexes them by that order.

// ---- Vm --------------------------------------------------------------------------
Vm::Vm(Runtime& r) : rt_(r) { r.vm = this; }

void Vm::budget_exhausted(void* vm, const char* budget, std::size_t limit) {
    static_cast<Vm*>(vm)->set_fatal(budget, budget_message(budget, limit));
}

BudgetHooks Vm::budget_hooks() {
    BudgetHooks h;
    h.steps = &steps;
    h.step_limit = step_limit;
    h.interrupt = &next_check_;
    h.exhausted = &Vm::budget_exhausted;
    h.ctx = this;
    return h;
}

Value Vm::set_fatal(std::string budget, std::string message) {
    if (!fatal()) {
        fatal_budget = std::move(budget);
        fatal_message = std::move(message);
    }
    next_check_ = 0;
    return raise(T.RuntimeError, fatal_message);
}
Vm::~Vm() { if (rt_.vm == this) rt_.vm = nullptr; }

int Vm::current_line() const { return cur_ ? line_of(*cur_) : 0; }

int Vm::line_of(const Thread& th) {
    if (!th.top) return 0;
    Frame* f = th.top;
    int pc = f->pc > 0 ? f->pc - 1 : 0;
    return pc < static_cast<int>(f->code->lines.size()) ? f->code->lines[pc] : 0;
}

Frame* Vm::setup_frame(FunctionObj* fn, Value* args, int nargs, StrObj* const* kwn, Value* kwv, int nkw) {
    Code* c = fn->code;
    Frame* fr = alloc_frame(c);
    fr->func = Value(static_cast<Object*>(fn));
    fr->globals = fn->globals;
    fr->ns = nullptr;
    if (nkw == 0 && c->simple_args() && nargs == c->nargs) {
        for (int i = 0; i < nargs; ++i) fr->slots[i] = args[i];
    } else if (!bind_arguments(fn, fr, args, nargs, kwn, kwv, nkw)) {
        free_frame(fr);
        return nullptr;
    }
    if (c->ncells || c->nfree) {
        Value* cells = fr->cells();
        for (int i = 0; i < c->ncells; ++i) {
            CellObj* cell = make<CellObj>();
            int from = c->cell_from_slot[i];
            if (from >= 0) cell->value = fr->slots[from];
            cells[i] = Value(cell);
        }
        for (int i = 0; i < c->nfree; ++i) cells[c->ncells + i] = fn->closure[i];
    }
    return fr;
}

static Value make_gen(FunctionObj* fn, Frame* fr) {
    Code* c = fn->code;
    Kind k = c->is_coroutine ? Kind::Coroutine : c->is_async_gen ? Kind::AsyncGen : Kind::Generator;
    ClassObj* cls = c->is_coroutine ? T.coroutine : c->is_async_gen ? T.async_generator : T.generator;
    GenObj* g = make<GenObj>(k, cls, fr);
    g->name = fn->name;
    g->qualname = fn->qualname;
    fr->gen = g;
    return Value(g);
}

Value instantiate(ClassObj* cls, Value* args, int nargs, const CallArgs& kw) {
    // Fast path of the lookup below for a builtin type called directly
    // (str(i), int(x), float(x)): the same "__new__" builtin (builtin types'
    // dicts are immutable), without hashing the name or a vector.
    constexpr int kFastArgs = 4;
    if (!cls->user && cls->builtin_new && cls->instance_kind != Kind::Exception && nargs < kFastArgs) {
        Value a[kFastArgs + 1];
        a[0] = Value(static_cast<Object*>(cls));
        for (int i = 0; i < nargs; ++i) a[i + 1] = args[i];
        CallArgs ca = kw;
        ca.fn = cls->builtin_new;
        return cls->builtin_new->fn(a, nargs + 1, ca);
    }
    // A user subclass of a class written in C++ (asyncio.Queue, Event,
    // datetime.date, ...) would be made as its base, silently without the
    // subclass's methods: say so instead.
    if (cls->user && cls->instance_kind == Kind::Native) {
        for (ClassObj* c : cls->mro)
            if (!c->user) return raise(T.TypeError, "not supported in corolab: a subclass of " + c->name);
    }
    // builtin types construct through their "__new__" builtin
    if (!cls->user) {
        for (ClassObj* c : cls->mro) {
            if (c->user) continue;
            Value ctor = dict_get_str(c->dict, rt().intern("__new__"));
            if (!ctor.is_null() && c->instance_kind != Kind::Exception) {
                std::vector<Value> a;
                a.push_back(Value(static_cast<Object*>(cls)));
                for (int i = 0; i < nargs; ++i) a.push_back(args[i]);
                return call(ctor, a.data(), static_cast<int>(a.size()), kw);
            }
            break;
        }
    }
    Value self;
    Value user_new = cls->user ? cls->lookup(rt().intern("__new__")) : Value();
    if (is_kind(user_new, Kind::StaticMethod)) user_new = static_cast<WrapperObj*>(user_new.o)->fget;
    if (is_kind(user_new, Kind::Function)) {
        // a class's own __new__(cls, ...); __init__ runs when it returns an instance of cls
        std::vector<Value> a;
        a.reserve(nargs + 1);
        a.push_back(Value(static_cast<Object*>(cls)));
        for (int i = 0; i < nargs; ++i) a.push_back(args[i]);
        self = call(user_new, a.data(), static_cast<int>(a.size()), kw);
        if (self.is_null() || !type_of(self)->is_subclass_of(cls)) return self;
    } else if (cls->is_exception) {
        ExceptionObj* e = make<ExceptionObj>(cls);
        std::vector<Value> a(args, args + nargs);
        e->args = tuple_value(a);
        if (cls->is_subclass_of(T.BaseExceptionGroup) && nargs == 2) {
            e->message = args[0];
            std::vector<Value> subs;
            if (!collect(args[1], subs)) return Value();
            e->exceptions = tuple_value(std::move(subs));
        }
        self = Value(e);
    } else if (cls->instance_kind == Kind::Instance || cls->instance_kind == Kind::Object) {
        // object.__new__ refuses a class with abstract methods (abc.ABCMeta sets them)
        Value abstract = cls->user ? dict_get_str(cls->dict, rt().intern("__abstractmethods__")) : Value();
        if (is_kind(abstract, Kind::Set) && static_cast<SetObj*>(abstract.o)->table->used) {
            std::vector<std::string> names;
            for (const Value& n : set_items_ordered(static_cast<SetObj*>(abstract.o))) names.push_back(is_str(n) ? as_str(n)->s : "?");
            std::sort(names.begin(), names.end());
            std::string list;
            for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
            return raise(T.TypeError, "Can't instantiate abstract class " + cls->name + " with abstract method" +
                                          (names.size() > 1 ? "s " : " ") + list);
        }
        self = Value(make<InstanceObj>(cls));
    } else {
        return raise(T.TypeError, "cannot create '" + cls->name + "' instances");
    }
    Value init = cls->lookup(rt().intern("__init__"));
    if (!init.is_null() && !is_kind(init, Kind::Builtin)) {
        std::vector<Value> a;
        a.reserve(nargs + 1);
        a.push_back(self);
        for (int i = 0; i < nargs; ++i) a.push_back(args[i]);
        Value r = call(init, a.data(), static_cast<int>(a.size()), kw);
        if (r.is_null()) return r;
        if (!r.is_none()) return raise(T.TypeError, "__init__() should return None, not '" + type_name(r) + "'");
    } else if (!cls->is_exception && (nargs || kw.nkw) && !is_kind(user_new, Kind::Function)) {
        return raise(T.TypeError, cls->name + "() takes no arguments");
    }
    return self;
}

Value Vm::call_nonpy(const Value& f, Value* args, int nargs, StrObj* const* kwn, Value* kwv, int nkw) {
    CallArgs ca;
    ca.nkw = nkw;
    ca.kwn = kwn;
    ca.kwv = kwv;
    if (f.tag != Tag::Obj) return raise(T.TypeError, "'" + type_name(f) + "' object is not callable");
    Obj* o = static_cast<Obj*>(f.o);
    switch (o->kind) {
        case Kind::Builtin: {
            auto* b = static_cast<BuiltinObj*>(o);
            ca.fn = b;
            if (!b->self.is_null()) {
                std::vector<Value> a;
                a.reserve(nargs + 1);
                a.push_back(b->self);
                for (int i = 0; i < nargs; ++i) a.push_back(args[i]);
                return b->fn(a.data(), nargs + 1, ca);
            }
            if (b->self_type && (nargs == 0 || !type_of(args[0])->is_subclass_of(b->self_type))) {
                // CPython's words for a method descriptor called on the wrong object.
                if (nargs == 0)
                    return raise(T.TypeError, std::string("unbound method ") + b->self_type->name + "." + b->name + "() needs an argument");
                return raise(T.TypeError, std::string("descriptor '") + b->name + "' for '" + b->self_type->name +
                                              "' objects doesn't apply to a '" + type_name(args[0]) + "' object");
            }
            return b->fn(args, nargs, ca);
        }
        case Kind::Class: return instantiate(static_cast<ClassObj*>(o), args, nargs, ca);
        case Kind::Method: {
            auto* m = static_cast<MethodObj*>(o);
            std::vector<Value> a;
            a.reserve(nargs + 1);
            a.push_back(m->self);
            for (int i = 0; i < nargs; ++i) a.push_back(args[i]);
            return call(m->func, a.data(), nargs + 1, ca);
        }
        case Kind::Function: return call(f, args, nargs, ca);
        default: {
            Value c = o->cls->lookup(rt().intern("__call__"));
            if (!c.is_null()) {
                std::vector<Value> a;
                a.push_back(f);
                for (int i = 0; i < nargs; ++i) a.push_back(args[i]);
                return call(c, a.data(), nargs + 1, ca);
            }
            return raise(T.TypeError, "'" + type_name(f) + "' object is not callable");
        }
    }
}

Value call(const Value& f, Value* args, int nargs, const CallArgs& kw) {
    return rt().vm->call(f, args, nargs, kw);
}

Value Vm::call(const Value& f, Value* args, int nargs, const CallArgs& kw) {
    if (is_kind(f, Kind::Function)) {
        auto* fn = static_cast<FunctionObj*>(f.o);
        Frame* fr = setup_frame(fn, args, nargs, kw.kwn, kw.kwv, kw.nkw);
        if (!fr) return Value();
        Code* c = fn->code;
        if (c->is_generator || c->is_coroutine || c->is_async_gen) return make_gen(fn, fr);
        return run_frame(fr);
    }
    return call_nonpy(f, args, nargs, kw.kwn, kw.kwv, kw.nkw);
}

Value Vm::run_frame(Frame* fr) {
    // C++ re-enters the dispatch loop here (builtins, __init__, dunders):
    // the frame counts against the depth budget below, the guard checks
    // the C++ stack
    StackGuard level("", /*vm_entry=*/true);
    if (!level.ok()) { free_frame(fr); return Value(); }
    Thread tmp;
    Thread* th = cur_ ? cur_ : &tmp;
    Thread* saved = cur_;
    cur_ = th;
    if (th->depth >= recursion_limit) {
        free_frame(fr);
        cur_ = saved;
        return raise(T.RecursionError, "maximum recursion depth exceeded");
    }
    fr->mode = FrameMode::Entry;
    fr->back = th->top;
    th->top = fr;
    ++th->depth;
    ++nested_;
    Value r = execute(fr);
    --nested_;
    cur_ = saved;
    return r;
}

Value gen_next(GenObj* g) { return rt().vm->gen_next(g); }

// The iterator a generator suspended in `yield from` delegates to (it sits
// below the yielded value: YieldFromSend, YieldValue were the last two
// instructions), or Null.
static Value delegate_of(Frame* fr) {
    const Instr* code = fr->code->code.data();
    if (fr->pc < 2 || code[fr->pc - 1].op != Op::YieldValue || code[fr->pc - 2].op != Op::YieldFromSend) return Value();
    return fr->stack()[fr->sp - 1];
}

// One step of `yield from`'s iterator: next() for None, else send(v). Null
// with done = false: raised; done: it ended and the result is its value.
Value Vm::delegate_send(const Value& it, const Value& v, bool& done) {
    done = false;
    Value r;
    if (is_kind(it, Kind::Generator)) {
        r = gen_next(static_cast<GenObj*>(it.o), v);
        if (r.is_null() && !has_exc()) { done = true; return gen_return(); }
        return r;
    }
    if (v.is_none() && is_kind(it, Kind::Iterator)) {
        r = iter_next(it);
        if (r.is_null() && !has_exc()) { done = true; return Value::none(); }
        return r;
    }
    Value m = v.is_none() ? lookup_special(it, rt_.intern("__next__")) : getattr(it, rt_.intern("send"));
    if (m.is_null()) {
        if (v.is_none() && !has_exc()) raise(T.TypeError, "'" + type_name(it) + "' object is not an iterator");
        return Value();
    }
    r = v.is_none() ? call1(m, it) : call1(m, v);
    if (r.is_null() && exc_matches(rt_.exc, T.StopIteration)) {
        Value stop = take_exc();
        auto* args = static_cast<TupleObj*>(static_cast<ExceptionObj*>(stop.o)->args.o);
        done = true;
        return args->items.empty() ? Value::none() : args->items[0];
    }
    return r;
}

// throw(exc) / close() on a generator suspended in `yield from` goes to its
// iterator first (CPython's _gen_throw): 1 = the iterator yielded `out`;
// 2 = it ended with value `out` (the generator resumes after `yield from`);
// 0 = raise `exc` (possibly the iterator's own error) in the generator.
int Vm::delegate_throw(Frame* fr, Value& exc, Value& out) {
    Value sub = delegate_of(fr);
    if (sub.is_null()) return 0;
    if (exc_matches(exc, T.GeneratorExit)) {
        // close the iterator, then GeneratorExit (or its close() error) here
        Value m = getattr_opt(sub, rt_.intern("close"));
        if (m.is_null() && has_exc()) { exc = take_exc(); return 0; }
        if (!m.is_null() && call0(m).is_null()) exc = take_exc();
        return 0;
    }
    Value r;
    if (is_kind(sub, Kind::Generator)) {
        r = gen_next(static_cast<GenObj*>(sub.o), Value(), exc);
        if (r.is_null() && !has_exc()) { out = gen_return(); return 2; }
    } else {
        Value m = getattr_opt(sub, rt_.intern("throw"));
        if (m.is_null()) {
            if (has_exc()) exc = take_exc();
            return 0;
        }
        r = call1(m, exc);
    }
    if (!r.is_null()) { out = std::move(r); return 1; }
    Value err = take_exc();
    if (exc_matches(err, T.StopIteration)) {
        auto* args = static_cast<TupleObj*>(static_cast<ExceptionObj*>(err.o)->args.o);
        out = args->items.empty() ? Value::none() : args->items[0];
        return 2;
    }
    exc = std::move(err);
    return 0;
}

Value Vm::gen_next(GenObj* g, Value send, Value exc) {
    gen_return_ = Value();
    if (!g->frame) return Value();
    if (exc.is_null() && !g->started && !send.is_null() && !send.is_none())
        return raise(T.TypeError, "can't send non-None value to a just-started generator");
    if (g->running) return raise(T.ValueError, "generator already executing");
    StackGuard level("", /*vm_entry=*/true);
    if (!level.ok()) return Value();
    Frame* fr = g->frame;
    if (!exc.is_null() && g->started) {
        Value out;
        g->running = true;
        int how = delegate_throw(fr, exc, out);
        g->running = false;
        if (how == 1) {
            gen_yielded_ = true;
            return out;
        }
        if (how == 2) {  // resume after `yield from`, its value in place of the iterator
            exc = Value();
            fr->stack()[fr->sp - 1] = std::move(out);
            fr->pc = fr->code->code[fr->pc - 2].arg;
        }
    }
    Thread tmp;
    Thread* th = cur_ ? cur_ : &tmp;
    if (th->depth >= recursion_limit)  // a `yield from` chain nests a frame per generator
        return raise(T.RecursionError, "maximum recursion depth exceeded");
    Thread* saved = cur_;
    cur_ = th;
    if (!exc.is_null()) {
        rt_.exc = std::move(exc);
        fr->entry_nested = true;  // raise at resume
    } else if (g->started && fr->pc > 0 && fr->code->code[fr->pc - 1].op == Op::YieldValue) {
        fr->stack()[fr->sp++] = send.is_null() ? Value::none() : std::move(send);
    }
    g->started = true;
    g->running = true;
    fr->mode = FrameMode::Entry;
    fr->back = th->top;
    th->top = fr;
    ++th->depth;
    ++nested_;
    gen_yielded_ = false;
    Value r = execute(fr);
    --nested_;
    cur_ = saved;
    if (r.is_null()) return r;
    if (!gen_yielded_) {  // returned: exhausted
        gen_return_ = std::move(r);
        return Value();
    }
    return r;
}

void Vm::pop_frame(Frame* f) {
    cur_->top = f->back;
    --cur_->depth;
    if (f->gen) {
        GenObj* g = f->gen;
        g->running = false;
        g->frame = nullptr;
    }
    free_frame(f);
}

RunResult Vm::start_module(Code* code, DictObj* globals, Thread& th) {
    Frame* fr = alloc_frame(code);
    fr->globals = globals;
    fr->ns = globals;
    fr->ns_ref = Value(static_cast<Object*>(globals));
    fr->mode = FrameMode::Entry;
    th.top = th.bottom = fr;
    th.depth = 1;
    return resume(th, Value(), Value());
}

RunResult Vm::start_coroutine(const Value& coro, Thread& th) {
    if (is_kind(coro, Kind::AsyncGenStep)) {
        // aclose() run as a task (asyncio.run's shutdown_asyncgens)
        auto* g = static_cast<GenObj*>(static_cast<AsyncGenStep*>(coro.o)->gen.o);
        if (!g->frame || !g->started) {
            if (g->frame) { Frame* f = g->frame; g->frame = nullptr; free_frame(f); }
            return {RunStatus::Returned, Value::none()};
        }
        if (g->running) {
            raise(T.RuntimeError, "aclose(): asynchronous generator is already running");
            return {RunStatus::Raised, take_exc()};
        }
        g->running = true;
        Frame* fr = g->frame;
        fr->mode = FrameMode::AGenClose;
        fr->back = nullptr;
        th.top = th.bottom = fr;
        th.depth = 1;
        return resume(th, Value(), make_exception(T.GeneratorExit, {}));
    }
    auto* g = static_cast<GenObj*>(coro.o);
    if (!g->frame || g->started) {
        RunResult r{RunStatus::Raised, Value()};
        raise(T.RuntimeError, "cannot reuse already awaited coroutine");
        r.value = take_exc();
        return r;
    }
    g->started = true;
    g->running = true;
    g->awaited = true;
    Frame* fr = g->frame;
    fr->mode = FrameMode::Entry;
    fr->back = nullptr;
    th.top = th.bottom = fr;
    th.depth = 1;
    Thread* saved = cur_;
    cur_ = &th;
    Value r = execute(fr);
    cur_ = saved;
    return run_result(std::move(r), th);
}

RunResult Vm::start_call(FunctionObj* fn, Value* args, int nargs, Thread& th) {
    Frame* fr = setup_frame(fn, args, nargs, nullptr, nullptr, 0);
    if (!fr) return {RunStatus::Raised, take_exc()};
    fr->mode = FrameMode::Entry;
    fr->back = nullptr;
    th.top = th.bottom = fr;
    th.depth = 1;
    return resume(th, Value(), Value());
}

RunResult Vm::run_result(Value r, Thread& th) {
    RunResult out{RunStatus::Returned, Value()};
    if (!suspend_request_.is_null()) {
        out.status = RunStatus::Suspended;
        out.value = std::move(suspend_request_);
        suspend_request_ = Value();
    } else if (r.is_null()) {
        out.status = RunStatus::Raised;
        out.value = take_exc();
        th.top = th.bottom = nullptr;
    } else {
        out.value = std::move(r);
        th.top = th.bottom = nullptr;
    }
    return out;
}

RunResult Vm::resume(Thread& th, Value value, Value exc) {
    Thread* saved = cur_;
    cur_ = &th;
    Frame* top = th.top;
    bool fresh = top->pc == 0 && top == th.bottom && value.is_null() && exc.is_null();
    if (!exc.is_null()) {
        rt_.exc = std::move(exc);
        top->entry_nested = true;  // marks "raise at resume"
    } else if (!fresh) {
        top->stack()[top->sp++] = value.is_null() ? Value::none() : std::move(value);
    }
    Value r = execute(th.bottom);
    cur_ = saved;
    return run_result(std::move(r), th);
}

void Vm::abandon(Thread& th) {
    Thread* saved = cur_;
    cur_ = &th;
    while (th.top) {
        Frame* f = th.top;
        if (f->gen) { th.top = f->back; f->back = nullptr; continue; }  // owned by its generator
        pop_frame(f);
    }
    th.bottom = nullptr;
    cur_ = saved;
}

// ---- the dispatch loop -----------------------------------------------------------
static StrObj* S(const char* s) { return rt().intern(s); }

static void add_traceback(Frame* f) {
    Value& e = rt().exc;
    if (!is_kind(e, Kind::Exception) || f->code->library) return;
    int pc = f->pc > 0 ? f->pc - 1 : 0;
    int line = pc < static_cast<int>(f->code->lines.size()) ? f->code->lines[pc] : 0;
    auto* ex = static_cast<ExceptionObj*>(e.o);
    if (ex->traceback.size() < 64) ex->traceback.push_back({f->code->name, line});
}

static Value current_handled(Thread* th) {
    for (Frame* f = th ? th->top : nullptr; f; f = f->back)
        if (!f->cur_exc.is_null()) return f->cur_exc;
    return Value();
}

// (the compiler's finish() makes one hint per name)
static inline Code::NameHint& name_hint(Code* code, std::int32_t i) {
    assert(code->name_hints.size() == code->names.size());
    return code->name_hints[i];
}

// The value at entry `slot` of `d` if that entry's key is `name`, else null.
static inline Value* hinted(DictObj* d, std::int32_t slot, const Object* name) {
    if (slot < 0 || static_cast<std::size_t>(slot) >= d->entries.size()) return nullptr;
    auto& e = d->entries[slot];
    return e.key.tag == Tag::Obj && e.key.o == name ? &e.value : nullptr;
}

// The entry of `d` holding the code's name `i`, through the code's per-name
// hint (refreshed on a miss); null when `d` lacks the name. Names are
// interned, so a hint is valid exactly when its entry's key is the same object.
static inline Value* cached_name(Code* code, std::int32_t i, DictObj* d) {
    std::int32_t& slot = name_hint(code, i).slot;
    auto* name = static_cast<StrObj*>(code->names[i].o);
    if (Value* hit = hinted(d, slot, name)) return hit;
    slot = dict_find_str(d, name);
    return slot < 0 ? nullptr : &d->entries[slot].value;
}

static inline Code::AttrHint& attr_hint(Code* code, std::int32_t i) {
    assert(code->attr_hints.size() == code->names.size());
    return code->attr_hints[i];
}

// The value of the code's name `i` in a module's dict, through the name's
// hint (refreshed on a miss); null when the dict lacks it. What getattr()
// finds first for a module, without hashing the name.
static inline Value* module_attr(Code* code, std::int32_t i, const Value& o) {
    DictObj* d = static_cast<ModuleObj*>(o.o)->dict;
    std::int32_t& slot = attr_hint(code, i).module_slot;
    auto* name = static_cast<StrObj*>(code->names[i].o);
    if (Value* hit = hinted(d, slot, name)) return hit;
    slot = dict_find_str(d, name);
    return slot < 0 ? nullptr : &d->entries[slot].value;
}

// ClassObj::lookup(name `i`) for LoadMethod, cached for a builtin type (its
// dicts, and its MRO's, never change; a user class goes the generic way).
static inline Value method_lookup(Code* code, std::int32_t i, ClassObj* cls) {
    if (cls->user) return cls->lookup(as_str(code->names[i]));
    Code::AttrHint& h = attr_hint(code, i);
    if (h.type.tag == Tag::Obj && h.type.o == cls) return h.method;
    Value m = cls->lookup(as_str(code->names[i]));
    h.type = Value(static_cast<Object*>(cls));
    h.method = m;
    return m;
}

// The int fast paths of BinaryOp and CompareOp (and their superinstructions;
// forced inline: g++ keeps them out of line in the dispatch loop otherwise):
// false when the generic operation must run (other ops, overflow to a big int).
[[gnu::always_inline]] static inline bool int_arith(BinOpKind op, std::int64_t a, std::int64_t b, std::int64_t& r) {
    switch (op) {
        case BinOpKind::Add: return !__builtin_add_overflow(a, b, &r);
        case BinOpKind::Sub: return !__builtin_sub_overflow(a, b, &r);
        case BinOpKind::Mult: return !__builtin_mul_overflow(a, b, &r);
        default: return false;
    }
}
[[gnu::always_inline]] static inline bool int_compare(CmpOpKind op, std::int64_t a, std::int64_t b, bool& r) {
    switch (op) {
        case CmpOpKind::Lt: r = a < b; return true;
        case CmpOpKind::LtE: r = a <= b; return true;
        case CmpOpKind::Gt: r = a > b; return true;
        case CmpOpKind::GtE: r = a >= b; return true;
        case CmpOpKind::Eq: r = a == b; return true;
        case CmpOpKind::NotEq: r = a != b; return true;
        default: return false;
    }
}

Value format_value(const Value& v, const Value& spec);  // builtins.cpp
Value import_module(StrObj* name);                      // modules.cpp

// The dispatch loop returns to this wrapper now and then (frames keep all
// their state) and is entered again: WebAssembly engines replace a function
// by its optimized code only on a new call (no on-stack replacement), and a
// CPU-bound scenario would otherwise run its whole life in the baseline tier.
Value Vm::execute(Frame* entry) {
    while (true) {
        reenter_ = false;
        Value r = execute_loop(entry);
        if (!reenter_) return r;
    }
}

bool Vm::call_suspends(Frame* entry) {
    if (has_exc() || suspend_request_.is_null()) return false;
    if (nested_ > 0 && cur_->bottom != entry) {
        suspend_request_ = Value();
        raise(T.RuntimeError, "not supported in corolab: suspending the event loop from here");
        return false;
    }
    return true;
}

Vm::BudgetCheck Vm::check_budgets() {
    // Every 4096 steps, or at once when an allocation went over the
    // memory budget (budget.cpp zeroes next_check_).
    next_check_ = std::min(step_limit + 1, steps + 4096);
    if (!fatal()) {
        if (steps > step_limit) budget_exhausted(this, "steps", static_cast<std::size_t>(step_limit));
        else if (stop_requested) set_fatal("stop", "stopped");
        else check_memory();
    }
    if (fatal()) {
        next_check_ = 0;  // from now on every check stops
        return BudgetCheck::Stop;
    }
    if ((steps & 0xFFFF) < 4096) {
        if (progress) progress(progress_ctx);
        reenter_ = true;  // see execute()
        return BudgetCheck::Reenter;
    }
    return BudgetCheck::Go;
}

Value Vm::execute_loop(Frame* entry) {
    Frame* f = cur_->top;
    Value* st;
    Instr* code;
    bool reraise = false;
#define LOAD_FRAME() (st = f->stack(), code = f->code->code.data())
// Makes `nf` (set up by the caller) the running frame: it returns to `f`.
#define ENTER_FRAME(nf, how) \
    ((nf)->mode = (how), (nf)->back = f, cur_->top = (nf), ++cur_->depth, f = (nf), LOAD_FRAME())
#define PUSH(v) (new (&st[f->sp++]) Value(v))  // built in place: every slot above sp is Null
#define POP() (Value(std::move(st[--f->sp])))  // a temporary: the slot is left Null even when bound to a const&
#define TOP() (st[f->sp - 1])
#define PEEK(n) (st[f->sp - (n)])
    // Steps: each instruction is one step, counted in a register and added
    // to `steps` when the loop returns and at each budget check. Budgets are
    // checked at loop back-edges and calls only: code between two checks is
    // straight-line, so a runaway still stops within a bounded number of steps.
    struct StepTally {
        std::uint64_t& total;
        std::uint64_t n = 0;
        ~StepTally() { total += n; }
    } tally{steps};
#define CHECK_BUDGET()                                                    \
    do {                                                                  \
        steps += tally.n;                                                 \
        tally.n = 0;                                                      \
        if (steps >= next_check_) {                                       \
            BudgetCheck c = check_budgets();                              \
            if (c == BudgetCheck::Reenter) return Value();  /* execute() */ \
            if (c == BudgetCheck::Stop) { reraise = true; goto error; }   \
        }                                                                 \
    } while (0)
    LOAD_FRAME();
    if (f->entry_nested) {  // resumed with an exception
        f->entry_nested = false;
        reraise = false;
        goto error;
    }
    CHECK_BUDGET();  // a call from C++ (or a resumed task) is a call too
    for (;;) {
        ++tally.n;
        {
        Instr in = code[f->pc++];
        switch (in.op) {
            case Op::Nop: break;
            case Op::PopTop: --f->sp; st[f->sp] = Value(); break;
            case Op::DupTop: { Value v = TOP(); PUSH(std::move(v)); break; }
            case Op::DupTop2: { Value a = PEEK(2), b = PEEK(1); PUSH(std::move(a)); PUSH(std::move(b)); break; }
            case Op::RotTwo: st[f->sp - 1].swap(st[f->sp - 2]); break;
            case Op::RotThree: {
                Value t = POP();
                Value b = POP();
                Value c = POP();
                PUSH(std::move(t)); PUSH(std::move(c)); PUSH(std::move(b));
                break;
            }
            case Op::LoadConst: PUSH(f->code->consts[in.arg]); break;
            case Op::LoadFast: PUSH(f->slots[in.arg]); break;
            // The superinstructions that start with a load of a local (either
            // op): an unbound one goes to the generic load, which raises.
            case Op::LoadFastLoadFast: {
                const Value& a = f->slots[in.arg];
                const Value& b = f->slots[code[f->pc].arg];
                if (a.is_null() || b.is_null()) goto load_fast_checked;
                PUSH(a);
                PUSH(b);
                ++f->pc;
                ++tally.n;  // the skipped op's step
                break;
            }
            case Op::LoadFastLoadConst: {
                const Value& a = f->slots[in.arg];
                if (a.is_null()) goto load_fast_checked;
                PUSH(a);
                PUSH(f->code->consts[code[f->pc++].arg]);
                ++tally.n;
                break;
            }
            case Op::LoadFastConstBinary: case Op::LoadFastConstCompare: {
                // `x + 1`, `n < 2`: both ints, no overflow; else the two loads
                // and the generic op after them
                const Value& a = f->slots[in.arg];
                const Value& b = f->code->consts[code[f->pc].arg];
                if (a.is_null()) goto load_fast_checked;
                if (a.tag == Tag::Int && b.tag == Tag::Int) {
                    int kind = code[f->pc + 1].arg;
                    if (in.op == Op::LoadFastConstBinary) {
                        std::int64_t r;
                        if (int_arith(static_cast<BinOpKind>(kind), a.i, b.i, r)) {
                            PUSH(Value::integer(r));
                            f->pc += 2;
                            tally.n += 2;
                            break;
                        }
                    } else {
                        bool r;
                        if (int_compare(static_cast<CmpOpKind>(kind), a.i, b.i, r)) {
                            if (code[f->pc + 1].op == Op::CompareJump) {
                                // `if n < 2:` whole (the compare was fused with
                                // its jump): no bool pushed, as CompareJump does
                                Instr jump = code[f->pc + 2];
                                f->pc += 3;
                                tally.n += 3;
                                if (r == (jump.op == Op::PopJumpIfTrue)) {
                                    bool back = jump.arg < f->pc;
                                    f->pc = jump.arg;
                                    if (back) CHECK_BUDGET();
                                }
                                break;
                            }
                            PUSH(Value::boolean(r));
                            f->pc += 2;
                            tally.n += 2;
                            break;
                        }
                    }
                }
                PUSH(a);
                PUSH(b);
                ++f->pc;
                ++tally.n;
                break;
            }
            case Op::LoadFastChecked: load_fast_checked: {
                const Value& v = f->slots[in.arg];
                if (v.is_null()) {
                    raise(T.UnboundLocalError, "cannot access local variable '" + as_str(f->code->local_names[in.arg])->s +
                                                   "' where it is not associated with a value");
                    goto error;
                }
                PUSH(v);
                break;
            }
            case Op::StoreFast: f->slots[in.arg] = POP(); break;
            case Op::DeleteFast: f->slots[in.arg] = Value(); break;
            case Op::LoadDeref: {
                auto* cell = static_cast<CellObj*>(f->cells()[in.arg].o);
                if (cell->value.is_null()) {
                    raise(T.NameError, "cannot access free variable where it is not associated with a value in enclosing scope");
                    goto error;
                }
                PUSH(cell->value);
                break;
            }
            case Op::StoreDeref: static_cast<CellObj*>(f->cells()[in.arg].o)->value = POP(); break;
            case Op::LoadClosure: PUSH(f->cells()[in.arg]); break;
            case Op::LoadGlobal: case Op::LoadName: {
                DictObj* first = in.op == Op::LoadName && f->ns ? f->ns : f->globals;
                const Code::NameHint& h = name_hint(f->code, in.arg);
                const Object* key = f->code->names[in.arg].o;
                if (Value* hit = hinted(first, h.slot, key)) { PUSH(*hit); break; }
                // fast path of the lookups below for a builtin (str, len, range):
                // these globals lacked the name and have gained or lost no key since
                if (h.globals == first && h.version == first->keys_version && first == f->globals)
                    if (Value* hit = hinted(rt_.builtins, h.builtin_slot, key)) { PUSH(*hit); break; }
                if (Value* hit = cached_name(f->code, in.arg, first)) { PUSH(*hit); break; }
                StrObj* name = as_str(f->code->names[in.arg]);
                Value v;  // `first` lacks the name
                if (first != f->globals) v = dict_get_str(f->globals, name);
                if (v.is_null()) {
                    std::int32_t e = dict_find_str(rt_.builtins, name);
                    if (e >= 0) {
                        v = rt_.builtins->entries[e].value;
                        if (first == f->globals) {
                            Code::NameHint& h = name_hint(f->code, in.arg);
                            h.globals = first;
                            h.version = first->keys_version;
                            h.builtin_slot = e;
                        }
                    }
                }
                if (v.is_null()) {
                    raise(T.NameError, "name '" + name->s + "' is not defined");
                    goto error;
                }
                PUSH(std::move(v));
                break;
            }
            case Op::StoreGlobal: case Op::StoreName: {
                DictObj* d = in.op == Op::StoreName && f->ns ? f->ns : f->globals;
                if (Value* hit = cached_name(f->code, in.arg, d)) { *hit = POP(); break; }
                dict_set(d, f->code->names[in.arg], POP());
                break;
            }
            case Op::DeleteGlobal: case Op::DeleteName: {
                DictObj* d = in.op == Op::DeleteName && f->ns ? f->ns : f->globals;
                if (dict_del(d, f->code->names[in.arg]) <= 0) {
                    if (!has_exc()) raise(T.NameError, "name '" + as_str(f->code->names[in.arg])->s + "' is not defined");
                    goto error;
                }
                break;
            }
            case Op::LoadAttr: {
                Value o = POP();
                if (is_kind(o, Kind::Module))  // fast path of getattr() for a module's own name
                    if (Value* hit = module_attr(f->code, in.arg, o)) { PUSH(*hit); break; }
                Value v = getattr(o, as_str(f->code->names[in.arg]));
                if (v.is_null()) goto error;
                PUSH(std::move(v));
                break;
            }
            case Op::StoreAttr: {
                Value o = POP();
                Value v = POP();
                if (!setattr(o, as_str(f->code->names[in.arg]), v)) goto error;
                break;
            }
            case Op::DeleteAttr: {
                Value o = POP();
                if (!delattr(o, as_str(f->code->names[in.arg]))) goto error;
                break;
            }
            case Op::LoadMethod: {
                Value o = POP();
                StrObj* name = as_str(f->code->names[in.arg]);
                ClassObj* cls = type_of(o);
                // the method-call fast path: functions found on the type
                // (classes, modules and super() look attributes up differently)
                bool plain = true;
                if (o.tag == Tag::Obj) {
                    Kind k = static_cast<Obj*>(o.o)->kind;
                    plain = k != Kind::Class && k != Kind::Module && k != Kind::Super;
                }
                if (!plain && is_kind(o, Kind::Module)) {  // fast path of getattr() below (asyncio.sleep)
                    if (Value* hit = module_attr(f->code, in.arg, o)) {
                        PUSH(*hit);
                        PUSH(Value());
                        break;
                    }
                }
                if (plain) {
                    Value m = method_lookup(f->code, in.arg, cls);
                    bool inst_has = false;
                    if (!m.is_null() && (is_kind(m, Kind::Function) || is_kind(m, Kind::Builtin))) {
                        if (is_kind(o, Kind::Instance) || is_kind(o, Kind::Exception)) {
                            DictObj* d = static_cast<InstanceObj*>(o.o)->dict;
                            inst_has = d && !dict_get_str(d, name).is_null();
                        }
                        if (!inst_has) {
                            PUSH(std::move(m));
                            PUSH(std::move(o));
                            break;
                        }
                    }
                }
                Value v = getattr(o, name);
                if (v.is_null()) goto error;
                PUSH(std::move(v));
                PUSH(Value());
                break;
            }
            case Op::LoadSubscr: {
                Value k = POP();
                Value o = POP();
                Value v = getitem(o, k);
                if (v.is_null()) goto error;
                PUSH(std::move(v));
                break;
            }
            case Op::StoreSubscr: {
                Value k = POP();
                Value o = POP();
                Value v = POP();
                if (!setitem(o, k, v)) goto error;
                break;
            }
            case Op::DeleteSubscr: {
                Value k = POP();
                Value o = POP();
                if (!delitem(o, k)) goto error;
                break;
            }
            case Op::BinaryOp: case Op::InplaceOp: {
                Value b = POP();
                Value& a = TOP();
                std::int64_t r;
                if (a.tag == Tag::Int && b.tag == Tag::Int && int_arith(static_cast<BinOpKind>(in.arg), a.i, b.i, r)) {
                    a.i = r;
                    break;
                }
                if (in.op == Op::InplaceOp && is_kind(a, Kind::BigInt) && a.o->refcnt == 2 && !a.o->immortal &&
                    code[f->pc].op == Op::StoreFast && f->slots[code[f->pc].arg].tag == Tag::Obj &&
                    f->slots[code[f->pc].arg].o == a.o) {
                    // `total += x` on a big int that only this local and the
                    // stack hold, stored straight back: no one can see it change
                    Value v = inplace_big_op(static_cast<BinOpKind>(in.arg), a, b);
                    if (v.is_null()) goto error;
                    if (v.tag != Tag::Obj || v.o != a.o) a = std::move(v);
                    break;
                }
                Value v = binary_op(static_cast<BinOpKind>(in.arg), a, b, in.op == Op::InplaceOp);
                if (v.is_null()) goto error;
                a = std::move(v);
                break;
            }
            case Op::CompareJump: {
                // `a < b` then a conditional jump, both ints: no bool pushed
                const Value& a = PEEK(2);
                const Value& b = PEEK(1);
                bool r;
                if (a.tag == Tag::Int && b.tag == Tag::Int && int_compare(static_cast<CmpOpKind>(in.arg), a.i, b.i, r)) {
                    --f->sp; st[f->sp] = Value();
                    --f->sp; st[f->sp] = Value();
                    Instr jump = code[f->pc++];
                    ++tally.n;
                    if (r == (jump.op == Op::PopJumpIfTrue)) {
                        bool back = jump.arg < f->pc;
                        f->pc = jump.arg;
                        if (back) CHECK_BUDGET();
                    }
                    break;
                }
            }
                [[fallthrough]];  // the generic CompareOp, then the jump
            case Op::CompareOp: {
                Value b = POP();
                Value& a = TOP();
                bool r;
                if (a.tag == Tag::Int && b.tag == Tag::Int && int_compare(static_cast<CmpOpKind>(in.arg), a.i, b.i, r)) {
                    a = Value::boolean(r);
                    break;
                }
                Value v = compare_op(static_cast<CmpOpKind>(in.arg), a, b);
                if (v.is_null()) goto error;
                a = std::move(v);
                break;
            }
            case Op::UnaryOp: {
                Value v = unary_op(static_cast<UnaryOpKind>(in.arg), TOP());
                if (v.is_null()) goto error;
                TOP() = std::move(v);
                break;
            }
            case Op::Jump: {
                bool back = in.arg < f->pc;
                f->pc = in.arg;
                if (back) CHECK_BUDGET();  // a loop's back-edge
                break;
            }
            case Op::PopJumpIfFalse: case Op::PopJumpIfTrue: {
                Value v = POP();
                int t;
                if (v.tag == Tag::Bool) t = v.b;
                else {
                    t = truthy(v);
                    if (t < 0) goto error;
                }
                if ((t != 0) == (in.op == Op::PopJumpIfTrue)) {
                    bool back = in.arg < f->pc;
                    f->pc = in.arg;
                    if (back) CHECK_BUDGET();
                }
                break;
            }
            case Op::JumpIfFalseOrPop: case Op::JumpIfTrueOrPop: {
                int t = truthy(TOP());
                if (t < 0) goto error;
                if ((t != 0) == (in.op == Op::JumpIfTrueOrPop)) f->pc = in.arg;
                else { --f->sp; st[f->sp] = Value(); }
                break;
            }
            case Op::GetIter: {
                Value v = get_iter(TOP());
                if (v.is_null()) goto error;
                TOP() = std::move(v);
                break;
            }
            case Op::ForIterStoreFast: {
                // `for x in range(...)`: the next int goes straight to x
                Value& it = TOP();
                if (is_kind(it, Kind::Iterator) && static_cast<IterObj*>(it.o)->mode == IterObj::Mode::Range) {
                    auto* io = static_cast<IterObj*>(it.o);
                    if (io->end > 0) {
                        --io->end;
                        f->slots[code[f->pc++].arg] = Value::integer(io->pos);
                        ++tally.n;
                        io->pos += io->step;
                    } else {
                        --f->sp; st[f->sp] = Value();
                        f->pc = in.arg;
                    }
                    break;
                }
            }
                [[fallthrough]];  // the generic ForIter, then the store
            case Op::ForIter: {
                Value& it = TOP();
                if (is_kind(it, Kind::Iterator)) {
                    auto* io = static_cast<IterObj*>(it.o);
                    if (io->mode == IterObj::Mode::Range) {
                        if (io->end > 0) {
                            --io->end;
                            PUSH(Value::integer(io->pos));
                            io->pos += io->step;
                        } else {
                            --f->sp; st[f->sp] = Value();
                            f->pc = in.arg;
                        }
                        break;
                    }
                } else if (is_kind(it, Kind::Generator)) {
                    auto* g = static_cast<GenObj*>(it.o);
                    if (!g->frame) { --f->sp; st[f->sp] = Value(); f->pc = in.arg; break; }
                    if (g->running) { raise(T.ValueError, "generator already executing"); goto error; }
                    if (cur_->depth >= recursion_limit) { raise(T.RecursionError, "maximum recursion depth exceeded"); goto error; }
                    Frame* gf = g->frame;
                    if (g->started) gf->stack()[gf->sp++] = Value::none();
                    g->started = true;
                    g->running = true;
                    ENTER_FRAME(gf, FrameMode::ForIter);
                    CHECK_BUDGET();
                    break;
                }
                Value v = iter_next(it);
                if (v.is_null()) {
                    if (has_exc()) goto error;
                    --f->sp; st[f->sp] = Value();
                    f->pc = in.arg;
                    break;
                }
                PUSH(std::move(v));
                break;
            }
            case Op::BuildTuple: case Op::BuildList: {
                std::vector<Value> items(in.arg);
                for (int i = in.arg - 1; i >= 0; --i) items[i] = POP();
                PUSH(in.op == Op::BuildTuple ? tuple_value(std::move(items)) : list_value(std::move(items)));
                break;
            }
            case Op::BuildSet: {
                Value s = new_set();
                for (int i = in.arg; i >= 1; --i)
                    if (!set_add(static_cast<SetObj*>(s.o), PEEK(i))) goto error;
                for (int i = 0; i < in.arg; ++i) { --f->sp; st[f->sp] = Value(); }
                PUSH(std::move(s));
                break;
            }
            case Op::BuildMap: {
                Value d = new_dict();
                for (int i = in.arg; i >= 1; --i)
                    if (!dict_set(static_cast<DictObj*>(d.o), PEEK(2 * i), PEEK(2 * i - 1))) goto error;
                for (int i = 0; i < 2 * in.arg; ++i) { --f->sp; st[f->sp] = Value(); }
                PUSH(std::move(d));
                break;
            }
            case Op::BuildSlice: {
                SliceObj* s = make<SliceObj>();
                s->step = POP();
                s->stop = POP();
                s->start = POP();
                PUSH(Value(s));
                break;
            }
            case Op::BuildString: {
                std::string out;
                for (int i = in.arg; i >= 1; --i) out += as_str(PEEK(i))->s;
                for (int i = 0; i < in.arg; ++i) { --f->sp; st[f->sp] = Value(); }
                PUSH(str_value(std::move(out)));
                break;
            }
            case Op::FormatValue: {
                Value spec;
                if (in.arg >> 8) spec = POP();
                Value v = POP();
                char conv = static_cast<char>(in.arg & 0xff);
                if (conv == 'r' || conv == 'a') v = repr_of(v);
                else if (conv == 's') v = str_of(v);
                if (v.is_null()) goto error;
                Value r = format_value(v, spec);
                if (r.is_null()) goto error;
                PUSH(std::move(r));
                break;
            }
            case Op::ListAppend: {
                Value v = POP();
                static_cast<ListObj*>(PEEK(in.arg).o)->items.push_back(std::move(v));
                break;
            }
            case Op::SetAdd: {
                Value v = POP();
                if (!set_add(static_cast<SetObj*>(PEEK(in.arg).o), v)) goto error;
                break;
            }
            case Op::MapAdd: {
                Value v = POP();
                Value k = POP();
                if (!dict_set(static_cast<DictObj*>(PEEK(in.arg).o), k, v)) goto error;
                break;
            }
            case Op::ListExtend: {
                Value v = POP();
                if (!collect(v, static_cast<ListObj*>(PEEK(in.arg).o)->items)) {
                    if (exc_matches(rt_.exc, T.TypeError)) {
                        take_exc();
                        raise(T.TypeError, "Value after * must be an iterable, not " + type_name(v));
                    }
                    goto error;
                }
                break;
            }
            case Op::SetUpdate: {
                Value v = POP();
                std::vector<Value> items;
                if (!collect(v, items)) goto error;
                for (auto& x : items) if (!set_add(static_cast<SetObj*>(PEEK(in.arg).o), x)) goto error;
                break;
            }
            case Op::DictUpdate: {
                Value v = POP();
                auto* d = static_cast<DictObj*>(PEEK(in.arg).o);
                if (!is_kind(v, Kind::Dict)) { raise(T.TypeError, "'" + type_name(v) + "' object is not a mapping"); goto error; }
                for (auto& e : static_cast<DictObj*>(v.o)->entries)
                    if (!e.key.is_null() && !dict_set(d, e.key, e.value)) goto error;
                break;
            }
            case Op::ListToTuple: {
                Value l = POP();
                PUSH(tuple_value(static_cast<ListObj*>(l.o)->items));
                break;
            }
            case Op::UnpackSequence: case Op::UnpackEx: {
                Value seq = POP();
                std::vector<Value> items;
                if (!collect(seq, items)) {
                    if (exc_matches(rt_.exc, T.TypeError)) {
                        take_exc();
                        raise(T.TypeError, "cannot unpack non-iterable " + type_name(seq) + " object");
                    }
                    goto error;
                }
                if (in.op == Op::UnpackSequence) {
                    if (static_cast<int>(items.size()) != in.arg) {
                        if (static_cast<int>(items.size()) > in.arg)
                            raise(T.ValueError, "too many values to unpack (expected " + std::to_string(in.arg) + ")");
                        else
                            raise(T.ValueError, "not enough values to unpack (expected " + std::to_string(in.arg) + ", got " + std::to_string(items.size()) + ")");
                        goto error;
                    }
                    for (int i = in.arg - 1; i >= 0; --i) PUSH(std::move(items[i]));
                } else {
                    int before = in.arg & 0xff, after = in.arg >> 8;
                    if (static_cast<int>(items.size()) < before + after) {
                        raise(T.ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) + ", got " + std::to_string(items.size()) + ")");
                        goto error;
                    }
                    int n = static_cast<int>(items.size());
                    for (int i = n - 1; i >= n - after; --i) PUSH(std::move(items[i]));
                    std::vector<Value> mid(items.begin() + before, items.begin() + (n - after));
                    PUSH(list_value(std::move(mid)));
                    for (int i = before - 1; i >= 0; --i) PUSH(std::move(items[i]));
                }
                break;
            }
            case Op::CallFunction: case Op::CallMethod: {
                // fast path: a plain Python function called with exactly its
                // positional parameters (the common case, no temporaries)
                bool method = in.op == Op::CallMethod;
                Value* fslot = &st[f->sp - in.arg - (method ? 2 : 1)];
                if (is_kind(*fslot, Kind::Function) && cur_->depth < recursion_limit) {
                    auto* fn = static_cast<FunctionObj*>(fslot->o);
                    Code* c = fn->code;
                    bool self = method && !fslot[1].is_null();
                    int argc = in.arg + (self ? 1 : 0);
                    if (argc == c->nargs && c->simple_args() && c->ncells == 0 && c->nfree == 0 &&
                        !c->is_generator && !c->is_coroutine && !c->is_async_gen) {
                        Value* fargs = fslot + (method && !self ? 2 : 1);
                        Frame* nf = alloc_frame(c);
                        for (int i = 0; i < argc; ++i) nf->slots[i] = std::move(fargs[i]);
                        nf->func = std::move(*fslot);
                        nf->globals = fn->globals;
                        nf->ns = nullptr;
                        f->sp -= in.arg + (method ? 2 : 1);  // every popped slot is now Null
                        ENTER_FRAME(nf, FrameMode::Call);
                        CHECK_BUDGET();
                        break;
                    }
                }
                if (is_kind(*fslot, Kind::Builtin) || is_kind(*fslot, Kind::Class)) {
                    // builtins and types with positional arguments (str(i),
                    // len(x), parts.append(x)): what the generic path below
                    // does for them, without its argument vectors
                    bool self = method && !fslot[1].is_null();
                    Value r = call_nonpy(*fslot, fslot + (method && !self ? 2 : 1), in.arg + (self ? 1 : 0), nullptr, nullptr, 0);
                    for (int i = in.arg + (method ? 2 : 1); i > 0; --i) { --f->sp; st[f->sp] = Value(); }
                    if (r.is_null()) {
                        if (call_suspends(entry)) return Value();  // resume pushes the result
                        goto error;
                    }
                    PUSH(std::move(r));
                    break;
                }
            }
                [[fallthrough]];
            case Op::CallKw: case Op::CallEx: {
                int nargs, nkw = 0;
                Value* args;
                Value func;
                std::vector<StrObj*> kwn;
                std::vector<Value> exargs, kwv;
                Value kwnames;
                int pop_count;
                if (in.op == Op::CallFunction) {
                    nargs = in.arg;
                    args = &st[f->sp - nargs];
                    func = st[f->sp - nargs - 1];
                    pop_count = nargs + 1;
                } else if (in.op == Op::CallMethod) {
                    Value& self = st[f->sp - in.arg - 1];
                    func = st[f->sp - in.arg - 2];
                    pop_count = in.arg + 2;
                    if (self.is_null()) { nargs = in.arg; args = &st[f->sp - nargs]; }
                    else { nargs = in.arg + 1; args = &self; }
                } else if (in.op == Op::CallKw) {
                    kwnames = POP();
                    auto& names = static_cast<TupleObj*>(kwnames.o)->items;
                    nkw = static_cast<int>(names.size());
                    nargs = in.arg - nkw;
                    args = &st[f->sp - in.arg];
                    func = st[f->sp - in.arg - 1];
                    for (auto& n : names) kwn.push_back(as_str(n));
                    for (int i = 0; i < nkw; ++i) kwv.push_back(st[f->sp - nkw + i]);
                    pop_count = in.arg + 1;
                } else {
                    Value kw = POP();
                    Value pos = POP();
                    func = POP();
                    pop_count = 0;
                    exargs = static_cast<TupleObj*>(pos.o)->items;
                    for (auto& e : static_cast<DictObj*>(kw.o)->entries) {
                        if (e.key.is_null()) continue;
                        if (!is_str(e.key)) { raise(T.TypeError, "keywords must be strings"); goto error; }
                        kwn.push_back(as_str(e.key));
                        kwv.push_back(e.value);
                    }
                    nkw = static_cast<int>(kwn.size());
                    nargs = static_cast<int>(exargs.size());
                    args = exargs.data();
                }
                // bound methods of Python functions: unwrap without allocating
                Value self_holder;
                Value call_method;
                if (is_kind(func, Kind::Instance)) {
                    // an instance whose class defines __call__ in Python
                    // (functools.partial): called as the bound method, so its
                    // frame runs here (a simulated thread can block in it)
                    Value c = static_cast<Obj*>(func.o)->cls->lookup(S("__call__"));
                    if (is_kind(c, Kind::Function)) call_method = Value(make<MethodObj>(c, func));
                }
                if (!call_method.is_null()) func = call_method;
                if (is_kind(func, Kind::Method) && is_kind(static_cast<MethodObj*>(func.o)->func, Kind::Function)) {
                    auto* m = static_cast<MethodObj*>(func.o);
                    if (args == exargs.data()) {  // CallEx: the arguments are in exargs already
                        exargs.insert(exargs.begin(), m->self);
                    } else {
                        exargs.assign(1, m->self);
                        exargs.insert(exargs.end(), args, args + nargs);
                    }
                    args = exargs.data();
                    ++nargs;
                    self_holder = func;
                    func = m->func;
                }
                if (is_kind(func, Kind::Function)) {
                    auto* fn = static_cast<FunctionObj*>(func.o);
                    Frame* nf = setup_frame(fn, args, nargs, kwn.data(), kwv.data(), nkw);
                    for (int i = 0; i < pop_count; ++i) { --f->sp; st[f->sp] = Value(); }
                    if (!nf) goto error;
                    Code* c = fn->code;
                    if (c->is_generator || c->is_coroutine || c->is_async_gen) {
                        PUSH(make_gen(fn, nf));
                        break;
                    }
                    if (cur_->depth >= recursion_limit) {
                        free_frame(nf);
                        raise(T.RecursionError, "maximum recursion depth exceeded");
                        goto error;
                    }
                    ENTER_FRAME(nf, FrameMode::Call);
                    CHECK_BUDGET();
                    break;
                }
                Value r = call_nonpy(func, args, nargs, kwn.data(), kwv.data(), nkw);
                for (int i = 0; i < pop_count; ++i) { --f->sp; st[f->sp] = Value(); }
                if (r.is_null()) {
                    if (call_suspends(entry)) return Value();  // resume pushes the result
                    goto error;
                }
                PUSH(std::move(r));
                break;
            }
            case Op::MakeFunction: {
                Code* c = f->code->children[in.arg & 0xffff];
                int flags = in.arg >> 16;
                FunctionObj* fn = make<FunctionObj>(c, f->globals);
                Value fv(fn);
                fn->name = Value(rt_.intern(c->name));
                fn->qualname = Value(rt_.intern(c->qualname));
                if (flags & kFnClosure) { Value cl = POP(); fn->closure = static_cast<TupleObj*>(cl.o)->items; }
                if (flags & kFnAnnotations) {
                    fn->dict = new_dict();
                    dict_set_str(static_cast<DictObj*>(fn->dict.o), "__annotations__", POP());
                }
                if (flags & kFnKwDefaults) fn->kwdefaults = POP();
                if (flags & kFnDefaults) { Value d = POP(); fn->defaults = static_cast<TupleObj*>(d.o)->items; }
                PUSH(std::move(fv));
                break;
            }
            case Op::ReturnValue: {
                Value v = POP();
                Frame* done = f;
                FrameMode mode = f->mode;
                Frame* back = f->back;
                pop_frame(done);
                if (done == entry || mode == FrameMode::Entry) {
                    gen_yielded_ = false;
                    return v;
                }
                f = back;
                LOAD_FRAME();
                switch (mode) {
                    case FrameMode::ForIter: --f->sp; st[f->sp] = Value(); f->pc = code[f->pc - 1].arg; break;
                    case FrameMode::AGenNext:
                        if (is_kind(TOP(), Kind::AsyncGenStep) && !static_cast<AsyncGenStep*>(TOP().o)->dflt.is_null()) {
                            TOP() = static_cast<AsyncGenStep*>(TOP().o)->dflt;  // anext(agen, default)
                            break;
                        }
                        rt_.exc = make_exception(T.StopAsyncIteration, {});
                        goto error;
                    case FrameMode::Await: TOP() = std::move(v); break;  // replaces the awaitable
                    case FrameMode::AGenClose: TOP() = Value::none(); break;
                    default: PUSH(std::move(v)); break;
                }
                break;
            }
            case Op::YieldValue: {
                Value v = POP();
                Frame* g = f;
                g->gen->running = false;
                cur_->top = g->back;
                --cur_->depth;
                FrameMode mode = g->mode;
                Frame* back = g->back;
                g->back = nullptr;
                if (mode == FrameMode::AGenClose) {
                    // the generator stays suspended at this yield
                    raise(T.RuntimeError, "async generator ignored GeneratorExit");
                    if (g == entry) return Value();
                    f = back;
                    LOAD_FRAME();
                    goto error;
                }
                if (g == entry || mode == FrameMode::Entry) {
                    gen_yielded_ = true;
                    return v;
                }
                f = back;
                LOAD_FRAME();
                if (mode == FrameMode::AGenNext) TOP() = std::move(v);  // replaces the step object
                else PUSH(std::move(v));
                break;
            }
            case Op::YieldFromSend: {
                Value v = POP();
                bool done;
                Value r = delegate_send(TOP(), v, done);
                if (done) { TOP() = std::move(r); f->pc = in.arg; break; }
                if (r.is_null()) goto error;
                PUSH(std::move(r));
                break;
            }
            case Op::GetAwaitable: {
                Value& a = TOP();
                if (is_kind(a, Kind::Coroutine) || is_kind(a, Kind::AsyncGenStep)) break;
                if (is_engine_awaitable && is_engine_awaitable(a)) break;
                if (a.tag == Tag::Obj && a.o->cls->user) {
                    Value aw = a.o->cls->lookup(S("__await__"));
                    if (!aw.is_null()) { raise(T.RuntimeError, "not supported in corolab: __await__"); goto error; }
                }
                raise(T.TypeError, "object " + type_name(a) + " can't be used in 'await' expression");
                goto error;
            }
            case Op::Await: {
                if (is_kind(TOP(), Kind::Coroutine) || is_kind(TOP(), Kind::AsyncGenStep)) {
                    // the awaitable stays on the stack (it owns the awaited
                    // frame) until the awaited frame hands back its result
                    const Value& a = TOP();
                    GenObj* g;
                    FrameMode mode = FrameMode::Await;
                    Value send_val = Value::none();
                    bool throw_in = false;
                    Value thrown;  // athrow()'s exception
                    if (is_kind(a, Kind::AsyncGenStep)) {
                        auto* step = static_cast<AsyncGenStep*>(a.o);
                        g = static_cast<GenObj*>(step->gen.o);
                        mode = FrameMode::AGenNext;
                        if (!step->throw_exc.is_null() && !step->close) {
                            // athrow(): raised at the suspended yield; a yield answers, a return
                            // is StopAsyncIteration; on a finished generator it gives None
                            if (!g->frame) { TOP() = Value::none(); break; }
                            if (g->running) { raise(T.RuntimeError, "athrow(): asynchronous generator is already running"); goto error; }
                            if (!g->started) {  // raised before the first line: the generator ends
                                Frame* gf = g->frame;
                                g->frame = nullptr;
                                free_frame(gf);
                                rt_.exc = step->throw_exc;
                                goto error;
                            }
                            throw_in = true;
                            thrown = step->throw_exc;
                        } else if (!step->send.is_null() && !step->send.is_none()) {
                            if (g->frame && !g->started) {
                                raise(T.TypeError, "can't send non-None value to a just-started async generator");
                                goto error;
                            }
                            send_val = step->send;
                        }
                        if (step->close) {
                            // aclose(): a frame never started is just marked closed
                            mode = FrameMode::AGenClose;
                            throw_in = g->started && g->frame;
                            if (!throw_in && !g->running) {
                                if (g->frame) { Frame* gf = g->frame; g->frame = nullptr; free_frame(gf); }
                                TOP() = Value::none();
                                break;
                            }
                        } else if (!g->frame) {
                            Value d = static_cast<AsyncGenStep*>(a.o)->dflt;
                            if (!d.is_null()) { TOP() = std::move(d); break; }  // anext(agen, default)
                            rt_.exc = make_exception(T.StopAsyncIteration, {});
                            goto error;
                        }
                    } else {
                        g = static_cast<GenObj*>(a.o);
                        if (!g->frame || (g->started && !g->running && mode == FrameMode::Await)) {
                            raise(T.RuntimeError, "cannot reuse already awaited coroutine");
                            goto error;
                        }
                    }
                    if (g->running) {
                        raise(T.RuntimeError, is_kind(a, Kind::Coroutine) ? "coroutine is being awaited already" : "anext(): asynchronous generator is already running");
                        goto error;
                    }
                    if (cur_->depth >= recursion_limit) { raise(T.RecursionError, "maximum recursion depth exceeded"); goto error; }
                    Frame* gf = g->frame;
                    if (g->started && !throw_in) gf->stack()[gf->sp++] = send_val;
                    g->started = true;
                    g->running = true;
                    g->awaited = true;
                    ENTER_FRAME(gf, mode);
                    if (throw_in) {
                        rt_.exc = thrown.is_null() ? make_exception(T.GeneratorExit, {}) : std::move(thrown);
                        goto error;
                    }
                    CHECK_BUDGET();
                    break;
                }
                // an engine awaitable: the whole thread suspends
                Value a = POP();
                if (nested_ > 0 && cur_->bottom != entry) {
                    raise(T.RuntimeError, "not supported in corolab: await inside a synchronous callback");
                    goto error;
                }
                suspend_request_ = std::move(a);
                return Value();
            }
            case Op::GetAIter: {
                Value o = POP();
                if (is_kind(o, Kind::AsyncGen)) { PUSH(std::move(o)); break; }
                Value m = lookup_special(o, S("__aiter__"));
                if (m.is_null()) { raise(T.TypeError, "'async for' requires an object with __aiter__ method, got " + type_name(o)); goto error; }
                Value r = call1(m, o);
                if (r.is_null()) goto error;
                PUSH(std::move(r));
                break;
            }
            case Op::GetANext: {
                Value& o = TOP();
                if (is_kind(o, Kind::AsyncGen)) {
                    agen_init_hooks(static_cast<GenObj*>(o.o));
                    PUSH(Value(make<AsyncGenStep>(o)));
                    break;
                }
                Value m = lookup_special(o, S("__anext__"));
                if (m.is_null()) { raise(T.TypeError, "'async for' requires an iterator with __anext__ method, got " + type_name(o)); goto error; }
                Value r = call1(m, o);
                if (r.is_null()) goto error;
                PUSH(std::move(r));
                break;
            }
            case Op::EndAsyncFor: {
                Value exc = POP();
                if (!exc_matches(exc, T.StopAsyncIteration)) {
                    rt_.exc = std::move(exc);
                    reraise = true;
                    goto error;
                }
                Value prev = POP();
                f->cur_exc = prev.is_none() ? Value() : prev;
                --f->nblocks;  // the handler block
                --f->sp; st[f->sp] = Value();  // iterator
                break;
            }
            case Op::SetupExcept:
                if (f->nblocks >= kMaxBlocks) { raise(T.RuntimeError, "not supported in corolab: blocks nested too deeply"); goto error; }
                f->blocks[f->nblocks++] = {in.arg, f->sp};
                break;
            case Op::PopBlock: --f->nblocks; break;
            case Op::PopExcept: pop_except: {
                Block b = f->blocks[--f->nblocks];
                int lvl = b.level;  // above prev, exc
                Value prev = std::move(st[lvl - 2]);
                f->cur_exc = prev.is_none() ? Value() : prev;
                for (int i = lvl - 2; i + 2 < f->sp; ++i) st[i] = std::move(st[i + 2]);
                f->sp -= 2;
                st[f->sp] = Value();
                st[f->sp + 1] = Value();
                break;
            }
            case Op::Raise: {
                Value exc, cause;
                if (in.arg == 2) cause = POP();
                if (in.arg >= 1) exc = POP();
                if (in.arg == 0) {
                    Value cur = current_handled(cur_);
                    if (cur.is_null()) { raise(T.RuntimeError, "No active exception to reraise"); goto error; }
                    rt_.exc = cur;
                    reraise = true;
                    goto error;
                }
                if (is_kind(exc, Kind::Class) && static_cast<ClassObj*>(exc.o)->is_exception) {
                    exc = call0(exc);
                    if (exc.is_null()) goto error;
                }
                if (!is_kind(exc, Kind::Exception)) { raise(T.TypeError, "exceptions must derive from BaseException"); goto error; }
                auto* e = static_cast<ExceptionObj*>(exc.o);
                if (in.arg == 2) {
                    if (is_kind(cause, Kind::Class)) { cause = call0(cause); if (cause.is_null()) goto error; }
                    e->cause = cause.is_none() ? Value() : cause;
                    e->suppress_context = true;
                }
                e->traceback.clear();
                rt_.exc = std::move(exc);
                goto error;
            }
            case Op::Reraise: {
                Value exc = POP();
                rt_.exc = std::move(exc);
                reraise = true;
                goto error;
            }
            case Op::CheckExcMatch: {
                Value type = POP();
                const Value& exc = TOP();
                bool match = false;
                auto check = [&](const Value& t) {
                    if (is_kind(t, Kind::Class)) return exc_matches(exc, static_cast<ClassObj*>(t.o));
                    return false;
                };
                if (is_kind(type, Kind::Tuple)) {
                    for (auto& t : static_cast<TupleObj*>(type.o)->items) if (check(t)) match = true;
                } else if (is_kind(type, Kind::Class)) {
                    match = check(type);
                } else {
                    raise(T.TypeError, "catching classes that do not inherit from BaseException is not allowed");
                    goto error;
                }
                PUSH(Value::boolean(match));
                break;
            }
            case Op::ExcStarBegin: {  // prev, orig -> prev, orig, raised, rest
                Value orig = TOP();
                PUSH(list_value({}));
                PUSH(std::move(orig));
                break;
            }
            case Op::ExcStarMatch: {  // rest, type -> rest', match; or rest and a jump
                Value type = POP();
                Value match, rest;
                if (!except_star_match(TOP(), type, match, rest)) goto error;
                if (match.is_none()) { f->pc = in.arg; break; }
                TOP() = std::move(rest);
                f->cur_exc = match;  // what a bare `raise` in the clause re-raises
                PUSH(std::move(match));
                break;
            }
            case Op::ExcStarCollect:  // raised, rest, prev, exc: collect exc, leave the clause's handler
                static_cast<ListObj*>(st[f->sp - 4].o)->items.push_back(st[f->sp - 1]);
                goto pop_except;
            case Op::ExcStarEnd: {  // prev, orig, raised, rest
                Value rest = POP();
                Value raised = POP();
                auto& items = static_cast<ListObj*>(raised.o)->items;
                items.push_back(std::move(rest));
                Value result = prep_reraise_star(TOP(), items);
                if (result.is_null()) goto error;
                if (!result.is_none()) {
                    rt_.exc = std::move(result);
                    reraise = true;
                    goto error;
                }
                goto pop_except;  // all handled: the try statement completes
            }
            case Op::BeforeWith: case Op::BeforeAsyncWith: {
                Value cm = POP();
                bool async = in.op == Op::BeforeAsyncWith;
                Value enter = getattr_opt(cm, S(async ? "__aenter__" : "__enter__"));
                Value exit = getattr_opt(cm, S(async ? "__aexit__" : "__exit__"));
                if (enter.is_null() || exit.is_null()) {
                    if (!has_exc())
                        raise(T.TypeError, "'" + type_name(cm) + "' object does not support the " + (async ? "asynchronous " : "") + "context manager protocol");
                    goto error;
                }
                PUSH(exit);
                // A Python __enter__ runs as a frame of this thread, so it can
                // block a simulated worker thread (modules/thread.cpp) as a call can.
                if (!async && is_kind(enter, Kind::Method) && is_kind(static_cast<MethodObj*>(enter.o)->func, Kind::Function)) {
                    auto* fn = static_cast<FunctionObj*>(static_cast<MethodObj*>(enter.o)->func.o);
                    if (!fn->code->is_generator && !fn->code->is_coroutine && !fn->code->is_async_gen &&
                        cur_->depth < recursion_limit) {
                        Value self = static_cast<MethodObj*>(enter.o)->self;
                        Frame* nf = setup_frame(fn, &self, 1, nullptr, nullptr, 0);
                        if (!nf) goto error;
                        ENTER_FRAME(nf, FrameMode::Call);
                        break;
                    }
                }
                Value r = call0(enter);
                if (r.is_null()) {
                    if (call_suspends(entry)) return Value();  // a lock's __enter__ blocking a thread: resume pushes its result
                    goto error;
                }
                PUSH(std::move(r));
                break;
            }
            case Op::WithExitNormal: {
                Value exit = POP();
                Value args[3] = {Value::none(), Value::none(), Value::none()};
                Value r = lang::call(exit, args, 3);
                if (r.is_null()) {
                    if (call_suspends(entry)) return Value();  // Runner.__exit__: resume pushes the result
                    goto error;
                }
                PUSH(std::move(r));
                break;
            }
            case Op::WithExcept: {
                const Value& exc = PEEK(1);
                const Value& exit = PEEK(3);
                Value args[3] = {Value(static_cast<Object*>(type_of(exc))), exc, Value::none()};
                Value r = lang::call(exit, args, 3);
                if (r.is_null()) {
                    if (call_suspends(entry)) return Value();
                    goto error;
                }
                PUSH(std::move(r));
                break;
            }
            case Op::LoadBuildClass: PUSH(Value(make_builtin("__build_class__", build_class))); break;
            case Op::ImportName: {
                Value m = import_module(as_str(f->code->consts[in.arg]));
                if (m.is_null()) goto error;
                PUSH(std::move(m));
                break;
            }
            case Op::ImportFrom: {
                StrObj* name = as_str(f->code->names[in.arg]);
                Value v = getattr_opt(TOP(), name);
                if (v.is_null()) {
                    if (!has_exc()) {
                        if (is_kind(TOP(), Kind::Module)) raise_missing_name(static_cast<ModuleObj*>(TOP().o), name->s, T.ImportError);
                        else raise(T.ImportError, "cannot import name '" + name->s + "' from '?'");
                    }
                    goto error;
                }
                PUSH(std::move(v));
                break;
            }
            case Op::LoadAssertionError: PUSH(Value(static_cast<Object*>(T.AssertionError))); break;
            case Op::SetupAnnotations:
                if (f->ns && dict_get_str(f->ns, rt_.intern("__annotations__")).is_null())
                    dict_set_str(f->ns, "__annotations__", new_dict());
                break;
            case Op::PrintExpr: break;
        }
        continue;
        }
    error:
        // An operation that failed without saying why must not end the run
        // silently (a Null result with no exception would unwind every frame).
        if (!has_exc() && !fatal()) raise(T.RuntimeError, "internal error in corolab: an operation failed without an exception");
        if (!reraise) {
            // implicit chaining with the exception being handled
            Value handled = current_handled(cur_);
            if (!handled.is_null() && is_kind(rt_.exc, Kind::Exception) && handled.o != rt_.exc.o) {
                auto* e = static_cast<ExceptionObj*>(rt_.exc.o);
                if (e->context.is_null()) e->context = handled;
            }
            add_traceback(f);
        }
        reraise = false;
        if (fatal()) {
            // a budget ran out: no handler runs, every frame unwinds
            f->nblocks = 0;
            if (!has_exc()) raise(T.RuntimeError, fatal_message);
        }
        while (true) {
            if (f->nblocks > 0 && !fatal()) {
                Block b = f->blocks[--f->nblocks];
                if (b.handler < 0) {
                    // leaving an except/finally body: restore the handled exception
                    Value prev = std::move(st[b.level - 2]);
                    f->cur_exc = prev.is_none() ? Value() : prev;
                    while (f->sp > b.level - 2) { --f->sp; st[f->sp] = Value(); }
                    continue;
                }
                while (f->sp > b.level) { --f->sp; st[f->sp] = Value(); }
                Value exc = take_exc();
                PUSH(f->cur_exc.is_null() ? Value::none() : f->cur_exc);
                f->cur_exc = exc;
                PUSH(std::move(exc));
                f->blocks[f->nblocks++] = {-1, f->sp};
                f->pc = b.handler;
                goto next;
            }
            // no handler in this frame: propagate to the caller
            Frame* done = f;
            FrameMode mode = f->mode;
            Frame* back = f->back;
            bool is_gen = f->gen != nullptr;
            bool agen = is_gen && done->code->is_async_gen;
            if (is_gen && (exc_matches(rt_.exc, T.StopIteration) || (agen && exc_matches(rt_.exc, T.StopAsyncIteration)))) {
                const char* what = done->code->is_coroutine ? "coroutine" : agen ? "async generator" : "generator";
                const char* stop = exc_matches(rt_.exc, T.StopIteration) ? " raised StopIteration" : " raised StopAsyncIteration";
                Value inner = take_exc();
                raise(T.RuntimeError, std::string(what) + stop);
                static_cast<ExceptionObj*>(rt_.exc.o)->cause = inner;
            }
            pop_frame(done);
            bool closed = mode == FrameMode::AGenClose && !fatal() &&
                          (exc_matches(rt_.exc, T.GeneratorExit) || exc_matches(rt_.exc, T.StopAsyncIteration));
            if (closed) take_exc();  // aclose() succeeded
            if (done == entry || mode == FrameMode::Entry) return closed ? Value::none() : Value();
            f = back;
            LOAD_FRAME();
            if (closed) {
                TOP() = Value::none();  // replaces the step object
                goto next;
            }
            if (mode == FrameMode::AGenNext && !fatal() && exc_matches(rt_.exc, T.StopAsyncIteration) &&
                is_kind(TOP(), Kind::AsyncGenStep) && !static_cast<AsyncGenStep*>(TOP().o)->dflt.is_null()) {
                take_exc();  // anext(agen, default) of a finished generator
                TOP() = static_cast<AsyncGenStep*>(TOP().o)->dflt;
                goto next;
            }
            if (fatal()) f->nblocks = 0;
            add_traceback(f);
        }
    next:;
    }
#undef LOAD_FRAME
#undef ENTER_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef CHECK_BUDGET
}

// ---- classes ---------------------------------------------------------------------
// Computes the MRO; false (with the conflicting bases) when C3 fails.
bool finish_class(ClassObj* c, std::string* mro_conflict = nullptr);  // runtime.cpp

Value build_class(Value* args, int nargs, const CallArgs& kw) {
    if (nargs < 2) return raise(T.TypeError, "__build_class__: not enough arguments");
    auto* body = static_cast<FunctionObj*>(args[0].o);
    Value ns = new_dict();
    auto* nsd = static_cast<DictObj*>(ns.o);
    // run the body with the namespace as its locals
    Frame* fr = alloc_frame(body->code);
    fr->func = args[0];
    fr->globals = body->globals;
    fr->ns = nsd;
    fr->ns_ref = ns;
    Code* c = body->code;
    for (int i = 0; i < c->ncells; ++i) fr->cells()[i] = Value(make<CellObj>());
    for (int i = 0; i < c->nfree; ++i) fr->cells()[c->ncells + i] = body->closure[i];
    Vm* vm = rt().vm;
    Thread tmp;
    Thread* th = vm->current_thread();
    (void)tmp;
    // reuse the generic call path: wrap into a FunctionObj call is not possible
    // (the namespace is per call), so run the frame directly.
    Value cell = vm->run_frame(fr);
    if (cell.is_null()) return Value();
    (void)th;
    auto* cls = make<ClassObj>(as_str(args[1])->s);
    Value cv(cls);
    cls->user = true;
    cls->module = "__main__";
    for (int i = 2; i < nargs; ++i) {
        if (!is_kind(args[i], Kind::Class)) return raise(T.TypeError, "bases must be types");
        auto* base = static_cast<ClassObj*>(args[i].o);
        if (std::find(cls->bases.begin(), cls->bases.end(), base) != cls->bases.end())
            return raise(T.TypeError, "duplicate base class " + base->name);
        cls->bases.push_back(base);
        cls->bases_ref.push_back(args[i]);
    }
    if (cls->bases.empty()) { cls->bases.push_back(T.object); }
    for (auto& e : nsd->entries)
        if (!e.key.is_null()) dict_set(cls->dict, e.key, e.value);
    std::string conflict;
    if (!finish_class(cls, &conflict))
        return raise(T.TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases " + conflict);
    if (is_kind(cell, Kind::Cell)) static_cast<CellObj*>(cell.o)->value = cv;
    // A metaclass (a user subclass of type: enum's EnumType), given or
    // inherited from the first base, becomes the class's type: operations on
    // the class (repr, iter, len, [], in) then look there. Its __init__(cls,
    // name, bases, namespace) runs once the class is built. (Metaclasses
    // live in module globals for the whole run: the class holds no reference.)
    // descriptors learn their names, as type.__new__ tells them
    std::vector<std::pair<Value, Value>> named;
    for (auto& e : nsd->entries)
        if (!e.key.is_null() && is_kind(e.value, Kind::Instance) && e.value.o->cls->user) named.emplace_back(e.key, e.value);
    for (auto& [key, value] : named) {
        Value set_name = value.o->cls->lookup(rt().intern("__set_name__"));
        if (set_name.is_null()) continue;
        Value a[3] = {value, cv, key};
        if (call(set_name, a, 3).is_null()) {  // 3.11 wraps the error
            Value cause = take_exc();
            std::string what = "Error calling __set_name__ on '" + value.o->cls->name + "' instance ";
            if (!append_repr(what, key)) return Value();
            Value err = make_exception(T.RuntimeError, {str_value(what + " in '" + cls->name + "'")});
            auto* e = static_cast<ExceptionObj*>(err.o);
            e->cause = cause;
            e->context = cause;
            e->suppress_context = true;
            return raise_value(err);
        }
    }
    ClassObj* meta = nullptr;
    if (kw.nkw == 1) {
        if (!is_kind(kw.kwv[0], Kind::Class) || !static_cast<ClassObj*>(kw.kwv[0].o)->is_subclass_of(T.type))
            return raise(T.TypeError, "not supported in corolab: a metaclass that is not a subclass of type");
        meta = static_cast<ClassObj*>(kw.kwv[0].o);
    } else {
        for (ClassObj* b : cls->bases)
            if (b->cls && b->cls->user) { meta = b->cls; break; }
    }
    if (meta && meta->user) {
        // A builtin data type among the bases (class Color(str, Enum)) cannot
        // be the layout of a metaclass's instances here: it leaves the bases
        // and the metaclass sees it as `_member_type_` (enum emulates it).
        for (std::size_t i = 0; i < cls->bases.size(); ++i) {
            ClassObj* b = cls->bases[i];
            if (b->user || b->instance_kind == Kind::Instance || b->instance_kind == Kind::Object) continue;
            dict_set_str(cls->dict, "_member_type_", cls->bases_ref[i]);
            cls->bases.erase(cls->bases.begin() + static_cast<std::ptrdiff_t>(i));
            cls->bases_ref.erase(cls->bases_ref.begin() + static_cast<std::ptrdiff_t>(i));
            cls->mro.clear();
            cls->instance_kind = Kind::Instance;
            finish_class(cls);
            break;
        }
        cls->cls = meta;
        Value init = meta->lookup(rt().intern("__init__"));
        if (is_kind(init, Kind::Function)) {
            std::vector<Value> bases(cls->bases_ref);
            Value a[4] = {cv, args[1], tuple_value(std::move(bases)), ns};
            if (call(init, a, 4).is_null()) return Value();
        }
    }
    return cv;
}

}  // namespace corolab::lang
