// Coroutines (Task<T>) and asyncio tasks: scheduling, results, errors,
// cancellation, names, reports. Expected orders come from CPython
// (tests/engine/cpython/*.py under tests/oracle/vclock.py).
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace corolab;
using corolab::test::CapturedReports;
using corolab::test::Log;
using Lines = std::vector<std::string>;

namespace {

Task<int> add_one(int n) { co_return n + 1; }

Task<int> nested(int depth) {
  if (depth == 0) co_return 0;
  co_return co_await nested(depth - 1) + 1;
}

Task<int> throws_at(int depth) {
  if (depth == 0) throw ValueError("deep");
  co_return co_await throws_at(depth - 1);
}

}  // namespace

TEST_CASE("awaiting a coroutine runs it inline and returns its value") {
  Loop loop;
  auto main = []() -> Task<int> { co_return co_await add_one(41); };
  CHECK(run_until_complete(loop, main()) == 42);
  CHECK(loop.iterations() == 2);  // the task's first step, then the stop callback
}

TEST_CASE("100,000 nested awaits complete without growing the stack") {
  Loop loop;
  CHECK(run_until_complete(loop, nested(100000)) == 100000);
}

TEST_CASE("an exception propagates through 100,000 nested awaits to the awaiter") {
  Loop loop;
  auto main = []() -> Task<std::string> {
    try {
      co_await throws_at(100000);
    } catch (const ValueError& e) {
      co_return e.what();
    }
    co_return "not thrown";
  };
  CHECK(run_until_complete(loop, main()) == "deep");
}

TEST_CASE("tasks are named Task-1, Task-2, ... by a process-wide counter unless named") {
  reset_task_counter();
  Loop loop;
  std::vector<std::string> names;
  auto child = [&]() -> Task<void> {
    names.push_back(current_task()->name());
    co_return;
  };
  auto main = [&]() -> Task<void> {
    names.push_back(current_task()->name());
    auto a = create_task(child());
    auto b = create_task(child(), "worker");
    auto c = create_task(child());
    co_await a;
    co_await b;
    co_await c;
  };
  run_until_complete(loop, main());
  CHECK(names == Lines{"Task-1", "Task-2", "worker", "Task-3"});
  Loop second;  // the counter is process-wide, not per loop
  run_until_complete(second, main());
  CHECK(names.back() == "Task-6");
  reset_task_counter();
}

TEST_CASE("futures, sleep(0) and done callbacks interleave as in CPython") {
  // cpython/ordering.py
  Loop loop;
  Log log(loop);
  auto child = [&](std::string name, Future<int> fut) -> Task<std::string> {
    log(name + " start");
    co_await sleep(0);
    log(name + " after yield");
    int r = co_await fut;
    log(name + " got " + std::to_string(r));
    co_return name;
  };
  auto main = [&]() -> Task<void> {
    auto fut = Future<int>::create(*Loop::current());
    auto a = create_task(child("a", fut));
    auto b = create_task(child("b", fut));
    fut.add_done_callback([&](FutureBase& f) { log("callback sees " + std::to_string(Future<int>(Ref<FutureBase>(&f)).result())); });
    log("main yields");
    co_await sleep(0);
    log("main sets result");
    fut.set_result(42);
    log("main awaits a");
    std::string r = co_await a;
    log("main got " + r + " b done: " + (b.done() ? "True" : "False"));
    co_await b;
    log(std::string("b done: ") + (b.done() ? "True" : "False"));
  };
  run_until_complete(loop, main());
  CHECK(log.texts() == Lines{"main yields", "a start", "b start", "main sets result", "main awaits a", "a after yield",
                             "a got 42", "b after yield", "b got 42", "callback sees 42", "main got a b done: True",
                             "b done: True"});
}

TEST_CASE("cancelling a sleeping task raises CancelledError in it at its await") {
  // cpython/cancel.py
  Loop loop;
  Log log(loop);
  auto sleeper = [&]() -> Task<void> {
    try {
      co_await sleep(10);
    } catch (const CancelledError& e) {
      log("cancelled at await, msg: " + e.message().value_or("None"));
      throw;
    }
  };
  auto main = [&]() -> Task<void> {
    auto t = create_task(sleeper());
    co_await sleep(1);
    bool ok = t.cancel("stop it");
    log(std::string("cancel -> ") + (ok ? "True" : "False") + " cancelling " + std::to_string(t->cancelling()));
    try {
      co_await t;
    } catch (const CancelledError& e) {
      log("awaiter sees " + e.message().value_or("None"));
    }
    log(std::string("cancelled() ") + (t.cancelled() ? "True" : "False") + " cancel again -> " +
        (t.cancel() ? "True" : "False"));
    auto u = create_task([]() -> Task<void> { co_await sleep(1); }());
    u.cancel();
    try {
      co_await u;
    } catch (const CancelledError&) {
      log("cancelled before start");
    }
    int first = u->uncancel();
    int second = u->uncancel();
    log("uncancel " + std::to_string(first) + " " + std::to_string(second));
  };
  run_until_complete(loop, main());
  CHECK(log.tsv() == Lines{"1.000\tcancel -> True cancelling 1", "1.000\tcancelled at await, msg: stop it",
                           "1.000\tawaiter sees stop it", "1.000\tcancelled() True cancel again -> False",
                           "1.000\tcancelled before start", "1.000\tuncancel 0 0"});
}

