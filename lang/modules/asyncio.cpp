// The asyncio module: a thin layer over the engine (see asyncio_bridge.hpp).
#include <algorithm>
#include <cmath>

#include "lang/modules/asyncio_bridge.hpp"
#include "lang/vm/budget.hpp"
#include "lang/modules/thread.hpp"
#include "lang/objects/ops.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

AsyncioState* AsyncioState::current = nullptr;
static AsyncioState& aio() { return *AsyncioState::current; }

Loop& AsyncioState::new_loop() {
    loops.push_back(std::make_unique<Loop>(real_clock ? ClockMode::real_time : ClockMode::virtual_time, speed));
    Loop* l = loops.back().get();
    base[l] = time();
    if (trace) l->set_trace(trace);  // from birth: tasks made before it runs are traced too
    return *l;
}
double AsyncioState::time() const { return running ? loop_time(running) : now; }
void AsyncioState::stop_all() {
    for (auto& l : loops) l->stop();
}

void AsyncioState::report_pending_tasks() {
    for (auto& l : loops) {
        for (auto& t : l->all_tasks()) {
            if (t->done()) continue;
            // the interpreter's exit closes the coroutine before the task is freed
            std::string r = t->repr();
            const std::string running = "() running at ";
            std::size_t a = r.find(running);
            if (a != std::string::npos) r.replace(a, running.size(), "() done, defined at ");
            corolab::report(corolab::Report{"Task was destroyed but it is pending!", "task: " + r, nullptr});
        }
    }
}

