// Session: parse, compile and run a scenario (see session.hpp).
#include "lang/include/corolab/lang/session.hpp"

#include <cstdio>

#include "lang/compiler.hpp"
#include "lang/ops.hpp"
#include "lang/output.hpp"
#include "lang/parser.hpp"
#include "lang/vm.hpp"

namespace corolab::lang {

void register_builtins(DictObj* b);

struct Session::Impl {
    std::string source_text;
    Options opts;
    std::unique_ptr<Runtime> runtime;
    std::unique_ptr<Vm> vm;
    Program program;
    std::vector<OutputLine> out;
    std::string partial;  // unfinished line of stdout
    std::size_t out_bytes = 0;
    bool done = false;
    Result res;
    double now = 0;

    void finish_exception(const Value& exc) {
        res.exit_code = 1;
        auto* e = static_cast<ExceptionObj*>(exc.o);
        res.type = e->cls->name;
        std::string msg;
        append_str(msg, exc);
        if (has_exc()) take_exc();
        res.message = msg;
        std::string tb = "Traceback (most recent call last):\n";
        for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
            tb += "  File \"" + opts.filename + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
        }
        if (!e->traceback.empty()) res.line = e->traceback.front().line;
        tb += res.type + (msg.empty() ? "" : ": " + msg) + "\n";
        res.display = tb;
        if (vm && vm->step_limit_hit) res.budget = "steps";
    }

    bool sink(const std::string& text, bool err) {
        out_bytes += text.size();
        if (out_bytes > opts.budgets.output) {
            raise(T.RuntimeError, "budget exceeded: output");
            res.budget = "output";
            return false;
        }
        partial += text;
        std::size_t p;
        while ((p = partial.find('\n')) != std::string::npos) {
            out.push_back({now, 0, "", partial.substr(0, p), err});
            partial.erase(0, p + 1);
        }
        return true;
    }

    void run() {
        Source src(opts.filename, source_text);
        ParseResult pr;
        try {
            pr = parse_and_analyze(src);
            compile_module(*pr.module, src, program);
        } catch (const SyntaxError& e) {
            res.exit_code = 1;
            res.type = e.type;
            res.message = e.message;
            res.line = e.line;
            res.col = e.column;
            res.display = e.format();
            done = true;
            return;
        }
        Value globals = new_dict();
        auto* g = static_cast<DictObj*>(globals.o);
        dict_set_str(g, "__name__", str_value("__main__"));
        Thread th;
        RunResult r = vm->start_module(program.module, g, th);
        if (r.status == RunStatus::Raised) finish_exception(r.value);
        else if (r.status == RunStatus::Suspended) {
            vm->abandon(th);
            res.exit_code = 1;
            res.type = "RuntimeError";
            res.message = "not supported in corolab yet: the event loop";
        }
        if (!partial.empty()) { out.push_back({now, 0, "", partial, false}); partial.clear(); }
        done = true;
    }
};

Session::Session(std::string source, Options options) : impl_(std::make_unique<Impl>()) {
    impl_->source_text = std::move(source);
    impl_->opts = std::move(options);
}

Session::~Session() {
    if (impl_->runtime) {
        Runtime* saved = Runtime::current;
        Heap* saved_heap = Heap::current;
        Runtime::current = impl_->runtime.get();
        Heap::current = &impl_->runtime->heap;
        impl_->program.codes.clear();
        impl_->vm.reset();
        impl_->runtime.reset();
        Runtime::current = saved == nullptr ? nullptr : saved;
        Heap::current = saved_heap;
        if (Runtime::current == nullptr) Heap::current = nullptr;
    }
}

double Session::advance() {
    if (impl_->done) return -1;
    Runtime* saved = Runtime::current;
    Heap* saved_heap = Heap::current;
    impl_->runtime = std::make_unique<Runtime>();
    Runtime::current = impl_->runtime.get();
    Heap::current = &impl_->runtime->heap;
    impl_->vm = std::make_unique<Vm>(*impl_->runtime);
    impl_->vm->step_limit = impl_->opts.budgets.steps;
    impl_->vm->recursion_limit = impl_->opts.budgets.recursion;
    Value b = new_dict();
    impl_->runtime->builtins = static_cast<DictObj*>(b.o);
    register_builtins(impl_->runtime->builtins);
    Value keep_builtins = b;
    set_output_sink([this](const std::string& t, bool err) { return impl_->sink(t, err); });
    impl_->run();
    set_output_sink(nullptr);
    // everything of the run is freed with the session; keep builtins alive until then
    impl_->runtime->modules["builtins"] = keep_builtins;
    Runtime::current = saved;
    Heap::current = saved_heap;
    return -1;
}

bool Session::finished() const { return impl_->done; }

std::vector<OutputLine> Session::take_output() {
    std::vector<OutputLine> o = std::move(impl_->out);
    impl_->out.clear();
    return o;
}

Session::Result Session::result() const { return impl_->res; }
void Session::stop() { if (impl_->vm) impl_->vm->stop_requested = true; }

std::string Session::format_tsv(const std::vector<OutputLine>& lines, const Result& r, double end_time) {
    std::string s;
    char buf[64];
    for (auto& l : lines) {
        std::snprintf(buf, sizeof buf, "%.3f\t", l.t);
        s += buf + l.text + "\n";
    }
    if (r.exit_code != 0) {
        std::snprintf(buf, sizeof buf, "%.3f\t!", end_time);
        s += buf + r.type + ": " + r.message + "\n";
    }
    return s;
}

}  // namespace corolab::lang