TEST_CASE("a task that catches its cancellation and returns finishes normally") {
  Loop loop;
  auto stubborn = []() -> Task<int> {
    try {
      co_await sleep(5);
    } catch (const CancelledError&) {
      co_return 7;
    }
    co_return 0;
  };
  auto main = [&]() -> Task<int> {
    auto t = create_task(stubborn());
    co_await sleep(1);
    t.cancel();
    co_return co_await t;
  };
  CHECK(run_until_complete(loop, main()) == 7);
  CHECK(loop.time() == 1.0);
}

TEST_CASE("an exception in a task is delivered to whoever awaits it") {
  Loop loop;
  auto failing = []() -> Task<int> {
    co_await sleep(1);
    throw ValueError("bad");
  };
  auto main = [&]() -> Task<std::string> {
    auto t = create_task(failing());
    try {
      co_await t;
    } catch (const ValueError& e) {
      co_return e.what();
    }
    co_return "no error";
  };
  CapturedReports reports;
  CHECK(run_until_complete(loop, main()) == "bad");
  CHECK(reports.texts.empty());
}

TEST_CASE("a task exception never retrieved is reported as asyncio reports it") {
  reset_task_counter();
  CapturedReports reports;
  {
    Loop loop;
    auto failing = []() -> Task<void> {
      throw ValueError("lost");
      co_return;
    };
    auto main = [&]() -> Task<void> {
      create_task(failing());
      co_await sleep(1);
    };
    run_until_complete(loop, main());
  }
  REQUIRE(reports.texts.size() == 1);
  CHECK(reports.texts[0] ==
        "Task exception was never retrieved\n"
        "future: <Task finished name='Task-2' coro=<coroutine> exception=ValueError('lost')>");
  reset_task_counter();
}

TEST_CASE("a failed future freed unread is reported; a read one is not") {
  CapturedReports reports;
  Loop loop;
  {
    auto f = Future<int>::create(loop);
    f.set_exception(std::make_exception_ptr(RuntimeError("x")));
    CHECK(f.exception() != nullptr);
  }
  CHECK(reports.texts.empty());
  { Future<int>::create(loop).set_exception(std::make_exception_ptr(RuntimeError("y"))); }
  REQUIRE(reports.texts.size() == 1);
  CHECK(reports.texts[0] == "Future exception was never retrieved\nfuture: <Future finished exception=RuntimeError('y')>");
}

TEST_CASE("current_task and all_tasks see the running and the unfinished tasks") {
  Loop loop;
  auto main = [&]() -> Task<size_t> {
    TaskBase* self = current_task();
    auto t = create_task([]() -> Task<void> { co_await sleep(1); }());
    auto all = loop.all_tasks();
    bool has_self = false;
    for (auto& x : all) has_self = has_self || x.get() == self;
    CHECK(has_self);
    co_await t;
    co_return loop.live_tasks();
  };
  CHECK(run_until_complete(loop, main()) == 1);  // only main is unfinished at that point
  CHECK(loop.live_tasks() == 0);
  CHECK(current_task() == nullptr);
}

TEST_CASE("a done callback added to a finished future is scheduled, not called inline") {
  Loop loop;
  Log log(loop);
  auto main = [&]() -> Task<void> {
    auto f = Future<int>::create(loop);
    f.set_result(1);
    f.add_done_callback([&](FutureBase&) { log("callback"); });
    log("after add");
    co_await sleep(0);
    log("after yield");
  };
  run_until_complete(loop, main());
  CHECK(log.texts() == Lines{"after add", "callback", "after yield"});
}

TEST_CASE("cancelling a task that awaits gather cancels its children; asyncio_run shuts down like asyncio.run") {
  // cpython/run_shutdown.py
  reset_task_counter();
  Log* log_ptr = nullptr;
  auto child = [&](std::string name) -> Task<void> {
    try {
      co_await sleep(10);
    } catch (const CancelledError&) {
      (*log_ptr)(name + " cancelled with its gather");
      throw;
    }
  };
  auto gatherer = [&]() -> Task<void> {
    try {
      co_await gather(child("g1"), child("g2"));
    } catch (const CancelledError&) {
      (*log_ptr)("gatherer cancelled");
      throw;
    }
  };
  auto forever = [&]() -> Task<void> {
    try {
      co_await sleep(100);
    } catch (const CancelledError&) {
      (*log_ptr)("forever cancelled at shutdown");
      throw;
    }
  };
  auto main = [&]() -> Task<void> {
    create_task(forever());
    auto g = create_task(gatherer());
    co_await sleep(1);
    g.cancel();
    co_await sleep(0);
    co_await sleep(0);
    (*log_ptr)("main ends");
  };
  auto after = [&]() -> Task<void> {
    (*log_ptr)("next task is " + current_task()->name());
    co_return;
  };
  Loop loop;
  Log log(loop);
  log_ptr = &log;
  asyncio_run(loop, main());
  Loop second;
  second.make_current();
  Log log2(second);
  log_ptr = &log2;
  asyncio_run(second, after());
  CHECK(log.tsv() == Lines{"1.000\tg1 cancelled with its gather", "1.000\tg2 cancelled with its gather",
                           "1.000\tmain ends", "1.000\tgatherer cancelled", "1.000\tforever cancelled at shutdown"});
  CHECK(log2.texts() == Lines{"next task is Task-8"});
  reset_task_counter();
}

TEST_CASE("a callback that throws is reported as an exception in callback and the loop goes on") {
  CapturedReports reports;
  Loop loop;
  int after = 0;
  loop.call_soon([] { throw RuntimeError("oops"); });
  loop.call_soon([&] { ++after; });
  loop.run_once();
  CHECK(after == 1);
  REQUIRE(reports.texts.size() == 1);
  CHECK(reports.texts[0].rfind("Exception in callback", 0) == 0);
}