// ---- classes -------------------------------------------------------------------------
namespace {
struct Classes {
    ClassObj *Future, *Task, *Handle, *Loop, *Event, *Lock, *Semaphore, *BoundedSemaphore, *Condition,
        *Queue, *LifoQueue, *PriorityQueue, *Barrier, *TaskGroup, *Timeout, *Awaitable, *AsCompleted, *RunReq, *Runner;
};
Classes C;

Value arg_at(Value* args, int nargs, const CallArgs& kw, int i, const char* name) {
    if (i < nargs) return args[i];
    for (int k = 0; k < kw.nkw; ++k)
        if (kw.kwn[k]->s == name) return kw.kwv[k];
    return Value();
}

std::optional<double> opt_seconds(const Value& v, bool& ok) {
    ok = true;
    if (v.is_null() || v.is_none()) return std::nullopt;
    double d;
    if (!to_double(v, d)) { ok = false; return std::nullopt; }
    return d;
}

Value read_value(FutureBase& f) {
    auto* slot = static_cast<detail::ValueSlot<Value>*>(f.result_storage());
    return slot->value ? *slot->value : Value::none();
}
Value read_list(FutureBase& f) {
    auto* slot = static_cast<detail::ValueSlot<std::vector<Value>>*>(f.result_storage());
    return list_value(slot->value ? *slot->value : std::vector<Value>{});
}
Value read_outcomes(FutureBase& f) {
    auto* slot = static_cast<detail::ValueSlot<std::vector<Outcome<Value>>>*>(f.result_storage());
    std::vector<Value> out;
    if (slot->value)
        for (auto& o : *slot->value) out.push_back(o.error ? from_engine(o.error) : *o.value);
    return list_value(std::move(out));
}

bool is_coroutine(const Value& v) {
    return is_kind(v, Kind::Coroutine) || (is_kind(v, Kind::Native) && v.o->cls == C.Awaitable);
}
bool is_future_like(const Value& v) {
    return v.tag == Tag::Obj && static_cast<Obj*>(v.o)->kind == Kind::Native &&
           (v.o->cls == C.Future || v.o->cls == C.Task);
}
FutureObj* as_future(const Value& v) { return static_cast<FutureObj*>(v.o); }

Loop& current_loop() {
    AsyncioState& s = aio();
    if (s.running) return *s.running;
    if (!s.default_loop) s.default_loop = &s.new_loop();
    return *s.default_loop;
}

Value coro_expected(const Value& v) {
    return raise(T.TypeError, "a coroutine was expected, got " + [&] { std::string r; append_repr(r, v); return r; }());
}

// ensure_future: coroutine -> task; future/task -> itself.
Value ensure_future(const Value& v) {
    if (is_future_like(v)) return v;
    if (is_coroutine(v)) return make_task(current_loop(), v, std::nullopt);
    if (as_awaitable(v)) {
        // a bare awaitable (sleep(), gather of awaitables): run it in a task
        Value keep = v;
        auto runner = [](Value aw) -> corolab::Task<Value> {
            co_return co_await static_cast<Awaitable*>(static_cast<Obj*>(aw.o))->await_it();
        };
        auto h = corolab::create_task(current_loop(), runner(keep));
        return task_object(&h.base());
    }
    return raise(T.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

Value wrap_future(Ref<FutureBase> f, Value (*read)(FutureBase&)) {
    return Value(make<FutureObj>(C.Future, std::move(f), read));
}

corolab::Task<Value> conv_bool(corolab::Task<bool> t) { co_return Value::boolean(co_await std::move(t)); }
corolab::Task<Value> conv_void(corolab::Task<void> t) { co_await std::move(t); co_return Value::none(); }
corolab::Task<Value> ready(Value v) { co_return v; }
Value cotask(corolab::Task<Value> t, Value owner = Value()) { return Value(make<CoTaskObj>(std::move(t), std::move(owner))); }

template <class F>
Value guarded(F f) {
    try {
        return f();
    } catch (...) {
        return raise_current_cpp();
    }
}

}  // namespace
corolab::Task<Value> engine_coro(const Value& coro, bool root = false);
namespace {
// ---- module functions ---------------------------------------------------------------
Value a_sleep(Value* args, int nargs, const CallArgs& kw) {
    Value d = arg_at(args, nargs, kw, 0, "delay");
    Value r = arg_at(args, nargs, kw, 1, "result");
    double delay;
    if (d.is_null()) return raise(T.TypeError, "sleep() missing 1 required positional argument: 'delay'");
    if (!to_double(d, delay)) return Value();
    return Value(make<SleepObj>(delay, r.is_null() ? Value::none() : r));
}

Value a_run(Value* args, int nargs, const CallArgs&) {
    if (nargs < 1) return raise(T.TypeError, "run() missing 1 required positional argument: 'main'");
    if (aio().running) return raise(T.RuntimeError, "asyncio.run() cannot be called from a running event loop");
    if (!is_coroutine(args[0])) return raise(T.ValueError, "a coroutine was expected, got " + [&] { std::string r; append_repr(r, args[0]); return r; }());
    if (!rt().vm->can_suspend()) return raise(T.RuntimeError, "not supported in corolab: asyncio.run() inside a callback");
    rt().vm->request_suspend(Value(make<RunRequest>(args[0], true, Value())));
    return Value();
}

Value a_create_task(Value* args, int nargs, const CallArgs& kw) {
    Value coro = arg_at(args, nargs, kw, 0, "coro");
    Value name = arg_at(args, nargs, kw, 1, "name");
    if (!is_coroutine(coro)) return coro_expected(coro);
    if (!aio().running || simulated_thread_name()) return raise(T.RuntimeError, "no running event loop");
    std::optional<std::string> n;
    if (!name.is_null() && !name.is_none()) {
        Value s = str_of(name);
        if (s.is_null()) return s;
        n = as_str(s)->s;
    }
    return make_task(*aio().running, coro, n);
}

Value a_ensure_future(Value* args, int nargs, const CallArgs&) {
    if (nargs < 1) return raise(T.TypeError, "ensure_future() missing 1 required positional argument: 'coro_or_future'");
    return ensure_future(args[0]);
}

Value a_gather(Value* args, int nargs, const CallArgs& kw) {
    bool return_exceptions = false;
    for (int i = 0; i < kw.nkw; ++i)
        if (kw.kwn[i]->s == "return_exceptions") return_exceptions = truthy(kw.kwv[i]) == 1;
    Loop& loop = current_loop();
    std::vector<Ref<FutureBase>> refs;
    std::vector<Value> keep;
    std::unordered_map<Object*, std::size_t> seen;  // arg -> index in keep
    for (int i = 0; i < nargs; ++i) {
        // the same coroutine object twice becomes one task (arg_to_fut cache)
        Value f;
        if (args[i].tag == Tag::Obj) {
            auto it = seen.find(args[i].o);
            if (it != seen.end()) f = keep[it->second];
            else seen.emplace(args[i].o, keep.size());
        }
        if (f.is_null()) f = ensure_future(args[i]);
        if (f.is_null()) return f;
        keep.push_back(f);
        refs.push_back(as_future(f)->fut);
    }
    return guarded([&] {
        if (return_exceptions)
            return wrap_future(detail::gather_futures<Value, true>(loop, refs).ref(), read_outcomes);
        return wrap_future(detail::gather_futures<Value, false>(loop, refs).ref(), read_list);
    });
}

corolab::Task<Value> wait_conv(corolab::Task<WaitResult<Value>> t, std::vector<Value> objs) {
    WaitResult<Value> r = co_await std::move(t);
    Value done = new_set(), pending = new_set();
    auto find = [&](FutureBase* f) {
        for (auto& o : objs) if (as_future(o)->fut.get() == f) return o;
        return Value::none();
    };
    for (auto& f : r.done) set_add(static_cast<SetObj*>(done.o), find(f.base()));
    for (auto& f : r.pending) set_add(static_cast<SetObj*>(pending.o), find(f.base()));
    co_return tuple_value({done, pending});
}

Value a_wait(Value* args, int nargs, const CallArgs& kw) {
    Value fs = arg_at(args, nargs, kw, 0, "fs");
    Value timeout = arg_at(args, nargs, kw, 1, "timeout");
    Value when = arg_at(args, nargs, kw, 2, "return_when");
    if (is_future_like(fs) || is_coroutine(fs))
        return raise(T.TypeError, std::string("expect a list of futures, not ") + type_name(fs));
    std::vector<Value> items;
    if (!collect(fs, items)) return Value();
    if (items.empty()) return raise(T.ValueError, "Set of Tasks/Futures is empty.");
    for (auto& it : items)
        if (is_coroutine(it)) return raise(T.TypeError, "Passing coroutines is forbidden, use tasks explicitly.");
    ReturnWhen rw = ReturnWhen::all_completed;
    if (!when.is_null() && is_str(when)) {
        const std::string& w = as_str(when)->s;
        if (w == "FIRST_COMPLETED") rw = ReturnWhen::first_completed;
        else if (w == "FIRST_EXCEPTION") rw = ReturnWhen::first_exception;
        else if (w != "ALL_COMPLETED") return raise(T.ValueError, "Invalid return_when value: " + w);
    }
    bool ok;
    auto to = opt_seconds(timeout, ok);
    if (!ok) return Value();
    std::vector<Future<Value>> futs;
    std::vector<Value> objs;
    for (auto& it : items) {
        Value f = ensure_future(it);
        if (f.is_null()) return f;
        objs.push_back(f);
        futs.push_back(Future<Value>(as_future(f)->fut));
    }
    return guarded([&] { return cotask(wait_conv(corolab::wait(std::move(futs), to, rw), objs)); });
}

Value a_wait_for(Value* args, int nargs, const CallArgs& kw) {
    Value aw = arg_at(args, nargs, kw, 0, "fut");
    Value timeout = arg_at(args, nargs, kw, 1, "timeout");
    bool ok;
    auto to = opt_seconds(timeout, ok);
    if (!ok) return Value();
    if (is_coroutine(aw)) return cotask(corolab::wait_for(engine_coro(aw), to));
    Value f = ensure_future(aw);
    if (f.is_null()) return f;
    return cotask(corolab::wait_for(Future<Value>(as_future(f)->fut), to));
}

Value a_shield(Value* args, int nargs, const CallArgs&) {
    if (nargs < 1) return raise(T.TypeError, "shield() missing 1 required positional argument: 'arg'");
    Value f = ensure_future(args[0]);
    if (f.is_null()) return f;
    Future<Value> inner(as_future(f)->fut);
    Future<Value> outer = corolab::shield(inner);
    if (outer == inner) return f;
    return wrap_future(outer.ref(), read_value);
}

struct AsCompletedObj : NativeObj {
    std::optional<AsCompleted<Value>> ac;
    std::size_t taken = 0;
    std::vector<Value> keep;
    AsCompletedObj() : NativeObj(C.AsCompleted) {}
    void clear_refs() override { keep.clear(); ac.reset(); }
};

Value a_as_completed(Value* args, int nargs, const CallArgs& kw) {
    Value fs = arg_at(args, nargs, kw, 0, "fs");
    Value timeout = arg_at(args, nargs, kw, 1, "timeout");
    std::vector<Value> items;
    if (!collect(fs, items)) return Value();
    bool ok;
    auto to = opt_seconds(timeout, ok);
    if (!ok) return Value();
    auto* obj = make<AsCompletedObj>();
    Value ov(obj);
    std::vector<Future<Value>> futs;
    for (auto& it : items) {
        Value f = ensure_future(it);
        if (f.is_null()) return f;
        obj->keep.push_back(f);
        futs.push_back(Future<Value>(as_future(f)->fut));
    }
    return guarded([&] {
        obj->ac.emplace(corolab::as_completed(std::move(futs), to));
        return ov;
    });
}
Value ac_iter(Value* args, int, const CallArgs&) { return args[0]; }
Value ac_next(Value* args, int, const CallArgs&) {
    auto* o = static_cast<AsCompletedObj*>(args[0].o);
    if (!o->ac || o->taken >= o->ac->size()) return raise_value(make_exception(T.StopIteration, {}));
    ++o->taken;
    return cotask(o->ac->next(), args[0]);
}

Value a_current_task(Value*, int, const CallArgs&) {
    TaskBase* t = corolab::current_task();
    if (!t) {
        if (!aio().running || simulated_thread_name()) return raise(T.RuntimeError, "no running event loop");
        return Value::none();
    }
    return task_object(t);
}

Value a_all_tasks(Value*, int, const CallArgs&) {
    if (!aio().running || simulated_thread_name()) return raise(T.RuntimeError, "no running event loop");
    Value s = new_set();
    for (auto& t : aio().running->all_tasks())
        if (!t->done()) set_add(static_cast<SetObj*>(s.o), task_object(t.get()));
    return s;
}

Value a_iscoroutine(Value* args, int nargs, const CallArgs&) {
    return Value::boolean(nargs > 0 && is_coroutine(args[0]));
}
Value a_isfuture(Value* args, int nargs, const CallArgs&) {
    return Value::boolean(nargs > 0 && is_future_like(args[0]));
}
Value a_iscoroutinefunction(Value* args, int nargs, const CallArgs&) {
    if (nargs < 1) return Value::boolean(false);
    Value f = args[0];
    if (is_kind(f, Kind::Method)) f = static_cast<MethodObj*>(f.o)->func;
    return Value::boolean(is_kind(f, Kind::Function) && static_cast<FunctionObj*>(f.o)->code->is_coroutine);
}

// ---- loops ---------------------------------------------------------------------------
}  // namespace
struct LoopObj : NativeObj {
    Loop* loop;
    bool closed = false;
    bool stop_flag = false;  // loop.stop() called: run_forever returns
    explicit LoopObj(Loop* l) : NativeObj(C.Loop), loop(l) {}
};
namespace {
// One Python object per loop (kept by the run's state): `loop is
// asyncio.get_event_loop()` holds as in CPython.
Value loop_object(Loop* l) {
    Value& v = aio().loop_objects[l];
    if (v.is_null()) v = Value(make<LoopObj>(l));
    return v;
}
Loop* L(Value* args) { return static_cast<LoopObj*>(args[0].o)->loop; }

}  // namespace
Value import_module(StrObj* name);  // modules.cpp
namespace {
// asyncio's thread bridges are Python (lang/modules/_asyncio_threads.py),
// on the simulated threads of threading and concurrent.futures.
Value thread_bridge(const char* name) {
    Value m = import_module(rt().intern("_asyncio_threads"));
    return m.is_null() ? m : getattr(m, rt().intern(name));
}
Value call_bridge(const char* name, Value* a, int n, const CallArgs& kw) {
    Value f = thread_bridge(name);
    return f.is_null() ? f : call(f, a, n, kw);
}
Value a_to_thread(Value* a, int n, const CallArgs& kw) { return call_bridge("to_thread", a, n, kw); }
Value a_wrap_future(Value* a, int n, const CallArgs& kw) { return call_bridge("wrap_future", a, n, kw); }
Value a_run_coroutine_threadsafe(Value* a, int n, const CallArgs& kw) {
    return call_bridge("run_coroutine_threadsafe", a, n, kw);
}

Value a_get_event_loop(Value*, int, const CallArgs&) {
    // the policy's get_event_loop: after set_event_loop (asyncio.run ends
    // with set_event_loop(None)) it no longer makes a loop
    if (auto name = simulated_thread_name())  // a thread other than the main one has no loop
        return raise(T.RuntimeError, "There is no current event loop in thread '" + *name + "'.");
    if (!aio().running && !aio().default_loop && aio().loop_set)
        return raise(T.RuntimeError, "There is no current event loop in thread 'MainThread'.");
    return loop_object(&current_loop());
}
Value a_get_running_loop(Value*, int, const CallArgs&) {
    if (!aio().running || simulated_thread_name()) return raise(T.RuntimeError, "no running event loop");
    return loop_object(aio().running);
}
Value a_new_event_loop(Value*, int, const CallArgs&) { return loop_object(&aio().new_loop()); }
Value a_set_event_loop(Value* args, int nargs, const CallArgs&) {
    if (nargs > 0 && is_kind(args[0], Kind::Native) && args[0].o->cls == C.Loop) aio().default_loop = L(args);
    else aio().default_loop = nullptr;
    aio().loop_set = true;
    return Value::none();
}

Value l_run_until_complete(Value* args, int nargs, const CallArgs&) {
    if (nargs < 2) return raise(T.TypeError, "run_until_complete() missing 1 required positional argument: 'future'");
    if (static_cast<LoopObj*>(args[0].o)->closed) return raise(T.RuntimeError, "Event loop is closed");
    if (aio().running) return raise(T.RuntimeError, "This event loop is already running");
    if (!rt().vm->can_suspend()) return raise(T.RuntimeError, "not supported in corolab: run_until_complete() inside a callback");
    rt().vm->request_suspend(Value(make<RunRequest>(args[1], false, args[0])));
    return Value();
}
Value l_run_forever(Value* args, int, const CallArgs&) {
    if (static_cast<LoopObj*>(args[0].o)->closed) return raise(T.RuntimeError, "Event loop is closed");
    if (aio().running) return raise(T.RuntimeError, "This event loop is already running");
    if (!rt().vm->can_suspend()) return raise(T.RuntimeError, "not supported in corolab: run_forever() inside a callback");
    auto* req = make<RunRequest>(Value::none(), false, args[0]);
    req->forever = true;
    rt().vm->request_suspend(Value(req));
    return Value();
}
Value l_stop(Value* args, int, const CallArgs&) {
    static_cast<LoopObj*>(args[0].o)->stop_flag = true;
    return Value::none();
}
Value l_close(Value* args, int, const CallArgs&) {
    static_cast<LoopObj*>(args[0].o)->closed = true;
    return Value::none();
}
Value l_is_closed(Value* args, int, const CallArgs&) { return Value::boolean(static_cast<LoopObj*>(args[0].o)->closed); }
Value l_is_running(Value* args, int, const CallArgs&) { return Value::boolean(aio().running == L(args)); }
Value l_time(Value* args, int, const CallArgs&) { return Value::number(aio().loop_time(L(args))); }

// asyncio.Runner (runners.py, 3.11): a loop made on first use and set as
// the current one; run() is run_until_complete(); close() cancels what is
// left and runs the two shutdown steps, as asyncio.run() ends. `debug` is
// accepted and has no effect (corolab has no debug mode).
struct RunnerObj : NativeObj {
    enum State { created, initialized, closed } state = created;
    Value loop;     // LoopObj once initialized
    Value factory;  // loop_factory or None
    bool set_loop = false;
    RunnerObj(ClassObj* c, Value f) : NativeObj(c), factory(std::move(f)) {}
    void clear_refs() override { loop = Value(); factory = Value(); }
};
RunnerObj* R(Value* args) { return static_cast<RunnerObj*>(args[0].o); }
bool runner_init(RunnerObj* r) {  // Runner._lazy_init
    if (r->state == RunnerObj::closed) { raise(T.RuntimeError, "Runner is closed"); return false; }
    if (r->state == RunnerObj::initialized) return true;
    if (r->factory.is_none()) {
        r->loop = a_new_event_loop(nullptr, 0, CallArgs{});
        if (!r->set_loop) {
            a_set_event_loop(&r->loop, 1, CallArgs{});
            r->set_loop = true;
        }
    } else {
        r->loop = call0(r->factory);
        if (r->loop.is_null()) return false;
        if (!is_kind(r->loop, Kind::Native) || r->loop.o->cls != C.Loop) {
            raise(T.RuntimeError, "not supported in corolab: a loop_factory that does not return an asyncio event loop");
            return false;
        }
    }
    r->state = RunnerObj::initialized;
    return true;
}
Value runner_new(Value* a, int n, const CallArgs& kw) {
    if (n > 1) return raise(T.TypeError, "Runner.__init__() takes 1 positional argument but " + std::to_string(n) + " were given");
    Value factory = Value::none();
    for (int k = 0; k < kw.nkw; ++k) {
        if (kw.kwn[k]->s == "loop_factory") factory = kw.kwv[k];
        else if (kw.kwn[k]->s != "debug")
            return raise(T.TypeError, "Runner.__init__() got an unexpected keyword argument '" + kw.kwn[k]->s + "'");
    }
    return Value(make<RunnerObj>(static_cast<ClassObj*>(a[0].o), factory));
}
Value runner_run(Value* a, int n, const CallArgs& kw) {
    if (n < 2) return raise(T.TypeError, "Runner.run() missing 1 required positional argument: 'coro'");
    if (!is_coroutine(a[1])) return raise(T.ValueError, "a coroutine was expected, got " + [&] { std::string r; append_repr(r, a[1]); return r; }());
    if (aio().running) return raise(T.RuntimeError, "Runner.run() cannot be called from a running event loop");
    Value context = arg_at(a, n, kw, 99, "context");
    if (!context.is_null() && !context.is_none()) return raise(T.RuntimeError, "not supported in corolab: Runner.run(context=...)");
    if (!runner_init(R(a))) return Value();
    Value args[2] = {R(a)->loop, a[1]};
    return l_run_until_complete(args, 2, CallArgs{});
}
Value runner_close(Value* a, int, const CallArgs&) {
    RunnerObj* r = R(a);
    if (r->state != RunnerObj::initialized) return Value::none();
    if (!rt().vm->can_suspend()) return raise(T.RuntimeError, "not supported in corolab: Runner.close() inside a callback");
    // The loop is marked closed and unset before its shutdown runs (CPython
    // does both just after): nothing a scenario can observe in between.
    if (r->set_loop) a_set_event_loop(nullptr, 0, CallArgs{});
    auto* req = make<RunRequest>(Value::none(), false, r->loop);
    req->shutdown = true;
    static_cast<LoopObj*>(r->loop.o)->closed = true;
    r->loop = Value();
    r->state = RunnerObj::closed;
    rt().vm->request_suspend(Value(req));
    return Value();
}
Value runner_get_loop(Value* a, int, const CallArgs&) {
    if (!runner_init(R(a))) return Value();
    return R(a)->loop;
}
Value runner_enter(Value* a, int, const CallArgs&) {
    if (!runner_init(R(a))) return Value();
    return a[0];
}

struct HandleObj : NativeObj {
    corolab::Handle h;
    double when;
    HandleObj(corolab::Handle hd, double w) : NativeObj(C.Handle), h(std::move(hd)), when(w) {}
    void clear_refs() override { h = corolab::Handle(); }
};

// reprlib.repr (maxstring 30, maxlong 40, maxother 30): long reprs keep
// their ends around "...".
static std::string short_repr(const Value& v) {
    std::string s;
    if (!append_repr(s, v)) { take_exc(); return "<object>"; }
    std::size_t max = is_str(v) ? 30 : v.tag == Tag::Int || is_kind(v, Kind::BigInt) ? 40 : 30;
    if (s.size() <= max) return s;
    std::size_t i = (max - 3) / 2, j = max - 3 - i;
    if (is_str(v)) {  // repr_str keeps the quotes of the shortened string
        const std::string& t = as_str(v)->s;
        std::string r;
        append_repr(r, str_value(t.substr(0, i) + t.substr(t.size() - j)));
        return r.substr(0, i) + "..." + r.substr(r.size() - j);
    }
    return s.substr(0, i) + "..." + s.substr(s.size() - j);
}

// format_helpers._format_callback_source: "fn(arg, ...) at file.py:3".
std::string callback_source(const Value& fn, const Value* args, int nargs) {
    std::string out;
    if (is_kind(fn, Kind::Function)) {
        auto* f = static_cast<FunctionObj*>(fn.o);
        out = is_str(f->qualname) ? as_str(f->qualname)->s : std::string("function");
    } else if (is_kind(fn, Kind::Builtin)) {
        out = static_cast<BuiltinObj*>(fn.o)->name;
    } else if (!append_repr(out, fn)) {
        take_exc();
    }
    out += '(';
    for (int i = 0; i < nargs; ++i) out += (i ? ", " : "") + short_repr(args[i]);
    out += ')';
    if (is_kind(fn, Kind::Function))
        out += " at " + aio().filename + ":" + std::to_string(static_cast<FunctionObj*>(fn.o)->code->firstline);
    return out;
}

// Calls a loop callback; an exception goes to the loop's exception handler
// (events.Handle._run) worded as CPython words it.
void run_callback(const Value& fn, Value* args, int nargs) {
    Value r = call(fn, args, nargs);
    if (!r.is_null()) return;
    Value exc = take_exc();
    if (rt().vm->fatal()) throw PyError(exc);  // budgets end the run, not the callback
    std::string src = callback_source(fn, args, nargs);
    corolab::report(corolab::Report{"Exception in callback " + src, "handle: <Handle " + src + ">",
                                    std::make_exception_ptr(PyError(exc))});
}

std::function<void()> py_callback(Value fn, std::vector<Value> cargs) {
    return [fn, cargs]() mutable { run_callback(fn, cargs.data(), static_cast<int>(cargs.size())); };
}

Value schedule(Value* args, int nargs, int first, double when, bool timer) {
    Loop* l = L(args);
    if (nargs <= first) return raise(T.TypeError, "missing callback argument");
    std::vector<Value> cargs(args + first + 1, args + nargs);
    auto cb = py_callback(args[first], std::move(cargs));
    corolab::Handle h = timer ? l->call_at(when - aio().base.at(l), std::move(cb)) : l->call_soon(std::move(cb));
    return Value(make<HandleObj>(h, timer ? when : 0));
}
Value l_call_soon(Value* args, int nargs, const CallArgs&) { return schedule(args, nargs, 1, 0, false); }
Value l_call_later(Value* args, int nargs, const CallArgs&) {
    double d;
    if (nargs < 3 || !to_double(args[1], d)) return has_exc() ? Value() : raise(T.TypeError, "call_later() missing arguments");
    return schedule(args, nargs, 2, aio().loop_time(L(args)) + d, true);
}
Value l_call_at(Value* args, int nargs, const CallArgs&) {
    double w;
    if (nargs < 3 || !to_double(args[1], w)) return has_exc() ? Value() : raise(T.TypeError, "call_at() missing arguments");
    return schedule(args, nargs, 2, w, true);
}
Value l_run_in_executor_m(Value* args, int nargs, const CallArgs& kw) { return call_bridge("run_in_executor", args, nargs, kw); }
Value l_create_future(Value* args, int, const CallArgs&) {
    return wrap_future(Future<Value>::create(*L(args)).ref(), read_value);
}
// asyncio.Future(*, loop=None)
Value fut_new(Value* args, int nargs, const CallArgs& kw) {
    if (nargs > 1) return raise(T.TypeError, "Future() takes no positional arguments");
    Value l = arg_at(args, 0, kw, 0, "loop");
    Loop* loop = l.is_null() || l.is_none() ? &current_loop() : nullptr;
    if (!loop) {
        if (!is_kind(l, Kind::Native) || l.o->cls != C.Loop) return raise(T.TypeError, "loop must be an event loop");
        loop = static_cast<LoopObj*>(l.o)->loop;
    }
    return wrap_future(Future<Value>::create(*loop).ref(), read_value);
}
Value l_create_task(Value* args, int nargs, const CallArgs& kw) {
    Value coro = arg_at(args, nargs, kw, 1, "coro");
    Value name = arg_at(args, nargs, kw, 2, "name");
    if (!is_coroutine(coro)) return coro_expected(coro);
    std::optional<std::string> n;
    if (!name.is_null() && !name.is_none()) n = as_str(str_of(name))->s;
    return make_task(*L(args), coro, n);
}
Value h_cancel(Value* args, int, const CallArgs&) { static_cast<HandleObj*>(args[0].o)->h.cancel(); return Value::none(); }
Value h_cancelled(Value* args, int, const CallArgs&) { return Value::boolean(static_cast<HandleObj*>(args[0].o)->h.cancelled()); }
Value h_when(Value* args, int, const CallArgs&) { return Value::number(static_cast<HandleObj*>(args[0].o)->when); }

// ---- futures and tasks -------------------------------------------------------------
FutureObj* F(Value* args) { return static_cast<FutureObj*>(args[0].o); }
TaskBase* TB(Value* args) { return static_cast<TaskBase*>(F(args)->fut.get()); }

Value f_done(Value* args, int, const CallArgs&) { return Value::boolean(F(args)->fut->done()); }
Value f_cancelled(Value* args, int, const CallArgs&) { return Value::boolean(F(args)->fut->cancelled()); }
Value f_result(Value* args, int, const CallArgs&) {
    FutureObj* f = F(args);
    return guarded([&] {
        f->fut->check_result();
        return f->read(*f->fut);
    });
}
Value f_exception(Value* args, int, const CallArgs&) {
    FutureObj* f = F(args);
    return guarded([&] {
        std::exception_ptr e = f->fut->exception();
        return e ? from_engine(e) : Value::none();
    });
}
Value f_cancel(Value* args, int nargs, const CallArgs& kw) {
    Value msg = arg_at(args, nargs, kw, 1, "msg");
    std::optional<std::string> m;
    if (!msg.is_null() && !msg.is_none()) m = as_str(str_of(msg))->s;
    return Value::boolean(F(args)->fut->cancel(m));
}
Value f_set_result(Value* args, int nargs, const CallArgs&) {
    if (nargs < 2) return raise(T.TypeError, "set_result() missing 1 required positional argument: 'result'");
    FutureObj* f = F(args);
    return guarded([&] {
        Future<Value>(f->fut).set_result(args[1]);
        return Value::none();
    });
}
Value f_set_exception(Value* args, int nargs, const CallArgs&) {
    if (nargs < 2) return raise(T.TypeError, "set_exception() missing 1 required positional argument: 'exception'");
    FutureObj* f = F(args);
    Value e = args[1];
    if (is_kind(e, Kind::Class)) { e = call0(e); if (e.is_null()) return e; }
    if (!is_kind(e, Kind::Exception)) return raise(T.TypeError, "invalid exception object");
    if (f->fut->is_task()) return raise(T.RuntimeError, "Task does not support set_exception operation");
    if (f->fut->done()) return raise(T.InvalidStateError, "invalid state");
    return guarded([&] {
        f->fut->set_exception(to_engine(e));
        return Value::none();
    });
}
Value f_add_done_callback(Value* args, int nargs, const CallArgs&) {
    if (nargs < 2) return raise(T.TypeError, "add_done_callback() missing 1 required positional argument: 'fn'");
    Value self = args[0], fn = args[1];
    auto live = std::make_shared<bool>(true);
    F(args)->callbacks.push_back({fn, live});
    F(args)->fut->add_done_callback(
        [self, fn, live](FutureBase&) {
            if (!*live) return;
            *live = false;
            Value arg = self;
            run_callback(fn, &arg, 1);
        },
        [fn, live] { return *live ? callback_source(fn, nullptr, 0) : std::string(); });
    return Value::none();
}
Value f_remove_done_callback(Value* args, int nargs, const CallArgs&) {
    if (nargs < 2) return raise(T.TypeError, "remove_done_callback() missing 1 required positional argument: 'fn'");
    std::int64_t n = 0;
    auto& cbs = F(args)->callbacks;
    for (auto it = cbs.begin(); it != cbs.end();) {
        int eq = equals(it->first, args[1]);
        if (eq < 0) return Value();
        if (eq && *it->second) {
            *it->second = false;
            ++n;
            it = cbs.erase(it);
        } else {
            ++it;
        }
    }
    return Value::integer(n);
}
// CPython's _format_coroutine: a started, unfinished coroutine shows the
// line it is suspended at (the engine holds "qual() running at file:<def line>").
static void show_running_line(FutureObj* f, std::string& repr) {
    auto* t = dynamic_cast<TaskBase*>(f->fut.get());
    if (!t || t->done() || !is_kind(f->coro, Kind::Coroutine)) return;
    auto* g = static_cast<GenObj*>(f->coro.o);
    if (!g->frame || !g->started) return;
    Frame* fr = g->frame;
    int pc = fr->pc > 0 ? fr->pc - 1 : 0;
    if (pc >= static_cast<int>(fr->code->lines.size())) return;
    std::string at = "() running at " + aio().filename + ":";
    std::size_t a = repr.find(at);
    if (a == std::string::npos) return;
    a += at.size();
    std::size_t b = repr.find_first_not_of("0123456789", a);
    repr.replace(a, b - a, std::to_string(fr->code->lines[pc]));
}

Value f_repr(Value* args, int, const CallArgs&) { return future_repr(F(args)); }
}  // namespace
Value wrap_future_value(Ref<FutureBase> f) { return wrap_future(std::move(f), read_value); }
Value future_repr(FutureObj* f) {
    std::string s = f->fut->repr();
    show_running_line(f, s);
    if (f->fut->done() && !f->fut->cancelled() && !f->fut->failed() && f->read) {
        std::string r;
        if (!append_repr(r, f->read(*f->fut))) return Value();
        s.insert(s.size() - 1, " result=" + r);  // base_futures._future_repr_info
    }
    // base_futures._format_callbacks: first, "<n more>", last
    std::vector<std::string> cbs = f->fut->callback_labels();
    if (!cbs.empty()) {
        std::string c = cbs[0];
        if (cbs.size() == 2) c += ", " + cbs[1];
        else if (cbs.size() > 2) c += ", <" + std::to_string(cbs.size() - 2) + " more>, " + cbs.back();
        s.insert(s.size() - 1, " cb=[" + c + "]");
    }
    return str_value(std::move(s));
}
namespace {
Value t_get_name(Value* args, int, const CallArgs&) { return str_value(TB(args)->name()); }
Value t_set_name(Value* args, int nargs, const CallArgs&) {
    if (nargs > 1) { Value s = str_of(args[1]); if (s.is_null()) return s; TB(args)->set_name(as_str(s)->s); }
    return Value::none();
}
Value t_get_coro(Value* args, int, const CallArgs&) { return F(args)->coro.is_null() ? Value::none() : F(args)->coro; }
Value t_cancelling(Value* args, int, const CallArgs&) { return Value::integer(TB(args)->cancelling()); }
Value t_uncancel(Value* args, int, const CallArgs&) { return Value::integer(TB(args)->uncancel()); }

// ---- synchronization primitives --------------------------------------------------------
template <class E>
struct EngineObj : NativeObj {
    std::unique_ptr<E> e;
    Value extra;  // Condition: the Lock object it uses
    EngineObj(ClassObj* c, std::unique_ptr<E> x) : NativeObj(c), e(std::move(x)) {}
    void clear_refs() override { extra = Value(); e.reset(); }
};
template <class E>
E& eng(Value* args) { return *static_cast<EngineObj<E>*>(args[0].o)->e; }

Value completed(Value v) { return cotask(ready(std::move(v))); }

Value ev_new(Value*, int, const CallArgs&) { return Value(make<EngineObj<Event>>(C.Event, std::make_unique<Event>())); }
Value ev_set(Value* a, int, const CallArgs&) { eng<Event>(a).set(); return Value::none(); }
Value ev_clear(Value* a, int, const CallArgs&) { eng<Event>(a).clear(); return Value::none(); }
Value ev_is_set(Value* a, int, const CallArgs&) { return Value::boolean(eng<Event>(a).is_set()); }
Value ev_wait(Value* a, int, const CallArgs&) { return cotask(conv_bool(eng<Event>(a).wait()), a[0]); }

Value lk_new(Value*, int, const CallArgs&) { return Value(make<EngineObj<Lock>>(C.Lock, std::make_unique<Lock>())); }
Value lk_acquire(Value* a, int, const CallArgs&) { return cotask(conv_bool(eng<Lock>(a).acquire()), a[0]); }
Value lk_release(Value* a, int, const CallArgs&) {
    return guarded([&] { eng<Lock>(a).release(); return Value::none(); });
}
Value lk_locked(Value* a, int, const CallArgs&) { return Value::boolean(eng<Lock>(a).locked()); }
corolab::Task<Value> acquire_none(corolab::Task<bool> t) { co_await std::move(t); co_return Value::none(); }
Value lk_aenter(Value* a, int, const CallArgs&) { return cotask(acquire_none(eng<Lock>(a).acquire()), a[0]); }
Value lk_aexit(Value* a, int n, const CallArgs& kw) {
    Value r = lk_release(a, n, kw);
    if (r.is_null()) return r;
    return completed(Value::none());
}

Value sem_make(Value* a, int n, const CallArgs& kw, bool bounded) {
    Value v = arg_at(a, n, kw, 1, "value");
    std::int64_t value = 1;
    if (!v.is_null() && !to_index(v, value)) return Value();
    if (value < 0) return raise(T.ValueError, "Semaphore initial value must be >= 0");
    std::unique_ptr<Semaphore> s = bounded ? std::make_unique<BoundedSemaphore>(static_cast<int>(value))
                                           : std::make_unique<Semaphore>(static_cast<int>(value));
    return Value(make<EngineObj<Semaphore>>(bounded ? C.BoundedSemaphore : C.Semaphore, std::move(s)));
}
Value sem_new(Value* a, int n, const CallArgs& kw) { return sem_make(a, n, kw, false); }
Value bsem_new(Value* a, int n, const CallArgs& kw) { return sem_make(a, n, kw, true); }
Value sem_acquire(Value* a, int, const CallArgs&) { return cotask(conv_bool(eng<Semaphore>(a).acquire()), a[0]); }
Value sem_release(Value* a, int, const CallArgs&) {
    return guarded([&] { eng<Semaphore>(a).release(); return Value::none(); });
}
Value sem_locked(Value* a, int, const CallArgs&) { return Value::boolean(eng<Semaphore>(a).locked()); }
Value sem_aenter(Value* a, int, const CallArgs&) { return cotask(acquire_none(eng<Semaphore>(a).acquire()), a[0]); }
Value sem_aexit(Value* a, int n, const CallArgs& kw) {
    Value r = sem_release(a, n, kw);
    if (r.is_null()) return r;
    return completed(Value::none());
}

Value cond_new(Value* a, int n, const CallArgs& kw) {
    Value lock = arg_at(a, n, kw, 1, "lock");
    if (!lock.is_null() && !lock.is_none()) {
        if (!is_kind(lock, Kind::Native) || lock.o->cls != C.Lock) return raise(T.TypeError, "Condition() needs an asyncio.Lock");
        auto* c = make<EngineObj<Condition>>(C.Condition, std::make_unique<Condition>(*static_cast<EngineObj<Lock>*>(lock.o)->e));
        c->extra = lock;
        return Value(c);
    }
    return Value(make<EngineObj<Condition>>(C.Condition, std::make_unique<Condition>()));
}
Value cond_acquire(Value* a, int, const CallArgs&) { return cotask(conv_bool(eng<Condition>(a).acquire()), a[0]); }
Value cond_release(Value* a, int, const CallArgs&) {
    return guarded([&] { eng<Condition>(a).release(); return Value::none(); });
}
Value cond_locked(Value* a, int, const CallArgs&) { return Value::boolean(eng<Condition>(a).locked()); }
Value cond_wait(Value* a, int, const CallArgs&) {
    return guarded([&] { return cotask(conv_bool(eng<Condition>(a).wait()), a[0]); });
}
Value cond_wait_for(Value* a, int n, const CallArgs&) {
    if (n < 2) return raise(T.TypeError, "wait_for() missing 1 required positional argument: 'predicate'");
    Value pred = a[1];
    auto t = [](Condition& c, Value p) -> corolab::Task<Value> {
        Value result = call0(p);
        if (result.is_null()) co_return corolab::Fail{to_engine(take_exc())};
        while (truthy(result) != 1) {
            co_await c.wait();
            result = call0(p);
            if (result.is_null()) co_return corolab::Fail{to_engine(take_exc())};
        }
        co_return result;
    };
    return cotask(t(eng<Condition>(a), pred), a[0]);
}
Value cond_notify(Value* a, int n, const CallArgs&) {
    std::int64_t k = 1;
    if (n > 1 && !to_index(a[1], k)) return Value();
    if (!eng<Condition>(a).locked()) return raise(T.RuntimeError, "cannot notify on un-acquired lock");
    eng<Condition>(a).notify(static_cast<std::size_t>(k));
    return Value::none();
}
Value cond_notify_all(Value* a, int, const CallArgs&) {
    if (!eng<Condition>(a).locked()) return raise(T.RuntimeError, "cannot notify on un-acquired lock");
    eng<Condition>(a).notify_all();
    return Value::none();
}
Value cond_aenter(Value* a, int, const CallArgs&) { return cotask(acquire_none(eng<Condition>(a).acquire()), a[0]); }
Value cond_aexit(Value* a, int n, const CallArgs& kw) {
    Value r = cond_release(a, n, kw);
    if (r.is_null()) return r;
    return completed(Value::none());
}

using PyQueue = corolab::Queue<Value>;
Value queue_make(Value* a, int n, const CallArgs& kw, ClassObj* cls, corolab::QueueOrder order) {
    Value m = arg_at(a, n, kw, 1, "maxsize");
    std::int64_t maxsize = 0;
    if (!m.is_null() && !to_index(m, maxsize)) return Value();
    // heapq compares with `<`; a Python error crosses the engine as PyError
    auto less = [](const Value& x, const Value& y) {
        int r = less_than(x, y);
        if (r < 0) throw PyError(take_exc());
        return r == 1;
    };
    return Value(make<EngineObj<PyQueue>>(cls, std::make_unique<PyQueue>(static_cast<long>(maxsize), order, less)));
}
Value q_new(Value* a, int n, const CallArgs& kw) { return queue_make(a, n, kw, C.Queue, corolab::QueueOrder::fifo); }
Value lifoq_new(Value* a, int n, const CallArgs& kw) { return queue_make(a, n, kw, C.LifoQueue, corolab::QueueOrder::lifo); }
Value prioq_new(Value* a, int n, const CallArgs& kw) {
    return queue_make(a, n, kw, C.PriorityQueue, corolab::QueueOrder::priority);
}
Value q_put(Value* a, int n, const CallArgs&) {
    if (n < 2) return raise(T.TypeError, "put() missing 1 required positional argument: 'item'");
    return cotask(conv_void(eng<PyQueue>(a).put(a[1])), a[0]);
}
Value q_get(Value* a, int, const CallArgs&) { return cotask(eng<PyQueue>(a).get(), a[0]); }
Value q_put_nowait(Value* a, int n, const CallArgs&) {
    if (n < 2) return raise(T.TypeError, "put_nowait() missing 1 required positional argument: 'item'");
    return guarded([&] { eng<PyQueue>(a).put_nowait(a[1]); return Value::none(); });
}
Value q_get_nowait(Value* a, int, const CallArgs&) {
    return guarded([&] { return eng<PyQueue>(a).get_nowait(); });
}
Value q_task_done(Value* a, int, const CallArgs&) {
    return guarded([&] { eng<PyQueue>(a).task_done(); return Value::none(); });
}
Value q_join(Value* a, int, const CallArgs&) { return cotask(conv_void(eng<PyQueue>(a).join()), a[0]); }
Value q_qsize(Value* a, int, const CallArgs&) { return Value::integer(static_cast<std::int64_t>(eng<PyQueue>(a).qsize())); }
Value q_empty(Value* a, int, const CallArgs&) { return Value::boolean(eng<PyQueue>(a).empty()); }
Value q_full(Value* a, int, const CallArgs&) { return Value::boolean(eng<PyQueue>(a).full()); }
Value q_maxsize(Value* a, int, const CallArgs&) { return Value::integer(eng<PyQueue>(a).maxsize()); }

corolab::Task<Value> conv_int(corolab::Task<int> t) { co_return Value::integer(co_await std::move(t)); }
Value bar_new(Value* a, int n, const CallArgs& kw) {
    Value p = arg_at(a, n, kw, 1, "parties");
    if (p.is_null()) return raise(T.TypeError, "Barrier.__init__() missing 1 required positional argument: 'parties'");
    std::int64_t parties;
    if (!to_index(p, parties)) return Value();
    if (parties < 1) return raise(T.ValueError, "parties must be > 0");
    if (parties > INT32_MAX) return raise(T.OverflowError, "parties is too large");
    return Value(make<EngineObj<Barrier>>(C.Barrier, std::make_unique<Barrier>(static_cast<int>(parties))));
}
Value bar_wait(Value* a, int, const CallArgs&) { return cotask(conv_int(eng<Barrier>(a).wait()), a[0]); }
Value bar_reset(Value* a, int, const CallArgs&) { return cotask(conv_void(eng<Barrier>(a).reset()), a[0]); }
Value bar_abort(Value* a, int, const CallArgs&) { return cotask(conv_void(eng<Barrier>(a).abort()), a[0]); }
Value bar_aexit(Value* a, int, const CallArgs&) { return completed(Value::none()); }
Value bar_parties(Value* a, int, const CallArgs&) { return Value::integer(eng<Barrier>(a).parties()); }
Value bar_n_waiting(Value* a, int, const CallArgs&) { return Value::integer(eng<Barrier>(a).n_waiting()); }
Value bar_broken(Value* a, int, const CallArgs&) { return Value::boolean(eng<Barrier>(a).broken()); }

// The reprs of locks.py and queues.py (3.11): object.__repr__ with the
// state in brackets; a queue shows `<Queue at 0x... maxsize=0 ...>`.
Value bracket_repr(const Value& self, std::string extra) {
    std::string r = default_repr(self);
    r.pop_back();
    return str_value(r + " [" + extra + "]>");
}
std::string with_waiters(std::string extra, std::size_t n) {
    return n ? extra + ", waiters:" + std::to_string(n) : extra;
}
Value lk_repr(Value* a, int, const CallArgs&) {
    return bracket_repr(a[0], with_waiters(eng<Lock>(a).locked() ? "locked" : "unlocked", eng<Lock>(a).waiters()));
}
Value ev_repr(Value* a, int, const CallArgs&) {
    return bracket_repr(a[0], with_waiters(eng<Event>(a).is_set() ? "set" : "unset", eng<Event>(a).waiters()));
}
Value sem_repr(Value* a, int, const CallArgs&) {
    Semaphore& s = eng<Semaphore>(a);
    return bracket_repr(a[0], with_waiters(s.locked() ? "locked" : "unlocked, value:" + std::to_string(s.value()), s.waiters()));
}
Value cond_repr(Value* a, int, const CallArgs&) {
    return bracket_repr(a[0], with_waiters(eng<Condition>(a).locked() ? "locked" : "unlocked", eng<Condition>(a).waiters()));
}
Value bar_repr(Value* a, int, const CallArgs&) {
    Barrier& b = eng<Barrier>(a);
    static const char* const states[] = {"filling", "draining", "resetting", "broken"};
    std::string extra = states[static_cast<int>(b.state())];
    if (!b.broken()) extra += ", waiters:" + std::to_string(b.n_waiting()) + "/" + std::to_string(b.parties());
    return bracket_repr(a[0], extra);
}
Value queue_text(Value* a, bool with_address) {  // Queue.__repr__ / __str__
    PyQueue& q = eng<PyQueue>(a);
    std::string r = "<" + a[0].o->cls->name + (with_address ? " at 0x7f0000000000" : "") + " maxsize=" + std::to_string(q.maxsize());
    if (!q.empty()) {
        std::vector<Value> items(q.items().begin(), q.items().end());
        r += " _queue=";
        if (!append_repr(r, list_value(std::move(items)))) return Value();
    }
    if (q.getters()) r += " _getters[" + std::to_string(q.getters()) + "]";
    if (q.putters()) r += " _putters[" + std::to_string(q.putters()) + "]";
    if (q.unfinished()) r += " tasks=" + std::to_string(q.unfinished());
    return str_value(r + ">");
}
Value q_repr(Value* a, int, const CallArgs&) { return queue_text(a, true); }
Value q_str(Value* a, int, const CallArgs&) { return queue_text(a, false); }

// __aexit__ of scopes whose engine exit(e) rethrows e, throws a
// replacement, or returns when there is nothing to raise.
template <class Exit>
corolab::Task<Value> scope_exit(Value keep, Value exc, Exit exit) {
    std::exception_ptr e = exc.is_none() || exc.is_null() ? nullptr : to_engine(exc);
    std::exception_ptr thrown;
    try {
        co_await exit(e);
    } catch (...) {
        thrown = std::current_exception();
    }
    (void)keep;
    if (!thrown) co_return Value::boolean(e != nullptr);
    Value t = from_engine(thrown);
    if (t.tag == Tag::Obj && exc.tag == Tag::Obj && t.o == exc.o) co_return Value::boolean(false);
    co_return corolab::Fail{thrown};  // not a rethrow: see corolab::Fail
}

Value tg_new(Value*, int, const CallArgs&) {
    return Value(make<EngineObj<TaskGroup>>(C.TaskGroup, std::make_unique<TaskGroup>()));
}
Value tg_aenter(Value* a, int, const CallArgs&) {
    Value self = a[0];
    return guarded([&] { eng<TaskGroup>(a).enter(); return completed(self); });
}
Value tg_aexit(Value* a, int n, const CallArgs&) {
    Value exc = n > 2 ? a[2] : Value::none();
    TaskGroup* tg = &eng<TaskGroup>(a);
    return cotask(scope_exit(a[0], exc, [tg](std::exception_ptr e) { return tg->exit(e); }), a[0]);
}
// The trace's label of a task's coroutine: job('a', 2). Only arguments whose
// repr runs no Python code are shown; others are "…".
static std::string trace_label(GenObj* g) {
    std::string out = as_str(g->qualname)->s + "(";
    Code* c = g->frame->code;
    for (int i = 0; i < c->nargs; ++i) {
        const Value& v = g->frame->slots[i];
        if (i) out += ", ";
        bool plain = v.is_none() || v.is_bool() || v.is_int() || v.is_float() || is_str(v);
        std::string r = plain ? as_str(repr_of(v))->s : "…";
        out += r.size() > 24 ? r.substr(0, 23) + "…" : r;
        if (out.size() > 60) { out += ", …"; break; }
    }
    return out + ")";
}

Value tg_create_task(Value* a, int n, const CallArgs& kw) {
    Value coro = arg_at(a, n, kw, 1, "coro");
    Value name = arg_at(a, n, kw, 2, "name");
    if (!is_coroutine(coro)) return coro_expected(coro);
    std::optional<std::string> nm;
    if (!name.is_null() && !name.is_none()) nm = as_str(str_of(name))->s;
    TaskGroup& tg = eng<TaskGroup>(a);
    if (nm) corolab::detail::next_task_number();  // ADAPTER: see make_task
    return guarded([&] {
        auto h = tg.create_task(engine_coro(coro, true), nm);
        if (is_kind(coro, Kind::Coroutine))
            h->set_coro_repr(as_str(static_cast<GenObj*>(coro.o)->qualname)->s + "() running at " + aio().filename + ":" +
                             std::to_string(static_cast<GenObj*>(coro.o)->frame->code->firstline));
        if (aio().tracing() && is_kind(coro, Kind::Coroutine)) h->set_trace_label(trace_label(static_cast<GenObj*>(coro.o)));
        Value t = task_object(&h.base());
        as_future(t)->coro = coro;
        return t;
    });
}

Value timeout_make(std::optional<double> when) {
    return Value(make<EngineObj<Timeout>>(C.Timeout, std::make_unique<Timeout>(when)));
}
Value a_timeout(Value* a, int n, const CallArgs& kw) {
    bool ok;
    auto d = opt_seconds(arg_at(a, n, kw, 0, "delay"), ok);
    if (!ok) return Value();
    std::optional<double> when;
    if (d) when = current_loop().time() + *d;
    return timeout_make(when);
}
Value a_timeout_at(Value* a, int n, const CallArgs& kw) {
    bool ok;
    auto w = opt_seconds(arg_at(a, n, kw, 0, "when"), ok);
    if (!ok) return Value();
    if (w) *w -= aio().base.at(&current_loop());
    return timeout_make(w);
}
Value to_aenter(Value* a, int, const CallArgs&) {
    Value self = a[0];
    return guarded([&] { eng<Timeout>(a).enter(); return completed(self); });
}
Value to_aexit(Value* a, int n, const CallArgs&) {
    Value exc = n > 2 ? a[2] : Value::none();
    Timeout* t = &eng<Timeout>(a);
    return cotask(scope_exit(a[0], exc, [t](std::exception_ptr e) -> corolab::Task<void> {
        t->exit(e);
        co_return;
    }), a[0]);
}
Value to_when(Value* a, int, const CallArgs&) {
    auto w = eng<Timeout>(a).when();
    if (!w) return Value::none();
    return Value::number(*w + aio().base.at(&current_loop()));
}
Value to_reschedule(Value* a, int n, const CallArgs&) {
    bool ok;
    auto w = opt_seconds(n > 1 ? a[1] : Value(), ok);
    if (!ok) return Value();
    if (w) *w -= aio().base.at(&current_loop());
    return guarded([&] { eng<Timeout>(a).reschedule(w); return Value::none(); });
}
Value to_expired(Value* a, int, const CallArgs&) { return Value::boolean(eng<Timeout>(a).expired()); }

ClassObj* native_class(const char* name, BuiltinFnPtr ctor) {
    ClassObj* c = make_builtin_class(name, T.object, Kind::Native);
    if (ctor) add_method(c, "__new__", ctor);
    return c;
}

void init_classes() {
    static bool done = false;
    if (done) return;
    done = true;
    C.Awaitable = native_class("coroutine", nullptr);
    C.RunReq = native_class("_RunRequest", nullptr);
    C.Future = native_class("Future", fut_new);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"done", f_done}, {"cancelled", f_cancelled}, {"result", f_result}, {"exception", f_exception},
             {"cancel", f_cancel}, {"set_result", f_set_result}, {"set_exception", f_set_exception},
             {"add_done_callback", f_add_done_callback}, {"remove_done_callback", f_remove_done_callback},
             {"__repr__", f_repr}})
        add_method(C.Future, n, f);
    C.Task = make_builtin_class("Task", C.Future, Kind::Native);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"get_name", t_get_name}, {"set_name", t_set_name}, {"get_coro", t_get_coro},
             {"cancelling", t_cancelling}, {"uncancel", t_uncancel}})
        add_method(C.Task, n, f);
    C.Handle = native_class("TimerHandle", nullptr);
    add_method(C.Handle, "cancel", h_cancel);
    add_method(C.Handle, "cancelled", h_cancelled);
    add_method(C.Handle, "when", h_when);
    C.Loop = native_class("_UnixSelectorEventLoop", nullptr);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"run_until_complete", l_run_until_complete}, {"close", l_close}, {"is_closed", l_is_closed},
             {"is_running", l_is_running}, {"time", l_time}, {"call_soon", l_call_soon},
             {"call_later", l_call_later}, {"call_at", l_call_at}, {"create_future", l_create_future},
             {"create_task", l_create_task}, {"run_forever", l_run_forever}, {"stop", l_stop},
             {"run_in_executor", l_run_in_executor_m}, {"call_soon_threadsafe", l_call_soon}})
        add_method(C.Loop, n, f);
    C.Runner = native_class("Runner", runner_new);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"run", runner_run}, {"close", runner_close}, {"get_loop", runner_get_loop},
             {"__enter__", runner_enter}, {"__exit__", runner_close}})
        add_method(C.Runner, n, f);
    C.Event = native_class("Event", ev_new);
    add_method(C.Event, "set", ev_set);
    add_method(C.Event, "clear", ev_clear);
    add_method(C.Event, "is_set", ev_is_set);
    add_method(C.Event, "wait", ev_wait);
    add_method(C.Event, "__repr__", ev_repr);
    C.Lock = native_class("Lock", lk_new);
    add_method(C.Lock, "acquire", lk_acquire);
    add_method(C.Lock, "release", lk_release);
    add_method(C.Lock, "locked", lk_locked);
    add_method(C.Lock, "__repr__", lk_repr);
    add_method(C.Lock, "__aenter__", lk_aenter);
    add_method(C.Lock, "__aexit__", lk_aexit);
    C.Semaphore = native_class("Semaphore", sem_new);
    C.BoundedSemaphore = make_builtin_class("BoundedSemaphore", C.Semaphore, Kind::Native);
    add_method(C.BoundedSemaphore, "__new__", bsem_new);
    add_method(C.Semaphore, "acquire", sem_acquire);
    add_method(C.Semaphore, "release", sem_release);
    add_method(C.Semaphore, "locked", sem_locked);
    add_method(C.Semaphore, "__repr__", sem_repr);
    add_method(C.Semaphore, "__aenter__", sem_aenter);
    add_method(C.Semaphore, "__aexit__", sem_aexit);
    C.Condition = native_class("Condition", cond_new);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"acquire", cond_acquire}, {"release", cond_release}, {"locked", cond_locked}, {"wait", cond_wait},
             {"wait_for", cond_wait_for}, {"notify", cond_notify}, {"notify_all", cond_notify_all},
             {"__aenter__", cond_aenter}, {"__aexit__", cond_aexit}, {"__repr__", cond_repr}})
        add_method(C.Condition, n, f);
    C.Queue = native_class("Queue", q_new);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"put", q_put}, {"get", q_get}, {"put_nowait", q_put_nowait}, {"get_nowait", q_get_nowait},
             {"task_done", q_task_done}, {"join", q_join}, {"qsize", q_qsize}, {"empty", q_empty},
             {"full", q_full}, {"__repr__", q_repr}, {"__str__", q_str}})
        add_method(C.Queue, n, f);
    add_property(C.Queue, "maxsize", q_maxsize);
    C.LifoQueue = make_builtin_class("LifoQueue", C.Queue, Kind::Native);
    add_method(C.LifoQueue, "__new__", lifoq_new);
    C.PriorityQueue = make_builtin_class("PriorityQueue", C.Queue, Kind::Native);
    add_method(C.PriorityQueue, "__new__", prioq_new);
    C.Barrier = native_class("Barrier", bar_new);
    for (auto [n, f] : std::initializer_list<std::pair<const char*, BuiltinFnPtr>>{
             {"wait", bar_wait}, {"reset", bar_reset}, {"abort", bar_abort}, {"__aenter__", bar_wait},
             {"__aexit__", bar_aexit}, {"__repr__", bar_repr}})
        add_method(C.Barrier, n, f);
    add_property(C.Barrier, "parties", bar_parties);
    add_property(C.Barrier, "n_waiting", bar_n_waiting);
    add_property(C.Barrier, "broken", bar_broken);
    C.TaskGroup = native_class("TaskGroup", tg_new);
    add_method(C.TaskGroup, "__aenter__", tg_aenter);
    add_method(C.TaskGroup, "__aexit__", tg_aexit);
    add_method(C.TaskGroup, "create_task", tg_create_task);
    C.Timeout = native_class("Timeout", nullptr);
    add_method(C.Timeout, "__aenter__", to_aenter);
    add_method(C.Timeout, "__aexit__", to_aexit);
    add_method(C.Timeout, "when", to_when);
    add_method(C.Timeout, "reschedule", to_reschedule);
    add_method(C.Timeout, "expired", to_expired);
    C.AsCompleted = native_class("_AsCompleted", nullptr);
    // type(x) prints CPython's module paths (<class '_asyncio.Task'>)
    for (auto [c, m] : std::initializer_list<std::pair<ClassObj*, const char*>>{
             {C.Future, "_asyncio"}, {C.Task, "_asyncio"}, {C.Handle, "asyncio.events"},
             {C.Loop, "asyncio.unix_events"}, {C.Runner, "asyncio.runners"}, {C.Event, "asyncio.locks"}, {C.Lock, "asyncio.locks"},
             {C.Semaphore, "asyncio.locks"}, {C.BoundedSemaphore, "asyncio.locks"}, {C.Condition, "asyncio.locks"}, {C.Barrier, "asyncio.locks"},
             {T.BrokenBarrierError, "asyncio.exceptions"},
             {C.Queue, "asyncio.queues"}, {C.LifoQueue, "asyncio.queues"}, {C.PriorityQueue, "asyncio.queues"}, {C.TaskGroup, "asyncio.taskgroups"}, {C.Timeout, "asyncio.timeouts"},
             {T.CancelledError, "asyncio.exceptions"}, {T.InvalidStateError, "asyncio.exceptions"},
             {T.QueueEmpty, "asyncio.queues"}, {T.QueueFull, "asyncio.queues"}})
        c->module = m;
    add_method(C.AsCompleted, "__iter__", ac_iter);
    add_method(C.AsCompleted, "__next__", ac_next);
}

}  // namespace

