// The trace: what happened and when (docs/ARCHITECTURE.md's schema).
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace corolab;

namespace {
// The records of one kind, as JSON lines.
std::vector<std::string> json_of(const Trace& trace, std::initializer_list<TraceEv> kinds) {
  std::vector<std::string> out;
  for (const auto& r : trace.records()) {
    for (TraceEv k : kinds) {
      if (r.ev == k) out.push_back(Trace::to_json(r));
    }
  }
  return out;
}
}  // namespace

TEST_CASE("the trace records task lifecycles, suspensions, timers, blocking and output") {
  reset_task_counter();
  Loop loop;
  Trace trace;
  trace.record_iterations = false;
  loop.set_trace(&trace);
  auto child = [&]() -> Task<int> {
    co_await sleep(1);
    loop.record_output("Hello 1!");
    loop.block(0.5);
    throw ValueError("x");
  };
  auto main = [&]() -> Task<void> {
    auto t = create_task(child());
    try {
      co_await t;
    } catch (const ValueError&) {
    }
  };
  run_until_complete(loop, main());
  CHECK(json_of(trace, {TraceEv::task_create}) ==
        std::vector<std::string>{R"j({"t":0,"ev":"task_create","task":1,"name":"Task-1","parent":0})j",
                                 R"j({"t":0,"ev":"task_create","task":2,"name":"Task-2","parent":1})j"});
  CHECK(json_of(trace, {TraceEv::task_suspend}) ==
        std::vector<std::string>{R"j({"t":0,"ev":"task_suspend","task":1,"on":"task","detail":"Task-2"})j",
                                 R"j({"t":0,"ev":"task_suspend","task":2,"on":"sleep","detail":"until 1.000"})j"});
  CHECK(json_of(trace, {TraceEv::timer_set, TraceEv::timer_fire}) ==
        std::vector<std::string>{R"j({"t":0,"ev":"timer_set","task":2,"timer":1,"deadline":1})j",
                                 R"j({"t":1,"ev":"timer_fire","timer":1})j"});
  CHECK(json_of(trace, {TraceEv::output, TraceEv::block}) ==
        std::vector<std::string>{R"j({"t":1,"ev":"output","task":2,"stream":"out","text":"Hello 1!"})j",
                                 R"j({"t":1,"ev":"block","task":2,"until":1.5})j"});
  CHECK(json_of(trace, {TraceEv::task_done}) ==
        std::vector<std::string>{
            R"j({"t":1.5,"ev":"task_done","task":2,"outcome":"error","detail":"ValueError('x')"})j",
            R"j({"t":1.5,"ev":"task_done","task":1,"outcome":"result"})j"});
  CHECK(json_of(trace, {TraceEv::task_start, TraceEv::task_resume}).size() == 4);
  reset_task_counter();
}

TEST_CASE("the trace records each ready-queue push with its cause, await lines and task labels") {
  reset_task_counter();
  Loop loop;
  Trace trace;
  trace.record_iterations = false;
  loop.set_trace(&trace);
  auto fut = Future<int>::create(loop);
  auto waiter = [&]() -> Task<int> {
    trace.await_line = 7;  // as the interpreter sets it before an await
    co_return co_await fut;
  };
  auto sleeper = [&]() -> Task<void> {
    co_await sleep(0);
    trace.await_line = 9;
    co_await sleep(1);
    fut.set_result(3);
  };
  auto main = [&]() -> Task<void> {
    auto a = create_task(waiter());
    a.base().set_trace_label("waiter()");
    auto b = create_task(sleeper());
    b.base().set_trace_label("asyncio.run: shutdown_asyncgens()", true);
    loop.call_soon([] {});
    co_await a;
    co_await b;
  };
  run_until_complete(loop, main());
  CHECK(json_of(trace, {TraceEv::ready}) ==
        std::vector<std::string>{
            R"j({"t":0,"ev":"ready","task":1,"cause":"start"})j",
            R"j({"t":0,"ev":"ready","task":2,"cause":"start"})j",
            R"j({"t":0,"ev":"ready","task":3,"cause":"start"})j",
            R"j({"t":0,"ev":"ready","cause":"callback"})j",
            R"j({"t":0,"ev":"ready","task":3,"cause":"yield"})j",
            R"j({"t":1,"ev":"ready","task":3,"cause":"timer"})j",
            R"j({"t":1,"ev":"ready","task":2,"cause":"done","on":"future"})j",
            R"j({"t":1,"ev":"ready","task":1,"cause":"done","on":"task"})j",
            // main's `co_await b`: b is done already, so main does not suspend.
            R"j({"t":1,"ev":"ready","cause":"callback"})j"});
  auto suspends = json_of(trace, {TraceEv::task_suspend});
  CHECK(suspends[1] == R"j({"t":0,"ev":"task_suspend","task":2,"on":"future","line":7})j");
  CHECK(suspends[2] == R"j({"t":0,"ev":"task_suspend","task":3,"on":"yield"})j");
  CHECK(suspends[3] == R"j({"t":0,"ev":"task_suspend","task":3,"on":"sleep","detail":"until 1.000","line":9})j");
  CHECK(json_of(trace, {TraceEv::task_create})[1] ==
        R"j({"t":0,"ev":"task_create","task":2,"name":"Task-2","parent":1,"coro":"waiter()"})j");
  CHECK(json_of(trace, {TraceEv::task_create})[2] ==
        R"j({"t":0,"ev":"task_create","task":3,"name":"Task-3","parent":1,"coro":"asyncio.run: shutdown_asyncgens()","internal":true})j");
  reset_task_counter();
}

