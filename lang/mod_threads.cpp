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
    ClassObj *Thread = nullptr, *Executor = nullptr;
} C;

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
Value submit(Loop& loop, WorkerPool& pool, Value fn, std::vector<Value> args, std::vector<std::pair<Value, Value>> kw) {
    double now = aio().loop_time(&loop) - aio().base.at(&loop);  // engine time
    double gnow = aio().loop_time(&loop);
    // ThreadPoolExecutor._adjust_thread_count: an idle worker first, else a
    // new one while under max_workers, else the first to be free.
    std::size_t w = pool.free_at.size();
    for (std::size_t i = 0; i < pool.free_at.size(); ++i)
        if (pool.free_at[i] <= gnow) { w = i; break; }
    if (w == pool.free_at.size() && pool.free_at.size() >= pool.max_workers) {
        w = 0;
        for (std::size_t i = 1; i < pool.free_at.size(); ++i)
            if (pool.free_at[i] < pool.free_at[w]) w = i;
    }
    std::string name = pool.prefix + "_" + std::to_string(w);
    if (w == pool.free_at.size()) {
        pool.free_at.push_back(gnow);
        pool.lanes.push_back(kLaneBase + ++aio().worker_lanes);
        TaskBase* parent = corolab::current_task();
        trace(loop, now, corolab::TraceEv::task_create, pool.lanes[w], corolab::On::other, 0, name,
              parent ? parent->id() : 0, 1);
    }
    std::uint32_t lane = pool.lanes[w];
    WorkerRun run{name, std::max(gnow, pool.free_at[w])};
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
// shutdown(wait=True): the jobs have already run (see the model above).
Value ex_shutdown(Value* a, int, const CallArgs&) {
    static_cast<ExecutorObj*>(a[0].o)->pool->shut_down = true;
    return Value::none();
}
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
    C.Executor->module = "concurrent.futures.thread";
}
}  // namespace

WorkerPool* executor_pool(const Value& ex) { return static_cast<ExecutorObj*>(ex.o)->pool.get(); }

Value make_module_threading() {
    init_classes();
    ModuleObj* m = make<ModuleObj>("threading");
    Value mv(m);
    dict_set_str(m->dict, "current_thread", Value(make_builtin("current_thread", th_current, true)));
    m->unsupported = std::make_shared<std::unordered_set<std::string>>(std::unordered_set<std::string>{
        "Thread", "Lock", "RLock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Timer", "Barrier",
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