// ---- the bridge ----------------------------------------------------------------------
FutureObj::FutureObj(ClassObj* c, Ref<FutureBase> f, Value (*r)(FutureBase&)) : Awaitable(c), fut(std::move(f)), read(r) {}
FutureObj::~FutureObj() {
    if (fut && fut->is_task() && AsyncioState::current) {
        auto& m = AsyncioState::current->tasks;
        auto it = m.find(static_cast<TaskBase*>(fut.get()));
        if (it != m.end() && it->second == this) m.erase(it);
    }
}
corolab::Task<Value> FutureObj::await_it() {
    Ref<FutureBase> f = fut;
    auto read_fn = read;
    co_await FutureAwaiter<void>(f.get(), f->is_task() ? On::task : f->wait_kind());
    co_return read_fn(*f);
}

CoTaskObj::CoTaskObj(corolab::Task<Value> t, Value o) : Awaitable(C.Awaitable), task(std::move(t)), owner(std::move(o)) {}
corolab::Task<Value> CoTaskObj::await_it() {
    if (!task) throw PyError(make_exception(T.RuntimeError, {str_value("cannot reuse already awaited coroutine")}));
    return std::move(task);
}

SleepObj::SleepObj(double d, Value r) : Awaitable(C.Awaitable), delay(d), result(std::move(r)) {}
SleepObj::~SleepObj() {
    if (!awaited) warn_never_awaited("sleep");
}
static corolab::Task<Value> sleep_then(double delay, Value r) {
    co_await corolab::sleep(delay);
    co_return r;
}
corolab::Task<Value> SleepObj::await_it() {
    awaited = true;
    return sleep_then(delay, result);
}

