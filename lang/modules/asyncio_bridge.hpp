// The bridge between the VM and the engine (corolab/*.hpp): how Python
// coroutines become engine tasks, how Python exceptions cross the engine,
// and the Python objects that wrap engine futures, tasks and awaitables.
//
// - drive(coro): the engine coroutine that runs a Python coroutine: it
//   resumes the coroutine's frames until they await an engine awaitable,
//   co_awaits that, and feeds the result (or the exception) back.
// - Python exceptions cross the engine as PyError (or PyCancelled, a
//   corolab::CancelledError, so the engine sees a cancelled task).
// - Every engine awaitable the VM can suspend on is an Awaitable: a Python
//   object whose await_it() is the engine coroutine to co_await.
#pragma once

#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "corolab/corolab.hpp"
#include "lang/objects/runtime.hpp"

namespace corolab::lang {

struct PyError : std::exception {
    Value exc;
    explicit PyError(Value e) : exc(std::move(e)) {}
    const char* what() const noexcept override { return "Python exception"; }
};

struct PyCancelled : corolab::CancelledError {
    Value exc;
    PyCancelled(Value e, std::optional<std::string> msg) : corolab::CancelledError(std::move(msg)), exc(std::move(e)) {}
};

// Python exception value -> exception_ptr for the engine, and back.
std::exception_ptr to_engine(const Value& exc);
Value from_engine(const std::exception_ptr& e);
// Raises (sets pending) the Python form of the C++ exception being handled.
Value raise_current_cpp();

struct Awaitable : NativeObj {
    explicit Awaitable(ClassObj* c) : NativeObj(c) { awaitable = true; }
    virtual corolab::Task<Value> await_it() = 0;
};

// The Awaitable `v` holds, or null.
inline Awaitable* as_awaitable(const Value& v) {
    if (v.tag != Tag::Obj || static_cast<Obj*>(v.o)->kind != Kind::Native) return nullptr;
    auto* n = static_cast<NativeObj*>(v.o);
    return n->awaitable ? static_cast<Awaitable*>(n) : nullptr;
}

// asyncio.Future, asyncio.Task and the futures gather/shield return.
struct FutureObj : Awaitable {
    Ref<FutureBase> fut;
    Value (*read)(FutureBase&);  // the result as a Python value
    Value coro;                  // tasks: the coroutine object
    // add_done_callback registrations (remove_done_callback disables them)
    std::vector<std::pair<Value, std::shared_ptr<bool>>> callbacks;
    FutureObj(ClassObj* c, Ref<FutureBase> f, Value (*r)(FutureBase&));
    ~FutureObj() override;
    void clear_refs() override { coro = Value(); callbacks.clear(); fut = Ref<FutureBase>(); }
    corolab::Task<Value> await_it() override;
};

// A one-shot engine coroutine (lock.acquire(), queue.get(), wait(), ...).
struct CoTaskObj : Awaitable {
    corolab::Task<Value> task;
    Value owner;  // the object whose method made `task` (it must outlive it)
    explicit CoTaskObj(corolab::Task<Value> t, Value owner = Value());
    void clear_refs() override { task.reset(); owner = Value(); }
    corolab::Task<Value> await_it() override;
};

// asyncio.sleep(delay, result)
struct SleepObj : Awaitable {
    double delay;
    Value result;
    bool awaited = false;  // else freeing it warns, as CPython's sleep() coroutine does
    SleepObj(double d, Value r);
    ~SleepObj() override;
    void clear_refs() override { result = Value(); }
    corolab::Task<Value> await_it() override;
};

// What asyncio.run / loop.run_until_complete ask the Session to do.
struct RunRequest : NativeObj {
    Value target;   // coroutine or future
    bool is_run;    // asyncio.run (fresh loop, shutdown) vs run_until_complete
    bool forever = false;  // loop.run_forever(): until loop.stop()
    bool shutdown = false;  // Runner.close(): cancel what is left, shut down (no main task)
    Value loop;     // LoopObj for run_until_complete
    RunRequest(Value t, bool run, Value l);
    void clear_refs() override { target = Value(); loop = Value(); }
};

// The engine coroutine running a Python coroutine object. `root`: it is
// the coroutine of an asyncio task (whose repr then says "done, defined at").
corolab::Task<Value> drive(Value coro, bool root = false);

// Ends a run at once (deadlock, budgets): no finally blocks run.
struct RunAbort {
    std::string type;     // "DeadlockError", "BudgetExceeded"
    std::string message;
    std::string budget;   // budget name, "" for a deadlock
};

// Per-run state of the asyncio module (owned by the Session).
struct AsyncioState {
    std::vector<std::unique_ptr<Loop>> loops;
    std::unordered_map<Loop*, double> base;  // global time at engine time 0
    Loop* default_loop = nullptr;  // get_event_loop()'s loop
    bool loop_set = false;         // set_event_loop was called (asyncio.run calls it)
    Loop* running = nullptr;       // loop inside run_until_done
    double now = 0;                // global virtual time when no loop runs
    std::unordered_map<TaskBase*, FutureObj*> tasks;  // task -> its Python object
    // The coroutine of each unfinished Python-coroutine task: its Python
    // object can be freed and made again (all_tasks()) while it runs.
    std::unordered_map<TaskBase*, Value> task_coros;
    std::unordered_map<Loop*, Value> loop_objects;    // loop -> its Python object
    // Simulated threads (modules/thread.cpp): their frames, events and pump.
    std::shared_ptr<struct ThreadWorld> thread_world;
    // The worker thread whose line is being written (0: none): its trace lane.
    std::uint32_t output_lane = 0;
    std::string output_lane_name;
    std::string filename = "main.py";
    double horizon = 3600.0;
    bool real_clock = false;
    double speed = 1.0;
    std::size_t task_limit = 100000;
    std::function<void()> check_budgets;  // throws RunAbort
    std::function<double()> host_seconds;  // host clock (real-clock slices)
    corolab::Trace* trace = nullptr;
    // The trace while it still takes records: null once it is truncated, so
    // recording (await lines, labels, names) stops costing (the loop detaches
    // it likewise).
    corolab::Trace* tracing() const { return trace && !trace->truncated() ? trace : nullptr; }
    // Async generators first iterated while a loop ran (weak: BaseEventLoop's
    // WeakSet), with that loop and a sequence number for their order. One
    // dropped unfinished is closed by an aclose() task (the finalizer hook);
    // asyncio.run's shutdown closes the ones still alive.
    struct TrackedAsyncGen {
        Loop* loop;
        std::uint64_t seq;
        Value keep;  // set once the finalizer kept it alive for its aclose() task
    };
    std::unordered_map<GenObj*, TrackedAsyncGen> asyncgens;
    std::uint64_t asyncgen_seq = 0;

