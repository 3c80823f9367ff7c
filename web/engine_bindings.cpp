// Embind bindings: the engine on its own, for the page and Node tests.
// JS sees EngineLoop: create it in virtual or real mode, schedule demo
// work (tasks sleeping given delays), drive it (runToEnd() for virtual
// time, advance() for a host driver: web/driver.js), read the trace as
// plain JS objects and the output lines.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <vector>

#include "corolab/corolab.hpp"

using namespace corolab;
using emscripten::val;

namespace {

class EngineLoop {
 public:
  EngineLoop(bool real_time, double speed)
      : loop_(real_time ? ClockMode::real_time : ClockMode::virtual_time, speed) {
    loop_.set_trace(&trace_);
  }
  ~EngineLoop() { loop_.stop(); }

  // Schedules one task per delay: it sleeps, then prints "<name> woke".
  void spawn_sleepers(val delays) {
    auto n = delays["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) create_task(loop_, sleeper(delays[i].as<double>()));
  }

  // Virtual clock: runs until nothing is left; returns the final time.
  double run_to_end() {
    while (loop_.advance(1e9) >= 0) {
    }
    return loop_.time();
  }
  // Host driver: seconds to wait before the next call (0 = at once,
  // < 0 = idle).
  double advance() { return loop_.advance(); }
  double time() const { return loop_.time(); }
  void set_speed(double speed) { loop_.set_speed(speed); }
  unsigned live_tasks() const { return static_cast<unsigned>(loop_.live_tasks()); }
  void stop() { loop_.stop(); }

  val output() const {
    val out = val::array();
    for (const auto& line : output_) out.call<void>("push", line);
    return out;
  }

  // The trace as an array of objects (docs/ARCHITECTURE.md's schema).
  val trace() const {
    val out = val::array();
    for (const auto& r : trace_.records()) out.call<void>("push", record(r));
    return out;
  }

 private:
  Task<void> sleeper(double delay) {
    co_await sleep(delay);
    std::string text = current_task()->name() + " woke";
    output_.push_back(text);
    loop_.record_output(text);
  }

  static val record(const TraceRecord& r) {
    val o = val::object();
    o.set("t", r.t);
    o.set("ev", std::string(to_string(r.ev)));
    const std::string& text = interned().name(r.detail);
    switch (r.ev) {
      case TraceEv::task_create:
        o.set("task", r.task);
        o.set("name", text);
        o.set("parent", r.a);
        break;
      case TraceEv::task_start:
      case TraceEv::task_resume:
        o.set("task", r.task);
        break;
      case TraceEv::task_suspend:
        o.set("task", r.task);
        o.set("on", std::string(to_string(static_cast<On>(r.sub))));
        if (static_cast<On>(r.sub) == On::sleep) {
          o.set("until", r.x);
        } else if (r.detail) {
          o.set("detail", text);
        }
        break;
      case TraceEv::task_done:
        o.set("task", r.task);
        o.set("outcome", std::string(to_string(static_cast<TaskOutcome>(r.sub))));
        if (r.detail) o.set("detail", text);
        break;
      case TraceEv::timer_set:
        o.set("timer", r.a);
        o.set("deadline", r.x);
        break;
      case TraceEv::timer_fire:
      case TraceEv::timer_cancel:
        o.set("timer", r.a);
        break;
      case TraceEv::iteration:
        o.set("n", r.a);
        break;
      case TraceEv::block:
        o.set("task", r.task);
        o.set("until", r.x);
        break;
      case TraceEv::output:
        o.set("task", r.task);
        o.set("stream", std::string(static_cast<Stream>(r.sub) == Stream::err ? "err" : "out"));
        o.set("text", text);
        break;
      case TraceEv::ready:
        o.set("task", r.task);
        o.set("cause", std::string(to_string(static_cast<Cause>(r.sub))));
        break;
      case TraceEv::truncated:
        break;
    }
    return o;
  }

  InternerUse names_;  // first: the names and trace texts outlive the loop and the trace
  Loop loop_;
  Trace trace_;
  std::vector<std::string> output_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(corolab_engine) {
  emscripten::class_<EngineLoop>("EngineLoop")
      .constructor<bool, double>()
      .function("spawnSleepers", &EngineLoop::spawn_sleepers)
      .function("runToEnd", &EngineLoop::run_to_end)
      .function("advance", &EngineLoop::advance)
      .function("time", &EngineLoop::time)
      .function("setSpeed", &EngineLoop::set_speed)
      .function("liveTasks", &EngineLoop::live_tasks)
      .function("stop", &EngineLoop::stop)
      .function("output", &EngineLoop::output)
      .function("trace", &EngineLoop::trace);
}