RunRequest::RunRequest(Value t, bool run, Value l) : NativeObj(C.RunReq), target(std::move(t)), is_run(run), loop(std::move(l)) {}

// The loop's firstiter hook (BaseEventLoop._asyncgen_firstiter_hook).
static void track_asyncgen(const Value& agen) {
    AsyncioState& s = aio();
    if (!s.running) return;
    auto* g = static_cast<GenObj*>(agen.o);
    s.asyncgens[g] = {s.running, s.asyncgen_seq++, Value()};
    g->finalizer = true;
}

static corolab::Task<Value> aclose_task(Value agen) {
    // Closing now: a generator the finalizer kept alive leaves the registry
    // (asyncio.run's shutdown must not close it a second time).
    auto& tracked = aio().asyncgens;
    auto it = tracked.find(static_cast<GenObj*>(agen.o));
    if (it != tracked.end() && it->second.keep.is_obj()) tracked.erase(it);
    auto* step = make<AsyncGenStep>(agen);
    step->throw_exc = make_exception(T.GeneratorExit, {});
    step->close = true;
    co_return co_await engine_coro(Value(step));
}

// The loop's finalizer hook (BaseEventLoop._asyncgen_finalizer_hook): an
// async generator dropped before it finished is kept alive and closed by an
// aclose() task, created by a call_soon callback as call_soon_threadsafe
// does, so its `finally` runs in the loop that iterated it (when that loop
// runs next, if it is not running now: Runner.close()). Until that task
// starts the registry keeps it: if asyncio.run cancels the task before it
// ran, its shutdown closes the generator instead.
static bool finalize_asyncgen(Object* o) {
    if (!AsyncioState::current) return false;
    AsyncioState& s = *AsyncioState::current;
    auto* g = static_cast<GenObj*>(o);
    auto it = s.asyncgens.find(g);
    if (it == s.asyncgens.end()) return false;
    Loop* loop = it->second.loop;
    if (!g->frame || g->running || rt().vm->fatal()) {
        s.asyncgens.erase(it);
        return false;
    }
    Value agen(g);
    it->second.keep = agen;
    loop->call_soon([loop, agen] {
        auto h = corolab::create_task(*loop, aclose_task(agen));
        h->set_coro_repr("<async_generator_athrow without __name__>()");
        if (aio().tracing()) h->set_trace_label(as_str(static_cast<GenObj*>(agen.o)->qualname)->s + "().aclose()");
    });
    return true;
}

