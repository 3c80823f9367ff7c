// Simulated threads in virtual time: the `_thread` module (start, lock,
// get_ident) that threading.py, queue.py and concurrent.futures are
// written on (lang/modules/), as CPython's are on its `_thread`.
//
// The model (SCENARIO-LANGUAGE.md, "Threads and executors"):
// - A thread runs its Python code on a VM Thread of its own. Code takes no
//   virtual time. Where the thread blocks (time.sleep, a lock another thread
//   holds, and everything threading.py builds on locks) it suspends; its
//   wake-up is an event of the threads' queue (global virtual time, FIFO
//   at equal times): a sleep's end, a lock handed over, a timeout.
// - A new thread runs at once, inside start(), until it first blocks (as
//   CPython's Thread.start waits for the thread to run).
// - The main thread (module code, or the loop's thread: coroutines and
//   callbacks) never suspends here. When it blocks, the events due
//   meanwhile run first, at their times (the loop's clock jumps as for
//   time.sleep; no loop callback runs meanwhile); nothing left that could
//   end the wait is a deadlock.
// - While a loop runs, one loop timer (the "pump") fires at the earliest
//   event and runs the events due then.
//
// Trace: each thread is a lane of its own, id kLaneBase + n (n counts the
// run's threads from 1), made by a task_create record with "thread": true;
// running resumes the lane, blocking suspends it (sleep until, lock...),
// its end suspends it on "idle"; its lines are its output.
#include <deque>
#include <map>

#include "lang/modules/asyncio_bridge.hpp"
#include "lang/vm/budget.hpp"
#include "lang/objects/ops.hpp"
#include "lang/output.hpp"
#include "lang/vm/stack_guard.hpp"
#include "lang/modules/thread.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

namespace {
constexpr std::uint32_t kLaneBase = 1000000;
constexpr std::int64_t kMainIdent = 1;  // get_ident() of the main thread
constexpr int kMaxNestedStarts = 32;    // deeper start()s wait for the next event (no C++ recursion)
// Steps charged (lang/vm/budget.hpp) beyond the instructions a thread runs:
// a switch to a thread costs as a task switch does, a new thread more (its
// frames, locks and objects), so `while True: Thread(...).start()` ends on
// the step budget about as soon as `while True: pass`.
constexpr std::uint64_t kThreadSwitchSteps = 100;
constexpr std::uint64_t kThreadStartSteps = 2000;

struct SimThread {
    std::int64_t ident;
    std::string name;
    std::uint32_t lane;
    bool daemon = false, finished = false;
    Thread th;
    Value run;  // the bound method it runs (Thread._bootstrap)
    Value obj;  // its threading.Thread object (current_thread())
    int nested_base = 0;  // Vm::nesting() when it last resumed
    std::string on;       // what it waits on now ("" when running)
    bool idle_next = false;  // its next wait is for work (a pool worker): traced as idle
    bool blocked = false;    // suspended by block() (any other suspension is refused)
};

struct Waiter {
    SimThread* t = nullptr;  // null: the main thread
    bool woken = false;
    Value value, exc;
};
using WaiterRef = std::shared_ptr<Waiter>;

}  // namespace

struct ThreadWorld {
    std::vector<std::unique_ptr<SimThread>> threads;
    std::multimap<double, std::function<void()>> events;  // by global time, FIFO at equal times
    SimThread* cur = nullptr;                             // the thread running now (null: main)
    std::size_t live = 0;                                 // threads started and not finished
    std::uint32_t lanes = 0;                              // trace lanes made
    Loop* pump_loop = nullptr;
    corolab::Handle pump;
    double pump_when = 0;
    bool pumping = false;
    int nested_starts = 0;
};

