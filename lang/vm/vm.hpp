// Vm: the bytecode interpreter. Python-to-Python calls push heap frames in
// the same dispatch loop (no C++ recursion); generators and coroutines are
// suspended frames. A Thread is one chain of frames: the module code, or one
// asyncio task's coroutine and the coroutines it awaits.
//
// Suspension: when the innermost frame awaits an engine awaitable (a Native
// object, see `awaitable` below), or a builtin asks to suspend (asyncio.run
// at module level), the whole thread stops and resume() reports it to the
// driver, which resumes it later with a value or an exception.
#pragma once

#include <cstdint>
#include <string>

#include "lang/vm/budget.hpp"
#include "lang/compiler/code.hpp"
#include "lang/vm/frame.hpp"
#include "lang/objects/runtime.hpp"

namespace corolab::lang {

struct Thread {
    Frame* top = nullptr;
    Frame* bottom = nullptr;
    int depth = 0;
    std::uint32_t task_id = 0;  // engine task running this thread (0: none)
};

enum class RunStatus { Returned, Raised, Suspended };

struct RunResult {
    RunStatus status;
    Value value;  // return value, exception, or the awaitable it waits on
};

class Vm {
public:
    explicit Vm(Runtime& rt);
    ~Vm();

    // Runs a module's code in `globals` on a fresh thread until it returns,
    // raises or suspends.
    RunResult start_module(Code* code, DictObj* globals, Thread& th);
    // Starts a coroutine object, or an async generator's aclose() step
    // (an AsyncGenStep with throw_exc), on a fresh thread.
    RunResult start_coroutine(const Value& coro, Thread& th);
    // Starts a call of a plain Python function (not a generator or
    // coroutine function) on a fresh thread (a simulated worker thread,
    // modules/thread.cpp): it can suspend like a coroutine's thread.
    RunResult start_call(FunctionObj* fn, Value* args, int nargs, Thread& th);
    // Resumes a suspended thread with a value (exc Null) or an exception.
    RunResult resume(Thread& th, Value value, Value exc);
    // Drops every frame of a thread (a task that will never resume).
    void abandon(Thread& th);

    // Called from C++ (builtins): runs to completion on the current thread.
    Value call(const Value& f, Value* args, int nargs, const CallArgs& kw);
    // Resumes a generator (send: the value of its `yield`, Null = None).
    // Null without an exception: it finished. A non-Null `exc` is raised
    // at the suspended `yield` instead (throw / close).
    Value gen_next(GenObj* g, Value send = Value(), Value exc = Value());
    // The value the generator returned when gen_next last gave Null without
    // an exception (None if none); StopIteration carries it.
    Value gen_return() const { return gen_return_.is_null() ? Value::none() : gen_return_; }
    // Runs a prepared frame to completion on the current thread.
    Value run_frame(Frame* fr);

    // Set by a builtin that wants the current thread to suspend on `v`
    // (it then returns Null without an exception).
    void request_suspend(Value v) { suspend_request_ = std::move(v); }
    bool can_suspend() const { return nested_ == 0; }
    // How many C++ calls into the VM are in progress (a builtin asking to
    // suspend a thread it resumed at this level may do so).
    int nesting() const { return nested_; }

    Thread* current_thread() const { return cur_; }
    std::uint64_t steps = 0;
    std::uint64_t step_limit = 200'000'000;
    int recursion_limit = 1000;
    bool stop_requested = false;
    // A budget ran out (or stop()): the run ends at once; Python handlers
    // no longer run. `fatal_budget` names it ("steps", "memory", "output",
    // "tasks", "stop"); `fatal_message` is the text after "BudgetExceeded: ".
    std::string fatal_budget, fatal_message;
    bool fatal() const { return !fatal_budget.empty(); }
    // Sets the fatal state and raises (returns Null).
    Value set_fatal(std::string budget, std::string message);
    // The step counter and interrupt that lang/vm/budget.hpp's meters use.
    BudgetHooks budget_hooks();
    // Called about every 65,536 steps (host time checks, e.g. streaming output).
    void (*progress)(void* ctx) = nullptr;
    void* progress_ctx = nullptr;
    // Line of the innermost frame of the current thread (0 if none).
    int current_line() const;
    // Line of a thread's innermost frame (0 if none).
    static int line_of(const Thread& th);

    // Hook: is this object an engine awaitable the driver understands?
    bool (*is_engine_awaitable)(const Value& v) = nullptr;
    // Hook: an async generator is iterated (or closed) for the first time
    // (CPython's sys.set_asyncgen_hooks firstiter; asyncio tracks it).
    void (*agen_first_iter)(const Value& agen) = nullptr;
    void agen_init_hooks(GenObj* g) {
        if (g->hooks_inited) return;
        g->hooks_inited = true;
        if (agen_first_iter) agen_first_iter(Value(g));
    }

private:
    static void budget_exhausted(void* vm, const char* budget, std::size_t limit);
    Value execute(Frame* entry);
    Value execute_loop(Frame* entry);
    // A call of a builtin returned Null: true when it asked to suspend the
    // thread (asyncio.run, run_until_complete, Runner.close: execute_loop
    // returns), false for an exception (a request it cannot honour from this
    // frame becomes a RuntimeError).
    bool call_suspends(Frame* entry);
    // The budget check of execute_loop's back-edges and calls.
    enum class BudgetCheck { Go, Reenter, Stop };
    BudgetCheck check_budgets();
    bool reenter_ = false;
    bool push_call(Frame*& f, Value* args, int nargs, StrObj* const* kwn, Value* kwv, int nkw, const Value& func, Value& result);
    Frame* setup_frame(FunctionObj* fn, Value* args, int nargs, StrObj* const* kwn, Value* kwv, int nkw);
    Value call_nonpy(const Value& f, Value* args, int nargs, StrObj* const* kwn, Value* kwv, int nkw);
    void pop_frame(Frame* f);
    RunResult run_result(Value r, Thread& th);

    Runtime& rt_;
    Thread* cur_ = nullptr;
    int nested_ = 0;
    Value suspend_request_;
    std::uint64_t next_check_ = 0;  // step count at which budgets are checked next
    bool gen_yielded_ = false;
    Value gen_return_;  // see gen_return()
    // `yield from` delegation (vm.cpp): one step of the delegate, and a
    // throw()/close() passed on to it
    Value delegate_send(const Value& it, const Value& v, bool& done);
    int delegate_throw(Frame* fr, Value& exc, Value& out);
};

// Binds call arguments into the slots of a new frame (CPython's rules and
// TypeError messages). False when raised.
bool bind_arguments(FunctionObj* fn, Frame* fr, Value* args, int nargs, StrObj* const* kwn, Value* kwv, int nkw);

Value build_class(Value* args, int nargs, const CallArgs&);
Value instantiate(ClassObj* cls, Value* args, int nargs, const CallArgs& kw);

}  // namespace corolab::lang