static bool engine_awaitable(const Value& v) { return as_awaitable(v) != nullptr; }

namespace {
// Drops the frames of a Python coroutine whose engine coroutine is
// destroyed before it finished (loop.stop()).
struct ThreadGuard {
    Thread th;
    TaskBase* coro_of = nullptr;  // a task's root coroutine: forget it when it ends
    ~ThreadGuard() {
        if (coro_of && AsyncioState::current) AsyncioState::current->task_coros.erase(coro_of);
        if (th.top && rt().vm) rt().vm->abandon(th);
    }
};
}  // namespace

static std::string coro_repr(const Value& coro, const char* state) {
    auto* g = static_cast<GenObj*>(coro.o);
    int line = g->frame ? g->frame->code->firstline : 0;
    return as_str(g->qualname)->s + "() " + state + " " + aio().filename + ":" + std::to_string(line);
}

constexpr std::uint64_t kTaskSwitchSteps = 100;

// Task.__step when a task awaits itself: the error is thrown in on the next
// iteration.
static corolab::Task<Value> awaiting_itself(FutureObj* self) {
    Value r = future_repr(self);
    Value exc = r.is_null() ? take_exc()
                            : make_exception(T.RuntimeError, {str_value("Task cannot await on itself: " + as_str(r)->s)});
    co_await corolab::sleep(0);
    throw PyError(exc);
}

