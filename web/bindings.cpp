// Embind bindings of the scenario interpreter: what the page's worker and the
// Node CLI call. A JS Session wraps lang::Session; every method returns plain
// JS values or JSON strings (schemas in docs/ARCHITECTURE.md).
//   const s = new mod.Session(source, JSON.stringify({clock, speed, seed, filename, budgets}))
//   s.advance()            -> seconds to wait before the next call; -1 when finished
//   s.takeOutput(max)      -> JSON [{t, task, name, text, stream}]: the next new lines, at most max (0: all)
//   s.takeTrace(max)       -> JSON [trace events]: the next new ones, at most max (0: all)
//   s.takeFormatted(fmt)   -> {stdout, stderr}: the CLI's text|tsv|json formats
//   s.status()             -> JSON {state, exitCode, time, error}
//   s.onProgress(fn)       -> fn() called during long advance() calls (take output then)
//   s.stop(); s.delete()
// The module carries no library sources (lang/modules/*.py): the host passes
// createCorolab({ librarySource(name) -> text | null }), which a run calls on
// its first import of such a module (cli/run.cjs reads the file, the page's
// worker takes them from a JSON asset the page fetched after it was ready).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <optional>
#include <limits>
#include <string>
#include <vector>

#include "corolab/lang/session.hpp"
#include "corolab/trace.hpp"
#include "lang/output_format.hpp"

using emscripten::val;
using namespace corolab;