namespace {
using World = ThreadWorld;
AsyncioState& aio() { return *AsyncioState::current; }
World& world() {
    if (!aio().thread_world) aio().thread_world = std::make_shared<ThreadWorld>();
    return *aio().thread_world;
}
double gnow() { return aio().time(); }

void trace(corolab::TraceEv ev, std::uint32_t lane, corolab::On on = corolab::On::other, double x = 0,
           const std::string& text = std::string(), std::uint32_t a = 0, std::uint8_t sub = 0) {
    corolab::Trace* tr = aio().tracing();
    if (!tr || lane == 0) return;  // lane 0: asyncio's own thread (no lane)
    if (ev == corolab::TraceEv::task_suspend) sub = static_cast<std::uint8_t>(on);
    // in a loop's own time while one runs, as its records are
    double t = aio().running ? aio().running->time() : gnow();
    tr->add(corolab::TraceRecord{t, x, lane, a, text.empty() ? 0u : corolab::interned().intern(text), ev, sub});
}

void run_due(double until);
void ensure_pump();

void post(double t, std::function<void()> fn) {
    world().events.emplace(t, std::move(fn));
    ensure_pump();
}

// While a loop runs: its timer at the earliest event.
void ensure_pump() {
    World& w = world();
    Loop* loop = aio().running;
    if (!loop || w.pumping || w.events.empty()) return;
    double first = w.events.begin()->first;
    if (w.pump_loop == loop && w.pump && !w.pump.cancelled() && w.pump_when <= first) return;
    if (w.pump_loop == loop && w.pump) w.pump.cancel();
    w.pump_loop = loop;
    w.pump_when = first;
    w.pump = loop->call_at(std::max(first - aio().base.at(loop), loop->time()), [] {
        World& w = world();
        w.pump = corolab::Handle();
        w.pumping = true;
        run_due(gnow());
        w.pumping = false;
        ensure_pump();
    });
}

// Runs the events due by `until` (the clock is there already).
void run_due(double until) {
    World& w = world();
    while (!w.events.empty() && w.events.begin()->first <= until + 1e-9 && !rt().vm->fatal()) {
        auto it = w.events.begin();
        auto fn = std::move(it->second);
        w.events.erase(it);
        fn();
    }
}

std::string thread_list(const World& w) {
    std::string s;
    for (auto& t : w.threads)
        if (!t->finished) s += (s.empty() ? "" : ", ") + t->name + " (" + (t->on.empty() ? "running" : t->on) + ")";
    return s.empty() ? "none" : s;
}

// The main thread's clock moves to global time t (a loop's clock jumps as
// for time.sleep).
void advance_main_to(double t) {
    AsyncioState& s = aio();
    double now = s.time();
    if (t <= now) return;
    if (s.running) s.running->block(t - now);
    else s.now = t;
}

// The main thread blocks until done() or global time `until`, running the
// threads' events due meanwhile. False when the run ends (a budget, or a
// deadlock: nothing left could end the wait).
bool main_wait(const std::function<bool()>& done, double until) {
    World& w = world();
    Vm& vm = *rt().vm;
    while (!done()) {
        if (vm.fatal()) return false;
        if (w.events.empty() || w.events.begin()->first > until) {
            if (until < 1e300) {
                advance_main_to(until);
                return true;
            }
            vm.set_fatal("deadlock", "the main thread waits for threads that can never wake; threads: " + thread_list(w));
            return false;
        }
        double t = w.events.begin()->first;
        if (t > aio().horizon) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g", aio().horizon);
            vm.set_fatal("time", std::string("virtual time limit of ") + buf + " s reached");
            return false;
        }
        advance_main_to(t);
        run_due(aio().time());
    }
    return true;
}

Value fatal_raise() {
    Vm& vm = *rt().vm;
    if (has_exc()) return Value();
    return raise(T.RuntimeError, vm.fatal_message);
}

void thread_ended(SimThread* t, const RunResult& r);

// Runs thread t until it blocks or ends: its first run (fresh) or a resume.
void run_thread(SimThread* t, Value send, Value exc, bool first) {
    World& w = world();
    AsyncioState& s = aio();
    Vm& vm = *rt().vm;
    if (vm.fatal() || t->finished) return;
    if (!charge_steps(kThreadSwitchSteps)) return;
    SimThread* saved = w.cur;
    std::uint32_t saved_lane = s.output_lane;
    std::string saved_name = s.output_lane_name;
    w.cur = t;
    s.output_lane = t->lane;
    s.output_lane_name = t->name;
    t->on.clear();
    t->blocked = false;
    trace(corolab::TraceEv::task_resume, t->lane);
    t->nested_base = vm.nesting();
    RunResult r;
    if (first) {
        auto* m = static_cast<MethodObj*>(t->run.o);
        Value self = m->self;
        r = vm.start_call(static_cast<FunctionObj*>(m->func.o), &self, 1, t->th);
    } else {
        r = vm.resume(t->th, std::move(send), std::move(exc));
    }
    w.cur = saved;
    s.output_lane = saved_lane;
    s.output_lane_name = saved_name;
    if (r.status != RunStatus::Suspended) {
        thread_ended(t, r);
    } else if (!t->blocked) {
        // asyncio.run() or run_until_complete() asked to suspend the thread
        // for a loop: loops run on the main thread only
        Value e = make_exception(T.RuntimeError, {str_value("not supported in corolab: running an event loop on a thread "
                                                            "other than the main one")});
        post(gnow(), [t, e] { run_thread(t, Value(), e, false); });
    }
}