    Loop& new_loop();
    double time() const;           // global virtual time
    double loop_time(Loop* l) const { return base.at(l) + l->time(); }
    void stop_all();               // Loop::stop() on every loop
    // Task.__del__ of the tasks still pending when the scenario ends (a loop
    // closed without cancelling them): "Task was destroyed but it is pending!".
    void report_pending_tasks();

    static AsyncioState* current;
};

// An asyncio.Future object for an engine future holding a Value.
Value wrap_future_value(Ref<FutureBase> f);
// repr(future or task) as CPython prints it (Null if a repr raised).
Value future_repr(FutureObj* f);
// Python-visible task object for an engine task (made once per task).
Value task_object(TaskBase* t);
Value make_task(Loop& loop, const Value& coro, std::optional<std::string> name);
Value make_module_asyncio();

// One asyncio.run / loop.run_until_complete in progress: iterations of the
// loop until its future is done (and, for asyncio.run, the shutdown:
// remaining tasks cancelled, then the two shutdown coroutines).
class LoopRun {
public:
    explicit LoopRun(RunRequest* req);
    ~LoopRun();
    // Runs iterations: to the end on the virtual clock; on the real clock,
    // what is due (for about `slice` host seconds). Returns -1 when done
    // (then `result` or `exc` is set), 0 when work is ready, else the host
    // seconds to wait. Throws RunAbort (deadlock, budgets).
    double step(bool real, double slice);
    Value result, exc;

private:
    void wait_on(Ref<FutureBase> f);
    void next_phase();
    void finish();
    Loop* loop_ = nullptr;
    Loop* saved_running_ = nullptr;
    bool is_run_, own_loop_ = false, finished_ = false, shutdown_ = false;
    int phase_ = 0;  // 0 main, 1 cancel, 2-3 shutdown tasks, 4 done
    Value main_;
    Value forever_;  // run_forever: the LoopObj whose stop() ends the run
    Ref<FutureBase> waiting_;
    std::shared_ptr<bool> flag_;
};

}  // namespace corolab::lang