corolab::Task<Value> drive(Value coro, bool root) {
    ThreadGuard g;
    Vm& vm = *rt().vm;
    TaskBase* task = corolab::current_task();
    g.th.task_id = task ? task->id() : 0;
    g.coro_of = root ? task : nullptr;
    std::string done_repr = root ? coro_repr(coro, "done, defined at") : std::string();
    RunResult r = vm.start_coroutine(coro, g.th);  // `coro` keeps its frames alive
    while (true) {
        if (r.status != RunStatus::Suspended && root && task) task->set_coro_repr(done_repr);
        if (r.status == RunStatus::Returned) co_return std::move(r.value);
        if (r.status == RunStatus::Raised) co_return corolab::Fail{to_engine(r.value)};
        Value aw = std::move(r.value);
        Value send, exc;
        if (!engine_awaitable(aw)) {
            exc = make_exception(T.RuntimeError, {str_value("not supported in corolab: awaiting this object")});
        } else {
            // The outcome comes back as a value, not a throw: clang 14's Wasm
            // exception handling loses exceptions thrown at a co_await inside
            // a try block of this coroutine. (One co_await only: the Wasm
            // build crashed with a second one here.)
            if (corolab::Trace* tr = aio().tracing()) tr->await_line = static_cast<std::uint32_t>(Vm::line_of(g.th));
            corolab::Task<Value> next;
            if (task && is_future_like(aw) && as_future(aw)->fut.get() == task) next = awaiting_itself(as_future(aw));
            else next = as_awaitable(aw)->await_it();
            auto outcome = co_await std::move(next).settle();
            if (outcome.error) exc = from_engine(outcome.error);
            else send = std::move(*outcome.value);
        }
        aw = Value();
        // A task switch costs the loop far more than one instruction: charged
        // so the step budget ends `while True: await asyncio.sleep(0)` as
        // soon as it ends `while True: pass`.
        charge_steps(kTaskSwitchSteps);
        r = vm.resume(g.th, std::move(send), std::move(exc));
    }
}