void thread_ended(SimThread* t, const RunResult& r) {
    t->finished = true;
    --world().live;
    t->th.top = t->th.bottom = nullptr;
    t->run = t->obj = Value();  // a run may start threads without end: keep only the name
    trace(corolab::TraceEv::task_suspend, t->lane, corolab::On::other, 0, "idle");
    // Thread._bootstrap reports the target's exceptions itself; one that
    // escapes it is corolab's own failure, never silent.
    if (r.status == RunStatus::Raised && !rt().vm->fatal()) {
        Value s = repr_of(r.value);
        write_output("Exception in thread " + t->name + ": " + (s.is_null() ? std::string("?") : as_str(s)->s) + "\n",
                     true);
        if (s.is_null()) take_exc();
    }
}

void wake(const WaiterRef& w, Value v, Value exc = Value()) {
    if (w->woken) return;
    w->woken = true;
    w->value = std::move(v);
    w->exc = std::move(exc);
    if (SimThread* t = w->t) post(gnow(), [t, w] { run_thread(t, w->value, w->exc, false); });
}

WaiterRef new_waiter() {
    auto w = std::make_shared<Waiter>();
    w->t = world().cur;
    return w;
}

// Blocks the current thread until `w` is woken (its value is the result) or
// `timeout` seconds pass (the result is `on_timeout`; < 0: no timeout).
// A simulated thread suspends (Null is returned; the VM resumes it with the
// value); the main thread waits here, running what is due.
Value block(const WaiterRef& w, const std::string& on, double timeout, Value on_timeout, corolab::On kind,
            double until_detail = 0) {
    if (timeout >= 0) post(gnow() + timeout, [w, on_timeout] { wake(w, on_timeout); });
    SimThread* t = w->t;
    if (!t) {
        if (!main_wait([&] { return w->woken; }, 1e301)) {
            w->woken = true;
            return fatal_raise();
        }
        if (!w->exc.is_null()) return raise_value(w->exc);
        return w->value;
    }
    Vm& vm = *rt().vm;
    if (vm.current_thread() != &t->th || vm.nesting() != t->nested_base) {
        w->woken = true;
        return raise(T.RuntimeError, "not supported in corolab: blocking (" + on +
                                         ") on a thread inside code that a builtin calls (a key=, map(), __repr__...)");
    }
    t->on = on;
    t->blocked = true;
    if (t->idle_next) trace(corolab::TraceEv::task_suspend, t->lane, corolab::On::other, 0, "idle");
    else trace(corolab::TraceEv::task_suspend, t->lane, kind, until_detail);
    t->idle_next = false;
    vm.request_suspend(Value::none());
    return Value();
}

// ---- _thread.lock ----------------------------------------------------------------------
struct Classes {
    ClassObj* Lock = nullptr;
} C;

struct LockObj : NativeObj {
    bool held = false;
    std::deque<WaiterRef> waiters;
    LockObj() : NativeObj(C.Lock) {}
    void clear_refs() override { waiters.clear(); }
};

bool opt_timeout(const Value& v, double& out) {
    out = -1;
    if (v.is_null() || v.is_none()) return true;
    return to_double(v, out);
}

