// Worker threads in virtual time: asyncio.to_thread, loop.run_in_executor,
// concurrent.futures.ThreadPoolExecutor (as an executor for the loop) and
// threading.current_thread() (SCENARIO-LANGUAGE.md, "Threads and executors").
//
// The model: a job runs to its end the moment it is submitted, on a worker
// of its pool, with its own clock: the worker's time starts when the worker
// is free (now, or when its previous job ends) and only its time.sleep()
// moves it (the loop's clock does not move). What the job prints is kept
// with the worker's time and written when the loop's clock reaches it (a
// timer each); its result reaches the loop's future by a timer at the job's
// end (as call_soon_threadsafe wakes the loop). A job therefore sees the
// program's state as it was when it was submitted.
//
// Without a running loop (an executor or threading.Thread used from plain
// code) the job's lines wait in AsyncioState::offloop and are written, at
// their times, when the main thread's clock reaches them: it moves only by
// blocking (time.sleep, Future.result(), join(), shutdown()), and each of
// those first writes what falls due before it ends.
//
// Trace: each worker is a lane of its own, id kLaneBase + n (n counts the
// run's workers from 1), made by a task_create record with "thread": true;
// a job resumes its lane, each time.sleep suspends it (on sleep, until),
// the job's end suspends it (on other, "idle"), its lines are its output.
#include <deque>

#include "lang/asyncio_bridge.hpp"
#include "lang/ops.hpp"
#include "lang/output.hpp"
#include "lang/threads.hpp"