[[gnu::noinline]] std::exception_ptr to_engine(const Value& exc) {
    if (exc_matches(exc, T.CancelledError)) {
        std::optional<std::string> msg;
        auto* e = static_cast<ExceptionObj*>(exc.o);
        auto* args = static_cast<TupleObj*>(e->args.o);
        if (args && !args->items.empty() && is_str(args->items[0])) msg = as_str(args->items[0])->s;
        return std::make_exception_ptr(PyCancelled(exc, msg));
    }
    return std::make_exception_ptr(PyError(exc));
}

static Value engine_error_value(const char* kind, const std::string& what) {
    std::string k = kind;
    ClassObj* c = T.RuntimeError;
    if (k == "TimeoutError") c = T.TimeoutError;
    else if (k == "InvalidStateError") c = T.InvalidStateError;
    else if (k == "QueueFull") c = T.QueueFull;
    else if (k == "QueueEmpty") c = T.QueueEmpty;
    else if (k == "ValueError") c = T.ValueError;
    else if (k == "BrokenBarrierError") c = T.BrokenBarrierError;
    std::vector<Value> args;
    if (!what.empty()) args.push_back(str_value(what));
    return make_exception(c, std::move(args));
}

[[gnu::noinline]] Value from_engine(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const PyCancelled& p) {
        return p.exc;
    } catch (const PyError& p) {
        return p.exc;
    } catch (const corolab::CancelledError& c) {
        std::vector<Value> args;
        if (c.message()) args.push_back(str_value(*c.message()));
        return make_exception(T.CancelledError, std::move(args));
    } catch (const corolab::ExceptionGroup& g) {
        std::vector<Value> subs;
        bool all_exc = true;
        for (auto& s : g.exceptions()) {
            Value v = from_engine(s);
            if (!exc_matches(v, T.Exception)) all_exc = false;
            subs.push_back(v);
        }
        ClassObj* c = all_exc ? T.ExceptionGroup : T.BaseExceptionGroup;
        ExceptionObj* eg = make<ExceptionObj>(c);
        Value ev(eg);
        eg->message = str_value(g.what());
        eg->exceptions = tuple_value(subs);
        eg->args = tuple_value({eg->message, list_value(subs)});
        return ev;
    } catch (const corolab::EngineError& x) {
        return engine_error_value(x.kind(), x.what());
    } catch (const std::exception& x) {
        return make_exception(T.RuntimeError, {str_value(x.what())});
    }
    return make_exception(T.RuntimeError, {str_value("unknown engine error")});
}

Value raise_current_cpp() { return raise_value(from_engine(std::current_exception())); }

Value task_object(TaskBase* t) {
    auto& m = aio().tasks;
    auto it = m.find(t);
    if (it != m.end()) return Value(static_cast<Object*>(it->second));
    auto* obj = make<FutureObj>(C.Task, Ref<FutureBase>(t), read_value);
    m[t] = obj;
    auto c = aio().task_coros.find(t);
    if (c != aio().task_coros.end()) {
        if (!t->done()) obj->coro = c->second;
        else aio().task_coros.erase(c);
    }
    return Value(obj);
}

corolab::Task<Value> run_awaitable(Value aw) {
    co_return co_await static_cast<Awaitable*>(static_cast<Obj*>(aw.o))->await_it();
}

corolab::Task<Value> engine_coro(const Value& coro, bool root) {
    if (is_kind(coro, Kind::Native)) return run_awaitable(coro);
    return drive(coro, root);
}

Value make_task(Loop& loop, const Value& coro, std::optional<std::string> name) {
    if (is_kind(coro, Kind::Native)) {
        // asyncio.sleep() and friends: an engine awaitable run as the task
        auto h = corolab::create_task(loop, run_awaitable(coro), std::move(name));
        Value t = task_object(&h.base());
        as_future(t)->coro = coro;
        return t;
    }
    auto* g = static_cast<GenObj*>(coro.o);
    if (!g->frame || g->started) return raise(T.RuntimeError, "cannot reuse already awaited coroutine");
    if (loop.live_tasks() > aio().task_limit)
        return rt().vm->set_fatal("tasks", "task limit of " + std::to_string(aio().task_limit) + " reached");
    g->awaited = true;
    // ADAPTER (engine): under the oracle a named task still takes a number
    // from the Task-N counter (the task is made unnamed, then renamed);
    // the engine does not count named tasks, so use one up here.
    if (name) corolab::detail::next_task_number();
    auto h = corolab::create_task(loop, drive(coro, true), std::move(name));
    Value t = task_object(&h.base());
    as_future(t)->coro = coro;
    aio().task_coros[&h.base()] = coro;
    Code* c = g->frame->code;
    h->set_coro_repr(as_str(g->qualname)->s + "() running at " + aio().filename + ":" + std::to_string(c->firstline));
    if (aio().tracing()) h->set_trace_label(trace_label(g));
    return t;
}

static void set(DictObj* d, const char* n, Value v) { dict_set_str(d, n, v); }

// CPython 3.11's asyncio submodules that code imports from, each with its
// __all__: the names corolab has are shared with `asyncio`, the others
// say "not supported in corolab" (ModuleObj::unsupported), as do the names
// of asyncio.__all__ that corolab lacks.
static Value dict_lookup(DictObj* d, const char* n) { return dict_get(d, str_value(n)); }
static void add_submodules(ModuleObj* asyncio) {
    static const std::vector<std::pair<const char*, std::vector<const char*>>> subs = {
        {"exceptions", {"BrokenBarrierError", "CancelledError", "IncompleteReadError", "InvalidStateError",
                        "LimitOverrunError", "SendfileNotAvailableError", "TimeoutError"}},
        {"tasks", {"ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION", "Task", "all_tasks", "as_completed",
                   "create_task", "current_task", "ensure_future", "gather", "run_coroutine_threadsafe", "shield",
                   "sleep", "wait", "wait_for"}},
        {"queues", {"LifoQueue", "PriorityQueue", "Queue", "QueueEmpty", "QueueFull"}},
        {"locks", {"Barrier", "BoundedSemaphore", "Condition", "Event", "Lock", "Semaphore"}},
        {"futures", {"Future", "isfuture", "wrap_future"}},
        {"events", {"AbstractEventLoop", "AbstractEventLoopPolicy", "AbstractServer", "Handle", "TimerHandle",
                    "get_child_watcher", "get_event_loop", "get_event_loop_policy", "get_running_loop",
                    "new_event_loop", "set_child_watcher", "set_event_loop", "set_event_loop_policy"}},
        {"runners", {"Runner", "run"}},
        {"taskgroups", {"TaskGroup"}},
        {"timeouts", {"Timeout", "timeout", "timeout_at"}},
        {"coroutines", {"iscoroutine", "iscoroutinefunction"}},
        {"threads", {"to_thread"}},
    };
    static const char* const others[] = {
        "AbstractChildWatcher", "BaseEventLoop", "BaseProtocol", "BaseTransport", "BufferedProtocol",
        "DatagramProtocol", "DatagramTransport", "DefaultEventLoopPolicy", "FastChildWatcher",
        "MultiLoopChildWatcher", "PidfdChildWatcher", "Protocol", "ReadTransport", "SafeChildWatcher",
        "SelectorEventLoop", "Server", "StreamReader", "StreamReaderProtocol", "StreamWriter",
        "SubprocessProtocol", "SubprocessTransport", "ThreadedChildWatcher", "Transport", "WriteTransport",
        "create_subprocess_exec", "create_subprocess_shell", "open_connection", "open_unix_connection",
        "start_server", "start_unix_server", "subprocess", "streams", "base_events", "unix_events"};
    auto missing = std::make_shared<std::unordered_set<std::string>>();
    for (const char* n : others)
        if (dict_lookup(asyncio->dict, n).is_null()) missing->insert(n);
    for (auto& [sub, names] : subs) {
        std::string full = std::string("asyncio.") + sub;
        ModuleObj* m = make<ModuleObj>(full);
        Value mv(m);
        auto lacks = std::make_shared<std::unordered_set<std::string>>();
        for (const char* n : names) {
            Value v = dict_lookup(asyncio->dict, n);
            if (v.is_null()) { lacks->insert(n); missing->insert(n); }
            else set(m->dict, n, v);
        }
        m->unsupported = lacks;
        set(asyncio->dict, sub, mv);
        rt().modules[full] = mv;
    }
    asyncio->unsupported = missing;
}