Value lk_new(Value*, int, const CallArgs&) { return Value(make<LockObj>()); }
Value lk_acquire(Value* a, int n, const CallArgs& kw) {
    auto* l = static_cast<LockObj*>(a[0].o);
    Value blocking = n > 1 ? a[1] : Value(), timeout = n > 2 ? a[2] : Value();
    for (int i = 0; i < kw.nkw; ++i) {
        if (kw.kwn[i]->s == "blocking") blocking = kw.kwv[i];
        else if (kw.kwn[i]->s == "timeout") timeout = kw.kwv[i];
        else return raise(T.TypeError, "acquire() got an unexpected keyword argument '" + kw.kwn[i]->s + "'");
    }
    bool block_ok = true;
    if (!blocking.is_null()) {
        int b = truthy(blocking);
        if (b < 0) return Value();
        block_ok = b != 0;
    }
    double t;
    if (!opt_timeout(timeout, t)) return Value();
    if (!block_ok && t != -1) return raise(T.ValueError, "can't specify a timeout for a non-blocking call");
    if (t < 0 && t != -1) return raise(T.ValueError, "timeout value must be a non-negative number");
    if (!l->held) {
        l->held = true;
        return Value::boolean(true);
    }
    if (!block_ok) return Value::boolean(false);
    WaiterRef w = new_waiter();
    l->waiters.push_back(w);
    return block(w, "lock", t, Value::boolean(false), corolab::On::lock);
}
Value lk_release(Value* a, int, const CallArgs&) {
    auto* l = static_cast<LockObj*>(a[0].o);
    if (!l->held) return raise(T.RuntimeError, "release unlocked lock");
    while (!l->waiters.empty()) {
        WaiterRef w = l->waiters.front();
        l->waiters.pop_front();
        if (w->woken) continue;  // timed out
        wake(w, Value::boolean(true));  // handed over: it stays held
        return Value::none();
    }
    l->held = false;
    return Value::none();
}
Value lk_exit(Value* a, int n, const CallArgs& kw) {
    Value r = lk_release(a, 1, kw);
    (void)n;
    return r.is_null() ? r : Value::none();
}
Value lk_locked(Value* a, int, const CallArgs&) { return Value::boolean(static_cast<LockObj*>(a[0].o)->held); }

// ---- _thread functions -----------------------------------------------------------------
// start(bound_run, name, daemon, thread_obj[, internal]) -> ident: runs
// bound_run() on a new thread, at once, until it first blocks.
Value th_start(Value* a, int n, const CallArgs&) {
    if (n < 4 || !is_kind(a[0], Kind::Method) || !is_kind(static_cast<MethodObj*>(a[0].o)->func, Kind::Function))
        return raise(T.TypeError, "_thread.start(bound_method, name, daemon, thread)");
    World& w = world();
    AsyncioState& s = aio();
    if (!charge_steps(kThreadStartSteps)) return fatal_raise();
    if (w.live >= s.task_limit)
        return rt().vm->set_fatal("tasks", "task limit of " + std::to_string(s.task_limit) + " reached");
    auto t = std::make_unique<SimThread>();
    SimThread* tp = t.get();
    t->ident = kMainIdent + static_cast<std::int64_t>(w.threads.size()) + 1;
    Value nm = str_of(a[1]);
    if (nm.is_null()) return nm;
    t->name = as_str(nm)->s;
    int d = truthy(a[2]);
    if (d < 0) return Value();
    t->daemon = d != 0;
    t->run = a[0];
    t->obj = a[3];
    // asyncio's own thread (shutdown_default_executor) has no lane, as
    // asyncio's own tasks are marked internal
    bool internal = n > 4 && truthy(a[4]) > 0;
    t->lane = internal ? 0 : kLaneBase + ++w.lanes;
    TaskBase* parent = corolab::current_task();
    std::uint32_t parent_id = w.cur ? w.cur->lane : (parent ? parent->id() : 0);
    w.threads.push_back(std::move(t));
    ++w.live;
    trace(corolab::TraceEv::task_create, tp->lane, corolab::On::other, 0, tp->name, parent_id, corolab::task_thread);
    // start() waits for the thread to run: the threads woken by now (a
    // notified waiter) run first, as they take the GIL before the new one.
    if (!w.cur && !w.pumping) run_due(gnow());
    StackGuard level("thread start", false);
    if (w.nested_starts < kMaxNestedStarts && level.ok()) {
        ++w.nested_starts;
        run_thread(tp, Value(), Value(), true);
        --w.nested_starts;
    } else {
        if (!level.ok()) take_exc();
        post(gnow(), [tp] { run_thread(tp, Value(), Value(), true); });
    }
    if (rt().vm->fatal()) return fatal_raise();
    return Value::integer(tp->ident);
}
Value th_get_ident(Value*, int, const CallArgs&) {
    SimThread* t = world().cur;
    return Value::integer(t ? t->ident : kMainIdent);
}
// idle_next(): the running thread's next wait is for work (a pool worker
// between jobs); the trace shows it idle, not waiting on a lock.
// idle_next(False) clears it (the work was there: no wait).
Value th_idle_next(Value* a, int n, const CallArgs&) {
    int on = n > 0 ? truthy(a[0]) : 1;
    if (on < 0) return Value();
    if (SimThread* t = world().cur) t->idle_next = on != 0;
    return Value::none();
}
// current() -> the running thread's threading.Thread object, None on the main thread
Value th_current(Value*, int, const CallArgs&) {
    SimThread* t = world().cur;
    return t ? t->obj : Value::none();
}
// sleep_until_woken(seconds): time.sleep on a thread
Value th_sleep(Value* a, int, const CallArgs&) {
    double d;
    if (!to_double(a[0], d)) return Value();
    if (auto r = worker_sleep(d)) return *r;
    return main_blocks_until(gnow() + d);
}

