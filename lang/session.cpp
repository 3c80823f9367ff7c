// Session: parse, compile and run a scenario (see session.hpp).
#include "corolab/lang/session.hpp"

#include <chrono>
#include <cstdio>
#include <string_view>

#include "corolab/corolab.hpp"
#include "lang/modules/asyncio_bridge.hpp"
#include "lang/modules/thread.hpp"
#include "lang/vm/budget.hpp"
#include "lang/compiler/compiler.hpp"
#include "lang/modules/modules.hpp"
#include "lang/objects/ops.hpp"
#include "lang/output.hpp"
#include "lang/front/parser.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

void register_builtins(DictObj* b);
void register_modules(std::uint64_t seed);  // modules.cpp

struct Session::Impl {
    enum class State { NotStarted, Running, Done };
    corolab::InternerUse names;  // first member: the run's names outlive everything below
    std::string source_text;
    Options opts;
    std::unique_ptr<Source> source;
    std::unique_ptr<Runtime> runtime;
    std::unique_ptr<Vm> vm;
    AsyncioState aio;
    corolab::Trace trace;
    Program program;
    Thread module_thread;
    std::unique_ptr<LoopRun> run;
    State state = State::NotStarted;
    std::vector<OutputLine> out;
    std::string partial;  // unfinished stdout line
    std::uint32_t partial_task = 0;
    std::size_t out_chars = 0;
    std::size_t err_chars = 0;  // bytes written to the error stream
    bool err_cut = false;       // the error stream reached its cap
    static constexpr std::size_t kMinErrorChars = 64 * 1024;
    Result res;
    RunBudget budget;  // memory and steps (lang/vm/budget.hpp), metered inside Enter
    double last_progress = 0;  // host seconds of the last Options::on_progress call
    std::uint64_t checks = 0;  // loop iterations' budget checks

    // Makes this session's runtime the current one for the duration of a call.
    struct Enter {
        Impl& s;
        Runtime* saved_rt;
        Heap* saved_heap;
        AsyncioState* saved_aio;
        BudgetScope metered;
        explicit Enter(Impl& i)
            : s(i), saved_rt(Runtime::current), saved_heap(Heap::current), saved_aio(AsyncioState::current), metered(&i.budget) {
            Runtime::current = s.runtime.get();
            Heap::current = s.runtime ? &s.runtime->heap : nullptr;
            AsyncioState::current = &s.aio;
            set_output_sink([this](const std::string& t, bool err) { return s.write(t, err); });
            corolab::set_report_hook([this](const corolab::Report& r) { s.report(r); });
            corolab::set_describe_hook([](const std::exception_ptr& e) { return describe_exception(e); });
        }
        ~Enter() {
            set_output_sink(nullptr);
            corolab::set_report_hook(nullptr);
            corolab::set_describe_hook(nullptr);
            Runtime::current = saved_rt;
            Heap::current = saved_heap;
            AsyncioState::current = saved_aio;
        }
    };

    static std::string describe_exception(const std::exception_ptr& e) {
        try {
            std::rethrow_exception(e);
        } catch (const PyCancelled& p) {
            return repr_text(p.exc);
        } catch (const PyError& p) {
            return repr_text(p.exc);
        } catch (const corolab::CancelledError& c) {
            return c.message() ? "CancelledError('" + *c.message() + "')" : "CancelledError()";
        } catch (const corolab::EngineError& x) {
            return std::string(x.kind()) + "('" + x.what() + "')";
        } catch (const std::exception& x) {
            return std::string("Exception('") + x.what() + "')";
        }
    }
    static std::string repr_text(const Value& v) {
        if (!Runtime::current) return "Exception()";
        std::string s;
        if (!append_repr(s, v)) { take_exc(); s = "<exception>"; }
        return s;
    }

    double now() const { return aio.time(); }

    void emit(std::string text, bool err) {
        OutputLine l;
        l.t = now();
        if (aio.output_lane) {
            // a simulated thread's line (modules/thread.cpp): its own lane
            l.task = aio.output_lane;
            l.task_name = aio.output_lane_name;
            if (corolab::Trace* tr = aio.tracing())
                tr->add(corolab::TraceRecord{aio.running ? aio.running->time() : l.t, 0, l.task, 0, corolab::interned().intern(text),
                                             corolab::TraceEv::output,
                                             static_cast<std::uint8_t>(err ? corolab::Stream::err : corolab::Stream::out)});
        } else if (aio.running) {
            if (TaskBase* t = corolab::current_task()) {
                l.task = t->id();
                l.task_name = t->name();
            }
            aio.running->record_output(text, err ? corolab::Stream::err : corolab::Stream::out);
        } else if (corolab::Trace* tr = aio.tracing()) {
            // Module-level code (no loop running) prints too: task 0.
            tr->add(corolab::TraceRecord{l.t, 0, 0, 0, corolab::interned().intern(text), corolab::TraceEv::output,
                                                static_cast<std::uint8_t>(err ? corolab::Stream::err : corolab::Stream::out)});
        }
        l.text = std::move(text);
        l.err = err;
        out.push_back(std::move(l));
    }

