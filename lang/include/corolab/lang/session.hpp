// Session: runs one scenario; what the CLIs and the web bindings call.
//
//   Session s(source, options);
//   while (true) {                      // virtual clock: one call suffices
//       double wait = s.advance();      // runs what is due
//       for (auto& line : s.take_output()) ...
//       if (wait < 0) break;            // finished
//       sleep(wait);                    // real clock: host seconds to wait (0: call again now)
//   }
//   Session::Result r = s.result();     // exit code, uncaught exception, budget
//
// Output lines are stamped with the virtual (or real) loop time at their
// newline, with the task that wrote them. The error stream (err = true)
// carries asyncio's warnings ("Task exception was never retrieved") and the
// traceback of an uncaught exception.
// One Session runs at a time per thread (advance() of two sessions must not
// interleave within a call; alternating calls are fine).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corolab {
class Trace;
}

namespace corolab::lang {

struct Budgets {
    std::uint64_t steps = 200'000'000;   // VM instructions
    std::size_t memory = 256u << 20;     // bytes the run allocated and holds (lang/vm/budget.hpp: every allocation counts)
    std::size_t tasks = 100'000;         // live asyncio tasks and live threads
    int recursion = 1000;                // Python frames (RecursionError, catchable)
    std::size_t output = 1'000'000;      // characters written to stdout
    double horizon = 3600.0;             // virtual seconds (the oracle's default)
};

struct Options {
    bool real_clock = false;
    double speed = 1.0;
    std::uint64_t seed = 20000101;       // random's seed when the scenario sets none
    Budgets budgets;
    std::string filename = "main.py";
    // Record the engine trace (the page and --format json read it; off, an
    // endless loop costs no memory per step).
    bool trace = true;
    // Called from inside advance() at most every progress_interval host
    // seconds while a run goes on (also in virtual time): the host may take
    // the output and trace so far (take_output(), trace()), so that a run it
    // must kill keeps what it printed. It must not call advance().
    std::function<void()> on_progress;
    double progress_interval = 0.05;
    // The text of a module written in the scenario language (corolab's
    // lang/modules/NAME.py, e.g. "dataclasses"), asked once per run on its
    // first import; nullopt: no such module. Unset: the sources built into
    // the program (the corolab_lang_stdlib library: native builds and test
    // suites). The Wasm module the page and the Node CLI load carries none:
    // its host serves them (web/bindings.cpp), so they cost no download
    // until a scenario imports one.
    std::function<std::optional<std::string>(const std::string& name)> module_source;
};

struct OutputLine {
    double t = 0;
    std::uint32_t task = 0;     // asyncio task id (Task-7 -> 7), 0 = none
    std::string task_name;
    std::string text;           // without the newline
    bool err = false;           // error stream
};

class Session {
public:
    struct Result {
        int exit_code = 0;       // 0 finished normally, 1 otherwise
        std::string type;        // "ValueError", "SyntaxError", "DeadlockError", "BudgetExceeded"
        std::string message;     // str(exception) / the budget or deadlock text
        std::string budget;      // "steps", "memory", "tasks", "output", "time", "stop" or ""
        std::string display;     // traceback / SyntaxError text (as CPython prints it)
        int line = 0, col = 0;   // where (0 when unknown)
        double t = 0;            // loop time when the run ended
        bool exited = false;     // ended by sys.exit(): exit_code is its status, no error line
    };

    Session(std::string source, Options options = {});
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Virtual clock: runs the scenario to its end, returns -1. Real clock:
    // runs what is due and returns the host seconds to wait before the next
    // call (0 = call again at once), or -1 when finished.
    double advance();
    bool finished() const;
    // Output lines produced since the last call.
    std::vector<OutputLine> take_output();
    Result result() const;
    // Ends the run at the next opportunity (Result.budget == "stop").
    void stop();
    // The engine trace of the run (null when Options::trace is false).
    const corolab::Trace* trace() const;
    // Current loop time (virtual seconds, or scaled real seconds).
    double time() const;

    // The CLI's tsv contract: "<t %.3f>\t<text>" per stdout line, then
    // "<t>\t!<Type>: <message>" (or "!<Type>") when the run failed.
    static std::string format_tsv(const std::vector<OutputLine>& lines, const Result& r);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace corolab::lang