void init_classes() {
    if (C.Lock) return;
    C.Lock = make_builtin_class("lock", T.object, Kind::Native);
    C.Lock->module = "_thread";
    add_method(C.Lock, "__new__", lk_new);
    add_method(C.Lock, "acquire", lk_acquire);
    add_method(C.Lock, "acquire_lock", lk_acquire);
    add_method(C.Lock, "release", lk_release);
    add_method(C.Lock, "release_lock", lk_release);
    add_method(C.Lock, "locked", lk_locked);
    add_method(C.Lock, "__enter__", lk_acquire);
    add_method(C.Lock, "__exit__", lk_exit);
}
}  // namespace

std::optional<std::string> simulated_thread_name() {
    if (!AsyncioState::current || !aio().thread_world || !world().cur) return std::nullopt;
    return world().cur->name;
}

std::optional<Value> worker_sleep(double seconds) {
    SimThread* t = world().cur;
    if (!t) return std::nullopt;
    WaiterRef w = new_waiter();
    double until = gnow() + seconds;
    return block(w, "sleep", seconds, Value::none(), corolab::On::sleep, until - (aio().running ? aio().base.at(aio().running) : 0));
}

Value main_blocks_until(double until) {
    AsyncioState& s = aio();
    if (until > s.horizon) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", s.horizon);
        return rt().vm->set_fatal("time", std::string("virtual time limit of ") + buf + " s reached");
    }
    if (!main_wait([] { return false; }, until)) return fatal_raise();
    return Value::none();
}

void threads_loop_started() {
    World& w = world();
    w.pump_loop = nullptr;
    w.pump = corolab::Handle();
    ensure_pump();
}

Value threads_at_exit() {
    auto it = rt().modules.find("threading");
    if (it == rt().modules.end()) return Value::none();
    Value f = getattr(it->second, rt().intern("_shutdown"));
    if (f.is_null()) return f;
    return call0(f);
}

void threads_teardown() {
    if (!AsyncioState::current || !aio().thread_world) return;
    std::shared_ptr<World> w = std::move(aio().thread_world);
    for (auto& t : w->threads) {
        if (rt().vm && t->th.top) rt().vm->abandon(t->th);
        t->run = t->obj = Value();
    }
    w->events.clear();
}

Value make_module_thread() {
    init_classes();
    ModuleObj* m = make<ModuleObj>("_thread");
    Value mv(m);
    auto fn = [&](const char* n, BuiltinFnPtr f) { dict_set_str(m->dict, n, Value(make_builtin(n, f, true))); };
    fn("start", th_start);
    fn("get_ident", th_get_ident);
    fn("current", th_current);
    fn("idle_next", th_idle_next);
    fn("sleep", th_sleep);
    dict_set_str(m->dict, "LockType", Value(static_cast<Object*>(C.Lock)));
    dict_set_str(m->dict, "allocate_lock", Value(static_cast<Object*>(C.Lock)));
    return mv;
}

}  // namespace corolab::lang