TEST_CASE("the trace records iterations and timer cancellations; detached, it records nothing") {
  Loop loop;
  Trace trace;
  loop.set_trace(&trace);
  Handle h = loop.call_later(1, [] {});
  h.cancel();
  loop.call_soon([] {});
  loop.run_once();
  CHECK(json_of(trace, {TraceEv::timer_cancel, TraceEv::iteration}) ==
        std::vector<std::string>{R"j({"t":0,"ev":"timer_cancel","timer":1})j", R"j({"t":0,"ev":"iteration","n":1})j"});
  loop.set_trace(nullptr);
  size_t n = trace.records().size();
  loop.call_soon([] {});
  loop.run_once();
  CHECK(trace.records().size() == n);
}

TEST_CASE("an awaited future can be tagged with what it stands for (the interpreter's locks, queues...)") {
  reset_task_counter();
  Loop loop;
  Trace trace;
  loop.set_trace(&trace);
  auto main = [&]() -> Task<void> {
    auto f = Future<int>::create(loop);
    loop.call_soon([f]() mutable { f.set_result(1); });
    co_await f.tagged(On::queue, interned().intern("get"));
  };
  run_until_complete(loop, main());
  CHECK(json_of(trace, {TraceEv::task_suspend}) ==
        std::vector<std::string>{R"j({"t":0,"ev":"task_suspend","task":1,"on":"queue","detail":"get"})j"});
  reset_task_counter();
}

TEST_CASE("a worker thread's task_create says so in JSON") {
  TraceRecord r{0, 0, 1000001, 3, interned().intern("asyncio_0"), TraceEv::task_create, task_thread};
  CHECK(Trace::to_json(r) == R"({"t":0,"ev":"task_create","task":1000001,"name":"asyncio_0","parent":3,"thread":true})");
  r.sub = 0;
  CHECK(Trace::to_json(r) == R"({"t":0,"ev":"task_create","task":1000001,"name":"asyncio_0","parent":3})");
}

TEST_CASE("a future lists its labelled callbacks and task wakeups in registration order") {
  Loop loop;
  std::vector<std::string> labels;
  auto main = [&]() -> Task<void> {
    Future<int> fut = Future<int>::create(loop);
    fut.base()->add_done_callback([](FutureBase&) {}, [] { return std::string("cb() at f.py:3"); });
    fut.base()->add_done_callback([](FutureBase&) {});  // unlabelled: left out
    auto waiter = create_task([&]() -> Task<void> { co_await fut; }());
    co_await sleep(0);
    labels = fut.base()->callback_labels();
    fut.set_result(1);
    co_await waiter;
  };
  run_until_complete(loop, main());
  CHECK(labels == std::vector<std::string>{"cb() at f.py:3", "Task.task_wakeup()"});
}

TEST_CASE("a trace that reaches its size limit ends with `truncated` and the loop detaches it") {
  reset_task_counter();
  Loop loop;
  Trace trace;
  trace.max_records = 20;
  loop.set_trace(&trace);
  int switches = 0;
  auto spin = [&]() -> Task<void> {
    for (int i = 0; i < 1000; ++i) {
      co_await sleep(0);
      ++switches;
    }
  };
  run_until_complete(loop, spin());
  CHECK(switches == 1000);
  REQUIRE(trace.truncated());
  CHECK(trace.records().size() == 20);
  CHECK(trace.records().back().ev == TraceEv::truncated);
  // Later hooks cost a null check: nothing asks the trace again.
  CHECK(loop.trace() == nullptr);
  reset_task_counter();
}