    // `ending`: the run's own end (traceback, budget stop), never dropped.
    bool write(const std::string& text, bool err, bool ending = false) {
        if (err) {
            // The error stream is bounded too (a scenario can make asyncio
            // report thousands of tracebacks): past the cap, one marker line.
            std::size_t cap = std::max<std::size_t>(opts.budgets.output, kMinErrorChars);
            if (err_cut && !ending) return true;
            std::string_view part = text;
            bool cut = !ending && err_chars + part.size() > cap;
            if (cut) {
                std::size_t keep = cap > err_chars ? cap - err_chars : 0;
                while (keep > 0 && keep < part.size() && (static_cast<unsigned char>(part[keep]) & 0xC0) == 0x80) --keep;
                part = part.substr(0, keep);
            }
            err_chars += part.size();
            std::size_t a = 0, p;
            while ((p = part.find('\n', a)) != std::string_view::npos) { emit(std::string(part.substr(a, p - a)), true); a = p + 1; }
            if (a < part.size()) emit(std::string(part.substr(a)), true);
            if (cut) {
                emit("[corolab: further error output dropped: " + std::to_string(cap) + " characters written]", true);
                err_cut = true;
            }
            return true;
        }
        // the output budget counts characters (code points), newlines included
        std::string t = text;
        bool over = false;
        std::size_t room = opts.budgets.output > out_chars ? opts.budgets.output - out_chars : 0;
        bool ascii;
        std::size_t n = static_cast<std::size_t>(utf8_length(t, ascii));
        if (n > room) {
            std::size_t bytes = 0, cps = 0;
            while (bytes < t.size() && cps < room) {
                ++bytes;
                while (bytes < t.size() && (static_cast<unsigned char>(t[bytes]) & 0xC0) == 0x80) ++bytes;
                ++cps;
            }
            t.resize(bytes);
            n = room;
            over = true;
        }
        out_chars += n;
        // only the new text is searched and the finished lines are cut once:
        // a million print(x, end="") calls take linear time
        std::size_t from = partial.size();
        partial += t;
        std::size_t a = 0, p;
        while ((p = partial.find('\n', from)) != std::string::npos) {
            emit(partial.substr(a, p - a), false);
            a = from = p + 1;
        }
        if (a) partial.erase(0, a);
        if (over) {
            vm->set_fatal("output", "output limit of " + std::to_string(opts.budgets.output) + " characters reached");
            return false;
        }
        return true;
    }

    void flush_partial() {
        if (!partial.empty()) {
            emit(partial, false);
            partial.clear();
        }
    }

    void report(const corolab::Report& r) {
        // A budget stop ends tasks with an internal error: not the scenario's.
        if (vm && vm->fatal()) return;
        std::string text = r.text() + "\n";
        if (r.error) {
            try {
                std::rethrow_exception(r.error);
            } catch (const PyError& p) {
                text += traceback_text(p.exc);
            } catch (...) {
            }
        }
        write(text, true);
    }

    std::string traceback_text(const Value& exc) {
        if (!is_kind(exc, Kind::Exception)) return "";
        return format_traceback(exc, exception_message(exc));
    }

    // sys.exit(code) not caught: the status CPython exits with, no error line.
    bool system_exit(const Value& exc) {
        if (!exc_matches(exc, T.SystemExit)) return false;
        auto* args = static_cast<TupleObj*>(static_cast<ExceptionObj*>(exc.o)->args.o);
        Value code = args && !args->items.empty() ? args->items[0] : Value::none();
        res.exited = true;
        res.type = "SystemExit";
        if (code.is_none()) res.exit_code = 0;
        else if (code.is_int() || code.is_bool()) res.exit_code = static_cast<int>(code.i & 0xff);
        else {
            std::string text;
            if (!append_str(text, code)) take_exc();
            write(text + "\n", true);
            res.exit_code = 1;
        }
        res.message = std::to_string(res.exit_code);
        return true;
    }

    // str(exc), or what CPython's traceback prints when that raises
    static std::string exception_message(const Value& exc) {
        std::string msg;
        if (!append_str(msg, exc)) {
            take_exc();
            msg = "<exception str() failed>";
        }
        return msg;
    }