namespace {

std::string json_string(const std::string& s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

std::string json_number(double v) {
    std::string out;
    append_json_number(out, v);
    return out;
}

// A JS number as an integer budget: NaN and negatives are 0, values past
// the type's range saturate (a cast would wrap: 4096 MB is 0 in 32 bits).
template <class I>
I budget_value(double v) {
    if (!(v > 0)) return 0;
    if (v >= static_cast<double>(std::numeric_limits<I>::max())) return std::numeric_limits<I>::max();
    return static_cast<I>(v);
}

lang::Options parse_options(const std::string& json) {
    lang::Options o;
    val opts = val::global("JSON").call<val>("parse", json.empty() ? std::string("{}") : json);
    auto has = [&](val obj, const char* key) {
        return obj.hasOwnProperty(key) && !obj[key].isUndefined() && !obj[key].isNull();
    };
    if (has(opts, "clock")) o.real_clock = opts["clock"].as<std::string>() == "real";
    if (has(opts, "speed")) o.speed = opts["speed"].as<double>();
    if (has(opts, "seed")) o.seed = budget_value<std::uint64_t>(opts["seed"].as<double>());
    if (has(opts, "filename")) o.filename = opts["filename"].as<std::string>();
    if (has(opts, "trace")) o.trace = opts["trace"].as<bool>();
    if (has(opts, "budgets")) {
        val b = opts["budgets"];
        if (has(b, "steps")) o.budgets.steps = budget_value<std::uint64_t>(b["steps"].as<double>());
        if (has(b, "memory")) o.budgets.memory = budget_value<std::size_t>(b["memory"].as<double>());
        if (has(b, "tasks")) o.budgets.tasks = budget_value<std::size_t>(b["tasks"].as<double>());
        if (has(b, "depth")) o.budgets.recursion = budget_value<int>(b["depth"].as<double>());
        if (has(b, "output")) o.budgets.output = budget_value<std::size_t>(b["output"].as<double>());
        if (has(b, "time")) o.budgets.horizon = b["time"].as<double>();
    }
    return o;
}

// Options::module_source from the module's librarySource hook.
std::optional<std::string> library_source(const std::string& name) {
    val hook = val::module_property("librarySource");
    if (hook.typeOf().as<std::string>() != "function") return std::nullopt;
    val text = hook(name);
    if (!text.isString()) return std::nullopt;
    return text.as<std::string>();
}

class JsSession {
public:
    JsSession(std::string source, std::string options)
        : session_(std::move(source), with_hooks(parse_options(options))) {}

    // fn() is called from inside advance() about every 50 ms of a long run
    // (virtual time too): the worker takes the output and trace so far and
    // sends them to the page, so a run that must be killed keeps them.
    void onProgress(val fn) { progress_ = fn; }

    double advance() { return session_.advance(); }
    void stop() { session_.stop(); }

    // At most `max` per call (0: all), so that a host sends a big result in
    // messages of bounded size straight from this text.
    std::string takeOutput(double max) {
        if (out_pos_ == pending_out_.size()) {
            pending_out_ = session_.take_output();
            out_pos_ = 0;
        } else {
            for (lang::OutputLine& l : session_.take_output()) pending_out_.push_back(std::move(l));
        }
        std::size_t end = chunk_end(out_pos_, pending_out_.size(), max);
        std::string out = "[";
        for (; out_pos_ < end; ++out_pos_) {
            const lang::OutputLine& l = pending_out_[out_pos_];
            if (out.size() > 1) out += ',';
            out += "{\"t\":" + json_number(l.t) + ",\"task\":" + std::to_string(l.task) +
                   ",\"name\":" + json_string(l.task ? l.task_name : "") + ",\"text\":" +
                   json_string(l.text) + ",\"stream\":\"" + (l.err ? "err" : "out") + "\"}";
        }
        return out + "]";
    }

    std::string takeTrace(double max) {
        std::string out = "[";
        if (const Trace* trace = session_.trace()) {
            const auto& records = trace->records();
            for (std::size_t end = chunk_end(trace_pos_, records.size(), max); trace_pos_ < end; ++trace_pos_) {
                if (out.size() > 1) out += ',';
                out += Trace::to_json(records[trace_pos_]);
            }
        }
        return out + "]";
    }

    val takeFormatted(std::string format) {
        if (!formatter_) formatter_.emplace(lang::parse_output_format(format).value_or(lang::OutputFormat::text));
        // The ending (error display, tsv's "!" line) is written exactly once.
        bool ending = session_.finished() && !ended_;
        ended_ = ended_ || ending;
        lang::FormattedOutput f = ending ? formatter_->finish(session_) : formatter_->take(session_);
        val r = val::object();
        r.set("stdout", f.out);
        r.set("stderr", f.err);
        return r;
    }

    std::string status() const {
        lang::Session::Result r = session_.result();
        std::string state = !session_.finished() ? "running" : r.exit_code == 0 ? "finished" : "failed";
        std::string out = "{\"state\":\"" + state + "\",\"exitCode\":" + std::to_string(r.exit_code) +
                          ",\"time\":" + json_number(session_.time()) + ",\"error\":";
        if (r.exit_code == 0 || !session_.finished()) return out + "null}";
        return out + "{\"type\":" + json_string(r.type) + ",\"message\":" + json_string(r.message) +
               ",\"line\":" + std::to_string(r.line) + ",\"col\":" + std::to_string(r.col) +
               ",\"display\":" + json_string(r.display) + ",\"budget\":" + json_string(r.budget) + "}}";
    }

private:
    static std::size_t chunk_end(std::size_t pos, std::size_t size, double max) {
        std::size_t n = budget_value<std::size_t>(max);
        return n == 0 || size - pos <= n ? size : pos + n;
    }

    lang::Options with_hooks(lang::Options o) {
        o.on_progress = [this] {
            if (!progress_.isUndefined() && !progress_.isNull()) progress_();
        };
        o.module_source = library_source;
        return o;
    }

    val progress_ = val::undefined();
    lang::Session session_;
    std::size_t trace_pos_ = 0;
    std::vector<lang::OutputLine> pending_out_;  // taken from the session, not yet from takeOutput
    std::size_t out_pos_ = 0;
    std::optional<lang::OutputFormatter> formatter_;
    bool ended_ = false;
};

}  // namespace

EMSCRIPTEN_BINDINGS(corolab_lang) {
    emscripten::class_<JsSession>("Session")
        .constructor<std::string, std::string>()
        .function("advance", &JsSession::advance)
        .function("onProgress", &JsSession::onProgress)
        .function("stop", &JsSession::stop)
        .function("takeOutput", &JsSession::takeOutput)
        .function("takeTrace", &JsSession::takeTrace)
        .function("takeFormatted", &JsSession::takeFormatted)
        .function("status", &JsSession::status);
}