namespace corolab::lang {

namespace {
constexpr std::uint32_t kLaneBase = 1000000;

struct WorkerRun {
    std::string name;  // the worker thread's name
    double start, elapsed = 0;
    struct Ev {
        double t;          // worker time
        double until = 0;  // sleeps: when they end
        std::string text;  // prints: the text ("" for a sleep)
    };
    std::vector<Ev> evs;
    double now() const { return start + elapsed; }
};
WorkerRun* g_run = nullptr;  // the job running now

struct Classes {
    ClassObj *Thread = nullptr, *Executor = nullptr, *CFuture = nullptr, *MapIter = nullptr, *PyThread = nullptr,
             *Lock = nullptr;
} C;

// concurrent.futures.Future of a job already run: done at `end`.
struct CFutureObj : NativeObj {
    double end;
    Value result, exc;
    CFutureObj(double e, Value r, Value x) : NativeObj(C.CFuture), end(e), result(std::move(r)), exc(std::move(x)) {}
    void clear_refs() override { result = Value(); exc = Value(); }
};

struct ThreadObj : NativeObj {
    std::string name;
    ThreadObj(std::string n) : NativeObj(C.Thread), name(std::move(n)) {}
};
}  // namespace

// One ThreadPoolExecutor: CPython's naming and on-demand workers.
struct WorkerPool {
    std::string prefix;           // "asyncio" or "ThreadPoolExecutor-<n>"
    std::size_t max_workers;
    std::vector<double> free_at;  // per worker (index = its number): when it is idle again
    std::vector<std::uint32_t> lanes;  // per worker: its trace lane
    bool shut_down = false;
};

bool worker_sleep(double seconds) {
    if (!g_run) return false;
    g_run->evs.push_back({g_run->now(), g_run->now() + seconds, std::string()});
    g_run->elapsed += seconds;
    return true;
}
std::optional<double> worker_time() {
    if (!g_run) return std::nullopt;
    return g_run->start + g_run->elapsed;
}

namespace {
AsyncioState& aio() { return *AsyncioState::current; }

// ThreadPoolExecutor's default size with os.cpu_count() fixed at 4.
constexpr std::size_t kCpuCount = 4;
std::size_t default_workers() { return std::min<std::size_t>(32, kCpuCount + 4); }

void trace(Loop& loop, double t, corolab::TraceEv ev, std::uint32_t lane, corolab::On on = corolab::On::other,
           double x = 0, const std::string& text = std::string(), std::uint32_t a = 0, std::uint8_t sub = 0) {
    if (corolab::Trace* tr = loop.trace()) {
        if (ev == corolab::TraceEv::task_suspend) sub = static_cast<std::uint8_t>(on);
        tr->add(corolab::TraceRecord{t, x, lane, a, text.empty() ? 0u : corolab::interned().intern(text), ev, sub});
    }
}

std::shared_ptr<WorkerPool> new_pool(std::string prefix, std::size_t max_workers) {
    auto p = std::make_shared<WorkerPool>();
    p->prefix = prefix.empty() ? "ThreadPoolExecutor-" + std::to_string(aio().executor_count++) : prefix;
    p->max_workers = max_workers;
    return p;
}

// Runs fn(*args, **kw) as a job of `pool` on `loop`; the returned future
// completes at the job's end.
struct JobOutcome {
    Value result, exc;
    double end;
};
// Runs the job on worker `w` of `pool` (see the model above).
JobOutcome run_job(WorkerPool& pool, std::size_t w, double gnow, const Value& fn, std::vector<Value>& args,
                   std::vector<std::pair<Value, Value>>& kw, WorkerRun& run);

JobOutcome run_job(WorkerPool& pool, std::size_t w, double, const Value& fn, std::vector<Value>& args,
                   std::vector<std::pair<Value, Value>>& kw, WorkerRun& run) {
    WorkerRun* saved = g_run;
    g_run = &run;
    OutputSink outer = swap_output_sink([](const std::string& text, bool err) {
        if (err) return write_output(text, err);
        g_run->evs.push_back({g_run->now(), 0, text});
        return true;
    });
    std::vector<StrObj*> names;
    std::vector<Value> values;
    for (auto& [k, v] : kw) { names.push_back(as_str(k)); values.push_back(v); }
    CallArgs ca;
    ca.nkw = static_cast<int>(names.size());
    ca.kwn = names.data();
    ca.kwv = values.data();
    Value result = call(fn, args.data(), static_cast<int>(args.size()), ca);
    Value exc = result.is_null() ? take_exc() : Value();
    swap_output_sink(std::move(outer));
    g_run = saved;
    double end = run.start + run.elapsed;
    pool.free_at[w] = end;
    return {result, exc, end};
}

// Off the loop: the main thread blocks until `until`, writing the worker
// lines due by then, each at its time.
void block_main(double until) {
    AsyncioState& s = aio();
    while (!s.offloop.empty() && s.offloop.begin()->first <= until) {
        auto it = s.offloop.begin();
        s.now = std::max(s.now, it->first);
        auto ev = std::move(it->second);
        s.offloop.erase(it);
        ev();
    }
    s.now = std::max(s.now, until);
}

// Picks the worker for a job submitted at `gnow` (CPython's order: the
// worker idle the longest, as idle workers queue on the work queue; else a
// new one under max_workers; else the first to be free; ties: lowest number).
std::size_t pick_worker(Loop* loop, WorkerPool& pool, double gnow) {
    std::size_t w = 0;
    for (std::size_t i = 1; i < pool.free_at.size(); ++i)
        if (pool.free_at[i] < pool.free_at[w]) w = i;
    bool idle = !pool.free_at.empty() && pool.free_at[w] <= gnow;
    if (!idle && pool.free_at.size() < pool.max_workers) w = pool.free_at.size();
    if (w == pool.free_at.size()) {
        pool.free_at.push_back(gnow);
        pool.lanes.push_back(kLaneBase + ++aio().worker_lanes);
        TaskBase* parent = corolab::current_task();
        if (loop)
            trace(*loop, loop->time(), corolab::TraceEv::task_create, pool.lanes[w], corolab::On::other, 0,
                  pool.prefix + "_" + std::to_string(w), parent ? parent->id() : 0, corolab::task_thread);
    }
    return w;
}

// A job submitted with no loop running: a concurrent.futures.Future.
Value submit_offloop(WorkerPool& pool, Value fn, std::vector<Value> args, std::vector<std::pair<Value, Value>> kw,
                     std::string name = std::string()) {
    AsyncioState& s = aio();
    std::size_t w = pick_worker(nullptr, pool, s.now);
    WorkerRun run{name.empty() ? pool.prefix + "_" + std::to_string(w) : name, std::max(s.now, pool.free_at[w])};
    JobOutcome o = run_job(pool, w, s.now, fn, args, kw, run);
    for (auto& ev : run.evs)
        if (!ev.text.empty()) s.offloop.emplace(ev.t, [text = ev.text] { write_output(text, false); });
    block_main(s.now);  // what the job printed at once comes first (Thread.start hands over)
    return Value(make<CFutureObj>(o.end, o.result, o.exc));
}

}  // namespace
void main_blocks_until(double until) { block_main(until); }
namespace {

Value submit(Loop& loop, WorkerPool& pool, Value fn, std::vector<Value> args, std::vector<std::pair<Value, Value>> kw) {
    double now = aio().loop_time(&loop) - aio().base.at(&loop);  // engine time
    double gnow = aio().loop_time(&loop);
    std::size_t w = pick_worker(&loop, pool, gnow);
    std::uint32_t lane = pool.lanes[w];
    std::string name = pool.prefix + "_" + std::to_string(w);
    WorkerRun run{name, std::max(gnow, pool.free_at[w])};
    JobOutcome o = run_job(pool, w, gnow, fn, args, kw, run);
    Value result = o.result, exc = o.exc;
    double end = o.end;
    double base = aio().base.at(&loop);
    Loop* lp = &loop;
    loop.call_at(run.start - base, [lp, lane] { trace(*lp, lp->time(), corolab::TraceEv::task_resume, lane); });
    for (auto& ev : run.evs) {
        if (ev.text.empty()) {  // a time.sleep
            double until = ev.until - base;
            loop.call_at(ev.t - base, [lp, lane, until] {
                trace(*lp, lp->time(), corolab::TraceEv::task_suspend, lane, corolab::On::sleep, until);
            });
            loop.call_at(until, [lp, lane] { trace(*lp, lp->time(), corolab::TraceEv::task_resume, lane); });
        } else {
            loop.call_at(ev.t - base, [text = ev.text, lane, name] {
                AsyncioState& s = aio();
                s.output_lane = lane;
                s.output_lane_name = name;
                write_output(text, false);
                s.output_lane = 0;
            });
        }
    }
    Future<Value> fut = Future<Value>::create(loop);
    loop.call_at(std::max(now, end - base), [fut, result, exc, lp, lane]() mutable {
        trace(*lp, lp->time(), corolab::TraceEv::task_suspend, lane, corolab::On::other, 0, "idle");
        if (fut.done()) return;  // cancelled meanwhile
        if (exc.is_null()) fut.set_result(result);
        else fut.set_exception(to_engine(exc));
    });
    return wrap_future_value(fut.ref());
}

WorkerPool& default_pool(Loop& loop) {
    auto& p = aio().default_executors[&loop];
    if (!p) p = new_pool("asyncio", default_workers());
    return *p;
}

Loop* running_loop() { return aio().running; }

// ---- asyncio.to_thread / loop.run_in_executor ----------------------------------------
corolab::Task<Value> to_thread_job(Value fn, std::vector<Value> args, std::vector<std::pair<Value, Value>> kw) {
    Loop& loop = *corolab::Loop::current();
    Value f = submit(loop, default_pool(loop), fn, std::move(args), std::move(kw));
    co_return co_await static_cast<Awaitable*>(static_cast<Obj*>(f.o))->await_it();
}
}  // namespace

Value a_to_thread(Value* a, int n, const CallArgs& kw) {
    if (n < 1) return raise(T.TypeError, "to_thread() missing 1 required positional argument: 'func'");
    std::vector<std::pair<Value, Value>> kws;
    for (int i = 0; i < kw.nkw; ++i) kws.push_back({Value(static_cast<Object*>(kw.kwn[i])), kw.kwv[i]});
    return Value(make<CoTaskObj>(to_thread_job(a[0], std::vector<Value>(a + 1, a + n), std::move(kws))));
}

Value l_run_in_executor(Loop& loop, Value* a, int n) {
    if (n < 2) return raise(T.TypeError, "run_in_executor() missing 2 required positional arguments: 'executor' and 'func'");
    WorkerPool* pool;
    if (a[0].is_none()) pool = &default_pool(loop);
    else if (is_kind(a[0], Kind::Native) && a[0].o->cls == C.Executor) pool = executor_pool(a[0]);
    else return raise(T.TypeError, "not supported in corolab: this executor (use None or a ThreadPoolExecutor)");
    if (pool->shut_down) return raise(T.RuntimeError, "cannot schedule new futures after shutdown");
    return submit(loop, *pool, a[1], std::vector<Value>(a + 2, a + n), {});
}

// ---- concurrent.futures.ThreadPoolExecutor ---------------------------------------------
namespace {
struct ExecutorObj : NativeObj {
    std::shared_ptr<WorkerPool> pool;
    ExecutorObj(std::shared_ptr<WorkerPool> p) : NativeObj(C.Executor), pool(std::move(p)) {}
};

Value ex_new(Value* a, int n, const CallArgs& kw) {
    Value mw = n > 1 ? a[1] : Value();
    Value prefix;
    for (int i = 0; i < kw.nkw; ++i) {
        if (kw.kwn[i]->s == "max_workers") mw = kw.kwv[i];
        else if (kw.kwn[i]->s == "thread_name_prefix") prefix = kw.kwv[i];
    }
    std::size_t workers = default_workers();
    if (!mw.is_null() && !mw.is_none()) {
        std::int64_t m;
        if (!to_index(mw, m)) return Value();
        if (m <= 0) return raise(T.ValueError, "max_workers must be greater than 0");
        workers = static_cast<std::size_t>(std::min<std::int64_t>(m, 1024));
    }
    std::string pre = !prefix.is_null() && is_str(prefix) ? as_str(prefix)->s : std::string();
    return Value(make<ExecutorObj>(new_pool(pre, workers)));
}
Value ex_enter(Value* a, int, const CallArgs&) { return a[0]; }
// shutdown(wait=True): the jobs have already run (see the model above); off
// the loop the main thread waits for the last one to end.
Value ex_shutdown(Value* a, int, const CallArgs&) {
    WorkerPool& p = *static_cast<ExecutorObj*>(a[0].o)->pool;
    p.shut_down = true;
    if (!aio().running) {
        double last = aio().now;
        for (double f : p.free_at) last = std::max(last, f);
        block_main(last);
    }
    return Value::none();
}
Value offloop_only(const char* what) {
    return raise(T.RuntimeError, std::string("not supported in corolab: ") + what +
                                     " inside a running event loop (use loop.run_in_executor)");
}
std::vector<std::pair<Value, Value>> kw_pairs(const CallArgs& kw) {
    std::vector<std::pair<Value, Value>> out;
    for (int i = 0; i < kw.nkw; ++i) out.push_back({Value(static_cast<Object*>(kw.kwn[i])), kw.kwv[i]});
    return out;
}
Value ex_submit(Value* a, int n, const CallArgs& kw) {
    if (n < 2) return raise(T.TypeError, "submit() missing 1 required positional argument: 'fn'");
    if (aio().running) return offloop_only("ThreadPoolExecutor.submit");
    WorkerPool& p = *static_cast<ExecutorObj*>(a[0].o)->pool;
    if (p.shut_down) return raise(T.RuntimeError, "cannot schedule new futures after shutdown");
    return submit_offloop(p, a[1], std::vector<Value>(a + 2, a + n), kw_pairs(kw));
}
struct MapIterObj : NativeObj {
    std::vector<Value> futs;
    std::size_t next = 0;
    MapIterObj() : NativeObj(C.MapIter) {}
    void clear_refs() override { futs.clear(); }
};
Value cf_result(Value* a, int, const CallArgs&);
Value ex_map(Value* a, int n, const CallArgs&) {
    if (n < 3) return raise(T.TypeError, "map() missing required arguments: 'fn' and an iterable");
    if (aio().running) return offloop_only("ThreadPoolExecutor.map");
    WorkerPool& p = *static_cast<ExecutorObj*>(a[0].o)->pool;
    std::vector<std::vector<Value>> cols;
    for (int i = 2; i < n; ++i) {
        cols.emplace_back();
        if (!collect(a[i], cols.back())) return Value();
    }
    std::size_t rows = cols[0].size();
    for (auto& c : cols) rows = std::min(rows, c.size());
    auto* it = make<MapIterObj>();
    Value iv(it);
    for (std::size_t r = 0; r < rows; ++r) {  // Executor.map submits every call first
        std::vector<Value> args;
        for (auto& c : cols) args.push_back(c[r]);
        it->futs.push_back(submit_offloop(p, a[1], std::move(args), {}));
    }
    return iv;
}
Value mi_iter(Value* a, int, const CallArgs&) { return a[0]; }
Value mi_next(Value* a, int, const CallArgs& kw) {
    auto* it = static_cast<MapIterObj*>(a[0].o);
    if (it->next >= it->futs.size()) return raise_value(make_exception(T.StopIteration, {}));
    Value f = it->futs[it->next++];
    return cf_result(&f, 1, kw);
}

// ---- concurrent.futures.Future ---------------------------------------------------------
Value cf_result(Value* a, int, const CallArgs&) {
    auto* f = static_cast<CFutureObj*>(a[0].o);
    if (aio().running) return offloop_only("Future.result()");
    block_main(f->end);
    if (!f->exc.is_null()) return raise_value(f->exc);
    return f->result;
}
Value cf_exception(Value* a, int, const CallArgs&) {
    auto* f = static_cast<CFutureObj*>(a[0].o);
    if (aio().running) return offloop_only("Future.exception()");
    block_main(f->end);
    return f->exc.is_null() ? Value::none() : f->exc;
}
Value cf_done(Value* a, int, const CallArgs&) { return Value::boolean(aio().time() >= static_cast<CFutureObj*>(a[0].o)->end); }

// ---- threading.Thread and Lock ---------------------------------------------------------
struct PyThreadObj : NativeObj {
    std::string name;
    Value target, args, kwargs, fut;
    PyThreadObj() : NativeObj(C.PyThread) {}
    void clear_refs() override { target = args = kwargs = fut = Value(); }
};
Value pt_new(Value* a, int n, const CallArgs& kw) {
    auto* t = make<PyThreadObj>();
    Value tv(t);
    Value name;
    for (int i = 0; i < kw.nkw; ++i) {
        const std::string& k = kw.kwn[i]->s;
        if (k == "target") t->target = kw.kwv[i];
        else if (k == "args") t->args = kw.kwv[i];
        else if (k == "kwargs") t->kwargs = kw.kwv[i];
        else if (k == "name") name = kw.kwv[i];
        else if (k != "daemon" && k != "group") return raise(T.TypeError, "Thread() got an unexpected keyword argument '" + k + "'");
    }
    if (n > 1) return raise(T.TypeError, "not supported in corolab: positional arguments to Thread() (use target=, args=)");
    if (!name.is_null() && !name.is_none()) {
        Value s = str_of(name);
        if (s.is_null()) return s;
        t->name = as_str(s)->s;
    } else {  // threading._newname, with the target's name (3.10+)
        t->name = "Thread-" + std::to_string(++aio().thread_count);
        if (is_kind(t->target, Kind::Function))
            t->name += " (" + as_str(static_cast<FunctionObj*>(t->target.o)->name)->s + ")";
    }
    return tv;
}
Value pt_start(Value* a, int, const CallArgs&) {
    auto* t = static_cast<PyThreadObj*>(a[0].o);
    if (!t->fut.is_null()) return raise(T.RuntimeError, "threads can only be started once");
    if (aio().running) return offloop_only("threading.Thread.start");
    if (!aio().threads) aio().threads = new_pool("Thread", 1000000);
    std::vector<Value> args;
    if (!t->args.is_null() && !collect(t->args, args)) return Value();
    std::vector<std::pair<Value, Value>> kws;
    if (is_kind(t->kwargs, Kind::Dict)) {
        Value items = call0(getattr(t->kwargs, rt().intern("items")));
        std::vector<Value> pairs;
        if (items.is_null() || !collect(items, pairs)) return Value();
        for (auto& p : pairs) kws.push_back({static_cast<TupleObj*>(p.o)->items[0], static_cast<TupleObj*>(p.o)->items[1]});
    }
    Value target = t->target.is_null() ? Value::none() : t->target;
    if (target.is_none()) { t->fut = Value(make<CFutureObj>(aio().now, Value::none(), Value())); return Value::none(); }
    t->fut = submit_offloop(*aio().threads, target, std::move(args), std::move(kws), t->name);
    return Value::none();
}
Value pt_join(Value* a, int, const CallArgs&) {
    auto* t = static_cast<PyThreadObj*>(a[0].o);
    if (t->fut.is_null()) return raise(T.RuntimeError, "cannot join thread before it is started");
    auto* f = static_cast<CFutureObj*>(t->fut.o);
    block_main(f->end);
    if (!f->exc.is_null()) f->exc = Value();  // reported by threading's excepthook in CPython
    return Value::none();
}
Value pt_name(Value* a, int, const CallArgs&) { return str_value(static_cast<PyThreadObj*>(a[0].o)->name); }
Value pt_is_alive(Value* a, int, const CallArgs&) {
    auto* t = static_cast<PyThreadObj*>(a[0].o);
    return Value::boolean(!t->fut.is_null() && aio().time() < static_cast<CFutureObj*>(t->fut.o)->end);
}

// A job runs start to end in one go, so a lock is never contended.
struct LockObj : NativeObj {
    bool held = false;
    LockObj() : NativeObj(C.Lock) {}
};
Value lk_new(Value*, int, const CallArgs&) { return Value(make<LockObj>()); }
Value lk_acquire(Value* a, int, const CallArgs&) {
    auto* l = static_cast<LockObj*>(a[0].o);
    if (l->held) return raise(T.RuntimeError, "not supported in corolab: waiting for a threading.Lock another thread holds");
    l->held = true;
    return Value::boolean(true);
}
Value lk_release(Value* a, int, const CallArgs&) {
    auto* l = static_cast<LockObj*>(a[0].o);
    if (!l->held) return raise(T.RuntimeError, "release unlocked lock");
    l->held = false;
    return Value::none();
}
Value lk_exit(Value* a, int n, const CallArgs& kw) {
    Value r = lk_release(a, n, kw);
    return r.is_null() ? r : Value::boolean(false);
}
Value lk_locked(Value* a, int, const CallArgs&) { return Value::boolean(static_cast<LockObj*>(a[0].o)->held); }
Value ex_exit(Value* a, int n, const CallArgs& kw) {
    ex_shutdown(a, n, kw);
    return Value::boolean(false);
}

// ---- threading -------------------------------------------------------------------------
Value th_current(Value*, int, const CallArgs&) {
    return Value(make<ThreadObj>(g_run ? g_run->name : std::string("MainThread")));
}
Value th_name(Value* a, int, const CallArgs&) { return str_value(static_cast<ThreadObj*>(a[0].o)->name); }

void init_classes() {
    if (C.Thread) return;
    C.Thread = make_builtin_class("_MainThread", T.object, Kind::Native);
    add_property(C.Thread, "name", th_name);
    C.Thread->module = "threading";
    C.Executor = make_builtin_class("ThreadPoolExecutor", T.object, Kind::Native);
    add_method(C.Executor, "__new__", ex_new);
    add_method(C.Executor, "__enter__", ex_enter);
    add_method(C.Executor, "__exit__", ex_exit);
    add_method(C.Executor, "shutdown", ex_shutdown);
    add_method(C.Executor, "submit", ex_submit);
    add_method(C.Executor, "map", ex_map);
    C.Executor->module = "concurrent.futures.thread";
    C.CFuture = make_builtin_class("Future", T.object, Kind::Native);
    C.CFuture->module = "concurrent.futures._base";
    add_method(C.CFuture, "result", cf_result);
    add_method(C.CFuture, "exception", cf_exception);
    add_method(C.CFuture, "done", cf_done);
    C.MapIter = make_builtin_class("generator", T.object, Kind::Native);
    add_method(C.MapIter, "__iter__", mi_iter);
    add_method(C.MapIter, "__next__", mi_next);
    C.PyThread = make_builtin_class("Thread", T.object, Kind::Native);
    C.PyThread->module = "threading";
    add_method(C.PyThread, "__new__", pt_new);
    add_method(C.PyThread, "start", pt_start);
    add_method(C.PyThread, "join", pt_join);
    add_method(C.PyThread, "is_alive", pt_is_alive);
    add_property(C.PyThread, "name", pt_name);
    C.Lock = make_builtin_class("lock", T.object, Kind::Native);
    C.Lock->module = "_thread";
    add_method(C.Lock, "__new__", lk_new);
    add_method(C.Lock, "acquire", lk_acquire);
    add_method(C.Lock, "release", lk_release);
    add_method(C.Lock, "locked", lk_locked);
    add_method(C.Lock, "__enter__", lk_acquire);
    add_method(C.Lock, "__exit__", lk_exit);
}
}  // namespace

WorkerPool* executor_pool(const Value& ex) { return static_cast<ExecutorObj*>(ex.o)->pool.get(); }

Value make_module_threading() {
    init_classes();
    ModuleObj* m = make<ModuleObj>("threading");
    Value mv(m);
    dict_set_str(m->dict, "current_thread", Value(make_builtin("current_thread", th_current, true)));
    dict_set_str(m->dict, "Thread", Value(static_cast<Object*>(C.PyThread)));
    dict_set_str(m->dict, "Lock", Value(static_cast<Object*>(C.Lock)));
    m->unsupported = std::make_shared<std::unordered_set<std::string>>(std::unordered_set<std::string>{
        "RLock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Timer", "Barrier",
        "main_thread", "get_ident", "active_count", "enumerate", "local"});
    return mv;
}

Value make_module_concurrent_futures() {
    init_classes();
    ModuleObj* m = make<ModuleObj>("concurrent.futures");
    Value mv(m);
    dict_set_str(m->dict, "ThreadPoolExecutor", Value(static_cast<Object*>(C.Executor)));
    m->unsupported = std::make_shared<std::unordered_set<std::string>>(std::unordered_set<std::string>{
        "ProcessPoolExecutor", "Future", "as_completed", "wait", "FIRST_COMPLETED", "FIRST_EXCEPTION",
        "ALL_COMPLETED", "CancelledError", "TimeoutError", "Executor"});
    return mv;
}

}  // namespace corolab::lang