Value make_module_asyncio() {
    init_classes();
    rt().vm->is_engine_awaitable = engine_awaitable;
    rt().vm->agen_first_iter = track_asyncgen;
    Heap::finalize = finalize_asyncgen;
    ModuleObj* m = make<ModuleObj>("asyncio");
    Value mv(m);
    DictObj* d = m->dict;
    auto fn = [&](const char* n, BuiltinFnPtr f) { set(d, n, Value(make_builtin(n, f, true))); };
    fn("run", a_run);
    fn("sleep", a_sleep);
    fn("create_task", a_create_task);
    fn("ensure_future", a_ensure_future);
    fn("gather", a_gather);
    fn("wait", a_wait);
    fn("wait_for", a_wait_for);
    fn("shield", a_shield);
    fn("as_completed", a_as_completed);
    fn("current_task", a_current_task);
    fn("all_tasks", a_all_tasks);
    fn("get_event_loop", a_get_event_loop);
    fn("get_running_loop", a_get_running_loop);
    fn("new_event_loop", a_new_event_loop);
    fn("set_event_loop", a_set_event_loop);
    fn("iscoroutine", a_iscoroutine);
    fn("iscoroutinefunction", a_iscoroutinefunction);
    fn("isfuture", a_isfuture);
    fn("to_thread", a_to_thread);
    fn("wrap_future", a_wrap_future);
    fn("run_coroutine_threadsafe", a_run_coroutine_threadsafe);
    fn("timeout", a_timeout);
    fn("timeout_at", a_timeout_at);
    auto cls = [&](const char* n, ClassObj* c) { set(d, n, Value(static_cast<Object*>(c))); };
    cls("Future", C.Future);
    cls("Task", C.Task);
    cls("Event", C.Event);
    cls("Lock", C.Lock);
    cls("Semaphore", C.Semaphore);
    cls("BoundedSemaphore", C.BoundedSemaphore);
    cls("Condition", C.Condition);
    cls("Barrier", C.Barrier);
    cls("BrokenBarrierError", T.BrokenBarrierError);
    cls("Queue", C.Queue);
    cls("LifoQueue", C.LifoQueue);
    cls("PriorityQueue", C.PriorityQueue);
    cls("TaskGroup", C.TaskGroup);
    cls("Runner", C.Runner);
    cls("Timeout", C.Timeout);
    cls("CancelledError", T.CancelledError);
    cls("TimeoutError", T.TimeoutError);
    cls("InvalidStateError", T.InvalidStateError);
    cls("QueueEmpty", T.QueueEmpty);
    cls("QueueFull", T.QueueFull);
    set(d, "FIRST_COMPLETED", str_value("FIRST_COMPLETED"));
    set(d, "FIRST_EXCEPTION", str_value("FIRST_EXCEPTION"));
    set(d, "ALL_COMPLETED", str_value("ALL_COMPLETED"));
    add_submodules(m);
    return mv;
}

// ---- running the loop ---------------------------------------------------------------
namespace {
corolab::Task<Value> noop() { co_return Value::none(); }

// BaseEventLoop.shutdown_default_executor: its workers finish (on a thread,
// as in CPython) while the loop runs; nothing to do without one.
corolab::Task<Value> shutdown_default_executor(Loop& loop) {
    if (rt().modules.find("_asyncio_threads") == rt().modules.end()) return noop();
    Value has = thread_bridge("has_default_executor");
    Value lo = loop_object(&loop);
    Value r = has.is_null() ? has : call1(has, lo);
    if (r.is_null()) { take_exc(); return noop(); }
    if (!r.is_bool() || !r.b) return noop();
    Value coro = call1(thread_bridge("shutdown_default_executor"), lo);
    if (coro.is_null()) { take_exc(); return noop(); }
    return drive(coro);
}

// BaseEventLoop.shutdown_asyncgens: aclose() of every async generator not
// finished, each in a task, gathered (errors are not reported).
corolab::Task<Value> shutdown_asyncgens(Loop& loop) {
    auto& tracked = aio().asyncgens;
    std::vector<std::pair<std::uint64_t, Value>> gens;  // (order, generator)
    std::vector<Value> kept;  // dropped once the registry is no longer walked
    for (auto it = tracked.begin(); it != tracked.end();) {
        if (it->second.loop != &loop) { ++it; continue; }
        if (it->first->frame) gens.emplace_back(it->second.seq, Value(it->first));
        it->first->finalizer = false;
        kept.push_back(std::move(it->second.keep));
        it = tracked.erase(it);
    }
    kept.clear();
    std::sort(gens.begin(), gens.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Ref<FutureBase>> closing;
    for (auto& [seq, g] : gens) {
        auto h = corolab::create_task(loop, aclose_task(g));
        closing.push_back(Ref<FutureBase>(&h.base()));
    }
    if (!closing.empty()) co_await detail::gather_futures<Value, true>(loop, std::move(closing));
    co_return Value::none();
}
}  // namespace

LoopRun::LoopRun(RunRequest* req) : is_run_(req->is_run) {
    AsyncioState& s = aio();
    Value target = req->target;
    if (is_run_) {
        loop_ = &s.new_loop();
        own_loop_ = true;
    } else {
        loop_ = static_cast<LoopObj*>(req->loop.o)->loop;
    }
    saved_running_ = s.running;
    s.base[loop_] = s.now - loop_->time();  // the loop's clock follows the global one
    s.running = loop_;
    if (loop_->trace() == nullptr && s.tracing()) loop_->set_trace(s.tracing());
    threads_loop_started();
    if (req->shutdown) {  // Runner.close(): the end of asyncio.run() without a main task
        shutdown_ = true;
        flag_ = std::make_shared<bool>(true);
        return;
    }
    if (req->forever) {
        forever_ = req->loop;
        flag_ = std::make_shared<bool>(false);
        result = Value::none();
        return;
    }
    Value fut;
    if (is_coroutine(target)) fut = make_task(*loop_, target, std::nullopt);
    else if (is_future_like(target)) fut = target;
    else fut = ensure_future(target);
    if (fut.is_null()) {
        exc = take_exc();
        phase_ = 4;
        finish();
        return;
    }
    main_ = fut;
    wait_on(as_future(fut)->fut);
}

LoopRun::~LoopRun() {
    if (!finished_) finish();
}

void LoopRun::wait_on(Ref<FutureBase> f) {
    waiting_ = f;
    flag_ = std::make_shared<bool>(false);
    auto flag = flag_;
    f->add_done_callback([flag](FutureBase&) { *flag = true; });
}

void LoopRun::finish() {
    AsyncioState& s = aio();
    if (s.running == loop_) {
        s.now = s.loop_time(loop_);
        s.running = saved_running_;
    }
    if (own_loop_) {
        loop_->stop();
        s.default_loop = nullptr;  // asyncio.Runner.close: set_event_loop(None)
        s.loop_set = true;
    }
    finished_ = true;
}

// The next phase once the awaited future is done.
void LoopRun::next_phase() {
    if (phase_ == 0) {
        if (shutdown_) {
            result = Value::none();
        } else {
            FutureObj* t = as_future(main_);
            std::exception_ptr err = t->fut->result_error();
            if (err) exc = from_engine(err);
            else result = t->read(*t->fut);
            if (!is_run_) { phase_ = 4; return; }
        }
        // asyncio.run's shutdown: cancel what is left, then the two shutdown
        // coroutines (they use up task names, as in CPython)
        std::vector<Ref<FutureBase>> left;
        for (auto& x : loop_->all_tasks())
            if (!x->done()) { x->cancel(); left.push_back(Ref<FutureBase>(x.get())); }
        phase_ = 1;
        if (!left.empty()) {
            wait_on(detail::gather_futures<Value, true>(*loop_, left).ref());
            return;
        }
    }
    if (phase_ == 1 || phase_ == 2) {
        // shutdown_asyncgens, then shutdown_default_executor
        ++phase_;
        auto t = corolab::create_task(*loop_, phase_ == 2 ? shutdown_asyncgens(*loop_) : shutdown_default_executor(*loop_));
        t.base().set_trace_label(phase_ == 2 ? "asyncio.run: shutdown_asyncgens()" : "asyncio.run: shutdown_default_executor()", true);
        wait_on(Ref<FutureBase>(&t.base()));
        return;
    }
    phase_ = 4;
}

double LoopRun::step(bool real, double slice) {
    AsyncioState& s = aio();
    double start = s.host_seconds ? s.host_seconds() : 0;
    while (phase_ < 4) {
        if (*flag_) {
            waiting_ = Ref<FutureBase>();
            next_phase();
            continue;
        }
        if (s.check_budgets) s.check_budgets();
        if (loop_->ready_count() == 0) {
            auto nd = loop_->next_deadline();
            if (!nd) {
                std::string names;
                std::vector<Ref<TaskBase>> all = loop_->all_tasks();
                std::sort(all.begin(), all.end(), [](const Ref<TaskBase>& a, const Ref<TaskBase>& b) { return a->id() < b->id(); });
                for (auto& t : all) names += (names.empty() ? "" : ", ") + t->name();
                throw RunAbort{"DeadlockError", "no task can make progress; waiting: " + (names.empty() ? std::string("none") : names), ""};
            }
            double when = s.base.at(loop_) + std::max(*nd, loop_->time());
            if (when > s.horizon) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%g", s.horizon);
                throw RunAbort{"BudgetExceeded", std::string("virtual time limit of ") + buf + " s reached", "time"};
            }
            if (real && *nd > loop_->time() + 1e-9) return (*nd - loop_->time()) / loop_->speed();
        }
        loop_->run_once();
        if (forever_.is_obj() && static_cast<LoopObj*>(forever_.o)->stop_flag) {
            static_cast<LoopObj*>(forever_.o)->stop_flag = false;
            phase_ = 4;
            break;
        }
        if (real && s.host_seconds && s.host_seconds() - start >= slice) return 0;
    }
    if (!finished_) finish();
    return -1;
}

}  // namespace corolab::lang