    void fail_exception(const Value& exc) {
        if (system_exit(exc)) return;
        res.exit_code = 1;
        if (!is_kind(exc, Kind::Exception)) {
            res.type = "SystemError";
            return;
        }
        auto* e = static_cast<ExceptionObj*>(exc.o);
        res.type = e->cls->name;
        res.message = exception_message(exc);
        if (!e->traceback.empty()) res.line = e->traceback.front().line;
        res.display = traceback_text(exc);
        write(res.display, true, true);
    }

    void abort(const RunAbort& a) {
        res.exit_code = 1;
        res.type = a.type;
        res.message = a.message;
        res.budget = a.budget;
        res.line = vm ? vm->current_line() : 0;
        res.display = a.type + ": " + a.message + "\n";
        write(res.display, true, true);
    }

    void check_budgets() {
        if ((++checks & 1023) == 0) progress();
        if (!vm->fatal()) check_memory();
        if (vm->fatal()) {
            if (vm->fatal_budget == "stop") throw RunAbort{"Stopped", "the run was stopped", "stop"};
            if (vm->fatal_budget == "deadlock") throw RunAbort{"DeadlockError", vm->fatal_message, ""};
            throw RunAbort{"BudgetExceeded", vm->fatal_message, vm->fatal_budget};
        }
        if (vm->stop_requested) throw RunAbort{"Stopped", "the run was stopped", "stop"};
    }

    bool start() {
        runtime = std::make_unique<Runtime>();
        Runtime::current = runtime.get();
        Heap::current = &runtime->heap;
        vm = std::make_unique<Vm>(*runtime);
        vm->step_limit = opts.budgets.steps;
        vm->recursion_limit = opts.budgets.recursion;
        budget.hooks = vm->budget_hooks();
        if (opts.on_progress) {
            vm->progress = [](void* self) { static_cast<Impl*>(self)->progress(); };
            vm->progress_ctx = this;
        }
        aio.filename = opts.filename;
        runtime->filename = opts.filename;
        runtime->module_source = opts.module_source;
        aio.horizon = opts.budgets.horizon;
        aio.real_clock = opts.real_clock;
        aio.speed = opts.speed;
        aio.host_seconds = [] {
            using namespace std::chrono;
            return duration<double>(steady_clock::now().time_since_epoch()).count();
        };
        aio.task_limit = opts.budgets.tasks;
        aio.check_budgets = [this] { check_budgets(); };
        aio.trace = opts.trace ? &trace : nullptr;
        // The trace's records may take an eighth of the memory budget; then
        // it ends with a `truncated` record and the run goes on without it.
        trace.max_records = std::max<std::size_t>(opts.budgets.memory / 8 / sizeof(corolab::TraceRecord), 16);
        corolab::reset_task_counter();
        Value b = new_dict();
        runtime->builtins = static_cast<DictObj*>(b.o);
        runtime->modules["builtins"] = b;
        register_builtins(runtime->builtins);
        register_modules(opts.seed);
        source = std::make_unique<Source>(opts.filename, source_text);
        runtime->source = source.get();
        try {
            ParseResult pr = parse_and_analyze(*source);
            compile_module(*pr.module, *source, program);
        } catch (const SyntaxError& e) {
            res.exit_code = 1;
            res.type = e.type;
            res.message = e.message + " (" + opts.filename + ", line " + std::to_string(e.line) + ")";  // str(SyntaxError)
            res.line = e.line;
            res.col = e.column;
            res.display = e.format();
            write(res.display, true, true);
            return false;
        } catch (const CompileLimitError& e) {
            res.exit_code = 1;
            res.type = e.type;
            res.message = e.message;
            res.display = e.type + (e.message.empty() ? "" : ": " + e.message) + "\n";
            write(res.display, true);
            return false;
        }
        Value globals = new_dict();
        auto* g = static_cast<DictObj*>(globals.o);
        dict_set_str(g, "__name__", str_value("__main__"));
        dict_set_str(g, "__builtins__", b);
        handle(vm->start_module(program.module, g, module_thread));
        return true;
    }

    // The interpreter's exit: threading._shutdown() joins the threads
    // still running (modules/thread.cpp).
    void at_exit() {
        Value r = threads_at_exit();
        if (!r.is_null()) return;
        if (vm->fatal()) check_budgets();
        fail_exception(take_exc());
    }

    // What the module thread did: finished, raised, or asks to run a loop.
    void handle(RunResult r) {
        switch (r.status) {
            case RunStatus::Returned:
                state = State::Done;
                at_exit();
                return;
            case RunStatus::Raised:
                if (vm->fatal()) check_budgets();
                fail_exception(r.value);
                state = State::Done;
                at_exit();
                return;
            case RunStatus::Suspended: {
                auto* req = static_cast<RunRequest*>(static_cast<Obj*>(r.value.o));
                run = std::make_unique<LoopRun>(req);
                return;
            }
        }
    }

    double advance() {
        if (state == State::Done) return -1;
        try {
            if (state == State::NotStarted) {
                state = State::Running;
                if (!start()) { state = State::Done; return finish(); }
            }
            while (state == State::Running && run) {
                double w = run->step(opts.real_clock, 0.01);
                if (w >= 0) return w;
                Value v = std::move(run->result), e = std::move(run->exc);
                run.reset();
                if (vm->fatal()) check_budgets();
                handle(vm->resume(module_thread, std::move(v), std::move(e)));
            }
            if (state == State::Done) aio.report_pending_tasks();
        } catch (const RunAbort& a) {
            abort(a);
            state = State::Done;
        } catch (const std::bad_alloc&) {
            // An allocation past the memory budget's hard ceiling (or one
            // the allocator could not serve): the run ends on the budget.
            abort(RunAbort{"BudgetExceeded", budget_message("memory", budget.memory_limit), "memory"});
            state = State::Done;
        } catch (const std::exception& x) {
            // Never end silently: an internal failure is reported as such.
            abort(RunAbort{"InternalError", std::string("corolab internal error: ") + x.what(), ""});
            state = State::Done;
        } catch (...) {
            abort(RunAbort{"InternalError", "corolab internal error", ""});
            state = State::Done;
        }
        state = State::Done;
        return finish();
    }

    // Options::on_progress, at most every progress_interval host seconds.
    void progress() {
        if (!opts.on_progress || !aio.host_seconds) return;
        double now_s = aio.host_seconds();
        if (now_s - last_progress < opts.progress_interval) return;
        last_progress = now_s;
        opts.on_progress();
    }

    double finish() {
        flush_partial();
        res.t = now();
        if (run) run.reset();
        return -1;
    }

    // Frees the run. Engine-held references to Python values (task frames,
    // futures' results and exceptions, queues) are released first, while
    // every Python object is still alive; then the heap frees the rest.
    void teardown() {
        if (!runtime) return;
        {
            Enter e(*this);
            corolab::set_report_hook([](const corolab::Report&) {});
            {  // empty first: a generator freed below finds nothing to finalize
                auto gens = std::move(aio.asyncgens);
                aio.asyncgens.clear();
            }
            run.reset();
            if (vm) vm->abandon(module_thread);
            if (vm) threads_teardown();
            aio.stop_all();
            program.codes.clear();
            aio.loop_objects.clear();
            aio.task_coros.clear();  // Python values: dropped while the heap still holds them
            vm.reset();
            runtime.reset();  // clears its tables, then frees the heap
            aio.tasks.clear();
            aio.loops.clear();
        }
    }
};

Session::Session(std::string source, Options options) : impl_(std::make_unique<Impl>()) {
    impl_->source_text = std::move(source);
    impl_->opts = std::move(options);
    impl_->budget.start(impl_->opts.budgets.memory);
}

Session::~Session() { impl_->teardown(); }

double Session::advance() {
    Impl::Enter e(*impl_);
    return impl_->advance();
}

bool Session::finished() const { return impl_->state == Impl::State::Done; }

std::vector<OutputLine> Session::take_output() {
    std::vector<OutputLine> o = std::move(impl_->out);
    impl_->out.clear();
    return o;
}

Session::Result Session::result() const { return impl_->res; }
void Session::stop() {
    if (impl_->vm) impl_->vm->stop_requested = true;
}
const corolab::Trace* Session::trace() const { return impl_->opts.trace ? &impl_->trace : nullptr; }
double Session::time() const { return impl_->aio.time(); }

std::string Session::format_tsv(const std::vector<OutputLine>& lines, const Result& r) {
    std::string s;
    char buf[64];
    for (auto& l : lines) {
        if (l.err) continue;
        std::snprintf(buf, sizeof buf, "%.3f\t", l.t);
        s += buf + l.text + "\n";
    }
    if (r.exit_code != 0 && !r.exited) {
        std::snprintf(buf, sizeof buf, "%.3f\t!", r.t);
        s += buf + r.type + (r.message.empty() ? "" : ": " + r.message) + "\n";
    }
    return s;
}

}  // namespace corolab::lang
